/* Classroom rounds for a projector: setup (level or preset, questions, timer, scoring, answer
 * style; teams join by pressing their buzzer), then each question with a big timer and who has
 * answered, the answer with its explanation and source, an animated scoreboard, and the final
 * ranking with a per-question review and a CSV export. The teacher drives it from the keyboard
 * or a presentation clicker. Every answer is in the progress store before the next question. */
#include "scenes/classroom/classroom.h"

#include "app/session.h"
#include "base/util.h"
#include "scenes/scenes.h"
#include "store/store.h"
#include "content/i18n.h"
#include "ui/draw.h"
#include "ui/widgets.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const int class_time_choices[CLASS_TIME_CHOICES] = {0, 10, 15, 20, 30, 45, 60};

#define ADJUST_STEP 100
#define CONFIRM_SECONDS 3.0

static int by_id(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    /* Classroom presets first, then every other level in name order. */
    bool px = strncmp(x, "classroom-", 10) == 0, py = strncmp(y, "classroom-", 10) == 0;
    if (px != py)
        return px ? -1 : 1;
    return strcmp(x, y);
}

const char *class_team_name(const ClassScene *s, int team)
{
    return s->game ? s->game->teams[team].name : "";
}

static void team_default_name(App *app, int mark, char *out, size_t cap)
{
    char key[48];
    snprintf(key, sizeof key, "classroom.team.%d", mark + 1);
    snprintf(out, cap, "%s", app_tr(app, key));
}

/* Applies a preset's values (or the defaults) to the setup fields. */
static void apply_preset(ClassScene *s, App *app)
{
    Level *lv = NULL;
    const Pack *pack = NULL;
    if (s->level_count > 0) {
        char path_id[96];
        snprintf(path_id, sizeof path_id, "%s", s->level_ids[s->level_sel]);
        lv = app_level_load(app, path_id, &pack);
    }
    LevelClassroom c = lv ? lv->classroom : (LevelClassroom){.questions = 10, .time_limit = 20};
    s->questions = c.questions > 0 ? c.questions : 10;
    s->scoring = c.fair ? CLASSROOM_SCORING_FAIR : CLASSROOM_SCORING_SPEED;
    s->style = c.buzz_in ? CLASSROOM_STYLE_BUZZ : CLASSROOM_STYLE_ALL;
    s->time_sel = 0;
    for (int i = 0; i < CLASS_TIME_CHOICES; i++)
        if (class_time_choices[i] == c.time_limit)
            s->time_sel = i;
    level_free(lv);
}

static void list_levels(ClassScene *s, App *app)
{
    char *dir = util_path_join(app->data_dir, "levels");
    DIR *dh = dir ? opendir(dir) : NULL;
    struct dirent *de;
    while (dh && (de = readdir(dh)) != NULL && s->level_count < CLASS_MAX_LEVELS) {
        size_t len = strlen(de->d_name);
        if (len > 5 && strcmp(de->d_name + len - 5, ".json") == 0 && strcmp(de->d_name, "campaign.json") != 0)
            s->level_ids[s->level_count++] = util_format("%.*s", (int)(len - 5), de->d_name);
    }
    if (dh)
        closedir(dh);
    free(dir);
    qsort(s->level_ids, (size_t)s->level_count, sizeof s->level_ids[0], by_id);
    /* Titles once, for the setup screen; levels whose pack is missing keep their id. */
    for (int i = 0; i < s->level_count; i++) {
        snprintf(s->level_title[i], sizeof s->level_title[i], "%s", s->level_ids[i]);
        char *path = util_format("%s/levels/%s.json", app->data_dir, s->level_ids[i]);
        Level *lv = NULL;
        if (path && level_load(path, NULL, &lv, NULL) == LEVEL_OK)
            snprintf(s->level_title[i], sizeof s->level_title[i], "%s", text_get(&lv->title, app->lang));
        level_free(lv);
        free(path);
    }
}

