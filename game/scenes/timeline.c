/* The timeline round. Insert mode: a card waits at the bottom; the player picks a gap on the
 * line (arrows, a click, or a drag) and the card is placed; a wrong card slides to its true place
 * with its date shown and costs a life. Order mode: every card is laid out and the player
 * rearranges them (pick up with Enter or drag), then checks. Any card on the line opens to show
 * its summary, exact date (with the Old Style date) and source. Rules live in rules/timeline. */
#include "core/i18n.h"
#include "core/round.h"
#include "core/scene.h"
#include "core/util.h"
#include "rules/timeline.h"
#include "scenes/scenes.h"
#include "store/store.h"
#include "ui/draw.h"
#include "ui/text.h"
#include "ui/widgets.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum Phase { PHASE_PLAY = 0, PHASE_FEEDBACK, PHASE_DONE } Phase;

typedef struct CardText {
    char title[200];
    char date[96];        /* the Gregorian date, formatted in the player's language */
    char old_style[96];   /* "" or the Julian date */
    char summary[1200];
    char source[300];
    const char *category; /* i18n key */
} CardText;

typedef struct TimelineScene {
    Scene base;
    Level *level;
    const Pack *pack;
    Timeline tl;
    CardText text[TIMELINE_MAX_CARDS];
    Rng rng;
    Phase phase;
    int gap;              /* insert: chosen gap */
    int sel;              /* order mode: cursor position; done phase: card position on the line */
    int held;             /* order mode: position of the picked-up card, -1 none */
    bool browsing;        /* insert: looking at placed cards instead of choosing a gap */
    int detail;           /* card index shown in the detail panel, -1 none */
    double t, feedback_t, question_t;
    TimelinePlacement last;
    int answers_recorded;
    bool review;
    char level_id[64];
    /* Layout, recomputed every frame from the window size. */
    SDL_Rect slot[TIMELINE_MAX_CARDS];     /* cards on the line, by position */
    SDL_Rect gap_rect[TIMELINE_MAX_CARDS + 1];
    SDL_Rect current_rect;
    SDL_Rect check_rect, continue_rect;
    int scroll;                            /* horizontal scroll of the line in pixels */
    /* Pointer drag of the current card (insert) or a line card (order). */
    bool dragging;
    int drag_from;
    int drag_x, drag_y, grab_dx, grab_dy;
    int press_x, press_y;
} TimelineScene;

static const char *category_key(PackCategory c)
{
    switch (c) {
    case PACK_CATEGORY_WAR: return "timeline.cat_war";
    case PACK_CATEGORY_BATTLE: return "timeline.cat_battle";
    case PACK_CATEGORY_TREATY: return "timeline.cat_treaty";
    case PACK_CATEGORY_FOUNDING: return "timeline.cat_founding";
    case PACK_CATEGORY_BORDER: return "timeline.cat_border";
    case PACK_CATEGORY_POLITICS: return "timeline.cat_politics";
    case PACK_CATEGORY_EXPLORATION: return "timeline.cat_exploration";
    default: return "timeline.cat_event";
    }
}

static void describe(TimelineScene *s, App *app, int i)
{
    const Pack *p = s->pack;
    const TimelineCard *c = &s->tl.cards[i];
    CardText *ct = &s->text[i];
    snprintf(ct->title, sizeof ct->title, "%s", pack_item_title(p, c->ref, app->lang));
    when_format(&c->when, app->lang, ct->date, sizeof ct->date);
    ct->old_style[0] = '\0';
    if (c->when.has_old_style) {
        char os[64];
        date_format(&c->when.old_style, app->lang, os, sizeof os);
        snprintf(ct->old_style, sizeof ct->old_style, "%s %s", app_tr(app, "timeline.old_style"), os);
    }
    const Text *summary = NULL;
    PackRefs sources = {0};
    PackCategory cat = PACK_CATEGORY_OTHER;
    if (c->ref.kind == PACK_KIND_TREATY) {
        const PackTreaty *tr = &p->treaties[c->ref.index];
        summary = &tr->summary;
        sources = tr->sources;
        cat = tr->category;
    } else if (c->ref.kind == PACK_KIND_EVENT) {
        const PackEvent *ev = &p->events[c->ref.index];
        summary = &ev->summary;
        sources = ev->sources;
        cat = ev->category;
    } else if (c->ref.kind == PACK_KIND_PERSON) {
        summary = &p->people[c->ref.index].role;
        sources = p->people[c->ref.index].sources;
    } else if (c->ref.kind == PACK_KIND_PLACE) {
        sources = p->places[c->ref.index].sources;
        cat = PACK_CATEGORY_FOUNDING;
    }
    snprintf(ct->summary, sizeof ct->summary, "%s", summary ? text_get(summary, app->lang) : "");
    app_source_label(p, sources, ct->source, sizeof ct->source);
    ct->category = category_key(cat);
}


static bool card_for_id(const Pack *p, const char *id, TimelineCard *card)
{
    for (int kind = 0; kind < PACK_KIND_COUNT; kind++) {
        int32_t idx = pack_find(p, (PackKind)kind, id);
        if (idx >= 0 && timeline_card_for(p, (PackItemRef){(PackKind)kind, (uint32_t)idx}, card))
            return true;
    }
    return false;
}

/* A review round: the due timeline items of one pack. The line starts with an anchor card that
 * is not due (the first dated treaty or event of the pack not in the deal), so every due item
 * is asked, and a single due item still makes a round. */
