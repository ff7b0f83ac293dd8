/* Player profiles: create, rename, delete, list, find, and when each last played. */
#include "store/internal.h"

#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool valid_profile_name(const char *name)
{
    if (!name)
        return false;
    size_t bytes = strlen(name);
    if (bytes == 0 || !utf8_valid(name, bytes))
        return false;
    size_t n = utf8_length(name);
    return n >= 1 && n <= 32;
}

StoreError store_profile_create(Store *store, const char *name, int64_t now, int64_t *id_out)
{
    if (!valid_profile_name(name))
        return STORE_ERR_INVALID;
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "INSERT INTO profiles(name, created, last_played) VALUES (?1, ?2, ?2)", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, now);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_map_sqlite(store, rc);
    if (id_out)
        *id_out = sqlite3_last_insert_rowid(store->db);
    return STORE_OK;
}

StoreError store_exec_changes(Store *store, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_map_sqlite(store, rc);
    return sqlite3_changes(store->db) > 0 ? STORE_OK : STORE_ERR_NOT_FOUND;
}

StoreError store_profile_rename(Store *store, int64_t id, const char *name)
{
    if (!valid_profile_name(name))
        return STORE_ERR_INVALID;
    sqlite3_stmt *st;
    StoreError err = store_prepare(store, "UPDATE profiles SET name = ?1 WHERE id = ?2", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, id);
    return store_exec_changes(store, st);
}

StoreError store_profile_delete(Store *store, int64_t id)
{
    sqlite3_stmt *st;
    StoreError err = store_prepare(store, "DELETE FROM profiles WHERE id = ?1", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, id);
    return store_exec_changes(store, st); /* answers, memory, levels go by ON DELETE CASCADE */
}

StoreError store_profile_touch(Store *store, int64_t id, int64_t now)
{
    sqlite3_stmt *st;
    StoreError err = store_prepare(store, "UPDATE profiles SET last_played = ?1 WHERE id = ?2", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, now);
    sqlite3_bind_int64(st, 2, id);
    return store_exec_changes(store, st);
}

static void read_profile(sqlite3_stmt *st, StoreProfile *p)
{
    p->id = sqlite3_column_int64(st, 0);
    snprintf(p->name, sizeof p->name, "%s", (const char *)sqlite3_column_text(st, 1));
    p->created = sqlite3_column_int64(st, 2);
    p->last_played = sqlite3_column_int64(st, 3);
}

StoreError store_profile_list(Store *store, StoreProfile *out, size_t max, size_t *count)
{
    sqlite3_stmt *st;
    *count = 0;
    StoreError err = store_prepare(store,
        "SELECT id, name, created, last_played FROM profiles ORDER BY last_played DESC, id", &st);
    if (err != STORE_OK)
        return err;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *count < max)
        read_profile(st, &out[(*count)++]);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? STORE_OK : store_map_sqlite(store, rc);
}

StoreError store_profile_find(Store *store, const char *name, StoreProfile *out)
{
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "SELECT id, name, created, last_played FROM profiles WHERE name = ?1", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_text(st, 1, name ? name : "", -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        read_profile(st, out);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? STORE_OK : rc == SQLITE_DONE ? STORE_ERR_NOT_FOUND
                                                           : store_map_sqlite(store, rc);
}
