/* Opening the progress store: the schema and its forward migrations, the lock, the integrity
 * check that moves a damaged file aside, WAL mode; SQLite error mapping and the transaction and
 * statement helpers the other store files share. */
#include "store/internal.h"

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

StoreError store_begin(Store *store)
{
    return store_exec(store, "BEGIN IMMEDIATE");
}

StoreError store_finish(Store *store, StoreError err)
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
        StoreError err = store_begin(store);
        if (err != STORE_OK)
            return err;
        err = store_exec(store, MIGRATIONS[v - 1]);
        if (err == STORE_OK) {
            char sql[64];
            snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v);
            err = store_exec(store, sql);
        }
        err = store_finish(store, err);
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
    StoreOptions opt = {.now = plat_time_now()};
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

static int interrupt_step(void *unused)
{
    (void)unused;
    return 1;
}

void store_debug_interrupt_steps(Store *store, int after_ops)
{
    sqlite3_progress_handler(store->db, after_ops, after_ops > 0 ? interrupt_step : NULL, NULL);
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
