/* The daily review: what is due today across every pack and mode, plus new items up to the daily
 * limit, each asked in the mode it was learned in. The start screen counts the items per mode;
 * the session then opens each mode's round with the argument "review" (treaty cards, map
 * questions, the timeline), which stores every answer before its next question and pops back
 * here. Between parts a progress bar shows how far the session is; the end summary counts the
 * session's stored answers (by answer id, so a part left early still counts) and lists what was
 * missed. With nothing due it says when the next review is and offers new treaty cards. */
#include "content/i18n.h"
#include "app/packset.h"
#include "app/session.h"
#include "app/scene.h"
#include "scenes/scenes.h"
#include "store/store.h"
#include "ui/draw.h"
#include "ui/text.h"
#include "ui/widgets.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { PART_CARDS = 0, PART_MAP, PART_TIMELINE, PART_COUNT };
#define REVIEW_LIST_MAX 64
#define REVIEW_MISSES 12

static const char *const part_scene[PART_COUNT] = {"flashcards", "map", "timeline"};
static const GradeMode part_mode[PART_COUNT] = {GRADE_MODE_FLASHCARDS, GRADE_MODE_MAP, GRADE_MODE_TIMELINE};
static const char *const part_label[PART_COUNT] = {"menu.flashcards", "menu.map", "menu.timeline"};

typedef enum Phase { PHASE_START = 0, PHASE_RUN, PHASE_DONE } Phase;
typedef enum Button { BTN_START = 0, BTN_NEW, BTN_NEXT, BTN_BACK, BTN_KIND_COUNT } Button;

typedef struct ReviewScene {
    Scene base;
    Phase phase;
    int due[PART_COUNT];       /* items each part would ask now (new ones included) */
    int fresh[PART_COUNT];     /* of which new */
    int new_available;         /* new items the daily limit still allows today */
    int unseen;                /* treaty cards never seen that may be added now */
    int room;                  /* new items that may still be added today */
    int64_t next_due;          /* unix seconds of the next review after now, 0 when none */
    bool part_played[PART_COUNT];
    int current;               /* the part last opened, -1 none */
    int total;                 /* items at the start of the session */
    int64_t first_answer_id;   /* answers after this id belong to the session */
    int answers, correct;
    RoundMiss misses[REVIEW_MISSES];
    int miss_count;
    Button buttons[4];
    SDL_Rect rects[4];
    int button_count;
    Nav nav;
    double t;
} ReviewScene;

static bool has_store(const App *app)
{
    return app->store && app->profile_id;
}

static int due_total(const ReviewScene *s)
{
    int n = 0;
    for (int p = 0; p < PART_COUNT; p++)
        n += s->due[p];
    return n;
}

/* Treaty cards of every pack that the profile has never seen, up to max; with introduce they are
 * added to the review queue as new items. Returns how many. */
static int unseen_cards(App *app, int max, bool introduce)
{
    int n = 0;
    int64_t now = app_now(app);
    for (size_t i = 0; app->packs && i < packset_count(app->packs) && n < max; i++) {
        const Pack *p = packset_get(app->packs, i);
        for (uint32_t t = 0; p && t < p->treaty_count && n < max; t++) {
            StoreMemory m;
            const char *id = pack_item_id(p, (PackItemRef){PACK_KIND_TREATY, t});
            if (store_memory_get(app->store, app->profile_id, p->id, id, GRADE_MODE_FLASHCARDS, &m) != STORE_ERR_NOT_FOUND)
                continue;
            if (introduce && store_memory_introduce(app->store, app->profile_id, p->id, id, GRADE_MODE_FLASHCARDS, now) != STORE_OK)
                break;
            n++;
        }
    }
    return n;
}

