/* Vector map: files loaded, projected and triangulated once; line meshes rebuilt on layout;
 * drawing recolours vertex ranges and submits them. */
#include "ui/mapview.h"
#include "content/i18n.h"
#include "base/util.h"
#include "content/geo.h"
#include "ui/draw.h"
#include "ui/text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILES 12
#define MAX_LABELS 96

typedef struct MapFile {
    char *rel;
    GeoCollection *geo;
    double *xy;                 /* projected vertices */
    SDL_Vertex *verts;          /* screen vertices of polygons */
    uint32_t *tri;              /* triangles of every polygon part (global vertex indices) */
    size_t ntri;
    uint32_t *part_tri_first, *part_tri_count;   /* in triangles */
    SDL_Vertex *lverts;         /* line mesh: 4 vertices a segment */
    int *lidx;
    size_t nlverts, nlidx;
    uint32_t *part_line_first, *part_line_count; /* in indices */
    bool *closed_part;          /* polygon parts: their rings close */
    float line_width;
} MapFile;

typedef struct MapItem {
    int file;                   /* index into files */
    const GeoFeature *feature;
} MapItem;

struct MapView {
    const Pack *pack;
    uint32_t map;
    GeoProjection proj;
    GeoView base;               /* the whole map fitted into the viewport */
    GeoView view;               /* base zoomed and panned: what is drawn and hit-tested */
    double zoom;                /* view.scale / base.scale, 1 .. MAPVIEW_MAX_ZOOM */
    bool dirty;                 /* screen vertices and line meshes need the current view */
    double px0, py0, px1, py1;  /* projected rectangle visible at zoom 1 (pan limits) */
    SDL_Rect viewport;
    int unit;
    MapFile files[MAX_FILES];
    int nfiles;
    int land, lakes, rivers_layer, borders_layer;   /* file indices or -1 */
    MapItem *regions;           /* per map region (pack->regions[map.region_first + k]) */
    MapItem *rivers;
    MapItem *borders;
    SDL_FRect labels[MAX_LABELS];
    int nlabels;
};

static void file_free(MapFile *f)
{
    free(f->rel);
    geo_free(f->geo);
    free(f->xy);
    free(f->verts);
    free(f->tri);
    free(f->part_tri_first);
    free(f->part_tri_count);
    free(f->lverts);
    free(f->lidx);
    free(f->part_line_first);
    free(f->part_line_count);
    free(f->closed_part);
}

