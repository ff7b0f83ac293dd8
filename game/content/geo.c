/* GeoJSON loading, spherical projections, earcut-style triangulation and hit testing for the
 * map rounds. Projection formulas follow Snyder, "Map Projections: A Working Manual" (USGS
 * Professional Paper 1395, 1987), sections 14 and 15; the triangulator follows mapbox earcut. */
#include "base/compiler.h"
#include "content/geo.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif
#define DEG (M_PI / 180.0)

/* ------------------------------------------------------------------------------------------
 * Loading
 * ---------------------------------------------------------------------------------------- */

typedef struct Builder {
    GeoCollection *geo;
    size_t cap_features, cap_parts, cap_rings, cap_coords;
    const char *name;
    char *err;
    size_t errlen;
    size_t feature_index;
    const char *feature_id;
} Builder;

static void set_err(Builder *b, const char *fmt, ...) FRONTIERS_PRINTF(2, 3);

static void set_err(Builder *b, const char *fmt, ...)
{
    if (!b->err || b->errlen == 0) return;
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (b->feature_index == (size_t)-1)
        snprintf(b->err, b->errlen, "%s: %s", b->name, msg);
    else if (b->feature_id)
        snprintf(b->err, b->errlen, "%s: feature %zu (id \"%s\"): %s", b->name, b->feature_index,
                 b->feature_id, msg);
    else
        snprintf(b->err, b->errlen, "%s: feature %zu: %s", b->name, b->feature_index, msg);
}

static bool grow(void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return true;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need) ncap *= 2;
    void *p = realloc(*arr, ncap * elem);
    if (!p) return false;
    *arr = p;
    *cap = ncap;
    return true;
}

static void bbox_empty(double bb[4])
{
    bb[0] = bb[1] = INFINITY;
    bb[2] = bb[3] = -INFINITY;
}

static void bbox_add(double bb[4], double x, double y)
{
    if (x < bb[0]) bb[0] = x;
    if (y < bb[1]) bb[1] = y;
    if (x > bb[2]) bb[2] = x;
    if (y > bb[3]) bb[3] = y;
}

static void bbox_merge(double bb[4], const double o[4])
{
    if (o[0] < bb[0]) bb[0] = o[0];
    if (o[1] < bb[1]) bb[1] = o[1];
    if (o[2] > bb[2]) bb[2] = o[2];
    if (o[3] > bb[3]) bb[3] = o[3];
}

/* Reads one position [lon, lat, ...]. */
static GeoError read_position(Builder *b, const cJSON *pos, double *lon, double *lat)
{
    if (!cJSON_IsArray(pos) || cJSON_GetArraySize(pos) < 2) {
        set_err(b, "a position must be an array of at least two numbers");
        return GEO_ERR_FORMAT;
    }
    const cJSON *x = pos->child, *y = x->next;
    if (!cJSON_IsNumber(x) || !cJSON_IsNumber(y)) {
        set_err(b, "a position must be an array of at least two numbers");
        return GEO_ERR_FORMAT;
    }
    *lon = x->valuedouble;
    *lat = y->valuedouble;
    if (!isfinite(*lon) || !isfinite(*lat) || *lon < -180.0 || *lon > 180.0 || *lat < -90.0 ||
        *lat > 90.0) {
        set_err(b, "coordinate [%g, %g] is outside [-180, 180] x [-90, 90]", *lon, *lat);
        return GEO_ERR_RANGE;
    }
    return GEO_OK;
}

/* Appends a ring or line from a JSON array of positions; polygon rings must be closed and the
 * closing position is dropped. */
static GeoError add_ring(Builder *b, const cJSON *arr, bool polygon, double bb[4])
{
    GeoCollection *g = b->geo;
    if (!cJSON_IsArray(arr)) {
        set_err(b, "expected an array of positions");
        return GEO_ERR_FORMAT;
    }
    int npos = cJSON_GetArraySize(arr);
    if (polygon && npos < 4) {
        set_err(b, "ring %zu has %d positions; a closed ring needs at least 4",
                g->nrings, npos);
        return GEO_ERR_RING;
    }
    if (!polygon && npos < 2) {
        set_err(b, "a line needs at least 2 positions, this one has %d", npos);
        return GEO_ERR_FORMAT;
    }
    if ((size_t)npos > GEO_MAX_RING_VERTICES) {
        set_err(b, "a ring has %d vertices; the limit is %u", npos, GEO_MAX_RING_VERTICES);
        return GEO_ERR_LIMIT;
    }
    if (g->nvertices + (size_t)npos > GEO_MAX_FILE_VERTICES) {
        set_err(b, "the file has more than %u vertices", GEO_MAX_FILE_VERTICES);
        return GEO_ERR_LIMIT;
    }
    if (!grow((void **)&g->coords, &b->cap_coords, 2 * (g->nvertices + (size_t)npos),
              sizeof(double)) ||
        !grow((void **)&g->rings, &b->cap_rings, g->nrings + 1, sizeof(GeoRing))) {
        set_err(b, "out of memory");
        return GEO_ERR_NOMEM;
    }
    size_t first = g->nvertices, k = 0;
    double first_lon = 0, first_lat = 0, lon = 0, lat = 0;
    for (const cJSON *pos = arr->child; pos; pos = pos->next, k++) {
        GeoError e = read_position(b, pos, &lon, &lat);
        if (e) return e;
        if (k == 0) {
            first_lon = lon;
            first_lat = lat;
        }
        g->coords[2 * (first + k)] = lon;
        g->coords[2 * (first + k) + 1] = lat;
        bbox_add(bb, lon, lat);
    }
    size_t count = k;
    if (polygon) {
        if (lon != first_lon || lat != first_lat) {
            set_err(b, "ring %zu is not closed (its last position differs from its first)",
                    g->nrings);
            return GEO_ERR_RING;
        }
        count--;
    }
    g->rings[g->nrings].first = (uint32_t)first;
    g->rings[g->nrings].count = (uint32_t)count;
    g->nrings++;
    g->nvertices += count;
    return GEO_OK;
}

static GeoError begin_part(Builder *b)
{
    GeoCollection *g = b->geo;
    if (!grow((void **)&g->parts, &b->cap_parts, g->nparts + 1, sizeof(GeoPart))) {
        set_err(b, "out of memory");
        return GEO_ERR_NOMEM;
    }
    GeoPart *p = &g->parts[g->nparts++];
    p->first_ring = (uint32_t)g->nrings;
    p->nrings = 0;
    bbox_empty(p->bbox);
    return GEO_OK;
}

