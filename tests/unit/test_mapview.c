/* Tests of the map view's pan and zoom (clamped to the map, zoom about a point), its scale and
 * which regions hold a place, on the shipped pack. No renderer is needed for these. */
#include "check.h"
#include "content/pack.h"
#include "base/util.h"
#include "ui/mapview.h"

#include <math.h>
#include <stdlib.h>

static Pack *pack;
static const SDL_Rect VP = {40, 100, 780, 430};

static MapView *far_east(void)
{
    char err[300];
    MapView *mv = mapview_create(pack, 0, err, sizeof err);
    CHECK(mv != NULL);
    if (mv)
        mapview_layout(mv, VP, 8);
    return mv;
}

static void place_at(MapView *mv, const char *id, float *x, float *y)
{
    int p = pack_find(pack, PACK_KIND_PLACE, id);
    CHECK(p >= 0);
    CHECK(mapview_place_screen(mv, p, x, y));
}

static void zoom_should_keep_the_point_under_the_cursor(void)
{
    MapView *mv = far_east();
    if (!mv)
        return;
    float x0, y0, x1, y1;
    place_at(mv, "khabarovsk", &x0, &y0);
    int cx = (int)x0, cy = (int)y0;
    mapview_zoom_at(mv, 2.5, cx, cy);
    mapview_update(mv);
    CHECK_NEAR(mapview_zoom(mv), 2.5, 1e-9);
    place_at(mv, "khabarovsk", &x1, &y1);
    /* The cursor's pixel is fixed; the town, a fraction of a pixel from it, moves 2.5x as far. */
    CHECK_NEAR(x1, cx + (x0 - cx) * 2.5, 0.01);
    CHECK_NEAR(y1, cy + (y0 - cy) * 2.5, 0.01);
    mapview_destroy(mv);
}

static void zoom_should_stay_between_the_whole_map_and_the_largest(void)
{
    MapView *mv = far_east();
    if (!mv)
        return;
    mapview_zoom_at(mv, 0.5, 400, 300);
    CHECK_NEAR(mapview_zoom(mv), 1.0, 1e-9);
    for (int i = 0; i < 20; i++)
        mapview_zoom_at(mv, 1.25, 400, 300);
    CHECK_NEAR(mapview_zoom(mv), MAPVIEW_MAX_ZOOM, 1e-9);
    mapview_reset_view(mv);
    CHECK_NEAR(mapview_zoom(mv), 1.0, 1e-9);
    mapview_destroy(mv);
}

static void pan_should_stop_at_the_edge_of_the_map(void)
{
    MapView *mv = far_east();
    if (!mv)
        return;
    float x0, y0, x1, y1, x2, y2;
    place_at(mv, "vladivostok", &x0, &y0);
    mapview_pan(mv, 300, 200);   /* at zoom 1 the whole map shows: nothing moves */
    mapview_update(mv);
    place_at(mv, "vladivostok", &x1, &y1);
    CHECK_NEAR(x1, x0, 0.01);
    CHECK_NEAR(y1, y0, 0.01);
    mapview_zoom_at(mv, 3, VP.x + VP.w / 2, VP.y + VP.h / 2);
    mapview_pan(mv, 1e5, 0);     /* far past the west edge */
    mapview_update(mv);
    place_at(mv, "vladivostok", &x1, &y1);
    mapview_pan(mv, 1e5, 0);     /* further: clamped, the same view */
    mapview_update(mv);
    place_at(mv, "vladivostok", &x2, &y2);
    CHECK_NEAR(x2, x1, 0.01);
    CHECK(x1 > x0);              /* it did move east on screen, but only so far */
    CHECK(x1 < VP.x + 3.0 * VP.w);
    mapview_destroy(mv);
}

static void scale_should_match_the_map_and_the_zoom(void)
{
    MapView *mv = far_east();
    if (!mv)
        return;
    /* The view is wider than the map's bounds, so its height holds the bounds' 20 degrees of
     * latitude (2,224 km), with a little margin. */
    double km = mapview_km_per_pixel(mv);
    CHECK(km * VP.h > 2224 && km * VP.h < 2224 * 1.15);
    mapview_zoom_at(mv, 4, VP.x + VP.w / 2, VP.y + VP.h / 2);
    CHECK_NEAR(mapview_km_per_pixel(mv), km / 4, km * 0.05);
    mapview_destroy(mv);
}

static void regions_at_place_should_find_the_land_that_changed_hands(void)
{
    MapView *mv = far_east();
    if (!mv)
        return;
    int regions[8];
    int vlad = pack_find(pack, PACK_KIND_PLACE, "vladivostok");
    int n = mapview_regions_at_place(mv, vlad, regions, 8);
    CHECK_INT(n, 1);
    CHECK_INT(regions[0], pack_find(pack, PACK_KIND_REGION, "ussuri-primorye"));
    int harbin = pack_find(pack, PACK_KIND_PLACE, "harbin");   /* stayed Chinese */
    CHECK_INT(mapview_regions_at_place(mv, harbin, regions, 8), 0);
    int moscow = pack_find(pack, PACK_KIND_PLACE, "moscow");   /* off this map */
    CHECK(!mapview_place_on_map(mv, moscow));
    CHECK_INT(mapview_regions_at_place(mv, moscow, regions, 8), 0);
    mapview_destroy(mv);
}

int main(void)
{
    const char *src = getenv("FRONTIERS_SOURCE_DIR");
    char *dir = util_format("%s/content/sino-russian-border", src ? src : ".");
    CHECK_INT(pack_load(dir, &pack, NULL), PACK_OK);
    free(dir);
    if (!pack)
        return CHECK_DONE();
    RUN(zoom_should_keep_the_point_under_the_cursor);
    RUN(zoom_should_stay_between_the_whole_map_and_the_largest);
    RUN(pan_should_stop_at_the_edge_of_the_map);
    RUN(scale_should_match_the_map_and_the_zoom);
    RUN(regions_at_place_should_find_the_land_that_changed_hands);
    pack_free(pack);
    return CHECK_DONE();
}
