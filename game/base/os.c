/* POSIX and Windows versions of the calls in os.h: every call to the operating system (files,
 * folders, locks, clocks) goes through here. */
#ifndef _WIN32
#define _DEFAULT_SOURCE /* flock, realpath, fsync */
#endif
#include "base/os.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Appends a copy of name to the list; false when memory runs out. */
static bool list_push(char ***names, size_t *n, size_t *cap, const char *name)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        char **grown = realloc(*names, nc * sizeof **names);
        if (!grown)
            return false;
        *names = grown;
        *cap = nc;
    }
    size_t len = strlen(name);
    char *copy = malloc(len + 1);
    if (!copy)
        return false;
    memcpy(copy, name, len + 1);
    (*names)[(*n)++] = copy;
    return true;
}

void plat_list_free(char **names, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
}

int64_t plat_time_now(void)
{
    return (int64_t)time(NULL);
}

#ifdef _WIN32
#include <direct.h>
#include <fcntl.h>
#include <io.h>
#include <process.h>
#include <sys/stat.h>
#include <windows.h>

/* UTF-8 to a heap UTF-16 string; NULL on failure. */
static wchar_t *wide(const char *s)
{
    int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, NULL, 0);
    if (n <= 0)
        return NULL;
    wchar_t *w = malloc((size_t)n * sizeof *w);
    if (w && MultiByteToWideChar(CP_UTF8, 0, s, -1, w, n) != n) {
        free(w);
        w = NULL;
    }
    return w;
}

FILE *plat_fopen(const char *path, const char *mode)
{
    char m[8];
    snprintf(m, sizeof m, "%s%s", mode, strchr(mode, 'b') ? "" : "b");
    wchar_t *wp = wide(path), *wm = wide(m);
    FILE *f = wp && wm ? _wfopen(wp, wm) : NULL;
    free(wp);
    free(wm);
    return f;
}

int plat_mkdir(const char *path)
{
    wchar_t *w = wide(path);
    int rc = w ? _wmkdir(w) : -1;
    free(w);
    return rc == 0 || errno == EEXIST ? 0 : -1;
}

PlatKind plat_kind(const char *path)
{
    wchar_t *w = wide(path);
    struct _stat64 st;
    int rc = w ? _wstat64(w, &st) : -1;
    free(w);
    if (rc != 0)
        return PLAT_NONE;
    return (st.st_mode & _S_IFMT) == _S_IFDIR ? PLAT_DIR
         : (st.st_mode & _S_IFMT) == _S_IFREG ? PLAT_FILE : PLAT_OTHER;
}

int plat_exists(const char *path)
{
    wchar_t *w = wide(path);
    int rc = w ? _waccess(w, 0) : -1;
    free(w);
    return rc == 0;
}

int plat_writable(const char *path)
{
    wchar_t *w = wide(path);
    int rc = w ? _waccess(w, 2) : -1;
    free(w);
    return rc == 0;
}

int plat_replace(const char *from, const char *to)
{
    wchar_t *wf = wide(from), *wt = wide(to);
    BOOL ok = wf && wt && MoveFileExW(wf, wt, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH);
    free(wf);
    free(wt);
    return ok ? 0 : -1;
}

int plat_remove(const char *path)
{
    wchar_t *w = wide(path);
    int rc = w ? _wremove(w) : -1;
    free(w);
    return rc;
}

int plat_write_durable(const char *path, const void *data, size_t len)
{
    FILE *f = plat_fopen(path, "wb");
    if (!f)
        return -1;
    int ok = fwrite(data, 1, len, f) == len && fflush(f) == 0 && _commit(_fileno(f)) == 0;
    if (fclose(f) != 0)
        ok = 0;
    if (!ok)
        plat_remove(path);
    return ok ? 0 : -1;
}

long plat_pid(void)
{
    return (long)_getpid();
}

double plat_monotonic_seconds(void)
{
    LARGE_INTEGER f, c;
    QueryPerformanceFrequency(&f);
    QueryPerformanceCounter(&c);
    return (double)c.QuadPart / (double)f.QuadPart;
}

