/* A content pack loaded from content/<id>/pack.json: an immutable, typed model with every id
 * resolved to an index, plus a uniform "item" view (PackItemRef) so a round can deal any kind.
 * Loading runs every check of `frontiers validate`; problems go to a Diag. libc + cJSON only. */
#ifndef FRONTIERS_PACK_H
#define FRONTIERS_PACK_H

#include "content/json.h"
#include "content/text.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PACK_MAX_BYTES ((size_t)8 << 20)
#define PACK_MAX_ITEMS 100000       /* per list */
#define PACK_NONE (-1)              /* an optional reference that is absent */

typedef enum PackKind {
    PACK_KIND_TREATY,
    PACK_KIND_EVENT,
    PACK_KIND_PERSON,
    PACK_KIND_PLACE,
    PACK_KIND_REGION,
    PACK_KIND_RIVER,
    PACK_KIND_FLASHCARD,
    PACK_KIND_COUNT,
} PackKind;

typedef enum PackCategory {
    PACK_CATEGORY_NONE,
    PACK_CATEGORY_WAR,
    PACK_CATEGORY_BATTLE,
    PACK_CATEGORY_TREATY,
    PACK_CATEGORY_FOUNDING,
    PACK_CATEGORY_BORDER,
    PACK_CATEGORY_POLITICS,
    PACK_CATEGORY_EXPLORATION,
    PACK_CATEGORY_OTHER,
} PackCategory;

typedef struct PackStrings {
    const char *const *items;
    uint32_t count;
} PackStrings;

typedef struct PackRefs {   /* indices into one of the pack's lists */
    const int32_t *items;
    uint32_t count;
} PackRefs;

typedef struct PackSource {
    const char *id, *title, *author, *url, *lang, *year, *note;   /* absent: NULL */
} PackSource;

typedef struct PackParty {
    const char *id;
    Text name;
    const char *color;      /* "#rrggbb" or NULL */
} PackParty;

typedef struct PackEvent {
    const char *id;
    Text title, summary, note;
    When when;
    PackCategory category;
    PackStrings tags;
    int32_t place;          /* places index or PACK_NONE */
    const char *image;      /* path inside the pack folder, or NULL */
    PackRefs sources;
} PackEvent;

typedef struct PackSignatory {
    int32_t party;
    PackRefs people;
} PackSignatory;

typedef enum PackRatificationKind {
    PACK_RATIFICATION_RATIFIED,
    PACK_RATIFICATION_EXCHANGED,
    PACK_RATIFICATION_CONFIRMED,
    PACK_RATIFICATION_IN_FORCE,
    PACK_RATIFICATION_REJECTED,
    PACK_RATIFICATION_ANNULLED,
} PackRatificationKind;

typedef struct PackRatification {
    int32_t party;          /* or PACK_NONE */
    When when;
    PackRatificationKind kind;
    Text text;
} PackRatification;

typedef struct PackPerspective {
    const char *key;        /* "china", "russia", ... */
    Text text;
} PackPerspective;

typedef struct PackTreaty {
    const char *id;
    Text name, short_name, summary, note;
    When signed_on;
    int32_t place;
    PackRefs parties;
    const PackSignatory *signatories;
    uint32_t signatory_count;
    const Text *terms;
    uint32_t term_count;
    const PackRatification *ratifications;
    uint32_t ratification_count;
    const PackPerspective *perspectives;
    uint32_t perspective_count;
    PackRefs regions;
    bool unequal;
    PackCategory category;  /* PACK_CATEGORY_TREATY unless given */
    PackStrings tags;
    PackRefs sources;
} PackTreaty;

typedef struct PackPerson {
    const char *id;
    Text name, role, note;
    Date born, died;
    bool has_born, has_died;
    int32_t party;
    PackStrings tags;
    PackRefs sources;
} PackPerson;

typedef struct PackPlaceDate {
    When when;
    Text what;
} PackPlaceDate;

typedef struct PackPlace {
    const char *id;
    Text name, note;
    const char *kind;       /* "city", "fort", ... or NULL */
    double lon, lat;
    bool has_coords;
    const PackPlaceDate *dates;
    uint32_t date_count;
    PackStrings tags;
    PackRefs sources;
} PackPlace;

typedef struct PackLayer {
    const char *id, *kind, *file;
} PackLayer;

typedef struct PackProjection {
    const char *type;       /* "lcc", "albers", "equirect" */
    double lon0, lat0, lat1, lat2;
} PackProjection;

