/* The application: start-up and shutdown of every service, SDL event translation into abstract
 * actions, the scene director (outcomes applied between frames) and the fixed-step main loop. */
#include "app/app.h"
#include "platform/audio.h"
#include "content/i18n.h"
#include "platform/paths.h"
#include "app/session.h"
#include "app/scene.h"
#include "base/os.h"
#include "platform/renderpick.h"
#include "base/util.h"
#include "store/store.h"
#include "ui/draw.h"
#include "app/packset.h"
#include "ui/layer.h"
#include "ui/text.h"
#include "ui/theme.h"

#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define STEP (1.0 / 60.0)

/* FRONTIERS_TRACE_STARTUP=1 prints, at the end of each start-up phase, the wall time since
 * main(), the process's CPU time since exec (all threads; steadier than wall time on a busy
 * machine) and its peak resident memory so far (for the benchmark). */
static void trace(const App *app, const char *phase)
{
    if (!getenv("FRONTIERS_TRACE_STARTUP"))
        return;
    double now_s = plat_monotonic_seconds();
    fprintf(stderr, "startup %-12s %7.2f ms  cpu %7.2f ms  peak_rss %6ld KiB\n", phase,
            (now_s - app->config.start_seconds) * 1000.0, plat_cpu_seconds() * 1000.0, plat_peak_rss_kb());
}

/* SDL_Init connects to the D-Bus session bus (screensaver inhibition, input methods). With no
 * bus address, libdbus forks to run `dbus-launch --autolaunch`, which costs tens of ms and
 * cannot succeed when dbus-launch is not installed (Xvfb, kiosks, bare X sessions). Only then
 * is the bus marked disabled, so nothing that could have worked is lost. */
static void skip_doomed_dbus_autolaunch(void)
{
#if defined(__unix__) && !defined(__APPLE__)
    const char *addr = getenv("DBUS_SESSION_BUS_ADDRESS");
    if (addr && *addr)
        return;
    const char *runtime = getenv("XDG_RUNTIME_DIR");
    if (runtime && *runtime) {
        char *bus = util_path_join(runtime, "bus");
        bool exists = bus && plat_exists(bus);
        free(bus);
        if (exists)
            return;   /* libdbus uses the user bus there */
    }
    const char *path = getenv("PATH");
    while (path && *path) {
        const char *end = strchr(path, ':');
        size_t n = end ? (size_t)(end - path) : strlen(path);
        char dir[1024];
        if (n > 0 && n < sizeof dir - 16) {
            memcpy(dir, path, n);
            dir[n] = '\0';
            char *tool = util_path_join(dir, "dbus-launch");
            bool found = tool && plat_kind(tool) == PLAT_FILE;
            free(tool);
            if (found)
                return;
        }
        path = end ? end + 1 : NULL;
    }
    SDL_setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:", 0);
#endif
}

static void log_error(const char *msg)
{
    fprintf(stderr, "frontiers: %s\n", msg);
}

static void pick_language(App *app)
{
    const char *lang = app->config.lang;
    if (!lang && app->settings.lang[0])
        lang = app->settings.lang;
    if (!lang) {
        const char *env = getenv("LC_ALL");
        if (!env || !*env)
            env = getenv("LC_MESSAGES");
        if (!env || !*env)
            env = getenv("LANG");
        lang = i18n_match_locale(env);
    }
    snprintf(app->lang, sizeof app->lang, "%s", lang);
    if (app->ui.i18n)
        i18n_set_language(app->ui.i18n, app->lang);
}

static void update_size(App *app)
{
    int w = app->ui.width, h = app->ui.height;
    if (app->ui.window && !app->headless) {
        SDL_GetRendererOutputSize(app->ui.renderer, &w, &h);
        int ww, wh;
        SDL_GetWindowSize(app->ui.window, &ww, &wh);
        app->dpi_scale = ww > 0 ? (float)w / (float)ww : 1.0f;
    }
    app->ui.width = w;
    app->ui.height = h;
    int scale = app->settings.text_scale;
    if (app->config.scale > 0)
        scale = (int)(app->config.scale * 100);
    theme_compute(app->ui.theme, w, h, scale, app->settings.high_contrast);
    /* Cached pictures were drawn for the old size, language, theme or scale. */
    app->ui.look_epoch++;
    app->covered_last = false;
    if (app->ui.text)
        ui_text_set_theme(app->ui.text, app->ui.theme);
}

void app_apply_settings(App *app)
{
    pick_language(app);
    update_size(app);
    audio_set_volume(app->audio, app->settings.volume, app->settings.mute);
}