static void count_due(ReviewScene *s, App *app)
{
    memset(s->due, 0, sizeof s->due);
    memset(s->fresh, 0, sizeof s->fresh);
    s->new_available = 0;
    s->unseen = 0;
    s->next_due = 0;
    if (!has_store(app))
        return;
    int64_t now = app_now(app);
    StoreMemory *list = malloc(REVIEW_LIST_MAX * sizeof *list);
    for (int p = 0; list && p < PART_COUNT; p++) {
        size_t n = app_review_due(app, part_mode[p], list, REVIEW_LIST_MAX);
        /* Only what the mode's round can ask: one pack per part, chosen as the rounds choose it. */
        const Pack *chosen = NULL;
        for (size_t i = 0; i < n; i++) {
            const Pack *pk = app_review_pack(app, &list[i], chosen);
            if (!pk)
                continue;
            chosen = pk;
            s->due[p]++;
            if (list[i].card.state == FSRS_STATE_NEW)
                s->fresh[p]++;
        }
    }
    free(list);
    int due_now = 0;
    store_review_due_count(app->store, app->profile_id, now, &due_now, &s->new_available);
    s->room = 0;
    if (store_review_new_room(app->store, app->profile_id, now, &s->room) == STORE_OK && s->room > 0)
        s->unseen = unseen_cards(app, s->room, false);
    if (store_review_next_due(app->store, app->profile_id, now, &s->next_due) != STORE_OK)
        s->next_due = 0;
}

static void set_buttons(ReviewScene *s, int focus)
{
    s->button_count = 0;
    /* Back is the button at the top right (and Esc); a row ends with it only when it is the
     * one thing to do, or stops a session. */
    if (s->phase == PHASE_START) {
        if (due_total(s) > 0)
            s->buttons[s->button_count++] = BTN_START;
        if (s->unseen > 0)
            s->buttons[s->button_count++] = BTN_NEW;
    } else if (s->phase == PHASE_RUN) {
        s->buttons[s->button_count++] = BTN_NEXT;
    }
    if (s->button_count == 0 || s->phase == PHASE_RUN)
        s->buttons[s->button_count++] = BTN_BACK;
    nav_init(&s->nav, s->button_count, s->button_count);
    s->nav.focus = focus < s->button_count ? focus : 0;
}

static Scene *review_create(App *app, const char *arg)
{
    (void)arg;
    ReviewScene *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->current = -1;
    count_due(s, app);
    set_buttons(s, 0);
    return &s->base;
}

static void review_destroy(Scene *scene, App *app)
{
    (void)app;
    free(scene);
}

static int next_part(const ReviewScene *s)
{
    for (int p = 0; p < PART_COUNT; p++)
        if (!s->part_played[p] && s->due[p] > 0)
            return p;
    return -1;
}

static void refresh_session(ReviewScene *s, App *app)
{
    int64_t last = 0;
    if (has_store(app))
        store_stats_answers_since(app->store, app->profile_id, s->first_answer_id, &s->answers, &s->correct, &last);
}

static void finish(ReviewScene *s, App *app)
{
    refresh_session(s, app);
    int64_t now = app_now(app);
    s->next_due = 0;
    if (has_store(app) && store_review_next_due(app->store, app->profile_id, now, &s->next_due) != STORE_OK)
        s->next_due = 0;
    s->phase = PHASE_DONE;
    set_buttons(s, 0);
    app_sound(app, s->answers > 0 && s->correct * 10 >= s->answers * 7 ? "fanfare" : "stamp");
}

/* Opens the next part, or ends the session when every part was played. */
static SceneOutcome advance(ReviewScene *s, App *app)
{
    int p = next_part(s);
    if (p < 0) {
        finish(s, app);
        return scene_stay();
    }
    s->part_played[p] = true;
    s->current = p;
    /* The part leaves its summary in app->summary when it ends; none means it was left early. */
    app->summary.mode[0] = '\0';
    app->summary.miss_count = 0;
    return scene_push(part_scene[p], "review");
}

static void review_resume(Scene *scene, App *app)
{
    ReviewScene *s = (ReviewScene *)scene;
    if (s->phase != PHASE_RUN)
        return;
    refresh_session(s, app);
    if (app->summary.mode[0])
        for (int i = 0; i < app->summary.miss_count && s->miss_count < REVIEW_MISSES; i++)
            s->misses[s->miss_count++] = app->summary.misses[i];
    app->summary.mode[0] = '\0';
    set_buttons(s, 0);
    if (next_part(s) < 0)
        finish(s, app);
}

