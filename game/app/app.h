/* The application: window, renderer, services every scene uses, and the scene stack.
 * One App exists per process; it is passed explicitly to every scene callback (never global). */
#ifndef FRONTIERS_APP_H
#define FRONTIERS_APP_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "platform/input.h"
#include "content/settings.h"
#include "rules/summary.h"
#include "ui/context.h"

struct Scene;
struct TextSystem;
struct I18n;
struct Audio;
struct Store;
struct Theme;
struct PackSet;
struct UiLayer;

#define APP_MAX_SCENES 16
#define APP_MAX_NOTICES 8

typedef enum AppRunMode {
    APP_RUN_PLAY = 0,    /* a window, real time */
    APP_RUN_SCREENSHOT,  /* no display, fixed virtual time, write a PNG */
    APP_RUN_REPLAY,      /* no display, fixed virtual time, scripted input */
} AppRunMode;

typedef struct AppConfig {
    AppRunMode run_mode;
    const char *data_dir;     /* NULL: search */
    const char *user_dir;     /* NULL: SDL_GetPrefPath */
    const char *lang;         /* NULL: settings, then the system locale */
    const char *profile;      /* NULL: last played */
    const char *start_scene;  /* NULL: title */
    const char *level;        /* level id for scenes that play one */
    double scale;             /* 0: settings */
    int width, height;        /* window size (0: 1280x720) */
    bool fullscreen;
    uint64_t seed;            /* 0: from the clock in play mode, 1 in headless modes */
    double start_seconds;     /* CLOCK_MONOTONIC at main(), for the start-up benchmark */
    const char *renderer;     /* "auto", "software" or "gpu"; NULL: $FRONTIERS_RENDERER, then auto */
    /* Every screen the app may show, NULL-terminated (main.c hands it scenes/registry.c's list:
     * the shell knows no scene by name). */
    const struct SceneVtable *const *scenes;
} AppConfig;

typedef struct App {
    AppConfig config;
    UiContext ui;               /* renderer, text, theme, strings: what ui/ draws with */
    float dpi_scale;            /* drawable pixels per window point */

    char *data_dir;
    char *user_dir;
    Settings settings;
    char lang[8];

    struct Audio *audio;
    struct Store *store;
    struct PackSet *packs;
    int64_t profile_id;         /* 0: none chosen */
    char profile_name[64];

    struct Scene *stack[APP_MAX_SCENES];
    int depth;

    InputState input;
    double time;                /* seconds of logic time since start (fixed steps) */
    uint64_t frame;             /* frames presented */
    uint64_t seed;

    /* Messages shown over every scene for a few seconds (broken packs, moved databases…). */
    char *notices[APP_MAX_NOTICES];
    double notice_until[APP_MAX_NOTICES];
    int notice_count;

    /* The last finished round, for the results screen. */
    RoundSummary summary;
    bool summary_is_best;

    bool quit;
    bool headless;
    bool startup_pending;       /* app_finish_startup has work left */
    bool store_tried;           /* the progress store was opened (or failed to open) */

    /* The previous frame of the same screen covered the whole window (ui.frame_covered). */
    bool covered_last;
} App;

/* What a scene asks the director to do after the current frame. */
typedef enum SceneOp {
    SCENE_STAY = 0,
    SCENE_PUSH,     /* push `next` over the current scene */
    SCENE_POP,      /* back to the scene below */
    SCENE_REPLACE,  /* replace the current scene with `next` */
    SCENE_RESET,    /* clear the stack and start `next` */
    SCENE_QUIT,
} SceneOp;

typedef struct SceneOutcome {
    SceneOp op;
    const char *next;   /* a registered scene name */
    const char *arg;    /* passed to the next scene's create (copied) */
} SceneOutcome;

int app_init(App *app, const AppConfig *config);
/* Loads what app_init left for after the first presented frame: the packs (when the game
 * starts on the title screen), the audio device and the game controllers. Idempotent: anything
 * that needs the packs before then (a title screen already showing them) calls it first. */
void app_finish_startup(App *app);
void app_shutdown(App *app);
/* Runs the interactive loop until quit. Returns the process exit status. */
int app_run(App *app);

/* The registered scene called name (AppConfig.scenes), or NULL. */
const struct SceneVtable *app_scene_lookup(const App *app, const char *name);

/* Pushes or replaces scenes immediately (used at start and by the director). */
bool app_push_scene(App *app, const char *name, const char *arg);
struct Scene *app_top(App *app);

/* One logic step of dt seconds and one drawn frame; used by play, replay and screenshot. */
void app_step(App *app, double dt);
void app_draw(App *app);
/* Dispatches one abstract action to the top scene and applies its outcome. */
void app_dispatch(App *app, const Action *action);
/* In buzzer mode: the team (0-7) whose key set holds key, and its button (1-4) in *button;
 * -1 when no team's. The sets come from the settings (buzzer_keys). */
int app_buzzer_team_for_key(const App *app, SDL_Keycode key, int *button);

/* Adds a notice (copied) shown for `seconds` over every scene. */
void app_notice(App *app, const char *message, double seconds);

/* Localised UI string. */
const char *app_tr(const App *app, const char *key);

/* Re-reads language, theme and scale after the settings changed. */
void app_apply_settings(App *app);
void app_toggle_fullscreen(App *app);
/* Plays a UI sound by name (select, confirm, correct, wrong, flip, tick, stamp, fanfare). */
void app_sound(App *app, const char *name);

#endif
