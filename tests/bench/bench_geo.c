/* Benchmark: load, project and triangulate every map layer of the sino-russian-border pack,
 * as the map view does once when a map opens. Prints the median of several runs (ms) and the
 * triangle count. Built with -DFRONTIERS_BENCH=ON; run from anywhere. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "content/geo.h"
#include "base/util.h"

typedef struct BenchMap {
    const char *prefix;
    double lon0, lat0, lat1, lat2;
} BenchMap;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* One full pass; returns -1 on a load error. */
static long run_once(const char *dir, size_t *vertices, double *load_ms, double *tri_ms)
{
    static const BenchMap maps[] = {{"far-east", 125, 50, 45, 55}, {"central-asia", 82, 45, 40, 50}};
    static const char *layers[] = {"land", "lakes", "rivers", "borders", "regions"};
    long tris = 0;
    *vertices = 0;
    *load_ms = *tri_ms = 0;
    for (size_t m = 0; m < sizeof maps / sizeof maps[0]; m++) {
        GeoProjection p;
        geo_projection_init(&p, GEO_PROJ_LCC, maps[m].lon0, maps[m].lat0, maps[m].lat1, maps[m].lat2);
        for (size_t l = 0; l < sizeof layers / sizeof layers[0]; l++) {
            char *path = util_format("%s/%s-%s.geojson", dir, maps[m].prefix, layers[l]);
            GeoCollection *g = NULL;
            char err[512];
            double t0 = now_ms();
            GeoError e = geo_load_file(path, &g, err, sizeof err);
            double t1 = now_ms();
            free(path);
            if (e) {
                fprintf(stderr, "%s\n", err);
                return -1;
            }
            double *xy = malloc(2 * g->nvertices * sizeof(double) + 1);
            if (!xy) {
                geo_free(g);
                return -1;
            }
            geo_project_all(&p, g, xy);
            for (size_t k = 0; k < g->nparts; k++) {
                const GeoFeature *f = NULL;
                for (size_t fi = 0; fi < g->nfeatures && !f; fi++)
                    if (k >= g->features[fi].first_part &&
                        k < g->features[fi].first_part + g->features[fi].nparts)
                        f = &g->features[fi];
                if (!f || f->type != GEO_GEOM_POLYGON) continue;
                uint32_t *idx = NULL;
                size_t ntri = 0;
                if (geo_triangulate_part(g, k, xy, &idx, &ntri) == GEO_OK) tris += (long)ntri;
                free(idx);
            }
            double t2 = now_ms();
            *load_ms += t1 - t0;
            *tri_ms += t2 - t1;
            *vertices += g->nvertices;
            free(xy);
            geo_free(g);
        }
    }
    return tris;
}

int main(void)
{
    const char *src = getenv("FRONTIERS_SOURCE_DIR");
    if (!src) src = FRONTIERS_SOURCE_DIR;
    char *dir = util_format("%s/content/sino-russian-border/map", src);
    enum { RUNS = 9 };
    double total[RUNS], load[RUNS], tri[RUNS];
    long tris = 0;
    size_t vertices = 0;
    for (int r = 0; r < RUNS; r++) {
        double t0 = now_ms();
        tris = run_once(dir, &vertices, &load[r], &tri[r]);
        total[r] = now_ms() - t0;
        if (tris < 0) return 1;
    }
    qsort(total, RUNS, sizeof(double), cmp_double);
    qsort(load, RUNS, sizeof(double), cmp_double);
    qsort(tri, RUNS, sizeof(double), cmp_double);
    printf("bench_geo: %d runs over both maps: %zu vertices, %ld triangles\n", RUNS, vertices, tris);
    printf("bench_geo: median total %.2f ms (load+parse %.2f ms, project+triangulate %.2f ms); "
           "min %.2f ms, max %.2f ms\n",
           total[RUNS / 2], load[RUNS / 2], tri[RUNS / 2], total[0], total[RUNS - 1]);
    free(dir);
    return 0;
}