static Scene *class_create(App *app, const char *arg)
{
    ClassScene *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    list_levels(s, app);
    for (int i = 0; arg && i < s->level_count; i++)
        if (strcmp(s->level_ids[i], arg) == 0)
            s->level_sel = i;
    apply_preset(s, app);
    s->focus = CLASS_FIELD_START;
    s->view_map = -1;
    app->input.buzzer_mode = true;
    /* Projector ready: fullscreen by default when playing in a window (headless runs keep
     * --size). The player's own setting is left as it was. */
    if (app->config.run_mode == APP_RUN_PLAY && app->ui.window &&
        !(SDL_GetWindowFlags(app->ui.window) & (SDL_WINDOW_FULLSCREEN | SDL_WINDOW_FULLSCREEN_DESKTOP))) {
        SDL_SetWindowFullscreen(app->ui.window, SDL_WINDOW_FULLSCREEN_DESKTOP);
        s->went_fullscreen = true;
    }
    return &s->base;
}

static void class_destroy(Scene *scene, App *app)
{
    ClassScene *s = (ClassScene *)scene;
    app->input.buzzer_mode = false;
    if (s->went_fullscreen && app->ui.window)
        SDL_SetWindowFullscreen(app->ui.window, 0);
    for (int i = 0; i < s->level_count; i++)
        free(s->level_ids[i]);
    if (s->view)
        mapview_destroy(s->view);
    ui_layer_free(&s->setup_layer, &app->ui);
    level_free(s->level);
    free(s->game);
    free(s);
}

/* ---- The store ---- */

static void store_failed(App *app, StoreError err)
{
    char msg[300];
    snprintf(msg, sizeof msg, "%s (%s)", app_tr(app, "classroom.store_failed"), store_error_message(err));
    app_notice(app, msg, 6);
}

static void record_question(ClassScene *s, App *app, int q)
{
    if (!app->store || !s->session)
        return;
    const ClassroomGame *g = s->game;
    const char *item = pack_item_id(s->pack, g->questions[q].subject);
    for (int t = 0; t < g->team_count; t++) {
        const ClassroomAnswer *a = &g->answers[q][t];
        StoreClassroomAnswer row = {
            .session = s->session, .question_index = q, .item = item, .team_index = t,
            .choice = a->answered ? a->choice + 1 : -1, .correct = a->answered && a->correct,
            .time_ms = a->answered ? (int64_t)(a->seconds * 1000.0 + 0.5) : -1, .points = a->points};
        StoreError err = store_classroom_answer_record(app->store, &row);
        if (err != STORE_OK) {
            store_failed(app, err);
            return;
        }
        s->answers_recorded++;
    }
}

/* A teacher's adjustment (or its undo) as a row of its own: item "adjust", no choice. */
static void record_adjust(ClassScene *s, App *app, int team, int delta)
{
    if (!app->store || !s->session)
        return;
    StoreClassroomAnswer row = {.session = s->session, .question_index = s->game->current, .item = "adjust",
                                .team_index = team, .choice = -1, .correct = false, .time_ms = -1, .points = delta};
    StoreError err = store_classroom_answer_record(app->store, &row);
    if (err != STORE_OK)
        store_failed(app, err);
}

static void begin_session(ClassScene *s, App *app)
{
    if (!app->store)
        return;
    StoreError err = store_classroom_begin(app->store, s->level->id, app_now(app), &s->session);
    for (int t = 0; err == STORE_OK && t < s->game->team_count; t++)
        err = store_classroom_team_add(app->store, s->session, t, s->game->teams[t].name);
    if (err != STORE_OK) {
        store_failed(app, err);
        s->session = 0;
    }
}

static void end_session(ClassScene *s, App *app)
{
    if (!app->store || !s->session)
        return;
    StoreError err = store_classroom_end(app->store, s->session, app_now(app));
    if (err != STORE_OK)
        store_failed(app, err);
}

