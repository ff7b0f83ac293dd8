/* The checks behind `frontiers validate`: GeoJSON files (structure, geometry, limits, feature
 * ids), and the dispatch over paths to the pack, level and campaign loaders, which report through
 * the same Diag. Levels find their pack in the content folder beside their levels folder. */
#include "base/compiler.h"
#include "content/validate.h"

#include "content/level.h"
#include "content/pack.h"
#include "base/util.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- GeoJSON ---- */

typedef struct GeoCheck {
    const JsonDoc *doc;
    const char *file;
    Diag *diag;
    size_t vertices;
    bool failed;
    bool over_file_limit;
} GeoCheck;

static void geo_err(GeoCheck *g, const cJSON *node, const char *fmt, ...) FRONTIERS_PRINTF(3, 4);

static void geo_err(GeoCheck *g, const cJSON *node, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    g->failed = true;
    diag_at(g->diag, DIAG_ERROR, g->file, g->doc, node, false, "%s", msg);
}

/* A position [lon, lat] or [lon, lat, alt]; errors are placed at the enclosing array. */
static bool check_position(GeoCheck *g, const cJSON *pos, const cJSON *where)
{
    int n = cJSON_IsArray(pos) ? cJSON_GetArraySize(pos) : -1;
    if (n < 2 || n > 3) {
        geo_err(g, where, "a position must be [longitude, latitude]");
        return false;
    }
    const cJSON *lon = pos->child, *lat = lon->next;
    if (!cJSON_IsNumber(lon) || !cJSON_IsNumber(lat) || (n == 3 && !cJSON_IsNumber(lat->next))) {
        geo_err(g, where, "a position must hold numbers");
        return false;
    }
    if (lon->valuedouble < -180 || lon->valuedouble > 180 || lat->valuedouble < -90 ||
        lat->valuedouble > 90) {
        geo_err(g, where, "position [%g, %g] is out of range (longitude -180..180, latitude -90..90; "
                "are longitude and latitude swapped, or is the file not in WGS84 degrees?)",
                lon->valuedouble, lat->valuedouble);
        return false;
    }
    g->vertices++;
    return true;
}

/* A list of positions: a LineString (min 2) or a ring (min 4, closed). */
static void check_line(GeoCheck *g, const cJSON *line, bool ring)
{
    if (!cJSON_IsArray(line)) {
        geo_err(g, line, "expected a list of positions");
        return;
    }
    int n = cJSON_GetArraySize(line);
    if (n > GEOJSON_MAX_RING_VERTICES) {
        geo_err(g, line, "%s has %d positions; at most %d are allowed (simplify it)",
                ring ? "a ring" : "a line", n, GEOJSON_MAX_RING_VERTICES);
        return;
    }
    if (ring && n < 4) {
        geo_err(g, line, "a polygon ring needs at least 4 positions (the first repeated at the end), not %d", n);
        return;
    }
    if (!ring && n < 2) {
        geo_err(g, line, "a line needs at least 2 positions, not %d", n);
        return;
    }
    for (const cJSON *p = line->child; p; p = p->next)
        if (!check_position(g, p, line))
            return;
    if (ring) {
        const cJSON *first = line->child, *last = cJSON_GetArrayItem(line, n - 1);
        if (first->child->valuedouble != last->child->valuedouble ||
            first->child->next->valuedouble != last->child->next->valuedouble)
            geo_err(g, line, "polygon ring is not closed: its last position must equal its first");
    }
    if (g->vertices > GEOJSON_MAX_FILE_VERTICES && !g->over_file_limit) {
        g->over_file_limit = true;
        geo_err(g, line, "the file has more than %d positions (simplify it)", GEOJSON_MAX_FILE_VERTICES);
    }
}

static void check_polygon(GeoCheck *g, const cJSON *poly)
{
    if (!cJSON_IsArray(poly) || cJSON_GetArraySize(poly) == 0) {
        geo_err(g, poly, "a polygon must be a non-empty list of rings");
        return;
    }
    for (const cJSON *r = poly->child; r; r = r->next)
        check_line(g, r, true);
}

