/* Profile export and import: one profile's answers, memory states and level results as a JSON
 * file a player can carry to another computer (or keep as a backup) and import there.
 *
 * The file names its format and the schema version it was written from; each row is an object
 * whose keys are the table's column names (ids and the profile column left out, so rows never
 * clash with the other computer's). Import checks every key against the table's columns, runs in
 * one transaction and creates a new profile: a bad file changes nothing. */
#include "base/compiler.h"
#include "store/internal.h"

#include "base/util.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROFILE_FORMAT "frontiers-profile"
#define PROFILE_FORMAT_VERSION 1
#define MAX_COLUMNS 32
#define PROFILE_MAX_BYTES ((size_t)512 << 20)

static const char *const profile_tables[] = {"answers", "memory", "level_results"};
enum { PROFILE_TABLE_COUNT = sizeof profile_tables / sizeof profile_tables[0] };

typedef struct Columns {
    char name[MAX_COLUMNS][48];
    char types[MAX_COLUMNS]; /* per column: 'i' INTEGER, 'r' REAL, 't' TEXT */
    int count;
} Columns;

/* The table's columns other than id and profile, from PRAGMA table_info. */
static StoreError table_columns(Store *store, const char *table, Columns *out)
{
    char sql[96];
    snprintf(sql, sizeof sql, "PRAGMA table_info(%s)", table);
    sqlite3_stmt *st;
    StoreError err = store_prepare(store, sql, &st);
    if (err != STORE_OK)
        return err;
    out->count = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 1);
        if (!name || strcmp(name, "id") == 0 || strcmp(name, "profile") == 0)
            continue;
        if (out->count == MAX_COLUMNS)
            break;
        const char *type = (const char *)sqlite3_column_text(st, 2);
        out->types[out->count] = !type ? 't' : strstr(type, "INT") ? 'i' : strstr(type, "REAL") ? 'r' : 't';
        snprintf(out->name[out->count++], sizeof out->name[0], "%s", name);
    }
    sqlite3_finalize(st);
    return STORE_OK;
}

static int column_index(const Columns *cols, const char *name)
{
    for (int i = 0; i < cols->count; i++)
        if (strcmp(cols->name[i], name) == 0)
            return i;
    return -1;
}

static cJSON *row_object(sqlite3_stmt *st, int ncols)
{
    cJSON *row = cJSON_CreateObject();
    for (int c = 0; row && c < ncols; c++) {
        const char *name = sqlite3_column_name(st, c);
        cJSON *v = NULL;
        switch (sqlite3_column_type(st, c)) {
        case SQLITE_INTEGER:
            v = cJSON_CreateNumber((double)sqlite3_column_int64(st, c));
            break;
        case SQLITE_FLOAT:
            v = cJSON_CreateNumber(sqlite3_column_double(st, c));
            break;
        case SQLITE_NULL:
            v = cJSON_CreateNull();
            break;
        default:
            v = cJSON_CreateString((const char *)sqlite3_column_text(st, c));
            break;
        }
        if (!v || !cJSON_AddItemToObject(row, name, v)) {
            cJSON_Delete(v);
            cJSON_Delete(row);
            return NULL;
        }
    }
    return row;
}

