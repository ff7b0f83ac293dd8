/* Interim progress store: profiles only (the full store with answers, memory state and
 * migrations replaces this file). */
#include "store/store.h"
#include "core/util.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct Store {
    sqlite3 *db;
};

const char *store_error_message(StoreError err)
{
    switch (err) {
    case STORE_OK: return "ok";
    case STORE_ERR_OPEN: return "The progress database cannot be opened.";
    case STORE_ERR_READONLY: return "The user folder is read-only; progress cannot be saved.";
    case STORE_ERR_FULL: return "The disk is full; progress cannot be saved.";
    case STORE_ERR_LOCKED: return "Another copy of Frontiers is using this user folder.";
    case STORE_ERR_CORRUPT: return "The progress database was damaged and has been moved aside.";
    case STORE_ERR_NOT_FOUND: return "Not found.";
    case STORE_ERR_EXISTS: return "That name is already taken.";
    case STORE_ERR_INVALID: return "Invalid value.";
    case STORE_ERR_IO: default: return "The progress database could not be written.";
    }
}

StoreError store_open(const char *user_dir, Store **out, char **moved_aside)
{
    *out = NULL;
    if (moved_aside)
        *moved_aside = NULL;
    char *path = util_path_join(user_dir, "progress.db");
    Store *s = calloc(1, sizeof *s);
    if (!s || !path || sqlite3_open(path, &s->db) != SQLITE_OK) {
        free(path);
        if (s)
            sqlite3_close(s->db);
        free(s);
        return STORE_ERR_OPEN;
    }
    free(path);
    if (sqlite3_exec(s->db, "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS profiles(id INTEGER PRIMARY KEY, "
                            "name TEXT NOT NULL UNIQUE COLLATE NOCASE, created INTEGER, last_played INTEGER);",
                     NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_close(s->db);
        free(s);
        return STORE_ERR_IO;
    }
    *out = s;
    return STORE_OK;
}

void store_close(Store *s)
{
    if (!s)
        return;
    sqlite3_close(s->db);
    free(s);
}

static StoreError exec_bound(Store *s, const char *sql, const char *text, int64_t a, int64_t b, int nargs)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return STORE_ERR_IO;
    int i = 1;
    if (text)
        sqlite3_bind_text(st, i++, text, -1, SQLITE_TRANSIENT);
    if (nargs > 0)
        sqlite3_bind_int64(st, i++, a);
    if (nargs > 1)
        sqlite3_bind_int64(st, i++, b);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_CONSTRAINT)
        return STORE_ERR_EXISTS;
    return rc == SQLITE_DONE ? STORE_OK : STORE_ERR_IO;
}

static bool valid_name(const char *name)
{
    size_t n = name ? strlen(name) : 0;
    return n > 0 && utf8_length(name) <= 32 && utf8_valid(name, n);
}

StoreError store_profile_create(Store *s, const char *name, int64_t now, int64_t *id_out)
{
    if (!valid_name(name))
        return STORE_ERR_INVALID;
    StoreError e = exec_bound(s, "INSERT INTO profiles(name, created, last_played) VALUES(?, ?, ?)", name, now, now, 2);
    if (e == STORE_OK && id_out)
        *id_out = sqlite3_last_insert_rowid(s->db);
    return e;
}

StoreError store_profile_rename(Store *s, int64_t id, const char *name)
{
    if (!valid_name(name))
        return STORE_ERR_INVALID;
    return exec_bound(s, "UPDATE profiles SET name = ? WHERE id = ?", name, id, 0, 1);
}

StoreError store_profile_delete(Store *s, int64_t id)
{
    return exec_bound(s, "DELETE FROM profiles WHERE id = ?", NULL, id, 0, 1);
}

StoreError store_profile_touch(Store *s, int64_t id, int64_t now)
{
    return exec_bound(s, "UPDATE profiles SET last_played = ? WHERE id = ?", NULL, now, id, 2);
}

StoreError store_profile_list(Store *s, StoreProfile *out, size_t max, size_t *count)
{
    *count = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT id, name, created, last_played FROM profiles ORDER BY last_played DESC, id", -1, &st, NULL) != SQLITE_OK)
        return STORE_ERR_IO;
    while (*count < max && sqlite3_step(st) == SQLITE_ROW) {
        StoreProfile *p = &out[(*count)++];
        p->id = sqlite3_column_int64(st, 0);
        snprintf(p->name, sizeof p->name, "%s", (const char *)sqlite3_column_text(st, 1));
        p->created = sqlite3_column_int64(st, 2);
        p->last_played = sqlite3_column_int64(st, 3);
    }
    sqlite3_finalize(st);
    return STORE_OK;
}
