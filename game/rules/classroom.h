/* Classroom rounds as pure rules: questions generated from a pack (when was it signed, which
 * treaty, which came first, put four in order, which region on the map), teams with a name and a
 * colour-and-shape mark, Kahoot-style speed points with streaks or flat "fair mode" points, two
 * answer styles (every team locks in; buzz-in with lockout), teacher controls (pause, skip,
 * reveal, undo, adjust, end) and a ranking with ties. Seeded, no SDL, no clock: time comes in
 * as seconds through classroom_tick. */
#ifndef FRONTIERS_CLASSROOM_H
#define FRONTIERS_CLASSROOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content/pack.h"

#define CLASSROOM_MIN_TEAMS 2
#define CLASSROOM_MAX_TEAMS 8
#define CLASSROOM_MAX_QUESTIONS 30
#define CLASSROOM_OPTIONS 4
#define CLASSROOM_NAME_MAX 32
#define CLASSROOM_FULL_POINTS 1000      /* a right answer within CLASSROOM_FULL_SECONDS */
#define CLASSROOM_FULL_SECONDS 0.5
#define CLASSROOM_STREAK_STEP 100       /* bonus per streak step after the first right answer */
#define CLASSROOM_STREAK_CAP 500
#define CLASSROOM_LOG_MAX 256           /* undo history */

typedef enum ClassroomQuestionKind {
    CLASSROOM_Q_WHEN_SIGNED = 0,   /* a treaty: which of four years */
    CLASSROOM_Q_WHICH_TREATY,      /* "signed in YEAR at PLACE": which of four treaties */
    CLASSROOM_Q_FIRST,             /* four dated items: which came first */
    CLASSROOM_Q_ORDER,             /* four dated items A-D: which of four orders is right */
    CLASSROOM_Q_REGION,            /* a region highlighted on the map: which of four names */
    CLASSROOM_Q_KIND_COUNT
} ClassroomQuestionKind;

typedef struct ClassroomQuestion {
    ClassroomQuestionKind kind;
    PackItemRef subject;                   /* what the question is about (stored, explained) */
    PackItemRef items[CLASSROOM_OPTIONS];  /* option items; ORDER: the four items A-D */
    int years[CLASSROOM_OPTIONS];          /* WHEN_SIGNED: the four years */
    int8_t orders[CLASSROOM_OPTIONS][CLASSROOM_OPTIONS];   /* ORDER: option -> item indices */
    int right;                             /* the right option, 0-3 */
} ClassroomQuestion;

typedef enum ClassroomScoring {
    CLASSROOM_SCORING_SPEED = 0,   /* speed points and streaks */
    CLASSROOM_SCORING_FAIR,        /* flat points, no timer, no streak */
} ClassroomScoring;

typedef enum ClassroomStyle {
    CLASSROOM_STYLE_ALL = 0,       /* every team locks in one answer */
    CLASSROOM_STYLE_BUZZ,          /* first buzz answers; a wrong buzz locks that team out */
} ClassroomStyle;

typedef struct ClassroomConfig {
    ClassroomScoring scoring;
    ClassroomStyle style;
    int time_limit;                /* seconds per question, 0 = no timer (always 0 in fair mode) */
} ClassroomConfig;

typedef struct ClassroomTeam {
    char name[CLASSROOM_NAME_MAX];
    int mark;                      /* 0..CLASSROOM_MAX_TEAMS-1: colour and shape together */
    int score;
    int streak;                    /* consecutive questions scored */
} ClassroomTeam;

typedef struct ClassroomAnswer {
    bool answered;
    bool locked_out;               /* buzz-in: buzzed wrong */
    int choice;                    /* 0-3, -1 none */
    double seconds;                /* from the question opening */
    int order;                     /* 1 = first to answer */
    bool correct;
    int points;                    /* awarded when the question closed (0 after undo) */
} ClassroomAnswer;

typedef enum ClassroomPhase {
    CLASSROOM_PHASE_SETUP = 0,
    CLASSROOM_PHASE_OPEN,          /* answers are taken */
    CLASSROOM_PHASE_CLOSED,        /* revealed (scored) or skipped */
    CLASSROOM_PHASE_OVER,
} ClassroomPhase;

typedef enum ClassroomLogKind { CLASSROOM_LOG_QUESTION, CLASSROOM_LOG_ADJUST } ClassroomLogKind;

typedef struct ClassroomLogEntry {
    ClassroomLogKind kind;
    int question;                  /* QUESTION: which one was scored */
    int team, delta;               /* ADJUST */
    int scores[CLASSROOM_MAX_TEAMS], streaks[CLASSROOM_MAX_TEAMS];   /* before */
} ClassroomLogEntry;

