/* A vector map drawn from a pack's GeoJSON: every file is loaded, projected and triangulated
 * once; lines become triangle meshes when the view changes; a frame only recolours and submits
 * the meshes with SDL_RenderGeometry (no allocation per frame). It also answers "what is under
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

/* Fits the map's bounds into the viewport (recomputes screen geometry only when it changed). */
void mapview_layout(MapView *mv, SDL_Rect viewport, int unit);

typedef struct MapStyle {
    int highlight_region;       /* pack region index, or -1 */
    SDL_Color highlight;        /* its fill */
    int mark_region;            /* a second highlighted region (a wrong click), or -1 */
    int highlight_river;        /* pack river index, or -1 */
    int mark_river;
    int border_year;            /* draw this year's border (0: the latest) */
    bool river_labels;          /* name the rivers */
    const char *lang;
} MapStyle;

void mapview_draw(MapView *mv, SDL_Renderer *r, struct TextSystem *ts, const Theme *th, const MapStyle *st);

/* The pack region of this map under (x, y), or -1. */
int mapview_hit_region(const MapView *mv, int x, int y);
/* The pack river of this map within tolerance pixels of (x, y), or -1. */
int mapview_hit_river(const MapView *mv, int x, int y, double tolerance);
/* Screen position of a region's or river's label point (for keyboard cycling). */
bool mapview_anchor_region(const MapView *mv, int region, int *x, int *y);

#endif
