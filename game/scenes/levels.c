/* The level list: the campaign's chapters (no argument) or every level of one mode (argument
 * "timeline", "map" or "flashcards"), each with its stars and best score from the progress store,
 * and a lock until the level it follows is finished with enough stars. Choosing a level opens
 * that mode's round with the level id. */
#include "content/level.h"
#include "app/session.h"
#include "app/scene.h"
#include "base/util.h"
#include "scenes/scenes.h"
#include "store/store.h"
#include "ui/draw.h"
#include "ui/layer.h"
#include "ui/text.h"
#include "ui/widgets.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LEVELS 96

typedef struct LevelEntry {
    Level *level;
    int chapter;            /* index into the campaign's chapters, -1 without a campaign */
    bool locked;
    StoreLevelBest best;
    bool has_best;
    SDL_Rect rect;
} LevelEntry;

typedef struct LevelsScene {
    Scene base;
    char mode[16];          /* "" for the campaign */
    Campaign *campaign;
    LevelEntry entries[MAX_LEVELS];
    int count;
    Nav nav;
    SDL_Rect rects[MAX_LEVELS];
    int scroll;             /* pixels scrolled */
    int content_h;
    double t;
    double shake;           /* seconds left of the "locked" shake */
    UiLayer layer;          /* the whole screen while nothing moves */
    unsigned resumed;       /* times the stars were read again */
} LevelsScene;

static const char *scene_for_mode(LevelMode mode)
{
    switch (mode) {
    case LEVEL_MODE_TIMELINE: return "timeline";
    case LEVEL_MODE_MAP: return "map";
    case LEVEL_MODE_FLASHCARDS: return "flashcards";
    default: return "mixed";
    }
}

static Level *load_level(App *app, const char *id)
{
    char *rel = util_format("levels/%s.json", id);
    char *path = rel ? util_path_join(app->data_dir, rel) : NULL;
    Level *level = NULL;
    if (path && util_is_file(path) && level_load(path, NULL, &level, NULL) != LEVEL_OK)
        level = NULL;
    free(rel);
    free(path);
    return level;
}