double plat_cpu_seconds(void)
{
    FILETIME created, exited, kernel, user;
    if (!GetProcessTimes(GetCurrentProcess(), &created, &exited, &kernel, &user))
        return 0.0;
    ULARGE_INTEGER k = {.LowPart = kernel.dwLowDateTime, .HighPart = kernel.dwHighDateTime};
    ULARGE_INTEGER u = {.LowPart = user.dwLowDateTime, .HighPart = user.dwHighDateTime};
    return (double)(k.QuadPart + u.QuadPart) / 1e7;
}

long plat_peak_rss_kb(void)
{
    return 0;
}

char *plat_realpath(const char *path, char *out)
{
    wchar_t *w = wide(path);
    wchar_t full[4096];
    char *r = NULL;
    if (w && _wfullpath(full, w, 4096)
        && WideCharToMultiByte(CP_UTF8, 0, full, -1, out, 4096, NULL, NULL) > 0) {
        for (char *p = out; *p; p++)
            if (*p == '\\')
                *p = '/';
        r = out;
    }
    free(w);
    return r;
}

struct tm *plat_gmtime(const time_t *t, struct tm *out)
{
    return gmtime_s(out, t) == 0 ? out : NULL;
}

struct tm *plat_localtime(const time_t *t, struct tm *out)
{
    return localtime_s(out, t) == 0 ? out : NULL;
}

PlatLockResult plat_lock(const char *path, PlatLock *out)
{
    out->handle = -1;
    wchar_t *w = wide(path);
    HANDLE h = w ? CreateFileW(w, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                               NULL, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL)
                 : INVALID_HANDLE_VALUE;
    free(w);
    if (h == INVALID_HANDLE_VALUE)
        return PLAT_LOCK_ERROR;
    OVERLAPPED ov = {0};
    if (!LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ov)) {
        DWORD e = GetLastError();
        CloseHandle(h);
        return e == ERROR_LOCK_VIOLATION ? PLAT_LOCK_BUSY : PLAT_LOCK_ERROR;
    }
    out->handle = (intptr_t)h;
    return PLAT_LOCK_OK;
}

void plat_unlock(PlatLock *lock)
{
    if (lock->handle != -1)
        CloseHandle((HANDLE)lock->handle); /* releases the lock */
    lock->handle = -1;
}

void *plat_map_file(const char *path, size_t max_bytes, size_t *len)
{
    FILE *f = plat_fopen(path, "rb");
    if (!f)
        return NULL;
    void *data = NULL;
    long n = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    if (n > 0 && (size_t)n <= max_bytes && fseek(f, 0, SEEK_SET) == 0) {
        data = malloc((size_t)n);
        if (data && fread(data, 1, (size_t)n, f) != (size_t)n) {
            free(data);
            data = NULL;
        }
    }
    fclose(f);
    if (data)
        *len = (size_t)n;
    return data;
}

void plat_unmap_file(void *data, size_t len)
{
    (void)len;
    free(data);
}


char **plat_list_dir(const char *path, size_t *count)
{
    *count = 0;
    char *pattern = malloc(strlen(path) + 3);
    if (!pattern)
        return NULL;
    strcpy(pattern, path);
    strcat(pattern, "\\*");
    wchar_t *wp = wide(pattern);
    free(pattern);
    if (!wp)
        return NULL;
    WIN32_FIND_DATAW fd;
    HANDLE h = FindFirstFileW(wp, &fd);
    free(wp);
    if (h == INVALID_HANDLE_VALUE)
        return NULL;
    char **names = malloc(sizeof *names);
    size_t n = 0, cap = 1;
    bool ok = names != NULL;
    do {
        char utf8[MAX_PATH * 4];
        if (!ok || WideCharToMultiByte(CP_UTF8, 0, fd.cFileName, -1, utf8, (int)sizeof utf8, NULL, NULL) <= 0)
            continue;
        if (utf8[0] != '.')
            ok = list_push(&names, &n, &cap, utf8);
    } while (FindNextFileW(h, &fd));
    FindClose(h);
    if (!ok) {
        plat_list_free(names, n);
        return NULL;
    }
    qsort(names, n, sizeof *names, compare_names);
    *count = n;
    return names;
}

