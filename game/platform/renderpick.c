/* The renderer choice of renderpick.h. The X server is asked about DRI through SDL's own
 * connection (SDL_GetWindowWMInfo) and the libX11 SDL has already loaded, so the check costs one
 * round trip and adds no link dependency. */
#include "platform/renderpick.h"

#include <SDL_syswm.h>
#include <stdlib.h>
#include <string.h>

#if defined(__unix__)
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>
#endif

bool renderpick_parse(const char *s, RenderPick *out)
{
    if (!s)
        return false;
    if (strcmp(s, "auto") == 0)
        *out = RENDER_PICK_AUTO;
    else if (strcmp(s, "software") == 0)
        *out = RENDER_PICK_SOFTWARE;
    else if (strcmp(s, "gpu") == 0)
        *out = RENDER_PICK_GPU;
    else
        return false;
    return true;
}

const char *renderpick_name(RenderPick pick)
{
    return pick == RENDER_PICK_SOFTWARE ? "software" : pick == RENDER_PICK_GPU ? "gpu" : "auto";
}

/* True when a DRM render node can be opened: the GPU Mesa would drive. */
static bool have_render_node(void)
{
#if defined(__unix__)
    DIR *d = opendir("/dev/dri");
    if (!d)
        return false;
    bool found = false;
    struct dirent *e;
    while (!found && (e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, "renderD", 7) != 0)
            continue;
        char path[300];
        SDL_snprintf(path, sizeof path, "/dev/dri/%s", e->d_name);
        int fd = open(path, O_RDWR | O_CLOEXEC);
        if (fd >= 0) {
            close(fd);
            found = true;
        }
    }
    closedir(d);
    return found;
#else
    return true;
#endif
}

/* 1 when the window's X server offers DRI3 or DRI2 (direct rendering on a GPU), 0 when it offers
 * neither, -1 when it cannot be told. */
static int x11_has_dri(SDL_Window *window)
{
#if defined(SDL_VIDEO_DRIVER_X11)
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_X11 || !info.info.x11.display)
        return -1;
    void *lib = SDL_LoadObject("libX11.so.6");
    if (!lib)
        return -1;
    typedef int (*QueryExtension)(Display *, const char *, int *, int *, int *);
    /* ISO C has no object-to-function pointer cast; POSIX guarantees the bits carry over. */
    void *sym = SDL_LoadFunction(lib, "XQueryExtension");
    QueryExtension query = NULL;
    if (sym)
        memcpy(&query, &sym, sizeof query);
    int result = -1;
    if (query) {
        int opcode, event, error;
        result = query(info.info.x11.display, "DRI3", &opcode, &event, &error) ||
                 query(info.info.x11.display, "DRI2", &opcode, &event, &error);
    }
    SDL_UnloadObject(lib);
    return result;
#else
    (void)window;
    return -1;
#endif
}

RenderPick renderpick_resolve(RenderPick asked, SDL_Window *window, const char **why)
{
    const char *reason = "asked";
    RenderPick pick = asked;
    if (asked == RENDER_PICK_AUTO) {
        const char *driver = SDL_GetCurrentVideoDriver();
        const char *sw = getenv("LIBGL_ALWAYS_SOFTWARE");
        pick = RENDER_PICK_GPU;
        if (!driver || strcmp(driver, "x11") != 0) {
            reason = "not x11";
        } else if (sw && *sw && strcmp(sw, "0") != 0) {
            pick = RENDER_PICK_SOFTWARE;
            reason = "LIBGL_ALWAYS_SOFTWARE";
        } else if (!have_render_node()) {
            pick = RENDER_PICK_SOFTWARE;
            reason = "no GPU render node";
        } else if (x11_has_dri(window) == 0) {
            pick = RENDER_PICK_SOFTWARE;
            reason = "X server without DRI";
        } else {
            reason = "GPU render node and DRI";
        }
    }
    if (why)
        *why = reason;
    return pick;
}

SDL_Renderer *renderpick_create_renderer(SDL_Window *window, RenderPick pick)
{
    if (pick == RENDER_PICK_SOFTWARE) {
        /* The software renderer draws into the window surface; without this hint SDL may back
         * that surface with a GL texture, creating the very context this path avoids. */
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        SDL_Renderer *r = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
        if (r)
            return r;
    }
    SDL_Renderer *r = SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!r)
        r = SDL_CreateRenderer(window, -1, 0);
    return r;
}
