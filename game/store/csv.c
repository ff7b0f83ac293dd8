/* CSV export of results for teachers and players: RFC 4180 quoting, UTF-8 with a BOM so Excel
 * reads the Cyrillic and Chinese names right, CRLF line ends, one header row and a `kind`
 * column (answer | level | classroom) so one file holds every kind of row. Written atomically. */
#include "store/internal.h"

#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct Buf {
    char *data;
    size_t len;
    size_t cap;
    bool failed;
} Buf;

static void buf_add(Buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d) {
            b->failed = true;
            return;
        }
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void buf_str(Buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

/* One field: quoted when it holds a comma, quote, CR or LF, or edge spaces; quotes doubled. */
static void field(Buf *b, bool first, const char *s)
{
    if (!first)
        buf_add(b, ",", 1);
    if (!s)
        return;
    size_t n = strlen(s);
    bool quote = n > 0 && (s[0] == ' ' || s[n - 1] == ' ');
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (!quote) {
        buf_add(b, s, n);
        return;
    }
    buf_add(b, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            buf_add(b, "\"\"", 2);
        else
            buf_add(b, &s[i], 1);
    }
    buf_add(b, "\"", 1);
}

static void field_int(Buf *b, long long v)
{
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%lld", v);
    field(b, false, tmp);
}

static void field_time(Buf *b, int64_t t)
{
    char tmp[32];
    time_t tt = (time_t)t;
    struct tm tm;
    if (plat_gmtime(&tt, &tm))
        strftime(tmp, sizeof tmp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    else
        snprintf(tmp, sizeof tmp, "%lld", (long long)t);
    field(b, false, tmp);
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

enum { COLUMN_COUNT = 22 };
static const char *const HEADER[COLUMN_COUNT] = {
    "kind", "profile", "time_utc", "pack", "pack_version", "item", "mode", "prompt_kind",
    "correct", "grade", "response_ms", "level", "score", "max_score", "stars", "time_ms",
    "is_best", "session", "question", "team", "choice", "points",
};

static void empty_fields(Buf *b, int n)
{
    for (int i = 0; i < n; i++)
        buf_add(b, ",", 1);
}

static StoreError export_answers(Store *store, Buf *b, int64_t profile)
{
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "SELECT p.name, a.ts, a.pack, a.pack_version, a.item, a.mode, a.prompt_kind, a.correct,"
        " a.grade, a.response_ms FROM answers a JOIN profiles p ON p.id = a.profile"
        " WHERE ?1 = 0 OR a.profile = ?1 ORDER BY a.id", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        field(b, true, "answer");
        field(b, false, col_text(st, 0));
        field_time(b, sqlite3_column_int64(st, 1));
        for (int i = 2; i <= 6; i++)
            field(b, false, col_text(st, i));
        for (int i = 7; i <= 9; i++)
            field_int(b, sqlite3_column_int64(st, i));
        empty_fields(b, COLUMN_COUNT - 11);
        buf_add(b, "\r\n", 2);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? STORE_OK : store_map_sqlite(store, rc);
}

static StoreError export_levels(Store *store, Buf *b, int64_t profile)
{
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "SELECT p.name, r.date, r.level, r.score, r.max_score, r.stars, r.time_ms, r.is_best"
        " FROM level_results r JOIN profiles p ON p.id = r.profile"
        " WHERE ?1 = 0 OR r.profile = ?1 ORDER BY r.id", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        field(b, true, "level");
        field(b, false, col_text(st, 0));
        field_time(b, sqlite3_column_int64(st, 1));
        empty_fields(b, 8); /* pack .. response_ms */
        field(b, false, col_text(st, 2));
        for (int i = 3; i <= 7; i++)
            field_int(b, sqlite3_column_int64(st, i));
        empty_fields(b, 5);
        buf_add(b, "\r\n", 2);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? STORE_OK : store_map_sqlite(store, rc);
}

static StoreError export_classroom(Store *store, Buf *b)
{
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "SELECT s.started, a.item, a.correct, s.level, a.time_ms, a.session, a.question_index,"
        " coalesce(t.name, a.team_index), a.choice, a.points FROM classroom_answers a"
        " JOIN classroom_sessions s ON s.id = a.session"
        " LEFT JOIN classroom_teams t ON t.session = a.session AND t.team_index = a.team_index"
        " ORDER BY a.id", &st);
    if (err != STORE_OK)
        return err;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        field(b, true, "classroom");
        field(b, false, NULL);                        /* profile */
        field_time(b, sqlite3_column_int64(st, 0));
        field(b, false, NULL);                        /* pack */
        field(b, false, NULL);                        /* pack_version */
        field(b, false, col_text(st, 1));             /* item */
        field(b, false, "classroom");                 /* mode */
        field(b, false, NULL);                        /* prompt_kind */
        field_int(b, sqlite3_column_int64(st, 2));    /* correct */
        empty_fields(b, 2);                           /* grade, response_ms */
        field(b, false, col_text(st, 3));             /* level */
        empty_fields(b, 3);                           /* score, max_score, stars */
        field_int(b, sqlite3_column_int64(st, 4));    /* time_ms */
        field(b, false, NULL);                        /* is_best */
        field_int(b, sqlite3_column_int64(st, 5));    /* session */
        field_int(b, sqlite3_column_int64(st, 6));    /* question */
        field(b, false, col_text(st, 7));             /* team */
        field_int(b, sqlite3_column_int64(st, 8));    /* choice */
        field_int(b, sqlite3_column_int64(st, 9));    /* points */
        buf_add(b, "\r\n", 2);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? STORE_OK : store_map_sqlite(store, rc);
}

StoreError store_export_csv(Store *store, const char *path, const char *profile_name)
{
    if (!path || !*path)
        return STORE_ERR_INVALID;
    int64_t profile = 0;
    if (profile_name) {
        StoreProfile p;
        StoreError err = store_profile_find(store, profile_name, &p);
        if (err != STORE_OK)
            return err;
        profile = p.id;
    }
    Buf b = {0};
    buf_str(&b, "\xEF\xBB\xBF");
    for (int i = 0; i < COLUMN_COUNT; i++)
        field(&b, i == 0, HEADER[i]);
    buf_add(&b, "\r\n", 2);
    /* one read transaction: the three sections see the same moment */
    StoreError err = store_exec(store, "BEGIN");
    if (err == STORE_OK) {
        err = export_answers(store, &b, profile);
        if (err == STORE_OK)
            err = export_levels(store, &b, profile);
        if (err == STORE_OK && profile == 0)
            err = export_classroom(store, &b);
        store_exec(store, "COMMIT");
    }
    if (err == STORE_OK && b.failed)
        err = STORE_ERR_IO;
    if (err == STORE_OK && util_write_file_atomic(path, b.data, b.len) != 0)
        err = STORE_ERR_IO;
    free(b.data);
    return err;
}
