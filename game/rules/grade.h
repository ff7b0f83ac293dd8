/* The one place that turns what happened in a round (right, wrong, a retry, a hint, how fast)
 * into an FSRS grade, the same way for every mode, so the memory model sees one scale.
 *
 * The mapping (grade_from_outcome):
 *   - flashcards with a self-grade 1..4: the player's own grade, unchanged;
 *   - wrong (no correct answer in the end): Again (1);
 *   - right after a retry (attempts > 1) or a hint: Hard (2);
 *   - right at the first try, faster than fast_ms (when the mode can time it, fast_ms > 0):
 *     Easy (4);
 *   - right at the first try otherwise: Good (3). */
#ifndef FRONTIERS_GRADE_H
#define FRONTIERS_GRADE_H

#include <stdbool.h>
#include <stdint.h>

typedef enum GradeMode {
    GRADE_MODE_FLASHCARDS = 0,
    GRADE_MODE_TIMELINE,
    GRADE_MODE_MAP,
    GRADE_MODE_CLASSROOM,
    GRADE_MODE_COUNT
} GradeMode;

typedef struct GradeOutcome {
    GradeMode mode;
    bool correct;        /* right in the end */
    int attempts;        /* 1 = first try; 0 is taken as 1 */
    bool hint_used;
    int64_t response_ms; /* time to the (final) answer */
    int64_t fast_ms;     /* under this is "fast" (Easy); 0 = the mode cannot tell */
    int self_grade;      /* flashcards: 1..4 chosen by the player; 0 = none */
} GradeOutcome;

/* Returns the grade 1..4 (FsrsGrade values). */
int grade_from_outcome(const GradeOutcome *outcome);
/* The "fast" threshold for a question with a time limit: half the limit; 5 s without one. */
int64_t grade_fast_threshold_ms(int64_t time_limit_ms);

/* Stable lower-case names ("flashcards", "timeline", "map", "classroom"), used in the store. */
const char *grade_mode_name(GradeMode mode);
bool grade_mode_parse(const char *name, GradeMode *out);

#endif