static void check_geometry(GeoCheck *g, const cJSON *geom)
{
    if (cJSON_IsNull(geom))
        return;
    if (!cJSON_IsObject(geom)) {
        geo_err(g, geom, "'geometry' must be an object or null");
        return;
    }
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(geom, "type");
    const cJSON *coords = cJSON_GetObjectItemCaseSensitive(geom, "coordinates");
    if (!cJSON_IsString(type)) {
        geo_err(g, geom, "a geometry needs a 'type'");
        return;
    }
    const char *t = type->valuestring;
    bool known = strcmp(t, "Point") == 0 || strcmp(t, "MultiPoint") == 0 ||
                 strcmp(t, "LineString") == 0 || strcmp(t, "MultiLineString") == 0 ||
                 strcmp(t, "Polygon") == 0 || strcmp(t, "MultiPolygon") == 0;
    if (!known) {
        geo_err(g, geom, "geometry type '%.40s' is not supported (Point, MultiPoint, LineString, "
                "MultiLineString, Polygon, MultiPolygon)", t);
        return;
    }
    if (!cJSON_IsArray(coords)) {
        geo_err(g, geom, "a %s needs 'coordinates' (a list)", t);
        return;
    }
    if (strcmp(t, "Point") == 0) {
        check_position(g, coords, geom);
    } else if (strcmp(t, "MultiPoint") == 0) {
        for (const cJSON *p = coords->child; p; p = p->next)
            if (!check_position(g, p, coords))
                break;
    } else if (strcmp(t, "LineString") == 0) {
        check_line(g, coords, false);
    } else if (strcmp(t, "MultiLineString") == 0) {
        for (const cJSON *l = coords->child; l; l = l->next)
            check_line(g, l, false);
    } else if (strcmp(t, "Polygon") == 0) {
        check_polygon(g, coords);
    } else {
        for (const cJSON *p = coords->child; p; p = p->next)
            check_polygon(g, p);
    }
}

static int cmp_strp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bool validate_geojson_text(const char *text, size_t len, const char *display, Diag *diags,
                           GeoIds *ids)
{
    if (ids)
        memset(ids, 0, sizeof *ids);
    JsonDoc doc;
    JsonError jerr;
    JsonLimits lim = {.max_bytes = GEOJSON_MAX_BYTES};
    if (!json_parse(text, len, &lim, &doc, &jerr)) {
        diag_add(diags, DIAG_ERROR, display, jerr.line, jerr.col, NULL, "%s", jerr.message);
        return false;
    }
    GeoCheck g = {.doc = &doc, .file = display, .diag = diags};
    const cJSON *root = doc.root;
    const cJSON *type = cJSON_IsObject(root) ? cJSON_GetObjectItemCaseSensitive(root, "type") : NULL;
    const cJSON *features = cJSON_IsObject(root) ? cJSON_GetObjectItemCaseSensitive(root, "features") : NULL;
    if (!cJSON_IsString(type) || strcmp(type->valuestring, "FeatureCollection") != 0 ||
        !cJSON_IsArray(features)) {
        geo_err(&g, root, "a map file must be a GeoJSON FeatureCollection: {\"type\": \"FeatureCollection\", \"features\": [...]}");
        json_doc_free(&doc);
        return false;
    }
    size_t nf = (size_t)cJSON_GetArraySize(features);
    char **list = ids && nf ? calloc(nf, sizeof *list) : NULL;
    size_t count = 0;
    for (const cJSON *f = features->child; f; f = f->next) {
        const cJSON *ft = cJSON_IsObject(f) ? cJSON_GetObjectItemCaseSensitive(f, "type") : NULL;
        if (!cJSON_IsString(ft) || strcmp(ft->valuestring, "Feature") != 0) {
            geo_err(&g, f, "each entry of 'features' must be a Feature: {\"type\": \"Feature\", ...}");
            continue;
        }
        const cJSON *geom = cJSON_GetObjectItemCaseSensitive(f, "geometry");
        if (!geom)
            geo_err(&g, f, "this feature has no 'geometry'");
        else
            check_geometry(&g, geom);
        const cJSON *props = cJSON_GetObjectItemCaseSensitive(f, "properties");
        const cJSON *id = cJSON_IsObject(props) ? cJSON_GetObjectItemCaseSensitive(props, "id") : NULL;
        if (id && !cJSON_IsString(id))
            geo_err(&g, props, "properties.id must be a string");
        else if (id && list)
            list[count++] = util_strdup(id->valuestring);
        if (g.over_file_limit)
            break;
    }
    if (list && count > 1) {
        qsort(list, count, sizeof *list, cmp_strp);
        for (size_t i = 1; i < count; i++)
            if (list[i] && list[i - 1] && strcmp(list[i], list[i - 1]) == 0)
                geo_err(&g, features, "two features have properties.id \"%.64s\"", list[i]);
    }
    if (ids) {
        ids->ids = list;
        ids->count = count;
    }
    json_doc_free(&doc);
    return !g.failed;
}