static GeoError add_polygon(Builder *b, const cJSON *rings)
{
    if (!cJSON_IsArray(rings) || cJSON_GetArraySize(rings) < 1) {
        set_err(b, "a polygon must be a non-empty array of rings");
        return GEO_ERR_FORMAT;
    }
    GeoError e = begin_part(b);
    if (e) return e;
    size_t pi = b->geo->nparts - 1;
    for (const cJSON *r = rings->child; r; r = r->next) {
        double bb[4];
        bbox_empty(bb);
        e = add_ring(b, r, true, bb);
        if (e) return e;
        b->geo->parts[pi].nrings++;
        bbox_merge(b->geo->parts[pi].bbox, bb);
    }
    return GEO_OK;
}

static GeoError add_line(Builder *b, const cJSON *positions)
{
    GeoError e = begin_part(b);
    if (e) return e;
    size_t pi = b->geo->nparts - 1;
    e = add_ring(b, positions, false, b->geo->parts[pi].bbox);
    if (e) return e;
    b->geo->parts[pi].nrings = 1;
    return GEO_OK;
}

static GeoError add_point(Builder *b, const cJSON *pos)
{
    GeoCollection *g = b->geo;
    GeoError e = begin_part(b);
    if (e) return e;
    double lon, lat;
    e = read_position(b, pos, &lon, &lat);
    if (e) return e;
    if (g->nvertices + 1 > GEO_MAX_FILE_VERTICES) {
        set_err(b, "the file has more than %u vertices", GEO_MAX_FILE_VERTICES);
        return GEO_ERR_LIMIT;
    }
    if (!grow((void **)&g->coords, &b->cap_coords, 2 * (g->nvertices + 1), sizeof(double)) ||
        !grow((void **)&g->rings, &b->cap_rings, g->nrings + 1, sizeof(GeoRing))) {
        set_err(b, "out of memory");
        return GEO_ERR_NOMEM;
    }
    g->coords[2 * g->nvertices] = lon;
    g->coords[2 * g->nvertices + 1] = lat;
    g->rings[g->nrings].first = (uint32_t)g->nvertices;
    g->rings[g->nrings].count = 1;
    g->nrings++;
    g->nvertices++;
    GeoPart *p = &g->parts[g->nparts - 1];
    p->nrings = 1;
    bbox_add(p->bbox, lon, lat);
    return GEO_OK;
}

static GeoError add_geometry(Builder *b, GeoFeature *f, const cJSON *geom)
{
    if (cJSON_IsNull(geom)) {
        f->type = GEO_GEOM_NONE;
        return GEO_OK;
    }
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(geom, "type");
    const cJSON *coords = cJSON_GetObjectItemCaseSensitive(geom, "coordinates");
    if (!cJSON_IsObject(geom) || !cJSON_IsString(type)) {
        set_err(b, "geometry must be an object with a \"type\"");
        return GEO_ERR_FORMAT;
    }
    const char *t = type->valuestring;
    if (!coords) {
        set_err(b, "%s geometry has no \"coordinates\"", t);
        return GEO_ERR_FORMAT;
    }
    bool multi = strncmp(t, "Multi", 5) == 0;
    const char *base = multi ? t + 5 : t;
    if (multi && (!cJSON_IsArray(coords))) {
        set_err(b, "%s coordinates must be an array", t);
        return GEO_ERR_FORMAT;
    }
    GeoError e = GEO_OK;
    if (strcmp(base, "Polygon") == 0) {
        f->type = GEO_GEOM_POLYGON;
        if (multi) {
            for (const cJSON *c = coords->child; c && !e; c = c->next) e = add_polygon(b, c);
        } else {
            e = add_polygon(b, coords);
        }
    } else if (strcmp(base, "LineString") == 0) {
        f->type = GEO_GEOM_LINE;
        if (multi) {
            for (const cJSON *c = coords->child; c && !e; c = c->next) e = add_line(b, c);
        } else {
            e = add_line(b, coords);
        }
    } else if (strcmp(t, "Point") == 0) {
        f->type = GEO_GEOM_POINT;
        e = add_point(b, coords);
    } else {
        set_err(b, "geometry type \"%s\" is not supported (Point, LineString, "
                   "MultiLineString, Polygon, MultiPolygon)", t);
        return GEO_ERR_FORMAT;
    }
    return e;
}

static GeoError dup_prop(Builder *b, const cJSON *props, const char *key, char **out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(props, key);
    if (!v || cJSON_IsNull(v)) return GEO_OK;
    if (!cJSON_IsString(v)) {
        set_err(b, "properties.%s must be a string", key);
        return GEO_ERR_FORMAT;
    }
    *out = util_strdup(v->valuestring);
    if (!*out) {
        set_err(b, "out of memory");
        return GEO_ERR_NOMEM;
    }
    return GEO_OK;
}

static GeoError add_feature(Builder *b, const cJSON *feat)
{
    GeoCollection *g = b->geo;
    if (!cJSON_IsObject(feat)) {
        set_err(b, "a feature must be an object");
        return GEO_ERR_FORMAT;
    }
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(feat, "type");
    if (!cJSON_IsString(type) || strcmp(type->valuestring, "Feature") != 0) {
        set_err(b, "\"type\" must be \"Feature\"");
        return GEO_ERR_FORMAT;
    }
    if (!grow((void **)&g->features, &b->cap_features, g->nfeatures + 1, sizeof(GeoFeature))) {
        set_err(b, "out of memory");
        return GEO_ERR_NOMEM;
    }
    GeoFeature *f = &g->features[g->nfeatures++];
    memset(f, 0, sizeof *f);
    f->first_part = (uint32_t)g->nparts;
    const cJSON *props = cJSON_GetObjectItemCaseSensitive(feat, "properties");
    if (props && !cJSON_IsNull(props) && !cJSON_IsObject(props)) {
        set_err(b, "\"properties\" must be an object or null");
        return GEO_ERR_FORMAT;
    }
    GeoError e = GEO_OK;
    if (cJSON_IsObject(props)) {
        if (!e) e = dup_prop(b, props, "id", &f->id);
        b->feature_id = f->id;
        if (!e) e = dup_prop(b, props, "name_en", &f->name_en);
        if (!e && !f->name_en) e = dup_prop(b, props, "name", &f->name_en);
        if (!e) e = dup_prop(b, props, "name_ru", &f->name_ru);
        if (!e) e = dup_prop(b, props, "name_zh", &f->name_zh);
        if (!e) e = dup_prop(b, props, "kind", &f->kind);
        if (e) return e;
    }
    const cJSON *geom = cJSON_GetObjectItemCaseSensitive(feat, "geometry");
    if (!geom) {
        set_err(b, "feature has no \"geometry\"");
        return GEO_ERR_FORMAT;
    }
    e = add_geometry(b, f, geom);
    if (e) return e;
    f->nparts = (uint32_t)(g->nparts - f->first_part);
    bbox_empty(f->bbox);
    for (uint32_t i = 0; i < f->nparts; i++) bbox_merge(f->bbox, g->parts[f->first_part + i].bbox);
    return GEO_OK;
}