void app_notice(App *app, const char *message, double seconds)
{
    if (app->notice_count == APP_MAX_NOTICES) {
        free(app->notices[0]);
        memmove(&app->notices[0], &app->notices[1], sizeof app->notices[0] * (APP_MAX_NOTICES - 1));
        memmove(&app->notice_until[0], &app->notice_until[1], sizeof app->notice_until[0] * (APP_MAX_NOTICES - 1));
        app->notice_count--;
    }
    app->notices[app->notice_count] = util_strdup(message);
    app->notice_until[app->notice_count] = app->time + seconds;
    app->notice_count++;
    fprintf(stderr, "frontiers: %s\n", message);
}

const char *app_tr(const App *app, const char *key)
{
    return i18n_get(app->ui.i18n, key);
}

void app_sound(App *app, const char *name)
{
    audio_play(app->audio, name);
}

static void open_store(App *app)
{
    char *moved = NULL;
    /* The player's daily limit of new items and local day boundaries; the desired retention
     * from the settings drives every interval the scheduler gives. */
    int64_t now = app_now(app);
    StoreOptions opt = {.now = now, .new_per_day = app->settings.new_per_day,
                        .utc_offset_s = store_local_utc_offset(now)};
    StoreError err = store_open_ex(app->user_dir, &opt, &app->store, &moved);
    if (app->store) {
        FsrsParams params;
        fsrs_params_default(&params);
        params.desired_retention = app->settings.retention;
        store_set_fsrs_params(app->store, &params);
    }
    if (err != STORE_OK && err != STORE_ERR_CORRUPT) {
        char *msg = util_format("%s (%s)", store_error_message(err), app->user_dir);
        app_notice(app, msg, 12);
        free(msg);
        app->store = NULL;
    }
    if (moved) {
        char msg[1024];
        const char *names[] = {"path"};
        const char *values[] = {moved};
        i18n_format(msg, sizeof msg, app_tr(app, "notice.db_moved"), names, values, 1);
        app_notice(app, msg, 15);
        free(moved);
    }
}

static void pick_profile(App *app)
{
    if (!app->store)
        return;
    StoreProfile list[32];
    size_t n = 0;
    if (store_profile_list(app->store, list, 32, &n) != STORE_OK)
        return;
    const char *want = app->config.profile ? app->config.profile : app->settings.last_profile;
    for (size_t i = 0; i < n; i++) {
        if (want && strcmp(list[i].name, want) == 0) {
            app->profile_id = list[i].id;
            snprintf(app->profile_name, sizeof app->profile_name, "%s", list[i].name);
            return;
        }
    }
    if (app->config.profile) {
        int64_t id = 0;
        if (store_profile_create(app->store, app->config.profile, (int64_t)time(NULL), &id) == STORE_OK) {
            app->profile_id = id;
            snprintf(app->profile_name, sizeof app->profile_name, "%s", app->config.profile);
        }
    } else if (n > 0) {
        app->profile_id = list[0].id;
        snprintf(app->profile_name, sizeof app->profile_name, "%s", list[0].name);
    }
}

/* The progress store and the player to play as; once, whether or not the store opens. */
static void open_progress(App *app)
{
    app->store_tried = true;
    open_store(app);
    trace(app, "store");
    pick_profile(app);
}

