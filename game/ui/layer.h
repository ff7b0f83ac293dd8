/* Cached layers: a full-window picture drawn once into a render-target texture and copied to the
 * screen each frame until what it shows changes. The background and the static part of a screen
 * (panels, shadows, text) cost one opaque copy per frame instead of thousands of blended pixels.
 *
 * A layer is redrawn when its key changes (the caller hashes the state the picture depends on),
 * when the window size, language, theme or text scale change (ui->look_epoch), and when the
 * renderer loses or replaces its textures (ui->render_epoch). The texture is made only once a
 * picture holds still for two frames in a row: until then (a screen's first frame, a fly-in
 * whose key changes every frame) the content is drawn straight to the screen, so the first
 * frame of a start-up pays for no window-sized texture. Without render targets the content is
 * drawn straight to the screen every frame, so callers need no second path:
 *
 *     if (ui_layer_begin(&s->layer, ui, key)) {
 *         ... draw what does not move, covering the whole window ...
 *         ui_layer_end(&s->layer, ui);
 *     }
 *     ui_layer_draw(&s->layer, ui);
 *     ... draw what moves ... */
#ifndef FRONTIERS_UI_LAYER_H
#define FRONTIERS_UI_LAYER_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "ui/context.h"

typedef struct UiLayer {
    SDL_Texture *texture;
    SDL_Texture *prev_target;  /* restored by ui_layer_end (layers nest) */
    unsigned render_epoch;     /* ui->render_epoch the texture was made under */
    unsigned look_epoch;       /* ui->look_epoch the content was drawn under */
    int w, h;
    uint64_t key;
    bool valid;                /* the texture holds the content for key */
    bool drawing;              /* between begin and end */
    bool direct;               /* no render target: content goes straight to the screen */
    bool pass;                 /* this frame's content goes straight to the screen */
    bool seen;                 /* seen_key holds the key of the last frame drawn */
    uint64_t seen_key;
    unsigned long redraws;     /* times the content was drawn (tests, benchmarks) */
} UiLayer;

/* True when the caller must draw the layer's content now (then call ui_layer_end); false when
 * the cached picture is current. The content is drawn in window coordinates and must cover the
 * whole window (the layer is copied without blending). */
bool ui_layer_begin(UiLayer *layer, UiContext *ui, uint64_t key);
void ui_layer_end(UiLayer *layer, UiContext *ui);
/* Copies the layer to the current target (the screen, or an enclosing layer). */
void ui_layer_draw(UiLayer *layer, UiContext *ui);
/* Forces a redraw at the next begin. */
void ui_layer_invalidate(UiLayer *layer);
/* Releases the texture; the layer may be used again afterwards. */
void ui_layer_free(UiLayer *layer, UiContext *ui);

/* FNV-1a helpers for building keys. */
static inline uint64_t ui_key_mix(uint64_t h, uint64_t v)
{
    for (int i = 0; i < 8; i++) {
        h ^= (v >> (i * 8)) & 0xFF;
        h *= 1099511628211ULL;
    }
    return h;
}
static inline uint64_t ui_key_str(uint64_t h, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        h ^= *p;
        h *= 1099511628211ULL;
    }
    return ui_key_mix(h, 0xFF);
}
#define UI_KEY_SEED 1469598103934665603ULL

/* Mixes in what the shared widgets read from the input: the device last used (focus rings show
 * for keys and pads) and, for mouse and touch, the pointer (hover). */
uint64_t ui_layer_key_input(const UiContext *ui, uint64_t h);

#endif
