/* Level results: each finished round's score and stars, and the best result per level. */
#include "store/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

StoreError store_level_result_record(Store *store, const StoreLevelResult *r, bool *is_best)
{
    if (!r || !store_valid_id(r->level, 256) || r->stars < 0 || r->stars > 3 || r->max_score < 0)
        return STORE_ERR_INVALID;
    StoreError err = store_begin(store);
    if (err != STORE_OK)
        return err;
    sqlite3_stmt *st = NULL;
    bool best = true;
    err = store_prepare(store, "SELECT score, time_ms FROM level_results"
                               " WHERE profile = ?1 AND level = ?2 AND is_best = 1", &st);
    if (err == STORE_OK) {
        sqlite3_bind_int64(st, 1, r->profile);
        sqlite3_bind_text(st, 2, r->level, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            int score = sqlite3_column_int(st, 0);
            int64_t time_ms = sqlite3_column_int64(st, 1);
            best = r->score > score || (r->score == score && r->time_ms < time_ms);
        } else if (rc != SQLITE_DONE) {
            err = store_map_sqlite(store, rc);
        }
        sqlite3_finalize(st);
    }
    if (err == STORE_OK && best) {
        err = store_prepare(store, "UPDATE level_results SET is_best = 0"
                                   " WHERE profile = ?1 AND level = ?2 AND is_best = 1", &st);
        if (err == STORE_OK) {
            sqlite3_bind_int64(st, 1, r->profile);
            sqlite3_bind_text(st, 2, r->level, -1, SQLITE_STATIC);
            int rc = sqlite3_step(st);
            sqlite3_finalize(st);
            if (rc != SQLITE_DONE)
                err = store_map_sqlite(store, rc);
        }
    }
    if (err == STORE_OK) {
        err = store_prepare(store, "INSERT INTO level_results(profile, level, score, max_score,"
                                   " stars, time_ms, date, is_best)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &st);
        if (err == STORE_OK) {
            sqlite3_bind_int64(st, 1, r->profile);
            sqlite3_bind_text(st, 2, r->level, -1, SQLITE_STATIC);
            sqlite3_bind_int(st, 3, r->score);
            sqlite3_bind_int(st, 4, r->max_score);
            sqlite3_bind_int(st, 5, r->stars);
            sqlite3_bind_int64(st, 6, r->time_ms);
            sqlite3_bind_int64(st, 7, r->date);
            sqlite3_bind_int(st, 8, best ? 1 : 0);
            int rc = sqlite3_step(st);
            sqlite3_finalize(st);
            if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
                err = STORE_ERR_NOT_FOUND;
            else if (rc != SQLITE_DONE)
                err = store_map_sqlite(store, rc);
        }
    }
    err = store_finish(store, err);
    if (err == STORE_OK && is_best)
        *is_best = best;
    return err;
}

StoreError store_level_best(Store *store, int64_t profile, const char *level, StoreLevelBest *out)
{
    sqlite3_stmt *st;
    StoreError err = store_prepare(store, "SELECT score, max_score, stars, time_ms, date"
                                          " FROM level_results WHERE profile = ?1 AND level = ?2"
                                          " AND is_best = 1", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_text(st, 2, level ? level : "", -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->score = sqlite3_column_int(st, 0);
        out->max_score = sqlite3_column_int(st, 1);
        out->stars = sqlite3_column_int(st, 2);
        out->time_ms = sqlite3_column_int64(st, 3);
        out->date = sqlite3_column_int64(st, 4);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? STORE_OK : rc == SQLITE_DONE ? STORE_ERR_NOT_FOUND
                                                           : store_map_sqlite(store, rc);
}