int app_init(App *app, const AppConfig *config)
{
    memset(app, 0, sizeof *app);
    app->config = *config;
    app->headless = config->run_mode != APP_RUN_PLAY;
    app->ui.width = config->width > 0 ? config->width : 1280;
    app->ui.height = config->height > 0 ? config->height : 720;
    app->dpi_scale = 1.0f;
    /* The ui context points into the App, which stays where app_init found it. */
    app->ui.lang = app->lang;
    app->ui.input = &app->input;
    app->ui.settings = &app->settings;
    app->seed = config->seed ? config->seed : app->headless ? 1 : (uint64_t)time(NULL);
    trace(app, "main");

    char *tried = NULL;
    app->data_dir = paths_find_data_dir(config->data_dir, &tried);
    if (!app->data_dir) {
        fprintf(stderr, "frontiers: cannot find the game data (assets, content, levels); tried: %s\n"
                        "Use --data-dir DIR or set FRONTIERS_DATA_DIR.\n", tried ? tried : "nothing");
        free(tried);
        return 1;
    }
    free(tried);
    app->user_dir = paths_find_user_dir(config->user_dir);
    if (!app->user_dir) {
        fprintf(stderr, "frontiers: cannot create the user folder %s\n", config->user_dir ? config->user_dir : "(SDL pref path)");
        return 1;
    }
    char *settings_path = util_path_join(app->user_dir, "settings.json");
    settings_load(&app->settings, settings_path);
    free(settings_path);
    if (config->fullscreen)
        app->settings.fullscreen = true;

    trace(app, "settings");
    /* Game controllers are initialised after the first frame (app_finish_startup). */
    Uint32 flags = SDL_INIT_VIDEO | SDL_INIT_EVENTS;
    skip_doomed_dbus_autolaunch();
    if (SDL_Init(flags) != 0) {
        fprintf(stderr, "frontiers: SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    if (TTF_Init() != 0) {
        fprintf(stderr, "frontiers: TTF_Init: %s\n", TTF_GetError());
        return 1;
    }
    const SDL_version *img = IMG_Linked_Version();
    if (img->major < 2 || (img->major == 2 && img->minor < 6))
        fprintf(stderr, "frontiers: SDL2_image %d.%d.%d is older than 2.6; PNG saving may fail\n", img->major, img->minor, img->patch);
    trace(app, "sdl_init");
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);

    if (app->headless) {
        /* A software renderer on a surface: pixel-deterministic and needs no display. */
        app->ui.canvas = SDL_CreateRGBSurfaceWithFormat(0, app->ui.width, app->ui.height, 32, SDL_PIXELFORMAT_ARGB8888);
        app->ui.renderer = app->ui.canvas ? SDL_CreateSoftwareRenderer(app->ui.canvas) : NULL;
        if (!app->ui.renderer) {
            fprintf(stderr, "frontiers: software renderer: %s\n", SDL_GetError());
            return 1;
        }
    } else {
        /* Hidden until the first frame is drawn (app_run shows it and presents at once), so the
         * window never shows anything but the title screen. No SDL_WINDOW_OPENGL: the GPU
         * renderer adds it itself, and the software path must not create a GL context. */
        Uint32 wflags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_HIDDEN;
        if (app->settings.fullscreen)
            wflags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        app->ui.window = SDL_CreateWindow("Frontiers", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                       app->ui.width, app->ui.height, wflags);
        if (!app->ui.window) {
            fprintf(stderr, "frontiers: cannot open a window: %s\n", SDL_GetError());
            return 1;
        }
        SDL_SetWindowMinimumSize(app->ui.window, 800, 500);
        RenderPick asked = RENDER_PICK_AUTO;
        const char *choice = config->renderer ? config->renderer : getenv("FRONTIERS_RENDERER");
        if (choice && *choice && !renderpick_parse(choice, &asked))
            fprintf(stderr, "frontiers: FRONTIERS_RENDERER=%s is not auto, software or gpu; using auto\n", choice);
        const char *why = NULL;
        RenderPick pick = renderpick_resolve(asked, app->ui.window, &why);
        app->ui.renderer = renderpick_create_renderer(app->ui.window, pick);
        if (getenv("FRONTIERS_TRACE_STARTUP")) {
            SDL_RendererInfo info = {0};
            if (app->ui.renderer)
                SDL_GetRendererInfo(app->ui.renderer, &info);
            fprintf(stderr, "startup renderer %s (%s): SDL %s\n", renderpick_name(pick), why,
                    info.name ? info.name : "none");
        }
        if (!app->ui.renderer) {
            fprintf(stderr, "frontiers: cannot create a renderer: %s\n", SDL_GetError());
            return 1;
        }
        char *icon_path = util_path_join(app->data_dir, "assets/icons/hicolor/64x64/frontiers.png");
        SDL_Surface *icon = icon_path ? IMG_Load(icon_path) : NULL;
        if (icon) {
            SDL_SetWindowIcon(app->ui.window, icon);
            SDL_FreeSurface(icon);
        }
        free(icon_path);
    }
    trace(app, "window");
    SDL_SetRenderDrawBlendMode(app->ui.renderer, SDL_BLENDMODE_BLEND);

    app->ui.theme = calloc(1, sizeof *app->ui.theme);
    char err[512];
    char *i18n_dir = util_path_join(app->data_dir, "assets/i18n");
    app->ui.i18n = i18n_load(i18n_dir, err, sizeof err);
    free(i18n_dir);
    if (err[0])
        log_error(err);
    pick_language(app);
    update_size(app);

    trace(app, "i18n");
    char *fonts_dir = util_path_join(app->data_dir, "assets/fonts");
    app->ui.text = ui_text_create(app->ui.renderer, fonts_dir, app->ui.theme, err, sizeof err);
    free(fonts_dir);
    if (!app->ui.text) {
        fprintf(stderr, "frontiers: no usable font in %s/assets/fonts: %s\n", app->data_dir, err);
        return 1;
    }
    if (err[0])
        log_error(err);

    trace(app, "fonts");
    /* Headless runs count sounds without a device; in play the device (a sound server round
     * trip) opens after the first frame, before any input can ask for a sound. */
    if (app->headless) {
        app->audio = audio_create(NULL);
        audio_set_volume(app->audio, app->settings.volume, app->settings.mute);
    }
    const char *start = config->start_scene ? config->start_scene : "title";
    /* The title screen fades in: its first frame shows the page alone (no pack, no player), so
     * in play the progress store and the packs are opened just after that frame is on screen
     * (app_finish_startup). Every other start, and the headless modes, open them now. */
    app->startup_pending = true;
    if (app->headless || strcmp(start, "title") != 0) {
        open_progress(app);
        app->packs = packset_load(app);
        trace(app, "packs");
    }
    if (!app_push_scene(app, start, config->level)) {
        /* A registered scene that refused to start has said why (a broken level or pack). */
        if (app_scene_lookup(app, start))
            fprintf(stderr, "frontiers: the %s screen cannot start%s%s\n", start,
                    config->level ? " with level " : "", config->level ? config->level : "");
        else
            fprintf(stderr, "frontiers: unknown scene '%s'\n", start);
        return 2;
    }
    trace(app, "scene");
    return 0;
}

