/* The writer half of the SIGKILL test: opens the store in the folder given and records answers
 * in a loop, printing each answer's id (and flushing) only after its commit returned, until it
 * is killed. */
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: kill_writer USER_DIR\n");
        return 2;
    }
    Store *store = NULL;
    StoreOptions opt = {.now = 1700000000};
    StoreError err = store_open_ex(argv[1], &opt, &store, NULL);
    if (err != STORE_OK) {
        fprintf(stderr, "kill_writer: open: %s\n", store_error_message(err));
        return 1;
    }
    StoreProfile p;
    if (store_profile_find(store, "Kill", &p) != STORE_OK) {
        err = store_profile_create(store, "Kill", 1700000000, &p.id);
        if (err != STORE_OK) {
            fprintf(stderr, "kill_writer: profile: %s\n", store_error_message(err));
            return 1;
        }
    }
    char item[32];
    for (long i = 0;; i++) {
        snprintf(item, sizeof item, "item-%ld", i % 50);
        StoreAnswer a = {.profile = p.id, .pack = "kill", .pack_version = "1", .item = item,
                         .mode = (GradeMode)(i % GRADE_MODE_COUNT), .prompt_kind = "date",
                         .correct = i % 4 != 0, .grade = 1 + (int)(i % 4),
                         .response_ms = 800 + i % 1000, .timestamp = 1700000000 + i * 30};
        int64_t id = 0;
        err = store_answer_record(store, &a, &id, NULL);
        if (err != STORE_OK) {
            fprintf(stderr, "kill_writer: record: %s (%s)\n", store_error_message(err),
                    store_last_detail(store));
            return 1;
        }
        printf("%lld\n", (long long)id);
        fflush(stdout);
    }
}
