/* Which of SDL's renderers draws the game window: the GPU (OpenGL, Direct3D, Metal) or SDL's
 * software renderer blitting to the window (X11 shared memory). On X11 without a usable GPU,
 * OpenGL would run on Mesa's llvmpipe: the same pixels drawn on the CPU anyway, at the price of
 * a GL context that costs ~200 ms of CPU and ~90 MiB at start. */
#ifndef FRONTIERS_RENDERPICK_H
#define FRONTIERS_RENDERPICK_H

#include <stdbool.h>

#include <SDL.h>

typedef enum RenderPick {
    RENDER_PICK_AUTO = 0,   /* software on X11 without DRI or a GPU render node, GPU otherwise */
    RENDER_PICK_SOFTWARE,
    RENDER_PICK_GPU,
} RenderPick;

/* "auto", "software" or "gpu" into *out; false for anything else. */
bool renderpick_parse(const char *s, RenderPick *out);
const char *renderpick_name(RenderPick pick);

/* Resolves AUTO for a window created without SDL_WINDOW_OPENGL (hidden or shown): SOFTWARE when
 * SDL's video driver is x11 and the X server offers neither DRI3 nor DRI2 (Xvfb, VNC, remote
 * X), no DRM render node (/dev/dri/renderD*) can be opened, or LIBGL_ALWAYS_SOFTWARE is set;
 * GPU otherwise, and on every other video driver. SOFTWARE and GPU are returned as asked.
 * *why (may be NULL) gets a short reason for the start-up trace. */
RenderPick renderpick_resolve(RenderPick asked, SDL_Window *window, const char **why);

/* Creates the window's renderer for a resolved pick. SOFTWARE turns off SDL's texture
 * framebuffer (SDL_HINT_FRAMEBUFFER_ACCELERATION=0, unless the environment sets it) so that no
 * GL context is created at all; GPU asks for an accelerated, vsynced renderer and falls back to
 * any renderer. NULL on failure (SDL_GetError says why). */
SDL_Renderer *renderpick_create_renderer(SDL_Window *window, RenderPick pick);

#endif
