/* The progress store on SQLite: opening with a lock, integrity check and forward migrations;
 * profiles; answers and FSRS memory written in one transaction; the review queue over an index;
 * level results, stats and classroom sessions. CSV export lives in store_csv.c. */
#include "store/store_internal.h"

#include "base/os.h"
#include "base/util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* ---- Migrations: step N turns a version N-1 database into version N. Never edit a step that
 * has shipped; add a new one. Rows for items a newer pack dropped are kept (never deleted). -- */

static const char *const MIGRATIONS[STORE_SCHEMA_VERSION] = {
    /* 1: profiles, answers, memory, level results */
    "CREATE TABLE profiles ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
    "  created INTEGER NOT NULL,"
    "  last_played INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE answers ("
    "  id INTEGER PRIMARY KEY,"
    "  profile INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
    "  pack TEXT NOT NULL, pack_version TEXT, item TEXT NOT NULL, mode TEXT NOT NULL,"
    "  prompt_kind TEXT, correct INTEGER NOT NULL, grade INTEGER NOT NULL,"
    "  response_ms INTEGER NOT NULL, ts INTEGER NOT NULL);"
    "CREATE TABLE memory ("
    "  id INTEGER PRIMARY KEY,"
    "  profile INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
    "  pack TEXT NOT NULL, item TEXT NOT NULL, mode TEXT NOT NULL,"
    "  stability REAL NOT NULL DEFAULT 0, difficulty REAL NOT NULL DEFAULT 0,"
    "  state INTEGER NOT NULL DEFAULT 0, step INTEGER NOT NULL DEFAULT 0,"
    "  due INTEGER NOT NULL, last_review INTEGER NOT NULL DEFAULT 0,"
    "  scheduled_secs INTEGER NOT NULL DEFAULT 0,"
    "  reps INTEGER NOT NULL DEFAULT 0, lapses INTEGER NOT NULL DEFAULT 0,"
    "  UNIQUE (profile, pack, item, mode));"
    "CREATE INDEX memory_profile_due ON memory(profile, due);"
    "CREATE TABLE level_results ("
    "  id INTEGER PRIMARY KEY,"
    "  profile INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
    "  level TEXT NOT NULL, score INTEGER NOT NULL, max_score INTEGER NOT NULL,"
    "  stars INTEGER NOT NULL, time_ms INTEGER NOT NULL, date INTEGER NOT NULL,"
    "  is_best INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX level_results_best ON level_results(profile, level, is_best);",

    /* 2: classroom sessions */
    "CREATE TABLE classroom_sessions ("
    "  id INTEGER PRIMARY KEY, level TEXT, started INTEGER NOT NULL, ended INTEGER);"
    "CREATE TABLE classroom_teams ("
    "  session INTEGER NOT NULL REFERENCES classroom_sessions(id) ON DELETE CASCADE,"
    "  team_index INTEGER NOT NULL, name TEXT NOT NULL, points INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (session, team_index));"
    "CREATE TABLE classroom_answers ("
    "  id INTEGER PRIMARY KEY,"
    "  session INTEGER NOT NULL REFERENCES classroom_sessions(id) ON DELETE CASCADE,"
    "  question_index INTEGER NOT NULL, item TEXT, team_index INTEGER NOT NULL,"
    "  choice INTEGER NOT NULL, correct INTEGER NOT NULL, time_ms INTEGER NOT NULL,"
    "  points INTEGER NOT NULL);",

    /* 3: first_review (for the daily new limit), queue indexes split by new / not new, answers
     * by time (stats) */
    "ALTER TABLE memory ADD COLUMN first_review INTEGER;"
    "UPDATE memory SET first_review = (SELECT min(a.ts) FROM answers a WHERE a.profile ="
    "  memory.profile AND a.pack = memory.pack AND a.item = memory.item AND a.mode = memory.mode);"
    "DROP INDEX memory_profile_due;"
    "CREATE INDEX memory_due ON memory(profile, due) WHERE state > 0;"
    "CREATE INDEX memory_new ON memory(profile, due) WHERE state = 0;"
    "CREATE INDEX memory_first ON memory(profile, first_review);"
    "CREATE INDEX answers_profile_ts ON answers(profile, ts);",
};

const char *store_error_message(StoreError err)
{
    switch (err) {
    case STORE_OK: return "ok";
    case STORE_ERR_OPEN: return "the progress folder or database cannot be opened";
    case STORE_ERR_READONLY: return "the progress folder is read-only: progress cannot be saved";
    case STORE_ERR_FULL: return "the disk is full: the last answer was not saved";
    case STORE_ERR_LOCKED: return "another copy of Frontiers is using this progress folder; "
                                  "close it first";
    case STORE_ERR_CORRUPT: return "the progress database was damaged and has been moved aside";
    case STORE_ERR_NOT_FOUND: return "not found";
    case STORE_ERR_EXISTS: return "that name is already taken";
    case STORE_ERR_INVALID: return "invalid value";
    case STORE_ERR_IO: return "the progress database could not be read or written";
    case STORE_ERR_TOO_NEW: return "the progress database was written by a newer Frontiers";
    }
    return "unknown error";
}

