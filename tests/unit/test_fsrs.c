/* Unit tests for game/rules/fsrs: the FSRS-6 model against the expected values published in
 * the reference implementations' own unit tests (each value cites its repository, file and
 * commit), and the learning-step scheduler against py-fsrs's scheduler tests. */
#include "check.h"
#include "rules/fsrs.h"

#include <stddef.h>

#define DAY FSRS_DAY_SECONDS

/* fsrs-rs src/inference.rs @037345fd57472ea392a6086f217b1c73a9fa171a, `PARAMETERS` (a 19-value
 * FSRS-5 set; fsrs-rs fills w19 = 0, w20 = 0.5 (FSRS5_DEFAULT_DECAY) for it). */
static const double FSRS_RS_TEST_PARAMETERS[19] = {
    0.6845422, 1.6790825, 4.7349424, 10.042885, 7.4410233, 0.64219797, 1.071918, 0.0025195254,
    1.432437, 0.1544, 0.8692766, 2.0696752, 0.0953, 0.2975, 2.4691248, 0.19542035, 3.201072,
    0.18046261, 0.121442534,
};

static FsrsMemory run_history(const double *w, const int *grades, const int *deltas, int n)
{
    FsrsMemory m = {0, 0};
    for (int i = 0; i < n; i++)
        m = fsrs_memory_next(w, i == 0 ? NULL : &m, deltas[i], (FsrsGrade)grades[i]);
    return m;
}

/* fsrs-rs src/model_v6.rs @48b7d2f61fa51b16b1c74c9271b01f33fd5adbb0, test_power_forgetting_curve */
static void retrievability_should_match_fsrs_rs_power_forgetting_curve(void)
{
    const double t[6] = {0, 1, 2, 3, 4, 5};
    const double s[6] = {1, 2, 3, 4, 4, 2};
    const double expected[6] = {1.0, 0.9403443, 0.9253786, 0.9185229, 0.9, 0.8261359};
    for (int i = 0; i < 6; i++)
        CHECK_NEAR(fsrs_retrievability(FSRS_DEFAULT_W, t[i], s[i]), expected[i], 1e-5);
}

/* fsrs-rs src/inference.rs @037345fd..., current_retrievability: S = 1, decay w20 = 0.2 */
static void retrievability_should_follow_the_decay_parameter(void)
{
    double w[FSRS_PARAM_COUNT];
    for (int i = 0; i < FSRS_PARAM_COUNT; i++)
        w[i] = FSRS_DEFAULT_W[i];
    w[20] = 0.2;
    CHECK_NEAR(fsrs_retrievability(w, 0, 1.0), 1.0, 1e-6);
    CHECK_NEAR(fsrs_retrievability(w, 1, 1.0), 0.9, 1e-6);
    CHECK_NEAR(fsrs_retrievability(w, 2, 1.0), 0.84028935, 1e-6);
    CHECK_NEAR(fsrs_retrievability(w, 3, 1.0), 0.7985001, 1e-6);
}

/* ts-fsrs packages/fsrs/__tests__/FSRS-6.test.ts @32b6081475fe4d195b51f87e084b12efaaa97af8,
 * 'first repeat': S = w0..w3, D = [6.4133, 5.11217071, 2.11810397, 1] */
static void first_review_should_set_initial_stability_and_difficulty(void)
{
    const double s[4] = {0.212, 1.2931, 2.3065, 8.2956};
    const double d[4] = {6.4133, 5.11217071, 2.11810397, 1};
    for (int g = 1; g <= 4; g++) {
        FsrsMemory m = fsrs_memory_next(FSRS_DEFAULT_W, NULL, 0, (FsrsGrade)g);
        CHECK_NEAR(m.stability, s[g - 1], 1e-9);
        CHECK_NEAR(m.difficulty, d[g - 1], 1e-7);
    }
}

/* fsrs-rs src/model_v6.rs @48b7d2f6..., test_next_difficulty: D = 5 for grades 1..4; first the
 * damped update alone (derived here as D + (10-D)/9 * -w6 (G-3)), then with mean reversion. */
