/* The map round. "Which treaty?": a region is highlighted; choose the treaty that moved it from
 * four (keys 1-4, click, pad). "Find it": click the region or river asked for; three tries, then
 * the answer is shown (keyboard and pad players cycle through the candidates with left/right).
 * Border-by-year levels are played as "which treaty" questions in this build. */
#include "core/i18n.h"
#include "core/round.h"
#include "core/scene.h"
#include "core/util.h"
#include "rules/mapround.h"
#include "scenes/scenes.h"
#include "store/store.h"
#include "ui/draw.h"
#include "ui/mapview.h"
#include "ui/text.h"
#include "ui/widgets.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_Q 32
#define MAX_VIEWS 4

typedef struct MapScene {
    Scene base;
    Level *level;
    const Pack *pack;
    PackItemRef items[MAX_Q];
    int count, index;
    bool find;                  /* find-it questions (else which-treaty); per question in a review */
    bool review;                /* the due map items of the daily review, not a level */
    char title[160];
    MapView *views[MAX_VIEWS];  /* by map index */
    /* The current question. */
    int options[4], right, chosen;
    int tries;
    int cursor;                 /* keyboard candidate (region or river pack index) */
    int wrong_pick;             /* last wrong region/river */
    bool answered, correct;
    double t, q_t;
    char prompt[400];
    char option_label[4][240];
    Nav nav;
    SDL_Rect buttons[4];
    SDL_Rect map_rect;
    int score, max_score, right_count, answers_recorded;
    RoundSummary summary;
    Rng rng;
} MapScene;

static int item_map(const MapScene *s, PackItemRef ref)
{
    if (ref.kind == PACK_KIND_REGION)
        return s->pack->regions[ref.index].map;
    if (ref.kind == PACK_KIND_RIVER)
        return s->pack->rivers[ref.index].map;
    return 0;
}

static MapView *view_for(MapScene *s, App *app, int map)
{
    if (map < 0 || map >= MAX_VIEWS)
        return NULL;
    if (!s->views[map]) {
        char err[300];
        s->views[map] = mapview_create(s->pack, (uint32_t)map, err, sizeof err);
        if (!s->views[map])
            app_notice(app, err, 8);
    }
    return s->views[map];
}

static const char *item_name(const MapScene *s, PackItemRef ref, const char *lang)
{
    return pack_item_title(s->pack, ref, lang);
}

static void treaty_label(const MapScene *s, int t, const char *lang, char *out, size_t cap)
{
    snprintf(out, cap, "%s (%d)", text_get(&s->pack->treaties[t].name, lang), s->pack->treaties[t].signed_on.from.year);
}

static void start_question(MapScene *s, App *app)
{
    PackItemRef ref = s->items[s->index];
    s->tries = 0;
    s->answered = false;
    s->correct = false;
    s->chosen = -1;
    s->wrong_pick = -1;
    s->cursor = -1;
    s->q_t = s->t;
    /* A review asks each item as it can be asked: regions a treaty moved as "which treaty",
     * rivers and other regions as "find it". */
    if (s->review)
        s->find = !(ref.kind == PACK_KIND_REGION && s->pack->regions[ref.index].treaty >= 0 && s->pack->treaty_count >= 4);
    const char *names[] = {"name"};
    const char *values[] = {item_name(s, ref, app->lang)};
    if (s->find) {
        i18n_format(s->prompt, sizeof s->prompt, app_tr(app, ref.kind == PACK_KIND_RIVER ? "map.find_river" : "map.find_region"), names, values, 1);
    } else {
        snprintf(s->prompt, sizeof s->prompt, "%s", app_tr(app, "map.which_treaty"));
        mapround_treaty_options(s->pack, (int)ref.index, &s->rng, s->options, &s->right);
        for (int i = 0; i < 4; i++)
            treaty_label(s, s->options[i], app->lang, s->option_label[i], sizeof s->option_label[i]);
        nav_init(&s->nav, 4, 1);
        s->nav.focus = 0;
    }
}

