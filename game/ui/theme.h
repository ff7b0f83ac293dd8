/* Colours and the type scale. The palette is warm paper and deep ink with seal red and imperial
 * gold accents (design/look.md); a high-contrast variant is chosen in settings. Right and wrong
 * use a colour-blind-safe pair (blue and vermilion) and are always paired with a shape. */
#ifndef FRONTIERS_THEME_H
#define FRONTIERS_THEME_H

#include <SDL.h>
#include <stdbool.h>

typedef enum TextStyle {
    TEXT_DISPLAY = 0,  /* the title: serif bold */
    TEXT_H1,           /* screen titles: serif bold */
    TEXT_H2,           /* card names, section heads: serif */
    TEXT_BODY,         /* UI text: sans */
    TEXT_BODY_BOLD,    /* buttons: sans bold */
    TEXT_SMALL,        /* captions, sources: sans */
    TEXT_STYLE_COUNT
} TextStyle;

typedef struct Theme {
    SDL_Color paper, paper_dark, card, ink, ink_soft, line;
    SDL_Color seal, gold, teal, water, land;
    SDL_Color right, wrong, focus, shadow;
    SDL_Color on_accent;      /* text on seal/ink buttons */
    bool high_contrast;
    /* Pixel sizes for the current drawable and text scale. */
    int size[TEXT_STYLE_COUNT];
    int unit;                 /* the spacing unit: 1/90 of the drawable height, at least 4 */
    int margin;               /* outer margin */
    int radius;               /* corner radius of cards and buttons */
} Theme;

/* Computes colours and sizes for a drawable of w x h pixels. text_scale is a percentage
 * (100-200). */
void theme_compute(Theme *theme, int w, int h, int text_scale, bool high_contrast);

static inline SDL_Color color_alpha(SDL_Color c, Uint8 a) { c.a = a; return c; }
SDL_Color color_mix(SDL_Color a, SDL_Color b, float t);

#endif
