/* The progress screen: accuracy per day over the last 30 days (a line plot), items by memory
 * state (new, learning, young, mature), the 14-day forecast of due reviews (a bar chart), the
 * days-in-a-row streak and the stars of every campaign level. Everything is read from the
 * progress store once when the screen opens; plots are drawn with ui/draw, with axes and labels. */
#include "content/level.h"
#include "content/i18n.h"
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STATS_DAYS 30
#define STATS_FORECAST 14
#define STATS_LEVELS 24

typedef struct LevelStars {
    char id[64];
    char title[160];
    int stars;
    bool played;
} LevelStars;

typedef struct StatsScene {
    Scene base;
    StoreDayAccuracy acc[STATS_DAYS];
    int states[REVIEW_CLASS_COUNT];
    int forecast[STATS_FORECAST];
    int streak;
    int answers, correct;
    LevelStars levels[STATS_LEVELS];
    int level_count;
    int32_t utc_offset;
    int64_t now;
    bool loaded;
    UiLayer layer;      /* the whole screen: its figures are read once, when it opens */
} StatsScene;

static void load_levels(StatsScene *s, App *app)
{
    char *dir = util_path_join(app->data_dir, "levels");
    char *path = dir ? util_path_join(dir, "campaign.json") : NULL;
    Campaign *c = NULL;
    if (path && campaign_load(path, &c, NULL) == LEVEL_OK) {
        for (uint32_t ch = 0; ch < c->chapter_count; ch++)
            for (uint32_t k = 0; k < c->chapters[ch].levels.count && s->level_count < STATS_LEVELS; k++) {
                const char *id = c->chapters[ch].levels.items[k];
                char *rel = util_format("%s.json", id);
                char *lp = rel ? util_path_join(dir, rel) : NULL;
                Level *level = NULL;
                if (lp && util_is_file(lp) && level_load(lp, NULL, &level, NULL) == LEVEL_OK) {
                    LevelStars *e = &s->levels[s->level_count++];
                    snprintf(e->id, sizeof e->id, "%s", id);
                    snprintf(e->title, sizeof e->title, "%s", text_get(&level->title, app->lang));
                    StoreLevelBest best;
                    e->played = app->store && app->profile_id &&
                                store_level_best(app->store, app->profile_id, id, &best) == STORE_OK;
                    e->stars = e->played ? best.stars : 0;
                }
                level_free(level);
                free(lp);
                free(rel);
            }
        campaign_free(c);
    }
    free(path);
    free(dir);
}

static Scene *stats_create(App *app, const char *arg)
{
    (void)arg;
    StatsScene *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->now = app_now(app);
    s->utc_offset = store_local_utc_offset(s->now);
    if (app->store && app->profile_id) {
        bool ok = store_stats_accuracy_by_day(app->store, app->profile_id, s->now, STATS_DAYS, s->acc) == STORE_OK;
        ok = store_stats_memory_counts(app->store, app->profile_id, s->states) == STORE_OK && ok;
        ok = store_stats_due_forecast(app->store, app->profile_id, s->now, STATS_FORECAST, s->forecast) == STORE_OK && ok;
        ok = store_stats_streak(app->store, app->profile_id, s->now, &s->streak) == STORE_OK && ok;
        ok = store_stats_totals(app->store, app->profile_id, &s->answers, &s->correct) == STORE_OK && ok;
        s->loaded = ok;
        if (!ok)
            app_notice(app, app_tr(app, "stats.read_failed"), 6);
    }
    load_levels(s, app);
    return &s->base;
}

static void stats_destroy(Scene *scene, App *app)
{
    ui_layer_free(&((StatsScene *)scene)->layer, &app->ui);
    free(scene);
}

static SceneOutcome stats_action(Scene *scene, App *app, const Action *a)
{
    (void)scene;
    if (a->kind == ACTION_BACK || a->kind == ACTION_CONFIRM || ui_back_hit(&app->ui, a))
        return scene_pop();
    return scene_stay();
}