/* The due map items of one pack (the first pack with any), most overdue first. */
static void deal_review(MapScene *s, App *app)
{
    StoreMemory due[MAX_Q];
    size_t n = 0;
    if (!app->store || !app->profile_id ||
        store_review_due_list(app->store, app->profile_id, app_now(app), GRADE_MODE_MAP, due, MAX_Q, &n) != STORE_OK)
        return;
    for (size_t i = 0; i < n; i++) {
        const Pack *p = app_pack(app, due[i].pack);
        if (!p || (s->pack && p != s->pack))
            continue;
        const PackKind kinds[] = {PACK_KIND_REGION, PACK_KIND_RIVER};
        for (int k = 0; k < 2; k++) {
            int32_t idx = pack_find(p, kinds[k], due[i].item);
            if (idx < 0)
                continue;
            s->pack = p;
            PackItemRef r = {kinds[k], (uint32_t)idx};
            if (item_map(s, r) >= 0)
                s->items[s->count++] = r;
            break;
        }
    }
}

static Scene *map_create(App *app, const char *arg)
{
    MapScene *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    rng_seed(&s->rng, app->seed);
    if (arg && strcmp(arg, "review") == 0) {
        s->review = true;
        deal_review(s, app);
        if (s->count == 0) {
            app_notice(app, app_tr(app, "timeline.nothing_due"), 5);
            free(s);
            return NULL;
        }
        snprintf(s->title, sizeof s->title, "%s \xC2\xB7 %s", app_tr(app, "menu.review"), app_tr(app, "menu.map"));
        RoundSummary *sum = &s->summary;
        snprintf(sum->title, sizeof sum->title, "%s", s->title);
        snprintf(sum->pack, sizeof sum->pack, "%s", s->pack->id);
        snprintf(sum->mode, sizeof sum->mode, "map");
        start_question(s, app);
        return &s->base;
    }
    char *fallback = arg ? NULL : app_first_level(app, "map-");
    s->level = app_level_load(app, arg ? arg : fallback, &s->pack);
    free(fallback);
    PackItemRef all[MAX_Q];
    size_t n = 0;
    if (s->level)
        level_select_items(s->level, s->pack, &s->rng, all, MAX_Q, &n);
    s->find = s->level && (s->level->variant == LEVEL_VARIANT_FIND || s->level->variant == LEVEL_VARIANT_DRAG);
    /* Keep the items this round type can ask: regions with a treaty, or regions and rivers to find. */
    for (size_t i = 0; i < n; i++) {
        PackItemRef r = all[i];
        bool ok = r.kind == PACK_KIND_REGION ? (s->find || s->pack->regions[r.index].treaty >= 0)
                                             : (r.kind == PACK_KIND_RIVER && s->find);
        if (ok && item_map(s, r) >= 0)
            s->items[s->count++] = r;
    }
    if (s->count == 0) {
        app_notice(app, app_tr(app, "timeline.no_cards"), 5);
        level_free(s->level);
        free(s);
        return NULL;
    }
    RoundSummary *sum = &s->summary;
    snprintf(s->title, sizeof s->title, "%s", text_get(&s->level->title, app->lang));
    snprintf(sum->level, sizeof sum->level, "%s", s->level->id);
    snprintf(sum->title, sizeof sum->title, "%s", s->title);
    snprintf(sum->pack, sizeof sum->pack, "%s", s->pack->id);
    snprintf(sum->mode, sizeof sum->mode, "map");
    memcpy(sum->thresholds, s->level->stars, sizeof sum->thresholds);
    snprintf(sum->retry_scene, sizeof sum->retry_scene, "map");
    snprintf(sum->retry_arg, sizeof sum->retry_arg, "%s", s->level->id);
    start_question(s, app);
    return &s->base;
}

static void map_destroy(Scene *scene, App *app)
{
    (void)app;
    MapScene *s = (MapScene *)scene;
    for (int i = 0; i < MAX_VIEWS; i++)
        mapview_destroy(s->views[i]);
    level_free(s->level);
    free(s);
}

static void source_of(const MapScene *s, PackItemRef ref, char *out, size_t cap)
{
    out[0] = '\0';
    if (ref.kind == PACK_KIND_REGION && s->pack->regions[ref.index].treaty >= 0)
        app_source_label(s->pack, s->pack->treaties[s->pack->regions[ref.index].treaty].sources, out, cap);
}

