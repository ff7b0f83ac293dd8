/* What every round scene shares: the clock (overridable for tests), looking up packs and
 * levels, recording each answer in the progress store before the next question shows, and
 * finishing a round (level result stored, results screen shown). */
#ifndef FRONTIERS_ROUND_H
#define FRONTIERS_ROUND_H

#include <stdbool.h>
#include <stdint.h>

#include "content/level.h"
#include "content/pack.h"
#include "app/app.h"
#include "rules/grade.h"
#include "rules/summary.h"
#include "store/store.h"

/* Unix seconds: FRONTIERS_NOW when set (tests), else the clock. */
int64_t app_now(const App *app);

const Pack *app_pack(const App *app, const char *id);
/* Loads levels/<id>.json from the data folder and checks it against its pack. On failure shows
 * a notice and returns NULL. *pack receives the level's pack. Free with level_free. */
Level *app_level_load(App *app, const char *level_id, const Pack **pack);

/* The first level id (in name order) whose file name starts with prefix ("tl-", "fc-"), for a
 * round opened without a level; NULL when there is none. Caller frees. */
char *app_first_level(const App *app, const char *prefix);

/* Records one answer for the current profile (no-op without a profile or store; the game goes
 * on). Returns false when the store refused it, after telling the player. */
bool app_record_answer(App *app, const Pack *pack, const char *item_id, GradeMode mode,
                       const char *prompt_kind, bool correct, int grade, int64_t response_ms);

/* Stores the level result (when the summary names a level and a profile plays), keeps a copy
 * for the results screen and returns the outcome that replaces the round with it. */
SceneOutcome app_finish_round(App *app, const RoundSummary *summary);

/* Ends one part of a daily review (a round opened with the argument "review"): keeps the
 * summary in app->summary for the review scene (no level result is stored) and returns the
 * outcome that pops back to it. */
SceneOutcome app_finish_review_part(App *app, const RoundSummary *summary);
/* The current profile's items of mode due now, most overdue first (0 without a store or a
 * profile), for a round opened with "review". */
size_t app_review_due(App *app, GradeMode mode, StoreMemory *due, size_t max);
/* The pack of a due item when it may join a review round whose pack is chosen (NULL: none yet):
 * a review part deals from one pack. NULL when the pack is not loaded or is another one. */
const Pack *app_review_pack(App *app, const StoreMemory *due, const Pack *chosen);

/* The title of a source for "what was missed" lists: "Title — Author". */
void app_source_label(const Pack *pack, PackRefs sources, char *out, size_t cap);

#endif