typedef struct ClassroomGame {
    ClassroomConfig config;
    ClassroomTeam teams[CLASSROOM_MAX_TEAMS];
    int team_count;
    ClassroomQuestion questions[CLASSROOM_MAX_QUESTIONS];
    int question_count;
    int current;
    ClassroomPhase phase;
    double elapsed;                /* seconds the current question has been open */
    bool paused;
    int answer_count;              /* answers (or buzzes) taken for the current question */
    ClassroomAnswer answers[CLASSROOM_MAX_QUESTIONS][CLASSROOM_MAX_TEAMS];
    bool skipped[CLASSROOM_MAX_QUESTIONS];
    bool voided[CLASSROOM_MAX_QUESTIONS];   /* scoring undone */
    ClassroomLogEntry log[CLASSROOM_LOG_MAX];
    int log_count;
} ClassroomGame;

/* ---- Scoring ---- */

/* Points for a right answer after `seconds` with a limit of `limit` seconds: full points up to
 * half a second, then falling linearly to half at the limit (and never below half). No limit
 * (limit <= 0): full points. */
int classroom_speed_points(double seconds, int limit);
/* The streak bonus for the n-th right answer in a row: 0 for the first, +100 per step, capped. */
int classroom_streak_bonus(int streak);

/* ---- Questions ---- */

/* Generates up to `count` questions from the level's dealt items `pool` (any kinds) and the
 * rest of the pack for distractors, rotating through the kinds the pool allows. Deterministic
 * for a seed. Returns the number generated (0 when the pool offers no question at all). */
int classroom_generate(const Pack *pack, const PackItemRef *pool, size_t pool_count, int count,
                       uint64_t seed, ClassroomQuestion *out);
/* Stable names: "when-signed", "which-treaty", "first", "order", "region". */
const char *classroom_question_kind_name(ClassroomQuestionKind kind);

/* ---- The game ---- */

/* A game in setup with no team and no question. Fair mode forces time_limit to 0. */
void classroom_init(ClassroomGame *g, const ClassroomConfig *config);
/* Adds a team (setup only). Returns its index or -1 when full, not in setup or the name empty. */
int classroom_team_add(ClassroomGame *g, const char *name, int mark);
/* Starts play with these questions (copied); false with fewer than two teams or no question. */
bool classroom_start(ClassroomGame *g, const ClassroomQuestion *questions, int count);

typedef enum ClassroomBuzz {
    CLASSROOM_BUZZ_IGNORED = 0,    /* closed, paused, unknown team, already answered or locked out */
    CLASSROOM_BUZZ_LOCKED_IN,      /* every-team style: answer taken */
    CLASSROOM_BUZZ_RIGHT,          /* buzz-in: right, the question closes */
    CLASSROOM_BUZZ_WRONG,          /* buzz-in: wrong, the team is locked out, the others go on */
} ClassroomBuzz;

/* A team pressed answer button 0-3. Closes (and scores) the question when every team has
 * answered, a buzz is right, or every team is locked out. */
ClassroomBuzz classroom_answer(ClassroomGame *g, int team, int choice);
/* Advances the clock of the open question (not while paused). Returns true when the time limit
 * closed it just now (scored). */
bool classroom_tick(ClassroomGame *g, double dt);
void classroom_set_paused(ClassroomGame *g, bool paused);
/* Closes the open question and scores it. False when no question is open. */
bool classroom_reveal(ClassroomGame *g);
/* Closes the open question without points (answers given so far are kept, at 0 points).
 * False when no question is open. classroom_next moves on. */
bool classroom_skip(ClassroomGame *g);
/* After a question closed: opens the next one, or ends the game after the last. Returns true
 * when a new question opened. */
bool classroom_next(ClassroomGame *g);
/* Undoes the last scoring (a question's points or an adjustment). *what receives the entry
 * undone. False when there is nothing to undo. */
bool classroom_undo(ClassroomGame *g, ClassroomLogEntry *what);
/* Adds delta (may be negative) to a team's score; undoable. */
bool classroom_adjust(ClassroomGame *g, int team, int delta);
void classroom_end(ClassroomGame *g);
/* True when every team has answered (or is locked out) of the open question. */
bool classroom_all_answered(const ClassroomGame *g);

/* The teams from best to worst score (ties keep team order) in order[], and each team's rank
 * (1-based, shared by equal scores: 1, 1, 3) in rank[] indexed by team. */
void classroom_ranking(const ClassroomGame *g, int order[CLASSROOM_MAX_TEAMS],
                       int rank[CLASSROOM_MAX_TEAMS]);

#endif
