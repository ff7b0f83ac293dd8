/* Tests for game/content/geo: GeoJSON loading and its errors, projections against Snyder's
 * published numerical examples, triangulation (areas must add up, degenerate input must not
 * hang), hit testing, and the real map files of the sino-russian-border pack. */
#include <stdlib.h>

#include "check.h"
#include "content/geo.h"
#include "base/util.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

static GeoCollection *parse_ok(const char *json)
{
    GeoCollection *g = NULL;
    char err[256];
    GeoError e = geo_parse(json, strlen(json), "test.geojson", &g, err, sizeof err);
    if (e != GEO_OK) fprintf(stderr, "unexpected error: %s\n", err);
    CHECK_INT(e, GEO_OK);
    return g;
}

static void parse_should_read_polygon_with_hole_line_and_point(void)
{
    GeoCollection *g = parse_ok(
        "{\"type\":\"FeatureCollection\",\"features\":["
        "{\"type\":\"Feature\",\"properties\":{\"id\":\"sq\",\"name_en\":\"Square\","
        "\"name_ru\":\"Квадрат\",\"name_zh\":\"方\",\"kind\":\"region\"},"
        "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,10],[0,0]],"
        "[[4,4],[6,4],[6,6],[4,6],[4,4]]]}},"
        "{\"type\":\"Feature\",\"properties\":{\"id\":\"amur\",\"name\":\"Amur\"},"
        "\"geometry\":{\"type\":\"MultiLineString\",\"coordinates\":[[[1,1],[2,2]],[[3,3],[4,4],[5,3]]]}},"
        "{\"type\":\"Feature\",\"properties\":null,\"geometry\":{\"type\":\"Point\",\"coordinates\":[131.9,43.1]}}"
        "]}");
    if (!g) return;
    CHECK_INT(g->nfeatures, 3);
    CHECK_STR(g->features[0].id, "sq");
    CHECK_STR(g->features[0].name_ru, "Квадрат");
    CHECK_STR(g->features[0].kind, "region");
    CHECK_INT(g->features[0].type, GEO_GEOM_POLYGON);
    CHECK_INT(g->features[0].nparts, 1);
    CHECK_INT(g->parts[0].nrings, 2);
    CHECK_INT(g->rings[0].count, 4); /* closing position dropped */
    CHECK_STR(g->features[1].name_en, "Amur");
    CHECK_INT(g->features[1].type, GEO_GEOM_LINE);
    CHECK_INT(g->features[1].nparts, 2);
    CHECK_INT(g->features[2].type, GEO_GEOM_POINT);
    CHECK(g->features[2].id == NULL);
    CHECK_INT(g->nvertices, 4 + 4 + 2 + 3 + 1);
    CHECK_NEAR(g->features[1].bbox[2], 5, 0);
    CHECK(geo_find(g, "amur") == &g->features[1]);
    CHECK(geo_find(g, "nope") == NULL);
    geo_free(g);
}

static void parse_should_reject_unclosed_ring_naming_the_feature(void)
{
    const char *json = "{\"type\":\"FeatureCollection\",\"features\":["
                       "{\"type\":\"Feature\",\"properties\":{},\"geometry\":null},"
                       "{\"type\":\"Feature\",\"properties\":{\"id\":\"bad\"},\"geometry\":"
                       "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}}]}";
    GeoCollection *g = NULL;
    char err[256];
    CHECK_INT(geo_parse(json, strlen(json), "x.geojson", &g, err, sizeof err), GEO_ERR_RING);
    CHECK(g == NULL);
    CHECK(strstr(err, "x.geojson: feature 1 (id \"bad\")") != NULL);
    CHECK(strstr(err, "not closed") != NULL);
}

