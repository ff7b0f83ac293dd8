/* Frontiers entry point: the command line. `frontiers` plays; subcommands validate packs,
 * render screenshots, replay scripted input, trace the memory model and export results. This
 * is the one place that turns a fatal error into an exit status. */
#include "base/compiler.h"
#include "cli/cli.h"
#include "app/app.h"
#include "app/headless.h"
#include "platform/renderpick.h"
#include "app/replay.h"
#include "app/scene.h"
#include "scenes/scenes.h"
#include "base/os.h"
#include "base/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage[] =
    "Usage: frontiers [OPTIONS]                 play\n"
    "       frontiers screenshot --scene NAME --out FILE.png [--level ID] [--frames N] [OPTIONS]\n"
    "       frontiers replay FILE [--out FILE.png] [OPTIONS]\n"
    "       frontiers validate PATH...           check packs, levels and GeoJSON\n"
    "       frontiers import-csv FILE.csv --out DIR\n"
    "       frontiers memory-trace --grades 3,3,1,3 --days 0,1,4,5 [--retention 0.9]\n"
    "       frontiers export-results --out FILE.csv [--profile NAME]\n"
    "       frontiers export-profile NAME --out FILE.json   back up or move a profile\n"
    "       frontiers import-profile FILE.json [--as NAME]\n"
    "\n"
    "Options:\n"
    "  --fullscreen         start in fullscreen (F11 or Alt+Enter toggles)\n"
    "  --lang en|ru|zh      interface language (default: settings, then the system locale)\n"
    "  --profile NAME       play as this profile (created if missing)\n"
    "  --scale F            text scale, 1.0 to 2.0 (default: settings)\n"
    "  --size WxH           window or image size in pixels (default 1280x720)\n"
    "  --data-dir DIR       game data: assets, content, levels\n"
    "  --user-dir DIR       progress database and settings\n"
    "  --scene NAME         start at this screen\n"
    "  --level ID           level to play, for scenes that play one\n"
    "  --seed N             random seed (default: the clock; 1 when headless)\n"
    "  --renderer R         auto, software or gpu (default: $FRONTIERS_RENDERER, then auto:\n"
    "                       software on X11 without a GPU, where OpenGL would be software too)\n"
    "  --help, --version\n"
    "\n"
    "Environment: FRONTIERS_DATA_DIR, FRONTIERS_USER_DIR, FRONTIERS_RENDERER. Data is searched\n"
    "in --data-dir, FRONTIERS_DATA_DIR, the source tree of a build folder, then\n"
    "<prefix>/share/frontiers.\n";

static int usage_error(const char *fmt, ...) FRONTIERS_PRINTF(1, 2);
static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "frontiers: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, " (see frontiers --help)\n");
    va_end(ap);
    return 2;
}

typedef struct Options {
    AppConfig app;
    const char *out;
    const char *replay_file;
    int frames;
    bool size_given;
} Options;

static bool parse_size(const char *s, int *w, int *h)
{
    char extra;
    return sscanf(s, "%dx%d%c", w, h, &extra) == 2 && *w >= 320 && *h >= 240 && *w <= 7680 && *h <= 4320;
}

/* Parses the options shared by play, screenshot and replay. Returns 0 or an exit status. */
static int parse_options(int argc, char **argv, int start, Options *o, bool allow_positional)
{
    for (int i = start; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        bool takes = strcmp(a, "--lang") == 0 || strcmp(a, "--profile") == 0 || strcmp(a, "--scale") == 0 ||
                     strcmp(a, "--size") == 0 || strcmp(a, "--data-dir") == 0 || strcmp(a, "--user-dir") == 0 ||
                     strcmp(a, "--scene") == 0 || strcmp(a, "--level") == 0 || strcmp(a, "--seed") == 0 ||
                     strcmp(a, "--out") == 0 || strcmp(a, "--frames") == 0 || strcmp(a, "--renderer") == 0;
        if (takes && !v)
            return usage_error("option %s needs a value", a);
        if (strcmp(a, "--fullscreen") == 0) {
            o->app.fullscreen = true;
        } else if (strcmp(a, "--lang") == 0) {
            if (strcmp(v, "en") && strcmp(v, "ru") && strcmp(v, "zh"))
                return usage_error("unknown language '%s' (en, ru or zh)", v);
            o->app.lang = v;
        } else if (strcmp(a, "--profile") == 0) {
            if (!*v || strlen(v) > 32)
                return usage_error("profile name '%s' must be 1 to 32 characters", v);
            o->app.profile = v;
        } else if (strcmp(a, "--scale") == 0) {
            char *end;
            double s = strtod(v, &end);
            if (*end || s < 1.0 || s > 2.0)
                return usage_error("--scale takes a number from 1.0 to 2.0, not '%s'", v);
            o->app.scale = s;
        } else if (strcmp(a, "--size") == 0) {
            if (!parse_size(v, &o->app.width, &o->app.height))
                return usage_error("--size takes WxH between 320x240 and 7680x4320, not '%s'", v);
            o->size_given = true;
        } else if (strcmp(a, "--data-dir") == 0) {
            o->app.data_dir = v;
        } else if (strcmp(a, "--user-dir") == 0) {
            o->app.user_dir = v;
        } else if (strcmp(a, "--scene") == 0) {
            if (!scene_lookup(v))
                return usage_error("unknown scene '%s'", v);
            o->app.start_scene = v;
        } else if (strcmp(a, "--level") == 0) {
            o->app.level = v;
        } else if (strcmp(a, "--seed") == 0) {
            char *end;
            unsigned long long s = strtoull(v, &end, 10);
            if (*end || !*v)
                return usage_error("--seed takes a whole number, not '%s'", v);
            o->app.seed = s;
        } else if (strcmp(a, "--renderer") == 0) {
            RenderPick pick;
            if (!renderpick_parse(v, &pick))
                return usage_error("--renderer takes auto, software or gpu, not '%s'", v);
            o->app.renderer = v;
        } else if (strcmp(a, "--out") == 0) {
            o->out = v;
        } else if (strcmp(a, "--frames") == 0) {
            char *end;
            long f = strtol(v, &end, 10);
            if (*end || f < 1 || f > 100000)
                return usage_error("--frames takes a number from 1 to 100000, not '%s'", v);
            o->frames = (int)f;
        } else if (a[0] == '-' && a[1]) {
            return usage_error("unknown option '%s'", a);
        } else if (allow_positional && !o->replay_file) {
            o->replay_file = a;
        } else {
            return usage_error("unexpected argument '%s'", a);
        }
        if (takes)
            i++;
    }
    return 0;
}

