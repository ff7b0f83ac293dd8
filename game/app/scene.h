/* The scene interface: a const vtable per screen, state in a struct the scene allocates in
 * create and frees in destroy (no file statics). Scenes return outcomes; the director in app.c
 * applies them between frames. Every scene is registered once in scenes/registry.c. */
#ifndef FRONTIERS_SCENE_H
#define FRONTIERS_SCENE_H

#include "app/app.h"
#include "platform/input.h"

struct cJSON;

typedef struct Scene Scene;

typedef struct SceneVtable {
    const char *name;
    /* Allocates the scene; arg may be NULL. Returns NULL on failure (the director stays put). */
    Scene *(*create)(App *app, const char *arg);
    void (*destroy)(Scene *scene, App *app);
    /* Called when the scene becomes the top again after the one above it was popped. */
    void (*resume)(Scene *scene, App *app);
    SceneOutcome (*action)(Scene *scene, App *app, const Action *action);
    SceneOutcome (*update)(Scene *scene, App *app, double dt);
    void (*draw)(Scene *scene, App *app);
    /* Adds what a replay test checks (score, selection…) to a JSON object. Optional. */
    void (*report)(Scene *scene, App *app, struct cJSON *out);
    /* True when the scene draws over the one below it (dialogs). */
    bool overlay;
} SceneVtable;

struct Scene {
    const SceneVtable *vt;
};


static inline SceneOutcome scene_stay(void) { return (SceneOutcome){SCENE_STAY, NULL, NULL}; }
static inline SceneOutcome scene_push(const char *n, const char *arg) { return (SceneOutcome){SCENE_PUSH, n, arg}; }
static inline SceneOutcome scene_replace(const char *n, const char *arg) { return (SceneOutcome){SCENE_REPLACE, n, arg}; }
static inline SceneOutcome scene_pop(void) { return (SceneOutcome){SCENE_POP, NULL, NULL}; }

#endif