static void parse_should_reject_out_of_range_coordinates_and_bad_json(void)
{
    const char *json = "{\"type\":\"FeatureCollection\",\"features\":["
                       "{\"type\":\"Feature\",\"properties\":{},\"geometry\":"
                       "{\"type\":\"LineString\",\"coordinates\":[[0,0],[181,0]]}}]}";
    GeoCollection *g = NULL;
    char err[256];
    CHECK_INT(geo_parse(json, strlen(json), "x", &g, err, sizeof err), GEO_ERR_RANGE);
    CHECK(strstr(err, "feature 0") != NULL);
    CHECK_INT(geo_parse("{\"type\":", 8, "x", &g, err, sizeof err), GEO_ERR_SYNTAX);
    const char *notfc = "{\"type\":\"Feature\"}";
    CHECK_INT(geo_parse(notfc, strlen(notfc), "x", &g, err, sizeof err), GEO_ERR_FORMAT);
    const char *gc = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                     "\"geometry\":{\"type\":\"GeometryCollection\",\"coordinates\":[]}}]}";
    CHECK_INT(geo_parse(gc, strlen(gc), "x", &g, err, sizeof err), GEO_ERR_FORMAT);
    CHECK(strstr(err, "GeometryCollection") != NULL);
}

static void parse_should_reject_ring_over_the_vertex_limit(void)
{
    size_t n = GEO_MAX_RING_VERTICES + 2, cap = n * 8 + 200, len = 0;
    char *json = malloc(cap);
    if (!json) return;
    len += (size_t)snprintf(json, cap, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
                            "\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[");
    for (size_t i = 0; i < n; i++) len += (size_t)snprintf(json + len, cap - len, "%s[0,0]", i ? "," : "");
    len += (size_t)snprintf(json + len, cap - len, "]}}]}");
    GeoCollection *g = NULL;
    char err[256];
    CHECK_INT(geo_parse(json, len, "big", &g, err, sizeof err), GEO_ERR_LIMIT);
    free(json);
}

static void load_file_should_report_missing_file(void)
{
    GeoCollection *g = NULL;
    char err[256];
    CHECK_INT(geo_load_file("/nonexistent/x.geojson", &g, err, sizeof err), GEO_ERR_IO);
    CHECK(strstr(err, "/nonexistent/x.geojson") != NULL);
}

/* Snyder 1987, Appendix A, Lambert conformal conic, sphere: R = 1, phi1 = 33N, phi2 = 45N,
 * phi0 = 23N, lambda0 = 96W; the point 35N 75W gives n = 0.6304777, F = 1.9550002,
 * rho0 = 1.5071429, x = 0.2966785, y = 0.2462112. */
static void lcc_should_match_snyder_sphere_example(void)
{
    GeoProjection p;
    CHECK_INT(geo_projection_init(&p, GEO_PROJ_LCC, -96, 23, 33, 45), GEO_OK);
    CHECK_NEAR(p.n, 0.6304777, 1e-7);
    CHECK_NEAR(p.f, 1.9550002, 1e-7);
    CHECK_NEAR(p.rho0, 1.5071429, 1e-7);
    double x, y, lon, lat;
    geo_project(&p, -75, 35, &x, &y);
    CHECK_NEAR(x, 0.2966785, 1e-7);
    CHECK_NEAR(y, 0.2462112, 1e-7);
    geo_unproject(&p, x, y, &lon, &lat);
    CHECK_NEAR(lon, -75, 1e-9);
    CHECK_NEAR(lat, 35, 1e-9);
}

/* Snyder 1987, Appendix A, Albers equal-area conic, sphere: phi1 = 29.5N, phi2 = 45.5N,
 * phi0 = 23N, lambda0 = 96W; 35N 75W gives x = 0.2952720, y = 0.2416774. */
static void albers_should_match_snyder_sphere_example(void)
{
    GeoProjection p;
    CHECK_INT(geo_projection_init(&p, GEO_PROJ_ALBERS, -96, 23, 29.5, 45.5), GEO_OK);
    CHECK_NEAR(p.n, 0.6028370, 1e-7);
    double x, y, lon, lat;
    geo_project(&p, -75, 35, &x, &y);
    CHECK_NEAR(x, 0.2952720, 1e-7);
    CHECK_NEAR(y, 0.2416774, 1e-7);
    geo_unproject(&p, x, y, &lon, &lat);
    CHECK_NEAR(lon, -75, 1e-9);
    CHECK_NEAR(lat, 35, 1e-9);
}