/* ---- Stages ---- */

static void set_stage(ClassScene *s, ClassStage stage)
{
    s->stage = stage;
    s->stage_t = 0;
    s->status[0] = '\0';
}

static void question_closed(ClassScene *s, App *app)
{
    int q = s->game->current;
    for (int t = 0; t < s->game->team_count; t++)
        s->gained[t] = s->game->answers[q][t].points;
    record_question(s, app, q);
    app_sound(app, "stamp");
    set_stage(s, CLASS_STAGE_ANSWER);
}

static void open_map_for(ClassScene *s, App *app)
{
    const ClassroomQuestion *q = &s->game->questions[s->game->current];
    if (q->kind != CLASSROOM_Q_REGION)
        return;
    int map = s->pack->regions[q->subject.index].map;
    if (map == s->view_map && s->view)
        return;
    if (s->view)
        mapview_destroy(s->view);
    char err[300];
    s->view = mapview_create(s->pack, (uint32_t)map, err, sizeof err);
    s->view_map = s->view ? map : -1;
    if (!s->view)
        app_notice(app, err, 6);
}

static void finish(ClassScene *s, App *app)
{
    classroom_end(s->game);
    end_session(s, app);
    app_sound(app, "fanfare");
    set_stage(s, CLASS_STAGE_FINAL);
}

static void next_question(ClassScene *s, App *app)
{
    if (classroom_next(s->game)) {
        open_map_for(s, app);
        set_stage(s, CLASS_STAGE_QUESTION);
    } else {
        finish(s, app);
    }
}

static void start_game(ClassScene *s, App *app)
{
    if (s->joined < CLASSROOM_MIN_TEAMS) {
        app_notice(app, app_tr(app, "classroom.need_teams"), 4);
        return;
    }
    if (s->level_count == 0)
        return;
    s->level = app_level_load(app, s->level_ids[s->level_sel], &s->pack);
    if (!s->level)
        return;
    Rng rng;
    rng_seed(&rng, app->seed);
    PackItemRef pool[512];
    size_t n = 0;
    if (!level_select_items(s->level, s->pack, &rng, pool, COUNT_OF(pool), &n))
        n = 0;
    ClassroomQuestion qs[CLASSROOM_MAX_QUESTIONS];
    uint64_t seed = s->level->select.has_seed ? s->level->select.seed : app->seed;
    int made = classroom_generate(s->pack, pool, n, s->questions, seed, qs);
    if (made == 0) {
        app_notice(app, app_tr(app, "classroom.no_questions"), 5);
        level_free(s->level);
        s->level = NULL;
        return;
    }
    s->game = calloc(1, sizeof *s->game);
    if (!s->game) {
        level_free(s->level);
        s->level = NULL;
        return;
    }
    ClassroomConfig c = {.scoring = s->scoring, .style = s->style, .time_limit = class_time_choices[s->time_sel]};
    classroom_init(s->game, &c);
    for (int t = 0; t < s->joined; t++) {
        char name[CLASSROOM_NAME_MAX];
        team_default_name(app, t, name, sizeof name);
        classroom_team_add(s->game, name, t);
    }
    classroom_start(s->game, qs, made);
    begin_session(s, app);
    open_map_for(s, app);
    app_sound(app, "confirm");
    set_stage(s, CLASS_STAGE_QUESTION);
}

/* ---- Input ---- */

static int source_team(const ClassScene *s, const Action *a)
{
    InputDevice dev = a->device == INPUT_GAMEPAD ? INPUT_GAMEPAD : INPUT_KEYBOARD;
    for (int i = 0; i < s->joined; i++)
        if (s->sources[i].device == dev && s->sources[i].slot == a->team)
            return i;
    return -1;
}