#else /* POSIX */
#include <fcntl.h>
#include <limits.h>
#include <sys/file.h>
#include <dirent.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

FILE *plat_fopen(const char *path, const char *mode)
{
    return fopen(path, mode);
}

int plat_mkdir(const char *path)
{
    return mkdir(path, 0755) == 0 || errno == EEXIST ? 0 : -1;
}

PlatKind plat_kind(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return PLAT_NONE;
    return S_ISDIR(st.st_mode) ? PLAT_DIR : S_ISREG(st.st_mode) ? PLAT_FILE : PLAT_OTHER;
}

int plat_exists(const char *path)
{
    return access(path, F_OK) == 0;
}

int plat_writable(const char *path)
{
    return access(path, W_OK) == 0;
}

int plat_replace(const char *from, const char *to)
{
    return rename(from, to);
}

int plat_remove(const char *path)
{
    return unlink(path);
}

int plat_write_durable(const char *path, const void *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return -1;
    const char *p = data;
    size_t left = len;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            close(fd);
            unlink(path);
            return -1;
        }
        p += w;
        left -= (size_t)w;
    }
    if (fsync(fd) != 0) {
        close(fd);
        unlink(path);
        return -1;
    }
    if (close(fd) != 0) {
        unlink(path);
        return -1;
    }
    return 0;
}

long plat_pid(void)
{
    return (long)getpid();
}

double plat_monotonic_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double plat_cpu_seconds(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
        return 0.0;
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

long plat_peak_rss_kb(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return 0;
#ifdef __APPLE__
    return (long)(ru.ru_maxrss / 1024);   /* bytes there, KiB on Linux and the BSDs */
#else
    return (long)ru.ru_maxrss;
#endif
}

char *plat_realpath(const char *path, char *out)
{
    return realpath(path, out);
}

struct tm *plat_gmtime(const time_t *t, struct tm *out)
{
    return gmtime_r(t, out);
}

struct tm *plat_localtime(const time_t *t, struct tm *out)
{
    return localtime_r(t, out);
}

PlatLockResult plat_lock(const char *path, PlatLock *out)
{
    out->handle = -1;
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return PLAT_LOCK_ERROR;
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return (e == EWOULDBLOCK || e == EAGAIN) ? PLAT_LOCK_BUSY : PLAT_LOCK_ERROR;
    }
    out->handle = fd;
    return PLAT_LOCK_OK;
}

void plat_unlock(PlatLock *lock)
{
    if (lock->handle >= 0)
        close((int)lock->handle); /* releases the flock */
    lock->handle = -1;
}

void *plat_map_file(const char *path, size_t max_bytes, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    int ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0
             && (size_t)st.st_size <= max_bytes;
    void *p = ok ? mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
    close(fd);
    if (p == MAP_FAILED)
        return NULL;
    *len = (size_t)st.st_size;
    return p;
}

void plat_unmap_file(void *data, size_t len)
{
    if (data)
        munmap(data, len);
}

char **plat_list_dir(const char *path, size_t *count)
{
    *count = 0;
    DIR *d = opendir(path);
    if (!d)
        return NULL;
    char **names = malloc(sizeof *names);
    size_t n = 0, cap = 1;
    bool ok = names != NULL;
    struct dirent *de;
    while (ok && (de = readdir(d)))
        if (de->d_name[0] != '.')
            ok = list_push(&names, &n, &cap, de->d_name);
    closedir(d);
    if (!ok) {
        plat_list_free(names, n);
        return NULL;
    }
    qsort(names, n, sizeof *names, compare_names);
    *count = n;
    return names;
}

#endif