static SceneOutcome stats_update(Scene *scene, App *app, double dt)
{
    (void)scene;
    (void)app;
    (void)dt;
    return scene_stay();
}

/* A day's label on an axis: "1 Dec", "1 дек" or "12月1日" (from the i18n pattern). */
static void day_label(const StatsScene *s, App *app, int64_t day_start, char *out, size_t cap)
{
    int64_t days = (day_start + s->utc_offset) / 86400;
    /* civil date from days since 1970-01-01 (Howard Hinnant's algorithm) */
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    char key[32], day[8];
    snprintf(key, sizeof key, "stats.month%d", m);
    snprintf(day, sizeof day, "%d", d);
    const char *names[] = {"d", "mon"};
    const char *values[] = {day, app_tr(app, key)};
    i18n_format(out, cap, app_tr(app, "stats.day"), names, values, 2);
}

/* A panel: a card with a title; returns the inner rectangle below the title. */
static SDL_Rect panel(App *app, SDL_Rect r, const char *title)
{
    const Theme *th = app->ui.theme;
    draw_shadow(app->ui.renderer, r, th->radius, th->unit / 2, th->shadow);
    draw_rounded(app->ui.renderer, r, th->radius, th->card);
    draw_rounded_outline(app->ui.renderer, r, th->radius, 1, th->line);
    int pad = th->unit * 2;
    TextOpts to = {.style = TEXT_BODY_BOLD, .wrap = r.w - 2 * pad, .max_lines = 1};
    const TextBlock *b = ui_text_draw(app->ui.text, title, &to, r.x + pad, r.y + pad, th->ink);
    int top = r.y + pad + b->h + th->unit;
    return (SDL_Rect){r.x + pad, top, r.w - 2 * pad, r.y + r.h - pad - top};
}

static int label_w(App *app, const char *text, TextStyle style)
{
    TextOpts o = {.style = style};
    return ui_text_get(app->ui.text, text, &o)->w;
}

