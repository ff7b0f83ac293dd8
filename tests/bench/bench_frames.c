/* Frame benchmark: every registered scene (scene_all()) at 1920x1080 on SDL's software renderer,
 * as `frontiers screenshot` runs it. After a warm-up it times each frame (one 1/60 s logic step
 * plus drawing, thread CPU time) and counts the allocations made during the measured frames:
 * SDL's (SDL, SDL_ttf and SDL_image allocate through SDL_malloc, counted with
 * SDL_SetMemoryFunctions) and, when run with LD_PRELOAD=libmalloc_count.so, every libc
 * allocation of the process. tests/bench/frames.sh runs it.
 *
 * What a measured frame is: exactly what the game does for a frame in play — one logic step,
 * the whole scene drawn (app_draw: background, panels, text, everything on screen) and
 * presented. Nothing is skipped: the cached layers (ui/layer.h: the paper background, a
 * screen's static panels) are copied to the screen as in play, and redrawn only when what they
 * show changes, again as in play. --no-cache makes every layer redraw every frame (as when
 * the size, language or the screen's state changes each frame, e.g. the map while it is
 * dragged): the cost of a frame with nothing cached.
 *
 * Under valgrind --tool=callgrind --instr-atstart=no, only the measured frames are counted
 * (instruction counts are stable on a loaded machine where CPU times are not).
 * Usage: bench_frames [--size WxH] [--warmup N] [--frames N] [--scene NAME] [--lang xx] [--no-cache] */
#include "app/app.h"
#include "app/scene.h"
#include "scenes/scenes.h"

#include <SDL.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#endif
#endif
#ifndef CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#endif

/* Set by malloc_count.c when it is preloaded; absent (NULL) otherwise. */
extern unsigned long frontiers_malloc_calls __attribute__((weak));

static SDL_malloc_func real_malloc;
static SDL_calloc_func real_calloc;
static SDL_realloc_func real_realloc;
static SDL_free_func real_free;
static unsigned long sdl_calls;

static void *count_malloc(size_t n) { sdl_calls++; return real_malloc(n); }
static void *count_calloc(size_t n, size_t s) { sdl_calls++; return real_calloc(n, s); }
static void *count_realloc(void *p, size_t n) { sdl_calls++; return real_realloc(p, n); }
static void count_free(void *p) { real_free(p); }

static unsigned long libc_calls(void)
{
    return &frontiers_malloc_calls ? frontiers_malloc_calls : 0;
}

static double thread_cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int w = 1920, h = 1080, warmup = 120, frames = 240;
    const char *only = NULL, *lang = "en";
    bool no_cache = false;
    for (int i = 1; i < argc; i += 2) {
        if (strcmp(argv[i], "--no-cache") == 0) {
            no_cache = true;
            i--;
        } else if (i + 1 >= argc) {
            fprintf(stderr, "bench_frames: %s needs a value\n", argv[i]);
            return 2;
        } else if (strcmp(argv[i], "--size") == 0 && sscanf(argv[i + 1], "%dx%d", &w, &h) == 2) {
        } else if (strcmp(argv[i], "--warmup") == 0) {
            warmup = atoi(argv[i + 1]);
        } else if (strcmp(argv[i], "--frames") == 0) {
            frames = atoi(argv[i + 1]);
        } else if (strcmp(argv[i], "--scene") == 0) {
            only = argv[i + 1];
        } else if (strcmp(argv[i], "--lang") == 0) {
            lang = argv[i + 1];
        } else {
            fprintf(stderr, "usage: bench_frames [--size WxH] [--warmup N] [--frames N] [--scene NAME] [--lang xx] [--no-cache]\n");
            return 2;
        }
    }
    if (frames < 1 || warmup < 0)
        return 2;
    SDL_GetMemoryFunctions(&real_malloc, &real_calloc, &real_realloc, &real_free);
    SDL_SetMemoryFunctions(count_malloc, count_calloc, count_realloc, count_free);
    SDL_setenv("SDL_VIDEODRIVER", "dummy", 0);
    SDL_setenv("SDL_AUDIODRIVER", "dummy", 0);
    SDL_setenv("SDL_RENDER_DRIVER", "software", 0);
    char user[] = "/tmp/frontiers-bench-XXXXXX";
    if (!mkdtemp(user)) {
        perror("mkdtemp");
        return 1;
    }
    const char *data = getenv("FRONTIERS_DATA_DIR");
    if (!data || !*data)
        data = FRONTIERS_SOURCE_DIR;
    double *ms = malloc((size_t)frames * sizeof *ms);
    if (!ms)
        return 1;
    printf("%-12s %9s %9s %9s %12s %12s\n", "scene", "median_ms", "p95_ms", "max_ms", "sdl_alloc/f",
           &frontiers_malloc_calls ? "libc_alloc/f" : "libc_alloc/f(no preload)");
    int status = 0;
    for (const SceneVtable *const *s = scene_all(); *s; s++) {
        const char *name = (*s)->name;
        if (only && strcmp(only, name) != 0)
            continue;
        AppConfig cfg = {.scenes = scene_all(), .run_mode = APP_RUN_SCREENSHOT, .start_scene = name, .width = w, .height = h,
                         .data_dir = data, .user_dir = user, .lang = lang, .profile = "Bench", .seed = 1};
        App app;
        if (app_init(&app, &cfg) != 0) {
            fprintf(stderr, "bench_frames: %s does not start\n", name);
            app_shutdown(&app);
            status = 1;
            continue;
        }
        for (int i = 0; i < warmup && !app.quit; i++) {
            app_step(&app, 1.0 / 60.0);
            app_draw(&app);
            SDL_RenderPresent(app.ui.renderer);
        }
        unsigned long sdl0 = sdl_calls, libc0 = libc_calls();
        int n = 0;
        CALLGRIND_START_INSTRUMENTATION;
        for (; n < frames && !app.quit; n++) {
            double t0 = thread_cpu_ms();
            if (no_cache)
                app.ui.look_epoch++;
            app_step(&app, 1.0 / 60.0);
            app_draw(&app);
            SDL_RenderPresent(app.ui.renderer);
            ms[n] = thread_cpu_ms() - t0;
        }
        CALLGRIND_STOP_INSTRUMENTATION;
        unsigned long sdl_n = sdl_calls - sdl0, libc_n = libc_calls() - libc0;
        if (n > 0) {
            qsort(ms, (size_t)n, sizeof *ms, cmp_double);
            printf("%-12s %9.3f %9.3f %9.3f %12.2f %12.2f\n", name, ms[n / 2], ms[(n * 95) / 100 < n ? (n * 95) / 100 : n - 1],
                   ms[n - 1], (double)sdl_n / n, (double)libc_n / n);
        } else {
            printf("%-12s quit before the first measured frame\n", name);
        }
        fflush(stdout);
        app_shutdown(&app);
    }
    free(ms);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", user);
    if (system(cmd) != 0)
        fprintf(stderr, "bench_frames: could not remove %s\n", user);
    return status;
}