static SceneOutcome review_action(Scene *scene, App *app, const Action *a)
{
    ReviewScene *s = (ReviewScene *)scene;
    if (ui_back_hit(&app->ui, a))
        return scene_pop();
    NavResult r = nav_handle(&s->nav, a, s->rects);
    if (r == NAV_MOVED)
        app_sound(app, "select");
    if (r == NAV_BACK) {
        if (s->phase == PHASE_RUN) {
            finish(s, app);
            return scene_stay();
        }
        return scene_pop();
    }
    if (r != NAV_ACTIVATED)
        return scene_stay();
    app_sound(app, "confirm");
    switch (s->buttons[s->nav.focus]) {
    case BTN_START:
        s->phase = PHASE_RUN;
        s->total = due_total(s);
        s->answers = s->correct = 0;
        s->miss_count = 0;
        memset(s->part_played, 0, sizeof s->part_played);
        if (has_store(app)) {
            int n = 0, c = 0;
            store_stats_answers_since(app->store, app->profile_id, 0, &n, &c, &s->first_answer_id);
        }
        set_buttons(s, 0);
        return advance(s, app);
    case BTN_NEW: {
        int added = unseen_cards(app, s->unseen, true);
        count_due(s, app);
        set_buttons(s, 0);
        char num[16];
        snprintf(num, sizeof num, "%d", added);
        const char *names[] = {"n"};
        const char *values[] = {num};
        char msg[200];
        i18n_format(msg, sizeof msg, app_tr(app, "review.added"), names, values, 1);
        app_notice(app, msg, 3);
        return scene_stay();
    }
    case BTN_NEXT:
        return advance(s, app);
    case BTN_BACK:
    default:
        if (s->phase == PHASE_RUN) {
            finish(s, app);
            return scene_stay();
        }
        return scene_pop();
    }
}

static SceneOutcome review_update(Scene *scene, App *app, double dt)
{
    (void)app;
    ((ReviewScene *)scene)->t += dt;
    return scene_stay();
}

static const char *button_label(const ReviewScene *s, App *app, Button b, char *buf, size_t cap)
{
    switch (b) {
    case BTN_START: return app_tr(app, "review.start");
    case BTN_NEW: {
        char num[16];
        snprintf(num, sizeof num, "%d", s->unseen);
        const char *names[] = {"n"};
        const char *values[] = {num};
        i18n_format(buf, cap, app_tr(app, "review.learn_new"), names, values, 1);
        return buf;
    }
    case BTN_NEXT: {
        int p = next_part(s);
        if (p < 0)
            return app_tr(app, "review.finish");
        const char *names[] = {"mode"};
        const char *values[] = {app_tr(app, part_label[p])};
        i18n_format(buf, cap, app_tr(app, "review.next_part"), names, values, 1);
        return buf;
    }
    case BTN_BACK:
    default:
        return app_tr(app, s->phase == PHASE_RUN ? "review.stop" : s->phase == PHASE_DONE ? "common.done" : "common.back");
    }
}

static void draw_buttons(ReviewScene *s, App *app, int y)
{
    const Theme *th = app->ui.theme;
    int bh = th->size[TEXT_BODY] * 2 + th->unit * 2;
    int gap = th->unit * 3;
    int x = th->margin;
    for (int i = 0; i < s->button_count; i++) {
        char buf[160];
        const char *label = button_label(s, app, s->buttons[i], buf, sizeof buf);
        TextOpts lo = {.style = TEXT_BODY_BOLD};
        const TextBlock *b = ui_text_get(app->ui.text, label, &lo);
        int w = b->w + th->unit * 10;
        if (w < th->unit * 30)
            w = th->unit * 30;
        s->rects[i] = (SDL_Rect){x, y, w, bh};
        ButtonKind kind = i == 0 ? BUTTON_PRIMARY : BUTTON_SECONDARY;
        ui_button(&app->ui, s->rects[i], label, kind, s->nav.focus == i, true);
        x += w + gap;
    }
}

