/* The checking half of the SIGKILL test: after a kill, the database must pass
 * PRAGMA integrity_check, hold every answer id the writer printed, keep answers and memory in
 * agreement (sum of reps == number of answers), and open through the store without being moved
 * aside. Exit 0 when all hold. */
#include "store/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long long scalar(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long long v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: kill_check USER_DIR IDS_FILE\n");
        return 2;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/progress.db", argv[1]);
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        /* killed before the database was created: nothing may have been printed */
        FILE *f = fopen(argv[2], "r");
        int c = f ? fgetc(f) : EOF;
        if (f)
            fclose(f);
        sqlite3_close(db);
        if (c == EOF)
            return 0;
        fprintf(stderr, "kill_check: ids printed but no database\n");
        return 1;
    }
    int failures = 0;
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL);
    if (sqlite3_step(st) != SQLITE_ROW || strcmp((const char *)sqlite3_column_text(st, 0), "ok")) {
        fprintf(stderr, "kill_check: integrity_check failed\n");
        failures++;
    }
    sqlite3_finalize(st);

    long long answers = scalar(db, "SELECT count(*) FROM answers");
    long long reps = scalar(db, "SELECT coalesce(sum(reps), 0) FROM memory");
    if (answers >= 0 && answers != reps) {
        fprintf(stderr, "kill_check: %lld answers but memory counts %lld reviews\n", answers, reps);
        failures++;
    }

    FILE *f = fopen(argv[2], "r");
    long long id, checked = 0;
    sqlite3_prepare_v2(db, "SELECT 1 FROM answers WHERE id = ?1", -1, &st, NULL);
    while (f && fscanf(f, "%lld", &id) == 1) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, id);
        if (sqlite3_step(st) != SQLITE_ROW) {
            fprintf(stderr, "kill_check: answer %lld was reported committed but is missing\n", id);
            failures++;
        }
        checked++;
    }
    sqlite3_finalize(st);
    if (f)
        fclose(f);
    sqlite3_close(db);

    Store *store = NULL;
    char *aside = NULL;
    StoreError err = store_open(argv[1], &store, &aside);
    if (err != STORE_OK || aside) {
        fprintf(stderr, "kill_check: store_open: %s%s\n", store_error_message(err),
                aside ? " (moved aside)" : "");
        failures++;
    }
    free(aside);
    store_close(store);
    printf("checked %lld ids, %lld answers\n", checked, answers);
    return failures ? 1 : 0;
}
