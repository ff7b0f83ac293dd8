/* Answers and memory: each answer and the item's FSRS memory written in one transaction, the
 * statements used on every answer prepared once, and the review queue (due items, then new items
 * within the daily limit) over the memory_due and memory_new indexes. */
#include "store/internal.h"

#include "rules/review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void store_read_memory(sqlite3_stmt *st, StoreMemory *m)
{
    memset(m, 0, sizeof *m);
    m->id = sqlite3_column_int64(st, 0);
    m->profile = sqlite3_column_int64(st, 1);
    snprintf(m->pack, sizeof m->pack, "%s", (const char *)sqlite3_column_text(st, 2));
    snprintf(m->item, sizeof m->item, "%s", (const char *)sqlite3_column_text(st, 3));
    GradeMode mode = GRADE_MODE_FLASHCARDS;
    grade_mode_parse((const char *)sqlite3_column_text(st, 4), &mode);
    m->mode = mode;
    m->card.stability = sqlite3_column_double(st, 5);
    m->card.difficulty = sqlite3_column_double(st, 6);
    m->card.state = (FsrsState)sqlite3_column_int(st, 7);
    m->card.step = sqlite3_column_int(st, 8);
    m->card.due = sqlite3_column_int64(st, 9);
    m->card.last_review = sqlite3_column_int64(st, 10);
    m->card.scheduled_secs = sqlite3_column_int64(st, 11);
    m->card.reps = sqlite3_column_int(st, 12);
    m->card.lapses = sqlite3_column_int(st, 13);
    m->first_review = sqlite3_column_int64(st, 14);
}

/* Statements used on every answer are prepared once and kept. */
static StoreError cached(Store *store, StoreStmt which, sqlite3_stmt **out)
{
    static const char *const SQL[STORE_STMT_COUNT] = {
        [STORE_STMT_MEMORY_GET] = "SELECT " MEMORY_COLS " FROM memory"
                                  " WHERE profile = ?1 AND pack = ?2 AND item = ?3 AND mode = ?4",
        [STORE_STMT_ANSWER_INSERT] =
            "INSERT INTO answers(profile, pack, pack_version, item, mode, prompt_kind, correct,"
            " grade, response_ms, ts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        [STORE_STMT_MEMORY_UPSERT] =
            "INSERT INTO memory(profile, pack, item, mode, stability, difficulty, state, step,"
            " due, last_review, scheduled_secs, reps, lapses, first_review)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
            " ON CONFLICT(profile, pack, item, mode) DO UPDATE SET stability = excluded.stability,"
            " difficulty = excluded.difficulty, state = excluded.state, step = excluded.step,"
            " due = excluded.due, last_review = excluded.last_review,"
            " scheduled_secs = excluded.scheduled_secs, reps = excluded.reps,"
            " lapses = excluded.lapses, first_review = coalesce(first_review, excluded.first_review)",
        [STORE_STMT_PROFILE_PLAYED] = "UPDATE profiles SET last_played = max(last_played, ?1)"
                                      " WHERE id = ?2",
        [STORE_STMT_REVIEW_DUE] = "SELECT " MEMORY_COLS " FROM memory"
                                  " WHERE profile = ?1 AND state > 0 AND due <= ?2"
                                  " ORDER BY due, id LIMIT 1",
        [STORE_STMT_REVIEW_NEW] = "SELECT " MEMORY_COLS " FROM memory"
                                  " WHERE profile = ?1 AND state = 0 ORDER BY due, id LIMIT 1",
        [STORE_STMT_STARTED_SINCE] = "SELECT count(*) FROM memory"
                                     " WHERE profile = ?1 AND first_review >= ?2",
    };
    if (!store->stmts[which]) {
        StoreError err = store_prepare(store, SQL[which], &store->stmts[which]);
        if (err != STORE_OK)
            return err;
    }
    sqlite3_reset(store->stmts[which]);
    sqlite3_clear_bindings(store->stmts[which]);
    *out = store->stmts[which];
    return STORE_OK;
}

void store_stmts_finalize(Store *store)
{
    for (int i = 0; i < STORE_STMT_COUNT; i++) {
        sqlite3_finalize(store->stmts[i]);
        store->stmts[i] = NULL;
    }
}

bool store_valid_id(const char *s, size_t max)
{
    return s && *s && strlen(s) < max;
}

