/* The progress store: one SQLite database (progress.db) per user folder holding profiles,
 * every answer from every mode, memory state per item, level results and classroom sessions.
 * Every call returns a StoreError; messages for the player come from store_error_message. */
#ifndef FRONTIERS_STORE_H
#define FRONTIERS_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules/fsrs.h"
#include "rules/grade.h"
#include "rules/review.h"

/* The schema version written to PRAGMA user_version; older databases are migrated forward at
 * open, one step at a time, each step in its own transaction. */
#define STORE_SCHEMA_VERSION 3

typedef struct Store Store;

typedef enum StoreError {
    STORE_OK = 0,
    STORE_ERR_OPEN,      /* the folder or file cannot be opened or created */
    STORE_ERR_READONLY,  /* the folder is read-only */
    STORE_ERR_FULL,      /* the disk is full: nothing was written */
    STORE_ERR_LOCKED,    /* another copy of Frontiers uses this user folder */
    STORE_ERR_CORRUPT,   /* the database failed its check and was moved aside */
    STORE_ERR_NOT_FOUND,
    STORE_ERR_EXISTS,
    STORE_ERR_INVALID,   /* a bad argument (empty name, ...) */
    STORE_ERR_IO,
    STORE_ERR_TOO_NEW,   /* the database was written by a newer Frontiers */
} StoreError;

typedef struct StoreProfile {
    int64_t id;
    char name[64];
    int64_t created;   /* unix seconds */
    int64_t last_played;
} StoreProfile;

/* Opens (creating if needed) user_dir/progress.db. If the old database failed its check it is
 * moved aside, a fresh one made, and *moved_aside (when not NULL) receives the new path of the
 * old file (caller frees). The user folder is locked (user_dir/progress.lock, flock) while the
 * store is open: a second open fails with STORE_ERR_LOCKED.
 * Durability: WAL with synchronous=NORMAL. A committed answer survives the game being killed
 * or crashing (the WAL is in the OS); only a power cut may lose the last few commits, never
 * corrupt the database. store_open uses time(NULL) only to name a moved-aside file. */
StoreError store_open(const char *user_dir, Store **out, char **moved_aside);

typedef struct StoreOptions {
    int64_t now;            /* unix seconds; names a moved-aside database (.corrupt-YYYYMMDD-HHMMSS) */
    int new_per_day;        /* daily limit of new items; 0 = REVIEW_DEFAULT_NEW_PER_DAY */
    int32_t utc_offset_s;   /* local offset from UTC for day boundaries (stats, daily limit) */
    bool synchronous_full;  /* fsync every commit (slower; survives power cuts too) */
} StoreOptions;
StoreError store_open_ex(const char *user_dir, const StoreOptions *options, Store **out,
                         char **moved_aside);
/* The default user folder without SDL: $FRONTIERS_USER_DIR, else $XDG_DATA_HOME/frontiers,
 * else ~/.local/share/frontiers. Caller frees; NULL when no home is known. The game may use
 * SDL_GetPrefPath instead. */
char *store_default_user_dir(void);
/* The local UTC offset at time t (from the TZ database), for StoreOptions.utc_offset_s. */
int32_t store_local_utc_offset(int64_t t);
/* The scheduler parameters (default: fsrs_params_default). */
void store_set_fsrs_params(Store *store, const FsrsParams *params);
/* The SQLite message of the last failure, for logs ("" when none). */
const char *store_last_detail(const Store *store);
void store_close(Store *store);
const char *store_error_message(StoreError err);

/* Profiles. Names are 1-32 characters of UTF-8, unique (case-insensitive). */
StoreError store_profile_create(Store *store, const char *name, int64_t now, int64_t *id_out);
StoreError store_profile_rename(Store *store, int64_t id, const char *name);
StoreError store_profile_delete(Store *store, int64_t id);
/* Fills up to max profiles ordered by last_played (newest first); *count receives the number. */
StoreError store_profile_list(Store *store, StoreProfile *out, size_t max, size_t *count);
StoreError store_profile_touch(Store *store, int64_t id, int64_t now);
/* Finds a profile by name (case-insensitive for ASCII). */
StoreError store_profile_find(Store *store, const char *name, StoreProfile *out);