static void finish_question(MapScene *s, App *app, bool correct, const char *given)
{
    PackItemRef ref = s->items[s->index];
    s->answered = true;
    s->correct = correct;
    int64_t ms = (int64_t)((s->t - s->q_t) * 1000);
    GradeOutcome o = {.mode = GRADE_MODE_MAP, .correct = correct, .attempts = s->tries > 0 ? s->tries : 1,
                      .response_ms = ms, .fast_ms = grade_fast_threshold_ms(0)};
    if (app_record_answer(app, s->pack, pack_item_id(s->pack, ref), GRADE_MODE_MAP,
                          ref.kind == PACK_KIND_RIVER ? "river" : "region", correct, grade_from_outcome(&o), ms))
        s->answers_recorded++;
    int pts = s->find ? mapround_points(correct, s->tries) : (correct ? MAPROUND_POINTS_FIRST : 0);
    s->score += pts;
    s->max_score += MAPROUND_POINTS_FIRST;
    if (correct)
        s->right_count++;
    else {
        char answer[300], src[300];
        if (s->find)
            snprintf(answer, sizeof answer, "%s", item_name(s, ref, app->lang));
        else
            snprintf(answer, sizeof answer, "%s", s->option_label[s->right]);
        source_of(s, ref, src, sizeof src);
        summary_add_miss(&s->summary, pack_item_id(s->pack, ref), s->find ? s->prompt : item_name(s, ref, app->lang), answer, given, src);
    }
    app_sound(app, correct ? "correct" : "wrong");
}

static void pick(MapScene *s, App *app, int picked)
{
    if (picked < 0 || s->answered)
        return;
    PackItemRef ref = s->items[s->index];
    s->tries++;
    if (picked == (int)ref.index) {
        finish_question(s, app, true, "");
        return;
    }
    s->wrong_pick = picked;
    app_sound(app, "wrong");
    if (s->tries >= MAPROUND_TRIES) {
        const char *given = ref.kind == PACK_KIND_RIVER ? text_get(&s->pack->rivers[picked].name, app->lang)
                                                        : text_get(&s->pack->regions[picked].name, app->lang);
        finish_question(s, app, false, given);
    }
}

static SceneOutcome next(MapScene *s, App *app)
{
    s->index++;
    if (s->index < s->count) {
        start_question(s, app);
        return scene_stay();
    }
    s->summary.score = s->score;
    s->summary.max_score = s->max_score;
    s->summary.correct = s->right_count;
    s->summary.total = s->count;
    s->summary.time_ms = (int64_t)(s->t * 1000);
    s->summary.won = true;
    if (s->review)
        return app_finish_review_part(app, &s->summary);
    return app_finish_round(app, &s->summary);
}

/* Candidates for keyboard cycling: the regions or rivers of the question's map. */
static void cycle(MapScene *s, int dir)
{
    PackItemRef ref = s->items[s->index];
    int map = item_map(s, ref);
    const PackMap *m = &s->pack->maps[map];
    bool river = ref.kind == PACK_KIND_RIVER;
    int first = (int)(river ? m->river_first : m->region_first);
    int n = (int)(river ? m->river_count : m->region_count);
    if (n == 0)
        return;
    int k = s->cursor < 0 ? (dir > 0 ? -1 : 0) : s->cursor - first;
    k = ((k + dir) % n + n) % n;
    s->cursor = first + k;
}

static SceneOutcome map_action(Scene *scene, App *app, const Action *a)
{
    MapScene *s = (MapScene *)scene;
    if (a->kind == ACTION_BACK || ui_back_hit(app, a))
        return scene_pop();
    if (s->answered) {
        if (a->kind == ACTION_CONFIRM || a->kind == ACTION_POINTER_UP)
            return next(s, app);
        return scene_stay();
    }
    PackItemRef ref = s->items[s->index];
    MapView *mv = view_for(s, app, item_map(s, ref));
    if (s->find) {
        switch (a->kind) {
        case ACTION_LEFT:
        case ACTION_UP:
        case ACTION_PREV:
            cycle(s, -1);
            break;
        case ACTION_RIGHT:
        case ACTION_DOWN:
        case ACTION_NEXT:
            cycle(s, 1);
            break;
        case ACTION_CONFIRM:
            pick(s, app, s->cursor);
            break;
        case ACTION_POINTER_UP:
            if (mv && point_in_rect(a->x, a->y, s->map_rect)) {
                int hit = ref.kind == PACK_KIND_RIVER ? mapview_hit_river(mv, a->x, a->y, app->theme->unit * 2.5)
                                                      : mapview_hit_region(mv, a->x, a->y);
                pick(s, app, hit);
            }
            break;
        default:
            break;
        }
        return scene_stay();
    }
    if (a->kind == ACTION_NUMBER) {
        s->chosen = a->number - 1;
        s->tries = 1;
        finish_question(s, app, s->chosen == s->right, s->chosen == s->right ? "" : s->option_label[s->chosen]);
        return scene_stay();
    }
    NavResult r = nav_handle(&s->nav, a, s->buttons);
    if (r == NAV_ACTIVATED) {
        s->chosen = s->nav.focus;
        s->tries = 1;
        finish_question(s, app, s->chosen == s->right, s->chosen == s->right ? "" : s->option_label[s->chosen]);
    }
    return scene_stay();
}