static void next_difficulty_should_match_fsrs_rs_with_mean_reversion(void)
{
    const double damped[4] = {8.354889, 6.6774445, 5.0, 3.3225555};
    const double reverted[4] = {8.341763, 6.6659956, 4.990228, 3.3144615};
    for (int g = 1; g <= 4; g++) {
        double delta = -FSRS_DEFAULT_W[6] * (g - 3);
        CHECK_NEAR(5.0 + (10.0 - 5.0) * delta / 9.0, damped[g - 1], 1e-5);
        CHECK_NEAR(fsrs_next_difficulty(FSRS_DEFAULT_W, 5.0, (FsrsGrade)g), reverted[g - 1], 1e-5);
    }
}

/* fsrs-rs src/model_v6.rs @48b7d2f6..., test_next_stability: S = 5, D = 1..4, R = 0.9..0.6 */
static void stability_updates_should_match_fsrs_rs_next_stability(void)
{
    const double d[4] = {1, 2, 3, 4};
    const double r[4] = {0.9, 0.8, 0.7, 0.6};
    const double recall[4] = {25.602541, 28.226582, 58.656002, 127.226685};
    const double lapse[4] = {1.0525396, 1.1894329, 1.3680838, 1.584989};
    const double short_term[4] = {1.596818, 5.0, 5.0, 8.12961};
    for (int g = 1; g <= 4; g++) {
        int i = g - 1;
        CHECK_NEAR(fsrs_stability_after_recall(FSRS_DEFAULT_W, 5, d[i], r[i], (FsrsGrade)g),
                   recall[i], 1e-4);
        CHECK_NEAR(fsrs_stability_after_lapse(FSRS_DEFAULT_W, 5, d[i], r[i]), lapse[i], 1e-4);
        CHECK_NEAR(fsrs_stability_short_term(FSRS_DEFAULT_W, 5, (FsrsGrade)g), short_term[i], 1e-4);
    }
}

/* fsrs-rs src/model_v6.rs @48b7d2f6..., test_forward: two reviews per column, delta 0 then
 * [1, 1, 1, 1, 2, 2], grades [1, 2, 3, 4, 1, 2] both times. */
static void two_reviews_should_match_fsrs_rs_forward(void)
{
    const int grades[6] = {1, 2, 3, 4, 1, 2};
    const int second_delta[6] = {1, 1, 1, 1, 2, 2};
    const double s[6] = {0.10088589, 3.2494123, 7.3153, 18.014914, 0.112798266, 4.4694576};
    const double d[6] = {8.806304, 6.7404594, 2.1112142, 1.0, 8.806304, 6.7404594};
    for (int i = 0; i < 6; i++) {
        int g[2] = {grades[i], grades[i]};
        int t[2] = {0, second_delta[i]};
        FsrsMemory m = run_history(FSRS_DEFAULT_W, g, t, 2);
        CHECK_NEAR(m.stability, s[i], 1e-4);
        CHECK_NEAR(m.difficulty, d[i], 1e-4);
    }
}

/* fsrs-rs src/inference.rs @037345fd..., test_memory_state (quoted by ts-fsrs FSRS-6.test.ts
 * 'memory state'): grades [1,3,3,3,3,3], intervals [0,0,1,3,8,21] -> S 53.62691, D 6.3574867;
 * with w17 = w18 = w19 = 0 (short-term frozen) -> S 53.335106, same D. */
static void memory_state_should_match_fsrs_rs_test_memory_state(void)
{
    const int grades[6] = {1, 3, 3, 3, 3, 3};
    const int deltas[6] = {0, 0, 1, 3, 8, 21};
    FsrsMemory m = run_history(FSRS_DEFAULT_W, grades, deltas, 6);
    CHECK_NEAR(m.stability, 53.62691, 1e-4);
    CHECK_NEAR(m.difficulty, 6.3574867, 1e-4);

    double w[FSRS_PARAM_COUNT];
    for (int i = 0; i < FSRS_PARAM_COUNT; i++)
        w[i] = FSRS_DEFAULT_W[i];
    w[17] = w[18] = w[19] = 0.0;
    m = run_history(w, grades, deltas, 6);
    CHECK_NEAR(m.stability, 53.335106, 1e-4);
    CHECK_NEAR(m.difficulty, 6.3574867, 1e-4);
}