/* Accuracy per day: a line through the days with answers, a dot on each, a 0-100 % axis. */
static void draw_accuracy(StatsScene *s, App *app, SDL_Rect box)
{
    const Theme *th = app->ui.theme;
    SDL_Rect in = panel(app, box, app_tr(app, "stats.accuracy"));
    int small = th->size[TEXT_SMALL];
    int left = label_w(app, "100%", TEXT_SMALL) + th->unit;
    SDL_Rect plot = {in.x + left, in.y + small / 2, in.w - left - th->unit, in.h - small * 2 - th->unit - small / 2};
    if (plot.w < 20 || plot.h < 20)
        return;
    TextOpts ax = {.style = TEXT_SMALL, .align = TEXT_RIGHT};
    for (int pct = 0; pct <= 100; pct += 50) {
        int y = plot.y + plot.h - plot.h * pct / 100;
        draw_rect(app->ui.renderer, (SDL_Rect){plot.x, y, plot.w, 1}, color_alpha(th->line, pct == 0 ? 255 : 120));
        char lab[8];
        snprintf(lab, sizeof lab, "%d%%", pct);
        ui_text_draw(app->ui.text, lab, &ax, plot.x - th->unit / 2, y - small * 2 / 3, th->ink_soft);
    }
    draw_rect(app->ui.renderer, (SDL_Rect){plot.x, plot.y, 1, plot.h}, th->line);
    /* x labels: the first day, the middle and today */
    TextOpts xo = {.style = TEXT_SMALL, .align = TEXT_CENTER};
    const int ticks[3] = {0, STATS_DAYS / 2, STATS_DAYS - 1};
    for (int k = 0; k < 3; k++) {
        int i = ticks[k];
        int x = plot.x + plot.w * i / (STATS_DAYS - 1);
        char lab[48];
        if (i == STATS_DAYS - 1)
            snprintf(lab, sizeof lab, "%s", app_tr(app, "stats.today"));
        else
            day_label(s, app, s->acc[i].day_start, lab, sizeof lab);
        int w = label_w(app, lab, TEXT_SMALL);
        int cx = x;
        if (cx - w / 2 < plot.x)
            cx = plot.x + w / 2;
        if (cx + w / 2 > plot.x + plot.w)
            cx = plot.x + plot.w - w / 2;
        draw_rect(app->ui.renderer, (SDL_Rect){x, plot.y + plot.h, 1, th->unit / 2 + 1}, th->line);
        ui_text_draw(app->ui.text, lab, &xo, cx, plot.y + plot.h + th->unit / 2, th->ink_soft);
    }
    float px = -1, py = -1;
    int days_with = 0;
    float lw = th->unit * 0.45f > 2 ? th->unit * 0.45f : 2;
    for (int i = 0; i < STATS_DAYS; i++) {
        if (s->acc[i].answers <= 0)
            continue;
        float x = plot.x + (float)plot.w * (float)i / (STATS_DAYS - 1);
        float y = plot.y + plot.h - (float)plot.h * (float)s->acc[i].correct / (float)s->acc[i].answers;
        if (px >= 0)
            draw_line(app->ui.renderer, px, py, x, y, lw, th->teal);
        px = x;
        py = y;
        days_with++;
    }
    for (int i = 0; i < STATS_DAYS; i++) {
        if (s->acc[i].answers <= 0)
            continue;
        float x = plot.x + (float)plot.w * (float)i / (STATS_DAYS - 1);
        float y = plot.y + plot.h - (float)plot.h * (float)s->acc[i].correct / (float)s->acc[i].answers;
        draw_circle(app->ui.renderer, x, y, lw * 2.2f, th->card);
        draw_ring(app->ui.renderer, x, y, lw * 2.2f, lw, th->teal);
    }
    if (days_with == 0) {
        TextOpts eo = {.style = TEXT_BODY, .align = TEXT_CENTER, .wrap = plot.w};
        ui_text_draw(app->ui.text, app_tr(app, "stats.no_answers"), &eo, plot.x + plot.w / 2, plot.y + plot.h / 2 - th->size[TEXT_BODY], th->ink_soft);
    }
}