StoreError store_map_sqlite(Store *store, int rc)
{
    if (store && store->db)
        snprintf(store->detail, sizeof store->detail, "%s", sqlite3_errmsg(store->db));
    switch (rc & 0xff) {
    case SQLITE_OK:
    case SQLITE_DONE:
    case SQLITE_ROW: return STORE_OK;
    case SQLITE_FULL: return STORE_ERR_FULL;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH: return STORE_ERR_READONLY;
    case SQLITE_CANTOPEN: return STORE_ERR_OPEN;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return STORE_ERR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return STORE_ERR_LOCKED;
    case SQLITE_CONSTRAINT: return STORE_ERR_EXISTS;
    case SQLITE_NOMEM:
    case SQLITE_IOERR:
    default: return STORE_ERR_IO;
    }
}

StoreError store_exec(Store *store, const char *sql)
{
    char *msg = NULL;
    int rc = sqlite3_exec(store->db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK && msg)
        snprintf(store->detail, sizeof store->detail, "%s", msg);
    sqlite3_free(msg);
    if (rc == SQLITE_OK)
        return STORE_OK;
    StoreError e = store_map_sqlite(NULL, rc);
    return e;
}

StoreError store_prepare(Store *store, const char *sql, sqlite3_stmt **out)
{
    int rc = sqlite3_prepare_v2(store->db, sql, -1, out, NULL);
    return rc == SQLITE_OK ? STORE_OK : store_map_sqlite(store, rc);
}

const char *store_last_detail(const Store *store)
{
    return store ? store->detail : "";
}

void store_set_fsrs_params(Store *store, const FsrsParams *params)
{
    store->params = *params;
}

static StoreError begin(Store *store)
{
    return store_exec(store, "BEGIN IMMEDIATE");
}

static StoreError finish(Store *store, StoreError err)
{
    if (err == STORE_OK) {
        err = store_exec(store, "COMMIT");
        if (err == STORE_OK)
            return STORE_OK;
    }
    sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
    return err;
}

static int user_version(sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    int v = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK
        && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* Applies steps from+1 .. to, each in its own transaction with the version bump. */
static StoreError migrate(Store *store, int from, int to)
{
    for (int v = from + 1; v <= to; v++) {
        StoreError err = begin(store);
        if (err != STORE_OK)
            return err;
        err = store_exec(store, MIGRATIONS[v - 1]);
        if (err == STORE_OK) {
            char sql[64];
            snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v);
            err = store_exec(store, sql);
        }
        err = finish(store, err);
        if (err != STORE_OK)
            return err;
    }
    return STORE_OK;
}

/* Runs PRAGMA quick_check: STORE_OK when sound, STORE_ERR_CORRUPT when damaged (or not a
 * database at all), another error when the check could not run (busy, I/O): a database that
 * merely could not be read right now must never be moved aside. */
static StoreError check_db(Store *store)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(store->db, "PRAGMA quick_check", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    StoreError err;
    if (rc == SQLITE_ROW) {
        const char *r = (const char *)sqlite3_column_text(st, 0);
        err = r && strcmp(r, "ok") == 0 ? STORE_OK : STORE_ERR_CORRUPT;
    } else {
        err = store_map_sqlite(store, rc);
        if (err == STORE_OK)
            err = STORE_ERR_CORRUPT; /* no answer row at all */
    }
    sqlite3_finalize(st);
    return err;
}

