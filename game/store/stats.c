/* Queries for the Progress screen: accuracy per day, items by memory state, the reviews due in
 * the coming days, the days-in-a-row streak and all-time totals. */
#include "store/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

StoreError store_stats_accuracy_by_day(Store *store, int64_t profile, int64_t now, int days,
                                       StoreDayAccuracy *out)
{
    if (days <= 0)
        return STORE_ERR_INVALID;
    int32_t off = store->utc_offset_s;
    int64_t today = review_day_start(now, off);
    int64_t first = today - (int64_t)(days - 1) * FSRS_DAY_SECONDS;
    for (int i = 0; i < days; i++)
        out[i] = (StoreDayAccuracy){.day_start = first + (int64_t)i * FSRS_DAY_SECONDS};
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "SELECT (ts - ?3) / 86400, count(*), sum(correct) FROM answers"
        " WHERE profile = ?1 AND ts >= ?3 AND ts < ?2 GROUP BY 1", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_int64(st, 2, today + FSRS_DAY_SECONDS);
    sqlite3_bind_int64(st, 3, first);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t i = sqlite3_column_int64(st, 0);
        if (i >= 0 && i < days) {
            out[i].answers = sqlite3_column_int(st, 1);
            out[i].correct = sqlite3_column_int(st, 2);
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? STORE_OK : store_map_sqlite(store, rc);
}

StoreError store_stats_memory_counts(Store *store, int64_t profile, int counts[REVIEW_CLASS_COUNT])
{
    for (int i = 0; i < REVIEW_CLASS_COUNT; i++)
        counts[i] = 0;
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "SELECT state, scheduled_secs >= ?2, count(*) FROM memory WHERE profile = ?1"
        " GROUP BY 1, 2", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_int64(st, 2, (int64_t)REVIEW_MATURE_DAYS * FSRS_DAY_SECONDS);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t secs = sqlite3_column_int(st, 1) ? (int64_t)REVIEW_MATURE_DAYS * FSRS_DAY_SECONDS
                                                 : 0;
        ReviewClass c = review_class((FsrsState)sqlite3_column_int(st, 0), secs);
        counts[c] += sqlite3_column_int(st, 2);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? STORE_OK : store_map_sqlite(store, rc);
}

StoreError store_stats_due_forecast(Store *store, int64_t profile, int64_t now, int days,
                                    int *counts)
{
    if (days <= 0)
        return STORE_ERR_INVALID;
    for (int i = 0; i < days; i++)
        counts[i] = 0;
    int64_t today = review_day_start(now, store->utc_offset_s);
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "SELECT max(0, (due - ?2) / 86400), count(*) FROM memory"
        " WHERE profile = ?1 AND state > 0 AND due < ?3 GROUP BY 1", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_int64(st, 2, today);
    sqlite3_bind_int64(st, 3, today + (int64_t)days * FSRS_DAY_SECONDS);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t i = sqlite3_column_int64(st, 0);
        if (i >= 0 && i < days)
            counts[i] += sqlite3_column_int(st, 1);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? STORE_OK : store_map_sqlite(store, rc);
}

StoreError store_stats_streak(Store *store, int64_t profile, int64_t now, int *days)
{
    *days = 0;
    int32_t off = store->utc_offset_s;
    sqlite3_stmt *st;
    /* days as local day indexes; ts + off is positive for any real date */
    StoreError err = store_prepare(store,
        "SELECT DISTINCT (ts + ?2) / 86400 AS d FROM answers WHERE profile = ?1 AND ts < ?3"
        " ORDER BY d DESC", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_int64(st, 2, off);
    sqlite3_bind_int64(st, 3, review_day_start(now, off) + FSRS_DAY_SECONDS);
    int64_t today = review_day_index(now, off);
    int64_t expect = today;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t d = sqlite3_column_int64(st, 0);
        if (*days == 0 && d == today - 1 && expect == today)
            expect = today - 1; /* nothing yet today: the streak may end yesterday */
        if (d != expect)
            break;
        (*days)++;
        expect--;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? STORE_OK : store_map_sqlite(store, rc);
}

StoreError store_stats_totals(Store *store, int64_t profile, int *answers, int *correct)
{
    *answers = 0;
    *correct = 0;
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "SELECT count(*), coalesce(sum(correct != 0), 0) FROM answers WHERE profile = ?1", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *answers = sqlite3_column_int(st, 0);
        *correct = sqlite3_column_int(st, 1);
    } else {
        err = store_map_sqlite(store, rc);
    }
    sqlite3_finalize(st);
    return err;
}

StoreError store_stats_answers_since(Store *store, int64_t profile, int64_t after_id,
                                     int *answers, int *correct, int64_t *last_id)
{
    *answers = 0;
    *correct = 0;
    *last_id = after_id;
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "SELECT count(*), coalesce(sum(correct != 0), 0), coalesce(max(id), ?2) FROM answers"
        " WHERE profile = ?1 AND id > ?2", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_int64(st, 2, after_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *answers = sqlite3_column_int(st, 0);
        *correct = sqlite3_column_int(st, 1);
        *last_id = sqlite3_column_int64(st, 2);
    } else {
        err = store_map_sqlite(store, rc);
    }
    sqlite3_finalize(st);
    return err;
}
