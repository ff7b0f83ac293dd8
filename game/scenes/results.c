/* The results screen every round ends on: stars earned against the level's thresholds, the
 * score counting up, time, and what was missed with the right answer and its source; Retry plays
 * the same level again, Continue goes back to the level list. Reads app->summary. */
#include "content/i18n.h"
#include "app/scene.h"
#include "scenes/scenes.h"
#include "ui/draw.h"
#include "ui/text.h"
#include "ui/widgets.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { BTN_RETRY = 0, BTN_CONTINUE, BTN_COUNT };

typedef struct ResultsScene {
    Scene base;
    double t;
    Nav nav;
    SDL_Rect buttons[BTN_COUNT];
    int scroll;          /* first miss shown */
    bool fanfare_played;
} ResultsScene;

static Scene *results_create(App *app, const char *arg)
{
    (void)arg;
    ResultsScene *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    nav_init(&s->nav, BTN_COUNT, BTN_COUNT);
    s->nav.focus = BTN_CONTINUE;
    if (app->settings.reduced_motion)
        s->t = 10;
    return &s->base;
}

static void results_destroy(Scene *scene, App *app)
{
    (void)app;
    free(scene);
}

static bool can_retry(const App *app)
{
    return app->summary.retry_scene[0] && app_scene_lookup(app, app->summary.retry_scene);
}

static SceneOutcome results_action(Scene *scene, App *app, const Action *a)
{
    ResultsScene *s = (ResultsScene *)scene;
    const RoundSummary *sum = &app->summary;
    if (a->kind == ACTION_UP && s->scroll > 0) {
        s->scroll--;
        return scene_stay();
    }
    if (a->kind == ACTION_DOWN && s->scroll + 1 < sum->miss_count) {
        s->scroll++;
        return scene_stay();
    }
    if (a->kind == ACTION_SCROLL) {
        s->scroll -= a->dy > 0 ? 1 : -1;
        if (s->scroll < 0)
            s->scroll = 0;
        if (s->scroll >= sum->miss_count)
            s->scroll = sum->miss_count > 0 ? sum->miss_count - 1 : 0;
        return scene_stay();
    }
    NavResult r = nav_handle(&s->nav, a, s->buttons);
    if (r == NAV_MOVED)
        app_sound(app, "select");
    if (r == NAV_BACK)
        return scene_pop();
    if (r == NAV_ACTIVATED) {
        app_sound(app, "confirm");
        if (s->nav.focus == BTN_RETRY && can_retry(app))
            return scene_replace(sum->retry_scene, sum->retry_arg);
        if (s->nav.focus == BTN_CONTINUE)
            return scene_pop();
    }
    return scene_stay();
}

static SceneOutcome results_update(Scene *scene, App *app, double dt)
{
    ResultsScene *s = (ResultsScene *)scene;
    s->t += dt;
    if (!s->fanfare_played && s->t > 0.3) {
        s->fanfare_played = true;
        app_sound(app, app->summary.stars >= 2 ? "fanfare" : "stamp");
    }
    return scene_stay();
}

