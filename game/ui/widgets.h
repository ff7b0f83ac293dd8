/* Widgets shared by every screen: the paper background, screen headers, buttons with a focus
 * ring, a hint bar of key prompts, and list navigation that treats keyboard, gamepad, mouse and
 * touch alike. */
#ifndef FRONTIERS_WIDGETS_H
#define FRONTIERS_WIDGETS_H

#include <SDL.h>
#include <stdbool.h>

#include "ui/context.h"
#include "platform/input.h"

typedef enum ButtonKind {
    BUTTON_PRIMARY = 0,   /* ink fill, light text */
    BUTTON_SECONDARY,     /* card fill, ink text, outline */
    BUTTON_DANGER,        /* seal red */
    BUTTON_GHOST,         /* text only until focused */
} ButtonKind;

/* The paper background with a faint graticule; `t` animates it (0 keeps it still). */
void ui_background(UiContext *ui, double t);
/* A screen title at the top left and an optional subtitle under it. Returns the y below. */
int ui_header(UiContext *ui, const char *title, const char *subtitle);
/* Draws a button; focus draws the ring (only when the last input was keys or a pad). */
void ui_button(UiContext *ui, SDL_Rect r, const char *label, ButtonKind kind, bool focused, bool enabled);
/* Bottom bar of prompts: pairs of key label and action label, e.g. {"Enter", "Choose", "Esc", "Back"}. */
void ui_hints(UiContext *ui, const char *const *pairs, int npairs);
/* True when the focus ring should show (keyboard or gamepad last used). */
bool ui_show_focus(const UiContext *ui);
/* The standard Back button at the top right, for mouse and touch players; ui_back_hit tells
 * whether a pointer release landed on it. */
SDL_Rect ui_back_rect(const UiContext *ui);
void ui_back_button(UiContext *ui);
bool ui_back_hit(const UiContext *ui, const Action *a);
/* A toggle switch drawn inside r (right-aligned). */
void ui_toggle(UiContext *ui, SDL_Rect r, bool on);

/* List navigation over n rectangles laid out in `columns` columns. */
typedef struct Nav {
    int focus;
    int count;
    int columns;
    int pressed;     /* index under a pointer press, -1 none */
} Nav;

typedef enum NavResult {
    NAV_NONE = 0,
    NAV_MOVED,       /* focus changed */
    NAV_ACTIVATED,   /* confirm or click on nav->focus */
    NAV_BACK,
} NavResult;

void nav_init(Nav *nav, int count, int columns);
NavResult nav_handle(Nav *nav, const Action *a, const SDL_Rect *rects);

/* Simple tweens. */
double ease_out_cubic(double t);
double ease_in_out(double t);
double clamp01(double t);

#endif