/* "in 3 days" / "in 5 hours" / "in 20 minutes", or "" when nothing is scheduled. */
static void next_review_text(const ReviewScene *s, App *app, char *out, size_t cap)
{
    out[0] = '\0';
    if (!s->next_due) {
        snprintf(out, cap, "%s", app_tr(app, "review.next_none"));
        return;
    }
    int64_t d = s->next_due - app_now(app);
    if (d < 60)
        d = 60;
    const char *key = "review.next_minutes";
    int64_t n = (d + 59) / 60;
    if (d >= 86400) {
        key = "review.next_days";
        n = (d + 86399) / 86400;
    } else if (d >= 3600) {
        key = "review.next_hours";
        n = (d + 3599) / 3600;
    }
    if (n == 1)
        key = d >= 86400 ? "review.next_day_one" : d >= 3600 ? "review.next_hour_one" : "review.next_minute_one";
    char num[24];
    snprintf(num, sizeof num, "%lld", (long long)n);
    const char *names[] = {"n"};
    const char *values[] = {num};
    i18n_format(out, cap, app_tr(app, key), names, values, 1);
}

/* One tile per mode: the count due, its name, how many are new and (during a session) a tick. */
static int draw_tiles(ReviewScene *s, App *app, int top)
{
    const Theme *th = app->ui.theme;
    int gap = th->unit * 3;
    int w = (app->ui.width - 2 * th->margin - 2 * gap) / PART_COUNT;
    int h = th->size[TEXT_DISPLAY] * 2 + th->size[TEXT_BODY] * 3 + th->unit * 4;
    for (int p = 0; p < PART_COUNT; p++) {
        SDL_Rect r = {th->margin + p * (w + gap), top, w, h};
        bool done = s->phase != PHASE_START && s->part_played[p];
        draw_shadow(app->ui.renderer, r, th->radius, th->unit / 2, th->shadow);
        draw_rounded(app->ui.renderer, r, th->radius, th->card);
        draw_rounded_outline(app->ui.renderer, r, th->radius, 1, th->line);
        draw_rect(app->ui.renderer, (SDL_Rect){r.x, r.y, r.w, th->unit}, p == PART_CARDS ? th->seal : p == PART_MAP ? th->teal : th->gold);
        int pad = th->unit * 3;
        char num[16];
        snprintf(num, sizeof num, "%d", s->due[p]);
        TextOpts no = {.style = TEXT_DISPLAY};
        const TextBlock *nb = ui_text_draw(app->ui.text, num, &no, r.x + pad, r.y + pad, s->due[p] ? th->ink : th->ink_soft);
        TextOpts lo = {.style = TEXT_H2, .wrap = r.w - 2 * pad, .max_lines = 1};
        int y = r.y + pad + nb->h;
        const TextBlock *lb = ui_text_draw(app->ui.text, app_tr(app, part_label[p]), &lo, r.x + pad, y, th->ink);
        y += lb->h + th->unit;
        char detail[160];
        if (s->fresh[p] > 0) {
            char fresh[16];
            snprintf(fresh, sizeof fresh, "%d", s->fresh[p]);
            const char *names[] = {"n"};
            const char *values[] = {fresh};
            i18n_format(detail, sizeof detail, app_tr(app, "review.of_them_new"), names, values, 1);
        } else {
            snprintf(detail, sizeof detail, "%s", app_tr(app, s->due[p] ? "review.due_now" : "review.nothing_in_mode"));
        }
        TextOpts dop = {.style = TEXT_BODY, .wrap = r.w - 2 * pad, .max_lines = 2};
        ui_text_draw(app->ui.text, detail, &dop, r.x + pad, y, th->ink_soft);
        if (done) {
            float sz = th->size[TEXT_H1] * 1.2f;
            draw_circle(app->ui.renderer, (float)(r.x + r.w - pad - sz / 2), (float)(r.y + pad + sz / 2), sz / 2, th->right);
            draw_tick(app->ui.renderer, (float)(r.x + r.w - pad - sz / 2), (float)(r.y + pad + sz / 2), sz * 0.6f, th->on_accent);
        }
    }
    return top + h;
}

