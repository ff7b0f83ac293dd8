/* The map round as pure rules: "which treaty moved this land?" options, Seterra-style tries for
 * "find it" questions, and scoring. Seeded, no SDL, no clock. */
#ifndef FRONTIERS_MAPROUND_H
#define FRONTIERS_MAPROUND_H

#include <stdbool.h>

#include "content/pack.h"
#include "core/util.h"

#define MAPROUND_TRIES 3
#define MAPROUND_POINTS_FIRST 2    /* right at the first try */
#define MAPROUND_POINTS_LATER 1    /* right at the second or third */

/* Four different treaty indices for region `region`, one of them the treaty that moved it (at
 * *right). Distractors are treaties that moved other regions, then those nearest in date.
 * False when the region names no treaty or the pack has fewer than four treaties. */
bool mapround_treaty_options(const Pack *pack, int region, Rng *rng, int options[4], int *right);

/* Points for a find-it answer after `tries` attempts (1..3), right or not. */
int mapround_points(bool correct, int tries);

#endif
