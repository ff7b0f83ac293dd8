/* Vector map geometry: GeoJSON loading into flat arrays, map projections (Lambert conformal
 * conic, Albers equal-area, equirectangular) on the sphere, ear-clipping triangulation with
 * holes, and hit testing. Pure C (libc, math, cJSON): no drawing, no clock. */
#ifndef FRONTIERS_GEO_H
#define FRONTIERS_GEO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Limits from content/README.md: a pack's GeoJSON is untrusted input. */
#define GEO_MAX_FILE_BYTES (16u * 1024u * 1024u)
#define GEO_MAX_RING_VERTICES 200000u
#define GEO_MAX_FILE_VERTICES 1000000u

typedef enum GeoError {
    GEO_OK = 0,
    GEO_ERR_IO,         /* the file could not be opened or read */
    GEO_ERR_TOO_LARGE,  /* file over GEO_MAX_FILE_BYTES */
    GEO_ERR_NOMEM,
    GEO_ERR_SYNTAX,     /* not JSON */
    GEO_ERR_FORMAT,     /* JSON, but not a GeoJSON FeatureCollection of supported geometries */
    GEO_ERR_LIMIT,      /* too many vertices in a ring or in the file */
    GEO_ERR_RING,       /* a polygon ring that is not closed or has fewer than 4 positions */
    GEO_ERR_RANGE,      /* a coordinate outside [-180,180] x [-90,90] or not finite */
    GEO_ERR_INVALID,    /* bad arguments (projection parameters, triangulation input) */
} GeoError;

typedef enum GeoGeomType {
    GEO_GEOM_NONE = 0, /* "geometry": null */
    GEO_GEOM_POINT,    /* Point (one part, one ring of one vertex) */
    GEO_GEOM_LINE,     /* LineString, MultiLineString (each line is a part with one ring) */
    GEO_GEOM_POLYGON,  /* Polygon, MultiPolygon (ring 0 of a part is outer, the rest holes) */
} GeoGeomType;

/* A run of vertices in GeoCollection.coords. Polygon rings are stored WITHOUT the closing
 * duplicate of the first position; lines keep every position. */
typedef struct GeoRing {
    uint32_t first;
    uint32_t count;
} GeoRing;

/* One polygon (outer ring plus holes), one line or one point. The vertices of a part's rings
 * are contiguous in coords, in ring order. bbox is [west, south, east, north]. */
typedef struct GeoPart {
    uint32_t first_ring;
    uint32_t nrings;
    double bbox[4];
} GeoPart;

typedef struct GeoFeature {
    char *id;       /* properties.id, or NULL */
    char *name_en;  /* properties.name_en, else properties.name, or NULL */
    char *name_ru;
    char *name_zh;
    char *kind;     /* properties.kind, or NULL */
    GeoGeomType type;
    uint32_t first_part;
    uint32_t nparts;
    double bbox[4];
} GeoFeature;

/* Everything flat: features own parts, parts own rings, rings own vertices. */
typedef struct GeoCollection {
    GeoFeature *features;
    size_t nfeatures;
    GeoPart *parts;
    size_t nparts;
    GeoRing *rings;
    size_t nrings;
    double *coords; /* lon, lat pairs in degrees */
    size_t nvertices;
} GeoCollection;

/* Parses a GeoJSON FeatureCollection. On failure *out is NULL and err holds
 * "name: feature N (id "x"): message". name is used only in messages. */
GeoError geo_parse(const char *json, size_t len, const char *name, GeoCollection **out,
                   char *err, size_t errlen);
/* Reads and parses a file (at most GEO_MAX_FILE_BYTES). */
GeoError geo_load_file(const char *path, GeoCollection **out, char *err, size_t errlen);
void geo_free(GeoCollection *geo);
/* The first feature whose id equals id, or NULL. */
const GeoFeature *geo_find(const GeoCollection *geo, const char *id);
const char *geo_error_name(GeoError e);

/* ---- projections (spherical, radius 1; x east, y north) ---- */
typedef enum GeoProjectionType {
    GEO_PROJ_EQUIRECT = 0, /* lat1 is the parallel of true scale */
    GEO_PROJ_LCC,          /* Lambert conformal conic, standard parallels lat1 and lat2 */
    GEO_PROJ_ALBERS,       /* Albers equal-area conic, standard parallels lat1 and lat2 */
} GeoProjectionType;