void app_finish_startup(App *app)
{
    if (!app->startup_pending)
        return;
    app->startup_pending = false;
    if (!app->store_tried)
        open_progress(app);
    if (!app->packs) {
        app->packs = packset_load(app);
        trace(app, "packs");
    }
    if (!app->audio) {
        char *sounds_dir = util_path_join(app->data_dir, "assets/sounds");
        app->audio = audio_create(sounds_dir);
        free(sounds_dir);
        audio_set_volume(app->audio, app->settings.volume, app->settings.mute);
        trace(app, "audio");
    }
    /* Game controllers: scanning devices costs start-up time, and SDL reports already plugged
     * pads as they are found. Headless runs have none. */
    if (!app->headless && SDL_InitSubSystem(SDL_INIT_GAMECONTROLLER) != 0)
        fprintf(stderr, "frontiers: game controllers unavailable: %s\n", SDL_GetError());
    trace(app, "deferred");
}

static void destroy_scene(App *app, Scene *s)
{
    if (s)
        s->vt->destroy(s, app);
}

void app_shutdown(App *app)
{
    while (app->depth > 0)
        destroy_scene(app, app->stack[--app->depth]);
    packset_free(app->packs);
    if (app->store)
        store_close(app->store);
    audio_destroy(app->audio);
    if (app->ui.background) {
        ui_layer_free(app->ui.background, &app->ui);
        free(app->ui.background);
    }
    ui_text_destroy(app->ui.text);
    i18n_free(app->ui.i18n);
    free(app->ui.theme);
    for (int i = 0; i < app->notice_count; i++)
        free(app->notices[i]);
    if (app->ui.renderer)
        SDL_DestroyRenderer(app->ui.renderer);
    if (app->ui.canvas)
        SDL_FreeSurface(app->ui.canvas);
    if (app->ui.window)
        SDL_DestroyWindow(app->ui.window);
    free(app->data_dir);
    free(app->user_dir);
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
}

const SceneVtable *app_scene_lookup(const App *app, const char *name)
{
    if (!name || !app->config.scenes)
        return NULL;
    for (const SceneVtable *const *s = app->config.scenes; *s; s++)
        if (strcmp((*s)->name, name) == 0)
            return *s;
    return NULL;
}

bool app_push_scene(App *app, const char *name, const char *arg)
{
    const SceneVtable *vt = app_scene_lookup(app, name);
    if (!vt || app->depth >= APP_MAX_SCENES)
        return false;
    Scene *s = vt->create(app, arg);
    if (!s)
        return false;
    s->vt = vt;
    app->stack[app->depth++] = s;
    return true;
}

Scene *app_top(App *app)
{
    return app->depth > 0 ? app->stack[app->depth - 1] : NULL;
}

static void apply_outcome(App *app, SceneOutcome o)
{
    /* A different screen may not paint the whole window: its first frame starts with a clear. */
    if (o.op != SCENE_STAY)
        app->covered_last = false;
    switch (o.op) {
    case SCENE_STAY:
        return;
    case SCENE_QUIT:
        app->quit = true;
        return;
    case SCENE_PUSH:
        if (!app_push_scene(app, o.next, o.arg))
            app_notice(app, "That screen could not be opened.", 4);
        return;
    case SCENE_POP:
        if (app->depth <= 1) {
            app->quit = true;
            return;
        }
        destroy_scene(app, app->stack[--app->depth]);
        if (app_top(app)->vt->resume)
            app_top(app)->vt->resume(app_top(app), app);
        return;
    case SCENE_REPLACE:
    case SCENE_RESET: {
        const SceneVtable *vt = app_scene_lookup(app, o.next);
        if (!vt)
            return;
        /* The argument may live in the scene being destroyed: copy it first. */
        char *arg = o.arg ? util_strdup(o.arg) : NULL;
        if (o.op == SCENE_RESET) {
            while (app->depth > 0)
                destroy_scene(app, app->stack[--app->depth]);
        } else if (app->depth > 0) {
            destroy_scene(app, app->stack[--app->depth]);
        }
        if (!app_push_scene(app, o.next, arg) && app->depth == 0)
            app_push_scene(app, "menu", NULL);
        free(arg);
        return;
    }
    }
}