/* fsrs-rs src/inference.rs @037345fd..., test_memo_state and next_states, with the 19-value
 * PARAMETERS filled to 21 as fsrs-rs does. */
static void memory_state_should_match_fsrs_rs_with_fsrs5_parameters(void)
{
    FsrsParams p;
    fsrs_params_default(&p);
    CHECK(fsrs_params_set_w(&p, FSRS_RS_TEST_PARAMETERS, 19));
    CHECK_NEAR(p.w[19], 0.0, 0);
    CHECK_NEAR(p.w[20], 0.5, 0);

    const int grades[5] = {1, 3, 3, 3, 3};
    const int deltas[5] = {0, 1, 3, 8, 21};
    FsrsMemory m = run_history(p.w, grades, deltas, 5);
    CHECK_NEAR(m.stability, 31.722992, 1e-4);
    CHECK_NEAR(m.difficulty, 7.382128, 1e-4);

    FsrsMemory given = {20.925528, 7.005062};
    m = fsrs_memory_next(p.w, &given, 21, FSRS_GOOD);
    CHECK_NEAR(m.stability, 40.87456, 1e-4);
    CHECK_NEAR(m.difficulty, 6.9913807, 1e-4);

    /* next_states: after the first four reviews, each grade 21 days later */
    FsrsMemory four = run_history(p.w, grades, deltas, 4);
    const double s[4] = {2.9691455, 17.091452, 31.722992, 71.7502};
    const double d[4] = {8.000659, 7.6913934, 7.382128, 7.0728626};
    for (int g = 1; g <= 4; g++) {
        FsrsMemory n = fsrs_memory_next(p.w, &four, 21, (FsrsGrade)g);
        CHECK_NEAR(n.stability, s[g - 1], 1e-4);
        CHECK_NEAR(n.difficulty, d[g - 1], 1e-4);
        /* FSRS-5 decay: at retention 0.9 the interval equals the stability */
        CHECK_NEAR(fsrs_interval_raw(p.w, n.stability, 0.9), s[g - 1], 1e-4);
    }
}

/* fsrs-rs src/inference.rs @037345fd..., test_next_interval: S = 1, retention 0.1 .. 1.0,
 * rounded, at least 1 (no upper clamp in that test). fsrs-rs computes in f32: its 3116766 for
 * retention 0.1 is within f32 rounding (1e-6 relative) of the double result 3116769. */
static void interval_should_match_fsrs_rs_test_next_interval(void)
{
    const long expected[10] = {3116766, 34793, 2508, 387, 90, 27, 9, 3, 1, 1};
    for (int i = 1; i <= 10; i++) {
        double ivl = round(fsrs_interval_raw(FSRS_DEFAULT_W, 1.0, i / 10.0));
        if (ivl < 1)
            ivl = 1;
        if (i == 1)
            CHECK_NEAR(ivl, (double)expected[0], 2e-6 * (double)expected[0]);
        else
            CHECK_INT((long)ivl, expected[i - 1]);
    }
    /* fsrs-rs src/model_v6.rs @48b7d2f6..., test_next_interval_scalar_is_fractional */
    CHECK_NEAR(fsrs_interval_raw(FSRS_DEFAULT_W, 121.01552, 0.9), 121.01551, 1e-4);
}

static void interval_days_should_be_clamped_to_one_and_the_maximum(void)
{
    FsrsParams p;
    fsrs_params_default(&p);
    CHECK_INT(fsrs_interval_days(&p, 0.01), 1);
    CHECK_INT(fsrs_interval_days(&p, 1e9), 36500);
    p.maximum_interval = 100;
    CHECK_INT(fsrs_interval_days(&p, 5000), 100);
    CHECK_INT(fsrs_interval_days(&p, 8.2956), 8);
}

/* ts-fsrs FSRS-6.test.ts @32b6081..., 'get retrievability': an Easy first review is due in 8
 * days, where its retrievability is 0.9024733. */
