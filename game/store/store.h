/* The progress store: one SQLite database (progress.db) per user folder holding profiles,
 * every answer from every mode, memory state per item, level results and classroom sessions.
 * Every call returns a StoreError; messages for the player come from store_error_message. */
#ifndef FRONTIERS_STORE_H
#define FRONTIERS_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
} StoreError;

typedef struct StoreProfile {
    int64_t id;
    char name[64];
    int64_t created;   /* unix seconds */
    int64_t last_played;
} StoreProfile;

/* Opens (creating if needed) user_dir/progress.db. If the old database failed its check it is
 * moved aside, a fresh one made, and *moved_aside (when not NULL) receives the new path of the
 * old file (caller frees). */
StoreError store_open(const char *user_dir, Store **out, char **moved_aside);
void store_close(Store *store);
const char *store_error_message(StoreError err);

/* Profiles. Names are 1-32 characters of UTF-8, unique (case-insensitive). */
StoreError store_profile_create(Store *store, const char *name, int64_t now, int64_t *id_out);
StoreError store_profile_rename(Store *store, int64_t id, const char *name);
StoreError store_profile_delete(Store *store, int64_t id);
/* Fills up to max profiles ordered by last_played (newest first); *count receives the number. */
StoreError store_profile_list(Store *store, StoreProfile *out, size_t max, size_t *count);
StoreError store_profile_touch(Store *store, int64_t id, int64_t now);

#endif
