/* The map palette stays colour-blind safe: every pair of colours the map round must tell apart
 * (the answer against a wrong pick, the focus, right against wrong, land against water...) is
 * simulated for protanopia, deuteranopia and tritanopia (Machado, Oliveira and Fernandes 2009,
 * severity 1, in linear RGB) and compared in CIELAB (CIE76 delta E). Fills are blended over the
 * land with the alphas the map view uses, in both themes. */
#include "check.h"
#include "ui/mapview.h"
#include "ui/theme.h"

#include <math.h>
#include <stdio.h>

typedef struct Rgb {
    double r, g, b;   /* 0..255 sRGB */
} Rgb;

static const double CVD[3][3][3] = {
    {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}},
    {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}},
    {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}},
};
static const char *const CVD_NAMES[4] = {"protanopia", "deuteranopia", "tritanopia", "normal vision"};

static double to_linear(double v)
{
    v /= 255;
    return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double to_srgb(double v)
{
    v = v < 0 ? 0 : v > 1 ? 1 : v;
    return 255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * pow(v, 1 / 2.4) - 0.055);
}

static Rgb over(SDL_Color c, Uint8 alpha, SDL_Color base)
{
    double a = alpha / 255.0;
    return (Rgb){c.r * a + base.r * (1 - a), c.g * a + base.g * (1 - a), c.b * a + base.b * (1 - a)};
}

static Rgb solid(SDL_Color c)
{
    return (Rgb){c.r, c.g, c.b};
}

static Rgb simulate(Rgb c, int kind)
{
    if (kind == 3)
        return c;
    double l[3] = {to_linear(c.r), to_linear(c.g), to_linear(c.b)}, o[3];
    for (int i = 0; i < 3; i++)
        o[i] = CVD[kind][i][0] * l[0] + CVD[kind][i][1] * l[1] + CVD[kind][i][2] * l[2];
    return (Rgb){to_srgb(o[0]), to_srgb(o[1]), to_srgb(o[2])};
}

static void lab(Rgb c, double out[3])
{
    double r = to_linear(c.r), g = to_linear(c.g), b = to_linear(c.b);
    double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    double f[3] = {x, y, z};
    for (int i = 0; i < 3; i++)
        f[i] = f[i] > 0.008856 ? cbrt(f[i]) : 7.787 * f[i] + 16.0 / 116;
    out[0] = 116 * f[1] - 16;
    out[1] = 500 * (f[0] - f[1]);
    out[2] = 200 * (f[1] - f[2]);
}

static double delta_e(Rgb a, Rgb b)
{
    double la[3], lb[3];
    lab(a, la);
    lab(b, lb);
    return sqrt((la[0] - lb[0]) * (la[0] - lb[0]) + (la[1] - lb[1]) * (la[1] - lb[1]) + (la[2] - lb[2]) * (la[2] - lb[2]));
}

/* The smallest difference of the pair over normal vision and the three dichromacies. */
static double worst(Rgb a, Rgb b, const char **who)
{
    double w = INFINITY;
    for (int k = 0; k < 4; k++) {
        double d = delta_e(simulate(a, k), simulate(b, k));
        if (d < w) {
            w = d;
            *who = CVD_NAMES[k];
        }
    }
    return w;
}

static void check_pair(const char *theme, const char *name, Rgb a, Rgb b, double min)
{
    const char *who = "";
    double d = worst(a, b, &who);
    if (d < min)
        printf("  %s theme: %s differ by only %.1f (under %s), need %.0f\n", theme, name, d, who, min);
    CHECK(d >= min);
}

/* Pairs a player must tell apart at a glance: 15 (clearly different); land against water is a
 * large calm area with a coastline drawn round it: 8. */
static void check_theme(bool high_contrast)
{
    Theme th;
    theme_compute(&th, 1280, 720, 100, high_contrast);
    const char *t = high_contrast ? "high-contrast" : "default";
    Rgb land = solid(th.land);
    Rgb answer = over(th.gold, MAPVIEW_ANSWER_ALPHA, th.land);
    Rgb mark = over(th.wrong, MAPVIEW_MARK_ALPHA, th.land);
    Rgb focus = over(th.focus, MAPVIEW_FOCUS_ALPHA, th.land);
    Rgb placed_right = over(th.right, MAPVIEW_PLACED_ALPHA, th.land);
    Rgb placed_wrong = over(th.wrong, MAPVIEW_PLACED_ALPHA, th.land);
    check_pair(t, "land and water", land, solid(th.water), 8);
    check_pair(t, "land and the answer", land, answer, 15);
    check_pair(t, "land and a wrong pick", land, mark, 15);
    check_pair(t, "the answer and a wrong pick", answer, mark, 15);
    check_pair(t, "land and the keyboard focus", land, focus, 15);
    check_pair(t, "the focus and the answer", focus, answer, 15);
    check_pair(t, "the focus and a wrong pick", focus, mark, 15);
    check_pair(t, "land and a river", land, solid(th.teal), 15);
    check_pair(t, "water and a river", solid(th.water), solid(th.teal), 15);
    check_pair(t, "land and the border", land, solid(th.ink), 15);
    check_pair(t, "right and wrong", solid(th.right), solid(th.wrong), 15);
    check_pair(t, "a name placed right and one missed", placed_right, placed_wrong, 15);
    check_pair(t, "land and a name placed right", land, placed_right, 15);
    check_pair(t, "land and a name missed", land, placed_wrong, 15);
}

static void map_palette_should_stay_distinct_for_colour_blind_players(void)
{
    check_theme(false);
    check_theme(true);
}

static void simulation_should_confuse_red_and_green_for_deuteranopes(void)
{
    /* The check itself must be able to fail: pure red and green nearly merge for a deuteranope. */
    Rgb red = {200, 60, 40}, green = {90, 140, 40};
    double normal = delta_e(red, green), deut = delta_e(simulate(red, 1), simulate(green, 1));
    CHECK(normal > 50);
    CHECK(deut < normal / 2);
}

int main(void)
{
    RUN(simulation_should_confuse_red_and_green_for_deuteranopes);
    RUN(map_palette_should_stay_distinct_for_colour_blind_players);
    return CHECK_DONE();
}