static void projections_should_round_trip_over_the_far_east(void)
{
    GeoProjectionType types[] = {GEO_PROJ_LCC, GEO_PROJ_ALBERS, GEO_PROJ_EQUIRECT};
    for (size_t t = 0; t < COUNT_OF(types); t++) {
        GeoProjection p;
        CHECK_INT(geo_projection_init(&p, types[t], 125, 48, 45, 55), GEO_OK);
        double worst = 0;
        for (double lon = 95; lon <= 150; lon += 2.5)
            for (double lat = 35; lat <= 62; lat += 1.5) {
                double x, y, lo, la;
                geo_project(&p, lon, lat, &x, &y);
                geo_unproject(&p, x, y, &lo, &la);
                worst = fmax(worst, fmax(fabs(lo - lon), fabs(la - lat)));
            }
        CHECK(worst < 1e-9);
    }
    GeoProjection p;
    double x, y;
    CHECK_INT(geo_projection_init(&p, GEO_PROJ_LCC, 125, 48, 45, 55), GEO_OK);
    geo_project(&p, 125, 48, &x, &y); /* the origin maps to (0, 0) */
    CHECK_NEAR(x, 0, 1e-12);
    CHECK_NEAR(y, 0, 1e-12);
    /* scale on a standard parallel is true: 1 degree of longitude at 45N is cos(45) * pi/180 */
    double x1, y1, x2, y2;
    geo_project(&p, 124.995, 45, &x1, &y1);
    geo_project(&p, 125.005, 45, &x2, &y2);
    CHECK_NEAR(hypot(x2 - x1, y2 - y1) / 0.01, cos(45 * M_PI / 180) * M_PI / 180, 1e-9);
    CHECK_INT(geo_projection_init(&p, GEO_PROJ_LCC, 0, 0, 30, -30), GEO_ERR_INVALID);
    CHECK_INT(geo_projection_init(&p, GEO_PROJ_ALBERS, 0, 95, 30, 40), GEO_ERR_INVALID);
    GeoProjectionType ty;
    CHECK(geo_projection_type_from_name("albers", &ty) && ty == GEO_PROJ_ALBERS);
    CHECK(!geo_projection_type_from_name("mercator", &ty));
}

static void view_fit_should_put_bounds_inside_the_viewport(void)
{
    GeoProjection p;
    GeoView v;
    double bounds[4] = {105, 40, 145, 60};
    CHECK_INT(geo_projection_init(&p, GEO_PROJ_LCC, 125, 48, 45, 55), GEO_OK);
    CHECK_INT(geo_view_fit(&p, bounds, 10, 20, 800, 600, &v), GEO_OK);
    double pts[5][2] = {{105, 40}, {145, 40}, {105, 60}, {145, 60}, {125, 40}};
    double sx[5], sy[5];
    for (int i = 0; i < 5; i++) {
        double x, y, bx, by;
        geo_project(&p, pts[i][0], pts[i][1], &x, &y);
        geo_view_to_screen(&v, x, y, &sx[i], &sy[i]);
        CHECK(sx[i] >= 10 - 1e-6 && sx[i] <= 810 + 1e-6 && sy[i] >= 20 - 1e-6 && sy[i] <= 620 + 1e-6);
        geo_view_from_screen(&v, sx[i], sy[i], &bx, &by);
        CHECK_NEAR(bx, x, 1e-12);
        CHECK_NEAR(by, y, 1e-12);
    }
    /* Parallels are arcs around the pole above the map, so the extremes are the south corners
     * (left, right), the north corners (top) and the south end of the central meridian
     * (bottom); one pair touches the viewport and the other is centred. */
    double tx, ty, top_sx, top_sy;
    geo_project(&p, 125, 60, &tx, &ty);
    geo_view_to_screen(&v, tx, ty, &top_sx, &top_sy);
    CHECK_NEAR(top_sx, 410, 1e-6);
    CHECK_NEAR(sx[4], 410, 1e-6);
    bool width_bound = fabs(sx[0] - 10) < 1e-6 && fabs(sx[1] - 810) < 1e-6;
    bool height_bound = fabs(sy[2] - 20) < 1e-6 && fabs(sy[4] - 620) < 1e-6;
    CHECK(width_bound || height_bound);
    CHECK_NEAR((sx[0] + sx[1]) / 2, 410, 1e-6);
    CHECK_NEAR((sy[2] + sy[4]) / 2, 320, 1e-6);
    CHECK_NEAR(sy[2], sy[3], 1e-6);
    CHECK(top_sy > sy[2]);
    double bad[4] = {10, 10, 5, 20};
    CHECK_INT(geo_view_fit(&p, bad, 0, 0, 100, 100, &v), GEO_ERR_INVALID);
}

