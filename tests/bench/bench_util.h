/* Shared helpers for the store benchmarks: a monotonic clock, a fresh folder, bulk-filled
 * history (generated in SQL so that setting up 100,000 rows takes a moment, not minutes). */
#ifndef FRONTIERS_BENCH_UTIL_H
#define FRONTIERS_BENCH_UTIL_H

#include "base/util.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define BENCH_NOW 1700000000

static inline double bench_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static inline char *bench_dir(const char *name)
{
    const char *base = getenv("TMPDIR");
    char *dir = util_format("%s/frontiers-bench-%s", base && *base ? base : "/tmp", name);
    char *cmd = util_format("rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not clear %s\n", dir);
    free(cmd);
    return dir;
}

static inline void bench_remove(const char *dir)
{
    char *cmd = util_format("rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    free(cmd);
}

/* n memory rows for the profile: 5% new, the rest in review with due times spread over
 * +-30 days around BENCH_NOW; and answers rows (answers_per_item each). */
static inline int bench_fill(Store *s, long long profile, long n, int answers_per_item)
{
    char *sql = util_format(
        "BEGIN;"
        "WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < %ld)"
        " INSERT INTO memory(profile, pack, item, mode, stability, difficulty, state, step, due,"
        " last_review, scheduled_secs, reps, lapses, first_review)"
        " SELECT %lld, 'pack-' || (i %% 7), 'item-' || i, 'flashcards', 5.0, 5.0,"
        " CASE WHEN i %% 20 = 0 THEN 0 ELSE 2 END, 0,"
        " %d - 2592000 + abs(random()) %% 5184000, %d - 86400 * 40, 86400 * 10, 3, 0, %d - 86400 * 60"
        " FROM seq;"
        "WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < %ld)"
        " INSERT INTO answers(profile, pack, pack_version, item, mode, prompt_kind, correct, grade,"
        " response_ms, ts) SELECT %lld, 'pack-' || (i %% 7), '1', 'item-' || (i / %d), 'flashcards',"
        " 'date', 1, 3, 1500, %d - 86400 * 60 + i FROM seq;"
        "COMMIT;",
        n, profile, BENCH_NOW, BENCH_NOW, BENCH_NOW, n * answers_per_item, profile,
        answers_per_item > 0 ? answers_per_item : 1, BENCH_NOW);
    StoreError err = store_debug_exec(s, sql);
    free(sql);
    if (err != STORE_OK)
        fprintf(stderr, "fill: %s\n", store_error_message(err));
    return err == STORE_OK ? 0 : 1;
}

#endif