typedef struct PackRegion {
    const char *id;
    Text name;
    const char *file, *feature;
    int32_t map;
    int32_t from_party, to_party, treaty;   /* or PACK_NONE */
    int year;               /* 0 when absent */
    PackStrings tags;
} PackRegion;

typedef struct PackBorder {
    int year;
    Text label;
    const char *file, *feature;
    int32_t map, treaty;
} PackBorder;

typedef struct PackRiver {
    const char *id;
    Text name;
    const char *file, *feature;
    int32_t map;
    PackStrings tags;
} PackRiver;

typedef struct PackMap {
    const char *id;
    Text title;
    PackProjection projection;
    double bounds[4];       /* west, south, east, north */
    const PackLayer *layers;
    uint32_t layer_count;
    uint32_t region_first, region_count;    /* slices of Pack.regions, .borders, .rivers */
    uint32_t border_first, border_count;
    uint32_t river_first, river_count;
} PackMap;

typedef struct PackFlashcard {
    const char *id;
    Text front, back;
    const char *image;
    PackStrings accept, tags;
    PackRefs sources;
} PackFlashcard;

typedef struct Pack {
    const char *dir;        /* the folder it was loaded from */
    const char *id, *version, *license;
    Text title, description;
    PackStrings languages, authors;
    const PackSource *sources;       uint32_t source_count;
    const PackParty *parties;        uint32_t party_count;
    const PackEvent *events;         uint32_t event_count;
    const PackTreaty *treaties;      uint32_t treaty_count;
    const PackPerson *people;        uint32_t person_count;
    const PackPlace *places;         uint32_t place_count;
    const PackMap *maps;             uint32_t map_count;
    const PackRegion *regions;       uint32_t region_count;
    const PackBorder *borders;       uint32_t border_count;
    const PackRiver *rivers;         uint32_t river_count;
    const PackFlashcard *flashcards; uint32_t flashcard_count;
    Arena arena;            /* owns everything above */
} Pack;

typedef enum PackError {
    PACK_OK = 0,
    PACK_ERR_INVALID,       /* the Diag says why */
    PACK_ERR_NOMEM,
} PackError;

/* Loads dir/pack.json (dir may also name the pack.json itself) and checks it fully: fields, ids,
 * references, dates, languages, asset paths, images and the GeoJSON files its maps name. Every
 * problem is added to diags (which may be NULL). On PACK_OK *out is a pack to pack_free; on error
 * *out is NULL. Warnings alone do not fail a load. */
PackError pack_load(const char *dir, Pack **out, Diag *diags);
/* The same from text in memory (no folder: asset files and GeoJSON are not checked; the folder-
 * name check uses expect_id when not NULL). display_name names the file in messages. */
PackError pack_load_memory(const char *text, size_t len, const char *display_name,
                           const char *expect_id, Pack **out, Diag *diags);
void pack_free(Pack *pack);

/* Every subfolder of content_dir holding a pack.json, sorted by folder name; broken packs are
 * reported in diags and skipped. *out is an array of *count packs; free with packs_free. */
PackError packs_load_all(const char *content_dir, Pack ***out, size_t *count, Diag *diags);
void packs_free(Pack **packs, size_t count);

/* ---- The item view ---- */

typedef struct PackItemRef {
    PackKind kind;
    uint32_t index;
} PackItemRef;

const char *pack_kind_name(PackKind kind);              /* "treaty", "event", ... */
bool pack_kind_parse(const char *name, PackKind *out);
size_t pack_item_count(const Pack *pack, PackKind kind);
/* Index of the item with this id, or PACK_NONE. Kinds: all PackKind plus sources and parties
 * through pack_find_source / pack_find_party. */
int32_t pack_find(const Pack *pack, PackKind kind, const char *id);
int32_t pack_find_source(const Pack *pack, const char *id);
int32_t pack_find_party(const Pack *pack, const char *id);
const char *pack_item_id(const Pack *pack, PackItemRef ref);
/* The display title: a treaty's name, an event's title, a card's front, ... */
const char *pack_item_title(const Pack *pack, PackItemRef ref, const char *lang);
/* The item's date: a treaty's signing, an event's when, a person's birth (to: death), a place's
 * first dated entry, a region's year. False (and *out untouched) when it has none. */
bool pack_item_when(const Pack *pack, PackItemRef ref, When *out);
PackStrings pack_item_tags(const Pack *pack, PackItemRef ref);

#endif