/* Moves path (and its -wal / -shm) to path.corrupt-YYYYMMDD-HHMMSS[-N]; returns the new path. */
static char *move_aside(const char *path, int64_t now)
{
    time_t t = (time_t)now;
    struct tm tm;
    char stamp[32];
    plat_gmtime(&t, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    char *target = NULL;
    for (int n = 0; n < 100; n++) {
        free(target);
        target = n == 0 ? util_format("%s.corrupt-%s", path, stamp)
                        : util_format("%s.corrupt-%s-%d", path, stamp, n);
        if (!target || !plat_exists(target))
            break;
    }
    if (!target || plat_replace(path, target) != 0) {
        free(target);
        return NULL;
    }
    static const char *const sides[2] = {"-wal", "-shm"};
    for (int i = 0; i < 2; i++) {
        char *from = util_format("%s%s", path, sides[i]);
        char *to = util_format("%s%s", target, sides[i]);
        if (from && to && plat_exists(from))
            plat_replace(from, to);
        free(from);
        free(to);
    }
    return target;
}

static StoreError errno_error(int e)
{
    return (e == EACCES || e == EROFS || e == EPERM) ? STORE_ERR_READONLY
           : e == ENOSPC                             ? STORE_ERR_FULL
                                                     : STORE_ERR_OPEN;
}

static StoreError open_db(Store *store, const char *path)
{
    int rc = sqlite3_open_v2(path, &store->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK) {
        StoreError e = store_map_sqlite(store, rc);
        sqlite3_close(store->db);
        store->db = NULL;
        if (e == STORE_ERR_OPEN && plat_exists(path) && !plat_writable(path))
            e = STORE_ERR_READONLY;
        return e;
    }
    sqlite3_extended_result_codes(store->db, 1);
    sqlite3_busy_timeout(store->db, 2000);
    return STORE_OK;
}

static void close_db(Store *store)
{
    store_stmts_finalize(store);
    if (store->db)
        sqlite3_close(store->db);
    store->db = NULL;
}

StoreError store_open(const char *user_dir, Store **out, char **moved_aside)
{
    StoreOptions opt = {.now = (int64_t)time(NULL)};
    return store_open_ex(user_dir, &opt, out, moved_aside);
}

StoreError store_open_ex(const char *user_dir, const StoreOptions *options, Store **out,
                         char **moved_aside)
{
    *out = NULL;
    if (moved_aside)
        *moved_aside = NULL;
    if (!user_dir || !*user_dir)
        return STORE_ERR_INVALID;
    errno = 0;
    if (!util_mkdirs(user_dir))
        return errno_error(errno);

    Store *store = calloc(1, sizeof *store);
    if (!store)
        return STORE_ERR_IO;
    store->lock.handle = -1;
    fsrs_params_default(&store->params);
    StoreOptions opt = options ? *options : (StoreOptions){0};
    store->new_per_day = opt.new_per_day > 0 ? opt.new_per_day : REVIEW_DEFAULT_NEW_PER_DAY;
    store->utc_offset_s = opt.utc_offset_s;
    store->path = util_path_join(user_dir, "progress.db");
    char *lock_path = util_path_join(user_dir, "progress.lock");
    StoreError err = STORE_OK;
    if (!store->path || !lock_path) {
        err = STORE_ERR_IO;
        goto fail;
    }

    PlatLockResult locked = plat_lock(lock_path, &store->lock);
    if (locked != PLAT_LOCK_OK) {
        err = locked == PLAT_LOCK_BUSY ? STORE_ERR_LOCKED : errno_error(errno);
        goto fail;
    }

    err = open_db(store, store->path);
    if (err != STORE_OK)
        goto fail;
    err = check_db(store);
    if (err != STORE_OK && err != STORE_ERR_CORRUPT)
        goto fail;
    if (err == STORE_ERR_CORRUPT) {
        close_db(store);
        char *aside = move_aside(store->path, opt.now);
        if (!aside) {
            err = errno_error(errno);
            goto fail;
        }
        if (moved_aside)
            *moved_aside = aside;
        else
            free(aside);
        err = open_db(store, store->path);
        if (err != STORE_OK)
            goto fail;
    }

    err = store_exec(store, "PRAGMA journal_mode = WAL");
    if (err == STORE_OK)
        err = store_exec(store, opt.synchronous_full ? "PRAGMA synchronous = FULL"
                                                     : "PRAGMA synchronous = NORMAL");
    if (err == STORE_OK)
        err = store_exec(store, "PRAGMA foreign_keys = ON");
    if (err != STORE_OK)
        goto fail;

    int version = user_version(store->db);
    if (version < 0) {
        err = STORE_ERR_IO;
        goto fail;
    }
    if (version > STORE_SCHEMA_VERSION) {
        err = STORE_ERR_TOO_NEW;
        goto fail;
    }
    err = migrate(store, version, STORE_SCHEMA_VERSION);
    if (err != STORE_OK)
        goto fail;
    free(lock_path);
    *out = store;
    return STORE_OK;

fail:
    /* *moved_aside, when set, still tells the caller where the damaged file went */
    free(lock_path);
    store_close(store);
    return err;
}

void store_close(Store *store)
{
    if (!store)
        return;
    close_db(store);
    plat_unlock(&store->lock);
    free(store->path);
    free(store);
}

int store_schema_version(Store *store)
{
    return user_version(store->db);
}

StoreError store_debug_exec(Store *store, const char *sql)
{
    return store_exec(store, sql);
}

StoreError store_debug_create_at_version(const char *db_path, int version)
{
    if (version < 0 || version > STORE_SCHEMA_VERSION)
        return STORE_ERR_INVALID;
    Store tmp = {.lock = {.handle = -1}};
    StoreError err = open_db(&tmp, db_path);
    if (err == STORE_OK)
        err = store_exec(&tmp, "PRAGMA journal_mode = WAL");
    if (err == STORE_OK)
        err = migrate(&tmp, user_version(tmp.db), version);
    close_db(&tmp);
    return err;
}

char *store_default_user_dir(void)
{
    const char *env = getenv("FRONTIERS_USER_DIR");
    if (env && *env)
        return util_strdup(env);
    env = getenv("XDG_DATA_HOME");
    if (env && *env == '/')
        return util_path_join(env, "frontiers");
    env = getenv("HOME");
    if (env && *env)
        return util_format("%s/.local/share/frontiers", env);
    return NULL;
}

int32_t store_local_utc_offset(int64_t t)
{
    time_t tt = (time_t)t;
    struct tm local, utc;
    tzset();
    if (!plat_localtime(&tt, &local) || !plat_gmtime(&tt, &utc))
        return 0;
    /* difference of the broken-down times, in seconds */
    int64_t days = (int64_t)(local.tm_year - utc.tm_year) * 366 + (local.tm_yday - utc.tm_yday);
    if (local.tm_year != utc.tm_year)
        days = local.tm_year > utc.tm_year ? 1 : -1;
    return (int32_t)(days * 86400 + (local.tm_hour - utc.tm_hour) * 3600
                     + (local.tm_min - utc.tm_min) * 60 + (local.tm_sec - utc.tm_sec));
}

/* ---- Profiles ---------------------------------------------------------------------------- */

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

static StoreError exec_changes(Store *store, sqlite3_stmt *st)
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
    return exec_changes(store, st);
}