/* The next 14 days' due reviews as bars, with counts on the bars and days under them. */
static void draw_forecast(StatsScene *s, App *app, SDL_Rect box)
{
    const Theme *th = app->ui.theme;
    SDL_Rect in = panel(app, box, app_tr(app, "stats.forecast"));
    int small = th->size[TEXT_SMALL];
    int maxv = 1;
    for (int i = 0; i < STATS_FORECAST; i++)
        if (s->forecast[i] > maxv)
            maxv = s->forecast[i];
    char maxlab[16];
    snprintf(maxlab, sizeof maxlab, "%d", maxv);
    int left = label_w(app, maxlab, TEXT_SMALL) + th->unit;
    SDL_Rect plot = {in.x + left, in.y + small * 3 / 2, in.w - left, in.h - small * 2 - th->unit - small * 3 / 2};
    if (plot.w < 20 || plot.h < 20)
        return;
    TextOpts ax = {.style = TEXT_SMALL, .align = TEXT_RIGHT};
    ui_text_draw(app->ui.text, "0", &ax, plot.x - th->unit / 2, plot.y + plot.h - small * 2 / 3, th->ink_soft);
    ui_text_draw(app->ui.text, maxlab, &ax, plot.x - th->unit / 2, plot.y - small * 2 / 3, th->ink_soft);
    draw_rect(app->ui.renderer, (SDL_Rect){plot.x, plot.y, plot.w, 1}, color_alpha(th->line, 120));
    draw_rect(app->ui.renderer, (SDL_Rect){plot.x, plot.y + plot.h, plot.w, 1}, th->line);
    draw_rect(app->ui.renderer, (SDL_Rect){plot.x, plot.y, 1, plot.h}, th->line);
    int slot = plot.w / STATS_FORECAST;
    int bw = slot * 62 / 100;
    TextOpts vo = {.style = TEXT_SMALL, .align = TEXT_CENTER};
    int64_t today = review_day_start(s->now, s->utc_offset);
    for (int i = 0; i < STATS_FORECAST; i++) {
        int h = plot.h * s->forecast[i] / maxv;
        int x = plot.x + i * slot + (slot - bw) / 2;
        if (h > 0)
            draw_rect(app->ui.renderer, (SDL_Rect){x, plot.y + plot.h - h, bw, h}, i == 0 ? th->seal : th->gold);
        if (s->forecast[i] > 0) {
            char v[16];
            snprintf(v, sizeof v, "%d", s->forecast[i]);
            ui_text_draw(app->ui.text, v, &vo, x + bw / 2, plot.y + plot.h - h - small * 3 / 2, th->ink);
        }
        /* day labels: today, then every few days as fits */
        int every = slot * 3 < label_w(app, "00 Mmm", TEXT_SMALL) * 2 ? 4 : 2;
        if (i == 0 || i % every == 0) {
            char lab[48];
            if (i == 0)
                snprintf(lab, sizeof lab, "%s", app_tr(app, "stats.today"));
            else
                day_label(s, app, today + (int64_t)i * 86400, lab, sizeof lab);
            int lx = x + bw / 2;
            int w = label_w(app, lab, TEXT_SMALL);
            if (lx - w / 2 < plot.x)
                lx = plot.x + w / 2;
            ui_text_draw(app->ui.text, lab, &vo, lx, plot.y + plot.h + th->unit / 2, th->ink_soft);
        }
    }
}

/* Items by memory state: one labelled horizontal bar each. */
static void draw_states(StatsScene *s, App *app, SDL_Rect box)
{
    const Theme *th = app->ui.theme;
    SDL_Rect in = panel(app, box, app_tr(app, "stats.states"));
    static const char *const keys[REVIEW_CLASS_COUNT] = {"stats.state_new", "stats.state_learning", "stats.state_young", "stats.state_mature"};
    SDL_Color colors[REVIEW_CLASS_COUNT] = {th->line, th->seal, th->gold, th->teal};
    int maxv = 1, lab = 0;
    for (int i = 0; i < REVIEW_CLASS_COUNT; i++) {
        if (s->states[i] > maxv)
            maxv = s->states[i];
        int w = label_w(app, app_tr(app, keys[i]), TEXT_SMALL);
        if (w > lab)
            lab = w;
    }
    int row = in.h / REVIEW_CLASS_COUNT;
    int numw = label_w(app, "0000", TEXT_SMALL);
    int bar_x = in.x + lab + th->unit * 2;
    int bar_w = in.w - lab - th->unit * 3 - numw;
    TextOpts lo = {.style = TEXT_SMALL};
    TextOpts no = {.style = TEXT_SMALL};
    int text_h = th->size[TEXT_SMALL] * 4 / 3;
    for (int i = 0; i < REVIEW_CLASS_COUNT; i++) {
        int y = in.y + i * row;
        int bh = row * 60 / 100;
        int by = y + (row - bh) / 2;
        ui_text_draw(app->ui.text, app_tr(app, keys[i]), &lo, in.x, y + (row - text_h) / 2, th->ink);
        draw_rect(app->ui.renderer, (SDL_Rect){bar_x, by, bar_w > 0 ? bar_w : 0, bh}, color_alpha(th->paper_dark, 160));
        int w = bar_w * s->states[i] / maxv;
        if (w > 0)
            draw_rect(app->ui.renderer, (SDL_Rect){bar_x, by, w, bh}, colors[i]);
        char v[16];
        snprintf(v, sizeof v, "%d", s->states[i]);
        ui_text_draw(app->ui.text, v, &no, bar_x + (w > 0 ? w : 0) + th->unit, y + (row - text_h) / 2, th->ink);
    }
}

