/* Headless screenshot and replay runners. */
#include "app/headless.h"
#include "platform/audio.h"
#include "app/replay.h"
#include "app/scene.h"
#include "ui/text.h"
#include "ui/theme.h"

#include <SDL_image.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

#define STEP (1.0 / 60.0)

bool headless_resize(App *app, int w, int h)
{
    SDL_Surface *canvas = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = canvas ? SDL_CreateSoftwareRenderer(canvas) : NULL;
    if (!r) {
        SDL_FreeSurface(canvas);
        return false;
    }
    ui_text_flush(app->ui.text);
    /* Cached layers' textures go with the old renderer (ui/layer.h). */
    app->ui.render_epoch++;
    SDL_DestroyRenderer(app->ui.renderer);
    SDL_FreeSurface(app->ui.canvas);
    app->ui.canvas = canvas;
    app->ui.renderer = r;
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    ui_text_set_renderer(app->ui.text, r);
    app->ui.width = w;
    app->ui.height = h;
    app_apply_settings(app);
    return true;
}

static int save_png(App *app, const char *path)
{
    SDL_RenderPresent(app->ui.renderer);
    /* The picture is opaque; SDL's blitters may leave 253-254 in the alpha of blended pixels. */
    SDL_Surface *c = app->ui.canvas;
    if (c && c->format->BytesPerPixel == 4 && c->format->Amask && SDL_LockSurface(c) == 0) {
        for (int y = 0; y < c->h; y++) {
            Uint32 *row = (Uint32 *)((Uint8 *)c->pixels + (size_t)y * (size_t)c->pitch);
            for (int x = 0; x < c->w; x++)
                row[x] |= c->format->Amask;
        }
        SDL_UnlockSurface(c);
    }
    if (IMG_SavePNG(app->ui.canvas, path) != 0) {
        fprintf(stderr, "frontiers: cannot write %s: %s\n", path, IMG_GetError());
        return 1;
    }
    return 0;
}

int headless_screenshot(App *app, int frames, const char *out_png)
{
    if (frames < 1)
        frames = 1;
    for (int i = 0; i < frames && !app->quit; i++) {
        app_step(app, STEP);
        if (i + 1 == frames || i % 8 == 0)
            app_draw(app);
    }
    return save_png(app, out_png);
}

/* The answer button (1-4) a scripted pad press stands for: a b x y, or 0 for other buttons. */
static int pad_buzzer(const Action *a)
{
    if (a->kind == ACTION_CONFIRM)
        return 1;
    if (a->kind == ACTION_BACK)
        return 2;
    if (a->kind == ACTION_NUMBER && (a->number == 3 || a->number == 4))
        return a->number;
    return 0;
}

static int buzzer_key(const App *app, const Action *a)
{
    int button = 0;
    return app_buzzer_team_for_key(app, (SDL_Keycode)a->key, &button);
}

int headless_replay(App *app, const Replay *rp, const char *shot_png)
{
    size_t next = 0;
    long frame = 0;
    bool interrupted = false;
    for (; frame <= rp->end_frame && !app->quit && app->depth > 0; frame++) {
        /* SIGINT/SIGTERM become SDL_QUIT; nothing else reads events here, so look every
         * 60 frames (what was answered is already committed). */
        if (frame % 60 == 0 && SDL_QuitRequested()) {
            interrupted = true;
            break;
        }
        while (next < rp->count && rp->events[next].frame == frame && !app->quit) {
            const Action *a = &rp->events[next].action;
            if (a->kind == ACTION_RESIZE) {
                if (!headless_resize(app, a->x, a->y))
                    fprintf(stderr, "frontiers: replay: cannot resize to %dx%d\n", a->x, a->y);
                Action ra = *a;
                app_dispatch(app, &ra);
            } else if (app->input.buzzer_mode && a->device == INPUT_GAMEPAD && pad_buzzer(a) > 0) {
                /* As in play (app.c): in buzzer mode a controller's face buttons are its team's
                 * answer buttons; a script's controller is slot 0. */
                Action b = *a;
                b.number = pad_buzzer(a);
                b.kind = ACTION_BUZZER;
                b.team = a->controller < 0 ? 0 : a->controller;
                app_dispatch(app, &b);
            } else if (app->input.buzzer_mode && a->kind == ACTION_KEY && buzzer_key(app, a) >= 0) {
                /* As in play (app.c): in buzzer mode a key of a team's set is that team's buzzer. */
                Action b = *a;
                b.team = app_buzzer_team_for_key(app, (SDL_Keycode)a->key, &b.number);
                b.kind = ACTION_BUZZER;
                app_dispatch(app, &b);
            } else {
                app_dispatch(app, a);
            }
            next++;
        }
        app_step(app, STEP);
        /* Drawing every frame keeps draw code exercised (layout, text cache) as in play. */
        app_draw(app);
    }
    int status = 0;
    if (interrupted) {
        fprintf(stderr, "frontiers: replay: stopped by a signal at frame %ld\n", frame);
        status = 1;
    } else if (shot_png) {
        status = save_png(app, shot_png);
    }
    cJSON *out = cJSON_CreateObject();
    cJSON_AddNumberToObject(out, "frames", (double)frame);
    cJSON_AddBoolToObject(out, "quit", app->quit);
    Scene *top = app_top(app);
    cJSON_AddStringToObject(out, "scene", top ? top->vt->name : "");
    cJSON *stack = cJSON_AddArrayToObject(out, "stack");
    for (int i = 0; i < app->depth; i++)
        cJSON_AddItemToArray(stack, cJSON_CreateString(app->stack[i]->vt->name));
    cJSON_AddStringToObject(out, "profile", app->profile_name);
    cJSON_AddStringToObject(out, "lang", app->lang);
    cJSON_AddNumberToObject(out, "sounds", (double)audio_played(app->audio));
    cJSON_AddNumberToObject(out, "notices", app->notice_count);
    if (top && top->vt->report) {
        cJSON *rep = cJSON_AddObjectToObject(out, "report");
        top->vt->report(top, app, rep);
    }
    char *json = cJSON_PrintUnformatted(out);
    printf("%s\n", json ? json : "{}");
    fflush(stdout);
    free(json);
    cJSON_Delete(out);
    return status;
}
