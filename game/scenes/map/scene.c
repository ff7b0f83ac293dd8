/* The map round, four kinds by the level's variant. "Which treaty?": a region is highlighted;
 * choose the treaty that moved it from four (keys 1-4, click, pad). "Find it": click the region
 * or river asked for; three tries, then the answer is shown (keys and pads cycle through the
 * candidates). "Drag the labels": drag names onto their regions, rivers and towns (keys: pick a
 * name, cycle the targets, drop). "Border by year": a slider through the map's border years
 * redraws the border and fills what changed; "which side held PLACE in YEAR?".
 * Every kind pans and zooms: wheel, drag, pinch, + - 0 and W A S D, shoulders and right stick. */
#include "content/i18n.h"
#include "app/session.h"
#include "app/scene.h"
#include "base/util.h"
#include "rules/mapround.h"
#include "scenes/scenes.h"
#include "store/store.h"
#include "ui/draw.h"
#include "ui/mapview.h"
#include "ui/text.h"
#include "ui/notes.h"
#include "ui/widgets.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_Q 32
#define MAX_VIEWS 4
#define MAX_CHIPS 8
#define ZOOM_STEP 1.25

typedef enum MapKind {
    MAPK_WHICH = 0,
    MAPK_FIND,
    MAPK_DRAG,
    MAPK_YEAR,
} MapKind;

static const char *const KIND_NAMES[] = {"which-treaty", "find", "drag", "border-year"};

typedef struct Chip {
    PackItemRef ref;
    int tries;
    bool placed, correct;
} Chip;

typedef struct MapScene {
    Scene base;
    Level *level;
    const Pack *pack;
    MapKind kind;               /* per question in a review */
    bool review;                /* the due map items of the daily review, not a level */
    char title[160];
    PackItemRef items[MAX_Q];
    int count, index;
    MapView *views[MAX_VIEWS];  /* by map index */
    /* The current question (which-treaty, find, border-year). */
    int options[4], noptions, right, chosen;
    int tries;
    int cursor;                 /* keyboard candidate (region or river pack index) */
    int wrong_pick;             /* last wrong region/river */
    bool answered, correct;
    double t, q_t;
    char prompt[400];
    char option_label[4][240];
    Nav nav;
    SDL_Rect buttons[MAX_CHIPS];
    SDL_Rect map_rect;
    /* Pointer on the map: a press becomes a pan once it moves past a few pixels, else a click. */
    bool pressing, panning, press_cancelled;
    int press_x, press_y, last_x, last_y;
    /* Drag the labels. */
    Chip chips[MAX_CHIPS];
    int nchips, chips_left;
    int dragging;               /* chip under the pointer, -1 */
    int placing;                /* chip taken with keys (or a tap), -1 */
    int target_cursor;          /* index into chips: whose target is highlighted */
    int drag_x, drag_y;
    int last_chip, last_result; /* feedback: chip, MapDrop of its last drop */
    /* Border by year. */
    int years[MAPROUND_MAX_YEARS], nyears, year_index;
    int year_asked;
    SDL_Rect slider;
    bool sliding;
    int score, max_score, right_count, answers_recorded;
    RoundSummary summary;
    NotesPanel notes;     /* the item's note and sources, once its answer is shown */
    Rng rng;
} MapScene;

/* ---- items and maps ---- */

static int place_map(const Pack *pack, uint32_t place)
{
    const PackPlace *pl = &pack->places[place];
    if (!pl->has_coords)
        return -1;
    for (uint32_t m = 0; m < pack->map_count && m < MAX_VIEWS; m++) {
        const double *b = pack->maps[m].bounds;
        if (pl->lon >= b[0] && pl->lon <= b[2] && pl->lat >= b[1] && pl->lat <= b[3])
            return (int)m;
    }
    return -1;
}