void app_dispatch(App *app, const Action *action)
{
    if (action->kind == ACTION_FULLSCREEN) {
        app_toggle_fullscreen(app);
        return;
    }
    if (action->kind == ACTION_POINTER_DOWN || action->kind == ACTION_POINTER_MOVE || action->kind == ACTION_POINTER_UP) {
        app->input.pointer_x = action->x;
        app->input.pointer_y = action->y;
        app->input.pointer_down = action->kind == ACTION_POINTER_DOWN || (app->input.pointer_down && action->kind == ACTION_POINTER_MOVE);
    }
    if (action->kind != ACTION_POINTER_MOVE && action->kind != ACTION_RESIZE)
        app->input.last_device = action->device == INPUT_SCRIPT ? app->input.last_device : action->device;
    Scene *top = app_top(app);
    if (!top || !top->vt->action)
        return;
    apply_outcome(app, top->vt->action(top, app, action));
}

void app_toggle_fullscreen(App *app)
{
    app->settings.fullscreen = !app->settings.fullscreen;
    if (app->ui.window)
        SDL_SetWindowFullscreen(app->ui.window, app->settings.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    char *path = util_path_join(app->user_dir, "settings.json");
    settings_save(&app->settings, path);
    free(path);
}

void app_step(App *app, double dt)
{
    app->time += dt;
    Scene *top = app_top(app);
    if (top && top->vt->update)
        apply_outcome(app, top->vt->update(top, app, dt));
    /* Expired notices go. */
    int k = 0;
    for (int i = 0; i < app->notice_count; i++) {
        if (app->notice_until[i] > app->time)
            app->notices[k++] = app->notices[i], app->notice_until[k - 1] = app->notice_until[i];
        else
            free(app->notices[i]);
    }
    app->notice_count = k;
}

static void draw_notices(App *app)
{
    const Theme *t = app->ui.theme;
    int y = app->ui.height - t->margin;
    for (int i = app->notice_count - 1; i >= 0; i--) {
        TextOpts o = {.style = TEXT_BODY, .wrap = app->ui.width * 2 / 3, .max_lines = 3};
        const TextBlock *b = ui_text_get(app->ui.text, app->notices[i], &o);
        int pad = t->unit * 2;
        SDL_Rect box = {(app->ui.width - b->w) / 2 - pad, y - b->h - 2 * pad, b->w + 2 * pad, b->h + 2 * pad};
        double left = app->notice_until[i] - app->time;
        Uint8 alpha = (Uint8)(left < 0.5 ? 255 * (left / 0.5) : 255);
        draw_rounded(app->ui.renderer, box, t->radius, color_alpha(t->ink, (Uint8)(alpha * 0.92)));
        ui_text_draw(app->ui.text, app->notices[i], &o, box.x + pad, box.y + pad, color_alpha(t->on_accent, alpha));
        y = box.y - t->unit;
    }
}

void app_draw(App *app)
{
    /* Every screen paints the whole window (ui_background or a cached layer); clearing it first
     * would fill 2 million pixels for nothing at 1920x1080. The clear stays for the first frame
     * of a screen and after a resize or a settings change, until the screen has shown that it
     * covers the window. */
    if (!app->covered_last) {
        SDL_SetRenderDrawColor(app->ui.renderer, app->ui.theme->paper.r, app->ui.theme->paper.g, app->ui.theme->paper.b, 255);
        SDL_RenderClear(app->ui.renderer);
    }
    app->ui.frame_covered = false;
    /* Overlays draw over the scene below them. */
    int first = app->depth - 1;
    while (first > 0 && app->stack[first]->vt->overlay)
        first--;
    for (int i = first < 0 ? 0 : first; i < app->depth; i++)
        if (app->stack[i]->vt->draw)
            app->stack[i]->vt->draw(app->stack[i], app);
    draw_notices(app);
    ui_text_end_frame(app->ui.text);
    app->covered_last = app->ui.frame_covered;
    app->frame++;
}

/* --- SDL events to abstract actions ------------------------------------------------------ */

int app_buzzer_team_for_key(const App *app, SDL_Keycode key, int *button)
{
    /* Team key sets from the settings (defaults 1-4, 7-0, Q-R, U-P, A-F, J-;, Z-V, M-/). */
    for (int t = 0; t < SETTINGS_TEAMS; t++)
        for (int b = 0; b < 4; b++)
            if (SDL_GetKeyFromName(app->settings.buzzer_keys[t][b]) == key) {
                *button = b + 1;
                return t;
            }
    return -1;
}

static int controller_slot(SDL_JoystickID id)
{
    /* Team order follows the order controllers were plugged in (player index). */
    SDL_GameController *gc = SDL_GameControllerFromInstanceID(id);
    int idx = gc ? SDL_GameControllerGetPlayerIndex(gc) : -1;
    return idx >= 0 ? idx : (int)id;
}

static int translate(App *app, const SDL_Event *e, Action *out, int max)
{
    int n = 0;
    Action a = {.kind = ACTION_NONE, .controller = -1};
    switch (e->type) {
    case SDL_QUIT:
        app->quit = true;
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            update_size(app);
            a.kind = ACTION_RESIZE;
            a.x = app->ui.width;
            a.y = app->ui.height;
        }
        break;
    case SDL_RENDER_TARGETS_RESET:
        /* Render targets lost their content: cached layers are redrawn. */
        ui_text_flush(app->ui.text);
        app->ui.look_epoch++;
        app->covered_last = false;
        break;
    case SDL_RENDER_DEVICE_RESET:
        /* Every texture is lost: text is rendered again and layers make new textures (the old
         * ones go with the renderer). */
        ui_text_flush(app->ui.text);
        app->ui.render_epoch++;
        app->ui.look_epoch++;
        app->covered_last = false;
        break;
    case SDL_KEYDOWN: {
        SDL_Keycode k = e->key.keysym.sym;
        bool alt = (e->key.keysym.mod & KMOD_ALT) != 0;
        bool shift = (e->key.keysym.mod & KMOD_SHIFT) != 0;
        a.device = INPUT_KEYBOARD;
        if (app->input.buzzer_mode && !e->key.repeat) {
            int button = 0;
            int team = app_buzzer_team_for_key(app, k, &button);
            if (team >= 0) {
                a.kind = ACTION_BUZZER;
                a.team = team;
                a.number = button;
                break;
            }
        }
        if (k == SDLK_F11 || ((k == SDLK_RETURN || k == SDLK_KP_ENTER) && alt))
            a.kind = ACTION_FULLSCREEN;
        else if (k == SDLK_UP) a.kind = ACTION_UP;
        else if (k == SDLK_DOWN) a.kind = ACTION_DOWN;
        else if (k == SDLK_LEFT) a.kind = ACTION_LEFT;
        else if (k == SDLK_RIGHT) a.kind = ACTION_RIGHT;
        else if (k == SDLK_TAB) a.kind = shift ? ACTION_PREV : ACTION_NEXT;
        else if (k == SDLK_RETURN || k == SDLK_KP_ENTER) a.kind = ACTION_CONFIRM;
        else if (k == SDLK_SPACE && !app->input.text_input) a.kind = ACTION_CONFIRM;
        else if (k == SDLK_ESCAPE || k == SDLK_AC_BACK) a.kind = ACTION_BACK;
        else if (k == SDLK_BACKSPACE) a.kind = app->input.text_input ? ACTION_BACKSPACE : ACTION_BACK;
        else if (k == SDLK_DELETE) a.kind = ACTION_DELETE;
        else if (k == SDLK_PAGEUP) a.kind = ACTION_PAGE_UP;
        else if (k == SDLK_PAGEDOWN) a.kind = ACTION_PAGE_DOWN;
        else if (!app->input.text_input && k >= SDLK_1 && k <= SDLK_4) {
            a.kind = ACTION_NUMBER;
            a.number = (int)(k - SDLK_0);
        } else if (!app->input.text_input && k >= SDLK_KP_1 && k <= SDLK_KP_4) {
            a.kind = ACTION_NUMBER;
            a.number = (int)(k - SDLK_KP_1) + 1;
        } else if (!app->input.text_input) {
            a.kind = ACTION_KEY;
            a.key = (int)k;
        }
        break;
    }
    case SDL_TEXTINPUT:
        if (app->input.text_input) {
            a.kind = ACTION_TEXT;
            a.device = INPUT_KEYBOARD;
            snprintf(a.text, sizeof a.text, "%s", e->text.text);
        }
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEMOTION:
        if (e->type != SDL_MOUSEMOTION && e->button.which == SDL_TOUCH_MOUSEID)
            break;   /* touch is handled from the finger events */
        if (e->type == SDL_MOUSEMOTION && e->motion.which == SDL_TOUCH_MOUSEID)
            break;
        a.device = INPUT_MOUSE;
        a.kind = e->type == SDL_MOUSEBUTTONDOWN ? ACTION_POINTER_DOWN : e->type == SDL_MOUSEBUTTONUP ? ACTION_POINTER_UP : ACTION_POINTER_MOVE;
        a.x = (int)((e->type == SDL_MOUSEMOTION ? e->motion.x : e->button.x) * app->dpi_scale);
        a.y = (int)((e->type == SDL_MOUSEMOTION ? e->motion.y : e->button.y) * app->dpi_scale);
        if (e->type != SDL_MOUSEMOTION && e->button.button != SDL_BUTTON_LEFT) {
            if (e->type == SDL_MOUSEBUTTONUP && e->button.button == SDL_BUTTON_X1)
                a.kind = ACTION_BACK;
            else
                a.kind = ACTION_NONE;
        }
        break;
    case SDL_MOUSEWHEEL:
        a.kind = ACTION_SCROLL;
        a.device = INPUT_MOUSE;
        a.dy = e->wheel.preciseY;
        a.x = app->input.pointer_x;
        a.y = app->input.pointer_y;
        break;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        a.device = INPUT_TOUCH;
        a.kind = e->type == SDL_FINGERDOWN ? ACTION_POINTER_DOWN : e->type == SDL_FINGERUP ? ACTION_POINTER_UP : ACTION_POINTER_MOVE;
        a.x = (int)(e->tfinger.x * app->ui.width);
        a.y = (int)(e->tfinger.y * app->ui.height);
        break;
    case SDL_MULTIGESTURE:
        /* A two-finger pinch zooms like the wheel, about the fingers' centre (maps). */
        if (e->mgesture.numFingers == 2 && (e->mgesture.dDist > 0.002f || e->mgesture.dDist < -0.002f)) {
            a.kind = ACTION_SCROLL;
            a.device = INPUT_TOUCH;
            a.dy = e->mgesture.dDist * 12.0f;
            a.x = (int)(e->mgesture.x * app->ui.width);
            a.y = (int)(e->mgesture.y * app->ui.height);
        }
        break;
    case SDL_CONTROLLERDEVICEADDED: {
        SDL_GameController *gc = SDL_GameControllerOpen(e->cdevice.which);
        if (gc && SDL_GameControllerGetPlayerIndex(gc) < 0)
            SDL_GameControllerSetPlayerIndex(gc, SDL_NumJoysticks() - 1);
        break;
    }
    case SDL_CONTROLLERDEVICEREMOVED: {
        SDL_GameController *gc = SDL_GameControllerFromInstanceID(e->cdevice.which);
        if (gc)
            SDL_GameControllerClose(gc);
        break;
    }
    case SDL_CONTROLLERBUTTONDOWN: {
        Uint8 b = e->cbutton.button;
        a.device = INPUT_GAMEPAD;
        a.controller = e->cbutton.which;
        if (app->input.buzzer_mode && (b == SDL_CONTROLLER_BUTTON_A || b == SDL_CONTROLLER_BUTTON_B ||
                                       b == SDL_CONTROLLER_BUTTON_X || b == SDL_CONTROLLER_BUTTON_Y)) {
            a.kind = ACTION_BUZZER;
            a.team = controller_slot(e->cbutton.which);
            a.number = b == SDL_CONTROLLER_BUTTON_A ? 1 : b == SDL_CONTROLLER_BUTTON_B ? 2 : b == SDL_CONTROLLER_BUTTON_X ? 3 : 4;
            break;
        }
        if (b == SDL_CONTROLLER_BUTTON_A) a.kind = ACTION_CONFIRM;
        else if (b == SDL_CONTROLLER_BUTTON_B) a.kind = ACTION_BACK;
        else if (b == SDL_CONTROLLER_BUTTON_START) a.kind = ACTION_MENU;
        else if (b == SDL_CONTROLLER_BUTTON_DPAD_UP) a.kind = ACTION_UP;
        else if (b == SDL_CONTROLLER_BUTTON_DPAD_DOWN) a.kind = ACTION_DOWN;
        else if (b == SDL_CONTROLLER_BUTTON_DPAD_LEFT) a.kind = ACTION_LEFT;
        else if (b == SDL_CONTROLLER_BUTTON_DPAD_RIGHT) a.kind = ACTION_RIGHT;
        else if (b == SDL_CONTROLLER_BUTTON_RIGHTSHOULDER) a.kind = ACTION_NEXT;
        else if (b == SDL_CONTROLLER_BUTTON_LEFTSHOULDER) a.kind = ACTION_PREV;
        else if (b == SDL_CONTROLLER_BUTTON_X) { a.kind = ACTION_NUMBER; a.number = 3; }
        else if (b == SDL_CONTROLLER_BUTTON_Y) { a.kind = ACTION_NUMBER; a.number = 4; }
        break;
    }
    case SDL_CONTROLLERAXISMOTION: {
        /* The left stick navigates like the d-pad, once per push past the dead zone. */
        static const int dead = 20000;
        Sint16 v = e->caxis.value;
        a.device = INPUT_GAMEPAD;
        a.controller = e->caxis.which;
        if (e->caxis.axis == SDL_CONTROLLER_AXIS_LEFTY || e->caxis.axis == SDL_CONTROLLER_AXIS_LEFTX) {
            bool y = e->caxis.axis == SDL_CONTROLLER_AXIS_LEFTY;
            int *latch = y ? &app->input.stick_y : &app->input.stick_x;
            int dir = v > dead ? 1 : v < -dead ? -1 : 0;
            if (dir != 0 && *latch == 0)
                a.kind = y ? (dir > 0 ? ACTION_DOWN : ACTION_UP) : (dir > 0 ? ACTION_RIGHT : ACTION_LEFT);
            *latch = dir;
        }
        break;
    }
    default:
        break;
    }
    if (a.kind != ACTION_NONE && n < max)
        out[n++] = a;
    return n;
}

