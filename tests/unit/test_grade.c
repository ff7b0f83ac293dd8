/* Unit tests for game/rules/grade: the one outcome -> grade mapping for every mode. */
#include "check.h"
#include "rules/grade.h"

static void wrong_answer_should_be_again_in_every_mode(void)
{
    for (int m = 0; m < GRADE_MODE_COUNT; m++) {
        GradeOutcome o = {.mode = (GradeMode)m, .correct = false, .attempts = 3,
                          .response_ms = 100, .fast_ms = 5000};
        CHECK_INT(grade_from_outcome(&o), 1);
    }
}

static void right_at_first_try_should_be_good(void)
{
    GradeOutcome o = {.mode = GRADE_MODE_TIMELINE, .correct = true, .attempts = 1,
                      .response_ms = 9000, .fast_ms = 5000};
    CHECK_INT(grade_from_outcome(&o), 3);
    o.attempts = 0; /* unset counts as first try */
    CHECK_INT(grade_from_outcome(&o), 3);
}

static void right_and_fast_should_be_easy_only_when_the_mode_can_tell(void)
{
    GradeOutcome o = {.mode = GRADE_MODE_MAP, .correct = true, .attempts = 1,
                      .response_ms = 4999, .fast_ms = 5000};
    CHECK_INT(grade_from_outcome(&o), 4);
    o.response_ms = 5000;
    CHECK_INT(grade_from_outcome(&o), 3);
    o.response_ms = 10;
    o.fast_ms = 0;
    CHECK_INT(grade_from_outcome(&o), 3);
}

static void right_after_retry_or_hint_should_be_hard_even_when_fast(void)
{
    GradeOutcome o = {.mode = GRADE_MODE_MAP, .correct = true, .attempts = 2,
                      .response_ms = 100, .fast_ms = 5000};
    CHECK_INT(grade_from_outcome(&o), 2);
    o.attempts = 1;
    o.hint_used = true;
    CHECK_INT(grade_from_outcome(&o), 2);
}

static void flashcard_self_grades_should_pass_through(void)
{
    for (int g = 1; g <= 4; g++) {
        GradeOutcome o = {.mode = GRADE_MODE_FLASHCARDS, .correct = g > 1, .self_grade = g};
        CHECK_INT(grade_from_outcome(&o), g);
    }
    /* a self grade outside flashcards is ignored */
    GradeOutcome o = {.mode = GRADE_MODE_CLASSROOM, .correct = false, .self_grade = 4};
    CHECK_INT(grade_from_outcome(&o), 1);
}

static void fast_threshold_should_be_half_the_limit_or_five_seconds(void)
{
    CHECK_INT(grade_fast_threshold_ms(20000), 10000);
    CHECK_INT(grade_fast_threshold_ms(0), 5000);
}

static void mode_names_should_round_trip(void)
{
    for (int m = 0; m < GRADE_MODE_COUNT; m++) {
        GradeMode back = GRADE_MODE_COUNT;
        CHECK(grade_mode_parse(grade_mode_name((GradeMode)m), &back));
        CHECK_INT(back, m);
    }
    GradeMode x;
    CHECK(!grade_mode_parse("chess", &x));
    CHECK_STR(grade_mode_name(GRADE_MODE_COUNT), "unknown");
}

int main(void)
{
    RUN(wrong_answer_should_be_again_in_every_mode);
    RUN(right_at_first_try_should_be_good);
    RUN(right_and_fast_should_be_easy_only_when_the_mode_can_tell);
    RUN(right_after_retry_or_hint_should_be_hard_even_when_fast);
    RUN(flashcard_self_grades_should_pass_through);
    RUN(fast_threshold_should_be_half_the_limit_or_five_seconds);
    RUN(mode_names_should_round_trip);
    return CHECK_DONE();
}
