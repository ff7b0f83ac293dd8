/* Settings: language, fullscreen, text size, high contrast, reduced motion, volume and mute,
 * and how names are shown. Every change applies at once and is saved atomically. */
#include "app/scene.h"
#include "scenes/scenes.h"
#include "base/util.h"
#include "ui/draw.h"
#include "ui/layer.h"
#include "ui/text.h"
#include "ui/widgets.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum SettingRow {
    ROW_LANGUAGE = 0,
    ROW_FULLSCREEN,
    ROW_TEXT_SCALE,
    ROW_CONTRAST,
    ROW_MOTION,
    ROW_VOLUME,
    ROW_MUTE,
    ROW_ALL_NAMES,
    ROW_BACK,
    ROW_COUNT
} SettingRow;

static const char *const row_keys[ROW_COUNT] = {
    "settings.language", "settings.fullscreen", "settings.text_scale", "settings.contrast",
    "settings.motion", "settings.volume", "settings.mute", "settings.all_names", "common.back",
};

typedef struct SettingsScene {
    Scene base;
    Nav nav;
    SDL_Rect rects[ROW_COUNT];
    bool saved_ok;
    UiLayer layer;      /* the whole screen, redrawn when a value, the focus or the pointer changes */
} SettingsScene;

static Scene *settings_create(App *app, const char *arg)
{
    (void)app;
    (void)arg;
    SettingsScene *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    nav_init(&s->nav, ROW_COUNT, 1);
    s->saved_ok = true;
    return &s->base;
}

static void settings_destroy(Scene *scene, App *app)
{
    ui_layer_free(&((SettingsScene *)scene)->layer, &app->ui);
    free(scene);
}

static void save(SettingsScene *s, App *app)
{
    char *path = util_path_join(app->user_dir, "settings.json");
    s->saved_ok = path && settings_save(&app->settings, path);
    if (!s->saved_ok)
        app_notice(app, app_tr(app, "settings.save_failed"), 6);
    free(path);
    app_apply_settings(app);
}

static const char *const langs[] = {"en", "ru", "zh"};

/* Changes the row's value by dir (-1, +1; 0 = toggle or activate). */
static bool change(SettingsScene *s, App *app, int row, int dir)
{
    Settings *st = &app->settings;
    switch (row) {
    case ROW_LANGUAGE: {
        int cur = 0;
        for (int i = 0; i < 3; i++)
            if (strcmp(app->lang, langs[i]) == 0)
                cur = i;
        cur = (cur + (dir < 0 ? 2 : 1)) % 3;
        snprintf(st->lang, sizeof st->lang, "%s", langs[cur]);
        /* The command line's --lang no longer wins once the player chose. */
        app->config.lang = NULL;
        break;
    }
    case ROW_FULLSCREEN:
        app_toggle_fullscreen(app);
        return true;
    case ROW_TEXT_SCALE: {
        int v = st->text_scale + (dir < 0 ? -25 : 25);
        if (dir == 0)
            v = st->text_scale >= 200 ? 100 : st->text_scale + 25;
        st->text_scale = v < 100 ? 100 : v > 200 ? 200 : v;
        app->config.scale = 0;
        break;
    }
    case ROW_CONTRAST:
        st->high_contrast = !st->high_contrast;
        break;
    case ROW_MOTION:
        st->reduced_motion = !st->reduced_motion;
        break;
    case ROW_VOLUME: {
        int v = st->volume + (dir < 0 ? -10 : 10);
        if (dir == 0)
            v = st->volume >= 100 ? 0 : st->volume + 10;
        st->volume = v < 0 ? 0 : v > 100 ? 100 : v;
        break;
    }
    case ROW_MUTE:
        st->mute = !st->mute;
        break;
    case ROW_ALL_NAMES:
        st->show_all_names = !st->show_all_names;
        break;
    default:
        return false;
    }
    save(s, app);
    app_sound(app, "select");
    return true;
}

static SceneOutcome settings_action(Scene *scene, App *app, const Action *a)
{
    SettingsScene *s = (SettingsScene *)scene;
    if (ui_back_hit(&app->ui, a))
        return scene_pop();
    if ((a->kind == ACTION_LEFT || a->kind == ACTION_RIGHT) && s->nav.focus != ROW_BACK) {
        change(s, app, s->nav.focus, a->kind == ACTION_LEFT ? -1 : 1);
        return scene_stay();
    }
    NavResult r = nav_handle(&s->nav, a, s->rects);
    if (r == NAV_MOVED)
        app_sound(app, "select");
    if (r == NAV_BACK || (r == NAV_ACTIVATED && s->nav.focus == ROW_BACK))
        return scene_pop();
    if (r == NAV_ACTIVATED)
        change(s, app, s->nav.focus, 0);
    return scene_stay();
}

static void value_text(App *app, int row, char *buf, size_t cap, bool *is_toggle, bool *on)
{
    const Settings *st = &app->settings;
    *is_toggle = false;
    buf[0] = '\0';
    switch (row) {
    case ROW_LANGUAGE:
        snprintf(buf, cap, "%s", strcmp(app->lang, "ru") == 0 ? "Русский" : strcmp(app->lang, "zh") == 0 ? "中文" : "English");
        break;
    case ROW_TEXT_SCALE:
        snprintf(buf, cap, "%d%%", st->text_scale);
        break;
    case ROW_VOLUME:
        snprintf(buf, cap, "%d%%", st->volume);
        break;
    case ROW_FULLSCREEN: *is_toggle = true; *on = st->fullscreen; break;
    case ROW_CONTRAST: *is_toggle = true; *on = st->high_contrast; break;
    case ROW_MOTION: *is_toggle = true; *on = st->reduced_motion; break;
    case ROW_MUTE: *is_toggle = true; *on = st->mute; break;
    case ROW_ALL_NAMES: *is_toggle = true; *on = st->show_all_names; break;
    default: break;
    }
}

