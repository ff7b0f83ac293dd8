/* Review queue rules (order, daily new limit, day boundaries, stats classes); see review.h. */
#include "rules/review.h"

bool review_is_due(const ReviewEntry *e, int64_t now)
{
    return e->state != FSRS_STATE_NEW && e->due <= now;
}

int review_compare(const ReviewEntry *a, const ReviewEntry *b)
{
    if (a->due != b->due)
        return a->due < b->due ? -1 : 1;
    if (a->id != b->id)
        return a->id < b->id ? -1 : 1;
    return 0;
}

int review_new_remaining(int new_per_day, int started_today)
{
    int left = new_per_day - started_today;
    return left > 0 ? left : 0;
}

long review_pick(const ReviewEntry *entries, size_t n, int64_t now, int new_remaining)
{
    long best = -1, best_new = -1;
    for (size_t i = 0; i < n; i++) {
        const ReviewEntry *e = &entries[i];
        if (e->state == FSRS_STATE_NEW) {
            if (best_new < 0 || review_compare(e, &entries[best_new]) < 0)
                best_new = (long)i;
        } else if (e->due <= now) {
            if (best < 0 || review_compare(e, &entries[best]) < 0)
                best = (long)i;
        }
    }
    if (best >= 0)
        return best;
    return new_remaining > 0 ? best_new : -1;
}

int64_t review_day_index(int64_t t, int32_t utc_offset_s)
{
    int64_t local = t + utc_offset_s;
    int64_t day = local / FSRS_DAY_SECONDS;
    if (local % FSRS_DAY_SECONDS < 0)
        day--;
    return day;
}

int64_t review_day_start(int64_t t, int32_t utc_offset_s)
{
    return review_day_index(t, utc_offset_s) * FSRS_DAY_SECONDS - utc_offset_s;
}

ReviewClass review_class(FsrsState state, int64_t scheduled_secs)
{
    switch (state) {
    case FSRS_STATE_NEW: return REVIEW_CLASS_NEW;
    case FSRS_STATE_LEARNING:
    case FSRS_STATE_RELEARNING: return REVIEW_CLASS_LEARNING;
    case FSRS_STATE_REVIEW:
    default:
        return scheduled_secs < (int64_t)REVIEW_MATURE_DAYS * FSRS_DAY_SECONDS ? REVIEW_CLASS_YOUNG
                                                                               : REVIEW_CLASS_MATURE;
    }
}

const char *review_class_name(ReviewClass c)
{
    static const char *const names[REVIEW_CLASS_COUNT] = {"new", "learning", "young", "mature"};
    return (int)c >= 0 && c < REVIEW_CLASS_COUNT ? names[c] : "unknown";
}