static void easy_first_review_should_be_due_in_eight_days_at_ts_fsrs_retrievability(void)
{
    FsrsParams p;
    fsrs_params_default(&p);
    FsrsCard c;
    int64_t t0 = 1701403200;
    fsrs_card_init(&c, t0);
    fsrs_card_review(&p, &c, FSRS_EASY, t0);
    CHECK_INT(c.state, FSRS_STATE_REVIEW);
    CHECK_INT(c.due - t0, 8 * DAY);
    CHECK_NEAR(fsrs_card_retrievability(&p, &c, c.due), 0.9024733, 1e-6);
}

/* ts-fsrs packages/fsrs/__tests__/FSRS-6.test.ts @32b6081475fe4d195b51f87e084b12efaaa97af8,
 * 'ivl_history' (the same scenario as py-fsrs tests/test_basic.py test_review_card): no fuzz,
 * learning steps 1 min and 10 min, relearning 10 min, each review when due. */
static void scheduler_should_match_ts_fsrs_interval_history(void)
{
    FsrsParams p;
    fsrs_params_default(&p);
    const int grades[13] = {3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3};
    const int expected[13] = {0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21};
    FsrsCard c;
    int64_t now = 1672317000; /* 2022-12-29 12:30:00 UTC */
    fsrs_card_init(&c, now);
    for (int i = 0; i < 13; i++) {
        fsrs_card_review(&p, &c, (FsrsGrade)grades[i], now);
        CHECK_INT((c.due - c.last_review) / DAY, expected[i]);
        now = c.due;
    }
}

/* ts-fsrs FSRS-6.test.ts @32b6081..., 'memory state[short-term]': through the scheduler
 * (learning steps on), grades [1,3,3,3,3,3] after [0,0,1,3,8,21] days -> S 53.62691,
 * D 6.3574867 (toBeCloseTo(.., 4)), the same as the pure model in fsrs-rs. */
static void scheduler_should_match_ts_fsrs_memory_state(void)
{
    FsrsParams p;
    fsrs_params_default(&p);
    const int grades[6] = {1, 3, 3, 3, 3, 3};
    const int days[6] = {0, 0, 1, 3, 8, 21};
    FsrsCard c;
    int64_t now = 1672317000;
    fsrs_card_init(&c, now);
    for (int i = 0; i < 6; i++) {
        now += (int64_t)days[i] * DAY;
        fsrs_card_review(&p, &c, (FsrsGrade)grades[i], now);
    }
    CHECK_NEAR(c.stability, 53.62691, 1e-4);
    CHECK_NEAR(c.difficulty, 6.3574867, 1e-4);
    CHECK_INT(c.state, FSRS_STATE_REVIEW);
    CHECK_INT(c.reps, 6);
}

/* py-fsrs test_repeated_correct_reviews: ten Easy reviews drive D to the floor, 1.0. */
static void repeated_easy_reviews_should_reach_minimum_difficulty(void)
{
    FsrsParams p;
    fsrs_params_default(&p);
    FsrsCard c;
    fsrs_card_init(&c, 1000);
    for (int i = 0; i < 10; i++)
        fsrs_card_review(&p, &c, FSRS_EASY, 1000);
    CHECK_NEAR(c.difficulty, 1.0, 0);
}

/* py-fsrs test_stability_lower_bound: 1000 lapses a day late never go below the minimum. */
static void repeated_lapses_should_keep_stability_above_the_minimum(void)
{
    FsrsParams p;
    fsrs_params_default(&p);
    FsrsCard c;
    fsrs_card_init(&c, 0);
    for (int i = 0; i < 1000; i++) {
        fsrs_card_review(&p, &c, FSRS_AGAIN, c.due + DAY);
        CHECK(c.stability >= FSRS_S_MIN);
    }
}