static void settings_paint(Scene *scene, App *app)
{
    SettingsScene *s = (SettingsScene *)scene;
    const Theme *th = app->ui.theme;
    ui_background(&app->ui, 0);
    int top = ui_header(&app->ui, app_tr(app, "settings.title"), app_tr(app, "settings.subtitle"));
    int w = app->ui.width - 2 * th->margin;
    if (w > th->unit * 130)
        w = th->unit * 130;
    int bottom = app->ui.height - th->margin * 2;
    int row_h = (bottom - top) / ROW_COUNT - th->unit;
    int max_h = th->size[TEXT_BODY] * 2 + th->unit * 2;
    if (row_h > max_h)
        row_h = max_h;
    for (int i = 0; i < ROW_COUNT; i++) {
        SDL_Rect r = {th->margin, top + i * (row_h + th->unit), w, row_h};
        s->rects[i] = r;
        bool focused = s->nav.focus == i;
        if (i == ROW_BACK) {
            SDL_Rect b = {r.x, r.y + th->unit, th->unit * 30, row_h - th->unit};
            s->rects[i] = b;
            ui_button(&app->ui, b, app_tr(app, row_keys[i]), BUTTON_PRIMARY, focused, true);
            continue;
        }
        bool hover = point_in_rect(app->input.pointer_x, app->input.pointer_y, r) && !ui_show_focus(&app->ui);
        draw_rounded(app->ui.renderer, r, th->radius, (focused && ui_show_focus(&app->ui)) || hover ? th->card : color_alpha(th->card, 150));
        TextOpts lo = {.style = TEXT_BODY, .wrap = w / 2, .max_lines = 1};
        const TextBlock *lb = ui_text_get(app->ui.text, app_tr(app, row_keys[i]), &lo);
        ui_text_draw(app->ui.text, app_tr(app, row_keys[i]), &lo, r.x + th->unit * 3, r.y + (r.h - lb->h) / 2, th->ink);
        char val[64];
        bool toggle, on = false;
        value_text(app, i, val, sizeof val, &toggle, &on);
        SDL_Rect vr = {r.x + r.w - th->unit * 36, r.y + th->unit, th->unit * 33, r.h - 2 * th->unit};
        if (toggle) {
            ui_toggle(&app->ui, vr, on);
        } else {
            /* A value with arrows either side: left and right change it. */
            TextOpts vo = {.style = TEXT_BODY_BOLD, .align = TEXT_CENTER};
            ui_text_draw_centered(app->ui.text, val, &vo, vr, th->ink);
            float ay = (float)(vr.y + vr.h / 2), as = (float)th->size[TEXT_BODY] * 0.8f;
            draw_arrow(app->ui.renderer, (float)vr.x + as, ay, as, -1, th->ink_soft);
            draw_arrow(app->ui.renderer, (float)(vr.x + vr.w) - as, ay, as, 1, th->ink_soft);
        }
        if (focused && ui_show_focus(&app->ui))
            draw_focus_ring(app->ui.renderer, r, th->radius, th->unit, th->focus);
    }
    const char *hints[] = {app_tr(app, "key.arrows"), app_tr(app, "hint.change"), app_tr(app, "key.enter"), app_tr(app, "hint.toggle"),
                           app_tr(app, "key.esc"), app_tr(app, "hint.back")};
    ui_hints(&app->ui, hints, 3);
    ui_back_button(&app->ui);
}

/* Everything the screen shows: the values, the focus and what the widgets read from the input
 * (the language, size and theme are the layer's own epoch). */
static uint64_t settings_key(const SettingsScene *s, App *app)
{
    uint64_t h = ui_layer_key_input(&app->ui, UI_KEY_SEED);
    h = ui_key_mix(h, (uint64_t)s->nav.focus);
    for (int i = 0; i < ROW_COUNT; i++) {
        char val[64];
        bool toggle = false, on = false;
        value_text(app, i, val, sizeof val, &toggle, &on);
        h = ui_key_mix(ui_key_str(h, val), (uint64_t)toggle << 1 | (uint64_t)on);
    }
    return h;
}

static void settings_draw(Scene *scene, App *app)
{
    SettingsScene *s = (SettingsScene *)scene;
    if (ui_layer_begin(&s->layer, &app->ui, settings_key(s, app))) {
        settings_paint(scene, app);
        ui_layer_end(&s->layer, &app->ui);
    }
    ui_layer_draw(&s->layer, &app->ui);
}

static void settings_report(Scene *scene, App *app, cJSON *out)
{
    (void)scene;
    char *json = settings_serialize(&app->settings);
    cJSON *parsed = json ? cJSON_Parse(json) : NULL;
    if (parsed)
        cJSON_AddItemToObject(out, "settings", parsed);
    free(json);
}

const SceneVtable scene_settings = {
    .name = "settings",
    .create = settings_create,
    .destroy = settings_destroy,
    .action = settings_action,
    .draw = settings_draw,
    .report = settings_report,
};
