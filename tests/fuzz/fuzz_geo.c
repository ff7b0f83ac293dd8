/* libFuzzer target: the GeoJSON loader (geo_parse) and everything the map view does with what it
 * accepts: projection, triangulation of every polygon part, hit tests and simplification. Any
 * crash, leak, sanitizer report or broken invariant is a bug; rejections are expected. */
#include "content/geo.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    GeoCollection *geo = NULL;
    char err[256];
    GeoError e = geo_parse((const char *)data, size, "fuzz.geojson", &geo, err, sizeof err);
    if (e != GEO_OK) {
        if (geo)
            abort();
        return 0;
    }
    /* Structural invariants the map view relies on. */
    for (size_t i = 0; i < geo->nfeatures; i++) {
        const GeoFeature *f = &geo->features[i];
        if ((size_t)f->first_part + f->nparts > geo->nparts)
            abort();
    }
    for (size_t i = 0; i < geo->nparts; i++) {
        const GeoPart *p = &geo->parts[i];
        if ((size_t)p->first_ring + p->nrings > geo->nrings)
            abort();
    }
    for (size_t i = 0; i < geo->nrings; i++)
        if ((size_t)geo->rings[i].first + geo->rings[i].count > geo->nvertices)
            abort();
    for (size_t i = 0; i < 2 * geo->nvertices; i++)
        if (!isfinite(geo->coords[i]))
            abort();

    GeoProjection proj;
    if (geo_projection_init(&proj, GEO_PROJ_LCC, 110, 45, 35, 55) != GEO_OK)
        abort();
    double *xy = malloc(2 * (geo->nvertices ? geo->nvertices : 1) * sizeof *xy);
    if (!xy) {
        geo_free(geo);
        return 0;
    }
    geo_project_all(&proj, geo, xy);
    for (size_t f = 0; f < geo->nfeatures; f++) {
        const GeoFeature *ft = &geo->features[f];
        if (ft->type == GEO_GEOM_POLYGON) {
            for (uint32_t k = 0; k < ft->nparts; k++) {
                size_t part = ft->first_part + k;
                uint32_t *idx = NULL;
                size_t ntri = 0;
                if (geo_triangulate_part(geo, part, xy, &idx, &ntri) == GEO_OK) {
                    for (size_t t = 0; t < 3 * ntri; t++)
                        if (idx[t] >= geo->nvertices)
                            abort();
                    (void)geo_triangles_area(xy, idx, ntri);
                }
                free(idx);
                (void)geo_part_area(geo, part, xy);
            }
            (void)geo_feature_contains(geo, ft, xy, 0.1, 0.7);
        }
        (void)geo_feature_distance(geo, ft, xy, 0.1, 0.7);
    }
    for (size_t r = 0; r < geo->nrings; r++) {
        const GeoRing *ring = &geo->rings[r];
        bool *keep = calloc(ring->count ? ring->count : 1, sizeof *keep);
        if (keep) {
            size_t kept = geo_simplify(xy + 2 * (size_t)ring->first, ring->count, 0.001, keep);
            if (kept > ring->count)
                abort();
            free(keep);
        }
    }
    if (geo->nfeatures && geo->features[0].id)
        (void)geo_find(geo, geo->features[0].id);
    free(xy);
    geo_free(geo);
    return 0;
}
