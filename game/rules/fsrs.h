/* FSRS-6, the memory model Anki uses: how stable and how difficult each remembered item is,
 * how likely it is to be recalled now, and when to ask again. Pure (libc + math); every time
 * is a parameter (unix seconds), nothing reads the clock.
 *
 * Two layers:
 *  1. The model: retrievability, first review, difficulty with mean reversion, stability after
 *     a recall / a lapse / a same-day review, and the interval for a desired retention. These
 *     follow fsrs-rs (src/model_v6.rs) formula for formula, in double precision; the stability
 *     is clamped to [FSRS_S_MIN, FSRS_S_MAX] after each step and the difficulty to [1, 10].
 *     fsrs_memory_next() is fsrs-rs's `step`: elapsed_days == 0 means a same-day review.
 *  2. The card scheduler (fsrs_card_review), like py-fsrs's Scheduler, with Anki's learning
 *     steps. States and transitions (grades 1 Again, 2 Hard, 3 Good, 4 Easy):
 *
 *       NEW --any grade--> (first review: S0 = w[G-1], D0(G)) then as LEARNING at step 0
 *       LEARNING step k:   Again -> step 0, due in learning_steps[0]
 *                          Hard  -> same step, due in (steps[0]+steps[1])/2 at step 0 (1.5x when
 *                                   there is one step), else steps[k]
 *                          Good  -> step k+1, due in steps[k+1]; past the last step: REVIEW
 *                          Easy  -> REVIEW
 *       REVIEW:            Again -> RELEARNING step 0 (a lapse), due in relearning_steps[0]
 *                          Hard/Good/Easy -> REVIEW, due in fsrs_interval_days(S) days (ordered)
 *       RELEARNING step k: as LEARNING, with relearning_steps; graduating goes back to REVIEW
 *     With no (re)learning steps configured, every review goes straight to REVIEW.
 *     The grades of one review whose outcome is a whole number of days (those that go to or stay
 *     in REVIEW) get strictly increasing intervals, as in ts-fsrs's schedulers: the lowest
 *     of them is lowered to the next one's interval if it was longer, then each next one is at
 *     least one day more than the one below (see fsrs_next_intervals). So a card in REVIEW offers
 *     Again (minutes) < Hard < Good < Easy, never Hard = Good.
 *     Elapsed days are whole days, floor((now - last_review) / 86400), as in py-fsrs; a review
 *     less than a day after the previous one uses the same-day (short-term) stability.
 *     Intervals are not fuzzed (a game wants reproducible schedules). */
#ifndef FRONTIERS_FSRS_H
#define FRONTIERS_FSRS_H

#include <stdbool.h>
#include <stdint.h>

#define FSRS_PARAM_COUNT 21
#define FSRS_S_MIN 0.001
#define FSRS_S_MAX 36500.0
#define FSRS_D_MIN 1.0
#define FSRS_D_MAX 10.0
#define FSRS_MAX_STEPS 8
#define FSRS_DAY_SECONDS 86400

typedef enum FsrsGrade {
    FSRS_AGAIN = 1,
    FSRS_HARD = 2,
    FSRS_GOOD = 3,
    FSRS_EASY = 4,
} FsrsGrade;

typedef enum FsrsState {
    FSRS_STATE_NEW = 0,
    FSRS_STATE_LEARNING = 1,
    FSRS_STATE_REVIEW = 2,
    FSRS_STATE_RELEARNING = 3,
} FsrsState;

typedef struct FsrsParams {
    double w[FSRS_PARAM_COUNT];
    double desired_retention;      /* default 0.9 */
    int maximum_interval;          /* days, default 36500 */
    int learning_steps[FSRS_MAX_STEPS];   /* seconds; default 60, 600 */
    int learning_step_count;
    int relearning_steps[FSRS_MAX_STEPS]; /* seconds; default 600 */
    int relearning_step_count;
} FsrsParams;

/* The memory state the model works on. */
typedef struct FsrsMemory {
    double stability;   /* days until retrievability falls to 90% */
    double difficulty;  /* 1 (easy) .. 10 (hard) */
} FsrsMemory;

