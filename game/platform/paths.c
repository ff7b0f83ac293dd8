/* Data and user folder lookup. */
#include "platform/paths.h"
#include "base/util.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool paths_is_data_dir(const char *dir)
{
    char *probe = util_path_join(dir, "assets/i18n/en.json");
    bool ok = probe && util_is_file(probe);
    free(probe);
    return ok;
}

static void add_tried(char **tried, const char *dir)
{
    if (!tried)
        return;
    char *next = *tried ? util_format("%s, %s", *tried, dir) : util_strdup(dir);
    free(*tried);
    *tried = next;
}

char *paths_find_data_dir(const char *option, char **tried)
{
    if (tried)
        *tried = NULL;
    if (option) {
        add_tried(tried, option);
        return paths_is_data_dir(option) ? util_strdup(option) : NULL;
    }
    const char *env = getenv("FRONTIERS_DATA_DIR");
    if (env && *env) {
        add_tried(tried, env);
        if (paths_is_data_dir(env))
            return util_strdup(env);
    }
    char *base = SDL_GetBasePath();
    char *found = NULL;
#ifdef FRONTIERS_SOURCE_DIR
    /* Run from a build folder (it holds CMakeCache.txt): the source tree it was built from. */
    char *cache = base ? util_path_join(base, "CMakeCache.txt") : NULL;
    if (cache && util_is_file(cache)) {
        add_tried(tried, FRONTIERS_SOURCE_DIR);
        if (paths_is_data_dir(FRONTIERS_SOURCE_DIR))
            found = util_strdup(FRONTIERS_SOURCE_DIR);
    }
    free(cache);
#endif
    if (!found && base) {
        /* Installed layout: <prefix>/bin/frontiers and <prefix>/share/frontiers. */
        char *installed = util_path_join(base, "../share/frontiers");
        add_tried(tried, installed);
        if (paths_is_data_dir(installed))
            found = installed;
        else
            free(installed);
    }
    if (!found && base) {
        /* A macOS bundle: SDL_GetBasePath is Contents/Resources, which holds the data. */
        add_tried(tried, base);
        if (paths_is_data_dir(base))
            found = util_strdup(base);
    }
    SDL_free(base);
    return found;
}

char *paths_find_user_dir(const char *option)
{
    char *dir = NULL;
    if (option)
        dir = util_strdup(option);
    else if (getenv("FRONTIERS_USER_DIR") && *getenv("FRONTIERS_USER_DIR"))
        dir = util_strdup(getenv("FRONTIERS_USER_DIR"));
    else {
        char *pref = SDL_GetPrefPath("", "frontiers");
        if (pref) {
            size_t n = strlen(pref);
            if (n > 1 && pref[n - 1] == '/')
                pref[n - 1] = '\0';
            dir = util_strdup(pref);
            SDL_free(pref);
        }
    }
    if (dir && !util_mkdirs(dir)) {
        free(dir);
        return NULL;
    }
    return dir;
}
