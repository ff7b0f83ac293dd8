/* Pack discovery: every folder of content/ with a pack.json. */
#include "core/packset.h"
#include "core/app.h"
#include "core/util.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PACKS 64

typedef struct PackEntry {
    char *id;
    cJSON *title;   /* string or {lang: string} */
} PackEntry;

struct PackSet {
    PackEntry packs[MAX_PACKS];
    size_t count;
};

static int by_id(const void *a, const void *b)
{
    return strcmp(((const PackEntry *)a)->id, ((const PackEntry *)b)->id);
}

PackSet *packset_load(App *app)
{
    PackSet *ps = calloc(1, sizeof *ps);
    if (!ps)
        return NULL;
    char *dir = util_path_join(app->data_dir, "content");
    DIR *d = dir ? opendir(dir) : NULL;
    struct dirent *de;
    while (d && (de = readdir(d)) != NULL && ps->count < MAX_PACKS) {
        if (de->d_name[0] == '.' || strcmp(de->d_name, "schema") == 0 || strcmp(de->d_name, "example-pack") == 0)
            continue;
        char *rel = util_format("%s/pack.json", de->d_name);
        char *path = util_path_join(dir, rel);
        char *data = NULL;
        size_t len = 0;
        if (path && util_is_file(path) && util_read_file(path, 8u << 20, &data, &len) == UTIL_OK) {
            cJSON *root = cJSON_ParseWithLength(data, len);
            if (cJSON_IsObject(root)) {
                PackEntry *e = &ps->packs[ps->count++];
                e->id = util_strdup(de->d_name);
                e->title = cJSON_DetachItemFromObjectCaseSensitive(root, "title");
            } else {
                char *msg = util_format("%s: not valid JSON; the pack was skipped", path);
                app_notice(app, msg, 10);
                free(msg);
            }
            cJSON_Delete(root);
        }
        free(data);
        free(path);
        free(rel);
    }
    if (d)
        closedir(d);
    free(dir);
    qsort(ps->packs, ps->count, sizeof ps->packs[0], by_id);
    return ps;
}

void packset_free(PackSet *ps)
{
    if (!ps)
        return;
    for (size_t i = 0; i < ps->count; i++) {
        free(ps->packs[i].id);
        cJSON_Delete(ps->packs[i].title);
    }
    free(ps);
}

size_t packset_count(const PackSet *ps)
{
    return ps ? ps->count : 0;
}

const char *packset_id(const PackSet *ps, size_t i)
{
    return ps && i < ps->count ? ps->packs[i].id : NULL;
}

const char *packset_title(const PackSet *ps, size_t i, const char *lang)
{
    if (!ps || i >= ps->count)
        return NULL;
    const cJSON *t = ps->packs[i].title;
    if (cJSON_IsString(t))
        return t->valuestring;
    const cJSON *s = cJSON_GetObjectItemCaseSensitive(t, lang);
    if (!cJSON_IsString(s))
        s = cJSON_GetObjectItemCaseSensitive(t, "en");
    return cJSON_IsString(s) ? s->valuestring : ps->packs[i].id;
}