static StoreError export_table(Store *store, const char *table, int64_t profile, cJSON *into)
{
    Columns cols;
    StoreError err = table_columns(store, table, &cols);
    if (err != STORE_OK)
        return err;
    char sql[1024];
    size_t n = (size_t)snprintf(sql, sizeof sql, "SELECT ");
    for (int i = 0; i < cols.count; i++)
        n += (size_t)snprintf(sql + n, sizeof sql - n, "%s\"%s\"", i ? ", " : "", cols.name[i]);
    snprintf(sql + n, sizeof sql - n, " FROM %s WHERE profile = ?1 ORDER BY id", table);
    sqlite3_stmt *st;
    if ((err = store_prepare(store, sql, &st)) != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    cJSON *rows = cJSON_AddArrayToObject(into, table);
    int rc;
    while (rows && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        cJSON *row = row_object(st, cols.count);
        if (!row || !cJSON_AddItemToArray(rows, row)) {
            cJSON_Delete(row);
            sqlite3_finalize(st);
            return STORE_ERR_IO;
        }
    }
    sqlite3_finalize(st);
    return rows ? STORE_OK : STORE_ERR_IO;
}

StoreError store_profile_export(Store *store, const char *name, const char *path)
{
    StoreProfile p;
    StoreError err = store_profile_find(store, name, &p);
    if (err != STORE_OK)
        return err;
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return STORE_ERR_IO;
    cJSON_AddStringToObject(root, "format", PROFILE_FORMAT);
    cJSON_AddNumberToObject(root, "format_version", PROFILE_FORMAT_VERSION);
    cJSON_AddNumberToObject(root, "schema_version", store_schema_version(store));
    cJSON *prof = cJSON_AddObjectToObject(root, "profile");
    if (prof) {
        cJSON_AddStringToObject(prof, "name", p.name);
        cJSON_AddNumberToObject(prof, "created", (double)p.created);
        cJSON_AddNumberToObject(prof, "last_played", (double)p.last_played);
    }
    /* One read transaction, so the three tables agree with each other. */
    err = store_exec(store, "BEGIN");
    for (int t = 0; err == STORE_OK && t < PROFILE_TABLE_COUNT; t++)
        err = export_table(store, profile_tables[t], p.id, root);
    store_exec(store, "COMMIT");
    char *text = err == STORE_OK ? cJSON_PrintUnformatted(root) : NULL;
    cJSON_Delete(root);
    if (err != STORE_OK)
        return err;
    if (!text)
        return STORE_ERR_IO;
    size_t len = strlen(text);
    text[len] = '\n';  /* over the terminator: the file ends with a newline */
    int rc = util_write_file_atomic(path, text, len + 1);
    free(text);
    if (rc != 0) {
        snprintf(store->detail, sizeof store->detail, "cannot write %s", path);
        return STORE_ERR_IO;
    }
    return STORE_OK;
}

/* Import failures name the place in the file, for the command line. */
FRONTIERS_PRINTF(2, 3)
static StoreError bad_file(Store *store, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(store->detail, sizeof store->detail, fmt, ap);
    va_end(ap);
    return STORE_ERR_INVALID;
}

static StoreError import_table(Store *store, const char *table, const cJSON *rows, int64_t profile,
                               size_t *imported)
{
    if (!rows)
        return STORE_OK;
    if (!cJSON_IsArray(rows))
        return bad_file(store, "$.%s is not an array", table);
    Columns cols;
    StoreError err = table_columns(store, table, &cols);
    if (err != STORE_OK)
        return err;
    long index = 0;
    const cJSON *row;
    cJSON_ArrayForEach(row, rows) {
        if (!cJSON_IsObject(row))
            return bad_file(store, "$.%s[%ld] is not an object", table, index);
        char sql[1024], values[256];
        size_t n = (size_t)snprintf(sql, sizeof sql, "INSERT INTO %s(profile", table);
        size_t vn = (size_t)snprintf(values, sizeof values, "?1");
        int nkeys = 0;
        const cJSON *v;
        cJSON_ArrayForEach(v, row) {
            int col = column_index(&cols, v->string);
            if (col < 0) {
                return bad_file(store, "$.%s[%ld].%s is not a field this Frontiers knows",
                                table, index, v->string);
            }
            char want = cols.types[col];
            bool ok = cJSON_IsNull(v) || (want == 't' ? cJSON_IsString(v) : cJSON_IsNumber(v));
            if (ok && want == 'i')
                ok = cJSON_IsNull(v) || v->valuedouble == (double)(int64_t)v->valuedouble;
            if (!ok)
                return bad_file(store, "$.%s[%ld].%s: expected %s", table, index, v->string,
                                want == 't' ? "text" : want == 'i' ? "a whole number" : "a number");
            if (nkeys == MAX_COLUMNS)
                return bad_file(store, "$.%s[%ld] has too many fields", table, index);
            nkeys++;
            n += (size_t)snprintf(sql + n, sizeof sql - n, ", \"%s\"", v->string);
            vn += (size_t)snprintf(values + vn, sizeof values - vn, ", ?%d", nkeys + 1);
        }
        snprintf(sql + n, sizeof sql - n, ") VALUES (%s)", values);
        sqlite3_stmt *st;
        if ((err = store_prepare(store, sql, &st)) != STORE_OK)
            return err;
        sqlite3_bind_int64(st, 1, profile);
        int k = 2;
        cJSON_ArrayForEach(v, row) {
            if (cJSON_IsString(v))
                sqlite3_bind_text(st, k, v->valuestring, -1, SQLITE_TRANSIENT);
            else if (cJSON_IsNumber(v) && v->valuedouble == (double)(int64_t)v->valuedouble)
                sqlite3_bind_int64(st, k, (int64_t)v->valuedouble);
            else if (cJSON_IsNumber(v))
                sqlite3_bind_double(st, k, v->valuedouble);
            k++;
        }
        int rc = sqlite3_step(st);
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE) {
            if (rc == SQLITE_FULL)
                return STORE_ERR_FULL;
            return bad_file(store, "$.%s[%ld]: %s", table, index, sqlite3_errmsg(store->db));
        }
        index++;
        (*imported)++;
    }
    return STORE_OK;
}