static int deal_review(TimelineScene *s, App *app, TimelineCard *cards)
{
    if (!app->store || !app->profile_id)
        return 0;
    StoreMemory due[TIMELINE_MAX_CARDS - 1];
    size_t n = 0;
    if (store_review_due_list(app->store, app->profile_id, app_now(app), GRADE_MODE_TIMELINE, due, TIMELINE_MAX_CARDS - 1, &n) != STORE_OK)
        return 0;
    int k = 1;
    for (size_t i = 0; i < n; i++) {
        const Pack *p = app_pack(app, due[i].pack);
        if (!p || (s->pack && p != s->pack))
            continue;
        if (card_for_id(p, due[i].item, &cards[k])) {
            s->pack = p;
            k++;
        }
    }
    if (k < 2)
        return 0;
    const PackKind anchor_kinds[] = {PACK_KIND_TREATY, PACK_KIND_EVENT};
    for (int kk = 0; kk < 2; kk++) {
        uint32_t count = anchor_kinds[kk] == PACK_KIND_TREATY ? s->pack->treaty_count : s->pack->event_count;
        for (uint32_t i = 0; i < count; i++) {
            PackItemRef ref = {anchor_kinds[kk], i};
            bool dealt = false;
            for (int j = 1; j < k && !dealt; j++)
                dealt = cards[j].ref.kind == ref.kind && cards[j].ref.index == ref.index;
            if (!dealt && timeline_card_for(s->pack, ref, &cards[0]))
                return k;
        }
    }
    return 0;
}

static Scene *timeline_create(App *app, const char *arg)
{
    TimelineScene *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->detail = -1;
    s->held = -1;
    rng_seed(&s->rng, app->seed);
    TimelineCard cards[TIMELINE_MAX_CARDS];
    int n = 0;
    TimelineConfig cfg = {.variant = TIMELINE_INSERT, .lives = 3, .stars = {50, 70, 90}};
    if (arg && strcmp(arg, "review") == 0) {
        s->review = true;
        cfg.lives = 0;   /* a review asks every due item: no life runs out */
        n = deal_review(s, app, cards);
    } else {
        char *fallback = arg ? NULL : app_first_level(app, "tl-");
        const char *id = arg ? arg : fallback;
        s->level = id ? app_level_load(app, id, &s->pack) : NULL;
        free(fallback);
        if (s->level) {
            snprintf(s->level_id, sizeof s->level_id, "%s", s->level->id);
            timeline_config_from_level(s->level, &cfg);
            if (timeline_deal(s->level, s->pack, &s->rng, cards, TIMELINE_MAX_CARDS, &n) != TIMELINE_OK)
                n = 0;
        }
    }
    if (n < 2 || timeline_start(&s->tl, &cfg, cards, n) != TIMELINE_OK) {
        app_notice(app, app_tr(app, s->review ? "timeline.nothing_due" : "timeline.no_cards"), 5);
        level_free(s->level);
        free(s);
        return NULL;
    }
    for (int i = 0; i < s->tl.count; i++)
        describe(s, app, i);
    s->gap = s->tl.line_count;
    return &s->base;
}

static void timeline_destroy(Scene *scene, App *app)
{
    (void)app;
    TimelineScene *s = (TimelineScene *)scene;
    level_free(s->level);
    free(s);
}

static bool insert_mode(const TimelineScene *s)
{
    return s->tl.config.variant == TIMELINE_INSERT;
}

static int64_t elapsed_ms(const TimelineScene *s)
{
    return (int64_t)((s->t - s->question_t) * 1000.0);
}

static void record(TimelineScene *s, App *app, int card, bool correct, int64_t ms)
{
    GradeOutcome o = {.mode = GRADE_MODE_TIMELINE, .correct = correct, .attempts = 1, .response_ms = ms,
                      .fast_ms = grade_fast_threshold_ms(s->tl.config.time_limit_ms)};
    if (app_record_answer(app, s->pack, pack_item_id(s->pack, s->tl.cards[card].ref), GRADE_MODE_TIMELINE,
                          "order", correct, grade_from_outcome(&o), ms))
        s->answers_recorded++;
}

static void place(TimelineScene *s, App *app, int gap)
{
    int card = timeline_current(&s->tl);
    if (card < 0)
        return;
    int64_t ms = elapsed_ms(s);
    if (timeline_insert(&s->tl, gap, ms, &s->last) != TIMELINE_OK)
        return;
    record(s, app, card, s->last.correct, ms);
    app_sound(app, s->last.correct ? "correct" : "wrong");
    s->phase = PHASE_FEEDBACK;
    s->feedback_t = s->t;
    s->gap = s->last.gap_final;
}

static void finish_order(TimelineScene *s, App *app)
{
    int64_t ms = elapsed_ms(s);
    if (timeline_order_check(&s->tl, ms) != TIMELINE_OK)
        return;
    for (int i = 0; i < s->tl.count; i++)
        record(s, app, i, s->tl.state[i] == TIMELINE_CARD_RIGHT, ms / (s->tl.count ? s->tl.count : 1));
    app_sound(app, s->tl.right == s->tl.count ? "fanfare" : "stamp");
    s->phase = PHASE_DONE;
    s->sel = 0;
}