/* py-fsrs test_good_learning_steps / hard / again / relearning: the step timings. */
static void learning_steps_should_schedule_in_minutes_then_graduate(void)
{
    FsrsParams p;
    fsrs_params_default(&p);
    FsrsCard c;
    fsrs_card_init(&c, 0);
    fsrs_card_review(&p, &c, FSRS_GOOD, 0);
    CHECK_INT(c.state, FSRS_STATE_LEARNING);
    CHECK_INT(c.step, 1);
    CHECK_INT(c.due, 600);

    fsrs_card_init(&c, 0);
    fsrs_card_review(&p, &c, FSRS_AGAIN, 0);
    CHECK_INT(c.step, 0);
    CHECK_INT(c.due, 60);

    fsrs_card_init(&c, 0);
    fsrs_card_review(&p, &c, FSRS_HARD, 0);
    CHECK_INT(c.step, 0);
    CHECK_INT(c.due, 330);

    fsrs_card_init(&c, 0);
    fsrs_card_review(&p, &c, FSRS_GOOD, 0);
    fsrs_card_review(&p, &c, FSRS_GOOD, c.due);
    CHECK_INT(c.state, FSRS_STATE_REVIEW);
    CHECK(c.due - c.last_review >= DAY);
    CHECK_INT(c.reps, 2);

    /* a lapse: relearning for 10 minutes, then back to review */
    fsrs_card_review(&p, &c, FSRS_AGAIN, c.due);
    CHECK_INT(c.state, FSRS_STATE_RELEARNING);
    CHECK_INT(c.lapses, 1);
    CHECK_INT(c.due - c.last_review, 600);
    fsrs_card_review(&p, &c, FSRS_GOOD, c.due);
    CHECK_INT(c.state, FSRS_STATE_REVIEW);
    CHECK(c.due - c.last_review >= DAY);
}

static void no_learning_steps_should_go_straight_to_review(void)
{
    FsrsParams p;
    fsrs_params_default(&p);
    p.learning_step_count = 0;
    p.relearning_step_count = 0;
    FsrsCard c;
    fsrs_card_init(&c, 0);
    fsrs_card_review(&p, &c, FSRS_AGAIN, 0);
    CHECK_INT(c.state, FSRS_STATE_REVIEW);
    CHECK(c.due >= DAY);
    fsrs_card_review(&p, &c, FSRS_AGAIN, c.due);
    CHECK_INT(c.state, FSRS_STATE_REVIEW);
    CHECK_INT(c.lapses, 1);
}

static void check_next_intervals(const FsrsMemory *prev, int elapsed, const int expected[4])
{
    FsrsParams p;
    fsrs_params_default(&p);
    FsrsMemory next[4];
    int days[4];
    fsrs_next_intervals(&p, prev, elapsed, next, days);
    for (int g = 0; g < 4; g++)
        CHECK_INT(days[g], expected[g]);
}

/* ts-fsrs 5.2.3 (enable_fuzz false, enable_short_term false), FSRS.repeat on a new card: the
 * stabilities 0.212, 1.2931, 2.3065 and 8.2956 round to 0, 1, 2 and 8 days, shown as 1, 2, 3, 8
 * (before the ordering memory-trace gave 1, 1, 2, 8). */
static void next_intervals_should_be_strictly_increasing_for_a_new_card(void)
{
    static const int expected[4] = {1, 2, 3, 8};
    check_next_intervals(NULL, 0, expected);
}

/* ts-fsrs 5.2.3 long-term FSRS.repeat after one review: Again on day 0, then on day 2 the
 * stabilities 0.1128, 1.5477, 2.4329, 4.3716 give 1, 2, 3, 4 (Good's 2 raised above Hard's 2);
 * Good on day 0, then on day 2: 1, 8, 11, 19 (already increasing, unchanged); Easy on day 0, then
 * on day 1: 1, 11, 13, 18. */