static int load_file(MapView *mv, const char *rel, char *err, size_t errlen)
{
    for (int i = 0; i < mv->nfiles; i++)
        if (strcmp(mv->files[i].rel, rel) == 0)
            return i;
    if (mv->nfiles == MAX_FILES) {
        snprintf(err, errlen, "too many map files");
        return -1;
    }
    MapFile *f = &mv->files[mv->nfiles];
    memset(f, 0, sizeof *f);
    char *path = util_path_join(mv->pack->dir, rel);
    if (!path || geo_load_file(path, &f->geo, err, errlen) != GEO_OK) {
        free(path);
        return -1;
    }
    free(path);
    f->rel = util_strdup(rel);
    const GeoCollection *g = f->geo;
    f->xy = malloc(sizeof(double) * 2 * (g->nvertices ? g->nvertices : 1));
    f->verts = calloc(g->nvertices ? g->nvertices : 1, sizeof *f->verts);
    f->part_tri_first = calloc(g->nparts ? g->nparts : 1, sizeof(uint32_t));
    f->part_tri_count = calloc(g->nparts ? g->nparts : 1, sizeof(uint32_t));
    f->part_line_first = calloc(g->nparts ? g->nparts : 1, sizeof(uint32_t));
    f->part_line_count = calloc(g->nparts ? g->nparts : 1, sizeof(uint32_t));
    f->closed_part = calloc(g->nparts ? g->nparts : 1, sizeof(bool));
    if (!f->xy || !f->verts || !f->part_tri_first || !f->part_tri_count || !f->part_line_first || !f->part_line_count || !f->closed_part) {
        file_free(f);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    geo_project_all(&mv->proj, g, f->xy);
    for (size_t fi = 0; fi < g->nfeatures; fi++)
        for (uint32_t p = g->features[fi].first_part; p < g->features[fi].first_part + g->features[fi].nparts; p++)
            f->closed_part[p] = g->features[fi].type == GEO_GEOM_POLYGON;
    /* Triangulate every polygon part once. */
    for (size_t fi = 0; fi < g->nfeatures; fi++) {
        const GeoFeature *feat = &g->features[fi];
        if (feat->type != GEO_GEOM_POLYGON)
            continue;
        for (uint32_t p = feat->first_part; p < feat->first_part + feat->nparts; p++) {
            uint32_t *idx = NULL;
            size_t n = 0;
            if (geo_triangulate_part(g, p, f->xy, &idx, &n) != GEO_OK || n == 0) {
                free(idx);
                continue;
            }
            uint32_t *grown = realloc(f->tri, sizeof(uint32_t) * 3 * (f->ntri + n));
            if (!grown) {
                free(idx);
                continue;
            }
            f->tri = grown;
            memcpy(f->tri + 3 * f->ntri, idx, sizeof(uint32_t) * 3 * n);
            f->part_tri_first[p] = (uint32_t)f->ntri;
            f->part_tri_count[p] = (uint32_t)n;
            f->ntri += n;
            free(idx);
        }
    }
    /* The line mesh: every ring edge (closing edge for polygon rings) becomes a quad. */
    size_t segs = 0;
    for (size_t r = 0; r < g->nrings; r++)
        segs += g->rings[r].count;
    f->lverts = calloc(segs * 4 + 1, sizeof *f->lverts);
    f->lidx = calloc(segs * 6 + 1, sizeof *f->lidx);
    if (!f->lverts || !f->lidx) {
        file_free(f);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return mv->nfiles++;
}

static int layer_file(MapView *mv, const PackMap *m, const char *kind, char *err, size_t errlen)
{
    for (uint32_t i = 0; i < m->layer_count; i++)
        if (strcmp(m->layers[i].kind, kind) == 0)
            return load_file(mv, m->layers[i].file, err, errlen);
    return -1;
}

MapView *mapview_create(const Pack *pack, uint32_t map_index, char *err, size_t errlen)
{
    if (map_index >= pack->map_count) {
        snprintf(err, errlen, "no map %u", map_index);
        return NULL;
    }
    MapView *mv = calloc(1, sizeof *mv);
    if (!mv)
        return NULL;
    mv->pack = pack;
    mv->map = map_index;
    const PackMap *m = &pack->maps[map_index];
    GeoProjectionType type = GEO_PROJ_LCC;
    geo_projection_type_from_name(m->projection.type, &type);
    if (geo_projection_init(&mv->proj, type, m->projection.lon0, m->projection.lat0, m->projection.lat1, m->projection.lat2) != GEO_OK) {
        snprintf(err, errlen, "bad projection");
        free(mv);
        return NULL;
    }
    err[0] = '\0';
    mv->land = layer_file(mv, m, "land", err, errlen);
    mv->lakes = layer_file(mv, m, "lake", err, errlen);
    mv->rivers_layer = layer_file(mv, m, "river", err, errlen);
    mv->borders_layer = layer_file(mv, m, "border", err, errlen);
    mv->regions = calloc(m->region_count + 1, sizeof *mv->regions);
    mv->rivers = calloc(m->river_count + 1, sizeof *mv->rivers);
    mv->borders = calloc(m->border_count + 1, sizeof *mv->borders);
    bool ok = mv->land >= 0 && mv->regions && mv->rivers && mv->borders;
    for (uint32_t k = 0; ok && k < m->region_count; k++) {
        const PackRegion *pr = &pack->regions[m->region_first + k];
        int fi = load_file(mv, pr->file, err, errlen);
        mv->regions[k] = (MapItem){fi, fi >= 0 ? geo_find(mv->files[fi].geo, pr->feature) : NULL};
    }
    for (uint32_t k = 0; ok && k < m->river_count; k++) {
        const PackRiver *pr = &pack->rivers[m->river_first + k];
        int fi = load_file(mv, pr->file, err, errlen);
        mv->rivers[k] = (MapItem){fi, fi >= 0 ? geo_find(mv->files[fi].geo, pr->feature) : NULL};
    }
    for (uint32_t k = 0; ok && k < m->border_count; k++) {
        const PackBorder *pb = &pack->borders[m->border_first + k];
        int fi = load_file(mv, pb->file, err, errlen);
        mv->borders[k] = (MapItem){fi, fi >= 0 ? geo_find(mv->files[fi].geo, pb->feature) : NULL};
    }
    if (!ok) {
        if (!err[0])
            snprintf(err, errlen, "the map has no land layer");
        mapview_destroy(mv);
        return NULL;
    }
    return mv;
}

void mapview_destroy(MapView *mv)
{
    if (!mv)
        return;
    for (int i = 0; i < mv->nfiles; i++)
        file_free(&mv->files[i]);
    free(mv->regions);
    free(mv->rivers);
    free(mv->borders);
    free(mv);
}

uint32_t mapview_map_index(const MapView *mv)
{
    return mv->map;
}

/* Line quads for the current view. Vertices closer than MIN_SEGMENT pixels to the last one
 * kept are skipped (at the whole-map zoom most coastline vertices share a pixel), and segments
 * wholly outside the viewport are left out, so the software renderer rasterises only what
 * shows. No allocation: the buffers hold one quad per source segment. */
#define MIN_SEGMENT 1.5f

static bool segment_outside(SDL_Rect vp, float m, float x0, float y0, float x1, float y1)
{
    return (x0 < vp.x - m && x1 < vp.x - m) || (x0 > vp.x + vp.w + m && x1 > vp.x + vp.w + m) ||
           (y0 < vp.y - m && y1 < vp.y - m) || (y0 > vp.y + vp.h + m && y1 > vp.y + vp.h + m);
}

static void build_lines(MapView *mv, MapFile *f, float width)
{
    const GeoCollection *g = f->geo;
    size_t nv = 0, ni = 0;
    float hw = width / 2;
    for (size_t p = 0; p < g->nparts; p++) {
        f->part_line_first[p] = (uint32_t)ni;
        const GeoPart *part = &g->parts[p];
        for (uint32_t r = part->first_ring; r < part->first_ring + part->nrings; r++) {
            const GeoRing *ring = &g->rings[r];
            bool closed = f->closed_part[p] && ring->count > 2;
            uint32_t nseg = closed ? ring->count : (ring->count > 0 ? ring->count - 1 : 0);
            uint32_t a = ring->first;
            for (uint32_t s = 0; s < nseg; s++) {
                uint32_t b = ring->first + (s + 1) % ring->count;
                bool last = s + 1 == nseg;
                float x0 = f->verts[a].position.x, y0 = f->verts[a].position.y;
                float x1 = f->verts[b].position.x, y1 = f->verts[b].position.y;
                float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
                if (len < (last ? 0.01f : MIN_SEGMENT))
                    continue;   /* a keeps its place: the next segment starts there */
                a = b;
                if (segment_outside(mv->viewport, width, x0, y0, x1, y1))
                    continue;
                /* Extend each segment by half the width so joins have no gaps. */
                float ux = dx / len * hw, uy = dy / len * hw;
                float nx = -uy, ny = ux;
                SDL_Vertex *v = &f->lverts[nv];
                v[0].position = (SDL_FPoint){x0 - ux + nx, y0 - uy + ny};
                v[1].position = (SDL_FPoint){x1 + ux + nx, y1 + uy + ny};
                v[2].position = (SDL_FPoint){x1 + ux - nx, y1 + uy - ny};
                v[3].position = (SDL_FPoint){x0 - ux - nx, y0 - uy - ny};
                int base = (int)nv;
                int *ix = &f->lidx[ni];
                ix[0] = base; ix[1] = base + 1; ix[2] = base + 2; ix[3] = base; ix[4] = base + 2; ix[5] = base + 3;
                nv += 4;
                ni += 6;
            }
        }
        f->part_line_count[p] = (uint32_t)ni - f->part_line_first[p];
    }
    f->nlverts = nv;
    f->nlidx = ni;
    f->line_width = width;
}

/* Screen vertices and line meshes for the current view: an affine transform of the projected
 * vertices already held (no triangulation, no allocation), done only after the view changed. */
static void apply_view(MapView *mv)
{
    float grow = (float)pow(mv->zoom, 0.3);  /* lines widen with the zoom, much slower than the land */
    for (int i = 0; i < mv->nfiles; i++) {
        MapFile *f = &mv->files[i];
        const double s = mv->view.scale, tx = mv->view.tx, ty = mv->view.ty;
        for (size_t v = 0; v < f->geo->nvertices; v++)
            f->verts[v].position = (SDL_FPoint){(float)(tx + s * f->xy[2 * v]), (float)(ty - s * f->xy[2 * v + 1])};
        float width = i == mv->rivers_layer ? mv->unit * 0.45f : i == mv->borders_layer ? mv->unit * 0.4f : mv->unit * 0.22f;
        width *= grow;
        build_lines(mv, f, width < 1.0f ? 1.0f : width);
    }
    mv->dirty = false;
}

/* Keeps the view inside the area shown at zoom 1: no panning off the map's bounds. */
static void clamp_view(MapView *mv)
{
    const SDL_Rect vp = mv->viewport;
    if (mv->zoom < 1.0)
        mv->zoom = 1.0;
    if (mv->zoom > MAPVIEW_MAX_ZOOM)
        mv->zoom = MAPVIEW_MAX_ZOOM;
    double s = mv->base.scale * mv->zoom;
    mv->view.scale = s;
    double txmax = vp.x - s * mv->px0, txmin = vp.x + vp.w - s * mv->px1;
    double tymax = vp.y + s * mv->py1, tymin = vp.y + vp.h + s * mv->py0;
    if (mv->view.tx > txmax) mv->view.tx = txmax;
    if (mv->view.tx < txmin) mv->view.tx = txmin;
    if (mv->view.ty > tymax) mv->view.ty = tymax;
    if (mv->view.ty < tymin) mv->view.ty = tymin;
    mv->dirty = true;
}

void mapview_layout(MapView *mv, SDL_Rect vp, int unit)
{
    if (vp.x == mv->viewport.x && vp.y == mv->viewport.y && vp.w == mv->viewport.w && vp.h == mv->viewport.h && unit == mv->unit)
        return;
    /* Keep the zoom and the centre across a resize. */
    double zoom = mv->zoom > 0 ? mv->zoom : 1.0, cx = 0, cy = 0;
    bool had = mv->viewport.w > 0 && mv->view.scale > 0;
    if (had)
        geo_view_from_screen(&mv->view, mv->viewport.x + mv->viewport.w / 2.0, mv->viewport.y + mv->viewport.h / 2.0, &cx, &cy);
    mv->viewport = vp;
    mv->unit = unit;
    const PackMap *m = &mv->pack->maps[mv->map];
    geo_view_fit(&mv->proj, m->bounds, vp.x, vp.y, vp.w, vp.h, &mv->base);
    geo_view_from_screen(&mv->base, vp.x, vp.y + vp.h, &mv->px0, &mv->py0);
    geo_view_from_screen(&mv->base, vp.x + vp.w, vp.y, &mv->px1, &mv->py1);
    mv->view = mv->base;
    mv->zoom = zoom;
    if (had) {
        mv->view.scale = mv->base.scale * zoom;
        mv->view.tx = vp.x + vp.w / 2.0 - mv->view.scale * cx;
        mv->view.ty = vp.y + vp.h / 2.0 + mv->view.scale * cy;
    }
    clamp_view(mv);
    apply_view(mv);
}

void mapview_zoom_at(MapView *mv, double factor, int sx, int sy)
{
    if (mv->viewport.w <= 0 || !(factor > 0))
        return;
    double px, py;
    geo_view_from_screen(&mv->view, sx, sy, &px, &py);
    mv->zoom *= factor;
    if (mv->zoom < 1.0) mv->zoom = 1.0;
    if (mv->zoom > MAPVIEW_MAX_ZOOM) mv->zoom = MAPVIEW_MAX_ZOOM;
    /* The projected point under the cursor stays under it. */
    double s = mv->base.scale * mv->zoom;
    mv->view.scale = s;
    mv->view.tx = sx - s * px;
    mv->view.ty = sy + s * py;
    clamp_view(mv);
}

void mapview_pan(MapView *mv, double dx, double dy)
{
    if (mv->viewport.w <= 0)
        return;
    mv->view.tx += dx;
    mv->view.ty += dy;
    clamp_view(mv);
}

void mapview_reset_view(MapView *mv)
{
    if (mv->viewport.w <= 0)
        return;
    mv->view = mv->base;
    mv->zoom = 1.0;
    clamp_view(mv);
}

double mapview_zoom(const MapView *mv)
{
    return mv->zoom > 0 ? mv->zoom : 1.0;
}

void mapview_update(MapView *mv)
{
    if (mv->dirty)
        apply_view(mv);
}

/* On SDL's software renderer meshes are filled as pixel runs (draw_triangles): it would blend a
 * translucent triangle through a temporary surface (two allocations per triangle) and it tests
 * every pixel of a triangle's bounding box, which for the long thin triangles of a coastline
 * costs twice the runs. Other renderers take the mesh as it is, opaque colours unblended. */
static void geometry(SDL_Renderer *r, const SDL_Vertex *v, int nv, const int *idx, int ni, SDL_Color c)
{
    if (c.a == 0)
        return;
    SDL_RendererInfo info;
    if (c.a < 255 || (SDL_GetRendererInfo(r, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE))) {
        draw_triangles(r, v, nv, idx, ni, c);
        return;
    }
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_RenderGeometry(r, NULL, v, nv, idx, ni);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
}

static void color_range(SDL_Vertex *v, size_t first, size_t count, SDL_Color c)
{
    for (size_t i = first; i < first + count; i++)
        v[i].color = c;
}

static void fill_feature(MapView *mv, SDL_Renderer *r, int fi, const GeoFeature *feat, SDL_Color c)
{
    if (fi < 0 || !feat)
        return;
    MapFile *f = &mv->files[fi];
    const GeoCollection *g = f->geo;
    for (uint32_t p = feat->first_part; p < feat->first_part + feat->nparts; p++) {
        if (!f->part_tri_count[p])
            continue;
        const GeoPart *part = &g->parts[p];
        const GeoRing *first = &g->rings[part->first_ring];
        const GeoRing *last = &g->rings[part->first_ring + part->nrings - 1];
        color_range(f->verts, first->first, last->first + last->count - first->first, c);
        geometry(r, f->verts, (int)g->nvertices, (const int *)(f->tri + 3 * f->part_tri_first[p]),
                 (int)(3 * f->part_tri_count[p]), c);
    }
}

static void stroke_feature(MapView *mv, SDL_Renderer *r, int fi, const GeoFeature *feat, SDL_Color c)
{
    if (fi < 0 || !feat)
        return;
    MapFile *f = &mv->files[fi];
    for (uint32_t p = feat->first_part; p < feat->first_part + feat->nparts; p++) {
        uint32_t first = f->part_line_first[p], count = f->part_line_count[p];
        if (!count)
            continue;
        /* The part's line vertices are contiguous: indices first..first+count map to quads. */
        size_t v0 = (size_t)f->lidx[first], nv = (size_t)count / 6 * 4;
        color_range(f->lverts, v0, nv, c);
        geometry(r, f->lverts, (int)f->nlverts, f->lidx + first, (int)count, c);
    }
}

static bool label_fits(MapView *mv, SDL_FRect box)
{
    /* Labels cut by the edge of the view are left out, so a zoomed map never shows half names. */
    const SDL_Rect vp = mv->viewport;
    if (box.x < vp.x || box.y < vp.y || box.x + box.w > vp.x + vp.w || box.y + box.h > vp.y + vp.h)
        return false;
    for (int i = 0; i < mv->nlabels; i++) {
        SDL_FRect o = mv->labels[i];
        if (box.x < o.x + o.w && o.x < box.x + box.w && box.y < o.y + o.h && o.y < box.y + box.h)
            return false;
    }
    if (mv->nlabels < MAX_LABELS)
        mv->labels[mv->nlabels++] = box;
    return true;
}

/* Dashes of three segments, gaps of three: the same mesh drawn in runs. */
static void stroke_feature_dashed(MapView *mv, SDL_Renderer *r, int fi, const GeoFeature *feat, SDL_Color c)
{
    if (fi < 0 || !feat)
        return;
    MapFile *f = &mv->files[fi];
    for (uint32_t p = feat->first_part; p < feat->first_part + feat->nparts; p++) {
        uint32_t first = f->part_line_first[p], count = f->part_line_count[p];
        if (!count)
            continue;
        size_t v0 = (size_t)f->lidx[first], nseg = (size_t)count / 6;
        color_range(f->lverts, v0, nseg * 4, c);
        for (size_t k = 0; k < nseg; k += 6) {
            size_t run = nseg - k < 3 ? nseg - k : 3;
            geometry(r, f->lverts, (int)f->nlverts, f->lidx + first + 6 * k, (int)(6 * run), c);
        }
    }
}

/* The middle vertex of a feature's longest part, on screen. */
static bool feature_anchor(const MapView *mv, int fi, const GeoFeature *feat, float *x, float *y)
{
    if (fi < 0 || !feat || feat->nparts == 0)
        return false;
    const MapFile *f = &mv->files[fi];
    const GeoCollection *g = f->geo;
    uint32_t best = feat->first_part, best_n = 0;
    for (uint32_t p = feat->first_part; p < feat->first_part + feat->nparts; p++) {
        uint32_t n = g->rings[g->parts[p].first_ring].count;
        if (n > best_n) {
            best_n = n;
            best = p;
        }
    }
    const GeoRing *ring = &g->rings[g->parts[best].first_ring];
    if (feat->type == GEO_GEOM_POLYGON) {
        /* Centre of the bounding box, projected. */
        double cx = 0, cy = 0;
        for (uint32_t i = 0; i < ring->count; i++) {
            cx += f->verts[ring->first + i].position.x;
            cy += f->verts[ring->first + i].position.y;
        }
        *x = (float)(cx / ring->count);
        *y = (float)(cy / ring->count);
        return ring->count > 0;
    }
    SDL_FPoint p = f->verts[ring->first + ring->count / 2].position;
    *x = p.x;
    *y = p.y;
    return true;
}

static SDL_Color land_tone(const Theme *th, const GeoFeature *feat)
{
    /* Soft tones by country, distinguishable without relying on hue alone. */
    unsigned h = 0;
    for (const char *c = feat->id ? feat->id : ""; *c; c++)
        h = h * 31u + (unsigned char)*c;
    static const float mix[4] = {0.0f, 0.10f, 0.18f, 0.05f};
    return color_mix(th->land, th->paper_dark, mix[h % 4]);
}

static int border_of_year(const MapView *mv, int year)
{
    const PackMap *m = &mv->pack->maps[mv->map];
    int best = -1, best_year = -100000;
    for (uint32_t k = 0; k < m->border_count; k++) {
        int y = mv->pack->borders[m->border_first + k].year;
        if (y == year)
            return (int)k;
        if (year == 0 && y > best_year) {
            best = (int)k;
            best_year = y;
        }
    }
    return best;
}

static const double EARTH_KM = 6371.0;

static double great_circle_km(double lon1, double lat1, double lon2, double lat2)
{
    const double d = 3.14159265358979323846 / 180.0;
    double s1 = sin((lat2 - lat1) * d / 2), s2 = sin((lon2 - lon1) * d / 2);
    double h = s1 * s1 + cos(lat1 * d) * cos(lat2 * d) * s2 * s2;
    return 2 * EARTH_KM * asin(sqrt(h < 1 ? h : 1));
}

double mapview_km_per_pixel(const MapView *mv)
{
    const SDL_Rect vp = mv->viewport;
    double cx = vp.x + vp.w / 2.0, cy = vp.y + vp.h / 2.0, x0, y0, x1, y1, lon0, lat0, lon1, lat1;
    geo_view_from_screen(&mv->view, cx - 50, cy, &x0, &y0);
    geo_view_from_screen(&mv->view, cx + 50, cy, &x1, &y1);
    geo_unproject(&mv->proj, x0, y0, &lon0, &lat0);
    geo_unproject(&mv->proj, x1, y1, &lon1, &lat1);
    return great_circle_km(lon0, lat0, lon1, lat1) / 100.0;
}

/* A scale bar of a round length (1, 2 or 5 x 10^n km) at most a fifth of the view wide, and a
 * north arrow that follows the meridian through the view's centre (a conic map turns it). */
static void draw_scale_and_north(MapView *mv, SDL_Renderer *r, TextSystem *ts, const Theme *th, const MapStyle *st)
{
    const SDL_Rect vp = mv->viewport;
    int u = th->unit;
    if (st->km_format) {
        double kmpp = mapview_km_per_pixel(mv);
        double max_km = kmpp * vp.w / 5.0, km = 1;
        if (max_km > 0 && isfinite(max_km)) {
            double p10 = pow(10, floor(log10(max_km)));
            km = max_km >= 5 * p10 ? 5 * p10 : max_km >= 2 * p10 ? 2 * p10 : p10;
            float len = (float)(km / kmpp);
            char num[32], label[64];
            snprintf(num, sizeof num, "%.0f", km);
            const char *names[] = {"n"};
            const char *values[] = {num};
            i18n_format(label, sizeof label, st->km_format, names, values, 1);
            TextOpts so = {.style = TEXT_SMALL};
            const TextBlock *b = ui_text_get(ts, label, &so);
            float x0 = (float)(vp.x + 2 * u), y0 = (float)(vp.y + vp.h - 2 * u);
            SDL_Rect bg = {(int)x0 - u, (int)y0 - b->h - 2 * u, (int)len + 2 * u + (b->w > len ? b->w - (int)len : 0), b->h + 3 * u};
            draw_rounded(r, bg, u / 2, color_alpha(th->card, 215));
            /* Two-tone bar: half ink, half paper, the atlas way. */
            float bh = (float)u * 0.7f;
            SDL_FRect full = {x0, y0 - bh, len, bh};
            SDL_SetRenderDrawColor(r, th->ink.r, th->ink.g, th->ink.b, 255);
            SDL_RenderFillRectF(r, &full);
            SDL_FRect half = {x0 + len / 2 + 1, y0 - bh + 1, len / 2 - 2, bh - 2};
            SDL_SetRenderDrawColor(r, th->card.r, th->card.g, th->card.b, 255);
            SDL_RenderFillRectF(r, &half);
            ui_text_draw(ts, label, &so, (int)x0, (int)(y0 - bh) - b->h - u / 2, th->ink);
        }
    }
    if (st->north) {
        double cx = vp.x + vp.w / 2.0, cy = vp.y + vp.h / 2.0, px, py, lon, lat, ax, ay, bx, by;
        geo_view_from_screen(&mv->view, cx, cy, &px, &py);
        geo_unproject(&mv->proj, px, py, &lon, &lat);
        geo_project(&mv->proj, lon, lat, &ax, &ay);
        geo_project(&mv->proj, lon, lat + 0.5, &bx, &by);
        double dx = bx - ax, dy = by - ay, len = sqrt(dx * dx + dy * dy);
        if (len > 0) {
            dx /= len;
            dy /= len;   /* projected y is north-up; screen y is down */
            float R = (float)u * 2.2f;
            float ox = (float)(vp.x + vp.w - 3.5 * u), oy = (float)(vp.y + 4.5 * u);
            draw_circle(r, ox, oy, R + u * 0.4f, color_alpha(th->card, 215));
            draw_ring(r, ox, oy, R + u * 0.4f, 1.5f, th->line);
            float tx = ox + (float)dx * R, ty = oy - (float)dy * R;     /* tip */
            float bx2 = ox - (float)dx * R * 0.7f, by2 = oy + (float)dy * R * 0.7f;
            float nx = (float)dy * R * 0.45f, ny = (float)dx * R * 0.45f; /* perpendicular */
            SDL_Vertex v[4] = {
                {{tx, ty}, th->ink, {0, 0}}, {{ox + nx, oy + ny}, th->ink, {0, 0}},
                {{bx2, by2}, th->ink, {0, 0}}, {{ox - nx, oy - ny}, th->seal, {0, 0}},
            };
            int idx[6] = {0, 1, 2, 0, 2, 3};
            v[3].color = th->seal;
            SDL_Vertex w[3] = {v[0], v[2], v[3]};
            w[0].color = w[1].color = w[2].color = th->seal;
            geometry(r, v, 4, idx, 3, th->ink);
            geometry(r, w, 3, NULL, 3, th->seal);
            TextOpts no = {.style = TEXT_BODY_BOLD};
            const TextBlock *b = ui_text_get(ts, st->north, &no);
            ui_text_draw(ts, st->north, &no, (int)(ox - b->w / 2.0f), (int)(oy + R + u * 0.6f), th->ink);
        }
    }
}

static bool place_visible_kind(const PackPlace *pl)
{
    return !pl->kind || strcmp(pl->kind, "city") == 0 || strcmp(pl->kind, "town") == 0 || strcmp(pl->kind, "fort") == 0;
}

bool mapview_place_on_map(const MapView *mv, int place)
{
    const PackMap *m = &mv->pack->maps[mv->map];
    if (place < 0 || (uint32_t)place >= mv->pack->place_count)
        return false;
    const PackPlace *pl = &mv->pack->places[place];
    return pl->has_coords && pl->lon >= m->bounds[0] && pl->lon <= m->bounds[2] && pl->lat >= m->bounds[1] && pl->lat <= m->bounds[3];
}

bool mapview_place_screen(const MapView *mv, int place, float *x, float *y)
{
    if (place < 0 || (uint32_t)place >= mv->pack->place_count || !mv->pack->places[place].has_coords)
        return false;
    const PackPlace *pl = &mv->pack->places[place];
    double px, py, sx, sy;
    geo_project(&mv->proj, pl->lon, pl->lat, &px, &py);
    geo_view_to_screen(&mv->view, px, py, &sx, &sy);
    *x = (float)sx;
    *y = (float)sy;
    return true;
}

int mapview_regions_at_place(const MapView *mv, int place, int *out, int max)
{
    if (!mapview_place_on_map(mv, place))
        return 0;
    const PackMap *m = &mv->pack->maps[mv->map];
    const PackPlace *pl = &mv->pack->places[place];
    double px, py;
    geo_project(&mv->proj, pl->lon, pl->lat, &px, &py);
    int n = 0;
    for (uint32_t k = 0; k < m->region_count && n < max; k++) {
        const MapItem *it = &mv->regions[k];
        if (it->file < 0 || !it->feature)
            continue;
        const MapFile *f = &mv->files[it->file];
        if (geo_feature_contains(f->geo, it->feature, f->xy, px, py))
            out[n++] = (int)(m->region_first + k);
    }
    return n;
}

static void draw_marker(SDL_Renderer *r, const Theme *th, float x, float y, float scale)
{
    draw_circle(r, x, y, th->unit * 0.6f * scale, th->ink);
    draw_circle(r, x, y, th->unit * 0.35f * scale, th->card);
}

void mapview_draw(MapView *mv, SDL_Renderer *r, TextSystem *ts, const Theme *th, const MapStyle *st)
{
    const PackMap *m = &mv->pack->maps[mv->map];
    if (mv->dirty)
        apply_view(mv);
    SDL_RenderSetClipRect(r, &mv->viewport);
    draw_rect(r, mv->viewport, th->water);
    mv->nlabels = 0;
    MapFile *land = &mv->files[mv->land];
    for (size_t i = 0; i < land->geo->nfeatures; i++)
        fill_feature(mv, r, mv->land, &land->geo->features[i], land_tone(th, &land->geo->features[i]));
    for (size_t i = 0; i < land->geo->nfeatures; i++)
        stroke_feature(mv, r, mv->land, &land->geo->features[i], color_mix(th->water, th->teal, 0.55f));
    if (mv->lakes >= 0)
        for (size_t i = 0; i < mv->files[mv->lakes].geo->nfeatures; i++)
            fill_feature(mv, r, mv->lakes, &mv->files[mv->lakes].geo->features[i], th->water);
    /* Regions: faint outlines of all, then the highlighted ones. */
    for (uint32_t k = 0; k < m->region_count; k++) {
        int idx = (int)(m->region_first + k);
        const MapItem *it = &mv->regions[k];
        bool filled = false;
        for (int j = 0; j < st->nfill; j++)
            if (st->fill_regions[j] == idx) {
                fill_feature(mv, r, it->file, it->feature, st->fill_colors[j]);
                filled = true;
            }
        if (idx == st->highlight_region)
            fill_feature(mv, r, it->file, it->feature, st->highlight);
        else if (idx == st->mark_region)
            fill_feature(mv, r, it->file, it->feature, color_alpha(th->wrong, MAPVIEW_MARK_ALPHA));
        bool strong = idx == st->highlight_region || filled;
        stroke_feature(mv, r, it->file, it->feature, strong ? th->ink : color_mix(th->land, th->seal, 0.4f));
    }
    /* Rivers. */
    if (mv->rivers_layer >= 0)
        for (size_t i = 0; i < mv->files[mv->rivers_layer].geo->nfeatures; i++)
            stroke_feature(mv, r, mv->rivers_layer, &mv->files[mv->rivers_layer].geo->features[i], th->teal);
    for (uint32_t k = 0; k < m->river_count; k++) {
        int idx = (int)(m->river_first + k);
        if (idx == st->highlight_river)
            stroke_feature(mv, r, mv->rivers[k].file, mv->rivers[k].feature, color_alpha(st->highlight, 255));
        else if (idx == st->mark_river)
            stroke_feature(mv, r, mv->rivers[k].file, mv->rivers[k].feature, th->wrong);
    }
    /* The border of an earlier year dashed, then the chosen year's (the latest by default). */
    if (st->prev_border_year) {
        int prev = border_of_year(mv, st->prev_border_year);
        if (prev >= 0)
            stroke_feature_dashed(mv, r, mv->borders[prev].file, mv->borders[prev].feature, th->ink_soft);
    }
    int best = border_of_year(mv, st->border_year);
    if (best >= 0)
        stroke_feature(mv, r, mv->borders[best].file, mv->borders[best].feature, th->ink);
    /* Marked places first (their labels win), then the towns, skipping overlapping labels. */
    TextOpts lo = {.style = TEXT_SMALL};
    TextOpts mo = {.style = TEXT_BODY_BOLD};
    for (int j = 0; j < st->nplace_marks; j++) {
        float sx, sy;
        int pi = st->place_marks[j];
        if (!mapview_place_screen(mv, pi, &sx, &sy))
            continue;
        /* A hollow ring, so a small island under it stays visible. */
        draw_ring(r, sx, sy, th->unit * 1.6f, th->unit * 0.4f, th->seal);
        draw_circle(r, sx, sy, th->unit * 0.3f, th->seal);
        if (st->no_place_labels)
            continue;
        const char *name = text_get(&mv->pack->places[pi].name, st->lang);
        const TextBlock *b = ui_text_get(ts, name, &mo);
        SDL_FRect box = {sx + th->unit * 2.2f, sy - b->h / 2.0f, (float)b->w, (float)b->h};
        if (box.x + box.w > mv->viewport.x + mv->viewport.w)
            box.x = sx - th->unit * 2.2f - box.w;
        SDL_Rect bg = {(int)box.x - th->unit / 2, (int)box.y, (int)box.w + th->unit, (int)box.h};
        if (label_fits(mv, box)) {
            draw_rounded(r, bg, th->unit / 2, color_alpha(th->card, 225));
            ui_text_draw(ts, name, &mo, (int)box.x, (int)box.y, th->ink);
        }
    }
    for (uint32_t i = 0; i < mv->pack->place_count; i++) {
        const PackPlace *pl = &mv->pack->places[i];
        if (!mapview_place_on_map(mv, (int)i) || !place_visible_kind(pl))
            continue;
        bool marked = false;
        for (int j = 0; j < st->nplace_marks; j++)
            marked |= st->place_marks[j] == (int)i;
        if (marked)
            continue;
        float sx, sy;
        mapview_place_screen(mv, (int)i, &sx, &sy);
        if (st->no_place_labels)
            continue;   /* only the marked places show: the others would be unnamed dots */
        const char *name = text_get(&pl->name, st->lang);
        const TextBlock *b = ui_text_get(ts, name, &lo);
        SDL_FRect box = {sx + th->unit, sy - b->h / 2.0f, (float)b->w, (float)b->h};
        if (!label_fits(mv, box))
            continue;
        draw_marker(r, th, sx, sy, 1.0f);
        ui_text_draw(ts, name, &lo, (int)box.x, (int)box.y, th->ink);
    }
    if (st->river_labels) {
        TextOpts ro = {.style = TEXT_SMALL};
        for (uint32_t k = 0; k < m->river_count; k++) {
            float x, y;
            if (!feature_anchor(mv, mv->rivers[k].file, mv->rivers[k].feature, &x, &y))
                continue;
            const char *name = text_get(&mv->pack->rivers[m->river_first + k].name, st->lang);
            const TextBlock *b = ui_text_get(ts, name, &ro);
            SDL_FRect box = {x - b->w / 2.0f, y + th->unit, (float)b->w, (float)b->h};
            if (label_fits(mv, box))
                ui_text_draw(ts, name, &ro, (int)box.x, (int)box.y, th->teal);
        }
    }
    draw_scale_and_north(mv, r, ts, th, st);
    SDL_RenderSetClipRect(r, NULL);
    draw_rounded_outline(r, mv->viewport, 2, 1, th->line);
}

int mapview_hit_region(const MapView *mv, int x, int y)
{
    const PackMap *m = &mv->pack->maps[mv->map];
    double px, py;
    geo_view_from_screen(&mv->view, x, y, &px, &py);
    /* Smallest region first, so an island inside a larger region can be picked. */
    int best = -1;
    double best_area = INFINITY;
    for (uint32_t k = 0; k < m->region_count; k++) {
        const MapItem *it = &mv->regions[k];
        if (it->file < 0 || !it->feature)
            continue;
        const MapFile *f = &mv->files[it->file];
        if (!geo_feature_contains(f->geo, it->feature, f->xy, px, py))
            continue;
        double area = (it->feature->bbox[2] - it->feature->bbox[0]) * (it->feature->bbox[3] - it->feature->bbox[1]);
        if (area < best_area) {
            best_area = area;
            best = (int)(m->region_first + k);
        }
    }
    return best;
}

int mapview_hit_river(const MapView *mv, int x, int y, double tolerance)
{
    const PackMap *m = &mv->pack->maps[mv->map];
    double px, py;
    geo_view_from_screen(&mv->view, x, y, &px, &py);
    double tol = tolerance / (mv->view.scale > 0 ? mv->view.scale : 1);
    int best = -1;
    double best_d = tol;
    for (uint32_t k = 0; k < m->river_count; k++) {
        const MapItem *it = &mv->rivers[k];
        if (it->file < 0 || !it->feature)
            continue;
        const MapFile *f = &mv->files[it->file];
        double d = geo_feature_distance(f->geo, it->feature, f->xy, px, py);
        if (d <= best_d) {
            best_d = d;
            best = (int)(m->river_first + k);
        }
    }
    return best;
}

/* The on-screen anchor of items[idx - first], when idx is one of this map's count items. */
static bool item_anchor(const MapView *mv, const MapItem *items, uint32_t first, uint32_t count, int idx,
                        int *x, int *y)
{
    if (idx < (int)first || idx >= (int)(first + count))
        return false;
    const MapItem *it = &items[idx - (int)first];
    float fx, fy;
    if (!feature_anchor(mv, it->file, it->feature, &fx, &fy))
        return false;
    *x = (int)fx;
    *y = (int)fy;
    return true;
}

bool mapview_anchor_region(const MapView *mv, int region, int *x, int *y)
{
    const PackMap *m = &mv->pack->maps[mv->map];
    return item_anchor(mv, mv->regions, m->region_first, m->region_count, region, x, y);
}

bool mapview_anchor_river(const MapView *mv, int river, int *x, int *y)
{
    const PackMap *m = &mv->pack->maps[mv->map];
    return item_anchor(mv, mv->rivers, m->river_first, m->river_count, river, x, y);
}
