/* Levels (levels/<id>.json: mode, variant, item selection, rules, stars, unlock) and the
 * campaign file (levels/campaign.json: chapters of level ids), and the seeded deal of a level's
 * items from its pack. Loading checks every field; with a pack it also checks the named ids. */
#ifndef FRONTIERS_LEVEL_H
#define FRONTIERS_LEVEL_H

#include "content/json.h"
#include "content/pack.h"
#include "content/text.h"
#include "base/util.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LEVEL_MAX_BYTES ((size_t)1 << 20)

typedef enum LevelMode {
    LEVEL_MODE_TIMELINE,
    LEVEL_MODE_MAP,
    LEVEL_MODE_FLASHCARDS,
    LEVEL_MODE_MIXED,
} LevelMode;

typedef enum LevelVariant {
    LEVEL_VARIANT_NONE,         /* mixed levels, or a mode's default */
    LEVEL_VARIANT_INSERT,       /* timeline */
    LEVEL_VARIANT_ORDER,
    LEVEL_VARIANT_FIND,         /* map */
    LEVEL_VARIANT_DRAG,
    LEVEL_VARIANT_WHICH_TREATY,
    LEVEL_VARIANT_BORDER_YEAR,
    LEVEL_VARIANT_CLASSIC,      /* flashcards */
    LEVEL_VARIANT_CHOICE,
    LEVEL_VARIANT_TYPED,
} LevelVariant;

typedef enum LevelSpread {
    LEVEL_SPREAD_ANY,
    LEVEL_SPREAD_FAR,           /* dates far apart: easy */
    LEVEL_SPREAD_CLOSE,         /* dates close together: hard */
} LevelSpread;

typedef struct LevelSelect {
    uint32_t kinds;             /* bit (1u << PackKind); 0 means every kind */
    PackStrings tags;           /* any of them; empty: no tag filter */
    PackStrings ids;            /* exactly these; empty: no id filter */
    Date from, to;
    bool has_from, has_to;
    uint32_t count;             /* 0: every selected item */
    uint64_t seed;
    bool has_seed;              /* without a seed each deal uses the caller's Rng */
    LevelSpread spread;
    bool avoid_ties;            /* no two dealt items with equal dates (coarser precision) */
} LevelSelect;

typedef struct LevelRules {
    int lives;                  /* 0: unlimited */
    int time_limit;             /* seconds per item; 0: no timer */
    bool hints, streak_bonus, speed_bonus;
    bool ranges_by_end;         /* timeline: order ranges (wars) by their end, not their start */
} LevelRules;

/* A classroom preset ("classroom": {...}): the setup screen starts from these values. */
typedef struct LevelClassroom {
    bool present;
    int questions;              /* 1-30; default 10 */
    int time_limit;             /* seconds per question, 0 (no timer) or 10-60; default 20 */
    bool fair;                  /* "scoring": "fair" (flat points, no timer, no streak) or "speed" */
    bool buzz_in;               /* "answers": "buzz" (first buzz answers) or "all" (every team) */
} LevelClassroom;

typedef struct Level {
    const char *id;
    Text title;
    const char *pack;           /* pack id */
    LevelMode mode;
    LevelVariant variant;
    LevelSelect select;
    LevelRules rules;
    int stars[3];               /* percentages, ascending */
    LevelClassroom classroom;
    bool has_unlock;
    const char *unlock_after;   /* level id */
    int unlock_stars;
    Arena arena;
} Level;

typedef struct CampaignChapter {
    Text title;
    PackStrings levels;
} CampaignChapter;

typedef struct Campaign {
    const char *id;
    Text title;
    const CampaignChapter *chapters;
    uint32_t chapter_count;
    Arena arena;
} Campaign;

typedef enum LevelError {
    LEVEL_OK = 0,
    LEVEL_ERR_INVALID,          /* the Diag says why */
    LEVEL_ERR_NOMEM,
} LevelError;

/* Loads and checks a level file. When pack is not NULL, also checks the level against it: its id,
 * languages, the selected ids and kinds, and that a timeline deal has enough distinct dates. */
LevelError level_load(const char *path, const Pack *pack, Level **out, Diag *diags);
/* The same from memory; display names the file in messages. */
LevelError level_load_memory(const char *text, size_t len, const char *display, const Pack *pack,
                             Level **out, Diag *diags);
void level_free(Level *level);

LevelError campaign_load(const char *path, Campaign **out, Diag *diags);
/* The same from text in memory (display names the file in messages). */
LevelError campaign_load_memory(const char *text, size_t len, const char *display,
                                Campaign **out, Diag *diags);
void campaign_free(Campaign *campaign);

const char *level_mode_name(LevelMode mode);
const char *level_variant_name(LevelVariant variant);

/* Deals the level's items from pack into out[0..max): filters by kinds, ids, tags and date range
 * (timeline levels only take dated items), then picks count of them by spread, never two with
 * equal dates when avoid_ties, and shuffles the deal. With a seed in the level the deal is the
 * same every time and rng is not used; otherwise rng drives it. *n receives the number dealt
 * (fewer than count when the pack has too few). Returns false only on out-of-memory. */
bool level_select_items(const Level *level, const Pack *pack, Rng *rng, PackItemRef *out,
                        size_t max, size_t *n);
/* Number of items the level's filters admit, before count and ties. */
size_t level_candidate_count(const Level *level, const Pack *pack);

#endif