GeoError geo_parse(const char *json, size_t len, const char *name, GeoCollection **out,
                   char *err, size_t errlen)
{
    *out = NULL;
    Builder b = {.name = name ? name : "(geojson)", .err = err, .errlen = errlen,
                 .feature_index = (size_t)-1};
    if (err && errlen) err[0] = '\0';
    if (len > GEO_MAX_FILE_BYTES) {
        set_err(&b, "file is %zu bytes; the limit is %u", len, GEO_MAX_FILE_BYTES);
        return GEO_ERR_TOO_LARGE;
    }
    cJSON *root = cJSON_ParseWithLength(json, len);
    if (!root) {
        const char *at = cJSON_GetErrorPtr();
        size_t off = (at && at >= json && at <= json + len) ? (size_t)(at - json) : 0;
        set_err(&b, "not valid JSON (near byte %zu)", off);
        return GEO_ERR_SYNTAX;
    }
    GeoError e = GEO_OK;
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(root, "type");
    const cJSON *feats = cJSON_GetObjectItemCaseSensitive(root, "features");
    if (!cJSON_IsObject(root) || !cJSON_IsString(type) ||
        strcmp(type->valuestring, "FeatureCollection") != 0 || !cJSON_IsArray(feats)) {
        set_err(&b, "expected a GeoJSON FeatureCollection with a \"features\" array");
        cJSON_Delete(root);
        return GEO_ERR_FORMAT;
    }
    b.geo = calloc(1, sizeof(GeoCollection));
    if (!b.geo) {
        cJSON_Delete(root);
        return GEO_ERR_NOMEM;
    }
    size_t i = 0;
    for (const cJSON *f = feats->child; f && !e; f = f->next, i++) {
        b.feature_index = i;
        b.feature_id = NULL;
        e = add_feature(&b, f);
    }
    cJSON_Delete(root);
    if (e) {
        geo_free(b.geo);
        return e;
    }
    *out = b.geo;
    return GEO_OK;
}

GeoError geo_load_file(const char *path, GeoCollection **out, char *err, size_t errlen)
{
    *out = NULL;
    char *text = NULL;
    size_t len = 0;
    UtilError ue = util_read_file(path, GEO_MAX_FILE_BYTES, &text, &len);
    if (ue != UTIL_OK) {
        if (err && errlen) {
            if (ue == UTIL_ERR_TOO_LARGE)
                snprintf(err, errlen, "%s: file is larger than %u bytes", path,
                         GEO_MAX_FILE_BYTES);
            else
                snprintf(err, errlen, "%s: cannot read the file", path);
        }
        return ue == UTIL_ERR_TOO_LARGE ? GEO_ERR_TOO_LARGE
               : ue == UTIL_ERR_NOMEM   ? GEO_ERR_NOMEM
                                        : GEO_ERR_IO;
    }
    GeoError e = geo_parse(text, len, path, out, err, errlen);
    free(text);
    return e;
}

void geo_free(GeoCollection *geo)
{
    if (!geo) return;
    for (size_t i = 0; i < geo->nfeatures; i++) {
        GeoFeature *f = &geo->features[i];
        free(f->id);
        free(f->name_en);
        free(f->name_ru);
        free(f->name_zh);
        free(f->kind);
    }
    free(geo->features);
    free(geo->parts);
    free(geo->rings);
    free(geo->coords);
    free(geo);
}

const GeoFeature *geo_find(const GeoCollection *geo, const char *id)
{
    for (size_t i = 0; i < geo->nfeatures; i++)
        if (geo->features[i].id && strcmp(geo->features[i].id, id) == 0) return &geo->features[i];
    return NULL;
}

const char *geo_error_name(GeoError e)
{
    switch (e) {
    case GEO_OK: return "ok";
    case GEO_ERR_IO: return "cannot read file";
    case GEO_ERR_TOO_LARGE: return "file too large";
    case GEO_ERR_NOMEM: return "out of memory";
    case GEO_ERR_SYNTAX: return "not JSON";
    case GEO_ERR_FORMAT: return "not supported GeoJSON";
    case GEO_ERR_LIMIT: return "too many vertices";
    case GEO_ERR_RING: return "bad polygon ring";
    case GEO_ERR_RANGE: return "coordinate out of range";
    case GEO_ERR_INVALID: return "invalid argument";
    }
    return "unknown error";
}

/* ------------------------------------------------------------------------------------------
 * Projections (sphere of radius 1)
 * ---------------------------------------------------------------------------------------- */

static double lcc_t(double phi) { return tan(M_PI / 4 + phi / 2); }

GeoError geo_projection_init(GeoProjection *p, GeoProjectionType type, double lon0,
                             double lat0, double lat1, double lat2)
{
    memset(p, 0, sizeof *p);
    if (!isfinite(lon0) || !isfinite(lat0) || !isfinite(lat1) || !isfinite(lat2) ||
        fabs(lat0) >= 90 || fabs(lat1) >= 90 || fabs(lat2) >= 90 || fabs(lon0) > 360)
        return GEO_ERR_INVALID;
    p->type = type;
    p->lon0 = lon0;
    p->lat0 = lat0;
    p->lat1 = lat1;
    p->lat2 = lat2;
    double f0 = lat0 * DEG, f1 = lat1 * DEG, f2 = lat2 * DEG;
    p->cos1 = cos(f1);
    switch (type) {
    case GEO_PROJ_EQUIRECT:
        return GEO_OK;
    case GEO_PROJ_LCC:
        /* Snyder (15-3), (15-2), (15-1a) */
        if (fabs(f1 - f2) < 1e-10)
            p->n = sin(f1);
        else
            p->n = log(cos(f1) / cos(f2)) / log(lcc_t(f2) / lcc_t(f1));
        if (!isfinite(p->n) || fabs(p->n) < 1e-10) return GEO_ERR_INVALID;
        p->f = cos(f1) * pow(lcc_t(f1), p->n) / p->n;
        p->rho0 = p->f / pow(lcc_t(f0), p->n);
        return GEO_OK;
    case GEO_PROJ_ALBERS:
        /* Snyder (14-6), (14-5), (14-3a) */
        p->n = (sin(f1) + sin(f2)) / 2;
        if (fabs(p->n) < 1e-10) return GEO_ERR_INVALID;
        p->c = cos(f1) * cos(f1) + 2 * p->n * sin(f1);
        p->rho0 = sqrt(p->c - 2 * p->n * sin(f0)) / p->n;
        return GEO_OK;
    }
    return GEO_ERR_INVALID;
}