static void results_draw(Scene *scene, App *app)
{
    ResultsScene *s = (ResultsScene *)scene;
    const Theme *th = app->ui.theme;
    const RoundSummary *sum = &app->summary;
    ui_background(&app->ui, 0);
    if (sum->max_score <= 0 && sum->total == 0) {
        ui_header(&app->ui, app_tr(app, "results.title"), app_tr(app, "results.none"));
        s->buttons[BTN_RETRY] = (SDL_Rect){0, 0, 0, 0};
        s->buttons[BTN_CONTINUE] = (SDL_Rect){th->margin, app->ui.height / 2, th->unit * 36, th->size[TEXT_BODY] * 2 + th->unit};
        ui_button(&app->ui, s->buttons[BTN_CONTINUE], app_tr(app, "results.continue"), BUTTON_PRIMARY, true, true);
        return;
    }
    int top = ui_header(&app->ui, sum->title[0] ? sum->title : app_tr(app, "results.title"), app_tr(app, "results.title"));
    /* Left column: stars, score, time. */
    int col_w = app->ui.width * 38 / 100;
    float sr = th->size[TEXT_H1] * 0.9f;
    for (int i = 0; i < 3; i++) {
        double appear = ease_out_cubic((s->t - 0.2 - i * 0.25) / 0.25);
        bool earned = sum->stars > i;
        float cx = th->margin + sr + i * sr * 2.6f, cy = top + sr * 1.2f;
        float r = earned ? sr * (float)(0.6 + 0.4 * appear) : sr;
        draw_star(app->ui.renderer, cx, cy, r, earned && appear > 0, earned ? th->gold : th->line);
        if (!earned || appear <= 0)
            draw_star(app->ui.renderer, cx, cy, sr, false, earned ? th->gold : th->line);
    }
    int y = top + (int)(sr * 2.8f);
    double count = ease_out_cubic(s->t / 1.0);
    char buf[160];
    snprintf(buf, sizeof buf, "%d / %d", (int)(sum->score * count + 0.5), sum->max_score);
    TextOpts big = {.style = TEXT_DISPLAY};
    const TextBlock *b = ui_text_draw(app->ui.text, buf, &big, th->margin, y, th->ink);
    y += b->h;
    char correct[32], time[32];
    snprintf(correct, sizeof correct, "%d / %d", sum->correct, sum->total);
    snprintf(time, sizeof time, "%d:%02d", (int)(sum->time_ms / 60000), (int)(sum->time_ms / 1000 % 60));
    const char *names[] = {"correct", "time"};
    const char *values[] = {correct, time};
    char line[200];
    i18n_format(line, sizeof line, app_tr(app, "results.detail"), names, values, 2);
    TextOpts bo = {.style = TEXT_BODY, .wrap = col_w};
    b = ui_text_draw(app->ui.text, line, &bo, th->margin, y, th->ink_soft);
    y += b->h + th->unit * 2;
    if (app->summary_is_best && sum->score > 0) {
        /* A stamp, pressed in. */
        SDL_Rect stamp = {th->margin, y, th->unit * 30, th->size[TEXT_H2] * 2};
        double k = ease_out_cubic((s->t - 1.0) / 0.25);
        if (k > 0) {
            draw_rounded_outline(app->ui.renderer, stamp, th->radius / 2, th->unit / 2 + 1, color_alpha(th->seal, (Uint8)(255 * k)));
            TextOpts so = {.style = TEXT_H2, .align = TEXT_CENTER};
            ui_text_draw_centered(app->ui.text, app_tr(app, "results.best"), &so, stamp, color_alpha(th->seal, (Uint8)(255 * k)));
        }
    }
    /* Right column: what was missed, with the right answer and its source. */
    int rx = th->margin + col_w + th->unit * 4, rw = app->ui.width - rx - th->margin;
    TextOpts ho = {.style = TEXT_H2};
    b = ui_text_draw(app->ui.text, app_tr(app, sum->miss_count ? "results.missed" : "results.no_misses"), &ho, rx, top, th->ink);
    int my = top + b->h + th->unit;
    int bottom = app->ui.height - th->margin * 3 - th->size[TEXT_BODY] * 2;
    for (int i = s->scroll; i < sum->miss_count; i++) {
        const RoundMiss *m = &sum->misses[i];
        TextOpts po = {.style = TEXT_BODY, .wrap = rw - th->unit * 4, .max_lines = 2};
        TextOpts ao = {.style = TEXT_BODY_BOLD, .wrap = rw - th->unit * 4, .max_lines = 2};
        TextOpts so = {.style = TEXT_SMALL, .wrap = rw - th->unit * 4, .max_lines = 1};
        const TextBlock *pb = ui_text_get(app->ui.text, m->prompt, &po);
        const TextBlock *ab = ui_text_get(app->ui.text, m->answer, &ao);
        char src[320];
        snprintf(src, sizeof src, "%s: %s", app_tr(app, "timeline.source"), m->source);
        const TextBlock *sb = m->source[0] ? ui_text_get(app->ui.text, src, &so) : NULL;
        int h = pb->h + ab->h + (sb ? sb->h : 0) + th->unit * 2;
        if (my + h > bottom)
            break;
        SDL_Rect box = {rx, my, rw, h};
        draw_rounded(app->ui.renderer, box, th->radius / 2, th->card);
        draw_rect(app->ui.renderer, (SDL_Rect){rx, my, th->unit / 2 + 1, h}, th->wrong);
        draw_cross(app->ui.renderer, (float)(rx + th->unit * 2), (float)(my + th->unit + pb->h / 2), th->size[TEXT_BODY] * 0.8f, th->wrong);
        int tx = rx + th->unit * 4, ty = my + th->unit;
        ui_text_draw(app->ui.text, m->prompt, &po, tx, ty, th->ink);
        ty += pb->h;
        ui_text_draw(app->ui.text, m->answer, &ao, tx, ty, th->right);
        ty += ab->h;
        if (sb)
            ui_text_draw(app->ui.text, src, &so, tx, ty, th->ink_soft);
        my += h + th->unit;
    }
    /* Buttons. */
    int bw = th->unit * 34, bh = th->size[TEXT_BODY] * 2 + th->unit;
    int by = app->ui.height - th->margin * 2 - bh;
    s->buttons[BTN_RETRY] = (SDL_Rect){th->margin, by, bw, bh};
    s->buttons[BTN_CONTINUE] = (SDL_Rect){th->margin + bw + th->unit * 3, by, bw, bh};
    ui_button(&app->ui, s->buttons[BTN_RETRY], app_tr(app, "results.retry"), BUTTON_SECONDARY, s->nav.focus == BTN_RETRY, can_retry(app));
    ui_button(&app->ui, s->buttons[BTN_CONTINUE], app_tr(app, "results.continue"), BUTTON_PRIMARY, s->nav.focus == BTN_CONTINUE, true);
}

static void results_report(Scene *scene, App *app, cJSON *out)
{
    (void)scene;
    const RoundSummary *sum = &app->summary;
    cJSON_AddStringToObject(out, "level", sum->level);
    cJSON_AddNumberToObject(out, "score", sum->score);
    cJSON_AddNumberToObject(out, "max_score", sum->max_score);
    cJSON_AddNumberToObject(out, "stars", sum->stars);
    cJSON_AddNumberToObject(out, "misses", sum->miss_count);
    cJSON_AddBoolToObject(out, "best", app->summary_is_best);
}

const SceneVtable scene_results = {
    .name = "results",
    .create = results_create,
    .destroy = results_destroy,
    .action = results_action,
    .update = results_update,
    .draw = results_draw,
    .report = results_report,
};