static double tri_check(const double *xy, size_t n, const size_t *holes, size_t nholes,
                        size_t *ntri_out)
{
    uint32_t *idx = NULL;
    size_t ntri = 0;
    CHECK_INT(geo_triangulate(xy, n, holes, nholes, &idx, &ntri), GEO_OK);
    for (size_t i = 0; i < 3 * ntri; i++) CHECK(idx[i] < n);
    double a = geo_triangles_area(xy, idx, ntri);
    free(idx);
    if (ntri_out) *ntri_out = ntri;
    return a;
}

static void triangulate_should_split_square_into_two_triangles(void)
{
    double sq[] = {0, 0, 2, 0, 2, 2, 0, 2};
    size_t ntri;
    CHECK_NEAR(tri_check(sq, 4, NULL, 0, &ntri), 4, 1e-12);
    CHECK_INT(ntri, 2);
    /* the same square with its closing vertex repeated, clockwise */
    double cw[] = {0, 0, 0, 2, 2, 2, 2, 0, 0, 0};
    CHECK_NEAR(tri_check(cw, 5, NULL, 0, &ntri), 4, 1e-12);
    CHECK_INT(ntri, 2);
}

static void triangulate_should_cover_concave_polygon_exactly(void)
{
    /* a comb with three teeth: area = 7*1 + 3 teeth of 1*3 = 16 */
    double comb[] = {0, 0, 7, 0, 7, 4, 6, 4, 6, 1, 4, 1, 4, 4, 3, 4, 3, 1, 1, 1, 1, 4, 0, 4};
    size_t ntri;
    CHECK_NEAR(geo_ring_area(comb, 12), 16, 1e-12);
    CHECK_NEAR(tri_check(comb, 12, NULL, 0, &ntri), 16, 1e-9);
    CHECK_INT(ntri, 10);
}

static void triangulate_should_leave_holes_empty(void)
{
    double xy[] = {0, 0, 10, 0, 10, 10, 0, 10, /* hole 1 */ 2, 2, 4, 2, 4, 4, 2, 4,
                   /* hole 2 */ 6, 6, 8, 6, 8, 8, 6, 8};
    size_t holes[] = {4, 8};
    size_t ntri;
    CHECK_NEAR(tri_check(xy, 12, holes, 2, &ntri), 100 - 4 - 4, 1e-9);
    CHECK_INT(ntri, 12 + 2 * 2 - 2);
}

static void triangulate_should_survive_collinear_and_duplicate_points(void)
{
    /* square with extra points along edges and repeated vertices */
    double xy[] = {0, 0, 1, 0, 1, 0, 2, 0, 3, 0, 3, 1, 3, 2, 3, 3, 3, 3, 1.5, 3, 0, 3, 0, 1.5};
    CHECK_NEAR(tri_check(xy, 12, NULL, 0, NULL), 9, 1e-9);
    /* a hole touching the outer ring at a vertex */
    double t2[] = {0, 0, 4, 0, 4, 4, 0, 4, 2, 0, 3, 1, 1, 1};
    size_t holes[] = {4};
    double a = tri_check(t2, 7, holes, 1, NULL);
    CHECK_NEAR(a, 16 - 1, 1e-9);
}