bool geo_projection_type_from_name(const char *name, GeoProjectionType *type)
{
    if (strcmp(name, "lcc") == 0) *type = GEO_PROJ_LCC;
    else if (strcmp(name, "albers") == 0) *type = GEO_PROJ_ALBERS;
    else if (strcmp(name, "equirect") == 0) *type = GEO_PROJ_EQUIRECT;
    else return false;
    return true;
}

static double wrap_pi(double a)
{
    while (a > M_PI) a -= 2 * M_PI;
    while (a < -M_PI) a += 2 * M_PI;
    return a;
}

void geo_project(const GeoProjection *p, double lon, double lat, double *x, double *y)
{
    double dl = wrap_pi((lon - p->lon0) * DEG), phi = lat * DEG;
    switch (p->type) {
    case GEO_PROJ_EQUIRECT:
        *x = dl * p->cos1;
        *y = phi - p->lat0 * DEG;
        return;
    case GEO_PROJ_LCC: {
        /* Keep the pole opposite the cone's apex finite. */
        double lim = M_PI / 2 - 1e-9;
        if (phi > lim) phi = lim;
        if (phi < -lim) phi = -lim;
        double rho = p->f / pow(lcc_t(phi), p->n);
        double th = p->n * dl;
        *x = rho * sin(th);
        *y = p->rho0 - rho * cos(th);
        return;
    }
    case GEO_PROJ_ALBERS: {
        double rho = sqrt(fmax(0.0, p->c - 2 * p->n * sin(phi))) / p->n;
        double th = p->n * dl;
        *x = rho * sin(th);
        *y = p->rho0 - rho * cos(th);
        return;
    }
    }
    *x = *y = 0;
}

void geo_unproject(const GeoProjection *p, double x, double y, double *lon, double *lat)
{
    double phi = 0, dl = 0;
    switch (p->type) {
    case GEO_PROJ_EQUIRECT:
        dl = p->cos1 != 0 ? x / p->cos1 : 0;
        phi = y + p->lat0 * DEG;
        break;
    case GEO_PROJ_LCC:
    case GEO_PROJ_ALBERS: {
        /* Snyder (14-10), (14-11): with n < 0 the signs of x, y and rho0 flip. */
        double s = p->n < 0 ? -1.0 : 1.0;
        double rho = s * hypot(x, p->rho0 - y);
        double th = atan2(s * x, s * (p->rho0 - y));
        dl = th / p->n;
        if (p->type == GEO_PROJ_LCC) {
            if (rho == 0) phi = s * M_PI / 2;
            else phi = 2 * atan(pow(p->f / rho, 1 / p->n)) - M_PI / 2;
        } else {
            double v = (p->c - rho * rho * p->n * p->n) / (2 * p->n);
            if (v > 1) v = 1;
            if (v < -1) v = -1;
            phi = asin(v);
        }
        break;
    }
    }
    *lon = p->lon0 + wrap_pi(dl) / DEG;
    *lat = phi / DEG;
}

GeoError geo_view_fit(const GeoProjection *p, const double bounds[4], double vx, double vy,
                      double vw, double vh, GeoView *view)
{
    double w = bounds[0], s = bounds[1], e = bounds[2], n = bounds[3];
    if (!(e > w) || !(n > s) || !(vw > 0) || !(vh > 0)) return GEO_ERR_INVALID;
    double bb[4];
    bbox_empty(bb);
    enum { STEPS = 64 };
    for (int i = 0; i <= STEPS; i++) {
        double t = (double)i / STEPS, x, y;
        geo_project(p, w + (e - w) * t, s, &x, &y);
        bbox_add(bb, x, y);
        geo_project(p, w + (e - w) * t, n, &x, &y);
        bbox_add(bb, x, y);
        geo_project(p, w, s + (n - s) * t, &x, &y);
        bbox_add(bb, x, y);
        geo_project(p, e, s + (n - s) * t, &x, &y);
        bbox_add(bb, x, y);
    }
    double dx = bb[2] - bb[0], dy = bb[3] - bb[1];
    if (!(dx > 0) || !(dy > 0)) return GEO_ERR_INVALID;
    view->scale = fmin(vw / dx, vh / dy);
    view->tx = vx + vw / 2 - view->scale * (bb[0] + bb[2]) / 2;
    view->ty = vy + vh / 2 + view->scale * (bb[1] + bb[3]) / 2;
    return GEO_OK;
}

void geo_view_to_screen(const GeoView *v, double x, double y, double *sx, double *sy)
{
    *sx = v->tx + v->scale * x;
    *sy = v->ty - v->scale * y;
}

void geo_view_from_screen(const GeoView *v, double sx, double sy, double *x, double *y)
{
    *x = (sx - v->tx) / v->scale;
    *y = (v->ty - sy) / v->scale;
}

void geo_project_all(const GeoProjection *p, const GeoCollection *geo, double *out)
{
    for (size_t i = 0; i < geo->nvertices; i++)
        geo_project(p, geo->coords[2 * i], geo->coords[2 * i + 1], &out[2 * i], &out[2 * i + 1]);
}

/* ------------------------------------------------------------------------------------------
 * Triangulation: a port of the mapbox earcut algorithm (ISC licence, Vladimir Agafonkin):
 * a doubly linked ring, holes bridged to the outer ring from their leftmost vertex, ears
 * clipped with a z-order curve index for large rings, then three fallbacks (filter
 * collinear/duplicate points, cure local self-intersections, split the ring in two).
 * ---------------------------------------------------------------------------------------- */

typedef struct Node {
    uint32_t i;
    double x, y;
    struct Node *prev, *next;
    int32_t z;
    struct Node *prev_z, *next_z;
    bool steiner;
} Node;

enum { NODE_BLOCK = 4096 };

/* Nodes come from blocks that never move, so links stay valid as the pool grows. */
typedef struct Earcut {
    Node **blocks;
    size_t nblocks, cap_blocks, used;
    uint32_t *tri;
    size_t ntri_idx, cap_tri;
    double min_x, min_y, inv_size;
    bool failed;
} Earcut;

static Node *node_new(Earcut *ec, uint32_t i, double x, double y)
{
    if (ec->used == ec->nblocks * NODE_BLOCK) {
        if (!grow((void **)&ec->blocks, &ec->cap_blocks, ec->nblocks + 1, sizeof(Node *))) {
            ec->failed = true;
            return NULL;
        }
        Node *blk = malloc(NODE_BLOCK * sizeof(Node));
        if (!blk) {
            ec->failed = true;
            return NULL;
        }
        ec->blocks[ec->nblocks++] = blk;
    }
    Node *p = &ec->blocks[ec->used / NODE_BLOCK][ec->used % NODE_BLOCK];
    ec->used++;
    *p = (Node){.i = i, .x = x, .y = y};
    return p;
}

