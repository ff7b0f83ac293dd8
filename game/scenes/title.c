/* The title screen: the game's name, the pack being played in three languages, a river that
 * draws itself across an atlas page, and a seal stamped in the corner. Any confirm goes on to
 * the profiles screen (or straight to the menu when a profile is already chosen). */
#include "app/packset.h"
#include "app/scene.h"
#include "scenes/scenes.h"
#include "ui/draw.h"
#include "ui/layer.h"
#include "ui/text.h"
#include "ui/widgets.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct TitleScene {
    Scene base;
    double t;          /* seconds since the screen appeared */
    bool leaving;
    UiLayer layer;     /* paper, graticule, text, cards and seal: all but the river and the prompt */
    int prompt_x, prompt_y;
} TitleScene;

static Scene *title_create(App *app, const char *arg)
{
    (void)arg;
    TitleScene *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    if (app->settings.reduced_motion)
        s->t = 10.0;
    return &s->base;
}

static void title_destroy(Scene *scene, App *app)
{
    ui_layer_free(&((TitleScene *)scene)->layer, &app->ui);
    free(scene);
}

static SceneOutcome title_action(Scene *scene, App *app, const Action *a)
{
    TitleScene *s = (TitleScene *)scene;
    switch (a->kind) {
    case ACTION_CONFIRM:
    case ACTION_POINTER_UP:
    case ACTION_MENU:
        app_sound(app, "confirm");
        s->leaving = true;
        return scene_replace(app->profile_id ? "menu" : "profiles", NULL);
    case ACTION_BACK:
        return (SceneOutcome){SCENE_QUIT, NULL, NULL};
    default:
        return scene_stay();
    }
}

static SceneOutcome title_update(Scene *scene, App *app, double dt)
{
    (void)app;
    ((TitleScene *)scene)->t += dt;
    return scene_stay();
}

/* A meandering river in normalised coordinates, drawn up to `progress` (0-1). */
static void draw_river(App *app, double t, float progress)
{
    const Theme *th = app->ui.theme;
    float w = (float)app->ui.width, h = (float)app->ui.height;
    enum { N = 120 };
    float px = 0, py = 0;
    float width = th->unit * 0.9f;
    for (int i = 0; i <= N; i++) {
        float u = (float)i / N;
        if (u > progress)
            break;
        float x = -0.02f * w + u * 1.04f * w;
        float y = h * (0.95f - 0.07f * u) + sinf(u * 9.0f + 0.6f) * h * 0.025f + sinf(u * 23.0f) * h * 0.008f;
        float wave = app->settings.reduced_motion ? 0.0f : sinf((float)t * 1.5f - u * 12.0f) * 0.15f;
        if (i > 0) {
            draw_line(app->ui.renderer, px, py, x, y, width * (1.0f + u * 0.8f + wave), th->teal);
            draw_circle(app->ui.renderer, x, y, width * (1.0f + u * 0.8f + wave) / 2, th->teal);
        }
        px = x;
        py = y;
    }
}

/* The square seal in the corner, pressed in with a short bounce. */
static void draw_seal(App *app, float cx, float cy, float size, float press)
{
    const Theme *th = app->ui.theme;
    if (press <= 0)
        return;
    float scale = 1.0f + (1.0f - (float)ease_out_cubic(press)) * 0.6f;
    Uint8 alpha = (Uint8)(230 * clamp01(press * 2));
    float s = size * scale;
    SDL_Rect r = {(int)(cx - s / 2), (int)(cy - s / 2), (int)s, (int)s};
    draw_rounded(app->ui.renderer, r, (int)(s * 0.08f), color_alpha(th->seal, alpha));
    SDL_Rect inner = {r.x + (int)(s * 0.07f), r.y + (int)(s * 0.07f), r.w - (int)(s * 0.14f), r.h - (int)(s * 0.14f)};
    draw_rounded_outline(app->ui.renderer, inner, (int)(s * 0.05f), (int)(s * 0.03f) + 1, color_alpha(th->on_accent, alpha));
    /* 边疆: "frontier", as carved on a seal (two columns read top to bottom, right to left).
     * The characters keep their final size while the seal comes down around them: a size per
     * frame of the press would open a new CJK face each time (about 1 MB and a few ms each). */
    TextOpts o = {.style = TEXT_DISPLAY, .size = (int)(size * 0.36f), .align = TEXT_CENTER};
    ui_text_draw_centered(app->ui.text, "\xE8\xBE\xB9", &o, (SDL_Rect){inner.x, inner.y, inner.w, inner.h / 2}, color_alpha(th->on_accent, alpha));
    ui_text_draw_centered(app->ui.text, "\xE7\x96\x86", &o, (SDL_Rect){inner.x, inner.y + inner.h / 2, inner.w, inner.h / 2}, color_alpha(th->on_accent, alpha));
}