static void setup_change(ClassScene *s, App *app, int dir)
{
    switch (s->focus) {
    case CLASS_FIELD_LEVEL:
        if (s->level_count > 0) {
            s->level_sel = (s->level_sel + dir + s->level_count) % s->level_count;
            apply_preset(s, app);
        }
        break;
    case CLASS_FIELD_QUESTIONS:
        s->questions += dir;
        if (s->questions < 1)
            s->questions = CLASSROOM_MAX_QUESTIONS;
        if (s->questions > CLASSROOM_MAX_QUESTIONS)
            s->questions = 1;
        break;
    case CLASS_FIELD_TIME:
        if (s->scoring == CLASSROOM_SCORING_FAIR)
            return;   /* fair mode has no timer */
        s->time_sel = (s->time_sel + dir + CLASS_TIME_CHOICES) % CLASS_TIME_CHOICES;
        break;
    case CLASS_FIELD_SCORING:
        s->scoring = s->scoring == CLASSROOM_SCORING_FAIR ? CLASSROOM_SCORING_SPEED : CLASSROOM_SCORING_FAIR;
        if (s->scoring == CLASSROOM_SCORING_FAIR)
            s->time_sel = 0;
        else if (s->time_sel == 0)
            s->time_sel = 3;
        break;
    case CLASS_FIELD_STYLE:
        s->style = s->style == CLASSROOM_STYLE_BUZZ ? CLASSROOM_STYLE_ALL : CLASSROOM_STYLE_BUZZ;
        break;
    default:
        return;
    }
    app_sound(app, "select");
}

static SceneOutcome setup_action(ClassScene *s, App *app, const Action *a)
{
    switch (a->kind) {
    case ACTION_BUZZER: {
        int t = source_team(s, a);
        if (t < 0 && s->joined < CLASSROOM_MAX_TEAMS) {
            t = s->joined++;
            s->sources[t] = (ClassSource){a->device == INPUT_GAMEPAD ? INPUT_GAMEPAD : INPUT_KEYBOARD, a->team};
            app_sound(app, "confirm");
        }
        if (t >= 0)
            s->joined_t[t] = s->t;
        break;
    }
    case ACTION_UP:
    case ACTION_PREV:
        s->focus = (s->focus + CLASS_FIELD_COUNT - 1) % CLASS_FIELD_COUNT;
        break;
    case ACTION_DOWN:
    case ACTION_NEXT:
        s->focus = (s->focus + 1) % CLASS_FIELD_COUNT;
        break;
    case ACTION_LEFT:
        setup_change(s, app, -1);
        break;
    case ACTION_RIGHT:
        setup_change(s, app, 1);
        break;
    case ACTION_DELETE:
        /* The last team to join leaves (a wrong key pressed by accident). */
        if (s->joined > 0)
            s->joined--;
        break;
    case ACTION_CONFIRM:
    case ACTION_PAGE_DOWN:
        if (s->focus == CLASS_FIELD_START || a->kind == ACTION_PAGE_DOWN)
            start_game(s, app);
        else
            setup_change(s, app, 1);
        break;
    case ACTION_POINTER_UP:
        if (ui_back_hit(&app->ui, a))
            return scene_pop();
        for (int i = 0; i < CLASS_FIELD_COUNT; i++)
            if (point_in_rect(a->x, a->y, s->field_rects[i])) {
                s->focus = i;
                if (i == CLASS_FIELD_START)
                    start_game(s, app);
                else
                    setup_change(s, app, 1);
            }
        break;
    case ACTION_BACK:
        return scene_pop();
    default:
        break;
    }
    return scene_stay();
}

static void toggle_pause(ClassScene *s, App *app)
{
    classroom_set_paused(s->game, !s->game->paused);
    app_sound(app, "flip");
}