/* The first frame: drawn while the window is hidden, then the window is shown and the frame
 * presented at once, so what appears is the title screen, never an empty window. What the
 * first frame did not need is loaded after it (app_finish_startup), before any input is read. */
static void first_frame(App *app)
{
    app_draw(app);
    /* SDL batches drawing until the present: run it now, so the frame is really drawn before
     * the window shows and only its hand-over to the display server is left after the map. */
    SDL_RenderFlush(app->ui.renderer);
    trace(app, "first_draw");
    SDL_ShowWindow(app->ui.window);
    trace(app, "shown");
    SDL_RenderPresent(app->ui.renderer);
    trace(app, "present");
    if (getenv("FRONTIERS_TRACE_STARTUP")) {
        /* On the wall clock too, so tests/bench/peers.sh can time it from before the exec. */
        struct timespec now;
        timespec_get(&now, TIME_UTC);
        fprintf(stderr, "startup present_unix_ms %.3f\n", (double)now.tv_sec * 1000.0 + (double)now.tv_nsec / 1e6);
    }
    double first_s = plat_monotonic_seconds();
    app_finish_startup(app);
    if (getenv("FRONTIERS_EXIT_AFTER_FIRST_FRAME")) {
        /* The start-up benchmark (tests/bench/startup.sh): time to the first presented frame,
         * then to the end of the deferred loading, and the peak memory by then. */
        double done_s = plat_monotonic_seconds();
        printf("first_frame_ms %.2f\nstartup_done_ms %.2f\n", (first_s - app->config.start_seconds) * 1000.0,
               (done_s - app->config.start_seconds) * 1000.0);
        fflush(stdout);
        app->quit = true;
    }
}