/* Three archival cards fanned on the right: the treaties that drew the Amur border. */
static void draw_cards(App *app, double t)
{
    const Theme *th = app->ui.theme;
    static const char *const years[3] = {"1689", "1858", "1860"};
    static const char *const keys[3] = {"title.card_nerchinsk", "title.card_aigun", "title.card_beijing"};
    int cw = app->ui.width * 24 / 100, ch = cw * 6 / 10;
    int base_x = app->ui.width - th->margin * 2 - cw - th->unit * 8;
    int base_y = app->ui.height * 30 / 100;
    for (int i = 0; i < 3; i++) {
        float in = (float)ease_out_cubic((t - 0.5 - i * 0.15) / 0.5);
        if (in <= 0)
            continue;
        SDL_Rect r = {base_x + i * th->unit * 4 + (int)((1 - in) * app->ui.width * 0.2f), base_y + i * (ch * 50 / 100), cw, ch};
        Uint8 a = (Uint8)(255 * in);
        draw_shadow(app->ui.renderer, r, th->radius / 2, th->unit, color_alpha(th->shadow, (Uint8)(th->shadow.a * in)));
        draw_rounded(app->ui.renderer, r, th->radius / 2, color_alpha(th->card, a));
        draw_rounded_outline(app->ui.renderer, r, th->radius / 2, 1, color_alpha(th->line, a));
        /* Year and name above a red rule, then ruled lines, as on an index card. */
        int pad = th->unit * 3;
        TextOpts yo = {.style = TEXT_H1};
        const TextBlock *yb = ui_text_draw(app->ui.text, years[i], &yo, r.x + pad, r.y + th->unit, color_alpha(th->ink, a));
        TextOpts no = {.style = TEXT_BODY, .wrap = cw - 3 * pad - yb->w, .max_lines = 2};
        const TextBlock *nb = ui_text_get(app->ui.text, app_tr(app, keys[i]), &no);
        ui_text_draw(app->ui.text, app_tr(app, keys[i]), &no, r.x + 2 * pad + yb->w, r.y + th->unit + (yb->h - nb->h) / 2, color_alpha(th->ink_soft, a));
        int rule_y = r.y + th->unit * 2 + yb->h;
        draw_rect(app->ui.renderer, (SDL_Rect){r.x + pad, rule_y, cw - 2 * pad, th->unit / 3 + 1}, color_alpha(th->seal, (Uint8)(a * 0.7f)));
        for (int k = 1; k <= 3; k++)
            draw_rect(app->ui.renderer, (SDL_Rect){r.x + pad, rule_y + k * ch / 6, cw - 2 * pad, 1}, color_alpha(th->line, a));
    }
}

/* The version and the player, bottom right: once the progress store is open (in play it opens
 * just after the first frame, which shows the page alone). */
static void draw_footer(App *app)
{
    if (!app->store_tried)
        return;
    const Theme *th = app->ui.theme;
    char footer[160];
    if (app->profile_id)
        snprintf(footer, sizeof footer, "v%s  \xC2\xB7  %s", FRONTIERS_VERSION, app->profile_name);
    else
        snprintf(footer, sizeof footer, "v%s", FRONTIERS_VERSION);
    TextOpts fo = {.style = TEXT_SMALL, .align = TEXT_RIGHT};
    ui_text_draw(app->ui.text, footer, &fo, app->ui.width - th->margin, app->ui.height - th->margin / 2 - th->size[TEXT_SMALL] * 2, th->ink_soft);
}

/* What stays still once the screen has appeared. The graticule drifts a whole pixel at a time
 * (its lines are whole pixels wide anyway), so the layer is redrawn four times a second. */