StoreError store_profile_delete(Store *store, int64_t id)
{
    sqlite3_stmt *st;
    StoreError err = store_prepare(store, "DELETE FROM profiles WHERE id = ?1", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, id);
    return exec_changes(store, st); /* answers, memory, levels go by ON DELETE CASCADE */
}

StoreError store_profile_touch(Store *store, int64_t id, int64_t now)
{
    sqlite3_stmt *st;
    StoreError err = store_prepare(store, "UPDATE profiles SET last_played = ?1 WHERE id = ?2", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, now);
    sqlite3_bind_int64(st, 2, id);
    return exec_changes(store, st);
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

/* ---- Answers and memory ------------------------------------------------------------------- */

#define MEMORY_COLS "id, profile, pack, item, mode, stability, difficulty, state, step, due, " \
                    "last_review, scheduled_secs, reps, lapses, first_review"

static void read_memory(sqlite3_stmt *st, StoreMemory *m)
{
    memset(m, 0, sizeof *m);
    m->id = sqlite3_column_int64(st, 0);
    m->profile = sqlite3_column_int64(st, 1);
    snprintf(m->pack, sizeof m->pack, "%s", (const char *)sqlite3_column_text(st, 2));
    snprintf(m->item, sizeof m->item, "%s", (const char *)sqlite3_column_text(st, 3));
    GradeMode mode = GRADE_MODE_FLASHCARDS;
    grade_mode_parse((const char *)sqlite3_column_text(st, 4), &mode);
    m->mode = mode;
    m->card.stability = sqlite3_column_double(st, 5);
    m->card.difficulty = sqlite3_column_double(st, 6);
    m->card.state = (FsrsState)sqlite3_column_int(st, 7);
    m->card.step = sqlite3_column_int(st, 8);
    m->card.due = sqlite3_column_int64(st, 9);
    m->card.last_review = sqlite3_column_int64(st, 10);
    m->card.scheduled_secs = sqlite3_column_int64(st, 11);
    m->card.reps = sqlite3_column_int(st, 12);
    m->card.lapses = sqlite3_column_int(st, 13);
    m->first_review = sqlite3_column_int64(st, 14);
}

/* Statements used on every answer are prepared once and kept. */
static StoreError cached(Store *store, StoreStmt which, sqlite3_stmt **out)
{
    static const char *const SQL[STORE_STMT_COUNT] = {
        [STORE_STMT_MEMORY_GET] = "SELECT " MEMORY_COLS " FROM memory"
                                  " WHERE profile = ?1 AND pack = ?2 AND item = ?3 AND mode = ?4",
        [STORE_STMT_ANSWER_INSERT] =
            "INSERT INTO answers(profile, pack, pack_version, item, mode, prompt_kind, correct,"
            " grade, response_ms, ts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        [STORE_STMT_MEMORY_UPSERT] =
            "INSERT INTO memory(profile, pack, item, mode, stability, difficulty, state, step,"
            " due, last_review, scheduled_secs, reps, lapses, first_review)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
            " ON CONFLICT(profile, pack, item, mode) DO UPDATE SET stability = excluded.stability,"
            " difficulty = excluded.difficulty, state = excluded.state, step = excluded.step,"
            " due = excluded.due, last_review = excluded.last_review,"
            " scheduled_secs = excluded.scheduled_secs, reps = excluded.reps,"
            " lapses = excluded.lapses, first_review = coalesce(first_review, excluded.first_review)",
        [STORE_STMT_PROFILE_PLAYED] = "UPDATE profiles SET last_played = max(last_played, ?1)"
                                      " WHERE id = ?2",
        [STORE_STMT_REVIEW_DUE] = "SELECT " MEMORY_COLS " FROM memory"
                                  " WHERE profile = ?1 AND state > 0 AND due <= ?2"
                                  " ORDER BY due, id LIMIT 1",
        [STORE_STMT_REVIEW_NEW] = "SELECT " MEMORY_COLS " FROM memory"
                                  " WHERE profile = ?1 AND state = 0 ORDER BY due, id LIMIT 1",
        [STORE_STMT_STARTED_SINCE] = "SELECT count(*) FROM memory"
                                     " WHERE profile = ?1 AND first_review >= ?2",
    };
    if (!store->stmts[which]) {
        StoreError err = store_prepare(store, SQL[which], &store->stmts[which]);
        if (err != STORE_OK)
            return err;
    }
    sqlite3_reset(store->stmts[which]);
    sqlite3_clear_bindings(store->stmts[which]);
    *out = store->stmts[which];
    return STORE_OK;
}

void store_stmts_finalize(Store *store)
{
    for (int i = 0; i < STORE_STMT_COUNT; i++) {
        sqlite3_finalize(store->stmts[i]);
        store->stmts[i] = NULL;
    }
}

static bool valid_id(const char *s, size_t max)
{
    return s && *s && strlen(s) < max;
}

/* Reads the memory row into *m; STORE_ERR_NOT_FOUND when there is none. */
static StoreError memory_lookup(Store *store, int64_t profile, const char *pack, const char *item,
                                GradeMode mode, StoreMemory *m)
{
    sqlite3_stmt *st;
    StoreError err = cached(store, STORE_STMT_MEMORY_GET, &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_text(st, 2, pack, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, item, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, grade_mode_name(mode), -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        read_memory(st, m);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? STORE_OK : rc == SQLITE_DONE ? STORE_ERR_NOT_FOUND
                                                           : store_map_sqlite(store, rc);
}

static StoreError memory_write(Store *store, const StoreMemory *m)
{
    sqlite3_stmt *st;
    StoreError err = cached(store, STORE_STMT_MEMORY_UPSERT, &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, m->profile);
    sqlite3_bind_text(st, 2, m->pack, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, m->item, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, grade_mode_name(m->mode), -1, SQLITE_STATIC);
    sqlite3_bind_double(st, 5, m->card.stability);
    sqlite3_bind_double(st, 6, m->card.difficulty);
    sqlite3_bind_int(st, 7, (int)m->card.state);
    sqlite3_bind_int(st, 8, m->card.step);
    sqlite3_bind_int64(st, 9, m->card.due);
    sqlite3_bind_int64(st, 10, m->card.last_review);
    sqlite3_bind_int64(st, 11, m->card.scheduled_secs);
    sqlite3_bind_int(st, 12, m->card.reps);
    sqlite3_bind_int(st, 13, m->card.lapses);
    if (m->first_review > 0)
        sqlite3_bind_int64(st, 14, m->first_review);
    else
        sqlite3_bind_null(st, 14);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? STORE_OK : store_map_sqlite(store, rc);
}

static StoreError answer_record_in_tx(Store *store, const StoreAnswer *a, int64_t *answer_id,
                                      StoreMemory *m)
{
    StoreError err = memory_lookup(store, a->profile, a->pack, a->item, a->mode, m);
    if (err == STORE_ERR_NOT_FOUND) {
        memset(m, 0, sizeof *m);
        m->profile = a->profile;
        snprintf(m->pack, sizeof m->pack, "%s", a->pack);
        snprintf(m->item, sizeof m->item, "%s", a->item);
        m->mode = a->mode;
        fsrs_card_init(&m->card, a->timestamp);
    } else if (err != STORE_OK) {
        return err;
    }
    fsrs_card_review(&store->params, &m->card, (FsrsGrade)a->grade, a->timestamp);
    if (m->first_review <= 0)
        m->first_review = a->timestamp;

    sqlite3_stmt *st;
    err = cached(store, STORE_STMT_ANSWER_INSERT, &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, a->profile);
    sqlite3_bind_text(st, 2, a->pack, -1, SQLITE_STATIC);
    if (a->pack_version)
        sqlite3_bind_text(st, 3, a->pack_version, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, a->item, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, grade_mode_name(a->mode), -1, SQLITE_STATIC);
    if (a->prompt_kind)
        sqlite3_bind_text(st, 6, a->prompt_kind, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 7, a->correct ? 1 : 0);
    sqlite3_bind_int(st, 8, a->grade);
    sqlite3_bind_int64(st, 9, a->response_ms);
    sqlite3_bind_int64(st, 10, a->timestamp);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_map_sqlite(store, rc);
    int64_t id = sqlite3_last_insert_rowid(store->db);

    err = memory_write(store, m);
    if (err != STORE_OK)
        return err;
    if (m->id == 0)
        m->id = sqlite3_last_insert_rowid(store->db);

    err = cached(store, STORE_STMT_PROFILE_PLAYED, &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, a->timestamp);
    sqlite3_bind_int64(st, 2, a->profile);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_map_sqlite(store, rc);
    if (answer_id)
        *answer_id = id;
    return STORE_OK;
}

StoreError store_answer_record(Store *store, const StoreAnswer *a, int64_t *answer_id,
                               StoreMemory *memory)
{
    if (!a || !valid_id(a->pack, sizeof((StoreMemory *)0)->pack)
        || !valid_id(a->item, sizeof((StoreMemory *)0)->item) || a->grade < 1 || a->grade > 4
        || (int)a->mode < 0 || a->mode >= GRADE_MODE_COUNT)
        return STORE_ERR_INVALID;
    StoreMemory m;
    StoreError err = begin(store);
    if (err != STORE_OK)
        return err;
    err = answer_record_in_tx(store, a, answer_id, &m);
    if (err == STORE_ERR_EXISTS) /* a foreign key: no such profile */
        err = STORE_ERR_NOT_FOUND;
    err = finish(store, err);
    if (err == STORE_OK && memory)
        *memory = m;
    return err;
}

StoreError store_memory_get(Store *store, int64_t profile, const char *pack, const char *item,
                            GradeMode mode, StoreMemory *out)
{
    if (!valid_id(pack, sizeof out->pack) || !valid_id(item, sizeof out->item))
        return STORE_ERR_INVALID;
    return memory_lookup(store, profile, pack, item, mode, out);
}

StoreError store_memory_introduce(Store *store, int64_t profile, const char *pack,
                                  const char *item, GradeMode mode, int64_t now)
{
    if (!valid_id(pack, 64) || !valid_id(item, 128) || (int)mode < 0 || mode >= GRADE_MODE_COUNT)
        return STORE_ERR_INVALID;
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "INSERT INTO memory(profile, pack, item, mode, due) VALUES (?1, ?2, ?3, ?4, ?5)"
        " ON CONFLICT DO NOTHING", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_text(st, 2, pack, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, item, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, grade_mode_name(mode), -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 5, now);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        return STORE_ERR_NOT_FOUND;
    return rc == SQLITE_DONE ? STORE_OK : store_map_sqlite(store, rc);
}

/* ---- Review queue -------------------------------------------------------------------------- */

static StoreError started_today(Store *store, int64_t profile, int64_t now, int *count)
{
    sqlite3_stmt *st;
    StoreError err = cached(store, STORE_STMT_STARTED_SINCE, &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_int64(st, 2, review_day_start(now, store->utc_offset_s));
    int rc = sqlite3_step(st);
    *count = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? STORE_OK : store_map_sqlite(store, rc);
}

StoreError store_review_next(Store *store, int64_t profile, int64_t now, StoreMemory *out)
{
    sqlite3_stmt *st;
    StoreError err = cached(store, STORE_STMT_REVIEW_DUE, &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_int64(st, 2, now);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        read_memory(st, out);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return STORE_OK;
    if (rc != SQLITE_DONE)
        return store_map_sqlite(store, rc);

    int started = 0;
    err = started_today(store, profile, now, &started);
    if (err != STORE_OK)
        return err;
    if (review_new_remaining(store->new_per_day, started) <= 0)
        return STORE_ERR_NOT_FOUND;
    err = cached(store, STORE_STMT_REVIEW_NEW, &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        read_memory(st, out);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? STORE_OK : rc == SQLITE_DONE ? STORE_ERR_NOT_FOUND
                                                           : store_map_sqlite(store, rc);
}

static StoreError list_query(Store *store, const char *sql, int64_t profile, int64_t now, int mode,
                             StoreMemory *out, size_t max, size_t *n)
{
    sqlite3_stmt *st;
    StoreError err = store_prepare(store, sql, &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_int64(st, 2, now);
    if (mode >= 0)
        sqlite3_bind_text(st, 3, grade_mode_name((GradeMode)mode), -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, 3);
    sqlite3_bind_int64(st, 4, (sqlite3_int64)(max - *n));
    int rc;
    while (*n < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
        read_memory(st, &out[(*n)++]);
    sqlite3_finalize(st);
    return STORE_OK;
}

StoreError store_review_due_list(Store *store, int64_t profile, int64_t now, int mode,
                                 StoreMemory *out, size_t max, size_t *count)
{
    *count = 0;
    StoreError err = list_query(store, "SELECT " MEMORY_COLS " FROM memory WHERE profile = ?1 AND state > 0"
                                       " AND due <= ?2 AND (?3 IS NULL OR mode = ?3) ORDER BY due, id LIMIT ?4",
                                profile, now, mode, out, max, count);
    if (err != STORE_OK || *count >= max)
        return err;
    int started = 0;
    err = started_today(store, profile, now, &started);
    if (err != STORE_OK)
        return err;
    int remaining = review_new_remaining(store->new_per_day, started);
    if (remaining <= 0)
        return STORE_OK;
    size_t cap = *count + (size_t)remaining < max ? *count + (size_t)remaining : max;
    return list_query(store, "SELECT " MEMORY_COLS " FROM memory WHERE profile = ?1 AND state = 0"
                             " AND ?2 = ?2 AND (?3 IS NULL OR mode = ?3) ORDER BY due, id LIMIT ?4",
                      profile, now, mode, out, cap, count);
}

static StoreError count_query(Store *store, const char *sql, int64_t a, int64_t b, int *out)
{
    sqlite3_stmt *st;
    StoreError err = store_prepare(store, sql, &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, a);
    sqlite3_bind_int64(st, 2, b);
    int rc = sqlite3_step(st);
    *out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? STORE_OK : store_map_sqlite(store, rc);
}

StoreError store_review_due_count(Store *store, int64_t profile, int64_t now, int *due,
                                  int *new_available)
{
    int d = 0, fresh = 0, started = 0;
    StoreError err = count_query(store, "SELECT count(*) FROM memory WHERE profile = ?1"
                                        " AND state > 0 AND due <= ?2", profile, now, &d);
    if (err == STORE_OK)
        err = count_query(store, "SELECT count(*) FROM memory WHERE profile = ?1 AND state = 0"
                                 " AND ?2 = ?2", profile, 0, &fresh);
    if (err == STORE_OK)
        err = started_today(store, profile, now, &started);
    if (err != STORE_OK)
        return err;
    int left = review_new_remaining(store->new_per_day, started);
    if (due)
        *due = d;
    if (new_available)
        *new_available = fresh < left ? fresh : left;
    return STORE_OK;
}

/* ---- Level results ------------------------------------------------------------------------- */

StoreError store_level_result_record(Store *store, const StoreLevelResult *r, bool *is_best)
{
    if (!r || !valid_id(r->level, 256) || r->stars < 0 || r->stars > 3 || r->max_score < 0)
        return STORE_ERR_INVALID;
    StoreError err = begin(store);
    if (err != STORE_OK)
        return err;
    sqlite3_stmt *st = NULL;
    bool best = true;
    err = store_prepare(store, "SELECT score, time_ms FROM level_results"
                               " WHERE profile = ?1 AND level = ?2 AND is_best = 1", &st);
    if (err == STORE_OK) {
        sqlite3_bind_int64(st, 1, r->profile);
        sqlite3_bind_text(st, 2, r->level, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            int score = sqlite3_column_int(st, 0);
            int64_t time_ms = sqlite3_column_int64(st, 1);
            best = r->score > score || (r->score == score && r->time_ms < time_ms);
        } else if (rc != SQLITE_DONE) {
            err = store_map_sqlite(store, rc);
        }
        sqlite3_finalize(st);
    }
    if (err == STORE_OK && best) {
        err = store_prepare(store, "UPDATE level_results SET is_best = 0"
                                   " WHERE profile = ?1 AND level = ?2 AND is_best = 1", &st);
        if (err == STORE_OK) {
            sqlite3_bind_int64(st, 1, r->profile);
            sqlite3_bind_text(st, 2, r->level, -1, SQLITE_STATIC);
            int rc = sqlite3_step(st);
            sqlite3_finalize(st);
            if (rc != SQLITE_DONE)
                err = store_map_sqlite(store, rc);
        }
    }
    if (err == STORE_OK) {
        err = store_prepare(store, "INSERT INTO level_results(profile, level, score, max_score,"
                                   " stars, time_ms, date, is_best)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &st);
        if (err == STORE_OK) {
            sqlite3_bind_int64(st, 1, r->profile);
            sqlite3_bind_text(st, 2, r->level, -1, SQLITE_STATIC);
            sqlite3_bind_int(st, 3, r->score);
            sqlite3_bind_int(st, 4, r->max_score);
            sqlite3_bind_int(st, 5, r->stars);
            sqlite3_bind_int64(st, 6, r->time_ms);
            sqlite3_bind_int64(st, 7, r->date);
            sqlite3_bind_int(st, 8, best ? 1 : 0);
            int rc = sqlite3_step(st);
            sqlite3_finalize(st);
            if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
                err = STORE_ERR_NOT_FOUND;
            else if (rc != SQLITE_DONE)
                err = store_map_sqlite(store, rc);
        }
    }
    err = finish(store, err);
    if (err == STORE_OK && is_best)
        *is_best = best;
    return err;
}

StoreError store_level_best(Store *store, int64_t profile, const char *level, StoreLevelBest *out)
{
    sqlite3_stmt *st;
    StoreError err = store_prepare(store, "SELECT score, max_score, stars, time_ms, date"
                                          " FROM level_results WHERE profile = ?1 AND level = ?2"
                                          " AND is_best = 1", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_text(st, 2, level ? level : "", -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->score = sqlite3_column_int(st, 0);
        out->max_score = sqlite3_column_int(st, 1);
        out->stars = sqlite3_column_int(st, 2);
        out->time_ms = sqlite3_column_int64(st, 3);
        out->date = sqlite3_column_int64(st, 4);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? STORE_OK : rc == SQLITE_DONE ? STORE_ERR_NOT_FOUND
                                                           : store_map_sqlite(store, rc);
}

/* ---- Stats --------------------------------------------------------------------------------- */

StoreError store_stats_accuracy_by_day(Store *store, int64_t profile, int64_t now, int days,
                                       StoreDayAccuracy *out)
{
    if (days <= 0)
        return STORE_ERR_INVALID;
    int32_t off = store->utc_offset_s;
    int64_t today = review_day_start(now, off);
    int64_t first = today - (int64_t)(days - 1) * FSRS_DAY_SECONDS;
    for (int i = 0; i < days; i++)
        out[i] = (StoreDayAccuracy){.day_start = first + (int64_t)i * FSRS_DAY_SECONDS};
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "SELECT (ts - ?3) / 86400, count(*), sum(correct) FROM answers"
        " WHERE profile = ?1 AND ts >= ?3 AND ts < ?2 GROUP BY 1", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_int64(st, 2, today + FSRS_DAY_SECONDS);
    sqlite3_bind_int64(st, 3, first);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t i = sqlite3_column_int64(st, 0);
        if (i >= 0 && i < days) {
            out[i].answers = sqlite3_column_int(st, 1);
            out[i].correct = sqlite3_column_int(st, 2);
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? STORE_OK : store_map_sqlite(store, rc);
}

StoreError store_stats_memory_counts(Store *store, int64_t profile, int counts[REVIEW_CLASS_COUNT])
{
    for (int i = 0; i < REVIEW_CLASS_COUNT; i++)
        counts[i] = 0;
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "SELECT state, scheduled_secs >= ?2, count(*) FROM memory WHERE profile = ?1"
        " GROUP BY 1, 2", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_int64(st, 2, (int64_t)REVIEW_MATURE_DAYS * FSRS_DAY_SECONDS);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t secs = sqlite3_column_int(st, 1) ? (int64_t)REVIEW_MATURE_DAYS * FSRS_DAY_SECONDS
                                                 : 0;
        ReviewClass c = review_class((FsrsState)sqlite3_column_int(st, 0), secs);
        counts[c] += sqlite3_column_int(st, 2);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? STORE_OK : store_map_sqlite(store, rc);
}

StoreError store_stats_due_forecast(Store *store, int64_t profile, int64_t now, int days,
                                    int *counts)
{
    if (days <= 0)
        return STORE_ERR_INVALID;
    for (int i = 0; i < days; i++)
        counts[i] = 0;
    int64_t today = review_day_start(now, store->utc_offset_s);
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "SELECT max(0, (due - ?2) / 86400), count(*) FROM memory"
        " WHERE profile = ?1 AND state > 0 AND due < ?3 GROUP BY 1", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_int64(st, 2, today);
    sqlite3_bind_int64(st, 3, today + (int64_t)days * FSRS_DAY_SECONDS);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t i = sqlite3_column_int64(st, 0);
        if (i >= 0 && i < days)
            counts[i] += sqlite3_column_int(st, 1);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? STORE_OK : store_map_sqlite(store, rc);
}

StoreError store_stats_streak(Store *store, int64_t profile, int64_t now, int *days)
{
    *days = 0;
    int32_t off = store->utc_offset_s;
    sqlite3_stmt *st;
    /* days as local day indexes; ts + off is positive for any real date */
    StoreError err = store_prepare(store,
        "SELECT DISTINCT (ts + ?2) / 86400 AS d FROM answers WHERE profile = ?1 AND ts < ?3"
        " ORDER BY d DESC", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, profile);
    sqlite3_bind_int64(st, 2, off);
    sqlite3_bind_int64(st, 3, review_day_start(now, off) + FSRS_DAY_SECONDS);
    int64_t today = review_day_index(now, off);
    int64_t expect = today;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t d = sqlite3_column_int64(st, 0);
        if (*days == 0 && d == today - 1 && expect == today)
            expect = today - 1; /* nothing yet today: the streak may end yesterday */
        if (d != expect)
            break;
        (*days)++;
        expect--;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? STORE_OK : store_map_sqlite(store, rc);
}

/* ---- Classroom ----------------------------------------------------------------------------- */

StoreError store_classroom_begin(Store *store, const char *level, int64_t now, int64_t *session)
{
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "INSERT INTO classroom_sessions(level, started) VALUES (?1, ?2)", &st);
    if (err != STORE_OK)
        return err;
    if (level)
        sqlite3_bind_text(st, 1, level, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, now);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_map_sqlite(store, rc);
    *session = sqlite3_last_insert_rowid(store->db);
    return STORE_OK;
}

StoreError store_classroom_team_add(Store *store, int64_t session, int team_index,
                                    const char *name)
{
    if (!name || !*name || team_index < 0)
        return STORE_ERR_INVALID;
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "INSERT INTO classroom_teams(session, team_index, name) VALUES (?1, ?2, ?3)", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, session);
    sqlite3_bind_int(st, 2, team_index);
    sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        return STORE_ERR_NOT_FOUND;
    return rc == SQLITE_DONE ? STORE_OK : store_map_sqlite(store, rc);
}

StoreError store_classroom_answer_record(Store *store, const StoreClassroomAnswer *a)
{
    if (!a || a->question_index < 0 || a->team_index < 0)
        return STORE_ERR_INVALID;
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "INSERT INTO classroom_answers(session, question_index, item, team_index, choice,"
        " correct, time_ms, points) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, a->session);
    sqlite3_bind_int(st, 2, a->question_index);
    if (a->item)
        sqlite3_bind_text(st, 3, a->item, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, a->team_index);
    sqlite3_bind_int(st, 5, a->choice);
    sqlite3_bind_int(st, 6, a->correct ? 1 : 0);
    sqlite3_bind_int64(st, 7, a->time_ms);
    sqlite3_bind_int(st, 8, a->points);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        return STORE_ERR_NOT_FOUND;
    return rc == SQLITE_DONE ? STORE_OK : store_map_sqlite(store, rc);
}

StoreError store_classroom_question_void(Store *store, int64_t session, int question_index)
{
    sqlite3_stmt *st;
    StoreError err = store_prepare(store,
        "UPDATE classroom_answers SET points = 0 WHERE session = ?1 AND question_index = ?2"
        " AND item IS NOT 'adjust'", &st);
    if (err != STORE_OK)
        return err;
    sqlite3_bind_int64(st, 1, session);
    sqlite3_bind_int(st, 2, question_index);
    return exec_changes(store, st);
}

StoreError store_classroom_end(Store *store, int64_t session, int64_t now)
{
    StoreError err = begin(store);
    if (err != STORE_OK)
        return err;
    sqlite3_stmt *st;
    err = store_prepare(store, "UPDATE classroom_sessions SET ended = ?2 WHERE id = ?1", &st);
    if (err == STORE_OK) {
        sqlite3_bind_int64(st, 1, session);
        sqlite3_bind_int64(st, 2, now);
        err = exec_changes(store, st);
    }
    if (err == STORE_OK) {
        err = store_prepare(store,
            "UPDATE classroom_teams SET points = (SELECT coalesce(sum(points), 0)"
            " FROM classroom_answers a WHERE a.session = classroom_teams.session"
            " AND a.team_index = classroom_teams.team_index) WHERE session = ?1", &st);
        if (err == STORE_OK) {
            sqlite3_bind_int64(st, 1, session);
            int rc = sqlite3_step(st);
            sqlite3_finalize(st);
            if (rc != SQLITE_DONE)
                err = store_map_sqlite(store, rc);
        }
    }
    return finish(store, err);
}
