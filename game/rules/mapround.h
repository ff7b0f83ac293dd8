/* The map round as pure rules: "which treaty moved this land?" options, Seterra-style tries for
 * "find it" questions, and scoring. Seeded, no SDL, no clock. */
#ifndef FRONTIERS_MAPROUND_H
#define FRONTIERS_MAPROUND_H

#include <stdbool.h>

#include "content/pack.h"
#include "base/util.h"

#define MAPROUND_TRIES 3
#define MAPROUND_POINTS_FIRST 2    /* right at the first try */
#define MAPROUND_POINTS_LATER 1    /* right at the second or third */

/* Four different treaty indices for region `region`, one of them the treaty that moved it (at
 * *right). Distractors are treaties that moved other regions, then those nearest in date.
 * False when the region names no treaty or the pack has fewer than four treaties. */
bool mapround_treaty_options(const Pack *pack, int region, Rng *rng, int options[4], int *right);

/* Points for a find-it answer after `tries` attempts (1..3), right or not. */
int mapround_points(bool correct, int tries);

/* ---- Drag the labels ---- */
/* How far (screen pixels) from its target a dropped name still counts: base_px at zoom 1,
 * growing with the square root of the zoom, so a zoomed-in map is more forgiving on screen but
 * stricter on the ground (base_px * sqrt(zoom) pixels is base_px / sqrt(zoom) of the whole-map
 * pixels). Zoom below 1 counts as 1. */
double mapround_drop_tolerance(double base_px, double zoom);

typedef enum MapDrop {
    MAPDROP_NOTHING = 0,    /* dropped on no target: no try spent, the name goes back */
    MAPDROP_RIGHT,
    MAPDROP_WRONG,          /* on another target: a try spent */
} MapDrop;

/* Judges a drop: `hit` is the target under the drop (or -1), `target` the name's own target,
 * `near_own` whether the drop lies within the tolerance of the name's own target. */
MapDrop mapround_judge_drop(int target, int hit, bool near_own);

/* ---- Border by year ---- */
#define MAPROUND_MAX_YEARS 32

/* The distinct years of map `map`'s borders, ascending; returns how many (at most max). */
int mapround_border_years(const Pack *pack, int map, int *years, int max);

/* One change of hands of land holding a place: in `year`, `from` gave it to `to` (party indices). */
typedef struct MapChange {
    int year, from, to;
} MapChange;

/* The party holding the place in `year`: the `to` of the latest change up to that year, or, before
 * any change, the `from` of the first. -1 when there are no changes. Changes in any order. */
int mapround_holder(const MapChange *changes, int n, int year);

typedef struct MapYearQuestion {
    int year;               /* the year asked about (one of the border years) */
    int options[4];         /* party indices, distinct */
    int noptions;           /* 2..4 */
    int right;              /* index into options */
} MapYearQuestion;

/* "Which side held the place in YEAR?" for a place with `n` changes. It picks one change and asks
 * either the border year just before it (answer: the giver) or the change's own year, or the first
 * border year after it when the change year has no border of its own (answer: the taker); the
 * options are both sides of that change and up to two more of `parties` (the map's sides).
 * False when the place has no change or no border year fits. Seeded, deterministic. */
bool mapround_year_question(const MapChange *changes, int n, const int *years, int nyears,
                            const int *parties, int nparties, Rng *rng, MapYearQuestion *q);

/* The parties that give or take land on map `map` (regions' from and to), in pack order. */
int mapround_map_parties(const Pack *pack, int map, int *out, int max);

#endif
