/* Queries for the daily review and the stats screens that the core store does not have: when
 * the next review falls due, how many items each mode has due, and all-time totals. Pure SQL
 * over the memory and answers tables (indexes memory_due and answers_profile_ts). */
#include "store/store_internal.h"

#include <stdio.h>
#include <string.h>

StoreError store_review_next_due(Store *store, int64_t profile, int64_t now, int64_t *when)
{
    *when = 0;
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "SELECT min(due) FROM memory WHERE profile = ?1 AND state > 0 AND due > ?2", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_int64(st, 2, now);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
        *when = sqlite3_column_int64(st, 0);
    else if (rc == SQLITE_ROW)
        err = STORE_ERR_NOT_FOUND;
    else
        err = store_map_sqlite(store, rc);
    sqlite3_finalize(st);
    return err;
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

StoreError store_review_new_room(Store *store, int64_t profile, int64_t now, int *room)
{
    *room = 0;
    sqlite3_stmt *st;
    /* started today (first answered since local midnight) and still waiting as new */
    StoreError err = store_prepare(store,
        "SELECT (SELECT count(*) FROM memory WHERE profile = ?1 AND first_review >= ?2),"
        " (SELECT count(*) FROM memory WHERE profile = ?1 AND state = 0)", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_int64(st, 2, review_day_start(now, store->utc_offset_s));
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        int left = review_new_remaining(store->new_per_day, sqlite3_column_int(st, 0)) - sqlite3_column_int(st, 1);
        *room = left > 0 ? left : 0;
    } else {
        err = store_map_sqlite(store, rc);
    }
    sqlite3_finalize(st);
    return err;
}

StoreError store_answer_last_prompt_kind(Store *store, int64_t profile, const char *pack,
                                         const char *item, GradeMode mode, char *out, size_t cap)
{
    if (cap)
        out[0] = '\0';
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "SELECT coalesce(prompt_kind, '') FROM answers WHERE profile = ?1 AND pack = ?2"
        " AND item = ?3 AND mode = ?4 ORDER BY id DESC LIMIT 1", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_text(st, 2, pack, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, item, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, grade_mode_name(mode), -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const unsigned char *k = sqlite3_column_text(st, 0);
        if (cap)
            snprintf(out, cap, "%s", k ? (const char *)k : "");
    } else if (rc == SQLITE_DONE) {
        err = STORE_ERR_NOT_FOUND;
    } else {
        err = store_map_sqlite(store, rc);
    }
    sqlite3_finalize(st);
    return err;
}