static SceneOutcome finish_round(TimelineScene *s, App *app)
{
    RoundSummary sum = {0};
    snprintf(sum.level, sizeof sum.level, "%s", s->level_id);
    snprintf(sum.title, sizeof sum.title, "%s", s->level ? text_get(&s->level->title, app->lang) : app_tr(app, "menu.timeline"));
    snprintf(sum.pack, sizeof sum.pack, "%s", s->pack->id);
    snprintf(sum.mode, sizeof sum.mode, "%s", s->review ? "review" : "timeline");
    sum.score = s->tl.score;
    sum.max_score = s->tl.max_score;
    sum.correct = s->tl.right;
    sum.total = s->tl.right + s->tl.wrong;
    memcpy(sum.thresholds, s->tl.config.stars, sizeof sum.thresholds);
    sum.time_ms = (int64_t)(s->t * 1000);
    sum.won = s->tl.won;
    for (int i = 0; i < s->tl.count; i++) {
        if (s->tl.state[i] != TIMELINE_CARD_WRONG)
            continue;
        char answer[240];
        snprintf(answer, sizeof answer, "%s%s%s", s->text[i].date, s->text[i].old_style[0] ? " \xC2\xB7 " : "", s->text[i].old_style);
        summary_add_miss(&sum, pack_item_id(s->pack, s->tl.cards[i].ref), s->text[i].title, answer, "", s->text[i].source);
    }
    if (s->level_id[0]) {
        snprintf(sum.retry_scene, sizeof sum.retry_scene, "timeline");
        snprintf(sum.retry_arg, sizeof sum.retry_arg, "%s", s->level_id);
    }
    if (s->review || !scene_lookup("results"))
        return app_finish_review_part(app, &sum);
    return app_finish_round(app, &sum);
}

static int hit(const SDL_Rect *r, int n, int x, int y, int scroll)
{
    for (int i = 0; i < n; i++) {
        SDL_Rect q = r[i];
        q.x -= scroll;
        if (point_in_rect(x, y, q))
            return i;
    }
    return -1;
}

static SceneOutcome detail_action(TimelineScene *s, const Action *a)
{
    if (a->kind == ACTION_BACK || a->kind == ACTION_CONFIRM || a->kind == ACTION_POINTER_UP || a->kind == ACTION_UP)
        s->detail = -1;
    return scene_stay();
}

static SceneOutcome insert_action(TimelineScene *s, App *app, const Action *a)
{
    int line_n = s->tl.line_count;
    switch (a->kind) {
    case ACTION_LEFT:
        if (s->browsing) {
            if (s->sel > 0)
                s->sel--;
        } else if (s->gap > 0) {
            s->gap--;
        }
        app_sound(app, "select");
        break;
    case ACTION_RIGHT:
        if (s->browsing) {
            if (s->sel + 1 < line_n)
                s->sel++;
        } else if (s->gap < line_n) {
            s->gap++;
        }
        app_sound(app, "select");
        break;
    case ACTION_UP:
        s->browsing = true;
        s->sel = s->gap < line_n ? s->gap : line_n - 1;
        break;
    case ACTION_DOWN:
        s->browsing = false;
        break;
    case ACTION_CONFIRM:
        if (s->browsing)
            s->detail = s->tl.line[s->sel];
        else
            place(s, app, s->gap);
        break;
    case ACTION_POINTER_DOWN: {
        SDL_Rect c = s->current_rect;
        s->press_x = a->x;
        s->press_y = a->y;
        if (point_in_rect(a->x, a->y, c)) {
            s->dragging = true;
            s->grab_dx = a->x - c.x;
            s->grab_dy = a->y - c.y;
            s->drag_x = a->x;
            s->drag_y = a->y;
        }
        break;
    }
    case ACTION_POINTER_MOVE:
        if (s->dragging) {
            s->drag_x = a->x;
            s->drag_y = a->y;
            int g = hit(s->gap_rect, line_n + 1, a->x, a->y, s->scroll);
            if (g < 0) {
                /* Nearest gap by x while dragging over the line. */
                int best = 1 << 30;
                for (int i = 0; i <= line_n; i++) {
                    int cx = s->gap_rect[i].x + s->gap_rect[i].w / 2 - s->scroll;
                    if (abs(cx - a->x) < best) {
                        best = abs(cx - a->x);
                        g = i;
                    }
                }
            }
            s->gap = g;
        } else {
            int g = hit(s->gap_rect, line_n + 1, a->x, a->y, s->scroll);
            if (g >= 0)
                s->gap = g;
        }
        break;
    case ACTION_POINTER_UP: {
        bool was_drag = s->dragging;
        s->dragging = false;
        int line_top = s->slot[0].y;
        if (was_drag) {
            /* Dropped above the card's home: place it in the gap under the pointer. */
            if (a->y < s->current_rect.y - s->current_rect.h / 4 || a->y < line_top + s->slot[0].h * 2)
                place(s, app, s->gap);
            break;
        }
        int g = hit(s->gap_rect, line_n + 1, a->x, a->y, s->scroll);
        if (g >= 0) {
            s->gap = g;
            place(s, app, g);
            break;
        }
        int c = hit(s->slot, line_n, a->x, a->y, s->scroll);
        if (c >= 0)
            s->detail = s->tl.line[c];
        break;
    }
    case ACTION_SCROLL:
        s->scroll -= (int)(a->dy * app->theme->unit * 10);
        break;
    default:
        break;
    }
    return scene_stay();
}