/* Export and import of one profile (answers, memory states, level results) as a JSON file, to
 * back it up or move it to another computer. Export is atomic. Import creates a new profile
 * (named as_name, or as in the file) in one transaction: STORE_ERR_EXISTS when that name is
 * taken, STORE_ERR_INVALID for a bad file (store_last_detail names the JSON path), and on any
 * error nothing is written. */
typedef struct StoreImportReport {
    char name[64];
    size_t answers, memory, level_results;
} StoreImportReport;
StoreError store_profile_export(Store *store, const char *name, const char *path);
StoreError store_profile_import(Store *store, const char *path, const char *as_name, int64_t now,
                                StoreImportReport *report);

/* ---- Answers and memory ------------------------------------------------------------------ */

/* One answer from any mode. Strings are copied. timestamp is unix seconds. */
typedef struct StoreAnswer {
    int64_t profile;
    const char *pack;          /* pack id */
    const char *pack_version;  /* may be NULL */
    const char *item;          /* item id inside the pack */
    GradeMode mode;
    const char *prompt_kind;   /* e.g. "date", "place", "treaty"; may be NULL */
    bool correct;
    int grade;                 /* 1..4, from grade_from_outcome */
    int64_t response_ms;
    int64_t timestamp;
} StoreAnswer;

/* What the store remembers about one (profile, pack, item, mode). */
typedef struct StoreMemory {
    int64_t id;
    int64_t profile;
    char pack[64];
    char item[128];
    GradeMode mode;
    FsrsCard card;
    int64_t first_review;      /* 0 until first answered */
} StoreMemory;

/* Records an answer and updates that item's memory state through FSRS in ONE transaction, so
 * a committed answer and its schedule never disagree. *answer_id and *memory (either may be
 * NULL) receive the new answer's id and the updated state. */
StoreError store_answer_record(Store *store, const StoreAnswer *answer, int64_t *answer_id,
                               StoreMemory *memory);
StoreError store_memory_get(Store *store, int64_t profile, const char *pack, const char *item,
                            GradeMode mode, StoreMemory *out);
/* Adds an item as NEW (due now) for the review queue; nothing happens when it is known. */
StoreError store_memory_introduce(Store *store, int64_t profile, const char *pack,
                                  const char *item, GradeMode mode, int64_t now);

/* ---- Review queue (order and limits in rules/review.h) ------------------------------------ */

/* The next item to ask across all packs and modes, or STORE_ERR_NOT_FOUND when none is due. */
StoreError store_review_next(Store *store, int64_t profile, int64_t now, StoreMemory *out);
/* Every item due now for one mode (mode < 0: all modes), most overdue first, then new items up
 * to what the daily limit still allows; at most max. */
StoreError store_review_due_list(Store *store, int64_t profile, int64_t now, int mode,
                                 StoreMemory *out, size_t max, size_t *count);
/* How many items are due now (not new), and how many new ones may still start today. */
StoreError store_review_due_count(Store *store, int64_t profile, int64_t now, int *due,
                                  int *new_available);

/* ---- Level results ------------------------------------------------------------------------ */

typedef struct StoreLevelResult {
    int64_t profile;
    const char *level;
    int score;
    int max_score;
    int stars;          /* 0..3 */
    int64_t time_ms;
    int64_t date;       /* unix seconds */
} StoreLevelResult;

typedef struct StoreLevelBest {
    int score;
    int max_score;
    int stars;
    int64_t time_ms;
    int64_t date;
} StoreLevelBest;

/* Records a result; the best (higher score, then shorter time) keeps is_best = 1. *is_best
 * (may be NULL) tells whether this one became the best. */
StoreError store_level_result_record(Store *store, const StoreLevelResult *result, bool *is_best);
StoreError store_level_best(Store *store, int64_t profile, const char *level, StoreLevelBest *out);

/* ---- Stats -------------------------------------------------------------------------------- */

typedef struct StoreDayAccuracy {
    int64_t day_start;  /* unix seconds of local midnight */
    int answers;
    int correct;
} StoreDayAccuracy;

