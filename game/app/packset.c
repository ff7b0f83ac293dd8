/* Pack loading at start through the validator; errors become notices. */
#include "app/packset.h"
#include "app/app.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct PackSet {
    Pack **packs;
    size_t count;
};

PackSet *packset_load(App *app)
{
    PackSet *ps = calloc(1, sizeof *ps);
    if (!ps)
        return NULL;
    char *dir = util_path_join(app->data_dir, "content");
    Diag diags;
    diag_init(&diags);
    packs_load_all(dir, &ps->packs, &ps->count, &diags);
    diag_sort(&diags);
    /* Show the first errors on screen (all of them go to stderr). */
    int shown = 0;
    for (size_t i = 0; i < diags.count; i++) {
        const DiagEntry *e = &diags.items[i];
        if (e->severity != DIAG_ERROR)
            continue;
        char line[600];
        diag_format(e, line, sizeof line);
        if (shown < 3) {
            char *msg = util_format("%s (%s)", line, app_tr(app, "notice.pack_skipped"));
            app_notice(app, msg ? msg : line, 12);
            free(msg);
        } else {
            fprintf(stderr, "frontiers: %s\n", line);
        }
        shown++;
    }
    diag_free(&diags);
    free(dir);
    return ps;
}

void packset_free(PackSet *ps)
{
    if (!ps)
        return;
    packs_free(ps->packs, ps->count);
    free(ps);
}

size_t packset_count(const PackSet *ps)
{
    return ps ? ps->count : 0;
}

const Pack *packset_get(const PackSet *ps, size_t i)
{
    return ps && i < ps->count ? ps->packs[i] : NULL;
}

const Pack *packset_find(const PackSet *ps, const char *id)
{
    for (size_t i = 0; ps && id && i < ps->count; i++)
        if (strcmp(ps->packs[i]->id, id) == 0)
            return ps->packs[i];
    return NULL;
}

const char *packset_id(const PackSet *ps, size_t i)
{
    const Pack *p = packset_get(ps, i);
    return p ? p->id : NULL;
}

const char *packset_title(const PackSet *ps, size_t i, const char *lang)
{
    const Pack *p = packset_get(ps, i);
    return p ? text_get(&p->title, lang) : NULL;
}