static SceneOutcome order_action(TimelineScene *s, App *app, const Action *a)
{
    int n = s->tl.line_count;
    switch (a->kind) {
    case ACTION_LEFT:
    case ACTION_RIGHT: {
        int d = a->kind == ACTION_LEFT ? -1 : 1;
        int to = s->sel + d;
        if (to < 0 || to >= n)
            break;
        if (s->held >= 0) {
            timeline_order_move(&s->tl, s->held, to);
            s->held = to;
        }
        s->sel = to;
        app_sound(app, "select");
        break;
    }
    case ACTION_CONFIRM:
        if (s->held >= 0)
            s->held = -1;
        else if (s->sel == n)
            finish_order(s, app);
        else
            s->held = s->sel;
        app_sound(app, "flip");
        break;
    case ACTION_DOWN:
        s->held = -1;
        s->sel = n;   /* the Check button */
        break;
    case ACTION_UP:
        if (s->sel == n)
            s->sel = n - 1;
        break;
    case ACTION_MENU:
        finish_order(s, app);
        break;
    case ACTION_KEY:
        if (a->key == 'c')
            finish_order(s, app);
        break;
    case ACTION_POINTER_DOWN: {
        int c = hit(s->slot, n, a->x, a->y, s->scroll);
        if (c >= 0) {
            s->dragging = true;
            s->drag_from = c;
            s->sel = c;
            s->grab_dx = a->x - (s->slot[c].x - s->scroll);
            s->grab_dy = a->y - s->slot[c].y;
            s->drag_x = a->x;
            s->drag_y = a->y;
        }
        break;
    }
    case ACTION_POINTER_MOVE:
        if (s->dragging) {
            s->drag_x = a->x;
            s->drag_y = a->y;
        }
        break;
    case ACTION_POINTER_UP:
        if (s->dragging) {
            s->dragging = false;
            int best = s->drag_from, bd = 1 << 30;
            for (int i = 0; i < n; i++) {
                int cx = s->slot[i].x + s->slot[i].w / 2 - s->scroll;
                if (abs(cx - a->x) < bd) {
                    bd = abs(cx - a->x);
                    best = i;
                }
            }
            if (best != s->drag_from) {
                timeline_order_move(&s->tl, s->drag_from, best);
                app_sound(app, "flip");
            }
            s->sel = best;
        } else if (point_in_rect(a->x, a->y, s->check_rect)) {
            finish_order(s, app);
        }
        break;
    default:
        break;
    }
    return scene_stay();
}

static SceneOutcome done_action(TimelineScene *s, App *app, const Action *a)
{
    int n = s->tl.line_count;
    switch (a->kind) {
    case ACTION_LEFT:
        if (s->sel > 0)
            s->sel--;
        break;
    case ACTION_RIGHT:
        if (s->sel < n)
            s->sel++;
        break;
    case ACTION_DOWN:
        s->sel = n;
        break;
    case ACTION_UP:
        if (s->sel == n)
            s->sel = n - 1;
        break;
    case ACTION_CONFIRM:
        if (s->sel == n)
            return finish_round(s, app);
        s->detail = s->tl.line[s->sel];
        break;
    case ACTION_POINTER_UP: {
        if (point_in_rect(a->x, a->y, s->continue_rect))
            return finish_round(s, app);
        int c = hit(s->slot, n, a->x, a->y, s->scroll);
        if (c >= 0) {
            s->sel = c;
            s->detail = s->tl.line[c];
        }
        break;
    }
    case ACTION_SCROLL:
        s->scroll -= (int)(a->dy * app->theme->unit * 10);
        break;
    default:
        break;
    }
    return scene_stay();
}

static SceneOutcome timeline_action(Scene *scene, App *app, const Action *a)
{
    TimelineScene *s = (TimelineScene *)scene;
    if (s->detail >= 0)
        return detail_action(s, a);
    if (a->kind == ACTION_BACK || ui_back_hit(app, a))
        return scene_pop();
    if (s->phase == PHASE_FEEDBACK) {
        /* Any confirm skips the rest of the feedback pause. */
        if (a->kind == ACTION_CONFIRM || a->kind == ACTION_POINTER_UP)
            s->feedback_t = -10;
        return scene_stay();
    }
    if (s->phase == PHASE_DONE)
        return done_action(s, app, a);
    return insert_mode(s) ? insert_action(s, app, a) : order_action(s, app, a);
}

static SceneOutcome timeline_update(Scene *scene, App *app, double dt)
{
    TimelineScene *s = (TimelineScene *)scene;
    s->t += dt;
    if (s->phase == PHASE_FEEDBACK) {
        double wait = s->last.correct ? 0.9 : 1.8;
        if (s->t - s->feedback_t >= wait) {
            if (s->tl.finished) {
                s->phase = PHASE_DONE;
                s->sel = 0;
                app_sound(app, s->tl.won ? "fanfare" : "stamp");
            } else {
                s->phase = PHASE_PLAY;
                s->question_t = s->t;
                s->gap = s->tl.line_count / 2;
            }
        }
    }
    return scene_stay();
}

/* ---- Drawing ----------------------------------------------------------------------------- */