static void undo(ClassScene *s, App *app)
{
    ClassroomLogEntry e;
    if (!classroom_undo(s->game, &e)) {
        app_notice(app, app_tr(app, "classroom.nothing_to_undo"), 3);
        return;
    }
    if (e.kind == CLASSROOM_LOG_QUESTION) {
        if (app->store && s->session) {
            StoreError err = store_classroom_question_void(app->store, s->session, e.question);
            if (err != STORE_OK)
                store_failed(app, err);
        }
        for (int t = 0; t < s->game->team_count; t++)
            s->gained[t] = 0;
        char n[16];
        snprintf(n, sizeof n, "%d", e.question + 1);
        const char *names[1] = {"n"};
        const char *values[1] = {n};
        i18n_format(s->status, sizeof s->status, app_tr(app, "classroom.undone_question"), names, values, 1);
    } else {
        record_adjust(s, app, e.team, -e.delta);
        snprintf(s->status, sizeof s->status, "%s: %s", app_tr(app, "classroom.undone_adjust"), class_team_name(s, e.team));
    }
    app_sound(app, "flip");
}

static void adjust(ClassScene *s, App *app, int delta)
{
    if (classroom_adjust(s->game, s->team_focus, delta)) {
        record_adjust(s, app, s->team_focus, delta);
        snprintf(s->status, sizeof s->status, "%s %+d", class_team_name(s, s->team_focus), delta);
        app_sound(app, "select");
    }
}

/* The teacher's keys, the same on every stage of play. Returns true when handled. */
static bool teacher_action(ClassScene *s, App *app, const Action *a, SceneOutcome *out)
{
    *out = scene_stay();
    bool period = a->kind == ACTION_BUZZER && a->device != INPUT_GAMEPAD && a->team == 7 && a->number == 3 &&
                  source_team(s, a) < 0;
    if ((a->kind == ACTION_KEY && (a->key == 'b' || a->key == 'h')) || period) {
        if (s->stage == CLASS_STAGE_QUESTION)
            toggle_pause(s, app);
        return true;
    }
    switch (a->kind) {
    case ACTION_PAGE_UP:
    case ACTION_DELETE:
        undo(s, app);
        return true;
    case ACTION_LEFT:
    case ACTION_PREV:
        s->team_focus = (s->team_focus + s->game->team_count - 1) % s->game->team_count;
        return true;
    case ACTION_RIGHT:
    case ACTION_NEXT:
        s->team_focus = (s->team_focus + 1) % s->game->team_count;
        return true;
    case ACTION_UP:
        adjust(s, app, ADJUST_STEP);
        return true;
    case ACTION_DOWN:
        adjust(s, app, -ADJUST_STEP);
        return true;
    case ACTION_BACK:
        /* End the game: Esc twice, so a stray key never ends a lesson. */
        if (s->confirm_end && s->t < s->confirm_until) {
            s->confirm_end = false;
            if (s->stage == CLASS_STAGE_QUESTION && s->game->phase == CLASSROOM_PHASE_OPEN)
                record_question(s, app, s->game->current);   /* what was answered is kept, unscored */
            finish(s, app);
        } else {
            s->confirm_end = true;
            s->confirm_until = s->t + CONFIRM_SECONDS;
            app_notice(app, app_tr(app, "classroom.confirm_end"), CONFIRM_SECONDS);
        }
        return true;
    case ACTION_KEY:
        if (a->key == 'n') {
            /* Skip: the question is not scored; answers already given are kept with 0 points. */
            if (s->stage == CLASS_STAGE_QUESTION && classroom_skip(s->game))
                record_question(s, app, s->game->current);
            next_question(s, app);
            return true;
        }
        return false;
    default:
        return false;
    }
}

