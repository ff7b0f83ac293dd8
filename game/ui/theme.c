/* Palette and type scale. */
#include "ui/theme.h"

static SDL_Color rgb(unsigned hex)
{
    return (SDL_Color){(Uint8)(hex >> 16), (Uint8)(hex >> 8), (Uint8)hex, 255};
}

SDL_Color color_mix(SDL_Color a, SDL_Color b, float t)
{
    if (t < 0) t = 0;
    if (t > 1) t = 1;
    return (SDL_Color){
        (Uint8)(a.r + (b.r - a.r) * t), (Uint8)(a.g + (b.g - a.g) * t),
        (Uint8)(a.b + (b.b - a.b) * t), (Uint8)(a.a + (b.a - a.a) * t)};
}

void theme_compute(Theme *t, int w, int h, int text_scale, bool high_contrast)
{
    t->high_contrast = high_contrast;
    if (high_contrast) {
        t->paper = rgb(0xFFFFFF);
        t->paper_dark = rgb(0xE8E8E8);
        t->card = rgb(0xFFFFFF);
        t->ink = rgb(0x000000);
        t->ink_soft = rgb(0x1A1A1A);
        t->line = rgb(0x000000);
        t->seal = rgb(0xA3000F);
        t->gold = rgb(0x7A5A00);
        t->focus = rgb(0x0046C8);
    } else {
        t->paper = rgb(0xF4EDE0);
        t->paper_dark = rgb(0xE6DAC3);
        t->card = rgb(0xFBF7EE);
        t->ink = rgb(0x1F2A3A);
        t->ink_soft = rgb(0x4A5566);
        t->line = rgb(0xC9BBA0);
        t->seal = rgb(0xB23A2E);
        t->gold = rgb(0xC9A227);
        t->focus = rgb(0x2B6CB0);
    }
    t->teal = rgb(0x5E8C8A);
    t->water = rgb(0xCFDCD6);
    t->land = rgb(0xEFE6D2);
    t->right = rgb(0x1F6FB2);   /* blue: safe against red-green colour blindness */
    t->wrong = rgb(0xD55E00);   /* vermilion */
    t->shadow = (SDL_Color){20, 24, 32, 60};
    t->on_accent = rgb(0xFFFBF2);

    /* Sizes follow the smaller of height and width-based height, so wide and tall windows both
     * fit; 720 px high gives a 22 px body at 100%. */
    int base = h;
    if (w * 9 / 16 < base)
        base = w * 9 / 16;
    if (base < 360)
        base = 360;
    double s = base / 720.0 * (text_scale < 100 ? 100 : text_scale > 200 ? 200 : text_scale) / 100.0;
    static const double px[TEXT_STYLE_COUNT] = {72, 40, 28, 22, 22, 17};
    for (int i = 0; i < TEXT_STYLE_COUNT; i++) {
        int v = (int)(px[i] * s + 0.5);
        t->size[i] = v < 10 ? 10 : v;
    }
    t->unit = base / 90 < 4 ? 4 : base / 90;
    t->margin = t->unit * 5;
    t->radius = t->unit + t->unit / 2;
}
