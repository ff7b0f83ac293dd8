/* Benchmark: the map view as the map round uses it. Builds each map of the sino-russian-border
 * pack (load, project, triangulate: mapview_create) and its first screen geometry
 * (mapview_layout), then draws the whole far-east map filling a 1920x1080 frame on SDL's
 * software renderer (to a surface, no window) with rivers, towns, labels, scale bar and north
 * mark: a steady frame, a frame after a pan (the meshes are transformed, not rebuilt) and a
 * frame zoomed in 4x. Prints medians of CPU time (CLOCK_PROCESS_CPUTIME_ID) and wall time.
 * Built with -DFRONTIERS_BENCH=ON; run from anywhere. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "content/pack.h"
#include "base/util.h"
#include "ui/mapview.h"
#include "ui/text.h"
#include "ui/theme.h"

enum { RUNS = 15, W = 1920, H = 1080 };

static double clock_ms(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof v[0], cmp_double);
    return v[n / 2];
}

typedef struct Timing {
    double cpu[RUNS], wall[RUNS];
} Timing;

static void report(const char *what, Timing *t)
{
    double cpu = median(t->cpu, RUNS), wall = median(t->wall, RUNS);
    printf("bench_mapview: %-44s median CPU %7.2f ms, wall %7.2f ms (min CPU %.2f, max %.2f)\n", what, cpu, wall,
           t->cpu[0], t->cpu[RUNS - 1]);
}

int main(void)
{
    const char *src = getenv("FRONTIERS_SOURCE_DIR");
    if (!src)
        src = FRONTIERS_SOURCE_DIR;
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    char *dir = util_format("%s/content/sino-russian-border", src);
    Pack *pack = NULL;
    if (pack_load(dir, &pack, NULL) != PACK_OK) {
        fprintf(stderr, "cannot load %s\n", dir);
        return 1;
    }
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    if (!r) {
        fprintf(stderr, "software renderer: %s\n", SDL_GetError());
        return 1;
    }
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    Theme th;
    theme_compute(&th, W, H, 100, false);
    char *fonts = util_path_join(src, "assets/fonts");
    char err[512];
    TextSystem *ts = ui_text_create(r, fonts, &th, err, sizeof err);
    free(fonts);
    if (!ts) {
        fprintf(stderr, "fonts: %s\n", err);
        return 1;
    }
    SDL_Rect vp = {0, 0, W, H};
    /* Mesh build of each map: create (load, project, triangulate) and the first layout. */
    for (uint32_t m = 0; m < pack->map_count; m++) {
        Timing create = {0}, layout = {0};
        for (int i = 0; i < RUNS; i++) {
            double c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID), w0 = clock_ms(CLOCK_MONOTONIC);
            MapView *mv = mapview_create(pack, m, err, sizeof err);
            double c1 = clock_ms(CLOCK_PROCESS_CPUTIME_ID), w1 = clock_ms(CLOCK_MONOTONIC);
            if (!mv) {
                fprintf(stderr, "%s\n", err);
                return 1;
            }
            mapview_layout(mv, vp, th.unit);
            double c2 = clock_ms(CLOCK_PROCESS_CPUTIME_ID), w2 = clock_ms(CLOCK_MONOTONIC);
            create.cpu[i] = c1 - c0;
            create.wall[i] = w1 - w0;
            layout.cpu[i] = c2 - c1;
            layout.wall[i] = w2 - w1;
            mapview_destroy(mv);
        }
        char what[96];
        snprintf(what, sizeof what, "%s: build meshes (load+project+triangulate)", pack->maps[m].id);
        report(what, &create);
        snprintf(what, sizeof what, "%s: first screen geometry at 1920x1080", pack->maps[m].id);
        report(what, &layout);
    }
    /* Frames of the far-east map filling 1920x1080. */
    MapView *mv = mapview_create(pack, 0, err, sizeof err);
    mapview_layout(mv, vp, th.unit);
    MapStyle st = {.highlight_region = -1, .mark_region = -1, .highlight_river = -1, .mark_river = -1,
                   .river_labels = true, .lang = "en", .km_format = "{n} km", .north = "N"};
    /* Warm the text cache (labels are rendered to textures once, then reused). */
    mapview_draw(mv, r, ts, &th, &st);
    Timing steady = {0}, pan = {0}, zoomed = {0};
    for (int i = 0; i < RUNS; i++) {
        double c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID), w0 = clock_ms(CLOCK_MONOTONIC);
        mapview_draw(mv, r, ts, &th, &st);
        steady.cpu[i] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
        steady.wall[i] = clock_ms(CLOCK_MONOTONIC) - w0;
    }
    mapview_zoom_at(mv, 4.0, W / 2, H / 2);
    mapview_draw(mv, r, ts, &th, &st);
    for (int i = 0; i < RUNS; i++) {
        double c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID), w0 = clock_ms(CLOCK_MONOTONIC);
        mapview_pan(mv, (i % 2) ? 40 : -40, 0);
        mapview_draw(mv, r, ts, &th, &st);
        pan.cpu[i] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
        pan.wall[i] = clock_ms(CLOCK_MONOTONIC) - w0;
    }
    for (int i = 0; i < RUNS; i++) {
        double c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID), w0 = clock_ms(CLOCK_MONOTONIC);
        mapview_draw(mv, r, ts, &th, &st);
        zoomed.cpu[i] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
        zoomed.wall[i] = clock_ms(CLOCK_MONOTONIC) - w0;
    }
    report("far-east: frame, whole map, 1920x1080", &steady);
    report("far-east: frame after a pan (zoom 4)", &pan);
    report("far-east: frame, zoom 4, no change", &zoomed);
    if (getenv("BENCH_MAPVIEW_PNG")) {
        mapview_reset_view(mv);
        mapview_draw(mv, r, ts, &th, &st);
        SDL_SaveBMP(surf, getenv("BENCH_MAPVIEW_PNG"));
    }
    mapview_destroy(mv);
    ui_text_destroy(ts);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
    pack_free(pack);
    free(dir);
    SDL_Quit();
    return 0;
}