/* Stars of every campaign level, in two columns when needed. */
static void draw_levels(StatsScene *s, App *app, SDL_Rect box)
{
    const Theme *th = app->ui.theme;
    SDL_Rect in = panel(app, box, app_tr(app, "stats.stars"));
    if (s->level_count == 0)
        return;
    int line = th->size[TEXT_SMALL] * 4 / 3 + th->unit / 2;
    int rows = in.h / line;
    if (rows < 1)
        return;
    int cols = (s->level_count + rows - 1) / rows;
    if (cols < 1)
        cols = 1;
    if (cols > 2)
        cols = 2;
    int per_col = (s->level_count + cols - 1) / cols;
    if (per_col > rows && in.h / per_col >= th->size[TEXT_SMALL] * 5 / 4) {
        line = in.h / per_col;   /* tighter rows rather than a level left out */
        rows = per_col;
    }
    int col_w = (in.w - th->unit * 2 * (cols - 1)) / cols;
    float sr = th->size[TEXT_SMALL] * 0.5f;
    int stars_w = (int)(sr * 2.4f * 3);
    for (int i = 0; i < s->level_count && i < per_col * cols; i++) {
        int c = i / per_col, r = i % per_col;
        if (r >= rows)
            continue;
        int x = in.x + c * (col_w + th->unit * 2), y = in.y + r * line;
        for (int k = 0; k < 3; k++) {
            bool on = s->levels[i].stars > k;
            draw_star(app->ui.renderer, x + sr + k * sr * 2.4f, y + line / 2.0f, sr, on, on ? th->gold : th->line);
        }
        TextOpts to = {.style = TEXT_SMALL, .wrap = col_w - stars_w - th->unit, .max_lines = 1};
        ui_text_draw(app->ui.text, s->levels[i].title, &to, x + stars_w + th->unit, y + (line - th->size[TEXT_SMALL] * 4 / 3) / 2,
                     s->levels[i].played ? th->ink : th->ink_soft);
    }
}

static void stats_paint(Scene *scene, App *app)
{
    StatsScene *s = (StatsScene *)scene;
    const Theme *th = app->ui.theme;
    ui_background(&app->ui, 0);
    ui_back_button(&app->ui);
    char sub[240];
    if (app->store && app->profile_id) {
        char n[16], pct[16];
        snprintf(n, sizeof n, "%d", s->answers);
        snprintf(pct, sizeof pct, "%d", s->answers ? (s->correct * 100 + s->answers / 2) / s->answers : 0);
        const char *names[] = {"name", "n", "pct"};
        const char *values[] = {app->profile_name, n, pct};
        i18n_format(sub, sizeof sub, app_tr(app, "stats.subtitle"), names, values, 3);
    } else {
        snprintf(sub, sizeof sub, "%s", app_tr(app, "review.no_profile"));
    }
    int top = ui_header(&app->ui, app_tr(app, "menu.stats"), sub) + th->unit;
    /* The streak: an ink seal left of the Back button, the number in gold. */
    char num[16];
    snprintf(num, sizeof num, "%d", s->streak);
    char streak[120];
    const char *names[] = {"n"};
    const char *values[] = {num};
    i18n_format(streak, sizeof streak, app_tr(app, s->streak == 1 ? "stats.streak_one" : "stats.streak"), names, values, 1);
    TextOpts bo = {.style = TEXT_H1};
    TextOpts so = {.style = TEXT_BODY_BOLD};
    const TextBlock *nb = ui_text_get(app->ui.text, num, &bo);
    const TextBlock *stb = ui_text_get(app->ui.text, streak, &so);
    SDL_Rect back = ui_back_rect(&app->ui);
    int pill_h = back.h + th->unit * 2;
    int pill_w = nb->w + stb->w + th->unit * 8;
    SDL_Rect pill = {back.x - th->unit * 3 - pill_w, back.y - th->unit, pill_w, pill_h};
    draw_shadow(app->ui.renderer, pill, th->radius, th->unit / 2, th->shadow);
    draw_rounded(app->ui.renderer, pill, th->radius, th->ink);
    ui_text_draw(app->ui.text, num, &bo, pill.x + th->unit * 3, pill.y + (pill.h - nb->h) / 2, th->gold);
    ui_text_draw(app->ui.text, streak, &so, pill.x + th->unit * 5 + nb->w, pill.y + (pill.h - stb->h) / 2, th->on_accent);

    int bottom = app->ui.height - th->margin - th->size[TEXT_SMALL] * 2;
    int gap = th->unit * 2;
    int left_w = (app->ui.width - 2 * th->margin - gap) * 53 / 100;
    int right_x = th->margin + left_w + gap, right_w = app->ui.width - th->margin - right_x;
    int half = (bottom - top - gap) / 2;
    draw_accuracy(s, app, (SDL_Rect){th->margin, top, left_w, half});
    draw_forecast(s, app, (SDL_Rect){th->margin, top + half + gap, left_w, half});
    /* Right column: the memory states (what their four rows need) and the stars. */
    int states_h = th->unit * 5 + th->size[TEXT_BODY] * 4 / 3 + 4 * (th->size[TEXT_SMALL] * 2);
    draw_states(s, app, (SDL_Rect){right_x, top, right_w, states_h});
    int y = top + states_h + gap;
    draw_levels(s, app, (SDL_Rect){right_x, y, right_w, bottom - y});
    const char *hints[] = {app_tr(app, "key.esc"), app_tr(app, "common.back")};
    ui_hints(&app->ui, hints, 1);
}