static void draw_progress(ReviewScene *s, App *app, int y)
{
    const Theme *th = app->ui.theme;
    int w = app->ui.width - 2 * th->margin;
    SDL_Rect bar = {th->margin, y, w, th->unit * 2};
    int done = s->answers < s->total ? s->answers : s->total;
    draw_rounded(app->ui.renderer, bar, th->unit, th->paper_dark);
    if (s->total > 0 && done > 0)
        draw_rounded(app->ui.renderer, (SDL_Rect){bar.x, bar.y, w * done / s->total, bar.h}, th->unit, th->gold);
    char a[16], b[16], line[160];
    snprintf(a, sizeof a, "%d", done);
    snprintf(b, sizeof b, "%d", s->total);
    const char *names[] = {"done", "total"};
    const char *values[] = {a, b};
    i18n_format(line, sizeof line, app_tr(app, "review.progress"), names, values, 2);
    TextOpts po = {.style = TEXT_BODY_BOLD};
    ui_text_draw(app->ui.text, line, &po, th->margin, y + bar.h + th->unit, th->ink);
}

static void draw_done(ReviewScene *s, App *app, int top)
{
    const Theme *th = app->ui.theme;
    char a[16], b[16], line[200];
    snprintf(a, sizeof a, "%d", s->correct);
    snprintf(b, sizeof b, "%d", s->answers);
    const char *names[] = {"right", "total"};
    const char *values[] = {a, b};
    int col_w = app->ui.width * 40 / 100;
    TextOpts big = {.style = TEXT_DISPLAY};
    char score[40];
    snprintf(score, sizeof score, "%d / %d", s->correct, s->answers);
    const TextBlock *sb = ui_text_draw(app->ui.text, score, &big, th->margin, top, th->ink);
    int y = top + sb->h;
    i18n_format(line, sizeof line, app_tr(app, "review.summary"), names, values, 2);
    TextOpts bo = {.style = TEXT_BODY, .wrap = col_w};
    const TextBlock *lb = ui_text_draw(app->ui.text, line, &bo, th->margin, y, th->ink_soft);
    y += lb->h + th->unit * 3;
    char next[200];
    next_review_text(s, app, next, sizeof next);
    TextOpts no = {.style = TEXT_H2, .wrap = col_w, .max_lines = 3};
    const TextBlock *nb = ui_text_draw(app->ui.text, next, &no, th->margin, y, th->ink);
    y += nb->h + th->unit * 4;
    draw_buttons(s, app, y);
    /* Right column: what was missed, with the right answer. */
    int x = th->margin + col_w + th->unit * 6, w = app->ui.width - x - th->margin;
    TextOpts ho = {.style = TEXT_H2};
    const TextBlock *hb = ui_text_draw(app->ui.text, app_tr(app, s->miss_count ? "review.missed" : "review.no_misses"), &ho, x, top, th->ink);
    int my = top + hb->h + th->unit * 2;
    int bottom = app->ui.height - th->margin * 2 - th->size[TEXT_SMALL] * 2;
    for (int i = 0; i < s->miss_count; i++) {
        TextOpts po = {.style = TEXT_BODY_BOLD, .wrap = w, .max_lines = 1};
        TextOpts ao = {.style = TEXT_BODY, .wrap = w - th->unit * 4, .max_lines = 2};
        const TextBlock *pb = ui_text_get(app->ui.text, s->misses[i].prompt, &po);
        const TextBlock *ab = ui_text_get(app->ui.text, s->misses[i].answer, &ao);
        if (my + pb->h + ab->h > bottom)
            break;
        draw_cross(app->ui.renderer, (float)(x + th->unit), (float)(my + pb->h / 2), th->size[TEXT_BODY] * 0.7f, th->wrong);
        ui_text_draw(app->ui.text, s->misses[i].prompt, &po, x + th->unit * 3, my, th->ink);
        my += pb->h;
        ui_text_draw(app->ui.text, s->misses[i].answer, &ao, x + th->unit * 3, my, th->ink_soft);
        my += ab->h + th->unit * 2;
    }
}