static void draw_card(App *app, TimelineScene *s, int card, SDL_Rect r, bool show_date, bool focused, int mark)
{
    const Theme *th = app->theme;
    const CardText *ct = &s->text[card];
    SDL_Color edge = mark > 0 ? th->right : mark < 0 ? th->wrong : th->line;
    draw_shadow(app->renderer, r, th->radius / 2, th->unit / 2 + 1, th->shadow);
    draw_rounded(app->renderer, r, th->radius / 2, th->card);
    draw_rounded_outline(app->renderer, r, th->radius / 2, mark ? th->unit / 3 + 1 : 1, edge);
    int pad = th->unit * 2;
    /* Category stamp in the corner, and a red rule like an index card. */
    TextOpts co = {.style = TEXT_SMALL, .size = th->size[TEXT_SMALL] * 85 / 100, .wrap = r.w - 2 * pad, .max_lines = 1};
    const TextBlock *cb = ui_text_draw(app->text, app_tr(app, ct->category), &co, r.x + pad, r.y + th->unit, th->seal);
    int y = r.y + th->unit + cb->h;
    draw_rect(app->renderer, (SDL_Rect){r.x + pad, y, r.w - 2 * pad, 1 + th->unit / 4}, color_alpha(th->seal, 120));
    y += th->unit;
    /* Narrow cards (many on the line) use the small size so titles keep whole words. */
    bool narrow = r.w < th->unit * 32;
    TextStyle body = narrow ? TEXT_SMALL : TEXT_BODY;
    int date_h = show_date ? th->size[body] * 3 / 2 : 0;
    int lines = (r.y + r.h - y - date_h - th->unit) / (th->size[body] * 3 / 2);
    TextOpts to = {.style = body, .wrap = r.w - 2 * pad, .max_lines = lines < 1 ? 1 : lines};
    ui_text_draw(app->text, ct->title, &to, r.x + pad, y, th->ink);
    if (!show_date && !mark) {
        /* The date stays hidden until the card is placed. */
        TextOpts qo = {.style = TEXT_BODY_BOLD, .size = th->size[body], .wrap = r.w - 2 * pad, .max_lines = 1};
        ui_text_draw(app->text, app_tr(app, "timeline.hidden_date"), &qo, r.x + pad, r.y + r.h - th->size[body] * 3 / 2 - th->unit / 2, th->gold);
    }
    if (show_date) {
        TextOpts dop = {.style = TEXT_BODY_BOLD, .size = th->size[body], .wrap = r.w - 2 * pad, .max_lines = 1};
        if (ui_text_get(app->text, ct->date, &dop)->truncated)
            dop.size = th->size[TEXT_SMALL] * 85 / 100;
        ui_text_draw(app->text, ct->date, &dop, r.x + pad, r.y + r.h - date_h - th->unit / 2, mark < 0 ? th->wrong : th->ink);
    }
    if (mark > 0)
        draw_tick(app->renderer, (float)(r.x + r.w - pad), (float)(r.y + pad), th->size[TEXT_BODY] * 1.0f, th->right);
    else if (mark < 0)
        draw_cross(app->renderer, (float)(r.x + r.w - pad), (float)(r.y + pad), th->size[TEXT_BODY] * 1.0f, th->wrong);
    if (focused && ui_show_focus(app))
        draw_focus_ring(app->renderer, r, th->radius / 2, th->unit, th->focus);
}

static int card_mark(const TimelineScene *s, int card)
{
    if (s->tl.state[card] == TIMELINE_CARD_RIGHT)
        return 1;
    if (s->tl.state[card] == TIMELINE_CARD_WRONG)
        return -1;
    return 0;
}

/* The year axis above the line: each placed card has a dot at its true position in time and a
 * thin leader to its card, so long and short gaps between events are visible. */
static void draw_axis(TimelineScene *s, App *app, int y, int x0, int x1, bool all_dates)
{
    const Theme *th = app->theme;
    int n = s->tl.line_count;
    double lo = 1e18, hi = -1e18;
    for (int i = 0; i < n; i++) {
        int c = s->tl.line[i];
        if (!all_dates && s->tl.state[c] == TIMELINE_CARD_DECK)
            continue;
        Date d = timeline_key(&s->tl.cards[c].when, s->tl.config.range_key);
        double v = date_ordinal(&d);
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
    }
    int dated = 0;
    for (int i = 0; i < n; i++)
        dated += all_dates || s->tl.state[s->tl.line[i]] != TIMELINE_CARD_DECK;
    if (lo > hi || dated < 2)
        return;
    if (hi - lo < 365)
        hi = lo + 365;
    draw_rect(app->renderer, (SDL_Rect){x0, y, x1 - x0, 2}, th->ink_soft);
    /* Year labels at the ends. */
    char buf[32];
    Date dlo = timeline_key(&s->tl.cards[s->tl.line[0]].when, s->tl.config.range_key);
    Date dhi = timeline_key(&s->tl.cards[s->tl.line[n - 1]].when, s->tl.config.range_key);
    if (!all_dates)
        for (int i = n - 1; i >= 0; i--)
            if (s->tl.state[s->tl.line[i]] != TIMELINE_CARD_DECK) {
                dhi = timeline_key(&s->tl.cards[s->tl.line[i]].when, s->tl.config.range_key);
                break;
            }
    TextOpts yo = {.style = TEXT_SMALL};
    snprintf(buf, sizeof buf, "%d", dlo.year);
    ui_text_draw(app->text, buf, &yo, x0, y - th->size[TEXT_SMALL] * 3 / 2, th->ink_soft);
    snprintf(buf, sizeof buf, "%d", dhi.year);
    TextOpts yr = {.style = TEXT_SMALL, .align = TEXT_RIGHT};
    ui_text_draw(app->text, buf, &yr, x1, y - th->size[TEXT_SMALL] * 3 / 2, th->ink_soft);
    for (int i = 0; i < n; i++) {
        int c = s->tl.line[i];
        Date d = timeline_key(&s->tl.cards[c].when, s->tl.config.range_key);
        float fx = (float)(x0 + (date_ordinal(&d) - lo) / (hi - lo) * (x1 - x0));
        SDL_Rect sr = s->slot[i];
        float cx = (float)(sr.x - s->scroll + sr.w / 2);
        SDL_Color col = s->tl.state[c] == TIMELINE_CARD_WRONG ? th->wrong : th->teal;
        draw_line(app->renderer, fx, (float)y, cx, (float)sr.y, 1.5f, color_alpha(col, 120));
        draw_circle(app->renderer, fx, (float)y + 1, th->unit * 0.7f, col);
    }
}