static int item_map(const MapScene *s, PackItemRef ref)
{
    if (ref.kind == PACK_KIND_REGION)
        return s->pack->regions[ref.index].map;
    if (ref.kind == PACK_KIND_RIVER)
        return s->pack->rivers[ref.index].map;
    if (ref.kind == PACK_KIND_PLACE)
        return place_map(s->pack, ref.index);
    return -1;
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

static int current_map(const MapScene *s)
{
    if (s->kind == MAPK_DRAG)
        return s->nchips > 0 ? item_map(s, s->chips[0].ref) : -1;
    return item_map(s, s->items[s->index]);
}

static const char *item_name(const MapScene *s, PackItemRef ref, const char *lang)
{
    return pack_item_title(s->pack, ref, lang);
}

static const char *kind_word(PackItemRef ref)
{
    return ref.kind == PACK_KIND_RIVER ? "river" : ref.kind == PACK_KIND_PLACE ? "place" : "region";
}

static void treaty_label(const MapScene *s, int t, const char *lang, char *out, size_t cap)
{
    snprintf(out, cap, "%s (%d)", text_get(&s->pack->treaties[t].name, lang), s->pack->treaties[t].signed_on.from.year);
}

/* The changes of hands of the land under a place, from the regions of its map that contain it. */
static int place_changes(MapScene *s, App *app, uint32_t place, MapChange *out, int max)
{
    MapView *mv = view_for(s, app, place_map(s->pack, place));
    if (!mv)
        return 0;
    int regions[16];
    int nr = mapview_regions_at_place(mv, (int)place, regions, 16);
    int n = 0;
    for (int i = 0; i < nr && n < max; i++) {
        const PackRegion *r = &s->pack->regions[regions[i]];
        if (r->year && r->from_party >= 0 && r->to_party >= 0 && r->from_party != r->to_party)
            out[n++] = (MapChange){r->year, r->from_party, r->to_party};
    }
    return n;
}

static int year_slot(const MapScene *s, int year)
{
    for (int i = 0; i < s->nyears; i++)
        if (s->years[i] == year)
            return i;
    return 0;
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
    s->noptions = 4;
    /* A review asks each item as it can be asked: regions a treaty moved as "which treaty",
     * rivers and other regions as "find it". */
    if (s->review)
        s->kind = ref.kind == PACK_KIND_REGION && s->pack->regions[ref.index].treaty >= 0 && s->pack->treaty_count >= 4
                      ? MAPK_WHICH : MAPK_FIND;
    const char *names[] = {"name"};
    const char *values[] = {item_name(s, ref, app->lang)};
    if (s->kind == MAPK_FIND) {
        i18n_format(s->prompt, sizeof s->prompt, app_tr(app, ref.kind == PACK_KIND_RIVER ? "map.find_river" : "map.find_region"), names, values, 1);
    } else if (s->kind == MAPK_WHICH) {
        snprintf(s->prompt, sizeof s->prompt, "%s", app_tr(app, "map.which_treaty"));
        mapround_treaty_options(s->pack, (int)ref.index, &s->rng, s->options, &s->right);
        for (int i = 0; i < 4; i++)
            treaty_label(s, s->options[i], app->lang, s->option_label[i], sizeof s->option_label[i]);
        nav_init(&s->nav, 4, 1);
        s->nav.focus = 0;
    } else if (s->kind == MAPK_YEAR) {
        MapChange ch[16];
        int n = place_changes(s, app, ref.index, ch, 16);
        int map = item_map(s, ref);
        s->nyears = mapround_border_years(s->pack, map, s->years, MAPROUND_MAX_YEARS);
        int parties[16];
        int np = mapround_map_parties(s->pack, map, parties, 16);
        MapYearQuestion q;
        /* Items without a change were dropped in create, so this holds. */
        if (!mapround_year_question(ch, n, s->years, s->nyears, parties, np, &s->rng, &q))
            q = (MapYearQuestion){.year = s->nyears ? s->years[0] : 0, .noptions = 0};
        s->year_asked = q.year;
        s->noptions = q.noptions;
        s->right = q.right;
        for (int i = 0; i < q.noptions; i++) {
            s->options[i] = q.options[i];
            snprintf(s->option_label[i], sizeof s->option_label[i], "%s", text_get(&s->pack->parties[q.options[i]].name, app->lang));
        }
        char year[16];
        snprintf(year, sizeof year, "%d", q.year);
        const char *yn[] = {"place", "year"};
        const char *yv[] = {item_name(s, ref, app->lang), year};
        i18n_format(s->prompt, sizeof s->prompt, app_tr(app, "map.year_prompt"), yn, yv, 2);
        nav_init(&s->nav, q.noptions, 1);
        s->nav.focus = 0;
        /* The slider starts at the earliest border for every question. */
        s->year_index = 0;
    }
}

static bool item_fits(MapScene *s, App *app, PackItemRef r)
{
    switch (s->kind) {
    case MAPK_WHICH:
        return r.kind == PACK_KIND_REGION && s->pack->regions[r.index].treaty >= 0;
    case MAPK_FIND:
        return r.kind == PACK_KIND_REGION || r.kind == PACK_KIND_RIVER;
    case MAPK_DRAG:
        return r.kind == PACK_KIND_REGION || r.kind == PACK_KIND_RIVER || r.kind == PACK_KIND_PLACE;
    case MAPK_YEAR: {
        if (r.kind != PACK_KIND_PLACE)
            return false;
        MapChange ch[16];
        return place_changes(s, app, r.index, ch, 16) > 0;
    }
    }
    return false;
}

/* The due map items of one pack (the first pack with any), most overdue first. */
static void deal_review(MapScene *s, App *app)
{
    StoreMemory due[MAX_Q];
    size_t n = app_review_due(app, GRADE_MODE_MAP, due, MAX_Q);
    for (size_t i = 0; i < n; i++) {
        const Pack *p = app_review_pack(app, &due[i], s->pack);
        if (!p)
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
        s->dragging = s->placing = s->last_chip = -1;
        start_question(s, app);
        return &s->base;
    }
    char *fallback = arg ? NULL : app_first_level(app, "map-");
    s->level = app_level_load(app, arg ? arg : fallback, &s->pack);
    free(fallback);
    PackItemRef all[MAX_Q];
    size_t n = 0;
    if (s->level) {
        level_select_items(s->level, s->pack, &s->rng, all, MAX_Q, &n);
        LevelVariant v = s->level->variant;
        s->kind = v == LEVEL_VARIANT_FIND ? MAPK_FIND : v == LEVEL_VARIANT_DRAG ? MAPK_DRAG
                : v == LEVEL_VARIANT_BORDER_YEAR ? MAPK_YEAR : MAPK_WHICH;
    }
    /* Keep the items this round type can ask (a drag round: those on the first item's map). */
    int drag_map = -1;
    for (size_t i = 0; i < n; i++) {
        PackItemRef r = all[i];
        int map = item_map(s, r);
        if (map < 0 || !item_fits(s, app, r))
            continue;
        if (s->kind == MAPK_DRAG) {
            if (drag_map < 0)
                drag_map = map;
            if (map != drag_map || s->nchips == MAX_CHIPS)
                continue;
            s->chips[s->nchips++] = (Chip){.ref = r};
        }
        s->items[s->count++] = r;
    }
    if (s->count == 0) {
        app_notice(app, app_tr(app, "timeline.no_cards"), 5);
        level_free(s->level);
        for (int i = 0; i < MAX_VIEWS; i++)
            mapview_destroy(s->views[i]);
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
    s->dragging = s->placing = s->last_chip = -1;
    if (s->kind == MAPK_DRAG) {
        s->chips_left = s->nchips;
        snprintf(s->prompt, sizeof s->prompt, "%s", app_tr(app, "map.drag_prompt"));
        nav_init(&s->nav, s->nchips, 1);
        s->q_t = 0;
    } else {
        start_question(s, app);
    }
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
    else if (ref.kind == PACK_KIND_PLACE)
        app_source_label(s->pack, s->pack->places[ref.index].sources, out, cap);
}

/* Stores one answer (before anything else shows) and scores it. */
static void record(MapScene *s, App *app, PackItemRef ref, bool correct, int tries, int points, const char *prompt,
                   const char *answer, const char *given)
{
    int64_t ms = (int64_t)((s->t - s->q_t) * 1000);
    GradeOutcome o = {.mode = GRADE_MODE_MAP, .correct = correct, .attempts = tries > 0 ? tries : 1,
                      .response_ms = ms, .fast_ms = grade_fast_threshold_ms(0)};
    if (app_record_answer(app, s->pack, pack_item_id(s->pack, ref), GRADE_MODE_MAP,
                          s->kind == MAPK_YEAR ? "place-year" : kind_word(ref), correct, grade_from_outcome(&o), ms))
        s->answers_recorded++;
    s->score += points;
    s->max_score += MAPROUND_POINTS_FIRST;
    if (correct) {
        s->right_count++;
    } else {
        char src[300];
        source_of(s, ref, src, sizeof src);
        summary_add_miss(&s->summary, pack_item_id(s->pack, ref), prompt, answer, given, src);
    }
    app_sound(app, correct ? "correct" : "wrong");
}

static void finish_question(MapScene *s, App *app, bool correct, const char *given)
{
    PackItemRef ref = s->items[s->index];
    s->answered = true;
    s->correct = correct;
    int pts = s->kind == MAPK_FIND ? mapround_points(correct, s->tries) : (correct ? MAPROUND_POINTS_FIRST : 0);
    char answer[300];
    if (s->kind == MAPK_FIND)
        snprintf(answer, sizeof answer, "%s", item_name(s, ref, app->lang));
    else
        snprintf(answer, sizeof answer, "%s", s->option_label[s->right]);
    record(s, app, ref, correct, s->tries, pts, s->kind == MAPK_WHICH ? item_name(s, ref, app->lang) : s->prompt, answer, given);
    /* Border by year: the slider goes to the year asked, so the answer can be seen. */
    if (s->kind == MAPK_YEAR)
        s->year_index = year_slot(s, s->year_asked);
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

static SceneOutcome finish_round(MapScene *s, App *app)
{
    s->summary.score = s->score;
    s->summary.max_score = s->max_score;
    s->summary.correct = s->right_count;
    s->summary.total = s->kind == MAPK_DRAG ? s->nchips : s->count;
    s->summary.time_ms = (int64_t)(s->t * 1000);
    s->summary.won = true;
    if (s->review)
        return app_finish_review_part(app, &s->summary);
    return app_finish_round(app, &s->summary);
}

static SceneOutcome next(MapScene *s, App *app)
{
    if (s->kind == MAPK_DRAG)
        return finish_round(s, app);
    s->index++;
    if (s->index < s->count) {
        start_question(s, app);
        return scene_stay();
    }
    return finish_round(s, app);
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

/* ---- drag the labels ---- */

/* Screen distance from (x, y) to an item on the map: 0 inside a region, to the line of a river,
 * to the marker of a place. */
static double item_distance(MapView *mv, const Pack *pack, PackItemRef ref, int x, int y, double tol)
{
    if (ref.kind == PACK_KIND_PLACE) {
        float px, py;
        if (!mapview_place_screen(mv, (int)ref.index, &px, &py))
            return INFINITY;
        return hypot(px - x, py - y);
    }
    if (ref.kind == PACK_KIND_RIVER)
        return mapview_hit_river(mv, x, y, tol) == (int)ref.index ? 0 : INFINITY;
    (void)pack;
    if (mapview_hit_region(mv, x, y) == (int)ref.index)
        return 0;
    /* Near the edge of the region (a small island is hard to hit): sample a ring around the drop. */
    for (int k = 0; k < 8; k++) {
        double a = k * 0.785398163;
        if (mapview_hit_region(mv, x + (int)(tol * cos(a)), y + (int)(tol * sin(a))) == (int)ref.index)
            return tol;
    }
    return INFINITY;
}

static void chip_anchor(MapView *mv, PackItemRef ref, int *x, int *y)
{
    float fx = 0, fy = 0;
    *x = *y = 0;
    if (ref.kind == PACK_KIND_PLACE && mapview_place_screen(mv, (int)ref.index, &fx, &fy)) {
        *x = (int)fx;
        *y = (int)fy;
    } else if (ref.kind == PACK_KIND_RIVER) {
        mapview_anchor_river(mv, (int)ref.index, x, y);
    } else {
        mapview_anchor_region(mv, (int)ref.index, x, y);
    }
}

static void chip_done(MapScene *s, App *app, int c, bool correct)
{
    Chip *ch = &s->chips[c];
    ch->placed = true;
    ch->correct = correct;
    s->chips_left--;
    char answer[300];
    snprintf(answer, sizeof answer, "%s", item_name(s, ch->ref, app->lang));
    record(s, app, ch->ref, correct, ch->tries, mapround_points(correct, ch->tries), s->prompt, answer,
           correct ? "" : app_tr(app, "map.drag_missed_given"));
    if (s->chips_left == 0) {
        s->answered = true;
    } else {
        /* Focus the next name still to place. */
        for (int k = 1; k <= s->nchips; k++) {
            int j = (c + k) % s->nchips;
            if (!s->chips[j].placed) {
                s->nav.focus = j;
                break;
            }
        }
    }
}

/* A drop of chip c at (x, y), or on target chip `target` (keys) when target >= 0. */
static void drop_chip(MapScene *s, App *app, int c, int x, int y, int target)
{
    MapView *mv = view_for(s, app, current_map(s));
    if (!mv || c < 0 || s->chips[c].placed)
        return;
    double tol = mapround_drop_tolerance(app->ui.theme->unit * 2.5, mapview_zoom(mv));
    int hit = -1;
    bool near_own = false;
    if (target >= 0) {
        hit = target;
        near_own = target == c;
    } else {
        near_own = item_distance(mv, s->pack, s->chips[c].ref, x, y, tol) <= tol;
        double best = tol;
        for (int j = 0; j < s->nchips && !near_own; j++) {
            if (j == c)
                continue;
            double d = item_distance(mv, s->pack, s->chips[j].ref, x, y, tol);
            if (d <= best) {
                best = d;
                hit = j;
            }
        }
    }
    MapDrop r = mapround_judge_drop(c, hit, near_own);
    s->last_chip = c;
    s->last_result = (int)r;
    if (r == MAPDROP_NOTHING)
        return;
    s->chips[c].tries++;
    if (r == MAPDROP_RIGHT)
        chip_done(s, app, c, true);
    else if (s->chips[c].tries >= MAPROUND_TRIES)
        chip_done(s, app, c, false);
    else
        app_sound(app, "wrong");
}

static int chip_at(const MapScene *s, int x, int y)
{
    for (int i = 0; i < s->nchips; i++)
        if (!s->chips[i].placed && point_in_rect(x, y, s->buttons[i]))
            return i;
    return -1;
}

static void cycle_target(MapScene *s, int dir)
{
    s->target_cursor = ((s->target_cursor + dir) % s->nchips + s->nchips) % s->nchips;
}

static SceneOutcome drag_action(MapScene *s, App *app, const Action *a)
{
    if (s->answered)
        return (a->kind == ACTION_CONFIRM || a->kind == ACTION_POINTER_UP) ? next(s, app) : scene_stay();
    switch (a->kind) {
    case ACTION_POINTER_DOWN: {
        int c = chip_at(s, a->x, a->y);
        if (c >= 0) {
            s->dragging = c;
            s->drag_x = a->x;
            s->drag_y = a->y;
            s->press_x = a->x;
            s->press_y = a->y;
            s->nav.focus = c;
            return scene_stay();
        }
        break;
    }
    case ACTION_POINTER_MOVE:
        if (s->dragging >= 0) {
            s->drag_x = a->x;
            s->drag_y = a->y;
            return scene_stay();
        }
        break;
    case ACTION_POINTER_UP:
        if (s->dragging >= 0) {
            int c = s->dragging;
            s->dragging = -1;
            if (point_in_rect(a->x, a->y, s->map_rect))
                drop_chip(s, app, c, a->x, a->y, -1);
            else if (abs(a->x - s->press_x) + abs(a->y - s->press_y) < app->ui.theme->unit * 2)
                s->placing = c;   /* a tap takes the name; the next tap on the map drops it */
            return scene_stay();
        }
        break;
    default:
        break;
    }
    if (s->placing >= 0) {
        switch (a->kind) {
        case ACTION_LEFT:
        case ACTION_UP:
            cycle_target(s, -1);
            return scene_stay();
        case ACTION_RIGHT:
        case ACTION_DOWN:
            cycle_target(s, 1);
            return scene_stay();
        case ACTION_PREV:
        case ACTION_NEXT:
            if (a->device != INPUT_GAMEPAD) {
                cycle_target(s, a->kind == ACTION_NEXT ? 1 : -1);
                return scene_stay();
            }
            break;
        case ACTION_CONFIRM: {
            int c = s->placing;
            s->placing = -1;
            drop_chip(s, app, c, 0, 0, s->target_cursor);
            return scene_stay();
        }
        default:
            break;
        }
        return scene_stay();
    }
    if (a->kind == ACTION_UP || a->kind == ACTION_DOWN || (a->kind == ACTION_NEXT && a->device != INPUT_GAMEPAD) ||
        (a->kind == ACTION_PREV && a->device != INPUT_GAMEPAD)) {
        int dir = a->kind == ACTION_UP || a->kind == ACTION_PREV ? -1 : 1;
        for (int k = 1; k <= s->nchips; k++) {
            int j = ((s->nav.focus + dir * k) % s->nchips + s->nchips) % s->nchips;
            if (!s->chips[j].placed) {
                s->nav.focus = j;
                break;
            }
        }
    } else if (a->kind == ACTION_CONFIRM && !s->chips[s->nav.focus].placed) {
        s->placing = s->nav.focus;
        s->target_cursor = 0;
    }
    return scene_stay();
}

/* ---- pan and zoom, shared by every kind ---- */

static bool view_action(MapScene *s, App *app, MapView *mv, const Action *a)
{
    if (!mv)
        return false;
    const SDL_Rect r = s->map_rect;
    int cx = r.x + r.w / 2, cy = r.y + r.h / 2;
    double step = r.w / 8.0;
    switch (a->kind) {
    case ACTION_SCROLL: {
        int x = a->x, y = a->y;
        if (!point_in_rect(x, y, r)) {
            x = app->input.pointer_x;
            y = app->input.pointer_y;
        }
        if (!point_in_rect(x, y, r)) {
            x = cx;
            y = cy;
        }
        if (a->device == INPUT_TOUCH) {      /* a pinch: no pan, no tap until the fingers lift */
            s->panning = false;
            s->pressing = false;
            s->press_cancelled = true;
        }
        mapview_zoom_at(mv, pow(ZOOM_STEP, a->dy), x, y);
        return true;
    }
    case ACTION_KEY:
        switch (a->key) {
        case SDLK_EQUALS: case SDLK_PLUS: case SDLK_KP_PLUS:
            mapview_zoom_at(mv, ZOOM_STEP, cx, cy);
            return true;
        case SDLK_MINUS: case SDLK_KP_MINUS:
            mapview_zoom_at(mv, 1 / ZOOM_STEP, cx, cy);
            return true;
        case SDLK_0: case SDLK_KP_0:
            mapview_reset_view(mv);
            return true;
        case SDLK_w: mapview_pan(mv, 0, step); return true;
        case SDLK_s: mapview_pan(mv, 0, -step); return true;
        case SDLK_a: mapview_pan(mv, step, 0); return true;
        case SDLK_d: mapview_pan(mv, -step, 0); return true;
        default:
            return false;
        }
    case ACTION_NEXT:
    case ACTION_PREV:
        if (a->device != INPUT_GAMEPAD)
            return false;
        mapview_zoom_at(mv, a->kind == ACTION_NEXT ? ZOOM_STEP : 1 / ZOOM_STEP, cx, cy);
        return true;
    case ACTION_POINTER_DOWN:
        if (point_in_rect(a->x, a->y, r)) {
            s->pressing = true;
            s->panning = false;
            s->press_x = s->last_x = a->x;
            s->press_y = s->last_y = a->y;
        }
        return false;
    case ACTION_POINTER_MOVE:
        if (!s->pressing)
            return false;
        if (!s->panning && abs(a->x - s->press_x) + abs(a->y - s->press_y) > app->ui.theme->unit * 2)
            s->panning = true;
        if (s->panning) {
            mapview_pan(mv, a->x - s->last_x, a->y - s->last_y);
            s->last_x = a->x;
            s->last_y = a->y;
            return true;
        }
        return false;
    case ACTION_POINTER_UP: {
        bool swallow = s->panning || s->press_cancelled;
        s->pressing = s->panning = false;
        s->press_cancelled = false;
        return swallow;   /* the end of a pan or a pinch is no click */
    }
    default:
        return false;
    }
}

static int slider_year_at(const MapScene *s, int x)
{
    if (s->nyears < 2)
        return 0;
    double f = (double)(x - s->slider.x) / (s->slider.w > 0 ? s->slider.w : 1);
    int i = (int)lround(f * (s->nyears - 1));
    return i < 0 ? 0 : i >= s->nyears ? s->nyears - 1 : i;
}

static SceneOutcome map_action(Scene *scene, App *app, const Action *a)
{
    MapScene *s = (MapScene *)scene;
    if (notes_action(&s->notes, a))
        return scene_stay();
    if (a->kind == ACTION_BACK && s->kind == MAPK_DRAG && s->placing >= 0) {
        s->placing = -1;   /* puts the name back */
        return scene_stay();
    }
    if (a->kind == ACTION_BACK || ui_back_hit(&app->ui, a))
        return scene_pop();
    MapView *mv = view_for(s, app, current_map(s));
    /* The slider of a border-by-year round takes its presses before the map. */
    if (s->kind == MAPK_YEAR && s->nyears > 0) {
        SDL_Rect grab = {s->slider.x - app->ui.theme->unit * 2, s->slider.y, s->slider.w + app->ui.theme->unit * 4, s->slider.h};
        if (a->kind == ACTION_POINTER_DOWN && point_in_rect(a->x, a->y, grab)) {
            s->sliding = true;
            s->year_index = slider_year_at(s, a->x);
            return scene_stay();
        }
        if (s->sliding && (a->kind == ACTION_POINTER_MOVE || a->kind == ACTION_POINTER_UP)) {
            s->year_index = slider_year_at(s, a->x);
            if (a->kind == ACTION_POINTER_UP)
                s->sliding = false;
            return scene_stay();
        }
        if (a->kind == ACTION_LEFT || a->kind == ACTION_RIGHT) {
            int i = s->year_index + (a->kind == ACTION_RIGHT ? 1 : -1);
            s->year_index = i < 0 ? 0 : i >= s->nyears ? s->nyears - 1 : i;
            return scene_stay();
        }
    }
    if (s->kind == MAPK_DRAG && s->dragging >= 0)
        return drag_action(s, app, a);
    if (view_action(s, app, mv, a))
        return scene_stay();
    if (s->kind == MAPK_DRAG) {
        if (s->placing >= 0 && a->kind == ACTION_POINTER_UP && point_in_rect(a->x, a->y, s->map_rect)) {
            int c = s->placing;
            s->placing = -1;
            drop_chip(s, app, c, a->x, a->y, -1);
            return scene_stay();
        }
        return drag_action(s, app, a);
    }
    if (s->answered) {
        if (a->kind == ACTION_CONFIRM || a->kind == ACTION_POINTER_UP)
            return next(s, app);
        return scene_stay();
    }
    PackItemRef ref = s->items[s->index];
    if (s->kind == MAPK_FIND) {
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
                mapview_update(mv);
                int hit = ref.kind == PACK_KIND_RIVER ? mapview_hit_river(mv, a->x, a->y, app->ui.theme->unit * 2.5)
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
        if (a->number > s->noptions)
            return scene_stay();
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
    MapScene *s = (MapScene *)scene;
    s->t += dt;
    /* Notes and sources once a question's answer is shown (a drag round has many items). */
    if (s->index < s->count)
        notes_offer(&s->notes, s->answered && s->kind != MAPK_DRAG, s->items[s->index]);
    /* The right stick pans smoothly (the left one moves the focus like the d-pad). */
    MapView *mv = s->views[current_map(s) >= 0 && current_map(s) < MAX_VIEWS ? current_map(s) : 0];
    if (!mv || !SDL_WasInit(SDL_INIT_GAMECONTROLLER))
        return scene_stay();
    (void)app;
    for (int i = 0; i < SDL_NumJoysticks(); i++) {
        SDL_GameController *gc = SDL_IsGameController(i) ? SDL_GameControllerFromInstanceID(SDL_JoystickGetDeviceInstanceID(i)) : NULL;
        if (!gc)
            continue;
        double x = SDL_GameControllerGetAxis(gc, SDL_CONTROLLER_AXIS_RIGHTX) / 32767.0;
        double y = SDL_GameControllerGetAxis(gc, SDL_CONTROLLER_AXIS_RIGHTY) / 32767.0;
        if (fabs(x) < 0.25) x = 0;
        if (fabs(y) < 0.25) y = 0;
        if (x != 0 || y != 0)
            mapview_pan(mv, -x * s->map_rect.w * 0.8 * dt, -y * s->map_rect.w * 0.8 * dt);
    }
    return scene_stay();
}

/* ---- drawing ---- */

static void draw_options(MapScene *s, App *app, int px, int *py, int panel_w)
{
    const Theme *th = app->ui.theme;
    int bh = th->size[TEXT_BODY] * 3 + th->unit;
    /* Large text: the buttons shrink to what is left above the hint bar (down to one line). */
    int room = app->ui.height - th->margin * 2 - *py - s->noptions * (th->unit * 3 / 2);
    if (s->noptions > 0 && room / s->noptions < bh)
        bh = room / s->noptions;
    if (bh < th->size[TEXT_BODY] * 3 / 2 + th->unit)
        bh = th->size[TEXT_BODY] * 3 / 2 + th->unit;
    int lines = bh >= th->size[TEXT_BODY] * 3 ? 2 : 1;
    for (int i = 0; i < s->noptions; i++) {
        SDL_Rect r = {px, *py + i * (bh + th->unit * 3 / 2), panel_w, bh};
        s->buttons[i] = r;
        ButtonKind kind = s->answered && i == s->right ? BUTTON_PRIMARY : BUTTON_SECONDARY;
        ui_button(&app->ui, r, "", kind, !s->answered && s->nav.focus == i, true);
        char label[260];
        snprintf(label, sizeof label, "%d  %s", i + 1, s->option_label[i]);
        TextOpts lo = {.style = TEXT_BODY_BOLD, .wrap = panel_w - th->unit * 8, .max_lines = lines};
        const TextBlock *lb = ui_text_get(app->ui.text, label, &lo);
        ui_text_draw(app->ui.text, label, &lo, r.x + th->unit * 2, r.y + (r.h - lb->h) / 2, kind == BUTTON_PRIMARY ? th->on_accent : th->ink);
        if (s->answered && i == s->chosen && i != s->right)
            draw_cross(app->ui.renderer, (float)(r.x + r.w - th->unit * 3), (float)(r.y + r.h / 2), th->size[TEXT_BODY] * 1.1f, th->wrong);
        if (s->answered && i == s->right)
            draw_tick(app->ui.renderer, (float)(r.x + r.w - th->unit * 3), (float)(r.y + r.h / 2), th->size[TEXT_BODY] * 1.1f, th->on_accent);
    }
    *py += s->noptions * (bh + th->unit * 3 / 2) + th->unit;
}

/* A name chip: a rounded tag with the name, on the panel or on the map; a long name (large
 * text, long translations) is cut with an ellipsis to the panel's width. */
static TextOpts chip_opts(const App *app)
{
    return (TextOpts){.style = TEXT_BODY_BOLD, .wrap = app->ui.width * 30 / 100 - app->ui.theme->unit * 4, .max_lines = 1};
}

static SDL_Rect chip_rect_at(App *app, const char *name, int x, int y, bool centred)
{
    const Theme *th = app->ui.theme;
    TextOpts co = chip_opts(app);
    const TextBlock *b = ui_text_get(app->ui.text, name, &co);
    SDL_Rect r = {x, y, b->w + th->unit * 3, b->h + th->unit};
    if (centred) {
        r.x -= r.w / 2;
        r.y -= r.h / 2;
    }
    return r;
}

static void draw_chip(App *app, const char *name, SDL_Rect r, SDL_Color fill, SDL_Color ink, bool shadow)
{
    const Theme *th = app->ui.theme;
    if (shadow)
        draw_shadow(app->ui.renderer, r, th->radius, th->unit / 2, th->shadow);
    draw_rounded(app->ui.renderer, r, th->radius, fill);
    draw_rounded_outline(app->ui.renderer, r, th->radius, 1, th->line);
    TextOpts co = chip_opts(app);
    const TextBlock *b = ui_text_get(app->ui.text, name, &co);
    ui_text_draw(app->ui.text, name, &co, r.x + (r.w - b->w) / 2, r.y + (r.h - b->h) / 2, ink);
}

static void draw_slider(MapScene *s, App *app, SDL_Rect area)
{
    const Theme *th = app->ui.theme;
    if (s->nyears == 0)
        return;
    int u = th->unit;
    TextOpts yo = {.style = TEXT_BODY_BOLD};
    TextOpts so = {.style = TEXT_SMALL};
    s->slider = (SDL_Rect){area.x + u * 4, area.y, area.w - u * 8, area.h};
    int ty = area.y + u * 3;
    draw_rounded(app->ui.renderer, (SDL_Rect){s->slider.x, ty - u / 3, s->slider.w, u * 2 / 3}, u / 3, th->line);
    for (int i = 0; i < s->nyears; i++) {
        int x = s->slider.x + (s->nyears > 1 ? s->slider.w * i / (s->nyears - 1) : s->slider.w / 2);
        bool on = i == s->year_index;
        char y[16];
        snprintf(y, sizeof y, "%d", s->years[i]);
        const TextBlock *b = ui_text_get(app->ui.text, y, on ? &yo : &so);
        if (on) {
            draw_circle(app->ui.renderer, (float)x, (float)ty, u * 1.4f, th->seal);
            draw_circle(app->ui.renderer, (float)x, (float)ty, u * 0.6f, th->card);
        } else {
            draw_circle(app->ui.renderer, (float)x, (float)ty, u * 0.6f, th->ink_soft);
        }
        ui_text_draw(app->ui.text, y, on ? &yo : &so, x - b->w / 2, ty + u * 2, on ? th->ink : th->ink_soft);
    }
    if (s->answered || s->year_asked == s->years[s->year_index]) {
        /* nothing extra: the prompt names the year */
    }
    /* The border's own label for the chosen year. */
    int map = current_map(s);
    const PackMap *m = &s->pack->maps[map];
    for (uint32_t k = 0; k < m->border_count; k++) {
        const PackBorder *pb = &s->pack->borders[m->border_first + k];
        if (pb->year != s->years[s->year_index])
            continue;
        TextOpts lo = {.style = TEXT_BODY, .wrap = area.w, .max_lines = 1, .align = TEXT_CENTER};
        ui_text_draw(app->ui.text, text_get(&pb->label, app->lang), &lo, area.x + area.w / 2, ty + u * 2 + th->size[TEXT_BODY] * 3 / 2, th->ink);
        break;
    }
}

/* The key to the border-by-year map, in a card at (x, y), or measured only (x < 0). */
static SDL_Rect draw_legend(MapScene *s, App *app, int at_x, int at_y)
{
    const Theme *th = app->ui.theme;
    int u = th->unit;
    TextOpts lo = {.style = TEXT_SMALL};
    const char *keys[3] = {"map.legend_border", "map.legend_earlier", "map.legend_changed"};
    int w = 0, rows = 0, line = th->size[TEXT_SMALL] * 4 / 3 + u / 2;
    for (int i = 0; i < 3; i++) {
        if (i == 1 && s->year_index == 0)
            continue;
        const TextBlock *b = ui_text_get(app->ui.text, app_tr(app, keys[i]), &lo);
        w = b->w > w ? b->w : w;
        rows++;
    }
    SDL_Rect card = {at_x, at_y, w + u * 8, rows * line + u * 2};
    if (at_x < 0)
        return card;
    draw_rounded(app->ui.renderer, card, u / 2, color_alpha(th->card, 225));
    int x = card.x + u, y = card.y + u;
    for (int i = 0; i < 3; i++) {
        if (i == 1 && s->year_index == 0)
            continue;
        float my = (float)(y + line / 2);
        if (i == 0)
            draw_line(app->ui.renderer, (float)x, my, (float)(x + u * 4), my, u * 0.45f, th->ink);
        else if (i == 1)
            for (int k = 0; k < 2; k++)
                draw_line(app->ui.renderer, x + k * u * 2.4f, my, x + k * u * 2.4f + u * 1.4f, my, u * 0.4f, th->ink_soft);
        else {
            SDL_Rect sw = {x, (int)my - u * 2 / 3, u * 4, u * 4 / 3};
            draw_rect(app->ui.renderer, sw, color_mix(th->land, th->gold, MAPVIEW_ANSWER_ALPHA / 255.0f));
            draw_rounded_outline(app->ui.renderer, sw, 0, 1, th->ink);
        }
        ui_text_draw(app->ui.text, app_tr(app, keys[i]), &lo, x + u * 6, y, th->ink);
        y += line;
    }
    return card;
}

static void map_draw(Scene *scene, App *app)
{
    MapScene *s = (MapScene *)scene;
    const Theme *th = app->ui.theme;
    int u = th->unit;
    ui_background(&app->ui, 0);
    TextOpts to = {.style = TEXT_H1, .wrap = app->ui.width * 55 / 100, .max_lines = 1};
    ui_text_draw(app->ui.text, s->title, &to, th->margin, th->margin / 2, th->ink);
    char progress[96];
    if (s->kind == MAPK_DRAG)
        snprintf(progress, sizeof progress, "%d / %d  \xC2\xB7  %s %d", s->nchips - s->chips_left, s->nchips, app_tr(app, "timeline.score"), s->score);
    else
        snprintf(progress, sizeof progress, "%d / %d  \xC2\xB7  %s %d", s->index + 1, s->count, app_tr(app, "timeline.score"), s->score);
    SDL_Rect back = ui_back_rect(&app->ui);
    TextOpts po = {.style = TEXT_H2, .align = TEXT_RIGHT};
    ui_text_draw(app->ui.text, progress, &po, back.x - u * 3, back.y, th->ink_soft);
    ui_back_button(&app->ui);

    int top = th->margin * 2 + u * 2;
    int panel_w = app->ui.width * 30 / 100;
    int slider_h = s->kind == MAPK_YEAR ? th->size[TEXT_BODY] * 3 + u * 6 : 0;
    s->map_rect = (SDL_Rect){th->margin, top, app->ui.width - 3 * th->margin - panel_w, app->ui.height - top - th->margin * 2 - slider_h};
    MapView *mv = view_for(s, app, current_map(s));
    PackItemRef ref = s->kind == MAPK_DRAG ? s->chips[0].ref : s->items[s->index];
    int fill_regions[MAX_CHIPS + 8];
    SDL_Color fill_colors[MAX_CHIPS + 8];
    int marks[MAX_CHIPS + 1];
    if (mv) {
        mapview_layout(mv, s->map_rect, u);
        MapStyle st = {.highlight_region = -1, .mark_region = -1, .highlight_river = -1, .mark_river = -1,
                       .river_labels = true, .lang = app->lang,
                       .km_format = app_tr(app, "map.km"), .north = app_tr(app, "map.north")};
        bool river = ref.kind == PACK_KIND_RIVER;
        if (s->kind == MAPK_WHICH || (s->kind == MAPK_FIND && s->answered)) {
            if (river)
                st.highlight_river = (int)ref.index;
            else
                st.highlight_region = (int)ref.index;
            st.highlight = color_alpha(th->gold, MAPVIEW_ANSWER_ALPHA);
        } else if (s->kind == MAPK_FIND && s->cursor >= 0) {
            if (river)
                st.highlight_river = s->cursor;
            else
                st.highlight_region = s->cursor;
            st.highlight = color_alpha(th->focus, MAPVIEW_FOCUS_ALPHA);
        }
        if (s->kind == MAPK_FIND) {
            st.river_labels = !river || s->answered;
            if (s->wrong_pick >= 0 && !(s->answered && s->correct)) {
                if (river)
                    st.mark_river = s->wrong_pick;
                else
                    st.mark_region = s->wrong_pick;
            }
        }
        if (s->kind == MAPK_DRAG) {
            /* The names are the question: no river or place names; placed ones show on the map. */
            st.river_labels = false;
            st.no_place_labels = true;
            int nm = 0, nf = 0;
            for (int i = 0; i < s->nchips; i++) {
                const Chip *c = &s->chips[i];
                if (c->ref.kind == PACK_KIND_PLACE)
                    marks[nm++] = (int)c->ref.index;
                if (c->ref.kind == PACK_KIND_REGION && c->placed) {
                    fill_regions[nf] = (int)c->ref.index;
                    fill_colors[nf++] = color_alpha(c->correct ? th->right : th->wrong, MAPVIEW_PLACED_ALPHA);
                }
            }
            st.place_marks = marks;
            st.nplace_marks = nm;
            st.fill_regions = fill_regions;
            st.fill_colors = fill_colors;
            st.nfill = nf;
            if (s->placing >= 0) {
                PackItemRef t = s->chips[s->target_cursor].ref;
                st.highlight = color_alpha(th->focus, MAPVIEW_FOCUS_ALPHA);
                if (t.kind == PACK_KIND_REGION)
                    st.highlight_region = (int)t.index;
                else if (t.kind == PACK_KIND_RIVER)
                    st.highlight_river = (int)t.index;
            }
        }
        if (s->kind == MAPK_YEAR && s->nyears > 0) {
            int year = s->years[s->year_index];
            st.border_year = year;
            st.prev_border_year = s->year_index > 0 ? s->years[s->year_index - 1] : 0;
            const PackMap *m = &s->pack->maps[current_map(s)];
            int nf = 0;
            for (uint32_t k = 0; k < m->region_count && nf < MAX_CHIPS + 8; k++) {
                const PackRegion *r = &s->pack->regions[m->region_first + k];
                if (r->year == year) {
                    fill_regions[nf] = (int)(m->region_first + k);
                    fill_colors[nf++] = color_alpha(th->gold, MAPVIEW_ANSWER_ALPHA);
                }
            }
            st.fill_regions = fill_regions;
            st.fill_colors = fill_colors;
            st.nfill = nf;
            marks[0] = (int)ref.index;
            st.place_marks = marks;
            st.nplace_marks = 1;
        }
        mapview_draw(mv, app->ui.renderer, app->ui.text, th, &st);
        if (s->kind == MAPK_DRAG) {
            SDL_RenderSetClipRect(app->ui.renderer, &s->map_rect);
            /* Placed names sit on their targets, with a tick or a cross. */
            for (int i = 0; i < s->nchips; i++) {
                const Chip *c = &s->chips[i];
                if (!c->placed)
                    continue;
                int x, y;
                chip_anchor(mv, c->ref, &x, &y);
                const char *name = item_name(s, c->ref, app->lang);
                SDL_Rect r = chip_rect_at(app, name, x, y + (c->ref.kind == PACK_KIND_PLACE ? u * 3 : 0), true);
                r.w += u * 3;
                draw_chip(app, name, r, th->card, c->correct ? th->right : th->wrong, false);
                if (c->correct)
                    draw_tick(app->ui.renderer, (float)(r.x + r.w - u * 2), (float)(r.y + r.h / 2), th->size[TEXT_SMALL] * 0.9f, th->right);
                else
                    draw_cross(app->ui.renderer, (float)(r.x + r.w - u * 2), (float)(r.y + r.h / 2), th->size[TEXT_SMALL] * 0.9f, th->wrong);
            }
            /* Keyboard placing: a focus ring on the target place. */
            if (s->placing >= 0 && s->chips[s->target_cursor].ref.kind == PACK_KIND_PLACE) {
                float x, y;
                if (mapview_place_screen(mv, (int)s->chips[s->target_cursor].ref.index, &x, &y))
                    draw_ring(app->ui.renderer, x, y, u * 2.4f, u * 0.5f, th->focus);
            }
            SDL_RenderSetClipRect(app->ui.renderer, NULL);
        }
    }
    if (s->kind == MAPK_YEAR) {
        draw_slider(s, app, (SDL_Rect){s->map_rect.x, s->map_rect.y + s->map_rect.h + u, s->map_rect.w, slider_h - u});
    }

    /* The panel: the question, the options, tries or names, and feedback. */
    int px = app->ui.width - th->margin - panel_w, py = top;
    /* The question in the heading face, or in bold body text when that would take more than a
     * third of the panel (large text scales): the year and the place must never be cut. */
    TextOpts qo = {.style = TEXT_H2, .wrap = panel_w, .max_lines = 8};
    if (ui_text_get(app->ui.text, s->prompt, &qo)->h > (app->ui.height - top) / 3)
        qo.style = TEXT_BODY_BOLD;
    const TextBlock *qb = ui_text_draw(app->ui.text, s->prompt, &qo, px, py, th->ink);
    py += qb->h + u * 3;
    if (s->kind == MAPK_WHICH || s->kind == MAPK_YEAR) {
        draw_options(s, app, px, &py, panel_w);
        if (s->kind == MAPK_YEAR && !s->answered) {
            /* The hint and the legend only where they fit above the hint bar. */
            int bottom = app->ui.height - th->margin * 2;
            TextOpts ho = {.style = TEXT_SMALL, .wrap = panel_w, .max_lines = 3};
            const TextBlock *hb = ui_text_get(app->ui.text, app_tr(app, "map.year_hint"), &ho);
            /* The legend under the options when it fits, else in the map's top left corner. */
            SDL_Rect lg = draw_legend(s, app, -1, 0);
            if (py + lg.h <= bottom) {
                draw_legend(s, app, px - u, py);
                py += lg.h + u * 2;
            } else {
                draw_legend(s, app, s->map_rect.x + u, s->map_rect.y + u);
            }
            if (py + hb->h <= bottom) {
                ui_text_draw(app->ui.text, app_tr(app, "map.year_hint"), &ho, px, py, th->ink_soft);
                py += hb->h + u * 2;
            }

        }
    } else if (s->kind == MAPK_FIND) {
        char tries[96];
        snprintf(tries, sizeof tries, "%s %d / %d", app_tr(app, "map.tries"), s->tries, MAPROUND_TRIES);
        TextOpts tro = {.style = TEXT_BODY, .wrap = panel_w};
        const TextBlock *tb = ui_text_draw(app->ui.text, tries, &tro, px, py, th->ink_soft);
        py += tb->h + u;
        TextOpts ho = {.style = TEXT_SMALL, .wrap = panel_w, .max_lines = 3};
        const TextBlock *hb = ui_text_draw(app->ui.text, app_tr(app, "map.find_hint"), &ho, px, py, th->ink_soft);
        py += hb->h + u * 2;
        if (!s->answered && s->wrong_pick >= 0) {
            TextOpts wo = {.style = TEXT_BODY_BOLD, .wrap = panel_w};
            draw_cross(app->ui.renderer, (float)(px + u * 1.5f), (float)(py + th->size[TEXT_BODY] * 0.7f), th->size[TEXT_BODY] * 1.0f, th->wrong);
            ui_text_draw(app->ui.text, app_tr(app, "map.try_again"), &wo, px + u * 4, py, th->wrong);
        }
    } else {
        /* Drag: the names still to place, as chips; the focused one ringed for keys and pads. */
        for (int i = 0; i < s->nchips; i++) {
            const Chip *c = &s->chips[i];
            const char *name = item_name(s, c->ref, app->lang);
            SDL_Rect r = chip_rect_at(app, name, px, py, false);
            if (r.w > panel_w)
                r.w = panel_w;
            s->buttons[i] = r;
            py += r.h + u;
            if (c->placed) {
                s->buttons[i] = (SDL_Rect){0, 0, 0, 0};
                TextOpts po2 = {.style = TEXT_BODY};
                const TextBlock *b = ui_text_draw(app->ui.text, name, &po2, px + u * 3, r.y + (r.h - th->size[TEXT_BODY] * 4 / 3) / 2, th->ink_soft);
                (void)b;
                if (c->correct)
                    draw_tick(app->ui.renderer, (float)(px + u), (float)(r.y + r.h / 2), th->size[TEXT_SMALL] * 0.9f, th->right);
                else
                    draw_cross(app->ui.renderer, (float)(px + u), (float)(r.y + r.h / 2), th->size[TEXT_SMALL] * 0.9f, th->wrong);
                continue;
            }
            if (i == s->dragging)
                draw_rounded_outline(app->ui.renderer, r, th->radius, 2, th->line);   /* its empty slot */
            else
                draw_chip(app, name, r, i == s->placing ? th->gold : th->card, th->ink, true);
            if ((ui_show_focus(&app->ui) && i == s->nav.focus && s->placing < 0) || i == s->placing)
                draw_focus_ring(app->ui.renderer, r, th->radius, u, th->focus);
            if (c->tries > 0) {
                char t[32];
                snprintf(t, sizeof t, "%d / %d", c->tries, MAPROUND_TRIES);
                TextOpts tro = {.style = TEXT_SMALL};
                ui_text_draw(app->ui.text, t, &tro, r.x + r.w + u * 2, r.y + (r.h - th->size[TEXT_SMALL] * 4 / 3) / 2, th->wrong);
            }
        }
        py += u;
        if (!s->answered) {
            const char *line = s->placing >= 0 ? "map.drag_placing" : "map.drag_hint";
            char msg[400];
            const char *names[] = {"name"};
            const char *values[] = {s->placing >= 0 ? item_name(s, s->chips[s->placing].ref, app->lang) : ""};
            i18n_format(msg, sizeof msg, app_tr(app, line), names, values, 1);
            TextOpts ho = {.style = TEXT_SMALL, .wrap = panel_w, .max_lines = 4};
            const TextBlock *hb = ui_text_get(app->ui.text, msg, &ho);
            if (py + hb->h <= app->ui.height - th->margin * 2 - th->size[TEXT_BODY] * 2) {   /* only when it fits */
                ui_text_draw(app->ui.text, msg, &ho, px, py, th->ink_soft);
                py += hb->h + u * 2;
            }
            if (s->last_chip >= 0 && s->last_result == MAPDROP_WRONG && !s->chips[s->last_chip].placed) {
                TextOpts wo = {.style = TEXT_BODY_BOLD, .wrap = panel_w - u * 4};
                draw_cross(app->ui.renderer, (float)(px + u * 1.5f), (float)(py + th->size[TEXT_BODY] * 0.7f), th->size[TEXT_BODY] * 1.0f, th->wrong);
                ui_text_draw(app->ui.text, app_tr(app, "map.try_again"), &wo, px + u * 4, py, th->wrong);
            }
        }
    }
    if (s->answered) {
        char msg[400];
        TextOpts mo = {.style = TEXT_BODY_BOLD, .wrap = panel_w - u * 4, .max_lines = 4};
        int y = s->kind == MAPK_FIND || s->kind == MAPK_DRAG ? app->ui.height - th->margin * 2 - th->size[TEXT_BODY] * 6 : py;
        bool good = s->correct;
        if (s->kind == MAPK_DRAG) {
            char a[16], b[16];
            snprintf(a, sizeof a, "%d", s->right_count);
            snprintf(b, sizeof b, "%d", s->nchips);
            const char *names[] = {"right", "total"};
            const char *values[] = {a, b};
            i18n_format(msg, sizeof msg, app_tr(app, "map.drag_done"), names, values, 2);
            good = s->right_count * 2 >= s->nchips;
        } else {
            const char *names[] = {"name"};
            const char *values[] = {s->kind == MAPK_FIND ? item_name(s, s->items[s->index], app->lang) : s->option_label[s->right]};
            i18n_format(msg, sizeof msg, app_tr(app, s->correct ? "map.right" : "map.wrong"), names, values, 1);
        }
        if (good)
            draw_tick(app->ui.renderer, (float)(px + u * 1.5f), (float)(y + th->size[TEXT_BODY] * 0.7f), th->size[TEXT_BODY] * 1.1f, th->right);
        else
            draw_cross(app->ui.renderer, (float)(px + u * 1.5f), (float)(y + th->size[TEXT_BODY] * 0.7f), th->size[TEXT_BODY] * 1.1f, th->wrong);
        const TextBlock *mb = ui_text_draw(app->ui.text, msg, &mo, px + u * 4, y, good ? th->right : th->wrong);
        /* The link under the message when it fits above the hint bar. */
        int ly = y + mb->h + u * 2;
        if (ly + th->size[TEXT_SMALL] * 2 <= app->ui.height - th->margin * 2)
            notes_link_draw(&app->ui, &s->notes, px + panel_w, ly);
    }
    /* A name being dragged follows the pointer, above everything. */
    if (s->kind == MAPK_DRAG && s->dragging >= 0) {
        const char *name = item_name(s, s->chips[s->dragging].ref, app->lang);
        SDL_Rect r = chip_rect_at(app, name, s->drag_x, s->drag_y, true);
        draw_chip(app, name, r, th->gold, th->ink, true);
        draw_circle(app->ui.renderer, (float)s->drag_x, (float)s->drag_y, u * 0.5f, th->seal);
    }
    const char *first_key = app_tr(app, "key.arrows");
    const char *first = app_tr(app, s->kind == MAPK_FIND ? "map.hint_cycle" : s->kind == MAPK_YEAR ? "map.hint_years"
                                   : s->kind == MAPK_DRAG ? "map.hint_names" : "hint.move");
    const char *hints[] = {first_key, first, app_tr(app, "key.enter"), app_tr(app, "hint.choose"),
                           app_tr(app, "map.keys_zoom"), app_tr(app, "map.hint_zoom"),
                           app_tr(app, "map.keys_pan"), app_tr(app, "map.hint_pan")};
    if (s->notes.offered) {   /* once answered, the notes key takes the place of panning's */
        hints[6] = "N";
        hints[7] = app_tr(app, "notes.link");
    }
    ui_hints(&app->ui, hints, 4);
    notes_draw(&app->ui, &s->notes, s->pack);
}

static void map_report(Scene *scene, App *app, cJSON *out)
{
    MapScene *s = (MapScene *)scene;
    cJSON_AddStringToObject(out, "level", s->level ? s->level->id : "review");
    cJSON_AddStringToObject(out, "type", KIND_NAMES[s->kind]);
    cJSON_AddNumberToObject(out, "questions", s->kind == MAPK_DRAG ? s->nchips : s->count);
    cJSON_AddNumberToObject(out, "index", s->index);
    cJSON_AddStringToObject(out, "item", pack_item_id(s->pack, s->items[s->index]));
    cJSON_AddNumberToObject(out, "tries", s->tries);
    cJSON_AddBoolToObject(out, "answered", s->answered);
    cJSON_AddNumberToObject(out, "right_option", s->kind == MAPK_WHICH || s->kind == MAPK_YEAR ? s->right + 1 : -1);
    cJSON_AddNumberToObject(out, "score", s->score);
    cJSON_AddNumberToObject(out, "answers_recorded", s->answers_recorded);
    MapView *mv = current_map(s) >= 0 && current_map(s) < MAX_VIEWS ? s->views[current_map(s)] : NULL;
    cJSON_AddNumberToObject(out, "zoom", mv ? round(mapview_zoom(mv) * 100) / 100 : 1);
    if (s->kind == MAPK_YEAR) {
        cJSON_AddNumberToObject(out, "year_asked", s->year_asked);
        cJSON_AddNumberToObject(out, "slider_year", s->nyears ? s->years[s->year_index] : 0);
        cJSON_AddStringToObject(out, "right_answer", s->noptions ? s->pack->parties[s->options[s->right]].id : "");
    }
    if (s->kind == MAPK_DRAG) {
        cJSON *chips = cJSON_AddArrayToObject(out, "chips");
        for (int i = 0; i < s->nchips; i++) {
            cJSON *c = cJSON_CreateObject();
            cJSON_AddStringToObject(c, "id", pack_item_id(s->pack, s->chips[i].ref));
            cJSON_AddNumberToObject(c, "tries", s->chips[i].tries);
            cJSON_AddStringToObject(c, "state", !s->chips[i].placed ? "left" : s->chips[i].correct ? "right" : "missed");
            cJSON_AddItemToArray(chips, c);
        }
        cJSON_AddNumberToObject(out, "left", s->chips_left);
        cJSON_AddNumberToObject(out, "placing", s->placing);
    }
    (void)app;
    cJSON_AddBoolToObject(out, "notes_open", s->notes.open);
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