static SceneOutcome map_update(Scene *scene, App *app, double dt)
{
    (void)app;
    ((MapScene *)scene)->t += dt;
    return scene_stay();
}

static void map_draw(Scene *scene, App *app)
{
    MapScene *s = (MapScene *)scene;
    const Theme *th = app->theme;
    ui_background(app, 0);
    TextOpts to = {.style = TEXT_H1, .wrap = app->width * 55 / 100, .max_lines = 1};
    ui_text_draw(app->text, s->title, &to, th->margin, th->margin / 2, th->ink);
    char progress[64];
    snprintf(progress, sizeof progress, "%d / %d  \xC2\xB7  %s %d", s->index + 1, s->count, app_tr(app, "timeline.score"), s->score);
    SDL_Rect back = ui_back_rect(app);
    TextOpts po = {.style = TEXT_H2, .align = TEXT_RIGHT};
    ui_text_draw(app->text, progress, &po, back.x - th->unit * 3, back.y, th->ink_soft);
    ui_back_button(app);

    PackItemRef ref = s->items[s->index];
    int top = th->margin * 2 + th->unit * 2;
    int panel_w = app->width * 30 / 100;
    s->map_rect = (SDL_Rect){th->margin, top, app->width - 3 * th->margin - panel_w, app->height - top - th->margin * 2};
    MapView *mv = view_for(s, app, item_map(s, ref));
    if (mv) {
        mapview_layout(mv, s->map_rect, th->unit);
        MapStyle st = {.highlight_region = -1, .mark_region = -1, .highlight_river = -1, .mark_river = -1,
                       .river_labels = !(s->find && ref.kind == PACK_KIND_RIVER) || s->answered, .lang = app->lang};
        bool river = ref.kind == PACK_KIND_RIVER;
        if (!s->find || s->answered) {
            if (river)
                st.highlight_river = (int)ref.index;
            else
                st.highlight_region = (int)ref.index;
            st.highlight = s->find ? color_alpha(th->gold, 200) : color_alpha(th->gold, 170);
        } else if (s->cursor >= 0) {
            if (river)
                st.highlight_river = s->cursor;
            else
                st.highlight_region = s->cursor;
            st.highlight = color_alpha(th->focus, 120);
        }
        if (s->wrong_pick >= 0 && !(s->answered && s->correct)) {
            if (river)
                st.mark_river = s->wrong_pick;
            else
                st.mark_region = s->wrong_pick;
        }
        mapview_draw(mv, app->renderer, app->text, th, &st);
    }
    /* The panel: the question, the options or the tries, and feedback. */
    int px = app->width - th->margin - panel_w, py = top;
    TextOpts qo = {.style = TEXT_H2, .wrap = panel_w, .max_lines = 5};
    const TextBlock *qb = ui_text_draw(app->text, s->prompt, &qo, px, py, th->ink);
    py += qb->h + th->unit * 3;
    if (!s->find) {
        int bh = th->size[TEXT_BODY] * 3 + th->unit;
        for (int i = 0; i < 4; i++) {
            SDL_Rect r = {px, py + i * (bh + th->unit * 3 / 2), panel_w, bh};
            s->buttons[i] = r;
            ButtonKind kind = s->answered && i == s->right ? BUTTON_PRIMARY : BUTTON_SECONDARY;
            ui_button(app, r, "", kind, !s->answered && s->nav.focus == i, true);
            char label[260];
            snprintf(label, sizeof label, "%d  %s", i + 1, s->option_label[i]);
            TextOpts lo = {.style = TEXT_BODY_BOLD, .wrap = panel_w - th->unit * 8, .max_lines = 2};
            const TextBlock *lb = ui_text_get(app->text, label, &lo);
            ui_text_draw(app->text, label, &lo, r.x + th->unit * 2, r.y + (r.h - lb->h) / 2, kind == BUTTON_PRIMARY ? th->on_accent : th->ink);
            if (s->answered && i == s->chosen && i != s->right)
                draw_cross(app->renderer, (float)(r.x + r.w - th->unit * 3), (float)(r.y + r.h / 2), th->size[TEXT_BODY] * 1.1f, th->wrong);
            if (s->answered && i == s->right)
                draw_tick(app->renderer, (float)(r.x + r.w - th->unit * 3), (float)(r.y + r.h / 2), th->size[TEXT_BODY] * 1.1f, th->on_accent);
        }
        py += 4 * (bh + th->unit * 3 / 2) + th->unit;
    } else {
        char tries[96];
        snprintf(tries, sizeof tries, "%s %d / %d", app_tr(app, "map.tries"), s->tries, MAPROUND_TRIES);
        TextOpts tro = {.style = TEXT_BODY, .wrap = panel_w};
        const TextBlock *tb = ui_text_draw(app->text, tries, &tro, px, py, th->ink_soft);
        py += tb->h + th->unit;
        TextOpts ho = {.style = TEXT_SMALL, .wrap = panel_w, .max_lines = 3};
        const TextBlock *hb = ui_text_draw(app->text, app_tr(app, "map.find_hint"), &ho, px, py, th->ink_soft);
        py += hb->h + th->unit * 2;
        if (!s->answered && s->wrong_pick >= 0) {
            TextOpts wo = {.style = TEXT_BODY_BOLD, .wrap = panel_w};
            draw_cross(app->renderer, (float)(px + th->unit * 1.5f), (float)(py + th->size[TEXT_BODY] * 0.7f), th->size[TEXT_BODY] * 1.0f, th->wrong);
            ui_text_draw(app->text, app_tr(app, "map.try_again"), &wo, px + th->unit * 4, py, th->wrong);
        }
    }
    if (s->answered) {
        char msg[400];
        PackItemRef r = s->items[s->index];
        const char *names[] = {"name"};
        const char *values[] = {s->find ? item_name(s, r, app->lang) : s->option_label[s->right]};
        i18n_format(msg, sizeof msg, app_tr(app, s->correct ? "map.right" : "map.wrong"), names, values, 1);
        TextOpts mo = {.style = TEXT_BODY_BOLD, .wrap = panel_w, .max_lines = 4};
        int y = s->find ? app->height - th->margin * 2 - th->size[TEXT_BODY] * 6 : py;
        if (s->correct)
            draw_tick(app->renderer, (float)(px + th->unit * 1.5f), (float)(y + th->size[TEXT_BODY] * 0.7f), th->size[TEXT_BODY] * 1.1f, th->right);
        else
            draw_cross(app->renderer, (float)(px + th->unit * 1.5f), (float)(y + th->size[TEXT_BODY] * 0.7f), th->size[TEXT_BODY] * 1.1f, th->wrong);
        TextOpts mo2 = mo;
        mo2.wrap = panel_w - th->unit * 4;
        ui_text_draw(app->text, msg, &mo2, px + th->unit * 4, y, s->correct ? th->right : th->wrong);
    }
    const char *hints[] = {app_tr(app, "key.arrows"), app_tr(app, s->find ? "map.hint_cycle" : "hint.move"),
                           app_tr(app, "key.enter"), app_tr(app, "hint.choose")};
    ui_hints(app, hints, 2);
}

static void map_report(Scene *scene, App *app, cJSON *out)
{
    (void)app;
    MapScene *s = (MapScene *)scene;
    cJSON_AddStringToObject(out, "level", s->level ? s->level->id : "review");
    cJSON_AddStringToObject(out, "type", s->find ? "find" : "which-treaty");
    cJSON_AddNumberToObject(out, "questions", s->count);
    cJSON_AddNumberToObject(out, "index", s->index);
    cJSON_AddStringToObject(out, "item", pack_item_id(s->pack, s->items[s->index]));
    cJSON_AddNumberToObject(out, "tries", s->tries);
    cJSON_AddBoolToObject(out, "answered", s->answered);
    cJSON_AddNumberToObject(out, "right_option", s->find ? -1 : s->right + 1);
    cJSON_AddNumberToObject(out, "score", s->score);
    cJSON_AddNumberToObject(out, "answers_recorded", s->answers_recorded);
}

const SceneVtable scene_map = {
    .name = "map",
    .create = map_create,
    .destroy = map_destroy,
    .action = map_action,
    .update = map_update,
    .draw = map_draw,
    .report = map_report,
};