static void emit(Earcut *ec, uint32_t a, uint32_t b, uint32_t c)
{
    if (!grow((void **)&ec->tri, &ec->cap_tri, ec->ntri_idx + 3, sizeof(uint32_t))) {
        ec->failed = true;
        return;
    }
    ec->tri[ec->ntri_idx++] = a;
    ec->tri[ec->ntri_idx++] = b;
    ec->tri[ec->ntri_idx++] = c;
}

static double tri_area(const Node *p, const Node *q, const Node *r)
{
    return (q->y - p->y) * (r->x - q->x) - (q->x - p->x) * (r->y - q->y);
}

static bool same_point(const Node *a, const Node *b) { return a->x == b->x && a->y == b->y; }

static Node *insert_node(Earcut *ec, uint32_t i, double x, double y, Node *last)
{
    Node *p = node_new(ec, i, x, y);
    if (!p) return NULL;
    if (!last) {
        p->prev = p;
        p->next = p;
    } else {
        p->next = last->next;
        p->prev = last;
        last->next->prev = p;
        last->next = p;
    }
    return p;
}

static void remove_node(Node *p)
{
    p->next->prev = p->prev;
    p->prev->next = p->next;
    if (p->prev_z) p->prev_z->next_z = p->next_z;
    if (p->next_z) p->next_z->prev_z = p->prev_z;
}

static double signed_area_range(const double *xy, size_t start, size_t end)
{
    double sum = 0;
    for (size_t i = start, j = end - 1; i < end; j = i++)
        sum += (xy[2 * j] - xy[2 * i]) * (xy[2 * i + 1] + xy[2 * j + 1]);
    return sum;
}

/* Links vertices [start, end) in the requested winding (clockwise in earcut's y-down sense
 * for the outer ring). */
static Node *linked_list(Earcut *ec, const double *xy, size_t start, size_t end, bool clockwise)
{
    Node *last = NULL;
    if (end <= start) return NULL;
    if (clockwise == (signed_area_range(xy, start, end) > 0)) {
        for (size_t i = start; i < end && !ec->failed; i++)
            last = insert_node(ec, (uint32_t)i, xy[2 * i], xy[2 * i + 1], last);
    } else {
        for (size_t i = end; i-- > start && !ec->failed;)
            last = insert_node(ec, (uint32_t)i, xy[2 * i], xy[2 * i + 1], last);
    }
    if (ec->failed) return NULL;
    if (last && same_point(last, last->next) && last != last->next) {
        Node *nx = last->next;
        remove_node(last);
        last = nx;
    }
    return last;
}

/* Removes duplicate and collinear points between start and end. */
static Node *filter_points(Node *start, Node *end)
{
    if (!start) return start;
    if (!end) end = start;
    Node *p = start;
    bool again;
    do {
        again = false;
        if (!p->steiner && (same_point(p, p->next) || tri_area(p->prev, p, p->next) == 0)) {
            remove_node(p);
            p = end = p->prev;
            if (p == p->next) break;
            again = true;
        } else {
            p = p->next;
        }
    } while (again || p != end);
    return end;
}

static int32_t z_order(const Earcut *ec, double px, double py)
{
    /* Coordinates outside the outer ring's box (bad holes) are clamped, not wrapped. */
    double fx = fmin(fmax((px - ec->min_x) * ec->inv_size, 0.0), 32767.0);
    double fy = fmin(fmax((py - ec->min_y) * ec->inv_size, 0.0), 32767.0);
    uint32_t x = (uint32_t)fx, y = (uint32_t)fy;
    x = (x | (x << 8)) & 0x00FF00FFu;
    x = (x | (x << 4)) & 0x0F0F0F0Fu;
    x = (x | (x << 2)) & 0x33333333u;
    x = (x | (x << 1)) & 0x55555555u;
    y = (y | (y << 8)) & 0x00FF00FFu;
    y = (y | (y << 4)) & 0x0F0F0F0Fu;
    y = (y | (y << 2)) & 0x33333333u;
    y = (y | (y << 1)) & 0x55555555u;
    return (int32_t)(x | (y << 1));
}

/* Simon Tatham's linked-list merge sort on z. */
static Node *sort_linked(Node *list)
{
    size_t in_size = 1;
    size_t num_merges;
    do {
        Node *p = list, *tail = NULL;
        list = NULL;
        num_merges = 0;
        while (p) {
            num_merges++;
            Node *q = p;
            size_t p_size = 0;
            for (size_t i = 0; i < in_size; i++) {
                p_size++;
                q = q->next_z;
                if (!q) break;
            }
            size_t q_size = in_size;
            while (p_size > 0 || (q_size > 0 && q)) {
                Node *e;
                if (p_size != 0 && (q_size == 0 || !q || p->z <= q->z)) {
                    e = p;
                    p = p->next_z;
                    p_size--;
                } else {
                    e = q;
                    q = q->next_z;
                    q_size--;
                }
                if (tail) tail->next_z = e;
                else list = e;
                e->prev_z = tail;
                tail = e;
            }
            p = q;
        }
        if (tail) tail->next_z = NULL;
        in_size *= 2;
    } while (num_merges > 1);
    return list;
}

static void index_curve(Earcut *ec, Node *start)
{
    Node *p = start;
    do {
        if (p->z == 0) p->z = z_order(ec, p->x, p->y);
        p->prev_z = p->prev;
        p->next_z = p->next;
        p = p->next;
    } while (p != start);
    p->prev_z->next_z = NULL;
    p->prev_z = NULL;
    sort_linked(p);
}

static bool point_in_triangle(double ax, double ay, double bx, double by, double cx, double cy,
                              double px, double py)
{
    return (cx - px) * (ay - py) >= (ax - px) * (cy - py) &&
           (ax - px) * (by - py) >= (bx - px) * (ay - py) &&
           (bx - px) * (cy - py) >= (cx - px) * (by - py);
}

static bool is_ear(Node *ear)
{
    const Node *a = ear->prev, *b = ear, *c = ear->next;
    if (tri_area(a, b, c) >= 0) return false;
    double x0 = fmin(a->x, fmin(b->x, c->x)), y0 = fmin(a->y, fmin(b->y, c->y));
    double x1 = fmax(a->x, fmax(b->x, c->x)), y1 = fmax(a->y, fmax(b->y, c->y));
    for (const Node *p = c->next; p != a; p = p->next) {
        if (p->x >= x0 && p->x <= x1 && p->y >= y0 && p->y <= y1 &&
            point_in_triangle(a->x, a->y, b->x, b->y, c->x, c->y, p->x, p->y) &&
            tri_area(p->prev, p, p->next) >= 0)
            return false;
    }
    return true;
}