static void triangulate_should_return_nothing_for_degenerate_rings(void)
{
    double line[] = {0, 0, 1, 1, 2, 2, 3, 3};
    size_t ntri = 99;
    CHECK_NEAR(tri_check(line, 4, NULL, 0, &ntri), 0, 1e-12);
    double same[] = {5, 5, 5, 5, 5, 5, 5, 5};
    CHECK_NEAR(tri_check(same, 4, NULL, 0, &ntri), 0, 1e-12);
    CHECK_INT(ntri, 0);
    double two[] = {0, 0, 1, 1};
    CHECK_NEAR(tri_check(two, 2, NULL, 0, &ntri), 0, 1e-12);
    CHECK_INT(ntri, 0);
    uint32_t *idx = NULL;
    double nan_xy[] = {0, 0, NAN, 1, 1, 1};
    CHECK_INT(geo_triangulate(nan_xy, 3, NULL, 0, &idx, &ntri), GEO_ERR_INVALID);
    double sq[] = {0, 0, 1, 0, 1, 1, 0, 1};
    size_t bad_hole[] = {7};
    CHECK_INT(geo_triangulate(sq, 4, bad_hole, 1, &idx, &ntri), GEO_ERR_INVALID);
    /* a self-intersecting bow tie terminates and stays within its vertices */
    double bow[] = {0, 0, 2, 2, 2, 0, 0, 2};
    tri_check(bow, 4, NULL, 0, NULL);
}

static void triangulate_should_handle_a_large_star_exactly(void)
{
    /* 2000-point star: takes the z-order hashed path */
    enum { N = 2000 };
    static double xy[2 * N];
    for (int i = 0; i < N; i++) {
        double r = i % 2 ? 1.0 : 0.6, a = 2 * M_PI * i / N;
        xy[2 * i] = r * cos(a);
        xy[2 * i + 1] = r * sin(a);
    }
    size_t ntri;
    double area = fabs(geo_ring_area(xy, N));
    CHECK_NEAR(tri_check(xy, N, NULL, 0, &ntri), area, area * 1e-9);
    CHECK_INT(ntri, N - 2);
}

static void hit_tests_should_respect_holes_and_lines(void)
{
    GeoCollection *g = parse_ok(
        "{\"type\":\"FeatureCollection\",\"features\":["
        "{\"type\":\"Feature\",\"properties\":{\"id\":\"ring\"},"
        "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[10,0],[10,10],[0,10],[0,0]],"
        "[[4,4],[6,4],[6,6],[4,6],[4,4]]],[[[20,0],[22,0],[21,2],[20,0]]]]}},"
        "{\"type\":\"Feature\",\"properties\":{\"id\":\"river\"},"
        "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[0,20],[10,20],[10,30]]}}]}");
    if (!g) return;
    const GeoFeature *f = geo_find(g, "ring");
    CHECK(geo_feature_contains(g, f, g->coords, 1, 1));
    CHECK(!geo_feature_contains(g, f, g->coords, 5, 5)); /* in the hole */
    CHECK(geo_feature_contains(g, f, g->coords, 21, 0.5)); /* second polygon */
    CHECK(!geo_feature_contains(g, f, g->coords, 15, 5));
    CHECK(!geo_feature_contains(g, f, g->coords, -1, 5));
    CHECK_NEAR(geo_part_area(g, 0, g->coords), 96, 1e-12);
    const GeoFeature *r = geo_find(g, "river");
    CHECK(!geo_feature_contains(g, r, g->coords, 5, 20));
    CHECK_NEAR(geo_feature_distance(g, r, g->coords, 5, 23), 3, 1e-12);
    CHECK_NEAR(geo_feature_distance(g, r, g->coords, 13, 25), 3, 1e-12);
    CHECK_NEAR(geo_feature_distance(g, r, g->coords, -3, 24), 5, 1e-12);
    CHECK_NEAR(geo_feature_distance(g, f, g->coords, 5, 5), 1, 1e-12); /* to the hole's edge */
    geo_free(g);
    double line[] = {0, 0, 4, 0};
    CHECK_NEAR(geo_polyline_distance(line, 2, 2, -1.5), 1.5, 1e-12);
    CHECK_NEAR(geo_polyline_distance(line, 1, 3, 4), 5, 1e-12);
    CHECK(isinf(geo_polyline_distance(line, 0, 3, 4)));
    double places[] = {0, 0, 10, 10, 3, 4};
    CHECK_INT(geo_nearest_point(places, 3, 2.5, 3.5, 1.0), 2);
    CHECK_INT(geo_nearest_point(places, 3, 50, 50, 1.0), -1);
}

