/* The main menu: the modes that work in this build, then profiles, settings and quit. A mode
 * appears only when its scene is registered, so the menu never offers something unfinished. */
#include "app/scene.h"
#include "scenes/scenes.h"
#include "ui/draw.h"
#include "ui/layer.h"
#include "ui/text.h"
#include "ui/widgets.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct MenuEntry {
    const char *scene;      /* the scene that must exist for the entry to show */
    const char *push;       /* what to open: NULL = `scene` itself */
    const char *arg;
    const char *label;      /* i18n key */
    const char *detail;     /* i18n key of the one-line description */
    bool big;               /* a mode tile (true) or a small button */
} MenuEntry;

static const MenuEntry all_entries[] = {
    {"levels", NULL, NULL, "menu.campaign", "menu.campaign_detail", true},
    {"review", NULL, NULL, "menu.review", "menu.review_detail", true},
    {"timeline", "levels", "timeline", "menu.timeline", "menu.timeline_detail", true},
    {"map", "levels", "map", "menu.map", "menu.map_detail", true},
    {"flashcards", "levels", "flashcards", "menu.flashcards", "menu.flashcards_detail", true},
    {"classroom", NULL, NULL, "menu.classroom", "menu.classroom_detail", true},
    {"stats", NULL, NULL, "menu.stats", NULL, false},
    {"profiles", NULL, NULL, "menu.profiles", NULL, false},
    {"settings", NULL, NULL, "menu.settings", NULL, false},
    {NULL, NULL, NULL, "menu.quit", NULL, false},
};

#define MAX_ENTRIES 16

typedef struct MenuScene {
    Scene base;
    const MenuEntry *entries[MAX_ENTRIES];
    SDL_Rect rects[MAX_ENTRIES];
    int count;
    int big_count;
    Nav nav;
    double t;
    UiLayer layer;      /* the whole screen once the tiles have settled */
} MenuScene;

static Scene *menu_create(App *app, const char *arg)
{
    (void)app;
    (void)arg;
    MenuScene *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    for (size_t i = 0; i < sizeof all_entries / sizeof all_entries[0]; i++) {
        const MenuEntry *e = &all_entries[i];
        if (e->scene && (!app_scene_lookup(app, e->scene) || (e->push && !app_scene_lookup(app, e->push))))
            continue;
        s->entries[s->count++] = e;
        if (e->big)
            s->big_count++;
    }
    nav_init(&s->nav, s->count, 1);
    if (app->settings.reduced_motion)
        s->t = 10;
    return &s->base;
}

static void menu_destroy(Scene *scene, App *app)
{
    ui_layer_free(&((MenuScene *)scene)->layer, &app->ui);
    free(scene);
}

/* Mode tiles in a grid of up to three columns, then a row of small buttons. */
static void layout(MenuScene *s, App *app, int top)
{
    const Theme *th = app->ui.theme;
    int avail_w = app->ui.width - 2 * th->margin;
    int cols = s->big_count >= 3 ? 3 : s->big_count > 0 ? s->big_count : 1;
    int gap = th->unit * 3;
    int tile_w = (avail_w - gap * (cols - 1)) / cols;
    int tile_h = th->size[TEXT_H2] * 4 + th->unit * 4;
    int small_h = th->size[TEXT_BODY] * 2 + th->unit;
    int k = 0;
    for (int i = 0; i < s->count; i++) {
        if (!s->entries[i]->big)
            continue;
        int row = k / cols, col = k % cols;
        s->rects[i] = (SDL_Rect){th->margin + col * (tile_w + gap), top + row * (tile_h + gap), tile_w, tile_h};
        k++;
    }
    int rows = (s->big_count + cols - 1) / cols;
    int y = top + rows * (tile_h + gap) + (rows ? th->unit * 2 : 0);
    int nsmall = s->count - s->big_count;
    int sw = (avail_w - gap * (nsmall - 1)) / (nsmall > 0 ? nsmall : 1);
    if (sw > th->unit * 40)
        sw = th->unit * 40;
    int x = th->margin;
    for (int i = 0; i < s->count; i++) {
        if (s->entries[i]->big)
            continue;
        s->rects[i] = (SDL_Rect){x, y, sw, small_h};
        x += sw + gap;
    }
    s->nav.columns = 1;
}

static SceneOutcome menu_action(Scene *scene, App *app, const Action *a)
{
    MenuScene *s = (MenuScene *)scene;
    NavResult r = nav_handle(&s->nav, a, s->rects);
    if (r == NAV_MOVED)
        app_sound(app, "select");
    if (r == NAV_BACK)
        return scene_replace("title", NULL);
    if (r == NAV_ACTIVATED) {
        const MenuEntry *e = s->entries[s->nav.focus];
        app_sound(app, "confirm");
        if (!e->scene)
            return (SceneOutcome){SCENE_QUIT, NULL, NULL};
        if (strcmp(e->scene, "profiles") == 0)
            return scene_replace("profiles", NULL);
        return scene_push(e->push ? e->push : e->scene, e->arg);
    }
    return scene_stay();
}

static SceneOutcome menu_update(Scene *scene, App *app, double dt)
{
    (void)app;
    ((MenuScene *)scene)->t += dt;
    return scene_stay();
}