static void next_intervals_should_match_ts_fsrs_long_term_scheduler(void)
{
    FsrsParams p;
    fsrs_params_default(&p);
    FsrsMemory after_again = fsrs_memory_next(p.w, NULL, 0, FSRS_AGAIN);
    FsrsMemory after_good = fsrs_memory_next(p.w, NULL, 0, FSRS_GOOD);
    FsrsMemory after_easy = fsrs_memory_next(p.w, NULL, 0, FSRS_EASY);
    static const int again_then[4] = {1, 2, 3, 4};
    static const int good_then[4] = {1, 8, 11, 19};
    static const int easy_then[4] = {1, 11, 13, 18};
    check_next_intervals(&after_again, 2, again_then);
    check_next_intervals(&after_good, 2, good_then);
    check_next_intervals(&after_easy, 1, easy_then);
    FsrsMemory next[4];
    int days[4];
    fsrs_next_intervals(&p, &after_again, 2, next, days);
    CHECK_NEAR(next[2].stability, 2.4329485, 1e-6);
    CHECK_NEAR(next[2].difficulty, 6.40211507, 1e-6);
}

/* Each grade keeps its own memory state; only the intervals are ordered. */
static void next_intervals_should_keep_each_grades_memory_state(void)
{
    FsrsParams p;
    fsrs_params_default(&p);
    FsrsMemory prev = {3.7, 6.2};
    FsrsMemory next[4];
    int days[4];
    fsrs_next_intervals(&p, &prev, 4, next, days);
    for (int g = 0; g < 4; g++) {
        FsrsMemory m = fsrs_memory_next(p.w, &prev, 4, (FsrsGrade)(g + 1));
        CHECK_NEAR(next[g].stability, m.stability, 0);
        CHECK_NEAR(next[g].difficulty, m.difficulty, 0);
    }
}

/* Over a grid of memory states and elapsed days (same-day reviews included): Again < Hard <
 * Good < Easy, Again never longer than its own stability's interval, the others never shorter. */
static void next_intervals_should_be_strictly_increasing_for_any_state(void)
{
    FsrsParams p;
    fsrs_params_default(&p);
    static const double stabilities[] = {0.001, 0.05, 0.212, 0.6, 1.0, 1.5, 2.3, 7.9, 40, 400, 9000};
    static const double difficulties[] = {1.0, 2.5, 5.0, 7.5, 10.0};
    static const int elapsed[] = {0, 1, 2, 5, 30, 365};
    for (size_t i = 0; i < sizeof stabilities / sizeof *stabilities; i++)
        for (size_t j = 0; j < sizeof difficulties / sizeof *difficulties; j++)
            for (size_t k = 0; k < sizeof elapsed / sizeof *elapsed; k++) {
                FsrsMemory prev = {stabilities[i], difficulties[j]};
                FsrsMemory next[4];
                int days[4];
                fsrs_next_intervals(&p, &prev, elapsed[k], next, days);
                CHECK(days[0] >= 1);
                CHECK(days[0] < days[1] && days[1] < days[2] && days[2] < days[3]);
                CHECK(days[0] <= fsrs_interval_days(&p, next[0].stability));
                for (int g = 1; g < 4; g++)
                    CHECK(days[g] >= fsrs_interval_days(&p, next[g].stability));
            }
}

/* A card in REVIEW reviewed again on its review day: the same-day stabilities of Hard and Good
 * are both 8.2956 (8 days each before the ordering); now Again 10 min (relearning), Hard 8 d,
 * Good 9 d, Easy 13 d, as ts-fsrs's review ordering (hard = min(hard, good), good = max(good,
 * hard + 1), easy = max(easy, good + 1)) gives. */
static void card_preview_should_offer_strictly_increasing_intervals_in_review(void)
{
    FsrsParams p;
    fsrs_params_default(&p);
    FsrsCard c;
    int64_t t0 = 1767225600;
    fsrs_card_init(&c, t0);
    fsrs_card_review(&p, &c, FSRS_EASY, t0);
    CHECK_INT(c.state, FSRS_STATE_REVIEW);
    FsrsCard out[4];
    fsrs_card_preview(&p, &c, t0 + 3600, out);
    CHECK_INT(out[0].scheduled_secs, 600);
    CHECK_INT(out[0].state, FSRS_STATE_RELEARNING);
    CHECK_INT(out[1].scheduled_secs, 8 * DAY);
    CHECK_INT(out[2].scheduled_secs, 9 * DAY);
    CHECK_INT(out[3].scheduled_secs, 13 * DAY);
    CHECK_NEAR(out[1].stability, out[2].stability, 0);
}

