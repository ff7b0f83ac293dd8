/* What the store's translation units (store.c, store_csv.c) share: the Store struct and small
 * SQLite helpers. Not for use outside game/store. */
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

#endif
