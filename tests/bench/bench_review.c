/* Benchmark: choosing the next review item (store_review_next) among 1k, 10k and 100k
 * remembered items of one profile (plus as many of another profile), in microseconds per pick.
 * The pick is one indexed query: ORDER BY due LIMIT 1 over the (profile, due) partial index. */
#include "bench_util.h"

int main(void)
{
    const long sizes[3] = {1000, 10000, 100000};
    int failures = 0;
    for (int k = 0; k < 3; k++) {
        char *dir = bench_dir("review");
        Store *s = NULL;
        StoreOptions opt = {.now = BENCH_NOW};
        if (store_open_ex(dir, &opt, &s, NULL) != STORE_OK)
            return 1;
        int64_t p = 0, q = 0;
        store_profile_create(s, "bench", BENCH_NOW, &p);
        store_profile_create(s, "other", BENCH_NOW, &q);
        failures += bench_fill(s, p, sizes[k], 0) + bench_fill(s, q, sizes[k], 0);
        store_debug_exec(s, "ANALYZE");

        enum { PICKS = 20000 };
        StoreMemory m;
        int found = 0;
        double t0 = bench_seconds();
        for (int i = 0; i < PICKS; i++) {
            /* a different moment each time: from a month before to a month after */
            int64_t now = BENCH_NOW - 2592000 + (int64_t)i * (5184000 / PICKS);
            found += store_review_next(s, p, now, &m) == STORE_OK;
        }
        double dt = bench_seconds() - t0;
        int due = 0;
        store_review_due_count(s, p, BENCH_NOW, &due, NULL);
        printf("review pick: %6ld items (%d due now): %.2f us per pick (%d picks, %d found)\n",
               sizes[k], due, dt / PICKS * 1e6, PICKS, found);
        store_close(s);
        bench_remove(dir);
        free(dir);
    }
    return failures ? 1 : 0;
}
