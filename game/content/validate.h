/* `frontiers validate`: checks packs, levels, campaign files and GeoJSON files, and reports
 * every problem as "file:line:col: error: message [$.json.path]". The pack and level loaders
 * call the GeoJSON check here for the files a pack's maps name. */
#ifndef FRONTIERS_VALIDATE_H
#define FRONTIERS_VALIDATE_H

#include "content/json.h"

#include <stdbool.h>
#include <stddef.h>

#define GEOJSON_MAX_BYTES ((size_t)16 << 20)
#define GEOJSON_MAX_RING_VERTICES 200000
#define GEOJSON_MAX_FILE_VERTICES 1000000

/* The feature ids (properties.id) a GeoJSON file holds, sorted. */
typedef struct GeoIds {
    char **ids;
    size_t count;
} GeoIds;

/* Checks one GeoJSON file: size, JSON syntax, FeatureCollection, geometry types, closed rings of
 * at least 4 positions, coordinates in range, vertex limits, unique string properties.id.
 * display names the file in messages. Fills *ids (when not NULL) even when there are errors.
 * Returns true when the file has no errors. */
bool validate_geojson(const char *path, const char *display, Diag *diags, GeoIds *ids);
bool validate_geojson_text(const char *text, size_t len, const char *display, Diag *diags,
                           GeoIds *ids);
bool geoids_contains(const GeoIds *ids, const char *id);
void geoids_free(GeoIds *ids);

typedef struct ValidateOptions {
    const char *content_dir;    /* where levels find their packs; NULL: "content" beside "levels" */
} ValidateOptions;

/* Validates each path: a pack folder or its pack.json, a level file, levels/campaign.json,
 * a .geojson file, or a folder of these (every pack subfolder and every .json and .geojson file
 * in it, one more folder level down: `frontiers validate .` in a data folder checks content/ and
 * levels/).
 * Adds all messages to diags; returns the number of files checked. */
size_t validate_paths(const char *const *paths, size_t count, const ValidateOptions *options,
                      Diag *diags);

#endif
