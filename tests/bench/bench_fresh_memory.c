/* What the machine charges for fresh memory: maps 20 MB, writes one byte per 4 KB page (each
 * write is a page fault the kernel answers with a zeroed page), then writes them all again (no
 * faults). A pack's first load in a process pays this for the ~19 MB its parsed tree and the
 * pack take (bench_pack_load's "first load"); later loads reuse memory malloc kept. On bare
 * metal a fresh page costs well under a microsecond; under some hypervisors it costs tens. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <sys/mman.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int main(void)
{
    const size_t size = (size_t)20 << 20, page = 4096;
    for (int run = 0; run < 3; run++) {
        double t0 = now_ms();
        volatile char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return 1;
        for (size_t i = 0; i < size; i += page)
            p[i] = 1;
        double t1 = now_ms();
        for (size_t i = 0; i < size; i += page)
            p[i] = 2;
        double t2 = now_ms();
        printf("bench_fresh_memory: 20 MB, fresh pages %.1f ms (%.2f us a page), the same pages again %.2f ms\n",
               t1 - t0, (t1 - t0) * 1000.0 / (double)(size / page), t2 - t1);
        munmap((void *)p, size);
    }
    return 0;
}
