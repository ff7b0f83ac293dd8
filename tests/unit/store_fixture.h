/* What the store's unit tests share: a fresh folder per test, opening a store at a fixed clock,
 * and reading one number out of a database file behind the store's back. Include after check.h. */
#ifndef FRONTIERS_STORE_FIXTURE_H
#define FRONTIERS_STORE_FIXTURE_H

#include "base/util.h"
#include "store/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#define T0 1700000000 /* 2023-11-14 22:13:20 UTC */
#define DAY 86400

/* A fresh, empty folder $FRONTIERS_TEST_TMP/SUITE/NAME. Caller frees. */
static inline char *fixture_dir(const char *suite, const char *name)
{
    const char *base = getenv("FRONTIERS_TEST_TMP");
    char *dir = util_format("%s/%s/%s", base && *base ? base : "/tmp/frontiers-test", suite, name);
    char *cmd = util_format("rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not clear %s\n", dir);
    free(cmd);
    util_mkdirs(dir);
    return dir;
}

static inline Store *open_store(const char *dir)
{
    Store *s = NULL;
    StoreOptions opt = {.now = T0};
    StoreError err = store_open_ex(dir, &opt, &s, NULL);
    CHECK_INT(err, STORE_OK);
    return s;
}

/* The first column of the first row of sql on the database file, or -1. */
static inline int64_t scalar(const char *db_path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    int64_t v = -1;
    if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
        && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

#endif