static void draw_tile(App *app, const MenuEntry *e, SDL_Rect r, bool focused, int index, double t)
{
    const Theme *th = app->ui.theme;
    float appear = (float)ease_out_cubic((t - index * 0.05) / 0.3);
    r.y += (int)((1 - appear) * th->unit * 3);
    Uint8 alpha = (Uint8)(255 * appear);
    bool hover = point_in_rect(app->input.pointer_x, app->input.pointer_y, r) && !ui_show_focus(&app->ui);
    draw_shadow(app->ui.renderer, r, th->radius, th->unit, color_alpha(th->shadow, (Uint8)(th->shadow.a * appear)));
    draw_rounded(app->ui.renderer, r, th->radius, color_alpha(hover || (focused && ui_show_focus(&app->ui)) ? color_mix(th->card, th->gold, 0.10f) : th->card, alpha));
    draw_rounded_outline(app->ui.renderer, r, th->radius, 1, color_alpha(th->line, alpha));
    /* A seal-red band on the left edge, like an index card's tab. */
    draw_rect(app->ui.renderer, (SDL_Rect){r.x + th->unit * 2, r.y + th->unit * 2, th->unit / 2 + 1, r.h - th->unit * 4}, color_alpha(th->seal, alpha));
    int pad = th->unit * 4;
    TextOpts title = {.style = TEXT_H2, .wrap = r.w - pad - th->unit * 2, .max_lines = 1};
    const TextBlock *b = ui_text_draw(app->ui.text, app_tr(app, e->label), &title, r.x + pad, r.y + th->unit * 2, color_alpha(th->ink, alpha));
    if (e->detail) {
        TextOpts d = {.style = TEXT_BODY, .wrap = r.w - pad - th->unit * 2, .max_lines = 2};
        ui_text_draw(app->ui.text, app_tr(app, e->detail), &d, r.x + pad, r.y + th->unit * 3 + b->h, color_alpha(th->ink_soft, alpha));
    }
    if (focused && ui_show_focus(&app->ui))
        draw_focus_ring(app->ui.renderer, r, th->radius, th->unit, th->focus);
}

static void menu_paint(Scene *scene, App *app)
{
    MenuScene *s = (MenuScene *)scene;
    const Theme *th = app->ui.theme;
    ui_background(&app->ui, 0);
    char sub[160];
    if (app->profile_id)
        snprintf(sub, sizeof sub, "%s %s", app_tr(app, "menu.playing_as"), app->profile_name);
    else
        snprintf(sub, sizeof sub, "%s", app_tr(app, "menu.no_profile"));
    int top = ui_header(&app->ui, app_tr(app, "menu.title"), sub);
    if (s->big_count == 0) {
        TextOpts o = {.style = TEXT_BODY, .wrap = app->ui.width - 2 * th->margin};
        const TextBlock *b = ui_text_draw(app->ui.text, app_tr(app, "menu.modes_coming"), &o, th->margin, top + th->unit * 2, th->ink_soft);
        top += b->h + th->unit * 2;
    }
    layout(s, app, top + th->unit * 2);
    for (int i = 0; i < s->count; i++) {
        const MenuEntry *e = s->entries[i];
        bool focused = s->nav.focus == i;
        if (e->big)
            draw_tile(app, e, s->rects[i], focused, i, s->t);
        else
            ui_button(&app->ui, s->rects[i], app_tr(app, e->label), e->scene ? BUTTON_SECONDARY : BUTTON_GHOST, focused, true);
    }
    const char *hints[] = {app_tr(app, "key.arrows"), app_tr(app, "hint.move"), app_tr(app, "key.enter"), app_tr(app, "hint.choose"),
                           app_tr(app, "key.esc"), app_tr(app, "hint.back")};
    ui_hints(&app->ui, hints, 3);
}

/* What the screen shows: the focus, the input the widgets read, the player, and while the
 * tiles slide in, the time (every frame differs). */
static uint64_t menu_key(const MenuScene *s, App *app)
{
    uint64_t h = ui_layer_key_input(&app->ui, UI_KEY_SEED);
    h = ui_key_mix(h, (uint64_t)s->nav.focus);
    h = ui_key_mix(h, (uint64_t)app->profile_id);
    h = ui_key_str(h, app->profile_name);
    if (s->t < 1.0)
        h = ui_key_mix(h, app->frame);
    return h;
}

static void menu_draw(Scene *scene, App *app)
{
    MenuScene *s = (MenuScene *)scene;
    if (ui_layer_begin(&s->layer, &app->ui, menu_key(s, app))) {
        menu_paint(scene, app);
        ui_layer_end(&s->layer, &app->ui);
    }
    ui_layer_draw(&s->layer, &app->ui);
}

static void menu_report(Scene *scene, App *app, cJSON *out)
{
    MenuScene *s = (MenuScene *)scene;
    (void)app;
    cJSON *items = cJSON_AddArrayToObject(out, "items");
    for (int i = 0; i < s->count; i++)
        cJSON_AddItemToArray(items, cJSON_CreateString(s->entries[i]->scene ? s->entries[i]->scene : "quit"));
    cJSON_AddNumberToObject(out, "focus", s->nav.focus);
}

const SceneVtable scene_menu = {
    .name = "menu",
    .create = menu_create,
    .destroy = menu_destroy,
    .action = menu_action,
    .update = menu_update,
    .draw = menu_draw,
    .report = menu_report,
};
