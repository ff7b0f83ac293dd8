/* Unit tests for profile export and import (game/store/store_profile.c): a round trip keeps every
 * answer, memory state and level result; the review queue of the imported profile is the same;
 * a taken name, a file from a newer game, unknown fields, wrong types and broken JSON are refused
 * with the JSON path and leave the database as it was. */
#include "check.h"
#include "store_fixture.h"
#include "base/util.h"
#include "store/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *fresh_dir(const char *name)
{
    return fixture_dir("test_store_profile", name);
}

/* Writes text to path. */
static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static char *read_text(const char *path)
{
    char *out = NULL;
    size_t len = 0;
    if (util_read_file(path, 1 << 26, &out, &len) != UTIL_OK)
        return NULL;
    return out;
}


/* A profile with answers in two modes over a week, so memory states differ, and two level
 * results. */
static void fill(Store *s, const char *name)
{
    int64_t id = 0;
    CHECK_INT(store_profile_create(s, name, T0, &id), STORE_OK);
    static const char *const items[] = {"aigun-1858", "beijing-1860", "nerchinsk-1689",
                                        "kyakhta-1727"};
    for (int day = 0; day < 7; day++)
        for (int i = 0; i < 4; i++) {
            StoreAnswer a = {.profile = id, .pack = "sino-russian-border", .pack_version = "1.0",
                             .item = items[i], .mode = (i % 2) ? GRADE_MODE_TIMELINE
                                                                : GRADE_MODE_FLASHCARDS,
                             .prompt_kind = "date", .correct = (day + i) % 3 != 0,
                             .grade = 1 + (day + i) % 4, .response_ms = 900 + 10 * i,
                             .timestamp = T0 + day * DAY + i * 60};
            CHECK_INT(store_answer_record(s, &a, NULL, NULL), STORE_OK);
        }
    StoreLevelResult r = {.profile = id, .level = "tl-amur-treaties", .score = 500,
                          .max_score = 600, .stars = 2, .time_ms = 61000, .date = T0 + DAY};
    CHECK_INT(store_level_result_record(s, &r, NULL), STORE_OK);
    r.score = 600;
    r.stars = 3;
    r.date = T0 + 2 * DAY;
    CHECK_INT(store_level_result_record(s, &r, NULL), STORE_OK);
}

static const char ROWS_SQL[] =
    "SELECT (SELECT count(*) FROM answers a JOIN profiles p ON p.id = a.profile WHERE p.name = '%s')"
    " * 1000000 + (SELECT count(*) FROM memory m JOIN profiles p ON p.id = m.profile WHERE p.name = "
    "'%s') * 1000 + (SELECT count(*) FROM level_results l JOIN profiles p ON p.id = l.profile WHERE "
    "p.name = '%s')";

static int64_t rows(const char *db, const char *name)
{
    char *sql = util_format(ROWS_SQL, name, name, name);
    int64_t v = scalar(db, sql);
    free(sql);
    return v;
}

static void export_then_import_should_keep_every_row_and_the_review_queue(void)
{
    char *a = fresh_dir("round_a"), *b = fresh_dir("round_b");
    char *file = util_format("%s/anna.json", a);
    Store *sa = open_store(a);
    fill(sa, "Anna");
    fill(sa, "Boris"); /* must not leak into Anna's file */
    CHECK_INT(store_profile_export(sa, "anna", file), STORE_OK);
    CHECK_INT(store_profile_export(sa, "nobody", file), STORE_ERR_NOT_FOUND);

    Store *sb = open_store(b);
    fill(sb, "Chen"); /* the other computer has its own players */
    StoreImportReport rep;
    CHECK_INT(store_profile_import(sb, file, NULL, T0 + 30 * DAY, &rep), STORE_OK);
    CHECK_STR(rep.name, "Anna");
    CHECK_INT((int)rep.answers, 28);
    CHECK_INT((int)rep.memory, 4);
    CHECK_INT((int)rep.level_results, 2);

    /* the queue an imported player sees is the one they left */
    StoreProfile pa, pb;
    CHECK_INT(store_profile_find(sa, "Anna", &pa), STORE_OK);
    CHECK_INT(store_profile_find(sb, "Anna", &pb), STORE_OK);
    for (int day = 7; day < 40; day += 3) {
        StoreMemory ma, mb;
        StoreError ea = store_review_next(sa, pa.id, T0 + day * DAY, &ma);
        StoreError eb = store_review_next(sb, pb.id, T0 + day * DAY, &mb);
        CHECK_INT(eb, ea);
        if (ea == STORE_OK && eb == STORE_OK) {
            CHECK_STR(mb.item, ma.item);
            CHECK(mb.card.due == ma.card.due);
            CHECK(mb.card.stability == ma.card.stability);
        }
    }
    StoreLevelBest best;
    CHECK_INT(store_level_best(sb, pb.id, "tl-amur-treaties", &best), STORE_OK);
    CHECK_INT(best.stars, 3);
    CHECK(pb.created == T0);
    store_close(sa);
    store_close(sb);

    char *dba = util_format("%s/progress.db", a), *dbb = util_format("%s/progress.db", b);
    CHECK(rows(dba, "Anna") == 28004002);
    CHECK(rows(dbb, "Anna") == rows(dba, "Anna"));
    CHECK(rows(dbb, "Chen") == 28004002);
    /* a second export of the imported profile is the same file */
    sb = open_store(b);
    char *again = util_format("%s/anna-again.json", b);
    CHECK_INT(store_profile_export(sb, "Anna", again), STORE_OK);
    store_close(sb);
    char *t1 = read_text(file), *t2 = read_text(again);
    CHECK(t1 && t2 && strcmp(t1, t2) == 0);
    free(t1);
    free(t2);
    free(again);
    free(dba);
    free(dbb);
    free(file);
    free(a);
    free(b);
}