static bool blocks_ear(const Node *p, const Node *a, const Node *c, double x0, double y0,
                       double x1, double y1, const Node *b)
{
    return p->x >= x0 && p->x <= x1 && p->y >= y0 && p->y <= y1 && p != a && p != c &&
           point_in_triangle(a->x, a->y, b->x, b->y, c->x, c->y, p->x, p->y) &&
           tri_area(p->prev, p, p->next) >= 0;
}

static bool is_ear_hashed(const Earcut *ec, Node *ear)
{
    const Node *a = ear->prev, *b = ear, *c = ear->next;
    if (tri_area(a, b, c) >= 0) return false;
    double x0 = fmin(a->x, fmin(b->x, c->x)), y0 = fmin(a->y, fmin(b->y, c->y));
    double x1 = fmax(a->x, fmax(b->x, c->x)), y1 = fmax(a->y, fmax(b->y, c->y));
    int32_t min_z = z_order(ec, x0, y0), max_z = z_order(ec, x1, y1);
    const Node *p = ear->prev_z, *n = ear->next_z;
    while (p && p->z >= min_z && n && n->z <= max_z) {
        if (blocks_ear(p, a, c, x0, y0, x1, y1, b)) return false;
        p = p->prev_z;
        if (blocks_ear(n, a, c, x0, y0, x1, y1, b)) return false;
        n = n->next_z;
    }
    while (p && p->z >= min_z) {
        if (blocks_ear(p, a, c, x0, y0, x1, y1, b)) return false;
        p = p->prev_z;
    }
    while (n && n->z <= max_z) {
        if (blocks_ear(n, a, c, x0, y0, x1, y1, b)) return false;
        n = n->next_z;
    }
    return true;
}

static int sign_of(double v) { return (v > 0) - (v < 0); }

static bool on_segment(const Node *p, const Node *q, const Node *r)
{
    return q->x <= fmax(p->x, r->x) && q->x >= fmin(p->x, r->x) && q->y <= fmax(p->y, r->y) &&
           q->y >= fmin(p->y, r->y);
}

static bool intersects(const Node *p1, const Node *q1, const Node *p2, const Node *q2)
{
    int o1 = sign_of(tri_area(p1, q1, p2)), o2 = sign_of(tri_area(p1, q1, q2));
    int o3 = sign_of(tri_area(p2, q2, p1)), o4 = sign_of(tri_area(p2, q2, q1));
    if (o1 != o2 && o3 != o4) return true;
    if (o1 == 0 && on_segment(p1, p2, q1)) return true;
    if (o2 == 0 && on_segment(p1, q2, q1)) return true;
    if (o3 == 0 && on_segment(p2, p1, q2)) return true;
    if (o4 == 0 && on_segment(p2, q1, q2)) return true;
    return false;
}

static bool locally_inside(const Node *a, const Node *b)
{
    return tri_area(a->prev, a, a->next) < 0
               ? tri_area(a, b, a->next) >= 0 && tri_area(a, a->prev, b) >= 0
               : tri_area(a, b, a->prev) < 0 || tri_area(a, a->next, b) < 0;
}

static bool intersects_polygon(const Node *a, const Node *b)
{
    const Node *p = a;
    do {
        if (p->i != a->i && p->next->i != a->i && p->i != b->i && p->next->i != b->i &&
            intersects(p, p->next, a, b))
            return true;
        p = p->next;
    } while (p != a);
    return false;
}

static bool middle_inside(const Node *a, const Node *b)
{
    const Node *p = a;
    bool inside = false;
    double px = (a->x + b->x) / 2, py = (a->y + b->y) / 2;
    do {
        if (((p->y > py) != (p->next->y > py)) && p->next->y != p->y &&
            (px < (p->next->x - p->x) * (py - p->y) / (p->next->y - p->y) + p->x))
            inside = !inside;
        p = p->next;
    } while (p != a);
    return inside;
}

static bool is_valid_diagonal(const Node *a, const Node *b)
{
    return a->next->i != b->i && a->prev->i != b->i && !intersects_polygon(a, b) &&
           ((locally_inside(a, b) && locally_inside(b, a) && middle_inside(a, b) &&
             (tri_area(a->prev, a, b->prev) != 0 || tri_area(a, b->prev, b) != 0)) ||
            (same_point(a, b) && tri_area(a->prev, a, a->next) > 0 &&
             tri_area(b->prev, b, b->next) > 0));
}

/* Links a to b with a bridge, duplicating both; returns the copy of b. */
static Node *split_polygon(Earcut *ec, Node *a, Node *b)
{
    Node *a2 = node_new(ec, a->i, a->x, a->y);
    Node *b2 = node_new(ec, b->i, b->x, b->y);
    if (!a2 || !b2) return NULL;
    Node *an = a->next, *bp = b->prev;
    a->next = b;
    b->prev = a;
    a2->next = an;
    an->prev = a2;
    b2->next = a2;
    a2->prev = b2;
    bp->next = b2;
    b2->prev = bp;
    return b2;
}

static void earcut_linked(Earcut *ec, Node *ear, int pass);

static Node *cure_local_intersections(Earcut *ec, Node *start)
{
    Node *p = start;
    do {
        Node *a = p->prev, *b = p->next->next;
        if (!same_point(a, b) && intersects(a, p, p->next, b) && locally_inside(a, b) &&
            locally_inside(b, a)) {
            emit(ec, a->i, p->i, b->i);
            remove_node(p);
            remove_node(p->next);
            p = start = b;
        }
        p = p->next;
    } while (p != start);
    return filter_points(p, NULL);
}

static void split_earcut(Earcut *ec, Node *start)
{
    Node *a = start;
    do {
        Node *b = a->next->next;
        while (b != a->prev) {
            if (a->i != b->i && is_valid_diagonal(a, b)) {
                Node *c = split_polygon(ec, a, b);
                if (!c) return;
                a = filter_points(a, a->next);
                c = filter_points(c, c->next);
                earcut_linked(ec, a, 0);
                earcut_linked(ec, c, 0);
                return;
            }
            b = b->next;
        }
        a = a->next;
    } while (a != start);
}

