/* Classroom sessions: teams, every answer with its time and points, questions voided by an
 * undo, and the session's end. */
#include "store/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

StoreError store_classroom_begin(Store *store, const char *level, int64_t now, int64_t *session)
{
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "INSERT INTO classroom_sessions(level, started) VALUES (?1, ?2)", &st);
    if (err != STORE_OK)
        return err;
    if (level)
        sqlite3_bind_text(st, 1, level, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, now);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_map_sqlite(store, rc);
    *session = sqlite3_last_insert_rowid(store->db);
    return STORE_OK;
}

StoreError store_classroom_team_add(Store *store, int64_t session, int team_index,
                                    const char *name)
{
    if (!name || !*name || team_index < 0)
        return STORE_ERR_INVALID;
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "INSERT INTO classroom_teams(session, team_index, name) VALUES (?1, ?2, ?3)", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, session);
    sqlite3_bind_int(st, 2, team_index);
    sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        return STORE_ERR_NOT_FOUND;
    return rc == SQLITE_DONE ? STORE_OK : store_map_sqlite(store, rc);
}

StoreError store_classroom_answer_record(Store *store, const StoreClassroomAnswer *a)
{
    if (!a || a->question_index < 0 || a->team_index < 0)
        return STORE_ERR_INVALID;
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "INSERT INTO classroom_answers(session, question_index, item, team_index, choice,"
        " correct, time_ms, points) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, a->session);
    sqlite3_bind_int(st, 2, a->question_index);
    if (a->item)
        sqlite3_bind_text(st, 3, a->item, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, a->team_index);
    sqlite3_bind_int(st, 5, a->choice);
    sqlite3_bind_int(st, 6, a->correct ? 1 : 0);
    sqlite3_bind_int64(st, 7, a->time_ms);
    sqlite3_bind_int(st, 8, a->points);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        return STORE_ERR_NOT_FOUND;
    return rc == SQLITE_DONE ? STORE_OK : store_map_sqlite(store, rc);
}

StoreError store_classroom_question_void(Store *store, int64_t session, int question_index)
{
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "UPDATE classroom_answers SET points = 0 WHERE session = ?1 AND question_index = ?2"
        " AND item IS NOT 'adjust'", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, session);
    sqlite3_bind_int(st, 2, question_index);
    return store_exec_changes(store, st);
}

StoreError store_classroom_end(Store *store, int64_t session, int64_t now)
{
    StoreError err = store_begin(store);
    if (err != STORE_OK)
        return err;
    sqlite3_stmt *st;
    err = store_prepare(store, "UPDATE classroom_sessions SET ended = ?2 WHERE id = ?1", &st);
    if (err == STORE_OK) {
        sqlite3_bind_int64(st, 1, session);
        sqlite3_bind_int64(st, 2, now);
        err = store_exec_changes(store, st);
    }
    if (err == STORE_OK) {
        err = store_prepare(store,
            "UPDATE classroom_teams SET points = (SELECT coalesce(sum(points), 0)"
            " FROM classroom_answers a WHERE a.session = classroom_teams.session"
            " AND a.team_index = classroom_teams.team_index) WHERE session = ?1", &st);
        if (err == STORE_OK) {
            sqlite3_bind_int64(st, 1, session);
            int rc = sqlite3_step(st);
            sqlite3_finalize(st);
            if (rc != SQLITE_DONE)
                err = store_map_sqlite(store, rc);
        }
    }
    return store_finish(store, err);
}