/* One remembered item as the scheduler sees it. */
typedef struct FsrsCard {
    FsrsState state;
    int step;              /* learning or relearning step; 0 otherwise */
    double stability;      /* 0 while NEW */
    double difficulty;     /* 0 while NEW */
    int64_t due;           /* unix seconds */
    int64_t last_review;   /* unix seconds; 0 while NEW */
    int64_t scheduled_secs; /* the interval chosen at the last review */
    int reps;
    int lapses;            /* REVIEW -> Again */
} FsrsCard;

extern const double FSRS_DEFAULT_W[FSRS_PARAM_COUNT];

/* Defaults: the 21 FSRS-6 parameters, retention 0.9, maximum 36500 days, learning steps
 * 1 min and 10 min, relearning step 10 min (Anki's and py-fsrs's defaults). */
void fsrs_params_default(FsrsParams *params);
/* Fills params->w from 21 values, or 19 (FSRS-5: w19 = 0, w20 = 0.5) as the references do.
 * Returns false for another count or a non-finite value. */
bool fsrs_params_set_w(FsrsParams *params, const double *w, int count);

/* The model (w is FsrsParams.w). */
double fsrs_retrievability(const double *w, double elapsed_days, double stability);
double fsrs_initial_stability(const double *w, FsrsGrade grade);
double fsrs_initial_difficulty(const double *w, FsrsGrade grade);          /* clamped */
double fsrs_next_difficulty(const double *w, double difficulty, FsrsGrade grade); /* clamped */
double fsrs_stability_after_recall(const double *w, double s, double d, double r, FsrsGrade grade);
double fsrs_stability_after_lapse(const double *w, double s, double d, double r);
double fsrs_stability_short_term(const double *w, double s, FsrsGrade grade);
/* One review. prev NULL: the first review (initial S and D). elapsed_days 0: same-day. */
FsrsMemory fsrs_memory_next(const double *w, const FsrsMemory *prev, int elapsed_days,
                            FsrsGrade grade);
/* The unrounded interval in days for a retention (never negative, not clamped above). */
double fsrs_interval_raw(const double *w, double stability, double retention);
/* The interval in whole days: rounded, clamped to [1, params->maximum_interval]. */
int fsrs_interval_days(const FsrsParams *params, double stability);
/* One review without learning steps, for each grade at once (ts-fsrs's long-term scheduler, the
 * schedule `frontiers memory-trace` prints): next[g - 1] is the memory state after grade g and
 * days[g - 1] its interval, strictly increasing from Again to Easy:
 *   again = min(again, hard), hard = max(hard, again + 1), good = max(good, hard + 1),
 *   easy = max(easy, good + 1),
 * each starting from fsrs_interval_days of that grade's stability (so, as in ts-fsrs, the top
 * ones may pass maximum_interval by a few days). prev NULL: a new item; elapsed_days 0: a
 * same-day review (fsrs_memory_next). A new item gets 1, 2, 3 and 8 days. */
void fsrs_next_intervals(const FsrsParams *params, const FsrsMemory *prev, int elapsed_days,
                         FsrsMemory next[4], int days[4]);

/* The scheduler. */
void fsrs_card_init(FsrsCard *card, int64_t now);
/* Retrievability of a card at now; 0 for a NEW card. */
double fsrs_card_retrievability(const FsrsParams *params, const FsrsCard *card, int64_t now);
/* The card after each grade 1..4 at now (out[g - 1]), the day intervals ordered as above; what
 * the grade buttons show and what fsrs_card_review applies. */
void fsrs_card_preview(const FsrsParams *params, const FsrsCard *card, int64_t now,
                       FsrsCard out[4]);
/* Applies one review at now: out[grade - 1] of fsrs_card_preview. Grades outside 1..4 are
 * clamped. */
void fsrs_card_review(const FsrsParams *params, FsrsCard *card, FsrsGrade grade, int64_t now);

const char *fsrs_state_name(FsrsState state);

#endif