static SceneOutcome play_action(ClassScene *s, App *app, const Action *a)
{
    SceneOutcome out;
    if (a->kind == ACTION_BUZZER && s->stage == CLASS_STAGE_QUESTION) {
        int t = source_team(s, a);
        if (t >= 0) {
            ClassroomBuzz r = classroom_answer(s->game, t, a->number - 1);
            if (r == CLASSROOM_BUZZ_WRONG) {
                snprintf(s->status, sizeof s->status, "%s \xE2\x80\x94 %s", class_team_name(s, t), app_tr(app, "classroom.buzz_wrong"));
                app_sound(app, "wrong");
            } else if (r == CLASSROOM_BUZZ_LOCKED_IN || r == CLASSROOM_BUZZ_RIGHT) {
                app_sound(app, "tick");
            }
            if (s->game->phase == CLASSROOM_PHASE_CLOSED)
                question_closed(s, app);
            return scene_stay();
        }
    }
    if (teacher_action(s, app, a, &out))
        return out;
    /* A click anywhere moves on, like a clicker's Page Down. */
    bool next = a->kind == ACTION_CONFIRM || a->kind == ACTION_PAGE_DOWN || a->kind == ACTION_POINTER_UP;
    if (!next)
        return scene_stay();
    switch (s->stage) {
    case CLASS_STAGE_QUESTION:
        if (s->game->paused)
            classroom_set_paused(s->game, false);
        if (classroom_reveal(s->game))
            question_closed(s, app);
        break;
    case CLASS_STAGE_ANSWER:
        set_stage(s, CLASS_STAGE_SCOREBOARD);
        break;
    case CLASS_STAGE_SCOREBOARD:
        next_question(s, app);
        break;
    default:
        break;
    }
    return scene_stay();
}

static void export_csv(ClassScene *s, App *app)
{
    if (!app->store) {
        app_notice(app, app_tr(app, "classroom.store_failed"), 5);
        return;
    }
    char *path = util_format("%s/classroom-%lld.csv", app->user_dir, (long long)s->session);
    StoreError err = path ? store_export_csv(app->store, path, NULL) : STORE_ERR_IO;
    if (err == STORE_OK) {
        snprintf(s->export_path, sizeof s->export_path, "%s", path);
        app_sound(app, "confirm");
    } else {
        store_failed(app, err);
    }
    free(path);
}

static SceneOutcome final_action(ClassScene *s, App *app, const Action *a)
{
    switch (a->kind) {
    case ACTION_CONFIRM:
        export_csv(s, app);
        break;
    case ACTION_POINTER_UP:
        if (ui_back_hit(&app->ui, a))
            return scene_pop();
        if (point_in_rect(a->x, a->y, s->export_rect))
            export_csv(s, app);
        break;
    case ACTION_UP:
    case ACTION_PAGE_UP:
        if (s->review_top > 0)
            s->review_top--;
        break;
    case ACTION_DOWN:
    case ACTION_PAGE_DOWN:
        if (s->review_top + 1 < s->game->question_count)
            s->review_top++;
        break;
    case ACTION_SCROLL:
        s->review_top -= a->dy > 0 ? 1 : -1;
        if (s->review_top < 0)
            s->review_top = 0;
        if (s->review_top >= s->game->question_count)
            s->review_top = s->game->question_count - 1;
        break;
    case ACTION_BACK:
        return scene_pop();
    default:
        break;
    }
    return scene_stay();
}

static SceneOutcome class_action(Scene *scene, App *app, const Action *a)
{
    ClassScene *s = (ClassScene *)scene;
    if (s->stage == CLASS_STAGE_SETUP)
        return setup_action(s, app, a);
    if (s->stage == CLASS_STAGE_FINAL)
        return final_action(s, app, a);
    return play_action(s, app, a);
}

