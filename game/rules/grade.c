/* Outcome -> grade mapping shared by every mode (the rules are listed in grade.h). */
#include "rules/grade.h"

#include <stddef.h>
#include <string.h>

static const char *const MODE_NAMES[GRADE_MODE_COUNT] = {
    [GRADE_MODE_FLASHCARDS] = "flashcards",
    [GRADE_MODE_TIMELINE] = "timeline",
    [GRADE_MODE_MAP] = "map",
    [GRADE_MODE_CLASSROOM] = "classroom",
};

int grade_from_outcome(const GradeOutcome *o)
{
    if (o->mode == GRADE_MODE_FLASHCARDS && o->self_grade >= 1 && o->self_grade <= 4)
        return o->self_grade;
    if (!o->correct)
        return 1;
    if (o->attempts > 1 || o->hint_used)
        return 2;
    if (o->fast_ms > 0 && o->response_ms >= 0 && o->response_ms < o->fast_ms)
        return 4;
    return 3;
}

int64_t grade_fast_threshold_ms(int64_t time_limit_ms)
{
    return time_limit_ms > 0 ? time_limit_ms / 2 : 5000;
}

const char *grade_mode_name(GradeMode mode)
{
    if ((int)mode < 0 || mode >= GRADE_MODE_COUNT)
        return "unknown";
    return MODE_NAMES[mode];
}

bool grade_mode_parse(const char *name, GradeMode *out)
{
    for (int i = 0; name && i < GRADE_MODE_COUNT; i++) {
        if (strcmp(name, MODE_NAMES[i]) == 0) {
            *out = (GradeMode)i;
            return true;
        }
    }
    return false;
}