bool validate_geojson(const char *path, const char *display, Diag *diags, GeoIds *ids)
{
    if (ids)
        memset(ids, 0, sizeof *ids);
    char *text = NULL;
    size_t len = 0;
    UtilError e = util_read_file(path, GEOJSON_MAX_BYTES, &text, &len);
    if (e == UTIL_ERR_TOO_LARGE) {
        diag_add(diags, DIAG_ERROR, display, 0, 0, NULL, "the map file is larger than 16 MB (simplify it)");
        return false;
    }
    if (e != UTIL_OK) {
        diag_add(diags, DIAG_ERROR, display, 0, 0, NULL, "cannot read the map file");
        return false;
    }
    bool ok = validate_geojson_text(text, len, display, diags, ids);
    free(text);
    return ok;
}

bool geoids_contains(const GeoIds *ids, const char *id)
{
    if (!ids->count)
        return false;
    return bsearch(&id, ids->ids, ids->count, sizeof *ids->ids, cmp_strp) != NULL;
}

void geoids_free(GeoIds *ids)
{
    for (size_t i = 0; i < ids->count; i++)
        free(ids->ids[i]);
    free(ids->ids);
    memset(ids, 0, sizeof *ids);
}

/* ---- Paths ---- */

typedef struct PackCache {
    char *path[16];
    Pack *pack[16];
    bool broken[16];
    size_t count;
} PackCache;

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* The folder part of a path ("." when none). */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return util_strdup(".");
    if (slash == path)
        return util_strdup("/");
    return util_format("%.*s", (int)(slash - path), path);
}

/* The folder holding dir: "levels" -> ".", "a/levels" -> "a", "." -> "..". */
static char *parent_of(const char *dir)
{
    if (strcmp(dir, ".") == 0)
        return util_strdup("..");
    const char *slash = strrchr(dir, '/');
    if (!slash)
        return util_strdup(".");
    if (slash == dir)
        return util_strdup("/");
    return util_format("%.*s", (int)(slash - dir), dir);
}

static void stem_of(const char *path, char *buf, size_t cap)
{
    const char *slash = strrchr(path, '/');
    const char *b = slash ? slash + 1 : path;
    size_t n = strlen(b);
    if (n > 5 && strcmp(b + n - 5, ".json") == 0)
        n -= 5;
    snprintf(buf, cap, "%.*s", (int)n, b);
}

static const Pack *cached_pack(PackCache *pc, const char *pack_dir, bool *broken)
{
    for (size_t i = 0; i < pc->count; i++) {
        if (strcmp(pc->path[i], pack_dir) == 0) {
            *broken = pc->broken[i];
            return pc->pack[i];
        }
    }
    Pack *p = NULL;
    Diag scratch = {0};
    bool exists = util_is_file(pack_dir) || util_is_dir(pack_dir);
    if (exists)
        pack_load(pack_dir, &p, &scratch);
    diag_free(&scratch);
    *broken = exists && !p;
    if (pc->count < COUNT_OF(pc->path)) {
        pc->path[pc->count] = util_strdup(pack_dir);
        pc->pack[pc->count] = p;
        pc->broken[pc->count] = *broken;
        pc->count++;
    } else {
        /* Not cached: the caller never frees it, so keep the cache bounded by dropping it. */
        pack_free(p);
        p = NULL;
    }
    return p;
}

