/* Vector map: files loaded, projected and triangulated once; line meshes rebuilt on layout;
 * drawing recolours vertex ranges and submits them. */
#include "ui/mapview.h"
#include "core/util.h"
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
    GeoView view;
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
    if (!f->xy || !f->verts || !f->part_tri_first || !f->part_tri_count || !f->part_line_first || !f->part_line_count) {
        file_free(f);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    geo_project_all(&mv->proj, g, f->xy);
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

static void build_lines(MapView *mv, MapFile *f, float width)
{
    (void)mv;
    const GeoCollection *g = f->geo;
    /* Polygon rings are closed (their closing vertex was dropped); lines are open. */
    bool *closed_part = calloc(g->nparts ? g->nparts : 1, sizeof *closed_part);
    if (!closed_part)
        return;
    for (size_t fi = 0; fi < g->nfeatures; fi++)
        for (uint32_t p = g->features[fi].first_part; p < g->features[fi].first_part + g->features[fi].nparts; p++)
            closed_part[p] = g->features[fi].type == GEO_GEOM_POLYGON;
    size_t nv = 0, ni = 0;
    float hw = width / 2;
    for (size_t p = 0; p < g->nparts; p++) {
        f->part_line_first[p] = (uint32_t)ni;
        const GeoPart *part = &g->parts[p];
        for (uint32_t r = part->first_ring; r < part->first_ring + part->nrings; r++) {
            const GeoRing *ring = &g->rings[r];
            bool closed = closed_part[p] && ring->count > 2;
            uint32_t nseg = closed ? ring->count : (ring->count > 0 ? ring->count - 1 : 0);
            for (uint32_t s = 0; s < nseg; s++) {
                uint32_t a = ring->first + s, b = ring->first + (s + 1) % ring->count;
                float x0 = f->verts[a].position.x, y0 = f->verts[a].position.y;
                float x1 = f->verts[b].position.x, y1 = f->verts[b].position.y;
                float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
                if (len < 0.01f)
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
    free(closed_part);
}

void mapview_layout(MapView *mv, SDL_Rect vp, int unit)
{
    if (vp.x == mv->viewport.x && vp.y == mv->viewport.y && vp.w == mv->viewport.w && vp.h == mv->viewport.h && unit == mv->unit)
        return;
    mv->viewport = vp;
    mv->unit = unit;
    const PackMap *m = &mv->pack->maps[mv->map];
    geo_view_fit(&mv->proj, m->bounds, vp.x, vp.y, vp.w, vp.h, &mv->view);
    for (int i = 0; i < mv->nfiles; i++) {
        MapFile *f = &mv->files[i];
        for (size_t v = 0; v < f->geo->nvertices; v++) {
            double sx, sy;
            geo_view_to_screen(&mv->view, f->xy[2 * v], f->xy[2 * v + 1], &sx, &sy);
            f->verts[v].position = (SDL_FPoint){(float)sx, (float)sy};
        }
        float width = i == mv->rivers_layer ? unit * 0.45f : i == mv->borders_layer ? unit * 0.4f : unit * 0.22f;
        build_lines(mv, f, width < 1.0f ? 1.0f : width);
    }
}

static void color_range(SDL_Vertex *v, size_t first, size_t count, SDL_Color c)
{
    for (size_t i = first; i < first + count; i++)
        v[i].color = c;
}

/* SDL's software renderer fills an opaque triangle in place but gives every blended one a
 * temporary surface (an allocation, a clear and a blit): opaque colours are drawn unblended, and
 * the outlines use colours mixed in advance over the land they lie on. */
static void geometry(SDL_Renderer *r, const SDL_Vertex *v, int nv, const int *idx, int ni, SDL_Color c)
{
    if (c.a == 255)
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_RenderGeometry(r, NULL, v, nv, idx, ni);
    if (c.a == 255)
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
}

/* c (translucent) as it looks over the opaque colour under. */
static SDL_Color over(SDL_Color c, SDL_Color under)
{
    SDL_Color o = color_mix(under, c, (float)c.a / 255.0f);
    o.a = 255;
    return o;
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
    for (int i = 0; i < mv->nlabels; i++) {
        SDL_FRect o = mv->labels[i];
        if (box.x < o.x + o.w && o.x < box.x + box.w && box.y < o.y + o.h && o.y < box.y + box.h)
            return false;
    }
    if (mv->nlabels < MAX_LABELS)
        mv->labels[mv->nlabels++] = box;
    return true;
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

void mapview_draw(MapView *mv, SDL_Renderer *r, TextSystem *ts, const Theme *th, const MapStyle *st)
{
    const PackMap *m = &mv->pack->maps[mv->map];
    SDL_RenderSetClipRect(r, &mv->viewport);
    draw_rect(r, mv->viewport, th->water);
    mv->nlabels = 0;
    MapFile *land = &mv->files[mv->land];
    for (size_t i = 0; i < land->geo->nfeatures; i++)
        fill_feature(mv, r, mv->land, &land->geo->features[i], land_tone(th, &land->geo->features[i]));
    for (size_t i = 0; i < land->geo->nfeatures; i++)
        stroke_feature(mv, r, mv->land, &land->geo->features[i],
                       over(color_alpha(th->teal, 110), land_tone(th, &land->geo->features[i])));
    if (mv->lakes >= 0)
        for (size_t i = 0; i < mv->files[mv->lakes].geo->nfeatures; i++)
            fill_feature(mv, r, mv->lakes, &mv->files[mv->lakes].geo->features[i], th->water);
    /* Regions: faint outlines of all, then the highlighted ones. */
    for (uint32_t k = 0; k < m->region_count; k++) {
        int idx = (int)(m->region_first + k);
        const MapItem *it = &mv->regions[k];
        if (idx == st->highlight_region)
            fill_feature(mv, r, it->file, it->feature, st->highlight);
        else if (idx == st->mark_region)
            fill_feature(mv, r, it->file, it->feature, color_alpha(th->wrong, 120));
        stroke_feature(mv, r, it->file, it->feature, idx == st->highlight_region ? th->ink : over(color_alpha(th->seal, 90), th->land));
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
    /* The border of the chosen year (the latest by default). */
    int best = -1, best_year = -100000;
    for (uint32_t k = 0; k < m->border_count; k++) {
        int y = mv->pack->borders[m->border_first + k].year;
        if ((st->border_year == 0 && y > best_year) || y == st->border_year) {
            best = (int)k;
            best_year = y;
            if (y == st->border_year)
                break;
        }
    }
    if (best >= 0)
        stroke_feature(mv, r, mv->borders[best].file, mv->borders[best].feature, th->ink);
    /* Places and river names, skipping any label that would overlap one already drawn. */
    TextOpts lo = {.style = TEXT_SMALL};
    for (uint32_t i = 0; i < mv->pack->place_count; i++) {
        const PackPlace *pl = &mv->pack->places[i];
        if (!pl->has_coords || pl->lon < m->bounds[0] || pl->lon > m->bounds[2] || pl->lat < m->bounds[1] || pl->lat > m->bounds[3])
            continue;
        if (pl->kind && (strcmp(pl->kind, "city") != 0 && strcmp(pl->kind, "town") != 0 && strcmp(pl->kind, "fort") != 0))
            continue;
        double px, py, sx, sy;
        geo_project(&mv->proj, pl->lon, pl->lat, &px, &py);
        geo_view_to_screen(&mv->view, px, py, &sx, &sy);
        const char *name = text_get(&pl->name, st->lang);
        const TextBlock *b = ui_text_get(ts, name, &lo);
        SDL_FRect box = {(float)sx + th->unit, (float)sy - b->h / 2.0f, (float)b->w, (float)b->h};
        if (!label_fits(mv, box))
            continue;
        draw_circle(r, (float)sx, (float)sy, th->unit * 0.6f, th->ink);
        draw_circle(r, (float)sx, (float)sy, th->unit * 0.35f, th->card);
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

bool mapview_anchor_region(const MapView *mv, int region, int *x, int *y)
{
    const PackMap *m = &mv->pack->maps[mv->map];
    if (region < (int)m->region_first || region >= (int)(m->region_first + m->region_count))
        return false;
    const MapItem *it = &mv->regions[region - (int)m->region_first];
    float fx, fy;
    if (!feature_anchor(mv, it->file, it->feature, &fx, &fy))
        return false;
    *x = (int)fx;
    *y = (int)fy;
    return true;
}
