/* The few operating-system calls that differ between POSIX and Windows, so the rest of the code
 * has no #ifdef. Paths are UTF-8 everywhere; on Windows they are converted to UTF-16 for the
 * wide-character API, so a user folder under a Cyrillic or Chinese user name works. */
#ifndef FRONTIERS_BASE_OS_H
#define FRONTIERS_BASE_OS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

/* fopen with a UTF-8 path; mode as fopen's (always binary on Windows). */
FILE *plat_fopen(const char *path, const char *mode);
/* mkdir with mode 0755 (ignored on Windows). 0 on success or when it exists. */
int plat_mkdir(const char *path);
/* What is at path: PLAT_NONE, PLAT_FILE (a regular file) or PLAT_DIR. */
typedef enum PlatKind { PLAT_NONE, PLAT_FILE, PLAT_DIR, PLAT_OTHER } PlatKind;
PlatKind plat_kind(const char *path);
/* 1 when path exists, 0 when not. */
int plat_exists(const char *path);
/* 1 when path exists and is writable by this process. */
int plat_writable(const char *path);
/* Renames from over to, replacing to atomically (rename on POSIX, MoveFileEx on Windows). */
int plat_replace(const char *from, const char *to);
int plat_remove(const char *path);
/* Writes data to a new file at path and flushes it to the disk (fsync / _commit). 0 on success;
 * on failure the file is removed. */
int plat_write_durable(const char *path, const void *data, size_t len);
long plat_pid(void);
/* Seconds on a monotonic clock (for start-up timing). */
double plat_monotonic_seconds(void);
/* Seconds of CPU time (user + system) this process has used, all threads (for start-up
 * tracing, where wall time is noisy on a shared machine). */
double plat_cpu_seconds(void);
/* The process's peak resident memory so far in KiB (0 where unknown). */
long plat_peak_rss_kb(void);
/* The canonical absolute path (symbolic links resolved on POSIX); out holds 4096 bytes. */
char *plat_realpath(const char *path, char *out);
struct tm *plat_gmtime(const time_t *t, struct tm *out);
struct tm *plat_localtime(const time_t *t, struct tm *out);

/* An exclusive advisory lock on a file (created if missing), held until plat_unlock or exit. */
typedef struct PlatLock {
    intptr_t handle; /* -1 when not held */
} PlatLock;
typedef enum PlatLockResult { PLAT_LOCK_OK, PLAT_LOCK_BUSY, PLAT_LOCK_ERROR } PlatLockResult;
PlatLockResult plat_lock(const char *path, PlatLock *out);
void plat_unlock(PlatLock *lock);

/* The names in a folder, sorted bytewise, without "." and ".." and without names that start
 * with a dot; *count receives how many. NULL when the folder cannot be read (then *count is 0).
 * An empty folder gives a non-NULL empty list. Free with plat_list_free. */
char **plat_list_dir(const char *path, size_t *count);
void plat_list_free(char **names, size_t count);
/* Unix seconds from the system clock. The game's own clock is app_now (app/session.h), which
 * tests fix with FRONTIERS_NOW; only the app and the command line read this one. */
int64_t plat_time_now(void);

/* A read-only view of a whole file (mmap; a heap copy on Windows). NULL on failure or when the
 * file is empty or larger than max_bytes. */
void *plat_map_file(const char *path, size_t max_bytes, size_t *len);
void plat_unmap_file(void *data, size_t len);

#endif