static void headless_environment(void)
{
    /* No display needed: SDL's dummy drivers, unless the caller chose others. */
    SDL_setenv("SDL_VIDEODRIVER", "dummy", 0);
    SDL_setenv("SDL_AUDIODRIVER", "dummy", 0);
}

static int run_screenshot(int argc, char **argv)
{
    Options o = {.frames = 90};
    o.app.run_mode = APP_RUN_SCREENSHOT;
    int rc = parse_options(argc, argv, 2, &o, false);
    if (rc)
        return rc;
    if (!o.out)
        return usage_error("screenshot needs %s", "--out FILE.png");
    if (!o.app.start_scene)
        return usage_error("screenshot needs %s", "--scene NAME");
    headless_environment();
    App app;
    o.app.scenes = scene_all();
    rc = app_init(&app, &o.app);
    if (rc == 0)
        rc = headless_screenshot(&app, o.frames, o.out);
    app_shutdown(&app);
    return rc;
}

static int run_replay(int argc, char **argv)
{
    Options o = {0};
    o.app.run_mode = APP_RUN_REPLAY;
    int rc = parse_options(argc, argv, 2, &o, true);
    if (rc)
        return rc;
    if (!o.replay_file)
        return usage_error("replay needs %s", "a FILE");
    char *text = NULL;
    size_t len = 0;
    if (util_read_file(o.replay_file, 16u << 20, &text, &len) != UTIL_OK) {
        fprintf(stderr, "frontiers: cannot read %s\n", o.replay_file);
        return 1;
    }
    Replay rp;
    char err[256];
    if (replay_parse(text, len, &rp, err, sizeof err) != 0) {
        fprintf(stderr, "%s:%s\n", o.replay_file, strncmp(err, "line ", 5) == 0 ? err + 5 : err);
        free(text);
        return 1;
    }
    free(text);
    /* Header lines fill what the command line did not give. */
    if (!o.size_given && rp.width) {
        o.app.width = rp.width;
        o.app.height = rp.height;
    }
    if (!o.app.lang && rp.lang[0])
        o.app.lang = rp.lang;
    if (!o.app.start_scene && rp.scene[0])
        o.app.start_scene = rp.scene;
    if (!o.app.level && rp.level[0])
        o.app.level = rp.level;
    if (!o.app.profile && rp.profile[0])
        o.app.profile = rp.profile;
    if (!o.app.seed && rp.seed)
        o.app.seed = rp.seed;
    if (o.app.start_scene && !scene_lookup(o.app.start_scene)) {
        replay_free(&rp);
        return usage_error("unknown scene '%s'", o.app.start_scene);
    }
    headless_environment();
    App app;
    o.app.scenes = scene_all();
    rc = app_init(&app, &o.app);
    if (rc == 0)
        rc = headless_replay(&app, &rp, o.out);
    app_shutdown(&app);
    replay_free(&rp);
    return rc;
}

int main(int argc, char **argv)
{
    double started = plat_monotonic_seconds();
    if (argc > 1) {
        const char *cmd = argv[1];
        if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
            fputs(usage, stdout);
            return 0;
        }
        if (strcmp(cmd, "--version") == 0) {
            printf("frontiers %s\n", FRONTIERS_VERSION);
            return 0;
        }
        if (strcmp(cmd, "screenshot") == 0)
            return run_screenshot(argc, argv);
        if (strcmp(cmd, "replay") == 0)
            return run_replay(argc, argv);
        if (strcmp(cmd, "validate") == 0)
            return cli_validate(argc - 2, argv + 2);
        if (strcmp(cmd, "import-csv") == 0)
            return cli_import_csv(argc - 2, argv + 2);
        if (strcmp(cmd, "memory-trace") == 0)
            return cli_memory_trace(argc - 2, argv + 2);
        if (strcmp(cmd, "export-results") == 0)
            return cli_export_results(argc - 2, argv + 2);
        if (strcmp(cmd, "export-profile") == 0)
            return cli_export_profile(argc - 2, argv + 2);
        if (strcmp(cmd, "import-profile") == 0)
            return cli_import_profile(argc - 2, argv + 2);
        if (cmd[0] != '-')
            return usage_error("unknown command '%s'", cmd);
    }
    Options o = {0};
    o.app.run_mode = APP_RUN_PLAY;
    o.app.start_seconds = started;
    int rc = parse_options(argc, argv, 1, &o, false);
    if (rc)
        return rc;
    App app;
    o.app.scenes = scene_all();
    rc = app_init(&app, &o.app);
    if (rc == 0)
        rc = app_run(&app);
    app_shutdown(&app);
    return rc;
}