static void stats_draw(Scene *scene, App *app)
{
    StatsScene *s = (StatsScene *)scene;
    /* The figures are fixed while the screen is open; the Back button's hover is not. */
    uint64_t key = ui_key_str(ui_key_mix(ui_layer_key_input(&app->ui, UI_KEY_SEED), (uint64_t)app->profile_id), app->profile_name);
    if (ui_layer_begin(&s->layer, &app->ui, key)) {
        stats_paint(scene, app);
        ui_layer_end(&s->layer, &app->ui);
    }
    ui_layer_draw(&s->layer, &app->ui);
}

static void stats_report(Scene *scene, App *app, cJSON *out)
{
    (void)app;
    StatsScene *s = (StatsScene *)scene;
    cJSON_AddNumberToObject(out, "streak", s->streak);
    cJSON_AddNumberToObject(out, "answers", s->answers);
    cJSON_AddNumberToObject(out, "correct", s->correct);
    cJSON_AddNumberToObject(out, "today_answers", s->acc[STATS_DAYS - 1].answers);
    cJSON_AddNumberToObject(out, "new", s->states[REVIEW_CLASS_NEW]);
    cJSON_AddNumberToObject(out, "learning", s->states[REVIEW_CLASS_LEARNING]);
    cJSON_AddNumberToObject(out, "young", s->states[REVIEW_CLASS_YOUNG]);
    cJSON_AddNumberToObject(out, "mature", s->states[REVIEW_CLASS_MATURE]);
    cJSON *f = cJSON_AddArrayToObject(out, "forecast");
    for (int i = 0; i < STATS_FORECAST; i++)
        cJSON_AddItemToArray(f, cJSON_CreateNumber(s->forecast[i]));
    int stars = 0;
    for (int i = 0; i < s->level_count; i++)
        stars += s->levels[i].stars;
    cJSON_AddNumberToObject(out, "levels", s->level_count);
    cJSON_AddNumberToObject(out, "stars", stars);
}

const SceneVtable scene_stats = {
    .name = "stats",
    .create = stats_create,
    .destroy = stats_destroy,
    .action = stats_action,
    .update = stats_update,
    .draw = stats_draw,
    .report = stats_report,
};
