/* Small pure helpers: PCG32 random numbers, bounded file reading, atomic writes, UTF-8. */
#include "base/util.h"

#include "base/os.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void rng_seed(Rng *rng, uint64_t seed)
{
    rng->state = 0;
    rng->inc = (seed << 1u) | 1u;
    rng_next(rng);
    rng->state += seed ^ 0x853c49e6748fea9bULL;
    rng_next(rng);
}

uint32_t rng_next(Rng *rng)
{
    uint64_t old = rng->state;
    rng->state = old * 6364136223846793005ULL + rng->inc;
    uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
    uint32_t rot = (uint32_t)(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((-rot) & 31u));
}

uint32_t rng_below(Rng *rng, uint32_t bound)
{
    if (bound == 0)
        return 0;
    uint32_t threshold = (uint32_t)(-bound) % bound;
    for (;;) {
        uint32_t r = rng_next(rng);
        if (r >= threshold)
            return r % bound;
    }
}

double rng_unit(Rng *rng)
{
    return (double)rng_next(rng) / 4294967296.0;
}

void rng_shuffle(Rng *rng, void *base, size_t n, size_t size)
{
    unsigned char *b = base;
    unsigned char tmp[256];
    if (n < 2 || size > sizeof tmp)
        return;
    for (size_t i = n - 1; i > 0; i--) {
        size_t j = rng_below(rng, (uint32_t)(i + 1));
        if (j == i)
            continue;
        memcpy(tmp, b + i * size, size);
        memcpy(b + i * size, b + j * size, size);
        memcpy(b + j * size, tmp, size);
    }
}

UtilError util_read_file(const char *path, size_t max_bytes, char **out, size_t *len)
{
    *out = NULL;
    if (len)
        *len = 0;
    /* Only regular files: opening a FIFO (or a device) for reading can block forever or never
     * end, and a pack is untrusted. Checked before the open, which is what would block. */
    if (plat_kind(path) != PLAT_FILE)
        return UTIL_ERR_OPEN;
    FILE *f = plat_fopen(path, "rb");
    if (!f)
        return UTIL_ERR_OPEN;
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(f);
        return UTIL_ERR_OPEN;
    }
    if ((unsigned long long)st.st_size > max_bytes) {
        fclose(f);
        return UTIL_ERR_TOO_LARGE;
    }
    size_t cap = (size_t)st.st_size + 1;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        return UTIL_ERR_NOMEM;
    }
    size_t n = fread(buf, 1, cap - 1, f);
    int err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        return UTIL_ERR_READ;
    }
    buf[n] = '\0';
    *out = buf;
    if (len)
        *len = n;
    return UTIL_OK;
}

int util_write_file_atomic(const char *path, const void *data, size_t len)
{
    char *tmp = util_format("%s.tmp.%ld", path, plat_pid());
    if (!tmp)
        return -1;
    int rc = plat_write_durable(tmp, data, len);
    if (rc == 0 && plat_replace(tmp, path) != 0) {
        plat_remove(tmp);
        rc = -1;
    }
    free(tmp);
    return rc;
}

char *util_strdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

char *util_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (!s)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

char *util_path_join(const char *dir, const char *rel)
{
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/')
        dl--;
    return util_format("%.*s/%s", (int)dl, dir, rel);
}

bool util_is_dir(const char *path)
{
    return plat_kind(path) == PLAT_DIR;
}

bool util_is_file(const char *path)
{
    return plat_kind(path) == PLAT_FILE;
}

bool util_mkdirs(const char *path)
{
    char *p = util_strdup(path);
    if (!p)
        return false;
    for (char *s = p + 1; *s; s++) {
        if (*s == '/') {
            *s = '\0';
            plat_mkdir(p);
            *s = '/';
        }
    }
    plat_mkdir(p);
    bool ok = util_is_dir(p);
    free(p);
    return ok;
}

uint32_t utf8_next(const char **s)
{
    const unsigned char *p = (const unsigned char *)*s;
    uint32_t c = p[0];
    if (c == 0)
        return 0;
    int n;
    uint32_t min;
    if (c < 0x80) {
        *s += 1;
        return c;
    } else if ((c & 0xE0) == 0xC0) {
        n = 1; c &= 0x1F; min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 2; c &= 0x0F; min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 3; c &= 0x07; min = 0x10000;
    } else {
        *s += 1;
        return 0xFFFD;
    }
    for (int i = 1; i <= n; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            *s += 1;
            return 0xFFFD;
        }
        c = (c << 6) | (p[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        *s += 1;
        return 0xFFFD;
    }
    *s += n + 1;
    return c;
}

uint32_t utf8_next_bounded(const char **s, const char *end)
{
    const unsigned char *p = (const unsigned char *)*s;
    if ((const char *)p >= end)
        return 0;
    unsigned char c = p[0];
    size_t need = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if ((size_t)(end - (const char *)p) < need) {
        /* A sequence cut off by the end of the buffer: never read past it. */
        *s += 1;
        return 0xFFFD;
    }
    return utf8_next(s);
}

bool utf8_valid(const char *s, size_t len)
{
    const char *end = s + len;
    while (s < end) {
        const char *before = s;
        if (*s == '\0')
            return false;
        uint32_t c = utf8_next_bounded(&s, end);
        if (c == 0xFFFD && !(s - before == 3 && (unsigned char)before[0] == 0xEF))
            return false;
        if (s > end)
            return false;
    }
    return true;
}

size_t utf8_length(const char *s)
{
    size_t n = 0;
    while (utf8_next(&s))
        n++;
    return n;
}
