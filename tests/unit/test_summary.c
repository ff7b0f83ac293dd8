/* Unit tests for round summaries. */
#include "check.h"
#include "rules/summary.h"

static void summary_stars_should_follow_the_thresholds(void)
{
    const int t[3] = {50, 70, 90};
    CHECK_INT(summary_stars(0, 10, t), 0);
    CHECK_INT(summary_stars(4, 10, t), 0);
    CHECK_INT(summary_stars(5, 10, t), 1);
    CHECK_INT(summary_stars(7, 10, t), 2);
    CHECK_INT(summary_stars(89, 100, t), 2);
    CHECK_INT(summary_stars(9, 10, t), 3);
    CHECK_INT(summary_stars(10, 10, t), 3);
    CHECK_INT(summary_stars(3, 0, t), 0);
}

static void summary_stars_should_not_round_a_near_miss_up(void)
{
    const int t[3] = {34, 67, 100};
    CHECK_INT(summary_stars(2, 3, t), 1);   /* 66.7% < 67% */
    CHECK_INT(summary_stars(3, 3, t), 3);
}

static void summary_add_miss_should_keep_at_most_the_limit(void)
{
    RoundSummary s = {0};
    for (int i = 0; i < SUMMARY_MAX_MISSES + 5; i++)
        summary_add_miss(&s, "aigun-1858", "When was the Treaty of Aigun signed?", "28 May 1858", "1860", "Britannica");
    CHECK_INT(s.miss_count, SUMMARY_MAX_MISSES);
    CHECK_STR(s.misses[0].answer, "28 May 1858");
    CHECK_STR(s.misses[3].given, "1860");
}

int main(void)
{
    RUN(summary_stars_should_follow_the_thresholds);
    RUN(summary_stars_should_not_round_a_near_miss_up);
    RUN(summary_add_miss_should_keep_at_most_the_limit);
    return CHECK_DONE();
}
