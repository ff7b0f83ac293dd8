/* Unit tests for the map round rules on the shipped pack. */
#include "check.h"
#include "core/util.h"
#include "rules/mapround.h"

#include <stdlib.h>

static Pack *load_pack(void)
{
    const char *src = getenv("FRONTIERS_SOURCE_DIR");
    char *dir = util_format("%s/content/sino-russian-border", src ? src : ".");
    Pack *p = NULL;
    CHECK_INT(pack_load(dir, &p, NULL), PACK_OK);
    free(dir);
    return p;
}

static void treaty_options_should_hold_the_right_treaty_once(void)
{
    Pack *p = load_pack();
    if (!p)
        return;
    int region = pack_find(p, PACK_KIND_REGION, "left-bank-amur");
    int aigun = pack_find(p, PACK_KIND_TREATY, "aigun-1858");
    CHECK(region >= 0 && aigun >= 0);
    Rng rng;
    rng_seed(&rng, 3);
    for (int round = 0; round < 10; round++) {
        int opts[4], right = -1;
        CHECK(mapround_treaty_options(p, region, &rng, opts, &right));
        CHECK(right >= 0 && right < 4);
        CHECK_INT(opts[right], aigun);
        for (int i = 0; i < 4; i++)
            for (int j = i + 1; j < 4; j++)
                CHECK(opts[i] != opts[j]);
    }
    pack_free(p);
}

static void treaty_options_should_repeat_for_a_seed(void)
{
    Pack *p = load_pack();
    if (!p)
        return;
    int region = pack_find(p, PACK_KIND_REGION, "ussuri-primorye");
    int a[4], b[4], ra, rb;
    Rng r1, r2;
    rng_seed(&r1, 11);
    rng_seed(&r2, 11);
    CHECK(mapround_treaty_options(p, region, &r1, a, &ra));
    CHECK(mapround_treaty_options(p, region, &r2, b, &rb));
    CHECK_INT(ra, rb);
    for (int i = 0; i < 4; i++)
        CHECK_INT(a[i], b[i]);
    CHECK(!mapround_treaty_options(p, -1, &r1, a, &ra));
    pack_free(p);
}

static void points_should_reward_the_first_try(void)
{
    CHECK_INT(mapround_points(true, 1), MAPROUND_POINTS_FIRST);
    CHECK_INT(mapround_points(true, 3), MAPROUND_POINTS_LATER);
    CHECK_INT(mapround_points(false, 3), 0);
}

int main(void)
{
    RUN(treaty_options_should_hold_the_right_treaty_once);
    RUN(treaty_options_should_repeat_for_a_seed);
    RUN(points_should_reward_the_first_try);
    return CHECK_DONE();
}