/* The last `days` local days up to today, oldest first (out has `days` entries). */
StoreError store_stats_accuracy_by_day(Store *store, int64_t profile, int64_t now, int days,
                                       StoreDayAccuracy *out);
/* counts[REVIEW_CLASS_*]: new, learning, young (< 21 d interval), mature. */
StoreError store_stats_memory_counts(Store *store, int64_t profile, int counts[REVIEW_CLASS_COUNT]);
/* counts[0]: due by the end of today (overdue included); counts[i]: due on day today + i. */
StoreError store_stats_due_forecast(Store *store, int64_t profile, int64_t now, int days,
                                    int *counts);
/* Consecutive local days with at least one answer, ending today (or yesterday when nothing
 * was answered yet today). */
StoreError store_stats_streak(Store *store, int64_t profile, int64_t now, int *days);

/* When the next non-new item falls due after now (unix seconds); STORE_ERR_NOT_FOUND when
 * nothing is scheduled. (store_stats.c) */
StoreError store_review_next_due(Store *store, int64_t profile, int64_t now, int64_t *when);
/* How many more new items may be introduced today: the daily limit, less the items first
 * answered today and those already waiting as new. */
StoreError store_review_new_room(Store *store, int64_t profile, int64_t now, int *room);
/* The prompt kind of the last answer for one item in one mode ("" when none was given;
 * STORE_ERR_NOT_FOUND when never answered): a review asks an item the way it was last asked,
 * e.g. a region card as a map card even when a treaty has the same id. */
StoreError store_answer_last_prompt_kind(Store *store, int64_t profile, const char *pack,
                                         const char *item, GradeMode mode, char *out, size_t cap);
/* Every answer the profile ever gave, and how many were right. */
StoreError store_stats_totals(Store *store, int64_t profile, int *answers, int *correct);
/* The answers stored after answer id after_id (0: all), how many were right, and the last id
 * (after_id when none): a session counts its own answers with it. */
StoreError store_stats_answers_since(Store *store, int64_t profile, int64_t after_id,
                                     int *answers, int *correct, int64_t *last_id);

/* ---- Classroom ---------------------------------------------------------------------------- */

StoreError store_classroom_begin(Store *store, const char *level, int64_t now, int64_t *session);
StoreError store_classroom_team_add(Store *store, int64_t session, int team_index,
                                    const char *name);
typedef struct StoreClassroomAnswer {
    int64_t session;
    int question_index;
    const char *item;
    int team_index;
    int choice;        /* the option chosen; -1 for none */
    bool correct;
    int64_t time_ms;
    int points;
} StoreClassroomAnswer;
StoreError store_classroom_answer_record(Store *store, const StoreClassroomAnswer *answer);
/* Sets the points of one question's answers to 0 (the teacher undid its scoring); the answers
 * stay. STORE_ERR_NOT_FOUND when the session has no answer for that question. */
StoreError store_classroom_question_void(Store *store, int64_t session, int question_index);
/* Closes a session and stores each team's total points. */
StoreError store_classroom_end(Store *store, int64_t session, int64_t now);

/* ---- Export ------------------------------------------------------------------------------- */

/* Writes answers, level results and classroom answers as one CSV (RFC 4180, UTF-8 with BOM,
 * CRLF, header row, a `kind` column: answer | level | classroom), atomically. With a profile
 * name only that profile's answers and levels (STORE_ERR_NOT_FOUND when unknown). */
StoreError store_export_csv(Store *store, const char *path, const char *profile_name);

/* ---- For tests ---------------------------------------------------------------------------- */

int store_schema_version(Store *store);
/* Runs SQL on the open database (e.g. PRAGMA max_page_count to make SQLite report a full
 * disk, PRAGMA query_only to make it refuse writes). */
StoreError store_debug_exec(Store *store, const char *sql);
/* From now on, a statement that runs more than after_ops virtual-machine steps is interrupted
 * (SQLITE_INTERRUPT), so a long query's error path can be checked while short ones still run;
 * 0 turns it off. */
void store_debug_interrupt_steps(Store *store, int after_ops);
/* Creates db_path with the migration steps 1..version only (to test each migration). */
StoreError store_debug_create_at_version(const char *db_path, int version);

#endif
