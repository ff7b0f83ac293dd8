/* FSRS-6 memory model and card scheduler (see fsrs.h for the state machine). The formulas
 * follow open-spaced-repetition/fsrs-rs src/model_v6.rs; the scheduler follows py-fsrs
 * fsrs/scheduler.py, with the ordering of the four grades' intervals of ts-fsrs 5 (next_interval
 * of its LongTermScheduler and BasicScheduler). */
#include "rules/fsrs.h"

#include <math.h>
#include <stddef.h>

const double FSRS_DEFAULT_W[FSRS_PARAM_COUNT] = {
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

static double clampd(double v, double lo, double hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static FsrsGrade clamp_grade(FsrsGrade g)
{
    return g < FSRS_AGAIN ? FSRS_AGAIN : g > FSRS_EASY ? FSRS_EASY : g;
}

void fsrs_params_default(FsrsParams *params)
{
    for (int i = 0; i < FSRS_PARAM_COUNT; i++)
        params->w[i] = FSRS_DEFAULT_W[i];
    params->desired_retention = 0.9;
    params->maximum_interval = 36500;
    params->learning_steps[0] = 60;
    params->learning_steps[1] = 600;
    params->learning_step_count = 2;
    params->relearning_steps[0] = 600;
    params->relearning_step_count = 1;
}

bool fsrs_params_set_w(FsrsParams *params, const double *w, int count)
{
    if (count != 19 && count != 21)
        return false;
    for (int i = 0; i < count; i++)
        if (!isfinite(w[i]))
            return false;
    for (int i = 0; i < count; i++)
        params->w[i] = w[i];
    if (count == 19) {
        params->w[19] = 0.0;
        params->w[20] = 0.5; /* FSRS-5's fixed decay */
    }
    return true;
}

/* F = 0.9^(-1/w20) - 1, so that R(S, S) = 0.9. */
static double factor(const double *w)
{
    return pow(0.9, -1.0 / w[20]) - 1.0;
}

double fsrs_retrievability(const double *w, double elapsed_days, double stability)
{
    if (elapsed_days < 0)
        elapsed_days = 0;
    if (stability < FSRS_S_MIN)
        stability = FSRS_S_MIN;
    return pow(1.0 + factor(w) * elapsed_days / stability, -w[20]);
}

double fsrs_initial_stability(const double *w, FsrsGrade grade)
{
    return clampd(w[clamp_grade(grade) - 1], FSRS_S_MIN, FSRS_S_MAX);
}

static double initial_difficulty_raw(const double *w, FsrsGrade grade)
{
    return w[4] - exp(w[5] * (double)((int)grade - 1)) + 1.0;
}

double fsrs_initial_difficulty(const double *w, FsrsGrade grade)
{
    return clampd(initial_difficulty_raw(w, clamp_grade(grade)), FSRS_D_MIN, FSRS_D_MAX);
}

double fsrs_next_difficulty(const double *w, double difficulty, FsrsGrade grade)
{
    grade = clamp_grade(grade);
    double delta = -w[6] * (double)((int)grade - 3);
    double damped = difficulty + (10.0 - difficulty) * delta / 9.0;  /* linear damping */
    /* mean reversion towards D0(Easy), unclamped */
    double reverted = w[7] * initial_difficulty_raw(w, FSRS_EASY) + (1.0 - w[7]) * damped;
    return clampd(reverted, FSRS_D_MIN, FSRS_D_MAX);
}

double fsrs_stability_after_recall(const double *w, double s, double d, double r, FsrsGrade grade)
{
    double hard_penalty = grade == FSRS_HARD ? w[15] : 1.0;
    double easy_bonus = grade == FSRS_EASY ? w[16] : 1.0;
    return s * (1.0 + exp(w[8]) * (11.0 - d) * pow(s, -w[9]) * (exp((1.0 - r) * w[10]) - 1.0)
                * hard_penalty * easy_bonus);
}

double fsrs_stability_after_lapse(const double *w, double s, double d, double r)
{
    double long_term = w[11] * pow(d, -w[12]) * (pow(s + 1.0, w[13]) - 1.0)
                       * exp((1.0 - r) * w[14]);
    double short_term_ceiling = s / exp(w[17] * w[18]);
    return long_term < short_term_ceiling ? long_term : short_term_ceiling;
}

double fsrs_stability_short_term(const double *w, double s, FsrsGrade grade)
{
    double sinc = exp(w[17] * ((double)grade - 3.0 + w[18])) * pow(s, -w[19]);
    /* fsrs-rs keeps the factor >= 1 for Hard, Good and Easy: a success never lowers S. */
    if (grade >= FSRS_HARD && sinc < 1.0)
        sinc = 1.0;
    return s * sinc;
}

FsrsMemory fsrs_memory_next(const double *w, const FsrsMemory *prev, int elapsed_days,
                            FsrsGrade grade)
{
    FsrsMemory next;
    grade = clamp_grade(grade);
    if (prev == NULL) {
        next.stability = fsrs_initial_stability(w, grade);
        next.difficulty = fsrs_initial_difficulty(w, grade);
        return next;
    }
    double s = clampd(prev->stability, FSRS_S_MIN, FSRS_S_MAX);
    double d = clampd(prev->difficulty, FSRS_D_MIN, FSRS_D_MAX);
    if (elapsed_days <= 0) {
        next.stability = fsrs_stability_short_term(w, s, grade);
    } else {
        double r = fsrs_retrievability(w, (double)elapsed_days, s);
        next.stability = grade == FSRS_AGAIN ? fsrs_stability_after_lapse(w, s, d, r)
                                             : fsrs_stability_after_recall(w, s, d, r, grade);
    }
    next.stability = clampd(next.stability, FSRS_S_MIN, FSRS_S_MAX);
    next.difficulty = fsrs_next_difficulty(w, d, grade);
    return next;
}

double fsrs_interval_raw(const double *w, double stability, double retention)
{
    double ivl = stability / factor(w) * (pow(retention, -1.0 / w[20]) - 1.0);
    return ivl > 0.0 ? ivl : 0.0;
}

int fsrs_interval_days(const FsrsParams *params, double stability)
{
    double ivl = round(fsrs_interval_raw(params->w, stability, params->desired_retention));
    int max = params->maximum_interval > 0 ? params->maximum_interval : 36500;
    if (ivl < 1.0)
        ivl = 1.0;
    if (ivl > (double)max)
        ivl = (double)max;
    return (int)ivl;
}

/* Makes the day intervals of the grades marked in in_days strictly increasing, in grade order,
 * as ts-fsrs does: the lowest is lowered to the next one's if longer, then each is at least one
 * day more than the one below. */
static void order_days(int days[4], const bool in_days[4])
{
    int prev = -1;
    for (int g = 0; g < 4; g++) {
        if (!in_days[g])
            continue;
        if (prev < 0) {
            for (int h = g + 1; h < 4; h++)
                if (in_days[h]) {
                    if (days[g] > days[h])
                        days[g] = days[h];
                    break;
                }
        } else if (days[g] < days[prev] + 1) {
            days[g] = days[prev] + 1;
        }
        prev = g;
    }
}

void fsrs_next_intervals(const FsrsParams *params, const FsrsMemory *prev, int elapsed_days,
                         FsrsMemory next[4], int days[4])
{
    static const bool every_grade[4] = {true, true, true, true};
    for (int g = 0; g < 4; g++) {
        next[g] = fsrs_memory_next(params->w, prev, elapsed_days, (FsrsGrade)(g + 1));
        days[g] = fsrs_interval_days(params, next[g].stability);
    }
    order_days(days, every_grade);
}

void fsrs_card_init(FsrsCard *card, int64_t now)
{
    *card = (FsrsCard){.state = FSRS_STATE_NEW, .due = now};
}

static int64_t elapsed_whole_days(const FsrsCard *card, int64_t now)
{
    if (now <= card->last_review)
        return 0;
    return (now - card->last_review) / FSRS_DAY_SECONDS;
}

double fsrs_card_retrievability(const FsrsParams *params, const FsrsCard *card, int64_t now)
{
    if (card->state == FSRS_STATE_NEW || card->stability <= 0)
        return 0.0;
    return fsrs_retrievability(params->w, (double)elapsed_whole_days(card, now), card->stability);
}

/* The next due offset in seconds for a card in (re)learning, given the grade; sets *graduate
 * when the card leaves the steps for REVIEW. */
static int64_t step_interval(const int *steps, int count, int *step, FsrsGrade grade,
                             bool *graduate)
{
    *graduate = false;
    if (count <= 0 || (*step >= count && grade != FSRS_AGAIN)) {
        *graduate = true;
        return 0;
    }
    switch (grade) {
    case FSRS_AGAIN:
        *step = 0;
        return steps[0];
    case FSRS_HARD:
        if (*step == 0 && count == 1)
            return (int64_t)steps[0] * 3 / 2;
        if (*step == 0)
            return ((int64_t)steps[0] + steps[1]) / 2;
        return steps[*step];
    case FSRS_GOOD:
        if (*step + 1 >= count) {
            *graduate = true;
            return 0;
        }
        (*step)++;
        return steps[*step];
    case FSRS_EASY:
    default:
        *graduate = true;
        return 0;
    }
}

/* One grade's review of card, all but its due time: the memory state, the state and step, the
 * counts. Returns the due offset in seconds of a (re)learning step, or sets *graduate when the
 * card goes to or stays in REVIEW (its interval in days is chosen with the other grades'). */
static int64_t review_without_interval(const FsrsParams *params, FsrsCard *card,
                                       FsrsGrade grade, int64_t now, bool *graduate)
{
    if (card->state == FSRS_STATE_NEW || card->stability <= 0) {
        FsrsMemory m = fsrs_memory_next(params->w, NULL, 0, grade);
        card->stability = m.stability;
        card->difficulty = m.difficulty;
        card->state = FSRS_STATE_LEARNING;
        card->step = 0;
    } else {
        FsrsMemory prev = {card->stability, card->difficulty};
        FsrsMemory m = fsrs_memory_next(params->w, &prev, (int)elapsed_whole_days(card, now), grade);
        card->stability = m.stability;
        card->difficulty = m.difficulty;
    }

    int64_t next_secs = 0;
    *graduate = false;
    switch (card->state) {
    case FSRS_STATE_LEARNING:
        next_secs = step_interval(params->learning_steps, params->learning_step_count, &card->step,
                                  grade, graduate);
        break;
    case FSRS_STATE_RELEARNING:
        next_secs = step_interval(params->relearning_steps, params->relearning_step_count,
                                  &card->step, grade, graduate);
        break;
    case FSRS_STATE_REVIEW:
    case FSRS_STATE_NEW:
    default:
        if (grade == FSRS_AGAIN) {
            card->lapses++;
            if (params->relearning_step_count > 0) {
                card->state = FSRS_STATE_RELEARNING;
                card->step = 0;
                next_secs = params->relearning_steps[0];
            } else {
                *graduate = true;
            }
        } else {
            *graduate = true;
        }
        break;
    }
    if (*graduate) {
        card->state = FSRS_STATE_REVIEW;
        card->step = 0;
    }
    card->reps++;
    card->last_review = now;
    return next_secs;
}

void fsrs_card_preview(const FsrsParams *params, const FsrsCard *card, int64_t now,
                       FsrsCard out[4])
{
    int64_t secs[4];
    int days[4] = {0, 0, 0, 0};
    bool in_days[4];
    for (int g = 0; g < 4; g++) {
        out[g] = *card;
        secs[g] = review_without_interval(params, &out[g], (FsrsGrade)(g + 1), now, &in_days[g]);
        if (in_days[g])
            days[g] = fsrs_interval_days(params, out[g].stability);
    }
    order_days(days, in_days);
    for (int g = 0; g < 4; g++) {
        if (in_days[g])
            secs[g] = (int64_t)days[g] * FSRS_DAY_SECONDS;
        out[g].scheduled_secs = secs[g];
        out[g].due = now + secs[g];
    }
}

void fsrs_card_review(const FsrsParams *params, FsrsCard *card, FsrsGrade grade, int64_t now)
{
    FsrsCard out[4];
    fsrs_card_preview(params, card, now, out);
    *card = out[clamp_grade(grade) - 1];
}

const char *fsrs_state_name(FsrsState state)
{
    switch (state) {
    case FSRS_STATE_NEW: return "new";
    case FSRS_STATE_LEARNING: return "learning";
    case FSRS_STATE_REVIEW: return "review";
    case FSRS_STATE_RELEARNING: return "relearning";
    }
    return "unknown";
}
