/* The timeline round. Insert mode: a card waits at the bottom; the player picks a gap on the
 * line (arrows, a click, or a drag) and the card is placed; a wrong card slides to its true place
 * with its date shown and costs a life. Order mode: every card is laid out and the player
 * rearranges them (pick up with Enter or drag), then checks. Any card on the line opens to show
 * its summary, exact date (with the Old Style date) and source. Rules live in rules/timeline. */
#include "content/i18n.h"
#include "app/session.h"
#include "app/scene.h"
#include "base/util.h"
#include "rules/timeline.h"
#include "scenes/scenes.h"
#include "store/store.h"
#include "ui/draw.h"
#include "ui/text.h"
#include "ui/notes.h"
#include "ui/widgets.h"

#include <SDL_image.h>
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
    char year[72];        /* the year alone ("1858", "1856-1860"), for narrow cards */
    char summary[1200];
    char source[300];
    const char *category; /* i18n key */
    PackCategory cat;     /* picks the stamp's shape */
    const char *image;    /* path inside the pack folder, or NULL */
} CardText;

/* Image textures of the cards, loaded on first draw and kept for the round. A file that fails to
 * load (deleted, truncated, not decodable) is remembered as failed: the card shows no image. */
typedef struct CardImage {
    SDL_Texture *tex;
    int w, h;
    bool tried;
    unsigned render_epoch;   /* app->ui.render_epoch when tex was made: another means it is gone */
    bool counted;            /* counted in images_shown */
} CardImage;

typedef struct TimelineScene {
    Scene base;
    Level *level;
    const Pack *pack;
    Timeline tl;
    CardText text[TIMELINE_MAX_CARDS];
    CardImage image[TIMELINE_MAX_CARDS];
    int images_shown;     /* cards whose image loaded (reported for tests) */
    int image_loads;      /* textures made for them: again after the renderer is replaced */
    Rng rng;
    Phase phase;
    int gap;              /* insert: chosen gap */
    int sel;              /* order mode: cursor position; done phase: card position on the line */
    int held;             /* order mode: position of the picked-up card, -1 none */
    bool browsing;        /* insert: looking at placed cards instead of choosing a gap */
    int detail;           /* card index shown in the detail panel, -1 none */
    NotesPanel notes;     /* the detail card's note and sources */
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
    /* Where each card is drawn (screen x), easing toward its slot so the line makes room for a
     * new card and a wrong card slides to its true place; snaps with reduced motion. */
    float disp_x[TIMELINE_MAX_CARDS];
    bool disp_ok[TIMELINE_MAX_CARDS];
    double frame_dt;
    int from_cx;                           /* screen x of the gap the last card was put in */
    int zoom;                              /* 0 normal cards, 1 narrow cards (zoomed out) */
    bool zoom_chosen;                      /* the player set the zoom; no automatic zoom */
    int line_total;                        /* width of the whole line in pixels */
    int last_focus, last_count;            /* to scroll to the focus only when it moves */
    bool axis_ok;
    double axis_lo, axis_hi;               /* the axis's time range (ordinals) */
    SDL_Rect axis_rect;
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
    {
        Date a = c->when.from, b = c->when.to;
        a.precision = b.precision = DATE_PRECISION_YEAR;
        char ya[32], yb[32];   /* 2 x 31 + the dash + NUL fits year[72] */
        date_format(&a, app->lang, ya, sizeof ya);
        if (c->when.is_range && b.year != a.year) {
            date_format(&b, app->lang, yb, sizeof yb);
            snprintf(ct->year, sizeof ct->year, "%s\xE2\x80\x93%s", ya, yb);
        } else {
            snprintf(ct->year, sizeof ct->year, "%s", ya);
        }
    }
    ct->old_style[0] = '\0';
    ct->image = NULL;
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
        ct->image = ev->image;
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
    ct->cat = cat;
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
    StoreMemory due[TIMELINE_MAX_CARDS - 1];
    size_t n = app_review_due(app, GRADE_MODE_TIMELINE, due, TIMELINE_MAX_CARDS - 1);
    int k = 1;
    for (size_t i = 0; i < n; i++) {
        const Pack *p = app_review_pack(app, &due[i], s->pack);
        if (!p)
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
    s->last_focus = -2;
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
    TimelineScene *s = (TimelineScene *)scene;
    for (int i = 0; i < TIMELINE_MAX_CARDS; i++)
        if (s->image[i].tex && s->image[i].render_epoch == app->ui.render_epoch)
            SDL_DestroyTexture(s->image[i].tex);
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
    s->from_cx = s->gap_rect[gap].x + s->gap_rect[gap].w / 2 - s->scroll;
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
    if (s->review || !app_scene_lookup(app, "results"))
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
    default:
        break;
    }
    return scene_stay();
}

static void set_zoom(TimelineScene *s, App *app, int zoom)
{
    if (s->zoom != zoom)
        app_sound(app, "select");
    s->zoom = zoom;
    s->zoom_chosen = true;
    s->last_focus = -2;   /* keep the focus in view at the new size */
}

/* Moving over a long line, in every phase: the wheel and Page Up/Down scroll, Tab and the
 * shoulder buttons (or - and +) zoom out and in, a click on the year axis scrolls to the card
 * nearest that time. Returns true when the action was used. */
static bool line_view_action(TimelineScene *s, App *app, const Action *a)
{
    int page = app->ui.width * 3 / 4;
    switch (a->kind) {
    case ACTION_SCROLL:
        s->scroll -= (int)(a->dy * (float)app->ui.theme->unit * 10);
        return true;
    case ACTION_PAGE_UP:
        s->scroll -= page;
        return true;
    case ACTION_PAGE_DOWN:
        s->scroll += page;
        return true;
    case ACTION_NEXT:
        set_zoom(s, app, 1);
        return true;
    case ACTION_PREV:
        set_zoom(s, app, 0);
        return true;
    case ACTION_KEY:
        if (a->key == '-' || a->key == SDLK_KP_MINUS) {
            set_zoom(s, app, 1);
            return true;
        }
        if (a->key == '=' || a->key == '+' || a->key == SDLK_KP_PLUS) {
            set_zoom(s, app, 0);
            return true;
        }
        return false;
    case ACTION_POINTER_UP: {
        if (s->dragging || !s->axis_ok || !point_in_rect(a->x, a->y, s->axis_rect))
            return false;
        double v = s->axis_lo + (double)(a->x - s->axis_rect.x) / s->axis_rect.w * (s->axis_hi - s->axis_lo);
        int best = -1;
        double bd = 1e18;
        for (int i = 0; i < s->tl.line_count; i++) {
            int c = s->tl.line[i];
            if (s->tl.state[c] == TIMELINE_CARD_DECK && insert_mode(s) && s->phase != PHASE_DONE)
                continue;
            Date d = timeline_key(&s->tl.cards[c].when, s->tl.config.range_key);
            double dd = fabs(date_ordinal(&d) - v);
            if (dd < bd) {
                bd = dd;
                best = i;
            }
        }
        if (best >= 0)
            s->scroll = s->slot[best].x + s->slot[best].w / 2 - app->ui.width / 2;
        return true;
    }
    default:
        return false;
    }
}