StoreError store_profile_import(Store *store, const char *path, const char *as_name, int64_t now,
                                StoreImportReport *report)
{
    StoreImportReport local;
    if (!report)
        report = &local;
    memset(report, 0, sizeof *report);
    store->detail[0] = '\0';
    size_t len = 0;
    char *text = NULL;
    if (util_read_file(path, PROFILE_MAX_BYTES, &text, &len) != UTIL_OK) {
        snprintf(store->detail, sizeof store->detail, "cannot read %s", path);
        return STORE_ERR_OPEN;
    }
    cJSON *root = cJSON_ParseWithLength(text, len);
    free(text);
    if (!root)
        return bad_file(store, "%s is not JSON (a Frontiers profile file is)", path);
    StoreError err = STORE_OK;
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(root, "format");
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "format_version");
    const cJSON *prof = cJSON_GetObjectItemCaseSensitive(root, "profile");
    const cJSON *pname = prof ? cJSON_GetObjectItemCaseSensitive(prof, "name") : NULL;
    const cJSON *created = prof ? cJSON_GetObjectItemCaseSensitive(prof, "created") : NULL;
    if (!cJSON_IsString(format) || strcmp(format->valuestring, PROFILE_FORMAT) != 0)
        err = bad_file(store, "$.format: not a Frontiers profile file (expected \"%s\")",
                       PROFILE_FORMAT);
    else if (!cJSON_IsNumber(version) || version->valueint > PROFILE_FORMAT_VERSION)
        err = bad_file(store, "$.format_version: written by a newer Frontiers (this one reads "
                       "version %d)", PROFILE_FORMAT_VERSION);
    else if (!cJSON_IsString(pname) && !as_name)
        err = bad_file(store, "$.profile.name: missing");
    if (err != STORE_OK) {
        cJSON_Delete(root);
        return err;
    }
    const char *name = as_name ? as_name : pname->valuestring;
    snprintf(report->name, sizeof report->name, "%s", name);
    StoreProfile existing;
    if (store_profile_find(store, name, &existing) == STORE_OK) {
        snprintf(store->detail, sizeof store->detail, "a profile named '%s' exists", name);
        cJSON_Delete(root);
        return STORE_ERR_EXISTS;
    }
    if ((err = store_exec(store, "BEGIN IMMEDIATE")) != STORE_OK) {
        cJSON_Delete(root);
        return err;
    }
    int64_t id = 0;
    err = store_profile_create(store, name,
                               cJSON_IsNumber(created) ? (int64_t)created->valuedouble : now, &id);
    if (err == STORE_ERR_INVALID)
        snprintf(store->detail, sizeof store->detail,
                 "'%s' is not a valid profile name (1-32 characters)", name);
    size_t *counts[PROFILE_TABLE_COUNT] = {&report->answers, &report->memory,
                                           &report->level_results};
    for (int t = 0; err == STORE_OK && t < PROFILE_TABLE_COUNT; t++)
        err = import_table(store, profile_tables[t],
                           cJSON_GetObjectItemCaseSensitive(root, profile_tables[t]), id, counts[t]);
    cJSON_Delete(root);
    if (err == STORE_OK) {
        sqlite3_stmt *st;
        /* A profile's last_played is the newest answer it brought. */
        if (store_prepare(store, "UPDATE profiles SET last_played = max(created, "
                                 "coalesce((SELECT max(ts) FROM answers WHERE profile = ?1), 0)) "
                                 "WHERE id = ?1", &st) == STORE_OK) {
            sqlite3_bind_int64(st, 1, id);
            sqlite3_step(st);
            sqlite3_finalize(st);
        }
        err = store_exec(store, "COMMIT");
    }
    if (err != STORE_OK) {
        char keep[sizeof store->detail];
        memcpy(keep, store->detail, sizeof keep);
        store_exec(store, "ROLLBACK");
        memcpy(store->detail, keep, sizeof keep);
        memset(report, 0, sizeof *report);
    }
    return err;
}
