/* What the ui layer draws with: the renderer and its target, the text system, the theme, the
 * string tables and the input state the widgets read (focus rings, hover). The app owns one and
 * hands it to every ui call; ui/ never sees App, so it does not depend on the shell above it. */
#ifndef FRONTIERS_UI_CONTEXT_H
#define FRONTIERS_UI_CONTEXT_H

#include <SDL.h>
#include <stdbool.h>

#include "content/i18n.h"
#include "content/settings.h"
#include "platform/input.h"

struct TextSystem;
struct Theme;
struct UiLayer;

typedef struct UiContext {
    SDL_Window *window;
    SDL_Renderer *renderer;
    SDL_Surface *canvas;        /* headless: the surface the software renderer draws on */
    int width, height;          /* drawable size in pixels */
    struct TextSystem *text;
    struct Theme *theme;
    struct I18n *i18n;
    const char *lang;           /* the language code the screens show (the app's) */
    const InputState *input;    /* the app's input state */
    const Settings *settings;   /* the app's settings */
    /* Drawing caches (ui/layer.h). render_epoch changes when the renderer is replaced or loses
     * its textures; look_epoch when the size, language, theme or text scale change: cached
     * pictures made under another epoch are redrawn. */
    unsigned render_epoch;
    unsigned look_epoch;
    struct UiLayer *background;   /* the paper background (ui_background) */
    /* Set when something painted the whole window this frame (the background or a full layer);
     * when the previous frame of the same screen did, the frame starts without a clear. */
    bool frame_covered;
} UiContext;

/* Localised UI string (the key itself when missing). */
static inline const char *ui_tr(const UiContext *ui, const char *key)
{
    return i18n_get(ui->i18n, key);
}

#endif
