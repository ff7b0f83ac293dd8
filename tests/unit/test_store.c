/* Unit tests for game/store: open, lock, corrupt-file recovery, every migration step, profiles,
 * answers with their FSRS memory in one transaction, a full disk and a read-only database, the
 * review queue against the pure rules, level bests, stats, classroom sessions and CSV export. */
#include "check.h"
#include "store_fixture.h"
#include "base/util.h"
#include "store/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *fresh_dir(const char *name)
{
    return fixture_dir("test_store", name);
}


static StoreAnswer answer(int64_t profile, const char *item, int grade, int64_t t)
{
    return (StoreAnswer){.profile = profile, .pack = "sino-russian", .pack_version = "1.0",
                         .item = item, .mode = GRADE_MODE_FLASHCARDS, .prompt_kind = "date",
                         .correct = grade > 1, .grade = grade, .response_ms = 1200, .timestamp = t};
}

static void open_should_create_a_wal_database_at_the_current_version(void)
{
    char *dir = fresh_dir("create");
    Store *s = open_store(dir);
    CHECK_INT(store_schema_version(s), STORE_SCHEMA_VERSION);
    store_close(s);
    char *db = util_path_join(dir, "progress.db");
    char *lock = util_path_join(dir, "progress.lock");
    CHECK(util_is_file(db));
    CHECK(util_is_file(lock));
    CHECK_INT(scalar(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    sqlite3 *h;
    sqlite3_open(db, &h);
    sqlite3_stmt *st;
    sqlite3_prepare_v2(h, "PRAGMA journal_mode", -1, &st, NULL);
    CHECK(sqlite3_step(st) == SQLITE_ROW);
    CHECK_STR((const char *)sqlite3_column_text(st, 0), "wal");
    sqlite3_finalize(st);
    sqlite3_close(h);
    free(db);
    free(lock);
    free(dir);
}

static void second_open_should_report_locked_until_the_first_closes(void)
{
    char *dir = fresh_dir("lock");
    Store *a = open_store(dir), *b = NULL;
    CHECK_INT(store_open(dir, &b, NULL), STORE_ERR_LOCKED);
    CHECK(b == NULL);
    CHECK(strstr(store_error_message(STORE_ERR_LOCKED), "another copy") != NULL);
    store_close(a);
    CHECK_INT(store_open(dir, &b, NULL), STORE_OK);
    store_close(b);
    free(dir);
}

static void corrupt_database_should_be_moved_aside_and_replaced(void)
{
    char *dir = fresh_dir("corrupt");
    char *db = util_path_join(dir, "progress.db");
    char junk[8192];
    memset(junk, 'x', sizeof junk);
    memcpy(junk, "not a database at all", 21);
    CHECK_INT(util_write_file_atomic(db, junk, sizeof junk), 0);

    Store *s = NULL;
    char *aside = NULL;
    StoreOptions opt = {.now = T0};
    CHECK_INT(store_open_ex(dir, &opt, &s, &aside), STORE_OK);
    CHECK(aside != NULL);
    if (aside) {
        CHECK(strstr(aside, "progress.db.corrupt-20231114-221320") != NULL);
        char *kept = NULL;
        size_t len = 0;
        CHECK_INT(util_read_file(aside, 1 << 20, &kept, &len), UTIL_OK);
        CHECK_INT(len, sizeof junk);
        CHECK(kept && memcmp(kept, "not a database", 14) == 0);
        free(kept);
    }
    int64_t id = 0;
    CHECK_INT(store_profile_create(s, "Anya", T0, &id), STORE_OK);
    store_close(s);
    free(aside);

    /* a second damaged file the same second gets its own name; nothing is overwritten */
    CHECK_INT(util_write_file_atomic(db, junk, sizeof junk), 0);
    CHECK_INT(store_open_ex(dir, &opt, &s, &aside), STORE_OK);
    CHECK(aside && strstr(aside, "corrupt-20231114-221320-1") != NULL);
    store_close(s);
    free(aside);
    free(db);
    free(dir);
}

static void damaged_page_should_be_found_by_the_check_and_moved_aside(void)
{
    char *dir = fresh_dir("damaged");
    Store *s = open_store(dir);
    int64_t p = 0;
    CHECK_INT(store_profile_create(s, "Page", T0, &p), STORE_OK);
    char item[32];
    for (int i = 0; i < 200; i++) {
        snprintf(item, sizeof item, "item-%d", i);
        StoreAnswer a = answer(p, item, 3, T0 + i);
        CHECK_INT(store_answer_record(s, &a, NULL, NULL), STORE_OK);
    }
    store_close(s); /* the last connection checkpoints the WAL into the main file */
    char *db = util_path_join(dir, "progress.db");
    FILE *f = fopen(db, "r+b");
    CHECK(f != NULL);
    if (f) {
        unsigned char junk[512];
        memset(junk, 0xA5, sizeof junk);
        fseek(f, 4096 * 3, SEEK_SET); /* inside a b-tree page, past the header page */
        fwrite(junk, 1, sizeof junk, f);
        fclose(f);
    }
    char *aside = NULL;
    StoreOptions opt = {.now = T0};
    CHECK_INT(store_open_ex(dir, &opt, &s, &aside), STORE_OK);
    CHECK(aside != NULL);
    StoreProfile found;
    CHECK_INT(store_profile_find(s, "Page", &found), STORE_ERR_NOT_FOUND); /* a fresh database */
    store_close(s);
    free(aside);
    free(db);
    free(dir);
}

static void database_from_a_newer_game_should_be_refused_untouched(void)
{
    char *dir = fresh_dir("newer");
    Store *s = open_store(dir);
    CHECK_INT(store_debug_exec(s, "PRAGMA user_version = 99"), STORE_OK);
    store_close(s);
    CHECK_INT(store_open(dir, &s, NULL), STORE_ERR_TOO_NEW);
    char *db = util_path_join(dir, "progress.db");
    CHECK_INT(scalar(db, "PRAGMA user_version"), 99);
    free(db);
    free(dir);
}

/* Fills a database at `version` with rows that version can hold. */
static void fill_old(const char *db_path, int version)
{
    sqlite3 *db;
    sqlite3_open(db_path, &db);
    const char *v1 =
        "INSERT INTO profiles(id, name, created, last_played) VALUES (1, 'Old', 100, 200);"
        "INSERT INTO answers(profile, pack, pack_version, item, mode, prompt_kind, correct, grade,"
        " response_ms, ts) VALUES (1, 'p', '1', 'nerchinsk', 'flashcards', 'date', 1, 3, 900, 5000),"
        " (1, 'p', '1', 'nerchinsk', 'flashcards', 'date', 1, 3, 900, 7000);"
        "INSERT INTO memory(profile, pack, item, mode, stability, difficulty, state, due,"
        " last_review, reps) VALUES (1, 'p', 'nerchinsk', 'flashcards', 3.2, 5.1, 2, 9000, 7000, 2);";
    const char *v2 = "INSERT INTO classroom_sessions(id, level, started) VALUES (1, 'lvl', 50);"
                     "INSERT INTO classroom_teams(session, team_index, name) VALUES (1, 0, 'Red');";
    if (version >= 1)
        CHECK_INT(sqlite3_exec(db, v1, NULL, NULL, NULL), SQLITE_OK);
    if (version >= 2)
        CHECK_INT(sqlite3_exec(db, v2, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

static void every_migration_step_should_bring_old_data_to_the_current_version(void)
{
    for (int v = 0; v < STORE_SCHEMA_VERSION; v++) {
        char name[32];
        snprintf(name, sizeof name, "migrate-%d", v);
        char *dir = fresh_dir(name);
        char *db = util_path_join(dir, "progress.db");
        CHECK_INT(store_debug_create_at_version(db, v), STORE_OK);
        CHECK_INT(scalar(db, "PRAGMA user_version"), v);
        fill_old(db, v);

        Store *s = open_store(dir);
        CHECK_INT(store_schema_version(s), STORE_SCHEMA_VERSION);
        if (v >= 1) {
            StoreMemory m;
            CHECK_INT(store_memory_get(s, 1, "p", "nerchinsk", GRADE_MODE_FLASHCARDS, &m), STORE_OK);
            CHECK_NEAR(m.card.stability, 3.2, 1e-12);
            CHECK_INT(m.card.reps, 2);
            CHECK_INT(m.first_review, 5000); /* step 3 backfills it from the answers */
            StoreProfile p;
            CHECK_INT(store_profile_find(s, "old", &p), STORE_OK);
            /* the migrated memory keeps working */
            StoreAnswer a = answer(1, "nerchinsk", 3, 9000);
            a.pack = "p";
            CHECK_INT(store_answer_record(s, &a, NULL, &m), STORE_OK);
            CHECK_INT(m.card.reps, 3);
        }
        store_close(s);
        CHECK_INT(scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'memory_due'"), 1);
        CHECK_INT(scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'classroom_answers'"), 1);
        if (v >= 2)
            CHECK_INT(scalar(db, "SELECT count(*) FROM classroom_teams"), 1);
        free(db);
        free(dir);
    }
}

static void profiles_should_be_unique_ignoring_case_and_bounded_in_length(void)
{
    char *dir = fresh_dir("profiles");
    Store *s = open_store(dir);
    int64_t a = 0, b = 0, c = 0;
    CHECK_INT(store_profile_create(s, "Masha", T0, &a), STORE_OK);
    CHECK_INT(store_profile_create(s, "masha", T0, &b), STORE_ERR_EXISTS);
    CHECK_INT(store_profile_create(s, "", T0, &b), STORE_ERR_INVALID);
    CHECK_INT(store_profile_create(s, "abcdefghijklmnopqrstuvwxyz0123456", T0, &b), STORE_ERR_INVALID);
    CHECK_INT(store_profile_create(s, "\xff\xfe", T0, &b), STORE_ERR_INVALID);
    /* 32 characters of Chinese are fine: the limit counts characters, not bytes */
    CHECK_INT(store_profile_create(s, "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad"
                                      "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad",
                                   T0 + 5, &b), STORE_OK);
    CHECK_INT(store_profile_create(s, "Ivan", T0 + 1, &c), STORE_OK);
    CHECK_INT(store_profile_touch(s, a, T0 + 10), STORE_OK);
    StoreProfile list[8];
    size_t n = 0;
    CHECK_INT(store_profile_list(s, list, 8, &n), STORE_OK);
    CHECK_INT(n, 3);
    CHECK_STR(list[0].name, "Masha");
    CHECK_INT(list[1].id, b);
    CHECK_INT(store_profile_rename(s, c, "MASHA"), STORE_ERR_EXISTS);
    CHECK_INT(store_profile_rename(s, c, "Vanya"), STORE_OK);
    CHECK_INT(store_profile_rename(s, 999, "Nobody"), STORE_ERR_NOT_FOUND);
    StoreProfile p;
    CHECK_INT(store_profile_find(s, "vanya", &p), STORE_OK);
    CHECK_INT(p.id, c);

    StoreAnswer ans = answer(c, "aigun", 3, T0);
    CHECK_INT(store_answer_record(s, &ans, NULL, NULL), STORE_OK);
    CHECK_INT(store_profile_delete(s, c), STORE_OK);
    CHECK_INT(store_profile_delete(s, c), STORE_ERR_NOT_FOUND);
    StoreMemory m;
    CHECK_INT(store_memory_get(s, c, "sino-russian", "aigun", GRADE_MODE_FLASHCARDS, &m),
              STORE_ERR_NOT_FOUND);
    store_close(s);
    free(dir);
}

static void answer_should_commit_with_the_schedule_fsrs_gives(void)
{
    char *dir = fresh_dir("answer");
    Store *s = open_store(dir);
    int64_t p = 0;
    CHECK_INT(store_profile_create(s, "Li", T0, &p), STORE_OK);
    FsrsParams params;
    fsrs_params_default(&params);
    FsrsCard expect;
    fsrs_card_init(&expect, T0);
    const int grades[5] = {3, 3, 1, 3, 4};
    int64_t t = T0;
    for (int i = 0; i < 5; i++) {
        StoreAnswer a = answer(p, "tianjin", grades[i], t);
        int64_t id = 0;
        StoreMemory m;
        CHECK_INT(store_answer_record(s, &a, &id, &m), STORE_OK);
        CHECK(id > 0);
        fsrs_card_review(&params, &expect, (FsrsGrade)grades[i], t);
        CHECK_INT(m.card.due, expect.due);
        CHECK_NEAR(m.card.stability, expect.stability, 1e-12);
        StoreMemory back;
        CHECK_INT(store_memory_get(s, p, "sino-russian", "tianjin", GRADE_MODE_FLASHCARDS, &back),
                  STORE_OK);
        CHECK_INT(back.card.state, expect.state);
        CHECK_INT(back.card.reps, i + 1);
        CHECK_INT(back.first_review, T0);
        CHECK_NEAR(back.card.difficulty, expect.difficulty, 1e-12);
        t = expect.due;
    }
    /* the same item in another mode is remembered separately */
    StoreAnswer other = answer(p, "tianjin", 1, t);
    other.mode = GRADE_MODE_MAP;
    StoreMemory m;
    CHECK_INT(store_answer_record(s, &other, NULL, &m), STORE_OK);
    CHECK_INT(m.card.reps, 1);
    /* a newer pack version keeps the same memory (keyed by pack id and item id) */
    StoreAnswer v2 = answer(p, "tianjin", 3, t);
    v2.pack_version = "2.0";
    CHECK_INT(store_answer_record(s, &v2, NULL, &m), STORE_OK);
    CHECK_INT(m.card.reps, 6);

    StoreAnswer bad = answer(p, "tianjin", 5, t);
    CHECK_INT(store_answer_record(s, &bad, NULL, NULL), STORE_ERR_INVALID);
    bad = answer(p, "", 3, t);
    CHECK_INT(store_answer_record(s, &bad, NULL, NULL), STORE_ERR_INVALID);
    bad = answer(9999, "tianjin", 3, t);
    CHECK_INT(store_answer_record(s, &bad, NULL, NULL), STORE_ERR_NOT_FOUND);
    store_close(s);

    char *db = util_path_join(dir, "progress.db");
    CHECK_INT(scalar(db, "SELECT count(*) FROM answers"), 7);
    CHECK_INT(scalar(db, "SELECT count(*) FROM answers WHERE profile = 9999"), 0);
    CHECK_INT(scalar(db, "SELECT sum(reps) FROM memory"), 7);
    free(db);
    free(dir);
}

static void full_disk_should_fail_cleanly_and_lose_nothing_committed(void)
{
    char *dir = fresh_dir("full");
    Store *s = open_store(dir);
    int64_t p = 0;
    CHECK_INT(store_profile_create(s, "Full", T0, &p), STORE_OK);
    StoreAnswer a = answer(p, "kyakhta", 3, T0);
    CHECK_INT(store_answer_record(s, &a, NULL, NULL), STORE_OK);
    /* no room for one more page: SQLite reports SQLITE_FULL exactly as for a full disk */
    CHECK_INT(store_debug_exec(s, "PRAGMA wal_checkpoint(TRUNCATE)"), STORE_OK);
    CHECK_INT(store_debug_exec(s, "PRAGMA max_page_count = 1"), STORE_OK);
    StoreError err = STORE_OK;
    char item[64];
    int written = 0;
    for (int i = 0; i < 2000 && err == STORE_OK; i++) {
        snprintf(item, sizeof item, "item-%04d-with-a-long-name-to-fill-pages", i);
        StoreAnswer b = answer(p, item, 3, T0 + i);
        err = store_answer_record(s, &b, NULL, NULL);
        if (err == STORE_OK)
            written++;
    }
    CHECK_INT(err, STORE_ERR_FULL);
    CHECK(strstr(store_error_message(err), "disk is full") != NULL);
    store_close(s);

    s = open_store(dir);
    int counts[REVIEW_CLASS_COUNT];
    CHECK_INT(store_stats_memory_counts(s, p, counts), STORE_OK);
    CHECK_INT(counts[REVIEW_CLASS_LEARNING], 1 + written);
    store_close(s);
    char *db = util_path_join(dir, "progress.db");
    CHECK_INT(scalar(db, "SELECT count(*) FROM answers"), 1 + written);
    CHECK_INT(scalar(db, "SELECT sum(reps) FROM memory"), 1 + written);
    free(db);
    free(dir);
}

static void read_only_database_should_fail_with_a_clear_error(void)
{
    char *dir = fresh_dir("readonly");
    Store *s = open_store(dir);
    int64_t p = 0;
    CHECK_INT(store_profile_create(s, "Ro", T0, &p), STORE_OK);
    CHECK_INT(store_debug_exec(s, "PRAGMA query_only = 1"), STORE_OK);
    StoreAnswer a = answer(p, "beijing", 3, T0);
    CHECK_INT(store_answer_record(s, &a, NULL, NULL), STORE_ERR_READONLY);
    CHECK_INT(store_profile_create(s, "Other", T0, &p), STORE_ERR_READONLY);
    CHECK(strstr(store_error_message(STORE_ERR_READONLY), "read-only") != NULL);
    StoreMemory m;
    CHECK_INT(store_memory_get(s, p, "sino-russian", "beijing", GRADE_MODE_FLASHCARDS, &m),
              STORE_ERR_NOT_FOUND);
    store_close(s);
    /* an unusable folder: a file where the folder should be */
    char *file_dir = util_path_join(dir, "not-a-folder");
    CHECK_INT(util_write_file_atomic(file_dir, "x", 1), 0);
    Store *t = NULL;
    CHECK(store_open(file_dir, &t, NULL) != STORE_OK);
    CHECK(t == NULL);
    free(file_dir);
    free(dir);
}

static void review_next_should_agree_with_the_pure_queue_rules(void)
{
    char *dir = fresh_dir("queue");
    Store *s = open_store(dir);
    int64_t p = 0, q = 0;
    CHECK_INT(store_profile_create(s, "Queue", T0, &p), STORE_OK);
    CHECK_INT(store_profile_create(s, "Else", T0, &q), STORE_OK);
    Rng rng;
    rng_seed(&rng, 4);
    enum { N = 120 };
    char item[32];
    for (int i = 0; i < N; i++) {
        snprintf(item, sizeof item, "i%03d", i);
        int reviews = (int)rng_below(&rng, 4);
        int64_t t = T0 - 30 * DAY + (int64_t)rng_below(&rng, 20 * DAY);
        for (int r = 0; r < reviews; r++) {
            StoreAnswer a = answer(p, item, 1 + (int)rng_below(&rng, 4), t);
            a.mode = (GradeMode)rng_below(&rng, GRADE_MODE_COUNT);
            StoreMemory m;
            CHECK_INT(store_answer_record(s, &a, NULL, &m), STORE_OK);
            t = m.card.due;
        }
        if (reviews == 0)
            CHECK_INT(store_memory_introduce(s, p, "sino-russian", item, GRADE_MODE_TIMELINE,
                                             T0 - (int64_t)rng_below(&rng, DAY)), STORE_OK);
    }
    /* the other profile's due items never show */
    StoreAnswer other = answer(q, "x", 1, T0 - 10 * DAY);
    CHECK_INT(store_answer_record(s, &other, NULL, NULL), STORE_OK);

    /* pull the queue at several moments and compare with review_pick over every row */
    int picked = 0;
    for (int k = 0; k < 6; k++) {
        int64_t now = T0 - 5 * DAY + (int64_t)k * 3 * DAY;
        char *db = util_path_join(dir, "progress.db");
        sqlite3 *h;
        sqlite3_open(db, &h);
        sqlite3_stmt *st;
        sqlite3_prepare_v2(h, "SELECT id, state, due FROM memory WHERE profile = ?1", -1, &st, NULL);
        sqlite3_bind_int64(st, 1, p);
        ReviewEntry entries[N * GRADE_MODE_COUNT];
        size_t n = 0;
        while (sqlite3_step(st) == SQLITE_ROW && n < N * GRADE_MODE_COUNT)
            entries[n++] = (ReviewEntry){sqlite3_column_int64(st, 0),
                                         (FsrsState)sqlite3_column_int(st, 1),
                                         sqlite3_column_int64(st, 2)};
        sqlite3_finalize(st);
        sqlite3_close(h);
        free(db);
        int due = 0, fresh = 0;
        CHECK_INT(store_review_due_count(s, p, now, &due, &fresh), STORE_OK);
        int expect_due = 0;
        for (size_t i = 0; i < n; i++)
            expect_due += review_is_due(&entries[i], now);
        CHECK_INT(due, expect_due);
        long pick = review_pick(entries, n, now, fresh);
        StoreMemory m;
        StoreError err = store_review_next(s, p, now, &m);
        if (pick < 0) {
            CHECK_INT(err, STORE_ERR_NOT_FOUND);
        } else {
            CHECK_INT(err, STORE_OK);
            CHECK_INT(m.id, entries[pick].id);
            CHECK_INT(m.profile, p);
            picked++;
        }
    }
    CHECK(picked >= 4);
    store_close(s);
    free(dir);
}

static void new_items_should_stop_at_the_daily_limit(void)
{
    char *dir = fresh_dir("newlimit");
    Store *s = NULL;
    StoreOptions opt = {.now = T0, .new_per_day = 3};
    CHECK_INT(store_open_ex(dir, &opt, &s, NULL), STORE_OK);
    int64_t p = 0;
    CHECK_INT(store_profile_create(s, "New", T0, &p), STORE_OK);
    char item[16];
    for (int i = 0; i < 5; i++) {
        snprintf(item, sizeof item, "n%d", i);
        CHECK_INT(store_memory_introduce(s, p, "pk", item, GRADE_MODE_MAP, T0 + i), STORE_OK);
        CHECK_INT(store_memory_introduce(s, p, "pk", item, GRADE_MODE_MAP, T0 + 100), STORE_OK);
    }
    int64_t now = T0 + 60;
    for (int i = 0; i < 3; i++) {
        StoreMemory m;
        CHECK_INT(store_review_next(s, p, now, &m), STORE_OK);
        snprintf(item, sizeof item, "n%d", i);
        CHECK_STR(m.item, item);          /* oldest new first */
        CHECK_INT(m.card.state, FSRS_STATE_NEW);
        StoreAnswer a = {.profile = p, .pack = "pk", .item = m.item, .mode = GRADE_MODE_MAP,
                         .correct = true, .grade = 4, .timestamp = now};
        CHECK_INT(store_answer_record(s, &a, NULL, NULL), STORE_OK); /* Easy: due in days */
    }
    StoreMemory m;
    CHECK_INT(store_review_next(s, p, now, &m), STORE_ERR_NOT_FOUND);
    int due = -1, fresh = -1;
    CHECK_INT(store_review_due_count(s, p, now, &due, &fresh), STORE_OK);
    CHECK_INT(due, 0);
    CHECK_INT(fresh, 0);
    /* the next day two more may start */
    CHECK_INT(store_review_due_count(s, p, now + DAY, &due, &fresh), STORE_OK);
    CHECK_INT(fresh, 2);
    CHECK_INT(store_review_next(s, p, now + DAY, &m), STORE_OK);
    CHECK_STR(m.item, "n3");
    store_close(s);
    free(dir);
}

static void level_best_should_keep_the_highest_score_then_the_fastest(void)
{
    char *dir = fresh_dir("levels");
    Store *s = open_store(dir);
    int64_t p = 0;
    CHECK_INT(store_profile_create(s, "Lv", T0, &p), STORE_OK);
    StoreLevelBest best;
    CHECK_INT(store_level_best(s, p, "amur-1", &best), STORE_ERR_NOT_FOUND);
    bool is_best = false;
    StoreLevelResult r = {p, "amur-1", 70, 100, 2, 60000, T0};
    CHECK_INT(store_level_result_record(s, &r, &is_best), STORE_OK);
    CHECK(is_best);
    r = (StoreLevelResult){p, "amur-1", 60, 100, 1, 30000, T0 + 1};
    CHECK_INT(store_level_result_record(s, &r, &is_best), STORE_OK);
    CHECK(!is_best);
    r = (StoreLevelResult){p, "amur-1", 70, 100, 2, 50000, T0 + 2};
    CHECK_INT(store_level_result_record(s, &r, &is_best), STORE_OK);
    CHECK(is_best);
    CHECK_INT(store_level_best(s, p, "amur-1", &best), STORE_OK);
    CHECK_INT(best.time_ms, 50000);
    CHECK_INT(best.date, T0 + 2);
    r.stars = 4;
    CHECK_INT(store_level_result_record(s, &r, NULL), STORE_ERR_INVALID);
    store_close(s);
    char *db = util_path_join(dir, "progress.db");
    CHECK_INT(scalar(db, "SELECT count(*) FROM level_results WHERE is_best = 1"), 1);
    CHECK_INT(scalar(db, "SELECT count(*) FROM level_results"), 3);
    free(db);
    free(dir);
}

static void stats_should_count_days_states_forecast_and_streak(void)
{
    char *dir = fresh_dir("stats");
    Store *s = NULL;
    StoreOptions opt = {.now = T0, .utc_offset_s = 3 * 3600}; /* Moscow */
    CHECK_INT(store_open_ex(dir, &opt, &s, NULL), STORE_OK);
    int64_t p = 0;
    CHECK_INT(store_profile_create(s, "St", T0, &p), STORE_OK);
    int64_t today = review_day_start(T0, 3 * 3600);
    /* answers on today, yesterday and two days ago (a 3-day streak); four days ago too */
    const int day_back[6] = {0, 0, 1, 2, 4, 4};
    const int grade[6] = {3, 1, 3, 3, 1, 1};
    char item[16];
    for (int i = 0; i < 6; i++) {
        snprintf(item, sizeof item, "s%d", i);
        StoreAnswer a = answer(p, item, grade[i], today + 3600 - (int64_t)day_back[i] * DAY);
        CHECK_INT(store_answer_record(s, &a, NULL, NULL), STORE_OK);
    }
    StoreDayAccuracy acc[5];
    CHECK_INT(store_stats_accuracy_by_day(s, p, T0, 5, acc), STORE_OK);
    CHECK_INT(acc[4].day_start, today);
    CHECK_INT(acc[4].answers, 2);
    CHECK_INT(acc[4].correct, 1);
    CHECK_INT(acc[3].answers, 1);
    CHECK_INT(acc[1].answers, 0);
    CHECK_INT(acc[0].answers, 2);
    CHECK_INT(acc[0].correct, 0);

    int streak = 0;
    CHECK_INT(store_stats_streak(s, p, T0, &streak), STORE_OK);
    CHECK_INT(streak, 3);
    CHECK_INT(store_stats_streak(s, p, T0 + DAY, &streak), STORE_OK);
    CHECK_INT(streak, 3); /* nothing yet tomorrow: the streak still ends yesterday */
    CHECK_INT(store_stats_streak(s, p, T0 + 2 * DAY, &streak), STORE_OK);
    CHECK_INT(streak, 0);

    /* one mature item: Easy then a long gap */
    StoreAnswer a = answer(p, "mature", 4, today - 200 * DAY);
    StoreMemory m;
    CHECK_INT(store_answer_record(s, &a, NULL, &m), STORE_OK);
    a = answer(p, "mature", 4, m.card.due);
    CHECK_INT(store_answer_record(s, &a, NULL, &m), STORE_OK);
    CHECK(m.card.scheduled_secs >= 21 * DAY);
    CHECK_INT(store_memory_introduce(s, p, "sino-russian", "fresh", GRADE_MODE_MAP, T0), STORE_OK);
    int counts[REVIEW_CLASS_COUNT];
    CHECK_INT(store_stats_memory_counts(s, p, counts), STORE_OK);
    CHECK_INT(counts[REVIEW_CLASS_NEW], 1);
    CHECK_INT(counts[REVIEW_CLASS_MATURE], 1);
    CHECK_INT(counts[REVIEW_CLASS_LEARNING] + counts[REVIEW_CLASS_YOUNG], 6);

    int forecast[14];
    CHECK_INT(store_stats_due_forecast(s, p, T0, 14, forecast), STORE_OK);
    int total = 0;
    for (int i = 0; i < 14; i++)
        total += forecast[i];
    int due_now = 0;
    CHECK_INT(store_review_due_count(s, p, today + DAY - 1, &due_now, NULL), STORE_OK);
    CHECK_INT(forecast[0], due_now);
    CHECK(total >= forecast[0]);
    store_close(s);
    free(dir);
}

static char *read_text(const char *path, size_t *len)
{
    char *text = NULL;
    CHECK_INT(util_read_file(path, 1 << 20, &text, len), UTIL_OK);
    return text;
}

static void export_should_write_rfc4180_csv_with_bom_and_every_kind(void)
{
    char *dir = fresh_dir("export");
    Store *s = open_store(dir);
    int64_t p = 0, q = 0, session = 0;
    CHECK_INT(store_profile_create(s, "Smith, \"Jo\"", T0, &p), STORE_OK);
    CHECK_INT(store_profile_create(s, "\xd0\x90\xd0\xbd\xd1\x8f", T0, &q), STORE_OK); /* Аня */
    StoreAnswer a = answer(p, "nerchinsk", 3, T0);
    CHECK_INT(store_answer_record(s, &a, NULL, NULL), STORE_OK);
    a = answer(q, "aigun", 1, T0 + 1);
    CHECK_INT(store_answer_record(s, &a, NULL, NULL), STORE_OK);
    StoreLevelResult r = {p, "amur-1", 8, 10, 2, 61000, T0 + 2};
    CHECK_INT(store_level_result_record(s, &r, NULL), STORE_OK);
    CHECK_INT(store_classroom_begin(s, "class-1", T0 + 3, &session), STORE_OK);
    CHECK_INT(store_classroom_team_add(s, session, 0, "Red"), STORE_OK);
    CHECK_INT(store_classroom_team_add(s, session, 1, "Blue\nTeam"), STORE_OK);
    CHECK_INT(store_classroom_team_add(s, session, 1, "Dup"), STORE_ERR_EXISTS);
    StoreClassroomAnswer ca = {session, 0, "nerchinsk", 1, 2, true, 3400, 900};
    CHECK_INT(store_classroom_answer_record(s, &ca), STORE_OK);
    ca = (StoreClassroomAnswer){session, 1, "aigun", 1, 0, true, 2000, 950};
    CHECK_INT(store_classroom_answer_record(s, &ca), STORE_OK);
    /* Undoing a question's scoring keeps its answers at 0 points; adjustments stay. */
    ca = (StoreClassroomAnswer){session, 2, "beijing", 0, 1, true, 1500, 700};
    CHECK_INT(store_classroom_answer_record(s, &ca), STORE_OK);
    ca = (StoreClassroomAnswer){session, 2, "adjust", 0, -1, false, -1, 100};
    CHECK_INT(store_classroom_answer_record(s, &ca), STORE_OK);
    CHECK_INT(store_classroom_question_void(s, session, 2), STORE_OK);
    CHECK_INT(store_classroom_question_void(s, session, 7), STORE_ERR_NOT_FOUND);
    CHECK_INT(store_classroom_end(s, session, T0 + 100), STORE_OK);
    CHECK_INT(store_classroom_end(s, 999, T0 + 100), STORE_ERR_NOT_FOUND);

    char *out = util_path_join(dir, "results.csv");
    CHECK_INT(store_export_csv(s, out, NULL), STORE_OK);
    size_t len = 0;
    char *csv = read_text(out, &len);
    CHECK(csv && memcmp(csv, "\xEF\xBB\xBF" "kind,profile,time_utc,pack,", 30) == 0);
    CHECK(strstr(csv, "\r\nanswer,\"Smith, \"\"Jo\"\"\",2023-11-14T22:13:20Z,sino-russian,1.0,"
                      "nerchinsk,flashcards,date,1,3,1200,,,,,,,,,,,\r\n") != NULL);
    CHECK(strstr(csv, "answer,\xd0\x90\xd0\xbd\xd1\x8f,") != NULL);
    CHECK(strstr(csv, "\r\nlevel,\"Smith, \"\"Jo\"\"\",2023-11-14T22:13:22Z,,,,,,,,,amur-1,8,10,2,"
                      "61000,1,,,,,\r\n") != NULL);
    CHECK(strstr(csv, ",\"Blue\nTeam\",0,950\r\n") != NULL);
    CHECK(strstr(csv, "beijing,classroom,,1,,,class-1,,,,1500,,1,2,Red,1,0\r\n") != NULL);
    CHECK(strstr(csv, "adjust,classroom,,0,,,class-1,,,,-1,,1,2,Red,-1,100\r\n") != NULL);
    /* every record has 22 fields: count commas outside quotes per line */
    int lines = 0, bad = 0, commas = 0;
    bool quoted = false;
    for (size_t i = 3; i < len; i++) {
        if (csv[i] == '"')
            quoted = !quoted;
        else if (!quoted && csv[i] == ',')
            commas++;
        else if (!quoted && csv[i] == '\n') {
            CHECK(i > 0 && csv[i - 1] == '\r');
            lines++;
            bad += commas != 21;
            commas = 0;
        }
    }
    CHECK_INT(lines, 1 + 2 + 1 + 4);
    CHECK_INT(bad, 0);
    free(csv);

    CHECK_INT(store_export_csv(s, out, "\xd0\x90\xd0\xbd\xd1\x8f"), STORE_OK);
    csv = read_text(out, &len);
    CHECK(csv && strstr(csv, "aigun") != NULL);
    CHECK(csv && strstr(csv, "Smith") == NULL);
    CHECK(csv && strstr(csv, "classroom,") == NULL);
    free(csv);
    CHECK_INT(store_export_csv(s, out, "Nobody"), STORE_ERR_NOT_FOUND);
    store_close(s);
    char *db = util_path_join(dir, "progress.db");
    CHECK_INT(scalar(db, "SELECT points FROM classroom_teams WHERE team_index = 1"), 1850);
    CHECK_INT(scalar(db, "SELECT ended FROM classroom_sessions"), T0 + 100);
    free(db);
    free(out);
    free(dir);
}

static void default_user_dir_should_follow_the_environment(void)
{
    setenv("FRONTIERS_USER_DIR", "/tmp/fu", 1);
    char *d = store_default_user_dir();
    CHECK_STR(d, "/tmp/fu");
    free(d);
    unsetenv("FRONTIERS_USER_DIR");
    setenv("XDG_DATA_HOME", "/x/data", 1);
    d = store_default_user_dir();
    CHECK_STR(d, "/x/data/frontiers");
    free(d);
    unsetenv("XDG_DATA_HOME");
    setenv("HOME", "/home/pupil", 1);
    d = store_default_user_dir();
    CHECK_STR(d, "/home/pupil/.local/share/frontiers");
    free(d);
    setenv("TZ", "UTC", 1);
    CHECK_INT(store_local_utc_offset(T0), 0);
}

static void review_due_list_should_filter_by_mode_and_order_by_due(void)
{
    char *dir = fresh_dir("due_list");
    Store *s = open_store(dir);
    int64_t p = 0;
    CHECK_INT(store_profile_create(s, "Lena", T0, &p), STORE_OK);
    StoreAnswer a = answer(p, "aigun-1858", 3, T0);
    CHECK_INT(store_answer_record(s, &a, NULL, NULL), STORE_OK);
    a = answer(p, "beijing-1860", 1, T0 + 60);
    CHECK_INT(store_answer_record(s, &a, NULL, NULL), STORE_OK);
    a = answer(p, "amur", 3, T0);
    a.mode = GRADE_MODE_MAP;
    CHECK_INT(store_answer_record(s, &a, NULL, NULL), STORE_OK);
    StoreMemory list[8];
    size_t n = 0;
    /* Long after: everything is due; the map item only when asked for all modes or for maps. */
    int64_t later = T0 + 400 * 86400;
    CHECK_INT(store_review_due_list(s, p, later, GRADE_MODE_FLASHCARDS, list, 8, &n), STORE_OK);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK(list[0].card.due <= list[1].card.due);
        CHECK(strcmp(list[0].item, "amur") != 0 && strcmp(list[1].item, "amur") != 0);
    }
    CHECK_INT(store_review_due_list(s, p, later, GRADE_MODE_MAP, list, 8, &n), STORE_OK);
    CHECK_INT(n, 1);
    CHECK_STR(list[0].item, "amur");
    CHECK_INT(store_review_due_list(s, p, later, -1, list, 8, &n), STORE_OK);
    CHECK_INT(n, 3);
    CHECK_INT(store_review_due_list(s, p, later, -1, list, 2, &n), STORE_OK);
    CHECK_INT(n, 2);
    /* Right after answering nothing is due yet. */
    CHECK_INT(store_review_due_list(s, p, T0 + 61, -1, list, 8, &n), STORE_OK);
    CHECK_INT(n, 0);
    store_close(s);
    free(dir);
}

static void review_due_list_should_report_a_query_that_fails_midway(void)
{
    char *dir = fresh_dir("due_list_fails");
    Store *s = open_store(dir);
    int64_t p = 0;
    CHECK_INT(store_profile_create(s, "Lena", T0, &p), STORE_OK);
    for (int i = 0; i < 200; i++) {
        char item[32];
        snprintf(item, sizeof item, "item-%03d", i);
        StoreAnswer a = answer(p, item, 3, T0);
        CHECK_INT(store_answer_record(s, &a, NULL, NULL), STORE_OK);
    }
    static StoreMemory list[256];
    size_t n = 0;
    /* The scan of 200 due rows is interrupted partway; the short queries around it still run.
     * An interrupted scan is an error, never a shorter list (the player would be told fewer
     * items are due than are). */
    store_debug_interrupt_steps(s, 2000);
    StoreError err = store_review_due_list(s, p, T0 + 400 * 86400, -1, list, 256, &n);
    store_debug_interrupt_steps(s, 0);
    CHECK(err != STORE_OK);
    CHECK_INT(store_review_due_list(s, p, T0 + 400 * 86400, -1, list, 256, &n), STORE_OK);
    CHECK_INT(n, 200);
    store_close(s);
    free(dir);
}

int main(void)
{
    RUN(open_should_create_a_wal_database_at_the_current_version);
    RUN(second_open_should_report_locked_until_the_first_closes);
    RUN(corrupt_database_should_be_moved_aside_and_replaced);
    RUN(damaged_page_should_be_found_by_the_check_and_moved_aside);
    RUN(database_from_a_newer_game_should_be_refused_untouched);
    RUN(every_migration_step_should_bring_old_data_to_the_current_version);
    RUN(profiles_should_be_unique_ignoring_case_and_bounded_in_length);
    RUN(answer_should_commit_with_the_schedule_fsrs_gives);
    RUN(full_disk_should_fail_cleanly_and_lose_nothing_committed);
    RUN(read_only_database_should_fail_with_a_clear_error);
    RUN(review_next_should_agree_with_the_pure_queue_rules);
    RUN(new_items_should_stop_at_the_daily_limit);
    RUN(level_best_should_keep_the_highest_score_then_the_fastest);
    RUN(stats_should_count_days_states_forecast_and_streak);
    RUN(export_should_write_rfc4180_csv_with_bom_and_every_kind);
    RUN(default_user_dir_should_follow_the_environment);
    RUN(review_due_list_should_filter_by_mode_and_order_by_due);
    RUN(review_due_list_should_report_a_query_that_fails_midway);
    return CHECK_DONE();
}
