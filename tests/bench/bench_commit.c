/* Benchmark: committing one answer (store_answer_record: answer row + FSRS memory update in one
 * transaction, WAL) with 1k, 10k and 100k answers of history, with synchronous=NORMAL (the
 * store's choice) and FULL (an fsync per commit), in microseconds: mean and 99th percentile. */
#include "bench_util.h"

#include <string.h>

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(void)
{
    const long sizes[3] = {1000, 10000, 100000};
    int failures = 0;
    for (int sync = 0; sync < 2; sync++) {
        for (int k = 0; k < 3; k++) {
            char *dir = bench_dir("commit");
            Store *s = NULL;
            StoreOptions opt = {.now = BENCH_NOW, .synchronous_full = sync == 1};
            if (store_open_ex(dir, &opt, &s, NULL) != STORE_OK)
                return 1;
            int64_t p = 0;
            store_profile_create(s, "bench", BENCH_NOW, &p);
            /* history: sizes[k] answers over sizes[k] / 10 items */
            failures += bench_fill(s, p, sizes[k] / 10, 10);

            enum { COMMITS = 400 };
            double times[COMMITS], total = 0;
            Rng rng;
            rng_seed(&rng, 7);
            char item[32];
            for (int i = 0; i < COMMITS; i++) {
                snprintf(item, sizeof item, "item-%u", rng_below(&rng, (uint32_t)(sizes[k] / 10)));
                StoreAnswer a = {.profile = p, .pack = "pack-1", .pack_version = "1", .item = item,
                                 .mode = GRADE_MODE_FLASHCARDS, .prompt_kind = "date",
                                 .correct = true, .grade = 3, .response_ms = 1400,
                                 .timestamp = BENCH_NOW + i * 20};
                double t0 = bench_seconds();
                if (store_answer_record(s, &a, NULL, NULL) != STORE_OK)
                    failures++;
                times[i] = bench_seconds() - t0;
                total += times[i];
            }
            qsort(times, COMMITS, sizeof times[0], compare_double);
            printf("answer commit (synchronous=%s): %6ld answers of history: mean %.1f us,"
                   " p99 %.1f us\n", sync ? "FULL  " : "NORMAL", sizes[k],
                   total / COMMITS * 1e6, times[COMMITS * 99 / 100] * 1e6);
            store_close(s);
            bench_remove(dir);
            free(dir);
        }
    }
    return failures ? 1 : 0;
}
