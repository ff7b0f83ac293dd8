/* Unit tests for game/rules/review: queue order, daily new limit, day boundaries, classes. */
#include "check.h"
#include "base/util.h"
#include "rules/review.h"

#include <stdlib.h>

static void pick_should_choose_the_most_overdue_item(void)
{
    ReviewEntry e[4] = {
        {1, FSRS_STATE_REVIEW, 500}, {2, FSRS_STATE_LEARNING, 100},
        {3, FSRS_STATE_REVIEW, 2000}, {4, FSRS_STATE_RELEARNING, 300},
    };
    CHECK_INT(review_pick(e, 4, 1000, 20), 1);
    e[1].due = 900;
    CHECK_INT(review_pick(e, 4, 1000, 20), 3);
}

static void pick_should_break_ties_by_id(void)
{
    ReviewEntry e[3] = {{9, FSRS_STATE_REVIEW, 10}, {4, FSRS_STATE_REVIEW, 10},
                        {7, FSRS_STATE_REVIEW, 10}};
    CHECK_INT(review_pick(e, 3, 10, 0), 1);
}

static void pick_should_not_offer_items_due_later(void)
{
    ReviewEntry e[2] = {{1, FSRS_STATE_REVIEW, 1001}, {2, FSRS_STATE_LEARNING, 5000}};
    CHECK_INT(review_pick(e, 2, 1000, 0), -1);
    CHECK(!review_is_due(&e[0], 1000));
    CHECK(review_is_due(&e[0], 1001));
}

static void new_items_should_come_after_due_items_and_only_within_the_daily_limit(void)
{
    ReviewEntry e[3] = {{1, FSRS_STATE_NEW, 50}, {2, FSRS_STATE_NEW, 40},
                        {3, FSRS_STATE_REVIEW, 900}};
    CHECK_INT(review_pick(e, 3, 1000, 5), 2);       /* the due review first */
    CHECK_INT(review_pick(e, 3, 800, 5), 1);        /* then the oldest new one */
    CHECK_INT(review_pick(e, 3, 800, 0), -1);       /* none when the limit is used up */
    CHECK_INT(review_new_remaining(20, 18), 2);
    CHECK_INT(review_new_remaining(20, 25), 0);
}

static void pick_should_agree_with_sorting_on_random_queues(void)
{
    Rng rng;
    rng_seed(&rng, 99);
    ReviewEntry e[200];
    for (int round = 0; round < 50; round++) {
        for (int i = 0; i < 200; i++) {
            e[i].id = i + 1;
            e[i].state = (FsrsState)rng_below(&rng, 4);
            e[i].due = rng_below(&rng, 1000);
        }
        long got = review_pick(e, 200, 500, 1);
        long expect = -1;
        for (int i = 0; i < 200; i++)
            if (review_is_due(&e[i], 500) && (expect < 0 || review_compare(&e[i], &e[expect]) < 0))
                expect = i;
        if (expect >= 0)
            CHECK_INT(got, expect);
        else
            CHECK(got < 0 || e[got].state == FSRS_STATE_NEW);
    }
}

static void days_should_follow_the_local_offset(void)
{
    /* 2024-03-10 23:30 UTC is 2024-03-11 in UTC+8 */
    int64_t t = 1710113400;
    CHECK_INT(review_day_start(t, 0), 1710028800);
    CHECK_INT(review_day_start(t, 8 * 3600), 1710115200 - 8 * 3600);
    CHECK_INT(review_day_index(t, 8 * 3600) - review_day_index(t, 0), 1);
    CHECK_INT(review_day_index(-1, 0), -1);
}

static void classes_should_split_young_and_mature_at_21_days(void)
{
    CHECK_INT(review_class(FSRS_STATE_NEW, 0), REVIEW_CLASS_NEW);
    CHECK_INT(review_class(FSRS_STATE_RELEARNING, 600), REVIEW_CLASS_LEARNING);
    CHECK_INT(review_class(FSRS_STATE_REVIEW, 20 * 86400), REVIEW_CLASS_YOUNG);
    CHECK_INT(review_class(FSRS_STATE_REVIEW, 21 * 86400), REVIEW_CLASS_MATURE);
    CHECK_STR(review_class_name(REVIEW_CLASS_MATURE), "mature");
}

int main(void)
{
    RUN(pick_should_choose_the_most_overdue_item);
    RUN(pick_should_break_ties_by_id);
    RUN(pick_should_not_offer_items_due_later);
    RUN(new_items_should_come_after_due_items_and_only_within_the_daily_limit);
    RUN(pick_should_agree_with_sorting_on_random_queues);
    RUN(days_should_follow_the_local_offset);
    RUN(classes_should_split_young_and_mature_at_21_days);
    return CHECK_DONE();
}