static void validate_campaign(const char *path, const JsonDoc *doc, Diag *d)
{
    Campaign *cp = NULL;
    campaign_load(path, &cp, d);
    campaign_free(cp);
    char *dir = dir_of(path);
    const cJSON *ch = cJSON_GetObjectItemCaseSensitive(doc->root, "chapters");
    for (const cJSON *e = cJSON_IsArray(ch) ? ch->child : NULL; e && dir; e = e->next) {
        const cJSON *lv = cJSON_IsObject(e) ? cJSON_GetObjectItemCaseSensitive(e, "levels") : NULL;
        for (const cJSON *x = cJSON_IsArray(lv) ? lv->child : NULL; x; x = x->next) {
            if (!cJSON_IsString(x) || !x->valuestring[0] || strchr(x->valuestring, '/'))
                continue;
            char *file = util_format("%s/%s.json", dir, x->valuestring);
            if (file && !util_is_file(file))
                diag_at(d, DIAG_ERROR, path, doc, x, false,
                        "level '%.64s' has no file %.64s.json in the levels folder", x->valuestring,
                        x->valuestring);
            free(file);
        }
    }
    free(dir);
}

static void validate_level(const char *path, const JsonDoc *doc, const ValidateOptions *o,
                           PackCache *pc, Diag *d)
{
    const cJSON *root = doc->root;
    const cJSON *pack_id = cJSON_IsObject(root) ? cJSON_GetObjectItemCaseSensitive(root, "pack") : NULL;
    const Pack *pack = NULL;
    char *dir = dir_of(path);
    if (cJSON_IsString(pack_id) && pack_id->valuestring[0] && !strchr(pack_id->valuestring, '/') &&
        strcmp(pack_id->valuestring, "..") != 0 && dir) {
        char *parent = parent_of(dir);
        char *content = o && o->content_dir ? util_strdup(o->content_dir)
                      : !parent ? NULL
                      : strcmp(parent, ".") == 0 ? util_strdup("content")
                      : util_path_join(parent, "content");
        free(parent);
        char *pdir = content ? util_path_join(content, pack_id->valuestring) : NULL;
        bool broken = false;
        if (pdir)
            pack = cached_pack(pc, pdir, &broken);
        if (!pack && broken)
            diag_at(d, DIAG_ERROR, path, doc, pack_id, false,
                    "pack '%s' has errors, so this level cannot be checked against it (run: frontiers validate %s)",
                    pack_id->valuestring, pdir);
        else if (!pack)
            diag_at(d, DIAG_ERROR, path, doc, pack_id, false, "pack '%.64s' not found (looked for %s)",
                    pack_id->valuestring, pdir ? pdir : "?");
        free(content);
        free(pdir);
    }
    Level *lv = NULL;
    level_load(path, pack, &lv, d);
    level_free(lv);
    const cJSON *id = cJSON_IsObject(root) ? cJSON_GetObjectItemCaseSensitive(root, "id") : NULL;
    char stem[256];
    stem_of(path, stem, sizeof stem);
    if (cJSON_IsString(id) && strcmp(id->valuestring, stem) != 0)
        diag_at(d, DIAG_ERROR, path, doc, id, false, "level id '%.64s' must equal the file name '%s.json'",
                id->valuestring, stem);
    const cJSON *unlock = cJSON_IsObject(root) ? cJSON_GetObjectItemCaseSensitive(root, "unlock") : NULL;
    const cJSON *after = cJSON_IsObject(unlock) ? cJSON_GetObjectItemCaseSensitive(unlock, "after") : NULL;
    if (cJSON_IsString(after) && after->valuestring[0] && !strchr(after->valuestring, '/') && dir) {
        char *file = util_format("%s/%s.json", dir, after->valuestring);
        if (file && !util_is_file(file))
            diag_at(d, DIAG_ERROR, path, doc, after, false,
                    "'after' names level '%.64s', but there is no %.64s.json in the levels folder",
                    after->valuestring, after->valuestring);
        free(file);
    }
    free(dir);
}

