/* The one table of scenes. A new screen is added here and nowhere else. */
#include "scenes/scenes.h"

#include <string.h>

static const SceneVtable *const scenes[] = {
    &scene_title,
    &scene_menu,
    &scene_profiles,
    &scene_settings,
    &scene_levels,
    &scene_timeline,
    &scene_results,
    &scene_flashcards,
    &scene_map,
    &scene_review,
    &scene_stats,
    &scene_classroom,
    NULL,
};

const SceneVtable *scene_lookup(const char *name)
{
    for (int i = 0; name && scenes[i]; i++)
        if (strcmp(scenes[i]->name, name) == 0)
            return scenes[i];
    return NULL;
}

const SceneVtable *const *scene_all(void)
{
    return scenes;
}
