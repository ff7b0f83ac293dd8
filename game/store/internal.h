/* What the store's files share: the Store struct and small SQLite helpers. Not for use outside
 * game/store. */
#ifndef FRONTIERS_STORE_INTERNAL_H
#define FRONTIERS_STORE_INTERNAL_H

#include "base/os.h"
#include "store/store.h"

#include <sqlite3.h>

typedef enum StoreStmt {
    STORE_STMT_MEMORY_GET,
    STORE_STMT_ANSWER_INSERT,
    STORE_STMT_MEMORY_UPSERT,
    STORE_STMT_PROFILE_PLAYED,
    STORE_STMT_REVIEW_DUE,
    STORE_STMT_REVIEW_NEW,
    STORE_STMT_STARTED_SINCE,
    STORE_STMT_COUNT
} StoreStmt;

struct Store {
    sqlite3 *db;
    char *path;
    PlatLock lock;
    FsrsParams params;
    int new_per_day;
    int32_t utc_offset_s;
    sqlite3_stmt *stmts[STORE_STMT_COUNT];
    char detail[256];
};

StoreError store_map_sqlite(Store *store, int rc);
StoreError store_exec(Store *store, const char *sql);
StoreError store_prepare(Store *store, const char *sql, sqlite3_stmt **out);
void store_stmts_finalize(Store *store);
/* BEGIN IMMEDIATE; store_finish commits when err is STORE_OK, else rolls back, and returns err. */
StoreError store_begin(Store *store);
StoreError store_finish(Store *store, StoreError err);
/* Steps a write statement and finalizes it: STORE_ERR_NOT_FOUND when it changed no row. */
StoreError store_exec_changes(Store *store, sqlite3_stmt *st);
/* A non-empty id shorter than max bytes. */
bool store_valid_id(const char *s, size_t max);

/* The memory columns in the order store_read_memory reads them. */
#define MEMORY_COLS "id, profile, pack, item, mode, stability, difficulty, state, step, due, " \
                    "last_review, scheduled_secs, reps, lapses, first_review"
void store_read_memory(sqlite3_stmt *st, StoreMemory *m);

#endif