/* Reads the memory row into *m; STORE_ERR_NOT_FOUND when there is none. */
static StoreError memory_lookup(Store *store, int64_t profile, const char *pack, const char *item,
                                GradeMode mode, StoreMemory *m)
{
    sqlite3_stmt *st;
    StoreError err = cached(store, STORE_STMT_MEMORY_GET, &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_text(st, 2, pack, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, item, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, grade_mode_name(mode), -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        store_read_memory(st, m);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? STORE_OK : rc == SQLITE_DONE ? STORE_ERR_NOT_FOUND
                                                           : store_map_sqlite(store, rc);
}

static StoreError memory_write(Store *store, const StoreMemory *m)
{
    sqlite3_stmt *st;
    StoreError err = cached(store, STORE_STMT_MEMORY_UPSERT, &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, m->profile);
    sqlite3_bind_text(st, 2, m->pack, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, m->item, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, grade_mode_name(m->mode), -1, SQLITE_STATIC);
    sqlite3_bind_double(st, 5, m->card.stability);
    sqlite3_bind_double(st, 6, m->card.difficulty);
    sqlite3_bind_int(st, 7, (int)m->card.state);
    sqlite3_bind_int(st, 8, m->card.step);
    sqlite3_bind_int64(st, 9, m->card.due);
    sqlite3_bind_int64(st, 10, m->card.last_review);
    sqlite3_bind_int64(st, 11, m->card.scheduled_secs);
    sqlite3_bind_int(st, 12, m->card.reps);
    sqlite3_bind_int(st, 13, m->card.lapses);
    if (m->first_review > 0)
        sqlite3_bind_int64(st, 14, m->first_review);
    else
        sqlite3_bind_null(st, 14);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? STORE_OK : store_map_sqlite(store, rc);
}

static StoreError answer_record_in_tx(Store *store, const StoreAnswer *a, int64_t *answer_id,
                                      StoreMemory *m)
{
    StoreError err = memory_lookup(store, a->profile, a->pack, a->item, a->mode, m);
    if (err == STORE_ERR_NOT_FOUND) {
        memset(m, 0, sizeof *m);
        m->profile = a->profile;
        snprintf(m->pack, sizeof m->pack, "%s", a->pack);
        snprintf(m->item, sizeof m->item, "%s", a->item);
        m->mode = a->mode;
        fsrs_card_init(&m->card, a->timestamp);
    } else if (err != STORE_OK) {
        return err;
    }
    fsrs_card_review(&store->params, &m->card, (FsrsGrade)a->grade, a->timestamp);
    if (m->first_review <= 0)
        m->first_review = a->timestamp;

    sqlite3_stmt *st;
    err = cached(store, STORE_STMT_ANSWER_INSERT, &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, a->profile);
    sqlite3_bind_text(st, 2, a->pack, -1, SQLITE_STATIC);
    if (a->pack_version)
        sqlite3_bind_text(st, 3, a->pack_version, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, a->item, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, grade_mode_name(a->mode), -1, SQLITE_STATIC);
    if (a->prompt_kind)
        sqlite3_bind_text(st, 6, a->prompt_kind, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 7, a->correct ? 1 : 0);
    sqlite3_bind_int(st, 8, a->grade);
    sqlite3_bind_int64(st, 9, a->response_ms);
    sqlite3_bind_int64(st, 10, a->timestamp);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_map_sqlite(store, rc);
    int64_t id = sqlite3_last_insert_rowid(store->db);

    err = memory_write(store, m);
    if (err != STORE_OK)
        return err;
    if (m->id == 0)
        m->id = sqlite3_last_insert_rowid(store->db);

    err = cached(store, STORE_STMT_PROFILE_PLAYED, &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, a->timestamp);
    sqlite3_bind_int64(st, 2, a->profile);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_map_sqlite(store, rc);
    if (answer_id)
        *answer_id = id;
    return STORE_OK;
}

StoreError store_answer_record(Store *store, const StoreAnswer *a, int64_t *answer_id,
                               StoreMemory *memory)
{
    if (!a || !store_valid_id(a->pack, sizeof((StoreMemory *)0)->pack)
        || !store_valid_id(a->item, sizeof((StoreMemory *)0)->item) || a->grade < 1 || a->grade > 4
        || (int)a->mode < 0 || a->mode >= GRADE_MODE_COUNT)
        return STORE_ERR_INVALID;
    StoreMemory m;
    StoreError err = store_begin(store);
    if (err != STORE_OK)
        return err;
    err = answer_record_in_tx(store, a, answer_id, &m);
    if (err == STORE_ERR_EXISTS) /* a foreign key: no such profile */
        err = STORE_ERR_NOT_FOUND;
    err = store_finish(store, err);
    if (err == STORE_OK && memory)
        *memory = m;
    return err;
}

StoreError store_memory_get(Store *store, int64_t profile, const char *pack, const char *item,
                            GradeMode mode, StoreMemory *out)
{
    if (!store_valid_id(pack, sizeof out->pack) || !store_valid_id(item, sizeof out->item))
        return STORE_ERR_INVALID;
    return memory_lookup(store, profile, pack, item, mode, out);
}

StoreError store_memory_introduce(Store *store, int64_t profile, const char *pack,
                                  const char *item, GradeMode mode, int64_t now)
{
    if (!store_valid_id(pack, 64) || !store_valid_id(item, 128) || (int)mode < 0 || mode >= GRADE_MODE_COUNT)
        return STORE_ERR_INVALID;
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "INSERT INTO memory(profile, pack, item, mode, due) VALUES (?1, ?2, ?3, ?4, ?5)"
        " ON CONFLICT DO NOTHING", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_text(st, 2, pack, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, item, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, grade_mode_name(mode), -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 5, now);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        return STORE_ERR_NOT_FOUND;
    return rc == SQLITE_DONE ? STORE_OK : store_map_sqlite(store, rc);
}

/* ---- Review queue -------------------------------------------------------------------------- */

static StoreError started_today(Store *store, int64_t profile, int64_t now, int *count)
{
    sqlite3_stmt *st;
    StoreError err = cached(store, STORE_STMT_STARTED_SINCE, &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_int64(st, 2, review_day_start(now, store->utc_offset_s));
    int rc = sqlite3_step(st);
    *count = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? STORE_OK : store_map_sqlite(store, rc);
}

StoreError store_review_next(Store *store, int64_t profile, int64_t now, StoreMemory *out)
{
    sqlite3_stmt *st;
    StoreError err = cached(store, STORE_STMT_REVIEW_DUE, &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_int64(st, 2, now);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        store_read_memory(st, out);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return STORE_OK;
    if (rc != SQLITE_DONE)
        return store_map_sqlite(store, rc);

    int started = 0;
    err = started_today(store, profile, now, &started);
    if (err != STORE_OK)
        return err;
    if (review_new_remaining(store->new_per_day, started) <= 0)
        return STORE_ERR_NOT_FOUND;
    err = cached(store, STORE_STMT_REVIEW_NEW, &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        store_read_memory(st, out);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? STORE_OK : rc == SQLITE_DONE ? STORE_ERR_NOT_FOUND
                                                           : store_map_sqlite(store, rc);
}

static StoreError list_query(Store *store, const char *sql, int64_t profile, int64_t now, int mode,
                             StoreMemory *out, size_t max, size_t *n)
{
    sqlite3_stmt *st;
    StoreError err = store_prepare(store, sql, &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_int64(st, 2, now);
    if (mode >= 0)
        sqlite3_bind_text(st, 3, grade_mode_name((GradeMode)mode), -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, 3);
    sqlite3_bind_int64(st, 4, (sqlite3_int64)(max - *n));
    int rc = SQLITE_DONE;
    while (*n < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
        store_read_memory(st, &out[(*n)++]);
    sqlite3_finalize(st);
    /* A step that failed (a damaged page, an interrupt) is an error, not a shorter list. */
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? STORE_OK : store_map_sqlite(store, rc);
}

StoreError store_review_due_list(Store *store, int64_t profile, int64_t now, int mode,
                                 StoreMemory *out, size_t max, size_t *count)
{
    *count = 0;
    StoreError err = list_query(store, "SELECT " MEMORY_COLS " FROM memory WHERE profile = ?1 AND state > 0"
                                       " AND due <= ?2 AND (?3 IS NULL OR mode = ?3) ORDER BY due, id LIMIT ?4",
                                profile, now, mode, out, max, count);
    if (err != STORE_OK || *count >= max)
        return err;
    int started = 0;
    err = started_today(store, profile, now, &started);
    if (err != STORE_OK)
        return err;
    int remaining = review_new_remaining(store->new_per_day, started);
    if (remaining <= 0)
        return STORE_OK;
    size_t cap = *count + (size_t)remaining < max ? *count + (size_t)remaining : max;
    return list_query(store, "SELECT " MEMORY_COLS " FROM memory WHERE profile = ?1 AND state = 0"
                             " AND ?2 = ?2 AND (?3 IS NULL OR mode = ?3) ORDER BY due, id LIMIT ?4",
                      profile, now, mode, out, cap, count);
}

static StoreError count_query(Store *store, const char *sql, int64_t a, int64_t b, int *out)
{
    sqlite3_stmt *st;
    StoreError err = store_prepare(store, sql, &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, a);
    sqlite3_bind_int64(st, 2, b);
    int rc = sqlite3_step(st);
    *out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? STORE_OK : store_map_sqlite(store, rc);
}

StoreError store_review_due_count(Store *store, int64_t profile, int64_t now, int *due,
                                  int *new_available)
{
    int d = 0, fresh = 0, started = 0;
    StoreError err = count_query(store, "SELECT count(*) FROM memory WHERE profile = ?1"
                                        " AND state > 0 AND due <= ?2", profile, now, &d);
    if (err == STORE_OK)
        err = count_query(store, "SELECT count(*) FROM memory WHERE profile = ?1 AND state = 0"
                                 " AND ?2 = ?2", profile, 0, &fresh);
    if (err == STORE_OK)
        err = started_today(store, profile, now, &started);
    if (err != STORE_OK)
        return err;
    int left = review_new_remaining(store->new_per_day, started);
    if (due)
        *due = d;
    if (new_available)
        *new_available = fresh < left ? fresh : left;
    return STORE_OK;
}

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