static void layout_line(TimelineScene *s, App *app, int top, int card_h, int focus_pos)
{
    const Theme *th = app->theme;
    int n = s->tl.line_count;
    int gapw = insert_mode(s) && s->phase != PHASE_DONE ? th->unit * 5 : th->unit * 2;
    int avail = app->width - 2 * th->margin;
    int w = (avail - gapw * (n + 1)) / (n > 0 ? n : 1);
    int min_w = th->unit * 19, max_w = th->unit * 40;
    if (w < min_w)
        w = min_w;
    if (w > max_w)
        w = max_w;
    int total = n * w + (n + 1) * gapw;
    int x = th->margin + (total < avail ? (avail - total) / 2 : 0);
    for (int i = 0; i <= n; i++) {
        s->gap_rect[i] = (SDL_Rect){x, top - th->unit, gapw, card_h + th->unit * 2};
        x += gapw;
        if (i < n) {
            s->slot[i] = (SDL_Rect){x, top, w, card_h};
            x += w;
        }
    }
    /* Scroll so the focused gap or card stays on screen. */
    if (total > avail && focus_pos >= 0) {
        SDL_Rect f = focus_pos <= n ? s->gap_rect[focus_pos] : s->gap_rect[n];
        int left = th->margin, right = app->width - th->margin;
        if (f.x - s->scroll < left + w / 2)
            s->scroll = f.x - left - w / 2;
        if (f.x + f.w - s->scroll > right - w / 2)
            s->scroll = f.x + f.w - right + w / 2;
    }
    int max_scroll = total > avail ? total - avail : 0;
    if (s->scroll < 0)
        s->scroll = 0;
    if (s->scroll > max_scroll)
        s->scroll = max_scroll;
    if (total <= avail)
        s->scroll = 0;
}

static void draw_top(TimelineScene *s, App *app)
{
    const Theme *th = app->theme;
    const char *title = s->level ? text_get(&s->level->title, app->lang) : app_tr(app, "menu.timeline");
    TextOpts to = {.style = TEXT_H1, .wrap = app->width * 55 / 100, .max_lines = 1};
    ui_text_draw(app->text, title, &to, th->margin, th->margin / 2, th->ink);
    /* Score and lives at the top right, left of the Back button. */
    SDL_Rect back = ui_back_rect(app);
    char score[64];
    snprintf(score, sizeof score, "%s %d", app_tr(app, "timeline.score"), s->tl.score);
    TextOpts so = {.style = TEXT_H2, .align = TEXT_RIGHT};
    const TextBlock *sb = ui_text_draw(app->text, score, &so, back.x - th->unit * 3, back.y, th->ink);
    if (insert_mode(s) && s->tl.config.lives > 0) {
        float r = th->size[TEXT_H2] * 0.35f;
        float x = (float)(back.x - th->unit * 3 - sb->w - th->unit * 3);
        for (int i = s->tl.config.lives - 1; i >= 0; i--) {
            bool alive = i < s->tl.lives;
            /* Lives as seals: filled squares, hollow when lost (shape, not only colour). */
            SDL_Rect q = {(int)(x - 2 * r), back.y + th->unit, (int)(2 * r), (int)(2 * r)};
            if (alive)
                draw_rounded(app->renderer, q, (int)(r / 3), th->seal);
            else
                draw_rounded_outline(app->renderer, q, (int)(r / 3), 2, th->ink_soft);
            x -= 2 * r + th->unit;
        }
    }
    ui_back_button(app);
}

static void draw_detail(TimelineScene *s, App *app)
{
    const Theme *th = app->theme;
    const CardText *ct = &s->text[s->detail];
    draw_rect(app->renderer, (SDL_Rect){0, 0, app->width, app->height}, color_alpha(th->ink, 150));
    int w = app->width * 6 / 10, h = app->height * 7 / 10;
    SDL_Rect box = {(app->width - w) / 2, (app->height - h) / 2, w, h};
    draw_shadow(app->renderer, box, th->radius, th->unit * 2, th->shadow);
    draw_rounded(app->renderer, box, th->radius, th->card);
    int pad = th->unit * 4, y = box.y + pad;
    TextOpts co = {.style = TEXT_SMALL};
    const TextBlock *b = ui_text_draw(app->text, app_tr(app, ct->category), &co, box.x + pad, y, th->seal);
    y += b->h;
    TextOpts to = {.style = TEXT_H1, .wrap = w - 2 * pad, .max_lines = 2};
    b = ui_text_draw(app->text, ct->title, &to, box.x + pad, y, th->ink);
    y += b->h + th->unit;
    TextOpts dop = {.style = TEXT_H2, .wrap = w - 2 * pad, .max_lines = 1};
    b = ui_text_draw(app->text, ct->date, &dop, box.x + pad, y, th->ink);
    y += b->h;
    if (ct->old_style[0]) {
        TextOpts oo = {.style = TEXT_BODY, .wrap = w - 2 * pad, .max_lines = 1};
        b = ui_text_draw(app->text, ct->old_style, &oo, box.x + pad, y, th->ink_soft);
        y += b->h;
    }
    y += th->unit * 2;
    int src_h = th->size[TEXT_SMALL] * 4;
    int lines = (box.y + box.h - pad - src_h - y) / (th->size[TEXT_BODY] * 4 / 3);
    TextOpts sumo = {.style = TEXT_BODY, .wrap = w - 2 * pad, .max_lines = lines > 1 ? lines : 1};
    ui_text_draw(app->text, ct->summary, &sumo, box.x + pad, y, th->ink);
    char src[360];
    snprintf(src, sizeof src, "%s: %s", app_tr(app, "timeline.source"), ct->source);
    TextOpts sro = {.style = TEXT_SMALL, .wrap = w - 2 * pad, .max_lines = 2};
    ui_text_draw(app->text, src, &sro, box.x + pad, box.y + box.h - pad - src_h / 2, th->ink_soft);
}