static SceneOutcome class_update(Scene *scene, App *app, double dt)
{
    ClassScene *s = (ClassScene *)scene;
    s->t += dt;
    s->stage_t += dt;
    if (s->confirm_end && s->t >= s->confirm_until)
        s->confirm_end = false;
    if (!s->game)
        return scene_stay();
    if (s->stage == CLASS_STAGE_QUESTION && classroom_tick(s->game, dt))
        question_closed(s, app);
    /* The scoreboard counts up and rows slide to their new places. */
    int order[CLASSROOM_MAX_TEAMS], rank[CLASSROOM_MAX_TEAMS];
    classroom_ranking(s->game, order, rank);
    double k = app->settings.reduced_motion ? 1.0 : (dt * 6.0 > 1.0 ? 1.0 : dt * 6.0);
    bool animate = s->stage == CLASS_STAGE_SCOREBOARD || s->stage == CLASS_STAGE_FINAL || app->settings.reduced_motion;
    for (int i = 0; i < s->game->team_count; i++) {
        int t = order[i];
        if (animate) {
            s->shown[t] += (s->game->teams[t].score - s->shown[t]) * k;
            s->shown_pos[t] += (i - s->shown_pos[t]) * k;
            if (s->shown[t] > s->game->teams[t].score - 0.5 && s->shown[t] < s->game->teams[t].score + 0.5)
                s->shown[t] = s->game->teams[t].score;
        }
    }
    return scene_stay();
}

static void class_draw_cb(Scene *scene, App *app)
{
    class_draw((ClassScene *)scene, app);
}

static const char *const STAGE_NAMES[] = {"setup", "question", "answer", "scoreboard", "final"};

static void class_report(Scene *scene, App *app, cJSON *out)
{
    ClassScene *s = (ClassScene *)scene;
    cJSON_AddStringToObject(out, "stage", STAGE_NAMES[s->stage]);
    cJSON_AddStringToObject(out, "level", s->level_count ? s->level_ids[s->level_sel] : "");
    cJSON_AddNumberToObject(out, "teams_joined", s->joined);
    /* which buzzer each team joined with: "keys N" (key set N, from 1) or "pad N" (slot, from 1) */
    cJSON *via = cJSON_AddArrayToObject(out, "joined_with");
    for (int t = 0; via && t < s->joined; t++) {
        char what[32];
        snprintf(what, sizeof what, "%s %d", s->sources[t].device == INPUT_GAMEPAD ? "pad" : "keys",
                 s->sources[t].slot + 1);
        cJSON_AddItemToArray(via, cJSON_CreateString(what));
    }
    cJSON_AddStringToObject(out, "scoring", s->scoring == CLASSROOM_SCORING_FAIR ? "fair" : "speed");
    cJSON_AddStringToObject(out, "answers", s->style == CLASSROOM_STYLE_BUZZ ? "buzz" : "all");
    cJSON_AddNumberToObject(out, "time_limit", class_time_choices[s->time_sel]);
    cJSON_AddNumberToObject(out, "questions", s->game ? s->game->question_count : s->questions);
    if (!s->game)
        return;
    const ClassroomGame *g = s->game;
    cJSON_AddNumberToObject(out, "index", g->current);
    cJSON_AddStringToObject(out, "kind", classroom_question_kind_name(g->questions[g->current].kind));
    cJSON_AddNumberToObject(out, "right_option", g->questions[g->current].right + 1);
    cJSON_AddBoolToObject(out, "paused", g->paused);
    cJSON_AddNumberToObject(out, "answers_recorded", s->answers_recorded);
    int order[CLASSROOM_MAX_TEAMS], rank[CLASSROOM_MAX_TEAMS];
    classroom_ranking(g, order, rank);
    cJSON *st = cJSON_AddArrayToObject(out, "standings");
    for (int i = 0; i < g->team_count; i++) {
        int t = order[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "rank", rank[t]);
        cJSON_AddStringToObject(o, "team", g->teams[t].name);
        cJSON_AddNumberToObject(o, "score", g->teams[t].score);
        cJSON_AddItemToArray(st, o);
    }
    cJSON_AddStringToObject(out, "export", s->export_path[0] ? "written" : "");
    (void)app;
}

const SceneVtable scene_classroom = {
    .name = "classroom",
    .create = class_create,
    .destroy = class_destroy,
    .action = class_action,
    .update = class_update,
    .draw = class_draw_cb,
    .report = class_report,
};
