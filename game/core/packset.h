/* The packs the game found in the data folder's content/ (and later the user's own), loaded and
 * validated at start. Broken packs are skipped with a notice naming the file and place. */
#ifndef FRONTIERS_PACKSET_H
#define FRONTIERS_PACKSET_H

#include <stddef.h>

struct App;
typedef struct PackSet PackSet;

PackSet *packset_load(struct App *app);
void packset_free(PackSet *ps);
size_t packset_count(const PackSet *ps);
const char *packset_id(const PackSet *ps, size_t i);
/* The pack's title in lang (falls back to English). */
const char *packset_title(const PackSet *ps, size_t i, const char *lang);

#endif