static void review_draw(Scene *scene, App *app)
{
    ReviewScene *s = (ReviewScene *)scene;
    const Theme *th = app->ui.theme;
    ui_background(&app->ui, 0);
    ui_back_button(&app->ui);
    if (!has_store(app)) {
        int top = ui_header(&app->ui, app_tr(app, "menu.review"), app_tr(app, "review.no_profile"));
        draw_buttons(s, app, top + th->unit * 4);
        return;
    }
    if (s->phase == PHASE_DONE) {
        int top = ui_header(&app->ui, app_tr(app, "review.done_title"), app_tr(app, "menu.review"));
        draw_done(s, app, top + th->unit * 2);
    } else if (s->phase == PHASE_START && due_total(s) == 0) {
        int top = ui_header(&app->ui, app_tr(app, "menu.review"), app_tr(app, "review.caught_up"));
        /* A friendly empty state: a big gold tick and when to come back. */
        float r = th->size[TEXT_DISPLAY] * 1.1f;
        float cx = th->margin + r, cy = top + th->unit * 4 + r;
        draw_circle(app->ui.renderer, cx, cy, r, th->gold);
        draw_tick(app->ui.renderer, cx, cy, r * 1.1f, th->on_accent);
        char next[200];
        next_review_text(s, app, next, sizeof next);
        TextOpts no = {.style = TEXT_H1, .wrap = app->ui.width - 2 * th->margin - (int)(r * 3), .max_lines = 2};
        const TextBlock *nb = ui_text_draw(app->ui.text, next, &no, (int)(cx + r * 1.6f), (int)(cy - th->size[TEXT_H1] * 0.7f), th->ink);
        int y = (int)(cy + r) + th->unit * 4;
        if (nb->h > r * 2)
            y += nb->h - (int)(r * 2);
        TextOpts bo = {.style = TEXT_BODY, .wrap = app->ui.width * 60 / 100};
        const TextBlock *bb = ui_text_draw(app->ui.text, app_tr(app, s->unseen ? "review.offer_new" : "review.come_back"), &bo, th->margin, y, th->ink_soft);
        draw_buttons(s, app, y + bb->h + th->unit * 4);
    } else {
        int top = ui_header(&app->ui, app_tr(app, "menu.review"), app_tr(app, "menu.review_detail"));
        int y = draw_tiles(s, app, top + th->unit * 2) + th->unit * 4;
        if (s->phase == PHASE_RUN) {
            draw_progress(s, app, y);
            y += th->unit * 4 + th->size[TEXT_BODY] * 2;
        } else {
            char a[16], b[16], line[240];
            snprintf(a, sizeof a, "%d", s->new_available + s->room);
            snprintf(b, sizeof b, "%d", app->settings.new_per_day);
            const char *names[] = {"left", "limit"};
            const char *values[] = {a, b};
            i18n_format(line, sizeof line, app_tr(app, "review.new_limit"), names, values, 2);
            TextOpts lo = {.style = TEXT_BODY, .wrap = app->ui.width - 2 * th->margin};
            const TextBlock *lb = ui_text_draw(app->ui.text, line, &lo, th->margin, y, th->ink_soft);
            y += lb->h + th->unit * 3;
        }
        draw_buttons(s, app, y);
    }
    const char *hints[] = {app_tr(app, "key.arrows"), app_tr(app, "hint.move"), app_tr(app, "key.enter"), app_tr(app, "hint.choose")};
    ui_hints(&app->ui, hints, 2);
}

static void review_report(Scene *scene, App *app, cJSON *out)
{
    (void)app;
    ReviewScene *s = (ReviewScene *)scene;
    cJSON_AddStringToObject(out, "phase", s->phase == PHASE_START ? "start" : s->phase == PHASE_RUN ? "run" : "done");
    cJSON_AddNumberToObject(out, "due_cards", s->due[PART_CARDS]);
    cJSON_AddNumberToObject(out, "due_map", s->due[PART_MAP]);
    cJSON_AddNumberToObject(out, "due_timeline", s->due[PART_TIMELINE]);
    cJSON_AddNumberToObject(out, "new_available", s->new_available);
    cJSON_AddNumberToObject(out, "unseen", s->unseen);
    cJSON_AddNumberToObject(out, "total", s->total);
    cJSON_AddNumberToObject(out, "answers", s->answers);
    cJSON_AddNumberToObject(out, "correct", s->correct);
    cJSON_AddNumberToObject(out, "missed", s->miss_count);
    cJSON_AddNumberToObject(out, "next_due", (double)s->next_due);
}

const SceneVtable scene_review = {
    .name = "review",
    .create = review_create,
    .destroy = review_destroy,
    .resume = review_resume,
    .action = review_action,
    .update = review_update,
    .draw = review_draw,
    .report = review_report,
};