static SceneOutcome timeline_action(Scene *scene, App *app, const Action *a)
{
    TimelineScene *s = (TimelineScene *)scene;
    if (notes_action(&s->notes, a))
        return scene_stay();
    if (s->detail >= 0)
        return detail_action(s, a);
    if (a->kind == ACTION_BACK || ui_back_hit(&app->ui, a))
        return scene_pop();
    if (line_view_action(s, app, a))
        return scene_stay();
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
    s->frame_dt = dt;
    if (s->detail >= 0)
        notes_offer(&s->notes, true, s->tl.cards[s->detail].ref);
    else
        notes_offer(&s->notes, false, (PackItemRef){PACK_KIND_COUNT, 0});
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

/* The spacing unit grown with the text size (the unit itself follows only the window), so
 * card widths keep room for words at 150% and 200% text. */
static int text_unit(const Theme *th)
{
    int u = th->size[TEXT_BODY] * 4 / 11;
    return u > th->unit ? u : th->unit;
}

/* A largest side for card images: a 4096-pixel photo is scaled down once, on load. */
#define CARD_IMAGE_MAX_SIDE 512

/* The card's image texture, or NULL when it has none or it failed to load. */
static const CardImage *card_image(TimelineScene *s, App *app, int card)
{
    CardImage *im = &s->image[card];
    if (im->tried && im->tex && im->render_epoch != app->ui.render_epoch) {
        /* The renderer was replaced (a resize without a window, a lost device): its textures
         * went with it, so the image is loaded again. */
        im->tex = NULL;
        im->tried = false;
    }
    if (im->tried)
        return im->tex ? im : NULL;
    im->tried = true;
    im->render_epoch = app->ui.render_epoch;
    const char *rel = s->text[card].image;
    if (!rel || !s->pack->dir || !app->ui.renderer)
        return NULL;
    char *path = util_path_join(s->pack->dir, rel);
    SDL_Surface *src = path ? IMG_Load(path) : NULL;
    free(path);
    SDL_Surface *rgba = src ? SDL_ConvertSurfaceFormat(src, SDL_PIXELFORMAT_RGBA32, 0) : NULL;
    SDL_FreeSurface(src);
    if (!rgba)
        return NULL;
    int w = rgba->w, h = rgba->h;
    if (w > CARD_IMAGE_MAX_SIDE || h > CARD_IMAGE_MAX_SIDE) {
        double k = (double)CARD_IMAGE_MAX_SIDE / (w > h ? w : h);
        int nw = (int)(w * k) > 0 ? (int)(w * k) : 1, nh = (int)(h * k) > 0 ? (int)(h * k) : 1;
        SDL_Surface *small = SDL_CreateRGBSurfaceWithFormat(0, nw, nh, 32, SDL_PIXELFORMAT_RGBA32);
        if (small && SDL_BlitScaled(rgba, NULL, small, NULL) == 0) {
            SDL_FreeSurface(rgba);
            rgba = small;
        } else {
            SDL_FreeSurface(small);
        }
    }
    im->tex = SDL_CreateTextureFromSurface(app->ui.renderer, rgba);
    im->w = rgba->w;
    im->h = rgba->h;
    SDL_FreeSurface(rgba);
    if (im->tex)
        s->image_loads++;
    if (im->tex && !im->counted) {
        im->counted = true;
        s->images_shown++;
    }
    return im->tex ? im : NULL;
}

/* Draws the image inside box, scaled to fit and centred, with a thin frame like a mounted print. */
static void draw_image_fit(App *app, const CardImage *im, SDL_Rect box)
{
    if (box.w <= 4 || box.h <= 4)
        return;
    double k = fmin((double)box.w / im->w, (double)box.h / im->h);
    int w = (int)(im->w * k), h = (int)(im->h * k);
    SDL_Rect d = {box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h};
    SDL_RenderCopy(app->ui.renderer, im->tex, NULL, &d);
    draw_rounded_outline(app->ui.renderer, d, 0, 1, app->ui.theme->line);
}

static void fill_triangle(SDL_Renderer *r, float x0, float y0, float x1, float y1, float x2, float y2, SDL_Color c)
{
    /* Pixel runs: SDL's software renderer blends a triangle through a temporary surface. */
    SDL_Vertex v[3] = {{{x0, y0}, c, {0, 0}}, {{x1, y1}, c, {0, 0}}, {{x2, y2}, c, {0, 0}}};
    draw_triangles(r, v, 3, NULL, 0, c);
}

/* The category stamp: a shape for each kind of event, so the mark reads without its colour and
 * before its word: treaty a square seal, war a shield, battle a diamond, founding a flag, border
 * a post on a dashed line, politics a pillar, exploration a compass needle, anything else a dot.
 * (cx, cy) is the centre of a square of side size. */
static void draw_category_mark(SDL_Renderer *r, PackCategory cat, float cx, float cy, float size, SDL_Color c, SDL_Color paper)
{
    float h = size / 2, t = size / 8 > 1.5f ? size / 8 : 1.5f;
    switch (cat) {
    case PACK_CATEGORY_TREATY: {
        /* A seal: a filled square with a carved inner border, like a chop's impression. */
        SDL_Rect q = {(int)(cx - h), (int)(cy - h), (int)size, (int)size};
        draw_rounded(r, q, (int)(size / 6), c);
        int in = (int)(size / 5) > 1 ? (int)(size / 5) : 1;
        SDL_Rect inner = {q.x + in, q.y + in, q.w - 2 * in, q.h - 2 * in};
        draw_rounded_outline(r, inner, 0, (int)t > 1 ? (int)(t * 0.8f) : 1, paper);
        draw_rect(r, (SDL_Rect){(int)(cx - t / 2), inner.y, (int)t > 1 ? (int)(t * 0.8f) : 1, inner.h / 2}, paper);
        break;
    }
    case PACK_CATEGORY_WAR:
        /* A shield: square top, pointed bottom. */
        draw_rect(r, (SDL_Rect){(int)(cx - h * 0.8f), (int)(cy - h), (int)(h * 1.6f), (int)(h * 0.9f)}, c);
        fill_triangle(r, cx - h * 0.8f, cy - h * 0.1f, cx + h * 0.8f, cy - h * 0.1f, cx, cy + h, c);
        draw_line(r, cx, cy - h * 0.7f, cx, cy + h * 0.45f, t, paper);
        break;
    case PACK_CATEGORY_BATTLE:
        fill_triangle(r, cx, cy - h, cx + h, cy, cx, cy + h, c);
        fill_triangle(r, cx, cy - h, cx - h, cy, cx, cy + h, c);
        break;
    case PACK_CATEGORY_FOUNDING:
        /* A flag on a pole, on a base. */
        draw_line(r, cx - h * 0.6f, cy - h, cx - h * 0.6f, cy + h, t * 1.2f, c);
        fill_triangle(r, cx - h * 0.6f, cy - h, cx + h, cy - h * 0.55f, cx - h * 0.6f, cy - h * 0.1f, c);
        draw_line(r, cx - h, cy + h - t / 2, cx + h * 0.2f, cy + h - t / 2, t, c);
        break;
    case PACK_CATEGORY_BORDER:
        /* A boundary post standing on a dashed line. */
        for (int k = 0; k < 3; k++) {
            float x = cx - h + (float)k * size / 2.5f;
            draw_line(r, x, cy + h * 0.6f, x + size / 5, cy + h * 0.6f, t, c);
        }
        draw_rect(r, (SDL_Rect){(int)(cx - h * 0.22f), (int)(cy - h), (int)(h * 0.44f), (int)(h * 1.6f)}, c);
        draw_line(r, cx - h * 0.22f, cy - h * 0.5f, cx + h * 0.22f, cy - h * 0.5f, t * 0.8f, paper);
        break;
    case PACK_CATEGORY_POLITICS:
        /* A pillar: capital, shaft, base. */
        draw_rect(r, (SDL_Rect){(int)(cx - h), (int)(cy - h), (int)size, (int)(t * 1.4f)}, c);
        draw_rect(r, (SDL_Rect){(int)(cx - h * 0.4f), (int)(cy - h), (int)(h * 0.8f), (int)size}, c);
        draw_rect(r, (SDL_Rect){(int)(cx - h), (int)(cy + h - t * 1.4f), (int)size, (int)(t * 1.4f)}, c);
        break;
    case PACK_CATEGORY_EXPLORATION:
        draw_ring(r, cx, cy, h, t, c);
        fill_triangle(r, cx, cy - h * 0.75f, cx + h * 0.3f, cy, cx - h * 0.3f, cy, c);
        break;
    default:
        draw_circle(r, cx, cy, h * 0.6f, c);
        break;
    }
}

static void draw_card(App *app, TimelineScene *s, int card, SDL_Rect r, bool show_date, bool focused, int mark)
{
    const Theme *th = app->ui.theme;
    const CardText *ct = &s->text[card];
    SDL_Color edge = mark > 0 ? th->right : mark < 0 ? th->wrong : th->line;
    draw_shadow(app->ui.renderer, r, th->radius / 2, th->unit / 2 + 1, th->shadow);
    draw_rounded(app->ui.renderer, r, th->radius / 2, th->card);
    draw_rounded_outline(app->ui.renderer, r, th->radius / 2, mark ? th->unit / 3 + 1 : 1, edge);
    int tu = text_unit(th);
    bool compact = r.w < tu * 17;   /* zoomed out */
    int pad = compact ? th->unit : th->unit * 2;
    /* Category stamp in the corner (a shape and its word), and a red rule like an index card.
     * The right end of the stamp row stays free for the tick or cross. */
    TextOpts co = {.style = TEXT_SMALL, .size = th->size[TEXT_SMALL] * 85 / 100, .max_lines = 1};
    const TextBlock *cb = ui_text_get(app->ui.text, app_tr(app, ct->category), &co);
    float ms = (float)cb->h * 0.62f;
    int mark_room = mark ? th->size[TEXT_BODY] + th->unit : 0;
    draw_category_mark(app->ui.renderer, ct->cat, (float)(r.x + pad) + ms / 2, (float)(r.y + th->unit) + (float)cb->h / 2, ms, th->seal, th->card);
    co.wrap = r.w - 2 * pad - (int)ms - th->unit - mark_room;
    /* The word goes with the shape when it fits whole; the shape alone says it otherwise. */
    if (co.wrap > th->unit * 4 && !ui_text_get(app->ui.text, app_tr(app, ct->category), &co)->truncated)
        ui_text_draw(app->ui.text, app_tr(app, ct->category), &co, r.x + pad + (int)ms + th->unit, r.y + th->unit, th->seal);
    int y = r.y + th->unit + cb->h;
    draw_rect(app->ui.renderer, (SDL_Rect){r.x + pad, y, r.w - 2 * pad, 1 + th->unit / 4}, color_alpha(th->seal, 120));
    y += th->unit;
    /* Narrow cards (many on the line) use the small size so titles keep whole words. */
    bool narrow = r.w < tu * 32;
    TextStyle body = narrow ? TEXT_SMALL : TEXT_BODY;
    /* The date: the full date when it fits on a line, else smaller on up to two lines, else the
     * year alone (zoomed-out cards); the detail panel always has the full date. */
    int date_h = th->size[body] * 3 / 2;
    TextOpts dop = {.style = TEXT_BODY_BOLD, .size = th->size[body], .wrap = r.w - 2 * pad, .max_lines = 1};
    const char *date = ct->date;
    if (show_date) {
        if (ui_text_get(app->ui.text, date, &dop)->truncated) {
            dop.size = th->size[TEXT_SMALL] * 85 / 100;
            dop.max_lines = 2;
            const TextBlock *db = ui_text_get(app->ui.text, date, &dop);
            if (db->truncated) {
                date = ct->year;
                dop.size = th->size[body];
                dop.max_lines = 1;
            } else if (db->h > date_h) {
                date_h = db->h;
            }
        }
    }
    int body_h = r.y + r.h - y - date_h - th->unit;
    int lines = body_h / (th->size[body] * 3 / 2);
    const CardImage *im = ct->image && !compact ? card_image(s, app, card) : NULL;
    if (im && lines > 2)
        lines = 2;   /* leave room for the picture */
    TextOpts to = {.style = body, .wrap = r.w - 2 * pad, .max_lines = lines < 1 ? 1 : lines};
    const TextBlock *tb = ui_text_draw(app->ui.text, ct->title, &to, r.x + pad, y, th->ink);
    /* The pack's image under the title, in the room left above the date (not on narrow cards). */
    int room = r.y + r.h - date_h - th->unit - (y + tb->h + th->unit / 2);
    if (im && room >= th->unit * 4) {
        int iw = room * im->w / (im->h > 0 ? im->h : 1);
        if (iw > r.w - 2 * pad)
            iw = r.w - 2 * pad;
        draw_image_fit(app, im, (SDL_Rect){r.x + pad, y + tb->h + th->unit / 2, iw, room});
    }
    if (!show_date && !mark) {
        /* The date stays hidden until the card is placed. */
        TextOpts qo = {.style = TEXT_BODY_BOLD, .size = th->size[body], .wrap = r.w - 2 * pad, .max_lines = 1};
        ui_text_draw(app->ui.text, app_tr(app, "timeline.hidden_date"), &qo, r.x + pad, r.y + r.h - th->size[body] * 3 / 2 - th->unit / 2, th->gold);
    }
    if (show_date) {
        ui_text_draw(app->ui.text, date, &dop, r.x + pad, r.y + r.h - date_h - th->unit / 2, mark < 0 ? th->wrong : th->ink);
    }
    /* The tick or cross sits inside the card's corner, in the room kept free on the stamp row. */
    float msz = (float)th->size[TEXT_BODY];
    float mx = (float)(r.x + r.w - th->unit) - msz / 2, my = (float)(r.y + th->unit) + (float)cb->h / 2;
    if (mark > 0)
        draw_tick(app->ui.renderer, mx, my, msz, th->right);
    else if (mark < 0)
        draw_cross(app->ui.renderer, mx, my, msz * 0.8f, th->wrong);
    if (focused && ui_show_focus(&app->ui))
        draw_focus_ring(app->ui.renderer, r, th->radius / 2, th->unit, th->focus);
}

static int card_mark(const TimelineScene *s, int card)
{
    if (s->tl.state[card] == TIMELINE_CARD_RIGHT)
        return 1;
    if (s->tl.state[card] == TIMELINE_CARD_WRONG)
        return -1;
    return 0;
}

/* The year range the axis shows (ordinals, padded a little so end dots sit inside), or false
 * when fewer than two cards are dated yet. */
static bool axis_range(const TimelineScene *s, bool all_dates, double *lo_out, double *hi_out)
{
    double lo = 1e18, hi = -1e18;
    int dated = 0;
    for (int i = 0; i < s->tl.line_count; i++) {
        int c = s->tl.line[i];
        if (!all_dates && s->tl.state[c] == TIMELINE_CARD_DECK)
            continue;
        Date d = timeline_key(&s->tl.cards[c].when, s->tl.config.range_key);
        double v = date_ordinal(&d);
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
        dated++;
    }
    if (dated < 2)
        return false;
    if (hi - lo < 365 * 2) {
        double mid = (lo + hi) / 2;
        lo = mid - 365;
        hi = mid + 365;
    }
    double pad = (hi - lo) * 0.03;
    *lo_out = lo - pad;
    *hi_out = hi + pad;
    return true;
}

/* The ordinal of the start of an astronomical year (1 BC is 0), the same scale as date_ordinal. */
static double year_ordinal(int astro)
{
    return (astro - 1) * 365.2425;
}

/* The year axis above the line, drawn to scale: ticks and year labels at a round step chosen
 * for the width, each dated card a dot at its true time with a thin leader to its card, so long
 * and short gaps between events are visible however the cards are spaced. When the line is
 * longer than the screen a band marks the stretch of time that is in view. */
static void draw_axis(TimelineScene *s, App *app, int y, int x0, int x1, bool all_dates)
{
    const Theme *th = app->ui.theme;
    int n = s->tl.line_count;
    double lo, hi;
    s->axis_ok = axis_range(s, all_dates, &lo, &hi);
    if (!s->axis_ok)
        return;
    s->axis_lo = lo;
    s->axis_hi = hi;
    s->axis_rect = (SDL_Rect){x0, y - th->size[TEXT_SMALL] * 2, x1 - x0, th->size[TEXT_SMALL] * 2 + th->unit * 3};
    double span = hi - lo;
    /* The band of the visible cards, first. */
    if (s->line_total > app->ui.width - 2 * th->margin) {
        double vlo = 1e18, vhi = -1e18;
        for (int i = 0; i < n; i++) {
            int c = s->tl.line[i];
            if (!all_dates && s->tl.state[c] == TIMELINE_CARD_DECK)
                continue;
            int cx = s->slot[i].x - s->scroll + s->slot[i].w / 2;
            if (cx < 0 || cx > app->ui.width)
                continue;
            Date d = timeline_key(&s->tl.cards[c].when, s->tl.config.range_key);
            double v = date_ordinal(&d);
            vlo = v < vlo ? v : vlo;
            vhi = v > vhi ? v : vhi;
        }
        if (vlo <= vhi) {
            int bx0 = x0 + (int)((vlo - lo) / span * (x1 - x0)) - th->unit;
            int bx1 = x0 + (int)((vhi - lo) / span * (x1 - x0)) + th->unit;
            draw_rounded(app->ui.renderer, (SDL_Rect){bx0, y - th->unit / 2, bx1 - bx0, th->unit + 2}, th->unit / 2, color_alpha(th->gold, 70));
        }
    }
    draw_rect(app->ui.renderer, (SDL_Rect){x0, y, x1 - x0, 2}, th->ink_soft);
    /* A round step that leaves room for each label. */
    static const int steps[] = {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000};
    int min_px = th->size[TEXT_SMALL] * 5;
    double years = span / 365.2425;
    int step = steps[COUNT_OF(steps) - 1];
    for (size_t k = 0; k < COUNT_OF(steps); k++)
        if ((double)(x1 - x0) / (years / steps[k]) >= min_px) {
            step = steps[k];
            break;
        }
    int alo = (int)floor(lo / 365.2425) + 1, ahi = (int)floor(hi / 365.2425) + 1;
    int first = alo - ((alo % step) + step) % step;
    TextOpts yo = {.style = TEXT_SMALL, .align = TEXT_CENTER};
    for (int ay = first; ay <= ahi && ay - first <= step * 200; ay += step) {
        double v = year_ordinal(ay);
        if (v < lo || v > hi)
            continue;
        float fx = (float)(x0 + (v - lo) / span * (x1 - x0));
        draw_rect(app->ui.renderer, (SDL_Rect){(int)fx, y - th->unit, 2, th->unit + 2}, th->ink_soft);
        Date yd = {.year = ay > 0 ? ay : ay - 1, .precision = DATE_PRECISION_YEAR};
        char buf[48];
        date_format(&yd, app->lang, buf, sizeof buf);
        ui_text_draw(app->ui.text, buf, &yo, (int)fx, y - th->unit - th->size[TEXT_SMALL] * 3 / 2, th->ink_soft);
    }
    for (int i = 0; i < n; i++) {
        int c = s->tl.line[i];
        if (!all_dates && s->tl.state[c] == TIMELINE_CARD_DECK)
            continue;
        Date d = timeline_key(&s->tl.cards[c].when, s->tl.config.range_key);
        float fx = (float)(x0 + (date_ordinal(&d) - lo) / span * (x1 - x0));
        SDL_Rect sr = s->slot[i];
        float cx = (float)(sr.x - s->scroll + sr.w / 2);
        SDL_Color col = s->tl.state[c] == TIMELINE_CARD_WRONG ? th->wrong : th->teal;
        if (cx > -sr.w && cx < app->ui.width + sr.w)
            draw_line(app->ui.renderer, fx, (float)y, cx, (float)sr.y, 1.5f, color_alpha(col, 120));
        draw_circle(app->ui.renderer, fx, (float)y + 1, th->unit * 0.7f, col);
    }
}

/* The line's zoom: normal cards, or narrow ones so a long line fits (or nearly) on screen. */
static int card_min_width(const Theme *th, int zoom)
{
    return zoom ? text_unit(th) * 15 : text_unit(th) * 19;
}

static void layout_line(TimelineScene *s, App *app, int top, int card_h, int focus_pos)
{
    const Theme *th = app->ui.theme;
    int n = s->tl.line_count;
    bool gaps = insert_mode(s) && s->phase != PHASE_DONE;
    int avail = app->ui.width - 2 * th->margin;
    /* Zoom out by itself when the normal cards would not fit, unless the player chose. */
    if (!s->zoom_chosen) {
        /* Narrow cards when they bring the whole line on screen, or nearly; a line longer
         * than that keeps readable cards and scrolls, with the axis as its overview. */
        int gw0 = gaps ? th->unit * 5 : th->unit * 2, gw1 = gaps ? th->unit * 3 : th->unit;
        bool fits0 = n * card_min_width(th, 0) + (n + 1) * gw0 <= avail;
        bool near1 = n * card_min_width(th, 1) + (n + 1) * gw1 <= avail * 3 / 2;
        s->zoom = !fits0 && near1 ? 1 : 0;
    }
    int gapw = gaps ? (s->zoom ? th->unit * 3 : th->unit * 5) : (s->zoom ? th->unit : th->unit * 2);
    int w = (avail - gapw * (n + 1)) / (n > 0 ? n : 1);
    int min_w = card_min_width(th, s->zoom), max_w = th->unit * 40;
    if (w < min_w)
        w = min_w;
    if (w > max_w)
        w = max_w;
    int total = n * w + (n + 1) * gapw;
    s->line_total = total;
    int x = th->margin + (total < avail ? (avail - total) / 2 : 0);
    for (int i = 0; i <= n; i++) {
        s->gap_rect[i] = (SDL_Rect){x, top - th->unit, gapw, card_h + th->unit * 2};
        x += gapw;
        if (i < n) {
            s->slot[i] = (SDL_Rect){x, top, w, card_h};
            x += w;
        }
    }
    /* Scroll so the focused gap or card is on screen when the focus moves or the line grows;
     * in between, the wheel and Page Up/Down scroll freely. */
    if (total > avail && focus_pos >= 0 && (focus_pos != s->last_focus || n != s->last_count)) {
        SDL_Rect f = focus_pos <= n ? s->gap_rect[focus_pos] : s->gap_rect[n];
        if (focus_pos < n && (s->phase == PHASE_DONE || !insert_mode(s) || s->browsing))
            f = s->slot[focus_pos];
        int left = th->margin, right = app->ui.width - th->margin;
        int keep = f.w < w ? w / 2 : 0;
        if (f.x - s->scroll < left + keep)
            s->scroll = f.x - left - keep;
        if (f.x + f.w - s->scroll > right - keep)
            s->scroll = f.x + f.w - right + keep;
    }
    s->last_focus = focus_pos;
    s->last_count = n;
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
    const Theme *th = app->ui.theme;
    const char *title = s->level ? text_get(&s->level->title, app->lang) : app_tr(app, "menu.timeline");
    /* Score and lives at the top right, left of the Back button; the title takes the rest. */
    SDL_Rect back = ui_back_rect(&app->ui);
    char score[64];
    snprintf(score, sizeof score, "%s %d", app_tr(app, "timeline.score"), s->tl.score);
    TextOpts so = {.style = TEXT_H2, .align = TEXT_RIGHT};
    const TextBlock *sb = ui_text_draw(app->ui.text, score, &so, back.x - th->unit * 3, back.y, th->ink);
    if (s->phase == PHASE_FEEDBACK && s->last.points > 0) {
        /* The points just won rise under the score. */
        double e = s->t - s->feedback_t;
        double k = app->settings.reduced_motion ? 1.0 : ease_out_cubic(clamp01(e / 0.4));
        char pts[32];
        snprintf(pts, sizeof pts, "+%d", s->last.points);
        TextOpts po = {.style = TEXT_BODY_BOLD, .align = TEXT_RIGHT};
        ui_text_draw(app->ui.text, pts, &po, back.x - th->unit * 3, back.y + sb->h + th->unit - (int)(k * th->unit), th->gold);
    }
    int right = back.x - th->unit * 3 - sb->w - th->unit * 4;
    if (insert_mode(s) && s->tl.config.lives > 0)
        right -= (int)((float)s->tl.config.lives * (th->size[TEXT_H2] * 0.7f + (float)th->unit)) + th->unit * 2;
    TextOpts to = {.style = TEXT_H1, .wrap = right - th->margin > th->unit * 20 ? right - th->margin : th->unit * 20, .max_lines = 1};
    int ty = th->margin / 2;
    if (ui_text_get(app->ui.text, title, &to)->truncated) {
        /* A long title steps down a size before it is cut. */
        ty += (th->size[TEXT_H1] - th->size[TEXT_H2]) / 2;
        to.style = TEXT_H2;
    }
    ui_text_draw(app->ui.text, title, &to, th->margin, ty, th->ink);
    if (insert_mode(s) && s->tl.config.lives > 0) {
        float r = th->size[TEXT_H2] * 0.35f;
        float x = (float)(back.x - th->unit * 3 - sb->w - th->unit * 3);
        /* The life lost by the last placement breaks over half a second: the seal shrinks
         * away and "-1" rises from it (at once with reduced motion). */
        bool losing = s->phase == PHASE_FEEDBACK && s->last.life_lost;
        double e = losing ? s->t - s->feedback_t : 10.0;
        double k = app->settings.reduced_motion ? 1.0 : ease_out_cubic(clamp01((e - 0.15) / 0.5));
        for (int i = s->tl.config.lives - 1; i >= 0; i--) {
            bool alive = i < s->tl.lives;
            /* Lives as seals: filled squares; a lost one is hollow and struck through (shape,
             * not only colour). */
            SDL_Rect q = {(int)(x - 2 * r), back.y + th->unit, (int)(2 * r), (int)(2 * r)};
            if (alive) {
                draw_rounded(app->ui.renderer, q, (int)(r / 3), th->seal);
            } else {
                draw_rounded_outline(app->ui.renderer, q, (int)(r / 3), 2, th->ink_soft);
                draw_line(app->ui.renderer, (float)q.x + 2, (float)(q.y + q.h) - 2, (float)(q.x + q.w) - 2, (float)q.y + 2, 2.0f, th->ink_soft);
            }
            if (losing && i == s->tl.lives && k < 1.0) {
                int shrink = (int)(k * r);
                SDL_Rect g = {q.x + shrink, q.y + shrink, q.w - 2 * shrink, q.h - 2 * shrink};
                draw_rounded(app->ui.renderer, g, (int)(r / 3), th->wrong);
            }
            if (losing && i == s->tl.lives && e < 1.6) {
                TextOpts mo = {.style = TEXT_BODY_BOLD, .align = TEXT_CENTER};
                ui_text_draw(app->ui.text, "\xE2\x80\x93" "1", &mo, q.x + q.w / 2, q.y + q.h + th->unit - (int)(k * th->unit * 2), th->wrong);
            }
            x -= 2 * r + th->unit;
        }
    }
    ui_back_button(&app->ui);
}

static void draw_detail(TimelineScene *s, App *app)
{
    const Theme *th = app->ui.theme;
    const CardText *ct = &s->text[s->detail];
    draw_rect(app->ui.renderer, (SDL_Rect){0, 0, app->ui.width, app->ui.height}, color_alpha(th->ink, 150));
    int w = app->ui.width * 6 / 10, h = app->ui.height * 7 / 10;
    SDL_Rect box = {(app->ui.width - w) / 2, (app->ui.height - h) / 2, w, h};
    draw_shadow(app->ui.renderer, box, th->radius, th->unit * 2, th->shadow);
    draw_rounded(app->ui.renderer, box, th->radius, th->card);
    int pad = th->unit * 4, y = box.y + pad;
    TextOpts co = {.style = TEXT_SMALL};
    const TextBlock *b = ui_text_get(app->ui.text, app_tr(app, ct->category), &co);
    float ms = (float)b->h * 0.7f;
    draw_category_mark(app->ui.renderer, ct->cat, (float)(box.x + pad) + ms / 2, (float)y + (float)b->h / 2, ms, th->seal, th->card);
    ui_text_draw(app->ui.text, app_tr(app, ct->category), &co, box.x + pad + (int)ms + th->unit, y, th->seal);
    y += b->h;
    TextOpts to = {.style = TEXT_H1, .wrap = w - 2 * pad, .max_lines = 2};
    b = ui_text_draw(app->ui.text, ct->title, &to, box.x + pad, y, th->ink);
    y += b->h + th->unit;
    TextOpts dop = {.style = TEXT_H2, .wrap = w - 2 * pad, .max_lines = 1};
    b = ui_text_draw(app->ui.text, ct->date, &dop, box.x + pad, y, th->ink);
    y += b->h;
    if (ct->old_style[0]) {
        TextOpts oo = {.style = TEXT_BODY, .wrap = w - 2 * pad, .max_lines = 1};
        b = ui_text_draw(app->ui.text, ct->old_style, &oo, box.x + pad, y, th->ink_soft);
        y += b->h;
    }
    y += th->unit * 2;
    int src_h = th->size[TEXT_SMALL] * 4;
    int lines = (box.y + box.h - pad - src_h - y) / (th->size[TEXT_BODY] * 4 / 3);
    int sum_w = w - 2 * pad;
    const CardImage *im = ct->image ? card_image(s, app, s->detail) : NULL;
    if (im) {
        int iw = sum_w * 2 / 5, ih = box.y + box.h - pad - src_h - y - th->unit;
        draw_image_fit(app, im, (SDL_Rect){box.x + box.w - pad - iw, y, iw, ih});
        sum_w -= iw + th->unit * 2;
    }
    TextOpts sumo = {.style = TEXT_BODY, .wrap = sum_w, .max_lines = lines > 1 ? lines : 1};
    ui_text_draw(app->ui.text, ct->summary, &sumo, box.x + pad, y, th->ink);
    char src[360];
    snprintf(src, sizeof src, "%s: %s", app_tr(app, "timeline.source"), ct->source);
    int link_w = notes_link_draw(&app->ui, &s->notes, box.x + box.w - pad, box.y + box.h - pad - src_h / 2);
    TextOpts sro = {.style = TEXT_SMALL, .wrap = w - 2 * pad - (link_w ? link_w + th->unit * 2 : 0), .max_lines = 2};
    ui_text_draw(app->ui.text, src, &sro, box.x + pad, box.y + box.h - pad - src_h / 2, th->ink_soft);
}

static void timeline_draw(Scene *scene, App *app)
{
    TimelineScene *s = (TimelineScene *)scene;
    const Theme *th = app->ui.theme;
    ui_background(&app->ui, 0);
    draw_top(s, app);
    int n = s->tl.line_count;
    bool insert = insert_mode(s);
    /* With no card waiting below (order mode, the end of the round) the line's cards are taller,
     * so long titles and two-line dates keep their words. */
    int card_h = th->size[TEXT_BODY] * (insert && s->phase != PHASE_DONE ? 6 : 8) + th->unit * 4;
    int line_top = app->ui.height * 30 / 100;
    /* Large text must not push the waiting card into the line: both share what is below it. */
    int below = app->ui.height - th->margin * 2 - line_top - th->unit * 6;
    if (insert && s->phase != PHASE_DONE && card_h > below / 2)
        card_h = below / 2;
    int focus = s->phase == PHASE_DONE || !insert ? s->sel : (s->browsing ? s->sel : s->gap);
    layout_line(s, app, line_top, card_h, focus);
    /* Order mode shows the axis only after the check: before, its dots would give the order away. */
    draw_axis(s, app, line_top - th->unit * 4, th->margin, app->ui.width - th->margin, s->phase == PHASE_DONE);

    SDL_Rect clip = {0, line_top - th->unit * 3, app->ui.width, card_h + th->unit * 6};
    SDL_RenderSetClipRect(app->ui.renderer, &clip);
    bool reduced = app->settings.reduced_motion;
    double ease_k = 1.0 - exp(-s->frame_dt * 14.0);
    int sliding = -1;          /* position of a wrong card sliding to its true place */
    SDL_Rect sliding_r = {0};
    for (int i = 0; i < n; i++) {
        int c = s->tl.line[i];
        SDL_Rect r = s->slot[i];
        /* disp_x is in line coordinates, so scrolling moves the line at once and only a new
         * layout (a card inserted, a zoom) glides. */
        if (!s->disp_ok[c] || reduced || s->dragging)
            s->disp_x[c] = (float)r.x;
        else
            s->disp_x[c] += (float)(((float)r.x - s->disp_x[c]) * ease_k);
        s->disp_ok[c] = true;
        r.x = (int)lroundf(s->disp_x[c]) - s->scroll;
        bool dragged = !insert && s->dragging && s->drag_from == i;
        if (dragged)
            continue;
        if (!insert && s->held == i)
            r.y -= th->unit * 3;
        if (s->phase == PHASE_FEEDBACK && c == s->last.card && !reduced) {
            double e = s->t - s->feedback_t;
            if (s->last.correct) {
                /* The card just placed settles from above. */
                double k = ease_out_cubic(e / 0.3);
                r.y -= (int)((1 - k) * th->unit * 10);
            } else {
                /* A wrong card drops into the chosen gap, waits there with its cross and its
                 * true date, then slides over the line to where it belongs and settles. */
                int target = s->slot[i].x - s->scroll;
                int from = s->from_cx - r.w / 2;
                if (from > app->ui.width - th->margin - r.w)
                    from = app->ui.width - th->margin - r.w;
                if (from < th->margin)
                    from = th->margin;
                double drop = ease_out_cubic(e / 0.25);
                double slide = ease_in_out(clamp01((e - 0.55) / 0.55));
                r.x = from + (int)((target - from) * slide);
                double lift = slide > 0 && slide < 1 ? 1.0 : (slide >= 1 ? 1 - ease_out_cubic((e - 1.1) / 0.2) : drop);
                r.y -= (int)((1 - drop) * th->unit * 10) + (int)(lift * th->unit * 2);
                s->disp_x[c] = (float)(r.x + s->scroll);
                sliding = i;
                sliding_r = r;
                continue;
            }
        }
        bool show_date = s->phase == PHASE_DONE || (insert && s->tl.state[c] != TIMELINE_CARD_DECK);
        int mark = (insert || s->tl.checked) ? card_mark(s, c) : 0;
        if (insert && s->phase == PHASE_PLAY)
            mark = 0;
        bool focused = (s->phase == PHASE_DONE || !insert || s->browsing) && s->sel == i;
        draw_card(app, s, c, r, show_date, focused, mark);
    }
    /* The sliding card goes over its neighbours, with an arrow to show which way it moves. */
    if (sliding >= 0) {
        int c = s->tl.line[sliding];
        int target = s->slot[sliding].x - s->scroll;
        if (abs(target - sliding_r.x) > th->unit) {
            int dir = target > sliding_r.x ? 1 : -1;
            float ax = (float)(dir > 0 ? sliding_r.x + sliding_r.w + th->unit * 2 : sliding_r.x - th->unit * 2);
            draw_arrow(app->ui.renderer, ax, (float)(sliding_r.y + sliding_r.h / 2), (float)th->unit * 3, dir, th->wrong);
        }
        draw_card(app, s, c, sliding_r, true, false, -1);
    }
    /* Drop targets between cards. */
    if (insert && s->phase == PHASE_PLAY) {
        for (int i = 0; i <= n; i++) {
            SDL_Rect g = s->gap_rect[i];
            g.x -= s->scroll;
            bool on = !s->browsing && s->gap == i;
            SDL_Rect bar = {g.x + g.w / 2 - th->unit / 2, g.y, th->unit, g.h};
            draw_rounded(app->ui.renderer, bar, th->unit / 2, on ? th->gold : color_alpha(th->line, 160));
            if (on) {
                if (ui_show_focus(&app->ui))
                    draw_focus_ring(app->ui.renderer, bar, th->unit / 2, th->unit, th->focus);
            }
        }
    }
    SDL_RenderSetClipRect(app->ui.renderer, NULL);

    /* Below the line: the card to place, feedback, the Check button, or the end of the round. */
    int cw = th->unit * 44, chh = card_h + th->unit * 2;
    SDL_Rect home = {(app->ui.width - cw) / 2, app->ui.height - th->margin * 2 - chh, cw, chh};
    s->current_rect = home;
    TextOpts ho = {.style = TEXT_H2, .align = TEXT_CENTER, .wrap = app->ui.width - 2 * th->margin, .max_lines = 2};
    int msg_y = line_top + card_h + th->unit * 5;
    if (s->phase == PHASE_PLAY && insert) {
        int card = timeline_current(&s->tl);
        /* The prompt sits between the line and the waiting card, a size smaller when large
         * text would reach the card. */
        const char *prompt = app_tr(app, s->browsing ? "timeline.browse" : "timeline.place");
        int top = line_top + card_h + th->unit * 2, room = home.y - th->unit - top;
        TextOpts po = ho;
        const TextBlock *pb = ui_text_get(app->ui.text, prompt, &po);
        if (pb->h > room) {
            po.style = TEXT_BODY_BOLD;
            pb = ui_text_get(app->ui.text, prompt, &po);
        }
        /* With no room at all (very large text) the hint bar's "Place" says it instead. */
        if (pb->h <= room)
            ui_text_draw(app->ui.text, prompt, &po, app->ui.width / 2, top + (room - pb->h) / 2, th->ink_soft);
        if (card >= 0) {
            SDL_Rect r = home;
            if (s->dragging) {
                r.x = s->drag_x - s->grab_dx;
                r.y = s->drag_y - s->grab_dy;
            }
            draw_card(app, s, card, r, false, false, 0);
        }
    } else if (s->phase == PHASE_PLAY) {
        ui_text_draw(app->ui.text, app_tr(app, "timeline.arrange"), &ho, app->ui.width / 2, msg_y, th->ink_soft);
        s->check_rect = (SDL_Rect){(app->ui.width - th->unit * 40) / 2, home.y + home.h - th->size[TEXT_BODY] * 3, th->unit * 40, th->size[TEXT_BODY] * 2 + th->unit};
        ui_button(&app->ui, s->check_rect, app_tr(app, "timeline.check"), BUTTON_PRIMARY, s->sel == n, true);
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
        const TextBlock *b = ui_text_get(app->ui.text, msg, &ho);
        ui_text_draw(app->ui.text, msg, &ho, app->ui.width / 2, msg_y, col);
        float sx = (float)(app->ui.width / 2 - b->w / 2 - th->size[TEXT_H2]), sy = (float)(msg_y + th->size[TEXT_H2] * 0.7f);
        if (s->last.correct)
            draw_tick(app->ui.renderer, sx, sy, th->size[TEXT_H2] * 1.2f, col);
        else
            draw_cross(app->ui.renderer, sx, sy, th->size[TEXT_H2] * 1.2f, col);

        if (s->last.life_lost) {
            TextOpts lo = {.style = TEXT_BODY_BOLD, .align = TEXT_CENTER};
            ui_text_draw(app->ui.text, app_tr(app, "timeline.life_lost"), &lo, app->ui.width / 2, msg_y + b->h + th->unit * 2, th->wrong);
        }
    } else {
        char msg[200];
        const char *key = insert ? (s->tl.won ? "timeline.done_won" : "timeline.done_lost") : "timeline.done_order";
        char nums[64];
        snprintf(nums, sizeof nums, "%d / %d", s->tl.right, s->tl.right + s->tl.wrong);
        const char *names[] = {"right"};
        const char *values[] = {nums};
        i18n_format(msg, sizeof msg, app_tr(app, key), names, values, 1);
        ui_text_draw(app->ui.text, msg, &ho, app->ui.width / 2, msg_y, th->ink);
        s->continue_rect = (SDL_Rect){(app->ui.width - th->unit * 40) / 2, home.y + home.h - th->size[TEXT_BODY] * 3, th->unit * 40, th->size[TEXT_BODY] * 2 + th->unit};
        ui_button(&app->ui, s->continue_rect, app_tr(app, "timeline.continue"), BUTTON_PRIMARY, s->sel == n, true);
    }
    const char *hints[] = {app_tr(app, "key.arrows"), app_tr(app, "hint.move"), app_tr(app, "key.enter"),
                           app_tr(app, insert && s->phase == PHASE_PLAY && !s->browsing ? "timeline.hint_place" : "hint.choose"),
                           app_tr(app, "key.up"), app_tr(app, "timeline.hint_look")};
    const char *all_hints[10];
    int nh = insert ? 3 : 2;
    memcpy(all_hints, hints, (size_t)nh * 2 * sizeof hints[0]);
    if (s->line_total > app->ui.width - 2 * th->margin || s->zoom_chosen) {
        all_hints[nh * 2] = app_tr(app, "timeline.key_zoom");
        all_hints[nh * 2 + 1] = app_tr(app, s->zoom ? "timeline.hint_zoom_in" : "timeline.hint_zoom_out");
        nh++;
    }
    ui_hints(&app->ui, all_hints, nh);
    if (s->detail >= 0)
        draw_detail(s, app);
    notes_draw(&app->ui, &s->notes, s->pack);
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
    cJSON_AddNumberToObject(out, "zoom", s->zoom);
    cJSON_AddNumberToObject(out, "scroll", s->scroll);
    cJSON_AddNumberToObject(out, "images", s->images_shown);
    cJSON_AddNumberToObject(out, "image_loads", s->image_loads);
    int cur = timeline_current(&s->tl);
    cJSON_AddStringToObject(out, "current", cur >= 0 && s->phase == PHASE_PLAY ? pack_item_id(s->pack, s->tl.cards[cur].ref) : "");
    cJSON *line = cJSON_AddArrayToObject(out, "line");
    for (int i = 0; i < s->tl.line_count; i++)
        cJSON_AddItemToArray(line, cJSON_CreateString(pack_item_id(s->pack, s->tl.cards[s->tl.line[i]].ref)));
    cJSON_AddBoolToObject(out, "notes_open", s->notes.open);
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
