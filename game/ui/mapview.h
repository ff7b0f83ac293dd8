/* A vector map drawn from a pack's GeoJSON: every file is loaded, projected and triangulated
 * once; lines become triangle meshes when the view changes; a frame only recolours and submits
 * the meshes (SDL_RenderGeometry, or pixel runs on the software renderer: draw_triangles), with
 * no allocation per frame. It also answers "what is under
 * this point" for regions (inside) and rivers (near). */
#ifndef FRONTIERS_MAPVIEW_H
#define FRONTIERS_MAPVIEW_H

#include <SDL.h>
#include <stdbool.h>

#include "content/pack.h"
#include "ui/theme.h"

struct TextSystem;
typedef struct MapView MapView;

/* Builds the map `map_index` of pack. NULL with err filled when a file cannot be loaded. */
MapView *mapview_create(const Pack *pack, uint32_t map_index, char *err, size_t errlen);
void mapview_destroy(MapView *mv);
uint32_t mapview_map_index(const MapView *mv);

/* Fits the map's bounds into the viewport (recomputes screen geometry only when it changed;
 * the zoom and the centre are kept across a resize). */
void mapview_layout(MapView *mv, SDL_Rect viewport, int unit);

/* Pan and zoom, clamped so the view never leaves the area the whole map shows at zoom 1
 * (zoom 1 .. MAPVIEW_MAX_ZOOM). They only move the view: the projected, triangulated meshes
 * are transformed (once, at the next draw or mapview_update), never rebuilt. */
#define MAPVIEW_MAX_ZOOM 8.0
void mapview_zoom_at(MapView *mv, double factor, int sx, int sy);   /* the point (sx, sy) stays put */
void mapview_pan(MapView *mv, double dx, double dy);                /* screen pixels */
void mapview_reset_view(MapView *mv);
double mapview_zoom(const MapView *mv);
/* Applies a pending pan or zoom to the screen geometry (hit tests after a pan in the same frame). */
void mapview_update(MapView *mv);

/* Alphas of the map's fills over the land, shared with the colour-blind palette test
 * (tests/unit/test_palette.c): the answer or highlighted region in gold, a wrong pick in
 * vermilion, the keyboard candidate in the focus blue, placed names in right/wrong. */
#define MAPVIEW_ANSWER_ALPHA 150
#define MAPVIEW_MARK_ALPHA 230
#define MAPVIEW_FOCUS_ALPHA 120
#define MAPVIEW_PLACED_ALPHA 70

typedef struct MapStyle {
    int highlight_region;       /* pack region index, or -1 */
    SDL_Color highlight;        /* its fill */
    int mark_region;            /* a second highlighted region (a wrong click), or -1 */
    int highlight_river;        /* pack river index, or -1 */
    int mark_river;
    int border_year;            /* draw this year's border (0: the latest) */
    bool river_labels;          /* name the rivers */
    const char *lang;
    /* Optional, zero by default. */
    int prev_border_year;       /* also draw this year's border, dashed and faint (0: none) */
    const int *fill_regions;    /* more regions to fill, each with fill_colors[i] */
    const SDL_Color *fill_colors;
    int nfill;
    const int *place_marks;     /* pack places to mark with a ring (any kind, even unlabelled) */
    int nplace_marks;
    bool no_place_labels;       /* markers without names (the names are the question) */
    const char *km_format;      /* "{n} km": draws a scale bar; NULL: none */
    const char *north;          /* "N": draws a north mark; NULL: none */
} MapStyle;

void mapview_draw(MapView *mv, SDL_Renderer *r, struct TextSystem *ts, const Theme *th, const MapStyle *st);

/* The pack region of this map under (x, y), or -1. */
int mapview_hit_region(const MapView *mv, int x, int y);
/* The pack river of this map within tolerance pixels of (x, y), or -1. */
int mapview_hit_river(const MapView *mv, int x, int y, double tolerance);
/* Screen position of a region's or river's label point (for keyboard cycling). */
bool mapview_anchor_region(const MapView *mv, int region, int *x, int *y);
bool mapview_anchor_river(const MapView *mv, int river, int *x, int *y);
/* Screen position of a pack place (false when it has no coordinates). */
bool mapview_place_screen(const MapView *mv, int place, float *x, float *y);
/* True when the place lies on this map's bounds. */
bool mapview_place_on_map(const MapView *mv, int place);
/* The pack regions of this map that contain the place (up to max); returns how many. */
int mapview_regions_at_place(const MapView *mv, int place, int *out, int max);
/* Kilometres per screen pixel at the centre of the view. */
double mapview_km_per_pixel(const MapView *mv);

#endif