typedef struct GeoProjection {
    GeoProjectionType type;
    double lon0, lat0, lat1, lat2; /* degrees */
    /* derived (Snyder's n, F or C, rho0), in radians and sphere units */
    double n, f, c, rho0, cos1;
} GeoProjection;

/* Fills p; GEO_ERR_INVALID for latitudes outside (-90, 90), or standard parallels that give
 * no cone (lat1 == -lat2 for a conic). */
GeoError geo_projection_init(GeoProjection *p, GeoProjectionType type, double lon0,
                             double lat0, double lat1, double lat2);
/* "lcc", "albers", "equirect" -> type; false for anything else. */
bool geo_projection_type_from_name(const char *name, GeoProjectionType *type);
void geo_project(const GeoProjection *p, double lon, double lat, double *x, double *y);
/* Inverse of geo_project; lon is returned within lon0 +- 180. */
void geo_unproject(const GeoProjection *p, double x, double y, double *lon, double *lat);

/* A projected-to-screen transform: sx = tx + scale * x, sy = ty - scale * y (y down). */
typedef struct GeoView {
    double scale, tx, ty;
} GeoView;

/* Fits bounds [west, south, east, north] (degrees) into the rectangle (vx, vy, vw, vh),
 * keeping the aspect ratio and centring. The bounds' edges are sampled, since a conic
 * projection curves the parallels. */
GeoError geo_view_fit(const GeoProjection *p, const double bounds[4], double vx, double vy,
                      double vw, double vh, GeoView *view);
void geo_view_to_screen(const GeoView *v, double x, double y, double *sx, double *sy);
void geo_view_from_screen(const GeoView *v, double sx, double sy, double *x, double *y);

/* Projects every vertex of geo into out (2 * nvertices doubles, same order as coords). */
void geo_project_all(const GeoProjection *p, const GeoCollection *geo, double *out);

/* ---- triangulation ---- */
/* Ear clipping with holes (after mapbox earcut): xy holds n vertices (x, y pairs); the outer
 * ring is vertices [0, hole_starts[0]) and hole k is [hole_starts[k], hole_starts[k+1]).
 * A closing duplicate vertex is tolerated. On success *indices (caller frees) holds 3 * *ntri
 * vertex indices. Degenerate input (zero area, fewer than 3 points) gives 0 triangles and
 * GEO_OK; non-finite coordinates or bad hole starts give GEO_ERR_INVALID. */
GeoError geo_triangulate(const double *xy, size_t n, const size_t *hole_starts,
                         size_t nholes, uint32_t **indices, size_t *ntri);
/* Triangulates polygon part `part` of geo using the projected vertices xy (from
 * geo_project_all, or geo->coords itself); indices are global vertex indices into xy. */
GeoError geo_triangulate_part(const GeoCollection *geo, size_t part, const double *xy,
                              uint32_t **indices, size_t *ntri);
/* Sum of triangle areas (planar, absolute). */
double geo_triangles_area(const double *xy, const uint32_t *indices, size_t ntri);
/* Signed shoelace area of a ring of n vertices (positive counter-clockwise). */
double geo_ring_area(const double *xy, size_t n);
/* Planar area of a polygon part: outer ring minus holes, in the units of xy. */
double geo_part_area(const GeoCollection *geo, size_t part, const double *xy);

/* ---- hit testing (planar, in the units of xy) ---- */
/* Even-odd point in polygon over all rings of the part, after a bounding-box test. When xy
 * is not geo->coords, bbox is computed from xy. */
bool geo_part_contains(const GeoCollection *geo, size_t part, const double *xy, double x,
                       double y);
/* True when any polygon part of the feature contains the point. */
bool geo_feature_contains(const GeoCollection *geo, const GeoFeature *f, const double *xy,
                          double x, double y);
/* Distance from (x, y) to a polyline of n vertices (a point when n == 1; INFINITY when 0). */
double geo_polyline_distance(const double *xy, size_t n, double x, double y);
/* Smallest distance from (x, y) to any ring or line of the feature (polygon boundaries
 * count; use geo_feature_contains for the inside). */
double geo_feature_distance(const GeoCollection *geo, const GeoFeature *f, const double *xy,
                            double x, double y);
/* Index of the point nearest (x, y) among n points, if within radius; -1 otherwise. */
long geo_nearest_point(const double *pts, size_t n, double x, double y, double radius);

/* Douglas-Peucker: marks keep[i] for the vertices of a polyline to keep at tolerance tol
 * (first and last always kept); returns the number kept. */
size_t geo_simplify(const double *xy, size_t n, double tol, bool *keep);

#endif