static int by_id(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void refresh_progress(LevelsScene *s, App *app)
{
    for (int i = 0; i < s->count; i++) {
        LevelEntry *e = &s->entries[i];
        e->has_best = app->store && app->profile_id &&
                      store_level_best(app->store, app->profile_id, e->level->id, &e->best) == STORE_OK;
    }
    for (int i = 0; i < s->count; i++) {
        LevelEntry *e = &s->entries[i];
        e->locked = false;
        if (!e->level->has_unlock)
            continue;
        int need = e->level->unlock_stars > 0 ? e->level->unlock_stars : 1;
        bool met = false;
        for (int j = 0; j < s->count; j++)
            if (strcmp(s->entries[j].level->id, e->level->unlock_after) == 0)
                met = s->entries[j].has_best && s->entries[j].best.stars >= need;
        e->locked = !met;
    }
}

static void add_level(LevelsScene *s, App *app, const char *id, int chapter)
{
    if (s->count >= MAX_LEVELS)
        return;
    Level *level = load_level(app, id);
    if (!level)
        return;
    const char *want = s->mode;
    if (want[0] && strcmp(level_mode_name(level->mode), want) != 0) {
        level_free(level);
        return;
    }
    /* A level whose pack did not load, or whose mode this build cannot play, is left out. */
    if (!app_pack(app, level->pack) || !app_scene_lookup(app, scene_for_mode(level->mode))) {
        level_free(level);
        return;
    }
    s->entries[s->count++] = (LevelEntry){.level = level, .chapter = chapter};
}

static Scene *levels_create(App *app, const char *arg)
{
    LevelsScene *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    snprintf(s->mode, sizeof s->mode, "%s", arg ? arg : "");
    char *dir = util_path_join(app->data_dir, "levels");
    if (!s->mode[0]) {
        char *path = util_path_join(dir, "campaign.json");
        Diag d;
        diag_init(&d);
        if (path && campaign_load(path, &s->campaign, &d) == LEVEL_OK) {
            for (uint32_t c = 0; c < s->campaign->chapter_count; c++)
                for (uint32_t k = 0; k < s->campaign->chapters[c].levels.count; k++)
                    add_level(s, app, s->campaign->chapters[c].levels.items[k], (int)c);
        } else if (d.count > 0) {
            char line[600];
            diag_format(&d.items[0], line, sizeof line);
            app_notice(app, line, 10);
        }
        diag_free(&d);
        free(path);
    } else {
        /* Every level file of the mode, in file-name order. */
        char *names[MAX_LEVELS];
        int n = 0;
        DIR *dh = opendir(dir);
        struct dirent *de;
        while (dh && (de = readdir(dh)) != NULL && n < MAX_LEVELS) {
            size_t len = strlen(de->d_name);
            if (len > 5 && strcmp(de->d_name + len - 5, ".json") == 0 && strcmp(de->d_name, "campaign.json") != 0)
                names[n++] = util_format("%.*s", (int)(len - 5), de->d_name);
        }
        if (dh)
            closedir(dh);
        qsort(names, (size_t)n, sizeof names[0], by_id);
        for (int i = 0; i < n; i++) {
            add_level(s, app, names[i], -1);
            free(names[i]);
        }
    }
    free(dir);
    refresh_progress(s, app);
    nav_init(&s->nav, s->count, 3);
    /* Start on the first unlocked level without three stars. */
    for (int i = 0; i < s->count; i++)
        if (!s->entries[i].locked && (!s->entries[i].has_best || s->entries[i].best.stars < 3)) {
            s->nav.focus = i;
            break;
        }
    if (app->settings.reduced_motion)
        s->t = 10;
    return &s->base;
}

static void levels_destroy(Scene *scene, App *app)
{
    (void)app;
    LevelsScene *s = (LevelsScene *)scene;
    for (int i = 0; i < s->count; i++)
        level_free(s->entries[i].level);
    campaign_free(s->campaign);
    ui_layer_free(&s->layer, &app->ui);
    free(s);
}

static void levels_resume(Scene *scene, App *app)
{
    refresh_progress((LevelsScene *)scene, app);
    ((LevelsScene *)scene)->resumed++;
}

static SceneOutcome levels_action(Scene *scene, App *app, const Action *a)
{
    LevelsScene *s = (LevelsScene *)scene;
    if (ui_back_hit(&app->ui, a))
        return scene_pop();
    if (a->kind == ACTION_SCROLL) {
        s->scroll -= (int)(a->dy * app->ui.theme->unit * 8);
        return scene_stay();
    }
    /* Rectangles on screen are offset by the scroll. */
    SDL_Rect shown[MAX_LEVELS];
    for (int i = 0; i < s->count; i++) {
        shown[i] = s->entries[i].rect;
        shown[i].y -= s->scroll;
    }
    NavResult r = nav_handle(&s->nav, a, shown);
    if (r == NAV_MOVED)
        app_sound(app, "select");
    if (r == NAV_BACK)
        return scene_pop();
    if (r == NAV_ACTIVATED && s->count > 0) {
        LevelEntry *e = &s->entries[s->nav.focus];
        if (e->locked) {
            app_sound(app, "wrong");
            s->shake = app->settings.reduced_motion ? 0 : 0.35;
            return scene_stay();
        }
        app_sound(app, "confirm");
        return scene_push(scene_for_mode(e->level->mode), e->level->id);
    }
    return scene_stay();
}

static SceneOutcome levels_update(Scene *scene, App *app, double dt)
{
    (void)app;
    LevelsScene *s = (LevelsScene *)scene;
    s->t += dt;
    if (s->shake > 0)
        s->shake -= dt;
    return scene_stay();
}

static const char *mode_key(LevelMode m)
{
    switch (m) {
    case LEVEL_MODE_TIMELINE: return "menu.timeline";
    case LEVEL_MODE_MAP: return "menu.map";
    case LEVEL_MODE_FLASHCARDS: return "menu.flashcards";
    default: return "levels.mixed";
    }
}

/* Lays out cards in three columns under chapter headings; returns the content height. */
static int layout(LevelsScene *s, App *app, int top)
{
    const Theme *th = app->ui.theme;
    int cols = app->ui.width >= app->ui.height * 4 / 3 ? 3 : 2;
    s->nav.columns = cols;
    int gap = th->unit * 3;
    int w = (app->ui.width - 2 * th->margin - gap * (cols - 1)) / cols;
    int h = th->size[TEXT_H2] * 4 + th->size[TEXT_SMALL] * 2 + th->unit * 4;
    int y = top, col = 0, chapter = -2;
    for (int i = 0; i < s->count; i++) {
        LevelEntry *e = &s->entries[i];
        if (e->chapter != chapter) {
            if (col != 0)
                y += h + gap;
            col = 0;
            chapter = e->chapter;
            if (chapter >= 0)
                y += th->size[TEXT_H2] * 2;
        }
        e->rect = (SDL_Rect){th->margin + col * (w + gap), y, w, h};
        if (++col == cols) {
            col = 0;
            y += h + gap;
        }
    }
    if (col != 0)
        y += h + gap;
    return y - top;
}

static void draw_entry(LevelsScene *s, App *app, int i, SDL_Rect r)
{
    const Theme *th = app->ui.theme;
    LevelEntry *e = &s->entries[i];
    bool focused = s->nav.focus == i;
    if (focused && s->shake > 0)
        r.x += (int)(SDL_sinf((float)s->shake * 60.0f) * th->unit);
    float in = (float)ease_out_cubic((s->t - 0.03 * i) / 0.3);
    Uint8 a = (Uint8)(255 * in);
    bool hover = point_in_rect(app->input.pointer_x, app->input.pointer_y, r) && !ui_show_focus(&app->ui);
    SDL_Color fill = e->locked ? th->paper_dark : th->card;
    if (!e->locked && (hover || (focused && ui_show_focus(&app->ui))))
        fill = color_mix(fill, th->gold, 0.12f);
    draw_shadow(app->ui.renderer, r, th->radius, th->unit / 2 + 1, color_alpha(th->shadow, (Uint8)(th->shadow.a * in)));
    draw_rounded(app->ui.renderer, r, th->radius, color_alpha(fill, a));
    draw_rounded_outline(app->ui.renderer, r, th->radius, 1, color_alpha(th->line, a));
    int pad = th->unit * 3;
    /* The mode, small and in seal red, like a card's stamp. */
    TextOpts mo = {.style = TEXT_SMALL, .wrap = r.w - 2 * pad, .max_lines = 1};
    const TextBlock *mb = ui_text_draw(app->ui.text, app_tr(app, mode_key(e->level->mode)), &mo, r.x + pad, r.y + th->unit * 2, color_alpha(th->seal, a));
    TextOpts to = {.style = TEXT_H2, .wrap = r.w - 2 * pad, .max_lines = 2};
    SDL_Color ink = e->locked ? th->ink_soft : th->ink;
    ui_text_draw(app->ui.text, text_get(&e->level->title, app->lang), &to, r.x + pad, r.y + th->unit * 2 + mb->h, color_alpha(ink, a));
    /* Stars along the bottom, filled for the best result. */
    float sr = th->size[TEXT_BODY] * 0.55f;
    float sy = (float)(r.y + r.h - pad - sr);
    for (int k = 0; k < 3; k++) {
        float sx = r.x + pad + sr + k * sr * 2.5f;
        bool filled = e->has_best && e->best.stars > k;
        draw_star(app->ui.renderer, sx, sy, sr, filled, color_alpha(filled ? th->gold : th->line, a));
    }
    if (e->locked) {
        draw_lock(app->ui.renderer, (float)(r.x + r.w - pad - th->unit * 2), sy, th->size[TEXT_BODY] * 1.1f, color_alpha(th->ink_soft, a));
    } else if (e->has_best && e->best.max_score > 0) {
        char best[64];
        snprintf(best, sizeof best, "%s %d/%d", app_tr(app, "levels.best"), e->best.score, e->best.max_score);
        TextOpts bo = {.style = TEXT_SMALL, .align = TEXT_RIGHT};
        ui_text_draw(app->ui.text, best, &bo, r.x + r.w - pad, (int)sy - th->size[TEXT_SMALL] * 3 / 4, color_alpha(th->ink_soft, a));
    }
    if (focused && ui_show_focus(&app->ui))
        draw_focus_ring(app->ui.renderer, r, th->radius, th->unit, th->focus);
}

static void levels_paint(Scene *scene, App *app)
{
    LevelsScene *s = (LevelsScene *)scene;
    const Theme *th = app->ui.theme;
    ui_background(&app->ui, 0);
    const char *title = s->mode[0] ? app_tr(app, strcmp(s->mode, "timeline") == 0 ? "menu.timeline"
                                                 : strcmp(s->mode, "map") == 0 ? "menu.map" : "menu.flashcards")
                                   : app_tr(app, "menu.campaign");
    int total = 0, earned = 0;
    for (int i = 0; i < s->count; i++) {
        total += 3;
        earned += s->entries[i].has_best ? s->entries[i].best.stars : 0;
    }
    char sub[128];
    snprintf(sub, sizeof sub, "%s: %d / %d", app_tr(app, "levels.stars"), earned, total);
    int top = ui_header(&app->ui, title, sub);
    s->content_h = layout(s, app, top);
    int view_bottom = app->ui.height - th->margin * 2;
    /* Keep the focused card in view. */
    if (s->count > 0) {
        SDL_Rect f = s->entries[s->nav.focus].rect;
        if (f.y + f.h - s->scroll > view_bottom)
            s->scroll = f.y + f.h - view_bottom;
        if (f.y - s->scroll < top)
            s->scroll = f.y - top;
    }
    int max_scroll = top + s->content_h - view_bottom;
    if (s->scroll > max_scroll)
        s->scroll = max_scroll;
    if (s->scroll < 0)
        s->scroll = 0;
    SDL_Rect clip = {0, top - th->unit, app->ui.width, view_bottom - top + th->unit};
    SDL_RenderSetClipRect(app->ui.renderer, &clip);
    int chapter = -2;
    for (int i = 0; i < s->count; i++) {
        LevelEntry *e = &s->entries[i];
        SDL_Rect r = e->rect;
        r.y -= s->scroll;
        if (e->chapter != chapter) {
            chapter = e->chapter;
            if (chapter >= 0 && s->campaign) {
                TextOpts co = {.style = TEXT_H2, .wrap = app->ui.width - 2 * th->margin, .max_lines = 1};
                ui_text_draw(app->ui.text, text_get(&s->campaign->chapters[chapter].title, app->lang), &co,
                             th->margin, r.y - th->size[TEXT_H2] * 2, th->ink_soft);
            }
        }
        if (r.y + r.h < clip.y || r.y > clip.y + clip.h)
            continue;
        draw_entry(s, app, i, r);
    }
    SDL_RenderSetClipRect(app->ui.renderer, NULL);
    if (s->count == 0) {
        TextOpts o = {.style = TEXT_BODY, .wrap = app->ui.width - 2 * th->margin};
        ui_text_draw(app->ui.text, app_tr(app, "levels.none"), &o, th->margin, top, th->ink_soft);
    }
    const char *hints[] = {app_tr(app, "key.arrows"), app_tr(app, "hint.move"), app_tr(app, "key.enter"), app_tr(app, "hint.play"),
                           app_tr(app, "key.esc"), app_tr(app, "hint.back")};
    ui_hints(&app->ui, hints, 3);
    ui_back_button(&app->ui);
}

/* What the screen shows: focus, scroll, stars (read again on resume), the input the widgets
 * read; while the cards slide in or a locked card shakes, every frame differs. */
static uint64_t levels_key(const LevelsScene *s, App *app)
{
    uint64_t h = ui_layer_key_input(&app->ui, UI_KEY_SEED);
    h = ui_key_mix(h, (uint64_t)s->nav.focus);
    h = ui_key_mix(h, (uint64_t)(uint32_t)s->scroll);
    h = ui_key_mix(h, s->resumed);
    if (s->t < 0.3 + 0.03 * s->count + 0.1 || s->shake > 0)
        h = ui_key_mix(h, app->frame);
    return h;
}

static void levels_draw(Scene *scene, App *app)
{
    LevelsScene *s = (LevelsScene *)scene;
    if (ui_layer_begin(&s->layer, &app->ui, levels_key(s, app))) {
        levels_paint(scene, app);
        ui_layer_end(&s->layer, &app->ui);
    }
    ui_layer_draw(&s->layer, &app->ui);
}

static void levels_report(Scene *scene, App *app, cJSON *out)
{
    (void)app;
    LevelsScene *s = (LevelsScene *)scene;
    cJSON *arr = cJSON_AddArrayToObject(out, "levels");
    for (int i = 0; i < s->count; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", s->entries[i].level->id);
        cJSON_AddBoolToObject(o, "locked", s->entries[i].locked);
        cJSON_AddNumberToObject(o, "stars", s->entries[i].has_best ? s->entries[i].best.stars : 0);
        cJSON_AddItemToArray(arr, o);
    }
    cJSON_AddNumberToObject(out, "focus", s->nav.focus);
}

const SceneVtable scene_levels = {
    .name = "levels",
    .create = levels_create,
    .destroy = levels_destroy,
    .resume = levels_resume,
    .action = levels_action,
    .update = levels_update,
    .draw = levels_draw,
    .report = levels_report,
};
