/* Small pure helpers shared by every layer: a seeded random number generator, file reading
 * with a size bound, UTF-8 decoding and string helpers. libc only. */
#ifndef FRONTIERS_UTIL_H
#define FRONTIERS_UTIL_H

#include "base/compiler.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* PCG32: small, fast and reproducible on every platform, so seeded deals replay exactly. */
typedef struct Rng {
    uint64_t state;
    uint64_t inc;
} Rng;

void rng_seed(Rng *rng, uint64_t seed);
uint32_t rng_next(Rng *rng);
/* Uniform integer in [0, bound) without modulo bias; 0 when bound is 0. */
uint32_t rng_below(Rng *rng, uint32_t bound);
/* Uniform double in [0, 1). */
double rng_unit(Rng *rng);
/* Fisher-Yates shuffle of n elements of the given size. */
void rng_shuffle(Rng *rng, void *base, size_t n, size_t size);

typedef enum UtilError {
    UTIL_OK = 0,
    UTIL_ERR_OPEN,
    UTIL_ERR_READ,
    UTIL_ERR_TOO_LARGE,
    UTIL_ERR_NOMEM,
} UtilError;

/* Reads a whole file into a NUL-terminated buffer (the NUL is not counted in *len).
 * Refuses files over max_bytes. The caller frees *out. */
UtilError util_read_file(const char *path, size_t max_bytes, char **out, size_t *len);

/* Writes data atomically: a temporary file beside path, fsync, rename. 0 on success. */
int util_write_file_atomic(const char *path, const void *data, size_t len);

char *util_strdup(const char *s);
/* printf into a fresh heap string. */
char *util_format(const char *fmt, ...) FRONTIERS_PRINTF(1, 2);
/* Joins a directory and a relative path with one '/'. */
char *util_path_join(const char *dir, const char *rel);
bool util_is_dir(const char *path);
bool util_is_file(const char *path);
/* Creates a directory and its parents; true when it exists afterwards. */
bool util_mkdirs(const char *path);

/* Decodes one UTF-8 code point at *s and advances *s; returns 0xFFFD for an invalid sequence
 * (consuming one byte) and 0 at the end of the string. */
uint32_t utf8_next(const char **s);
/* The same for a buffer that need not end in NUL: never reads at or past end (returns 0 there,
 * and 0xFFFD for a sequence the end cuts off). */
uint32_t utf8_next_bounded(const char **s, const char *end);
/* True when the whole string is valid UTF-8. */
bool utf8_valid(const char *s, size_t len);
/* Number of code points. */
size_t utf8_length(const char *s);

#endif