static void timeline_draw(Scene *scene, App *app)
{
    TimelineScene *s = (TimelineScene *)scene;
    const Theme *th = app->theme;
    ui_background(app, 0);
    draw_top(s, app);
    int n = s->tl.line_count;
    int card_h = th->size[TEXT_BODY] * 6 + th->unit * 4;
    int line_top = app->height * 30 / 100;
    bool insert = insert_mode(s);
    int focus = s->phase == PHASE_DONE || !insert ? s->sel : (s->browsing ? s->sel : s->gap);
    layout_line(s, app, line_top, card_h, focus);
    draw_axis(s, app, line_top - th->unit * 4, th->margin, app->width - th->margin, !insert || s->phase == PHASE_DONE);

    SDL_Rect clip = {0, line_top - th->unit * 3, app->width, card_h + th->unit * 6};
    SDL_RenderSetClipRect(app->renderer, &clip);
    for (int i = 0; i < n; i++) {
        int c = s->tl.line[i];
        SDL_Rect r = s->slot[i];
        r.x -= s->scroll;
        bool dragged = !insert && s->dragging && s->drag_from == i;
        if (dragged)
            continue;
        if (!insert && s->held == i)
            r.y -= th->unit * 3;
        /* The card just placed settles from above (none with reduced motion). */
        if (s->phase == PHASE_FEEDBACK && c == s->last.card && !app->settings.reduced_motion) {
            double k = ease_out_cubic((s->t - s->feedback_t) / 0.3);
            r.y -= (int)((1 - k) * th->unit * 10);
        }
        bool show_date = s->phase == PHASE_DONE || (insert && s->tl.state[c] != TIMELINE_CARD_DECK);
        int mark = (insert || s->tl.checked) ? card_mark(s, c) : 0;
        if (insert && s->phase == PHASE_PLAY)
            mark = 0;
        bool focused = (s->phase == PHASE_DONE || !insert || s->browsing) && s->sel == i;
        draw_card(app, s, c, r, show_date, focused, mark);
    }
    /* Drop targets between cards. */
    if (insert && s->phase == PHASE_PLAY) {
        for (int i = 0; i <= n; i++) {
            SDL_Rect g = s->gap_rect[i];
            g.x -= s->scroll;
            bool on = !s->browsing && s->gap == i;
            SDL_Rect bar = {g.x + g.w / 2 - th->unit / 2, g.y, th->unit, g.h};
            draw_rounded(app->renderer, bar, th->unit / 2, on ? th->gold : color_alpha(th->line, 160));
            if (on) {
                if (ui_show_focus(app))
                    draw_focus_ring(app->renderer, bar, th->unit / 2, th->unit, th->focus);
            }
        }
    }
    SDL_RenderSetClipRect(app->renderer, NULL);

    /* Below the line: the card to place, feedback, the Check button, or the end of the round. */
    int cw = th->unit * 44, chh = card_h + th->unit * 2;
    SDL_Rect home = {(app->width - cw) / 2, app->height - th->margin * 2 - chh, cw, chh};
    s->current_rect = home;
    TextOpts ho = {.style = TEXT_H2, .align = TEXT_CENTER, .wrap = app->width - 2 * th->margin, .max_lines = 2};
    int msg_y = line_top + card_h + th->unit * 5;
    if (s->phase == PHASE_PLAY && insert) {
        int card = timeline_current(&s->tl);
        ui_text_draw(app->text, app_tr(app, s->browsing ? "timeline.browse" : "timeline.place"), &ho, app->width / 2, msg_y, th->ink_soft);
        if (card >= 0) {
            SDL_Rect r = home;
            if (s->dragging) {
                r.x = s->drag_x - s->grab_dx;
                r.y = s->drag_y - s->grab_dy;
            }
            draw_card(app, s, card, r, false, false, 0);
        }
    } else if (s->phase == PHASE_PLAY) {
        ui_text_draw(app->text, app_tr(app, "timeline.arrange"), &ho, app->width / 2, msg_y, th->ink_soft);
        s->check_rect = (SDL_Rect){(app->width - th->unit * 40) / 2, home.y + home.h - th->size[TEXT_BODY] * 3, th->unit * 40, th->size[TEXT_BODY] * 2 + th->unit};
        ui_button(app, s->check_rect, app_tr(app, "timeline.check"), BUTTON_PRIMARY, s->sel == n, true);
        if (s->dragging) {
            SDL_Rect r = s->slot[s->drag_from];
            r.x = s->drag_x - s->grab_dx;
            r.y = s->drag_y - s->grab_dy;
            draw_card(app, s, s->tl.line[s->drag_from], r, false, false, 0);
        }
    } else if (s->phase == PHASE_FEEDBACK) {
        const CardText *ct = &s->text[s->last.card];
        char msg[400];
        const char *key = s->last.correct ? (s->last.tie ? "timeline.right_tie" : "timeline.right") : "timeline.wrong";
        snprintf(msg, sizeof msg, "%s  %s \xE2\x80\x94 %s", app_tr(app, key), ct->title, ct->date);
        SDL_Color col = s->last.correct ? th->right : th->wrong;
        const TextBlock *b = ui_text_get(app->text, msg, &ho);
        ui_text_draw(app->text, msg, &ho, app->width / 2, msg_y, col);
        float sx = (float)(app->width / 2 - b->w / 2 - th->size[TEXT_H2]), sy = (float)(msg_y + th->size[TEXT_H2] * 0.7f);
        if (s->last.correct)
            draw_tick(app->renderer, sx, sy, th->size[TEXT_H2] * 1.2f, col);
        else
            draw_cross(app->renderer, sx, sy, th->size[TEXT_H2] * 1.2f, col);
        if (s->last.points > 0) {
            char pts[64];
            snprintf(pts, sizeof pts, "+%d", s->last.points);
            TextOpts po = {.style = TEXT_H1, .align = TEXT_CENTER};
            ui_text_draw(app->text, pts, &po, app->width / 2, msg_y + b->h + th->unit * 2, th->gold);
        }
        if (s->last.life_lost) {
            TextOpts lo = {.style = TEXT_BODY_BOLD, .align = TEXT_CENTER};
            ui_text_draw(app->text, app_tr(app, "timeline.life_lost"), &lo, app->width / 2, msg_y + b->h + th->unit * 2, th->wrong);
        }
    } else {
        char msg[200];
        const char *key = insert ? (s->tl.won ? "timeline.done_won" : "timeline.done_lost") : "timeline.done_order";
        char nums[64];
        snprintf(nums, sizeof nums, "%d / %d", s->tl.right, s->tl.right + s->tl.wrong);
        const char *names[] = {"right"};
        const char *values[] = {nums};
        i18n_format(msg, sizeof msg, app_tr(app, key), names, values, 1);
        ui_text_draw(app->text, msg, &ho, app->width / 2, msg_y, th->ink);
        s->continue_rect = (SDL_Rect){(app->width - th->unit * 40) / 2, home.y + home.h - th->size[TEXT_BODY] * 3, th->unit * 40, th->size[TEXT_BODY] * 2 + th->unit};
        ui_button(app, s->continue_rect, app_tr(app, "timeline.continue"), BUTTON_PRIMARY, s->sel == n, true);
    }
    const char *hints[] = {app_tr(app, "key.arrows"), app_tr(app, "hint.move"), app_tr(app, "key.enter"),
                           app_tr(app, insert && s->phase == PHASE_PLAY && !s->browsing ? "timeline.hint_place" : "hint.choose"),
                           app_tr(app, "key.up"), app_tr(app, "timeline.hint_look")};
    ui_hints(app, hints, insert ? 3 : 2);
    if (s->detail >= 0)
        draw_detail(s, app);
}

