/* Shared round plumbing: clock, packs, levels, answers, results. */
#include "app/session.h"
#include "app/packset.h"
#include "base/util.h"
#include "store/store.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int64_t app_now(const App *app)
{
    (void)app;
    const char *env = getenv("FRONTIERS_NOW");
    if (env && *env) {
        char *end;
        long long v = strtoll(env, &end, 10);
        if (!*end && v > 0)
            return v;
    }
    return (int64_t)time(NULL);
}

const Pack *app_pack(const App *app, const char *id)
{
    return packset_find(app->packs, id);
}

Level *app_level_load(App *app, const char *level_id, const Pack **pack)
{
    *pack = NULL;
    if (!level_id || !*level_id)
        return NULL;
    char *rel = util_format("levels/%s.json", level_id);
    char *path = rel ? util_path_join(app->data_dir, rel) : NULL;
    free(rel);
    if (!path)
        return NULL;
    Diag d;
    diag_init(&d);
    Level *level = NULL;
    /* First without a pack to learn which pack it names, then checked against that pack. */
    if (level_load(path, NULL, &level, &d) == LEVEL_OK) {
        const Pack *p = app_pack(app, level->pack);
        level_free(level);
        level = NULL;
        if (p && level_load(path, p, &level, &d) == LEVEL_OK)
            *pack = p;
        else if (!p) {
            char *msg = util_format("%s: %s", path, app_tr(app, "notice.level_no_pack"));
            app_notice(app, msg ? msg : path, 8);
            free(msg);
        }
    }
    if (!level && d.count > 0) {
        diag_sort(&d);
        char line[600];
        diag_format(&d.items[0], line, sizeof line);
        app_notice(app, line, 10);
    }
    diag_free(&d);
    free(path);
    return level;
}

bool app_record_answer(App *app, const Pack *pack, const char *item_id, GradeMode mode,
                       const char *prompt_kind, bool correct, int grade, int64_t response_ms)
{
    if (!app->store || !app->profile_id || !pack || !item_id)
        return true;
    StoreAnswer a = {
        .profile = app->profile_id,
        .pack = pack->id,
        .pack_version = pack->version,
        .item = item_id,
        .mode = mode,
        .prompt_kind = prompt_kind,
        .correct = correct,
        .grade = grade,
        .response_ms = response_ms,
        .timestamp = app_now(app),
    };
    StoreError err = store_answer_record(app->store, &a, NULL, NULL);
    if (err != STORE_OK) {
        app_notice(app, store_error_message(err), 6);
        return false;
    }
    return true;
}

SceneOutcome app_finish_round(App *app, const RoundSummary *summary)
{
    app->summary = *summary;
    summary_finish(&app->summary);
    app->summary_is_best = false;
    if (app->store && app->profile_id && app->summary.level[0]) {
        StoreLevelResult r = {
            .profile = app->profile_id,
            .level = app->summary.level,
            .score = app->summary.score,
            .max_score = app->summary.max_score,
            .stars = app->summary.stars,
            .time_ms = app->summary.time_ms,
            .date = app_now(app),
        };
        StoreError err = store_level_result_record(app->store, &r, &app->summary_is_best);
        if (err != STORE_OK)
            app_notice(app, store_error_message(err), 6);
    }
    return (SceneOutcome){SCENE_REPLACE, "results", NULL};
}

SceneOutcome app_finish_review_part(App *app, const RoundSummary *summary)
{
    app->summary = *summary;
    summary_finish(&app->summary);
    app->summary_is_best = false;
    return (SceneOutcome){SCENE_POP, NULL, NULL};
}

void app_source_label(const Pack *pack, PackRefs sources, char *out, size_t cap)
{
    out[0] = '\0';
    if (!pack || sources.count == 0)
        return;
    const PackSource *s = &pack->sources[sources.items[0]];
    if (s->author && *s->author)
        snprintf(out, cap, "%s \xE2\x80\x94 %s", s->title, s->author);
    else
        snprintf(out, cap, "%s", s->title);
}

char *app_first_level(const App *app, const char *prefix)
{
    char *dir = util_path_join(app->data_dir, "levels");
    DIR *d = dir ? opendir(dir) : NULL;
    struct dirent *e;
    char *best = NULL;
    size_t pl = strlen(prefix);
    while (d && (e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (strncmp(e->d_name, prefix, pl) == 0 && n > 5 && strcmp(e->d_name + n - 5, ".json") == 0) {
            char *id = util_format("%.*s", (int)(n - 5), e->d_name);
            if (id && (!best || strcmp(id, best) < 0)) {
                free(best);
                best = id;
            } else {
                free(id);
            }
        }
    }
    if (d)
        closedir(d);
    free(dir);
    return best;
}

size_t app_review_due(App *app, GradeMode mode, StoreMemory *due, size_t max)
{
    size_t n = 0;
    if (!app->store || !app->profile_id ||
        store_review_due_list(app->store, app->profile_id, app_now(app), (int)mode, due, max, &n) != STORE_OK)
        return 0;
    return n;
}

const Pack *app_review_pack(App *app, const StoreMemory *due, const Pack *chosen)
{
    const Pack *p = app_pack(app, due->pack);
    return p && (!chosen || p == chosen) ? p : NULL;
}