static void earcut_linked(Earcut *ec, Node *ear, int pass)
{
    if (!ear || ec->failed) return;
    if (!pass && ec->inv_size != 0) index_curve(ec, ear);
    Node *stop = ear;
    while (ear->prev != ear->next) {
        Node *prev = ear->prev, *next = ear->next;
        if (ec->inv_size != 0 ? is_ear_hashed(ec, ear) : is_ear(ear)) {
            emit(ec, prev->i, ear->i, next->i);
            if (ec->failed) return;
            remove_node(ear);
            ear = next->next;
            stop = next->next;
            continue;
        }
        ear = next;
        if (ear == stop) {
            if (pass == 0) {
                earcut_linked(ec, filter_points(ear, NULL), 1);
            } else if (pass == 1) {
                ear = cure_local_intersections(ec, filter_points(ear, NULL));
                earcut_linked(ec, ear, 2);
            } else {
                split_earcut(ec, ear);
            }
            break;
        }
    }
}

static Node *leftmost(Node *start)
{
    Node *p = start, *left = start;
    do {
        if (p->x < left->x || (p->x == left->x && p->y < left->y)) left = p;
        p = p->next;
    } while (p != start);
    return left;
}

static bool sector_contains_sector(const Node *m, const Node *p)
{
    return tri_area(m->prev, m, p->prev) < 0 && tri_area(p->next, m, m->next) < 0;
}

/* David Eberly's hole bridging: the outer vertex visible from the hole's leftmost point. */
static Node *find_hole_bridge(Node *hole, Node *outer)
{
    Node *p = outer, *m = NULL;
    double hx = hole->x, hy = hole->y, qx = -INFINITY;
    do {
        if (hy <= p->y && hy >= p->next->y && p->next->y != p->y) {
            double x = p->x + (hy - p->y) * (p->next->x - p->x) / (p->next->y - p->y);
            if (x <= hx && x > qx) {
                qx = x;
                m = p->x < p->next->x ? p : p->next;
                if (x == hx) return m;
            }
        }
        p = p->next;
    } while (p != outer);
    if (!m) return NULL;
    Node *stop = m;
    double mx = m->x, my = m->y, tan_min = INFINITY;
    p = m;
    do {
        if (hx >= p->x && p->x >= mx && hx != p->x &&
            point_in_triangle(hy < my ? hx : qx, hy, mx, my, hy < my ? qx : hx, hy, p->x, p->y)) {
            double t = fabs(hy - p->y) / (hx - p->x);
            if (locally_inside(p, hole) &&
                (t < tan_min ||
                 (t == tan_min && (p->x > m->x || (p->x == m->x && sector_contains_sector(m, p)))))) {
                m = p;
                tan_min = t;
            }
        }
        p = p->next;
    } while (p != stop);
    return m;
}

static int compare_x(const void *a, const void *b)
{
    const Node *na = *(Node *const *)a, *nb = *(Node *const *)b;
    if (na->x != nb->x) return na->x < nb->x ? -1 : 1;
    if (na->y != nb->y) return na->y < nb->y ? -1 : 1;
    return 0;
}

static Node *eliminate_holes(Earcut *ec, const double *xy, size_t n, const size_t *holes,
                             size_t nholes, Node *outer)
{
    Node **queue = malloc(nholes * sizeof(Node *));
    if (!queue) {
        ec->failed = true;
        return outer;
    }
    size_t nq = 0;
    for (size_t h = 0; h < nholes; h++) {
        size_t start = holes[h], end = h + 1 < nholes ? holes[h + 1] : n;
        Node *list = linked_list(ec, xy, start, end, false);
        if (ec->failed) break;
        if (!list) continue;
        if (list == list->next) list->steiner = true;
        queue[nq++] = leftmost(list);
    }
    qsort(queue, nq, sizeof(Node *), compare_x);
    for (size_t h = 0; h < nq && !ec->failed; h++) {
        Node *bridge = find_hole_bridge(queue[h], outer);
        if (!bridge) continue;
        Node *rev = split_polygon(ec, bridge, queue[h]);
        if (!rev) break;
        filter_points(rev, rev->next);
        outer = filter_points(bridge, bridge->next);
    }
    free(queue);
    return outer;
}

GeoError geo_triangulate(const double *xy, size_t n, const size_t *hole_starts,
                         size_t nholes, uint32_t **indices, size_t *ntri)
{
    *indices = NULL;
    *ntri = 0;
    if (n > UINT32_MAX / 4 || (n > 0 && !xy)) return GEO_ERR_INVALID;
    for (size_t i = 0; i < 2 * n; i++)
        if (!isfinite(xy[i])) return GEO_ERR_INVALID;
    for (size_t h = 0; h < nholes; h++)
        if (hole_starts[h] > n || (h > 0 && hole_starts[h] < hole_starts[h - 1]) ||
            hole_starts[h] == 0)
            return GEO_ERR_INVALID;
    size_t outer_len = nholes ? hole_starts[0] : n;
    if (outer_len < 3) return GEO_OK;
    Earcut ec = {0};
    Node *outer = linked_list(&ec, xy, 0, outer_len, true);
    if (outer && outer->next != outer->prev) {
        if (nholes) outer = eliminate_holes(&ec, xy, n, hole_starts, nholes, outer);
        if (n > 80 && !ec.failed) {
            double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
            for (size_t i = 0; i < outer_len; i++) {
                x0 = fmin(x0, xy[2 * i]);
                y0 = fmin(y0, xy[2 * i + 1]);
                x1 = fmax(x1, xy[2 * i]);
                y1 = fmax(y1, xy[2 * i + 1]);
            }
            double size = fmax(x1 - x0, y1 - y0);
            ec.min_x = x0;
            ec.min_y = y0;
            ec.inv_size = size != 0 ? 32767.0 / size : 0;
        }
        if (!ec.failed) earcut_linked(&ec, outer, 0);
    }
    for (size_t b = 0; b < ec.nblocks; b++) free(ec.blocks[b]);
    free(ec.blocks);
    if (ec.failed) {
        free(ec.tri);
        return GEO_ERR_NOMEM;
    }
    *indices = ec.tri;
    *ntri = ec.ntri_idx / 3;
    return GEO_OK;
}

GeoError geo_triangulate_part(const GeoCollection *geo, size_t part, const double *xy,
                              uint32_t **indices, size_t *ntri)
{
    *indices = NULL;
    *ntri = 0;
    if (part >= geo->nparts) return GEO_ERR_INVALID;
    const GeoPart *p = &geo->parts[part];
    if (p->nrings == 0) return GEO_OK;
    const GeoRing *r0 = &geo->rings[p->first_ring];
    size_t base = r0->first, total = 0;
    size_t *holes = NULL;
    if (p->nrings > 1) {
        holes = malloc((p->nrings - 1) * sizeof(size_t));
        if (!holes) return GEO_ERR_NOMEM;
    }
    for (uint32_t r = 0; r < p->nrings; r++) {
        const GeoRing *ring = &geo->rings[p->first_ring + r];
        if (r > 0) holes[r - 1] = ring->first - base;
        total += ring->count;
    }
    GeoError e = geo_triangulate(xy + 2 * base, total, holes, p->nrings - 1, indices, ntri);
    free(holes);
    if (e) return e;
    for (size_t i = 0; i < 3 * *ntri; i++) (*indices)[i] += (uint32_t)base;
    return GEO_OK;
}

