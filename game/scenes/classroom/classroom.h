/* The classroom scene's state, shared by its logic (classroom.c) and its drawing
 * (classroom_draw.c). One scene walks through setup, questions, the answer, the scoreboard and
 * the final ranking, so the teams and the store session live in one place. */
#ifndef FRONTIERS_CLASSROOM_SCENE_H
#define FRONTIERS_CLASSROOM_SCENE_H

#include "content/level.h"
#include "app/scene.h"
#include "rules/classroom.h"
#include "ui/layer.h"
#include "ui/mapview.h"

#include <SDL.h>

#define CLASS_MAX_LEVELS 64
#define CLASS_TIME_CHOICES 7

typedef enum ClassStage {
    CLASS_STAGE_SETUP = 0,
    CLASS_STAGE_QUESTION,
    CLASS_STAGE_ANSWER,       /* the right answer, a one-line explanation and its source */
    CLASS_STAGE_SCOREBOARD,
    CLASS_STAGE_FINAL,
} ClassStage;

typedef enum ClassField {
    CLASS_FIELD_LEVEL = 0,
    CLASS_FIELD_QUESTIONS,
    CLASS_FIELD_TIME,
    CLASS_FIELD_SCORING,
    CLASS_FIELD_STYLE,
    CLASS_FIELD_START,
    CLASS_FIELD_COUNT
} ClassField;

/* Where a team's buzzes come from: a keyboard key set or a game controller. */
typedef struct ClassSource {
    InputDevice device;       /* INPUT_KEYBOARD (script buzzers too) or INPUT_GAMEPAD */
    int slot;                 /* key set 0-7 or controller slot */
} ClassSource;

typedef struct ClassScene {
    Scene base;
    ClassStage stage;
    double t, stage_t;
    bool went_fullscreen;

    /* Setup */
    char *level_ids[CLASS_MAX_LEVELS];
    int level_count, level_sel;
    char level_title[CLASS_MAX_LEVELS][160];
    int questions, time_sel;
    ClassroomScoring scoring;
    ClassroomStyle style;
    int focus;                /* ClassField */
    ClassSource sources[CLASSROOM_MAX_TEAMS];
    double joined_t[CLASSROOM_MAX_TEAMS];   /* last press, for the "that's you" flash */
    int joined;
    SDL_Rect field_rects[CLASS_FIELD_COUNT];
    UiLayer setup_layer;      /* the setup screen while nothing on it changes */

    /* Play */
    Level *level;
    const Pack *pack;
    ClassroomGame *game;
    int64_t session;          /* store session id, 0 without a store */
    int answers_recorded;
    int team_focus;           /* the team the arrows adjust */
    bool confirm_end;
    double confirm_until;
    double shown[CLASSROOM_MAX_TEAMS];       /* animated scores */
    double shown_pos[CLASSROOM_MAX_TEAMS];   /* animated scoreboard rows */
    int gained[CLASSROOM_MAX_TEAMS];         /* points from the last question */
    MapView *view;
    int view_map;
    int review_top;           /* final screen: first question row shown */
    SDL_Rect export_rect;
    char export_path[600];
    char status[200];         /* "Blue Triangles buzzed: wrong" and the like */
} ClassScene;

extern const int class_time_choices[CLASS_TIME_CHOICES];

/* Drawing (classroom_draw.c). */
void class_draw(ClassScene *s, App *app);
/* The text of option i of the current question, and the question prompt. */
void class_option_text(const ClassScene *s, App *app, const ClassroomQuestion *q, int i, char *out, size_t cap);
void class_prompt(const ClassScene *s, App *app, const ClassroomQuestion *q, char *out, size_t cap);
/* The team's display name (the chosen name; default "Red Circles" and so on). */
const char *class_team_name(const ClassScene *s, int team);

#endif
