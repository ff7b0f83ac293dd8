/* Every scene's vtable, for the registry. */
#ifndef FRONTIERS_SCENES_H
#define FRONTIERS_SCENES_H

#include "app/scene.h"

extern const SceneVtable scene_title;
extern const SceneVtable scene_menu;
extern const SceneVtable scene_profiles;
extern const SceneVtable scene_settings;
extern const SceneVtable scene_levels;
extern const SceneVtable scene_timeline;
extern const SceneVtable scene_results;
extern const SceneVtable scene_flashcards;
extern const SceneVtable scene_map;
extern const SceneVtable scene_review;
extern const SceneVtable scene_stats;
extern const SceneVtable scene_classroom;

/* The registered scene called name, or NULL. */
const SceneVtable *scene_lookup(const char *name);
/* NULL-terminated list of every registered scene (AppConfig.scenes, --help and tests). */
const SceneVtable *const *scene_all(void);

#endif