/* Each bad file is refused with a message naming the place, and nothing is written. */
static void bad_files_should_be_refused_without_writing_anything(void)
{
    char *dir = fresh_dir("bad");
    Store *s = open_store(dir);
    fill(s, "Anna");
    char *file = util_format("%s/anna.json", dir);
    CHECK_INT(store_profile_export(s, "Anna", file), STORE_OK);
    char *good = read_text(file);
    CHECK(good != NULL);
    if (!good) {
        store_close(s);
        return;
    }

    /* name taken: refused, then accepted under another name */
    StoreImportReport rep;
    CHECK_INT(store_profile_import(s, file, NULL, T0, &rep), STORE_ERR_EXISTS);
    CHECK_INT(store_profile_import(s, file, "Anna at school", T0, &rep), STORE_OK);
    CHECK_INT((int)rep.answers, 28);

    struct {
        const char *from, *to, *message;
    } cases[] = {
        {"\"grade\":", "\"grade\":\"x\",\"old_grade\":", "$.answers[0].grade: expected a whole number"},
        {"\"response_ms\":", "\"bogus\":1,\"response_ms\":", "$.answers[0].bogus is not a field"},
        {"\"item\":\"aigun-1858\",", "", "$.answers[0]: NOT NULL constraint failed: answers.item"},
        {"\"format\":\"frontiers-profile\"", "\"format\":\"anki\"", "$.format: not a Frontiers profile"},
        {"\"format_version\":1", "\"format_version\":99", "$.format_version: written by a newer"},
        {"\"level_results\":[", "\"level_results\":[7,", "$.level_results[0] is not an object"},
        {"{", "[", "is not JSON"},
    };
    char *bad = util_format("%s/bad.json", dir);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *at = strstr(good, cases[i].from);
        CHECK(at != NULL);
        if (!at)
            continue;
        char *text = util_format("%.*s%s%s", (int)(at - good), good, cases[i].to,
                                 at + strlen(cases[i].from));
        if (i == 6) { /* broken JSON: cut it short */
            free(text);
            text = util_format("%.*s", 200, good);
        }
        write_text(bad, text);
        free(text);
        StoreError err = store_profile_import(s, bad, "Imported", T0, &rep);
        CHECK(err != STORE_OK);
        if (!strstr(store_last_detail(s), cases[i].message))
            fprintf(stderr, "case %zu: '%s' lacks '%s'\n", i, store_last_detail(s),
                    cases[i].message);
        CHECK(strstr(store_last_detail(s), cases[i].message) != NULL);
        StoreProfile p;
        CHECK_INT(store_profile_find(s, "Imported", &p), STORE_ERR_NOT_FOUND);
    }
    CHECK_INT(store_profile_import(s, "/nonexistent/file.json", NULL, T0, &rep), STORE_ERR_OPEN);
    store_close(s);
    char *db = util_format("%s/progress.db", dir);
    CHECK(scalar(db, "SELECT count(*) FROM profiles") == 2);
    CHECK(scalar(db, "SELECT count(*) FROM answers") == 56);
    CHECK(scalar(db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'")
          == 0);
    CHECK(scalar(db, "SELECT count(*) FROM profiles WHERE name = 'Imported'") == 0);
    free(db);
    free(bad);
    free(good);
    free(file);
    free(dir);
}

int main(void)
{
    RUN(export_then_import_should_keep_every_row_and_the_review_queue);
    RUN(bad_files_should_be_refused_without_writing_anything);
    return CHECK_DONE();
}
