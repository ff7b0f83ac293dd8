/* Cached full-window layers in render-target textures (see layer.h). */
#include "ui/layer.h"
#include "ui/theme.h"
#include "ui/widgets.h"

/* The pixel format of what the renderer draws on, so that copying a layer is a plain row copy
 * on the software renderer (no conversion, no blending). */
static Uint32 native_format(const UiContext *ui)
{
    Uint32 want = SDL_PIXELFORMAT_ARGB8888;
    if (ui->canvas)
        want = ui->canvas->format->format;
    else if (ui->window)
        want = SDL_GetWindowPixelFormat(ui->window);
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(ui->renderer, &info) == 0) {
        for (Uint32 i = 0; i < info.num_texture_formats; i++)
            if (info.texture_formats[i] == want)
                return want;
    }
    return SDL_PIXELFORMAT_ARGB8888;
}

static bool targets_supported(const UiContext *ui)
{
    SDL_RendererInfo info;
    return SDL_GetRendererInfo(ui->renderer, &info) == 0 && (info.flags & SDL_RENDERER_TARGETTEXTURE) &&
           SDL_RenderTargetSupported(ui->renderer);
}

/* Drops a texture made by a renderer that no longer exists (its textures went with it). */
static void forget_stale(UiLayer *l, const UiContext *ui)
{
    if (l->texture && l->render_epoch != ui->render_epoch) {
        l->texture = NULL;
        l->valid = false;
    }
}

bool ui_layer_begin(UiLayer *l, UiContext *ui, uint64_t key)
{
    forget_stale(l, ui);
    if (l->direct && l->render_epoch == ui->render_epoch)
        return true;
    l->direct = false;
    if (l->texture && (l->w != ui->width || l->h != ui->height)) {
        SDL_DestroyTexture(l->texture);
        l->texture = NULL;
        l->valid = false;
    }
    if (l->valid && l->key == key && l->look_epoch == ui->look_epoch)
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
        l->render_epoch = ui->render_epoch;
        if (targets_supported(ui))
            l->texture = SDL_CreateTexture(ui->renderer, native_format(ui), SDL_TEXTUREACCESS_TARGET, ui->width, ui->height);
        if (!l->texture) {
            l->direct = true;
            return true;
        }
        SDL_SetTextureBlendMode(l->texture, SDL_BLENDMODE_NONE);
        l->w = ui->width;
        l->h = ui->height;
    }
    l->prev_target = SDL_GetRenderTarget(ui->renderer);
    if (SDL_SetRenderTarget(ui->renderer, l->texture) != 0) {
        SDL_DestroyTexture(l->texture);
        l->texture = NULL;
        l->direct = true;
        return true;
    }
    const Theme *th = ui->theme;
    SDL_SetRenderDrawColor(ui->renderer, th->paper.r, th->paper.g, th->paper.b, 255);
    SDL_RenderClear(ui->renderer);
    l->drawing = true;
    l->key = key;
    l->look_epoch = ui->look_epoch;
    l->redraws++;
    return true;
}

void ui_layer_end(UiLayer *l, UiContext *ui)
{
    if (l->pass) {
        l->pass = false;
        ui->frame_covered = true;   /* the content covers the whole window */
        return;
    }
    if (!l->drawing) {
        if (l->direct)
            l->redraws++;
        return;
    }
    SDL_SetRenderTarget(ui->renderer, l->prev_target);
    l->prev_target = NULL;
    l->drawing = false;
    l->valid = true;
}

void ui_layer_draw(UiLayer *l, UiContext *ui)
{
    forget_stale(l, ui);
    if (l->direct || !l->texture || !l->valid)
        return;
    SDL_Rect dst = {0, 0, l->w, l->h};
    SDL_RenderCopy(ui->renderer, l->texture, NULL, &dst);
    ui->frame_covered = true;
}

void ui_layer_invalidate(UiLayer *l)
{
    l->valid = false;
}

void ui_layer_free(UiLayer *l, UiContext *ui)
{
    forget_stale(l, ui);
    if (l->texture)
        SDL_DestroyTexture(l->texture);
    *l = (UiLayer){0};
}

uint64_t ui_layer_key_input(const UiContext *ui, uint64_t h)
{
    h = ui_key_mix(h, (uint64_t)ui->input->last_device);
    if (!ui_show_focus(ui)) {
        h = ui_key_mix(h, (uint64_t)(uint32_t)ui->input->pointer_x);
        h = ui_key_mix(h, (uint64_t)(uint32_t)ui->input->pointer_y);
        h = ui_key_mix(h, (uint64_t)ui->input->pointer_down);
    }
    return h;
}
