/* LD_PRELOAD allocation counter for the frame benchmark: counts every malloc, calloc, realloc
 * and aligned allocation made by the process (the game, SDL, SDL_ttf, FreeType, cJSON, SQLite…)
 * and forwards to glibc. bench_frames reads the counter through a weak symbol. Linux/glibc only. */
#include <stddef.h>
#include <stdint.h>

void *__libc_malloc(size_t size);
void *__libc_calloc(size_t n, size_t size);
void *__libc_realloc(void *p, size_t size);
void *__libc_memalign(size_t align, size_t size);
void __libc_free(void *p);

unsigned long frontiers_malloc_calls;

void *malloc(size_t size);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t size);
void free(void *p);
void *memalign(size_t align, size_t size);
int posix_memalign(void **out, size_t align, size_t size);
void *aligned_alloc(size_t align, size_t size);

void *malloc(size_t size)
{
    __atomic_add_fetch(&frontiers_malloc_calls, 1, __ATOMIC_RELAXED);
    return __libc_malloc(size);
}

void *calloc(size_t n, size_t size)
{
    __atomic_add_fetch(&frontiers_malloc_calls, 1, __ATOMIC_RELAXED);
    return __libc_calloc(n, size);
}

void *realloc(void *p, size_t size)
{
    __atomic_add_fetch(&frontiers_malloc_calls, 1, __ATOMIC_RELAXED);
    return __libc_realloc(p, size);
}

void free(void *p)
{
    __libc_free(p);
}

void *memalign(size_t align, size_t size)
{
    __atomic_add_fetch(&frontiers_malloc_calls, 1, __ATOMIC_RELAXED);
    return __libc_memalign(align, size);
}

void *aligned_alloc(size_t align, size_t size)
{
    return memalign(align, size);
}

int posix_memalign(void **out, size_t align, size_t size)
{
    void *p = memalign(align, size);
    if (!p)
        return 12; /* ENOMEM */
    *out = p;
    return 0;
}
