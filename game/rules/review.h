/* The review queue's rules, pure: which remembered items are due, in what order, how many new
 * items a day may bring, and how items are classed for the stats screen. The progress store
 * runs the same rules in SQL over an index; review_pick is the reference the tests hold the
 * store to.
 *
 * Order: the item with the earliest due time first ("most overdue first"), ties by id. Not by
 * lowest retrievability: due = last review + the interval at which retrievability falls to the
 * desired retention, so due order is the order in which items crossed that line, and it can be
 * read from an index on (profile, due) without computing R for every row.
 * Learning and relearning items (due in minutes) and review items share that order. NEW items
 * (introduced but never answered) come only when nothing else is due, oldest first, and only
 * while fewer than the daily limit of new items (default 20) were first answered today. */
#ifndef FRONTIERS_REVIEW_H
#define FRONTIERS_REVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules/fsrs.h"

#define REVIEW_DEFAULT_NEW_PER_DAY 20
#define REVIEW_MATURE_DAYS 21

typedef struct ReviewEntry {
    int64_t id;
    FsrsState state;
    int64_t due;          /* unix seconds */
} ReviewEntry;

typedef enum ReviewClass {
    REVIEW_CLASS_NEW = 0,
    REVIEW_CLASS_LEARNING,  /* learning or relearning */
    REVIEW_CLASS_YOUNG,     /* in review, interval < 21 days */
    REVIEW_CLASS_MATURE,    /* in review, interval >= 21 days */
    REVIEW_CLASS_COUNT
} ReviewClass;

/* True when a non-new item is due at now. */
bool review_is_due(const ReviewEntry *entry, int64_t now);
/* qsort-style order: earlier due first, then lower id. */
int review_compare(const ReviewEntry *a, const ReviewEntry *b);
/* How many new items may still be started today. */
int review_new_remaining(int new_per_day, int started_today);
/* Index of the next item to ask among n entries, or -1 when none (see the order above). */
long review_pick(const ReviewEntry *entries, size_t n, int64_t now, int new_remaining);

/* Days are local calendar days: utc_offset_s is the local offset from UTC (east positive). */
int64_t review_day_index(int64_t t, int32_t utc_offset_s);
int64_t review_day_start(int64_t t, int32_t utc_offset_s);

ReviewClass review_class(FsrsState state, int64_t scheduled_secs);
const char *review_class_name(ReviewClass c);

#endif
