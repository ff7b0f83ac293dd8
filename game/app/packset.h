/* The packs found in the data folder's content/, loaded and validated at start. A broken pack
 * is skipped: the player sees a notice naming the file, line and JSON path of its first errors,
 * and every other pack still plays. */
#ifndef FRONTIERS_PACKSET_H
#define FRONTIERS_PACKSET_H

#include <stddef.h>

#include "content/pack.h"

struct App;
typedef struct PackSet PackSet;

PackSet *packset_load(struct App *app);
void packset_free(PackSet *ps);
size_t packset_count(const PackSet *ps);
const Pack *packset_get(const PackSet *ps, size_t i);
const Pack *packset_find(const PackSet *ps, const char *id);
const char *packset_id(const PackSet *ps, size_t i);
/* The pack's title in lang (falls back to English). */
const char *packset_title(const PackSet *ps, size_t i, const char *lang);

#endif