/* What a grade button shows is what that grade does: fsrs_card_review gives preview[g], for
 * cards new, learning, in review and relearning, with and without learning steps. */
static void card_review_should_apply_the_interval_the_preview_showed(void)
{
    for (int steps = 0; steps < 2; steps++) {
        FsrsParams p;
        fsrs_params_default(&p);
        if (!steps)
            p.learning_step_count = p.relearning_step_count = 0;
        static const int path[] = {3, 3, 1, 3, 2, 4, 1, 1, 3, 4};
        FsrsCard c;
        int64_t now = 1767225600;
        fsrs_card_init(&c, now);
        for (size_t i = 0; i < sizeof path / sizeof *path; i++) {
            FsrsCard out[4];
            fsrs_card_preview(&p, &c, now, out);
            for (int g = 0; g < 4; g++) {
                FsrsCard r = c;
                fsrs_card_review(&p, &r, (FsrsGrade)(g + 1), now);
                CHECK_INT(r.due, out[g].due);
                CHECK_INT(r.state, out[g].state);
                CHECK_INT(r.step, out[g].step);
                CHECK_NEAR(r.stability, out[g].stability, 0);
                if (g > 0 && out[g - 1].state == FSRS_STATE_REVIEW)
                    CHECK(out[g - 1].scheduled_secs < out[g].scheduled_secs);
            }
            fsrs_card_review(&p, &c, (FsrsGrade)path[i], now);
            now = c.due;
        }
    }
}

static void parameter_counts_other_than_19_or_21_should_be_refused(void)
{
    FsrsParams p;
    fsrs_params_default(&p);
    CHECK(!fsrs_params_set_w(&p, FSRS_DEFAULT_W, 17));
    CHECK(fsrs_params_set_w(&p, FSRS_DEFAULT_W, 21));
    double bad[21];
    for (int i = 0; i < 21; i++)
        bad[i] = FSRS_DEFAULT_W[i];
    bad[3] = NAN;
    CHECK(!fsrs_params_set_w(&p, bad, 21));
    CHECK_NEAR(p.w[3], FSRS_DEFAULT_W[3], 0);
}

int main(void)
{
    RUN(retrievability_should_match_fsrs_rs_power_forgetting_curve);
    RUN(retrievability_should_follow_the_decay_parameter);
    RUN(first_review_should_set_initial_stability_and_difficulty);
    RUN(next_difficulty_should_match_fsrs_rs_with_mean_reversion);
    RUN(stability_updates_should_match_fsrs_rs_next_stability);
    RUN(two_reviews_should_match_fsrs_rs_forward);
    RUN(memory_state_should_match_fsrs_rs_test_memory_state);
    RUN(memory_state_should_match_fsrs_rs_with_fsrs5_parameters);
    RUN(interval_should_match_fsrs_rs_test_next_interval);
    RUN(interval_days_should_be_clamped_to_one_and_the_maximum);
    RUN(easy_first_review_should_be_due_in_eight_days_at_ts_fsrs_retrievability);
    RUN(scheduler_should_match_ts_fsrs_interval_history);
    RUN(scheduler_should_match_ts_fsrs_memory_state);
    RUN(repeated_easy_reviews_should_reach_minimum_difficulty);
    RUN(repeated_lapses_should_keep_stability_above_the_minimum);
    RUN(learning_steps_should_schedule_in_minutes_then_graduate);
    RUN(no_learning_steps_should_go_straight_to_review);
    RUN(next_intervals_should_be_strictly_increasing_for_a_new_card);
    RUN(next_intervals_should_match_ts_fsrs_long_term_scheduler);
    RUN(next_intervals_should_keep_each_grades_memory_state);
    RUN(next_intervals_should_be_strictly_increasing_for_any_state);
    RUN(card_preview_should_offer_strictly_increasing_intervals_in_review);
    RUN(card_review_should_apply_the_interval_the_preview_showed);
    RUN(parameter_counts_other_than_19_or_21_should_be_refused);
    return CHECK_DONE();
}