static void validate_json_file(const char *path, const ValidateOptions *o, PackCache *pc, Diag *d)
{
    char *text = NULL;
    size_t len = 0;
    UtilError e = util_read_file(path, LEVEL_MAX_BYTES, &text, &len);
    if (e != UTIL_OK) {
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, e == UTIL_ERR_TOO_LARGE ?
                 "the file is larger than 1 MB" : "cannot read the file");
        return;
    }
    JsonDoc doc;
    JsonError jerr;
    JsonLimits lim = {.max_bytes = LEVEL_MAX_BYTES};
    if (!json_parse(text, len, &lim, &doc, &jerr)) {
        diag_add(d, DIAG_ERROR, path, jerr.line, jerr.col, NULL, "%s", jerr.message);
        free(text);
        return;
    }
    if (cJSON_IsObject(doc.root) && cJSON_GetObjectItemCaseSensitive(doc.root, "chapters"))
        validate_campaign(path, &doc, d);
    else
        validate_level(path, &doc, o, pc, d);
    json_doc_free(&doc);
    free(text);
}

/* depth: how many more folder levels to look into (a data folder, then content/ and levels/). */
static size_t validate_one(const char *path, const ValidateOptions *o, PackCache *pc, Diag *d,
                           int depth)
{
    if (util_is_dir(path)) {
        char *pj = util_path_join(path, "pack.json");
        bool is_pack = pj && util_is_file(pj);
        free(pj);
        if (is_pack) {
            Pack *p = NULL;
            pack_load(path, &p, d);
            pack_free(p);
            return 1;
        }
        if (depth <= 0)
            return 0;
        DIR *dir = opendir(path);
        if (!dir) {
            diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "cannot open the folder");
            return 0;
        }
        char **names = NULL;
        size_t n = 0, cap = 0;
        struct dirent *de;
        while ((de = readdir(dir))) {
            if (de->d_name[0] == '.')
                continue;
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                char **nn = realloc(names, cap * sizeof *nn);
                if (!nn)
                    break;
                names = nn;
            }
            names[n++] = util_path_join(path, de->d_name);
        }
        closedir(dir);
        if (n)
            qsort(names, n, sizeof *names, cmp_strp);
        size_t checked = 0;
        for (size_t i = 0; i < n; i++) {
            /* JSON Schemas (files named *.schema.json) are not content. */
            if (names[i] && !ends_with(names[i], ".schema.json") &&
                (util_is_dir(names[i]) || ends_with(names[i], ".json") || ends_with(names[i], ".geojson")))
                checked += validate_one(names[i], o, pc, d, depth - 1);
            free(names[i]);
        }
        free(names);
        if (checked == 0 && depth == 2)
            diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "no pack, level or map file found in this folder");
        return checked;
    }
    if (!util_is_file(path)) {
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "no such file or folder");
        return 0;
    }
    if (ends_with(path, "/pack.json") || strcmp(path, "pack.json") == 0) {
        Pack *p = NULL;
        pack_load(path, &p, d);
        pack_free(p);
    } else if (ends_with(path, ".geojson")) {
        validate_geojson(path, path, d, NULL);
    } else {
        validate_json_file(path, o, pc, d);
    }
    return 1;
}

size_t validate_paths(const char *const *paths, size_t count, const ValidateOptions *options,
                      Diag *diags)
{
    PackCache pc = {0};
    size_t checked = 0;
    for (size_t i = 0; i < count; i++)
        checked += validate_one(paths[i], options, &pc, diags, 2);
    for (size_t i = 0; i < pc.count; i++) {
        free(pc.path[i]);
        pack_free(pc.pack[i]);
    }
    return checked;
}