int app_run(App *app)
{
    first_frame(app);
    Uint64 freq = SDL_GetPerformanceFrequency();
    Uint64 last = SDL_GetPerformanceCounter();
    double acc = 0;
    bool text_on = false;
    double rate_from = getenv("FRONTIERS_TRACE_STARTUP") ? plat_monotonic_seconds() : 0;
    double rate_cpu = plat_cpu_seconds();
    while (!app->quit && app->depth > 0) {
        SDL_Event e;
        /* Idle when minimised or hidden: block on events instead of spinning. */
        Uint32 wf = SDL_GetWindowFlags(app->ui.window);
        if (wf & (SDL_WINDOW_MINIMIZED | SDL_WINDOW_HIDDEN)) {
            if (SDL_WaitEventTimeout(&e, 250))
                SDL_PushEvent(&e);
            last = SDL_GetPerformanceCounter();
        }
        while (SDL_PollEvent(&e)) {
            Action acts[2];
            int n = translate(app, &e, acts, 2);
            for (int i = 0; i < n && !app->quit; i++)
                app_dispatch(app, &acts[i]);
        }
        if (app->input.text_input != text_on) {
            text_on = app->input.text_input;
            if (text_on)
                SDL_StartTextInput();
            else
                SDL_StopTextInput();
        }
        Uint64 now = SDL_GetPerformanceCounter();
        acc += (double)(now - last) / (double)freq;
        last = now;
        if (acc > 0.25)
            acc = 0.25;   /* after a stall, do not try to catch up for seconds */
        while (acc >= STEP && !app->quit) {
            app_step(app, STEP);
            acc -= STEP;
        }
        app_draw(app);
        SDL_RenderPresent(app->ui.renderer);
        if (rate_from > 0 && app->frame % 120 == 0) {
            /* With FRONTIERS_TRACE_STARTUP: the frame rate and CPU per frame in the window
             * (everything drawn and presented, all threads), every 120 frames. */
            double wall = plat_monotonic_seconds(), cpu = plat_cpu_seconds();
            fprintf(stderr, "frames %d in %.2f s: %.1f fps, cpu %.2f ms a frame\n", 120, wall - rate_from,
                    120 / (wall - rate_from), (cpu - rate_cpu) * 1000.0 / 120);
            rate_from = wall;
            rate_cpu = cpu;
        }
        /* vsync normally paces us; without it, sleep out the rest of the frame. */
        double spent = (double)(SDL_GetPerformanceCounter() - now) / (double)freq;
        if (spent < STEP * 0.5)
            SDL_Delay((Uint32)((STEP - spent) * 1000 * 0.9));
    }
    return 0;
}