double geo_triangles_area(const double *xy, const uint32_t *indices, size_t ntri)
{
    double sum = 0;
    for (size_t t = 0; t < ntri; t++) {
        const double *a = &xy[2 * indices[3 * t]], *b = &xy[2 * indices[3 * t + 1]],
                     *c = &xy[2 * indices[3 * t + 2]];
        sum += fabs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2;
    }
    return sum;
}

double geo_ring_area(const double *xy, size_t n)
{
    double sum = 0;
    if (n < 3) return 0;
    for (size_t i = 0, j = n - 1; i < n; j = i++)
        sum += (xy[2 * j] - xy[2 * i]) * (xy[2 * i + 1] + xy[2 * j + 1]);
    return sum / 2;
}

double geo_part_area(const GeoCollection *geo, size_t part, const double *xy)
{
    const GeoPart *p = &geo->parts[part];
    double a = 0;
    for (uint32_t r = 0; r < p->nrings; r++) {
        const GeoRing *ring = &geo->rings[p->first_ring + r];
        double ra = fabs(geo_ring_area(xy + 2 * ring->first, ring->count));
        a += r == 0 ? ra : -ra;
    }
    return a;
}

/* ------------------------------------------------------------------------------------------
 * Hit testing
 * ---------------------------------------------------------------------------------------- */

bool geo_part_contains(const GeoCollection *geo, size_t part, const double *xy, double x,
                       double y)
{
    const GeoPart *p = &geo->parts[part];
    if (p->nrings == 0) return false;
    const GeoRing *rings = &geo->rings[p->first_ring];
    if (xy == geo->coords) {
        if (x < p->bbox[0] || x > p->bbox[2] || y < p->bbox[1] || y > p->bbox[3]) return false;
    } else {
        double bb[4];
        bbox_empty(bb);
        for (uint32_t i = 0; i < rings[0].count; i++)
            bbox_add(bb, xy[2 * (rings[0].first + i)], xy[2 * (rings[0].first + i) + 1]);
        if (x < bb[0] || x > bb[2] || y < bb[1] || y > bb[3]) return false;
    }
    bool inside = false;
    for (uint32_t r = 0; r < p->nrings; r++) {
        const double *v = xy + 2 * rings[r].first;
        size_t n = rings[r].count;
        if (n < 3) continue;
        for (size_t i = 0, j = n - 1; i < n; j = i++) {
            double xi = v[2 * i], yi = v[2 * i + 1], xj = v[2 * j], yj = v[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
                inside = !inside;
        }
    }
    return inside;
}

bool geo_feature_contains(const GeoCollection *geo, const GeoFeature *f, const double *xy,
                          double x, double y)
{
    if (f->type != GEO_GEOM_POLYGON) return false;
    if (xy == geo->coords &&
        (x < f->bbox[0] || x > f->bbox[2] || y < f->bbox[1] || y > f->bbox[3]))
        return false;
    for (uint32_t i = 0; i < f->nparts; i++)
        if (geo_part_contains(geo, f->first_part + i, xy, x, y)) return true;
    return false;
}

static double segment_distance(double ax, double ay, double bx, double by, double x, double y)
{
    double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy, t = 0;
    if (len2 > 0) {
        t = ((x - ax) * dx + (y - ay) * dy) / len2;
        if (t < 0) t = 0;
        if (t > 1) t = 1;
    }
    return hypot(x - (ax + t * dx), y - (ay + t * dy));
}

double geo_polyline_distance(const double *xy, size_t n, double x, double y)
{
    if (n == 0) return INFINITY;
    if (n == 1) return hypot(x - xy[0], y - xy[1]);
    double best = INFINITY;
    for (size_t i = 0; i + 1 < n; i++) {
        double d = segment_distance(xy[2 * i], xy[2 * i + 1], xy[2 * i + 2], xy[2 * i + 3], x, y);
        if (d < best) best = d;
    }
    return best;
}

double geo_feature_distance(const GeoCollection *geo, const GeoFeature *f, const double *xy,
                            double x, double y)
{
    double best = INFINITY;
    for (uint32_t pi = 0; pi < f->nparts; pi++) {
        const GeoPart *p = &geo->parts[f->first_part + pi];
        for (uint32_t r = 0; r < p->nrings; r++) {
            const GeoRing *ring = &geo->rings[p->first_ring + r];
            const double *v = xy + 2 * ring->first;
            double d = geo_polyline_distance(v, ring->count, x, y);
            if (f->type == GEO_GEOM_POLYGON && ring->count >= 2) {
                size_t last = ring->count - 1;
                double c = segment_distance(v[2 * last], v[2 * last + 1], v[0], v[1], x, y);
                if (c < d) d = c;
            }
            if (d < best) best = d;
        }
    }
    return best;
}

long geo_nearest_point(const double *pts, size_t n, double x, double y, double radius)
{
    long best = -1;
    double best_d = radius;
    for (size_t i = 0; i < n; i++) {
        double d = hypot(pts[2 * i] - x, pts[2 * i + 1] - y);
        if (d <= best_d) {
            best_d = d;
            best = (long)i;
        }
    }
    return best;
}

/* Iterative Douglas-Peucker with an explicit stack of index ranges. */
size_t geo_simplify(const double *xy, size_t n, double tol, bool *keep)
{
    if (n == 0) return 0;
    for (size_t i = 0; i < n; i++) keep[i] = false;
    keep[0] = keep[n - 1] = true;
    if (n <= 2) return n;
    size_t *stack = malloc(2 * n * sizeof(size_t));
    if (!stack) {
        for (size_t i = 0; i < n; i++) keep[i] = true;
        return n;
    }
    size_t top = 0;
    stack[top++] = 0;
    stack[top++] = n - 1;
    while (top) {
        size_t b = stack[--top], a = stack[--top];
        double dmax = -1;
        size_t imax = a;
        for (size_t i = a + 1; i < b; i++) {
            double d = segment_distance(xy[2 * a], xy[2 * a + 1], xy[2 * b], xy[2 * b + 1],
                                        xy[2 * i], xy[2 * i + 1]);
            if (d > dmax) {
                dmax = d;
                imax = i;
            }
        }
        if (dmax > tol) {
            keep[imax] = true;
            stack[top++] = a;
            stack[top++] = imax;
            stack[top++] = imax;
            stack[top++] = b;
        }
    }
    free(stack);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) kept += keep[i];
    return kept;
}