static void simplify_should_keep_corners_and_drop_near_collinear_points(void)
{
    double xy[] = {0, 0, 1, 0.01, 2, -0.01, 3, 0, 3, 1, 3, 2};
    bool keep[6];
    CHECK_INT(geo_simplify(xy, 6, 0.1, keep), 3);
    CHECK(keep[0] && keep[3] && keep[5] && !keep[1]);
}

/* Every polygon of the pack's map files triangulates to its own area (projected with the
 * map's LCC), so no region or country is drawn with gaps or overlaps. */
static void pack_map_polygons_should_triangulate_to_their_area(void)
{
    const char *src = getenv("FRONTIERS_SOURCE_DIR");
    CHECK(src != NULL);
    if (!src) return;
    const char *files[] = {"far-east-regions.geojson", "central-asia-regions.geojson",
                           "far-east-land.geojson", "central-asia-land.geojson",
                           "far-east-lakes.geojson", "central-asia-lakes.geojson"};
    size_t regions = 0;
    for (size_t i = 0; i < COUNT_OF(files); i++) {
        char *path = util_format("%s/content/sino-russian-border/map/%s", src, files[i]);
        GeoCollection *g = NULL;
        char err[512];
        GeoError e = geo_load_file(path, &g, err, sizeof err);
        if (e) fprintf(stderr, "%s\n", err);
        CHECK_INT(e, GEO_OK);
        free(path);
        if (!g) continue;
        if (i < 2) regions += g->nfeatures;
        GeoProjection p;
        geo_projection_init(&p, GEO_PROJ_LCC, i % 2 ? 82 : 125, i % 2 ? 45 : 50,
                            i % 2 ? 40 : 45, i % 2 ? 50 : 55);
        double *xy = malloc(2 * g->nvertices * sizeof(double));
        if (!xy) {
            geo_free(g);
            continue;
        }
        geo_project_all(&p, g, xy);
        for (size_t k = 0; k < g->nparts; k++) {
            uint32_t *idx = NULL;
            size_t ntri = 0;
            CHECK_INT(geo_triangulate_part(g, k, xy, &idx, &ntri), GEO_OK);
            double want = geo_part_area(g, k, xy), got = geo_triangles_area(xy, idx, ntri);
            if (!(fabs(got - want) <= 1e-3 * want))
                fprintf(stderr, "%s part %zu: triangles %.9g, polygon %.9g\n", files[i], k, got, want);
            CHECK(fabs(got - want) <= 1e-3 * want);
            free(idx);
        }
        free(xy);
        geo_free(g);
    }
    CHECK(regions >= 10);
}

int main(void)
{
    RUN(parse_should_read_polygon_with_hole_line_and_point);
    RUN(parse_should_reject_unclosed_ring_naming_the_feature);
    RUN(parse_should_reject_out_of_range_coordinates_and_bad_json);
    RUN(parse_should_reject_ring_over_the_vertex_limit);
    RUN(load_file_should_report_missing_file);
    RUN(lcc_should_match_snyder_sphere_example);
    RUN(albers_should_match_snyder_sphere_example);
    RUN(projections_should_round_trip_over_the_far_east);
    RUN(view_fit_should_put_bounds_inside_the_viewport);
    RUN(triangulate_should_split_square_into_two_triangles);
    RUN(triangulate_should_cover_concave_polygon_exactly);
    RUN(triangulate_should_leave_holes_empty);
    RUN(triangulate_should_survive_collinear_and_duplicate_points);
    RUN(triangulate_should_return_nothing_for_degenerate_rings);
    RUN(triangulate_should_handle_a_large_star_exactly);
    RUN(hit_tests_should_respect_holes_and_lines);
    RUN(simplify_should_keep_corners_and_drop_near_collinear_points);
    RUN(pack_map_polygons_should_triangulate_to_their_area);
    return CHECK_DONE();
}
