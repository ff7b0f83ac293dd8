/* Cached full-window layers in render-target textures (see layer.h). */
#include "ui/layer.h"
#include "ui/theme.h"
#include "ui/widgets.h"

/* The pixel format of what the renderer draws on, so that copying a layer is a plain row copy
 * on the software renderer (no conversion, no blending). */
static Uint32 native_format(const App *app)
{
    Uint32 want = SDL_PIXELFORMAT_ARGB8888;
    if (app->canvas)
        want = app->canvas->format->format;
    else if (app->window)
        want = SDL_GetWindowPixelFormat(app->window);
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(app->renderer, &info) == 0) {
        for (Uint32 i = 0; i < info.num_texture_formats; i++)
            if (info.texture_formats[i] == want)
                return want;
    }
    return SDL_PIXELFORMAT_ARGB8888;
}

static bool targets_supported(const App *app)
{
    SDL_RendererInfo info;
    return SDL_GetRendererInfo(app->renderer, &info) == 0 && (info.flags & SDL_RENDERER_TARGETTEXTURE) &&
           SDL_RenderTargetSupported(app->renderer);
}

/* Drops a texture made by a renderer that no longer exists (its textures went with it). */
static void forget_stale(UiLayer *l, const App *app)
{
    if (l->texture && l->render_epoch != app->render_epoch) {
        l->texture = NULL;
        l->valid = false;
    }
}

bool ui_layer_begin(UiLayer *l, App *app, uint64_t key)
{
    forget_stale(l, app);
    if (l->direct && l->render_epoch == app->render_epoch)
        return true;
    l->direct = false;
    if (l->texture && (l->w != app->width || l->h != app->height)) {
        SDL_DestroyTexture(l->texture);
        l->texture = NULL;
        l->valid = false;
    }
    if (l->valid && l->key == key && l->look_epoch == app->look_epoch)
        return false;
    if (!l->texture && (!l->seen || l->seen_key != key)) {
        /* Not yet still: this frame straight to the screen, no texture made. */
        l->seen = true;
        l->seen_key = key;
        l->pass = true;
        l->redraws++;
        return true;
    }
    if (!l->texture) {
        l->render_epoch = app->render_epoch;
        if (targets_supported(app))
            l->texture = SDL_CreateTexture(app->renderer, native_format(app), SDL_TEXTUREACCESS_TARGET, app->width, app->height);
        if (!l->texture) {
            l->direct = true;
            return true;
        }
        SDL_SetTextureBlendMode(l->texture, SDL_BLENDMODE_NONE);
        l->w = app->width;
        l->h = app->height;
    }
    l->prev_target = SDL_GetRenderTarget(app->renderer);
    if (SDL_SetRenderTarget(app->renderer, l->texture) != 0) {
        SDL_DestroyTexture(l->texture);
        l->texture = NULL;
        l->direct = true;
        return true;
    }
    const Theme *th = app->theme;
    SDL_SetRenderDrawColor(app->renderer, th->paper.r, th->paper.g, th->paper.b, 255);
    SDL_RenderClear(app->renderer);
    l->drawing = true;
    l->key = key;
    l->look_epoch = app->look_epoch;
    l->redraws++;
    return true;
}

void ui_layer_end(UiLayer *l, App *app)
{
    if (l->pass) {
        l->pass = false;
        app->frame_covered = true;   /* the content covers the whole window */
        return;
    }
    if (!l->drawing) {
        if (l->direct)
            l->redraws++;
        return;
    }
    SDL_SetRenderTarget(app->renderer, l->prev_target);
    l->prev_target = NULL;
    l->drawing = false;
    l->valid = true;
}

void ui_layer_draw(UiLayer *l, App *app)
{
    forget_stale(l, app);
    if (l->direct || !l->texture || !l->valid)
        return;
    SDL_Rect dst = {0, 0, l->w, l->h};
    SDL_RenderCopy(app->renderer, l->texture, NULL, &dst);
    app->frame_covered = true;
}

void ui_layer_invalidate(UiLayer *l)
{
    l->valid = false;
}

void ui_layer_free(UiLayer *l, App *app)
{
    forget_stale(l, app);
    if (l->texture)
        SDL_DestroyTexture(l->texture);
    *l = (UiLayer){0};
}

uint64_t ui_layer_key_input(const App *app, uint64_t h)
{
    h = ui_key_mix(h, (uint64_t)app->input.last_device);
    if (!ui_show_focus(app)) {
        h = ui_key_mix(h, (uint64_t)(uint32_t)app->input.pointer_x);
        h = ui_key_mix(h, (uint64_t)(uint32_t)app->input.pointer_y);
        h = ui_key_mix(h, (uint64_t)app->input.pointer_down);
    }
    return h;
}