static void timeline_report(Scene *scene, App *app, cJSON *out)
{
    (void)app;
    TimelineScene *s = (TimelineScene *)scene;
    cJSON_AddStringToObject(out, "level", s->level_id);
    cJSON_AddStringToObject(out, "variant", insert_mode(s) ? "insert" : "order");
    cJSON_AddStringToObject(out, "phase", s->phase == PHASE_PLAY ? "play" : s->phase == PHASE_FEEDBACK ? "feedback" : "done");
    cJSON_AddNumberToObject(out, "cards", s->tl.count);
    cJSON_AddNumberToObject(out, "placed", s->tl.line_count);
    cJSON_AddNumberToObject(out, "score", s->tl.score);
    cJSON_AddNumberToObject(out, "max_score", s->tl.max_score);
    cJSON_AddNumberToObject(out, "right", s->tl.right);
    cJSON_AddNumberToObject(out, "wrong", s->tl.wrong);
    cJSON_AddNumberToObject(out, "lives", s->tl.lives);
    cJSON_AddBoolToObject(out, "finished", s->tl.finished);
    cJSON_AddBoolToObject(out, "won", s->tl.won);
    cJSON_AddNumberToObject(out, "answers_recorded", s->answers_recorded);
    int cur = timeline_current(&s->tl);
    cJSON_AddStringToObject(out, "current", cur >= 0 && s->phase == PHASE_PLAY ? pack_item_id(s->pack, s->tl.cards[cur].ref) : "");
    cJSON *line = cJSON_AddArrayToObject(out, "line");
    for (int i = 0; i < s->tl.line_count; i++)
        cJSON_AddItemToArray(line, cJSON_CreateString(pack_item_id(s->pack, s->tl.cards[s->tl.line[i]].ref)));
}

const SceneVtable scene_timeline = {
    .name = "timeline",
    .create = timeline_create,
    .destroy = timeline_destroy,
    .action = timeline_action,
    .update = timeline_update,
    .draw = timeline_draw,
    .report = timeline_report,
};