static void title_paint(TitleScene *s, App *app)
{
    const Theme *th = app->ui.theme;
    double t = s->t;
    ui_background(&app->ui, floor(t * 4.0) / 4.0);

    int x = th->margin * 2;
    int y = app->ui.height / 10;
    float appear = (float)ease_out_cubic((t - 0.2) / 0.6);
    int rise = (int)((1.0f - appear) * th->unit * 4);
    Uint8 alpha = (Uint8)(255 * appear);
    if (alpha == 0) {
        /* Before the fade-in nothing but the page, the river and the footer shows (the cards,
         * the seal and the prompt come later still): no text is rasterised that no one could
         * see, and the packs need not be loaded yet (the first frame of a start-up). */
        s->prompt_x = x;
        s->prompt_y = y;
        return;
    }

    TextOpts kicker = {.style = TEXT_BODY_BOLD};
    const TextBlock *b = ui_text_draw(app->ui.text, app_tr(app, "title.kicker"), &kicker, x, y + rise, color_alpha(th->seal, alpha));
    y += b->h + th->unit;
    TextOpts big = {.style = TEXT_DISPLAY, .size = th->size[TEXT_DISPLAY] * 3 / 2};
    b = ui_text_draw(app->ui.text, "Frontiers", &big, x - th->unit / 2, y + rise, color_alpha(th->ink, alpha));
    y += b->h;
    draw_rect(app->ui.renderer, (SDL_Rect){x, y, (int)(b->w * appear), th->unit / 2 + 1}, color_alpha(th->gold, alpha));
    y += th->unit * 3;
    TextOpts tag = {.style = TEXT_H2, .wrap = app->ui.width * 52 / 100};
    b = ui_text_draw(app->ui.text, app_tr(app, "title.tagline"), &tag, x, y + rise, color_alpha(th->ink_soft, alpha));
    y += b->h + th->unit * 4;

    /* The pack being played, named in all three languages. */
    if (!app->packs)
        app_finish_startup(app);
    size_t npacks = packset_count(app->packs);
    if (npacks > 0) {
        TextOpts lab = {.style = TEXT_SMALL};
        b = ui_text_draw(app->ui.text, app_tr(app, "title.pack"), &lab, x, y, color_alpha(th->ink_soft, alpha));
        y += b->h + th->unit / 2;
        /* The title in the player's language, the other two beneath it. */
        TextOpts po = {.style = TEXT_BODY_BOLD, .wrap = app->ui.width * 55 / 100, .max_lines = 2};
        b = ui_text_draw(app->ui.text, packset_title(app->packs, 0, app->lang), &po, x, y, color_alpha(th->ink, alpha));
        y += b->h;
        const char *others[2];
        int k = 0;
        static const char *const langs[3] = {"en", "ru", "zh"};
        for (int i = 0; i < 3 && k < 2; i++)
            if (strcmp(langs[i], app->lang) != 0)
                others[k++] = packset_title(app->packs, 0, langs[i]);
        char line[512];
        snprintf(line, sizeof line, "%s  \xC2\xB7  %s", others[0], others[1]);
        TextOpts so = {.style = TEXT_SMALL, .wrap = app->ui.width * 55 / 100, .max_lines = 2};
        b = ui_text_draw(app->ui.text, line, &so, x, y + th->unit / 2, color_alpha(th->ink_soft, alpha));
        y += b->h + th->unit / 2;
    } else {
        TextOpts po = {.style = TEXT_BODY, .wrap = app->ui.width * 6 / 10};
        b = ui_text_draw(app->ui.text, app_tr(app, "title.no_packs"), &po, x, y, th->seal);
        y += b->h;
    }

    draw_seal(app, app->ui.width - th->margin * 2.6f, th->margin * 2.6f, th->unit * 17.0f, (float)((t - 0.9) / 0.35));
    draw_cards(app, t);
    s->prompt_x = x;
    s->prompt_y = y;
}

static void title_draw(Scene *scene, App *app)
{
    TitleScene *s = (TitleScene *)scene;
    const Theme *th = app->ui.theme;
    double t = s->t;
    /* While things fly in every frame differs; then only the graticule's drift. */
    uint64_t key = ui_key_mix(UI_KEY_SEED, t < 1.6 ? app->frame : 0);
    key = ui_key_mix(key, app->settings.reduced_motion ? 0 : (uint64_t)fmod(floor(t * 4.0), 100.0));
    if (ui_layer_begin(&s->layer, &app->ui, key)) {
        title_paint(s, app);
        ui_layer_end(&s->layer, &app->ui);
    }
    ui_layer_draw(&s->layer, &app->ui);
    draw_river(app, t, (float)ease_out_cubic(t / 1.6));
    int x = s->prompt_x, y = s->prompt_y;

    /* The prompt breathes gently; it is the one thing to do on this screen. */
    float pulse = app->settings.reduced_motion ? 1.0f : 0.85f + 0.15f * sinf((float)t * 3.0f);
    const char *prompt = app->input.last_device == INPUT_GAMEPAD ? app_tr(app, "title.start_pad") : app_tr(app, "title.start");
    TextOpts pr = {.style = TEXT_BODY_BOLD, .align = TEXT_CENTER};
    const TextBlock *pb = ui_text_get(app->ui.text, prompt, &pr);
    int pad = th->unit * 2;
    SDL_Rect pill = {x, y + th->unit * 4, pb->w + pad * 4, pb->h + pad * 2};
    Uint8 pa = (Uint8)(255 * clamp01((t - 1.0) / 0.4));
    draw_shadow(app->ui.renderer, pill, pill.h / 2, th->unit, color_alpha(th->shadow, (Uint8)(th->shadow.a * pa / 255)));
    draw_rounded(app->ui.renderer, pill, pill.h / 2, color_alpha(color_mix(th->seal, th->ink, 1.0f - pulse), pa));
    draw_arrow(app->ui.renderer, (float)(pill.x + pad * 1.6f), (float)(pill.y + pill.h / 2), (float)pad, 1, color_alpha(th->on_accent, pa));
    ui_text_draw_centered(app->ui.text, prompt, &pr, (SDL_Rect){pill.x + pad, pill.y, pill.w - pad, pill.h}, color_alpha(th->on_accent, pa));

    draw_footer(app);
}

static void title_report(Scene *scene, App *app, cJSON *out)
{
    (void)app;
    cJSON_AddNumberToObject(out, "seconds", ((TitleScene *)scene)->t);
}

const SceneVtable scene_title = {
    .name = "title",
    .create = title_create,
    .destroy = title_destroy,
    .action = title_action,
    .update = title_update,
    .draw = title_draw,
    .report = title_report,
};
