/* Unit tests for the map round rules on the shipped pack. */
#include "check.h"
#include "base/util.h"
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

static void drop_tolerance_should_grow_with_the_square_root_of_the_zoom(void)
{
    CHECK_NEAR(mapround_drop_tolerance(20, 1), 20, 1e-9);
    CHECK_NEAR(mapround_drop_tolerance(20, 4), 40, 1e-9);
    CHECK_NEAR(mapround_drop_tolerance(20, 0.5), 20, 1e-9);   /* never below zoom 1 */
    CHECK_NEAR(mapround_drop_tolerance(20, 9), 60, 1e-9);
}

static void judge_drop_should_spend_a_try_only_on_another_target(void)
{
    CHECK_INT(mapround_judge_drop(5, 5, false), MAPDROP_RIGHT);
    CHECK_INT(mapround_judge_drop(5, -1, true), MAPDROP_RIGHT);     /* near its marker */
    CHECK_INT(mapround_judge_drop(5, 7, true), MAPDROP_RIGHT);      /* near its own wins */
    CHECK_INT(mapround_judge_drop(5, 7, false), MAPDROP_WRONG);
    CHECK_INT(mapround_judge_drop(5, -1, false), MAPDROP_NOTHING);  /* open sea */
}

static void border_years_should_be_sorted_and_per_map(void)
{
    Pack *p = load_pack();
    if (!p)
        return;
    int years[MAPROUND_MAX_YEARS];
    int n = mapround_border_years(p, 0, years, MAPROUND_MAX_YEARS);
    CHECK_INT(n, 5);
    int want[] = {1689, 1858, 1860, 1991, 2004};
    for (int i = 0; i < n && i < 5; i++)
        CHECK_INT(years[i], want[i]);
    CHECK_INT(mapround_border_years(p, 1, years, MAPROUND_MAX_YEARS), 2);
    CHECK_INT(years[0], 1864);
    CHECK_INT(mapround_border_years(p, 9, years, MAPROUND_MAX_YEARS), 0);
    CHECK_INT(mapround_border_years(p, 0, years, 2), 2);   /* bounded */
    pack_free(p);
}

static void holder_should_follow_the_changes_in_time(void)
{
    /* Party 1 gives to 2 in 1858, 2 gives to 3 in 2004 (listed out of order). */
    MapChange c[] = {{2004, 2, 3}, {1858, 1, 2}};
    CHECK_INT(mapround_holder(c, 2, 1689), 1);
    CHECK_INT(mapround_holder(c, 2, 1857), 1);
    CHECK_INT(mapround_holder(c, 2, 1858), 2);
    CHECK_INT(mapround_holder(c, 2, 1991), 2);
    CHECK_INT(mapround_holder(c, 2, 2004), 3);
    CHECK_INT(mapround_holder(c, 0, 2004), -1);
}

static void year_question_should_ask_a_border_year_with_the_holder_among_the_options(void)
{
    MapChange c[] = {{1858, 1, 0}};
    int years[] = {1689, 1858, 1860, 1991, 2004};
    int parties[] = {0, 1, 3, 5, 7};
    Rng rng;
    rng_seed(&rng, 42);
    int seen_before = 0, seen_after = 0;
    for (int i = 0; i < 40; i++) {
        MapYearQuestion q;
        CHECK(mapround_year_question(c, 1, years, 5, parties, 5, &rng, &q));
        CHECK(q.year == 1689 || q.year == 1858);
        CHECK_INT(q.noptions, 4);
        CHECK_INT(q.options[q.right], q.year == 1689 ? 1 : 0);
        bool has_other = false;
        for (int a = 0; a < q.noptions; a++) {
            has_other |= q.options[a] == (q.year == 1689 ? 0 : 1);
            for (int b = a + 1; b < q.noptions; b++)
                CHECK(q.options[a] != q.options[b]);
        }
        CHECK(has_other);   /* both sides of the change are offered */
        seen_before += q.year == 1689;
        seen_after += q.year == 1858;
    }
    CHECK(seen_before > 0 && seen_after > 0);
}

static void year_question_should_use_the_next_border_when_the_change_year_has_none(void)
{
    /* A change in 1900 on a map with borders 1860 and 1991: ask 1860 (giver) or 1991 (taker). */
    MapChange c[] = {{1900, 4, 6}};
    int years[] = {1860, 1991};
    int parties[] = {4, 6};
    Rng rng;
    rng_seed(&rng, 1);
    for (int i = 0; i < 20; i++) {
        MapYearQuestion q;
        CHECK(mapround_year_question(c, 1, years, 2, parties, 2, &rng, &q));
        CHECK_INT(q.noptions, 2);
        CHECK_INT(q.options[q.right], q.year == 1860 ? 4 : 6);
        CHECK(q.year == 1860 || q.year == 1991);
    }
    MapYearQuestion q;
    CHECK(!mapround_year_question(c, 0, years, 2, parties, 2, &rng, &q));
    CHECK(!mapround_year_question(c, 1, years, 0, parties, 2, &rng, &q));
    MapChange same[] = {{1900, 4, 4}};
    CHECK(!mapround_year_question(same, 1, years, 2, parties, 2, &rng, &q));
}

static void map_parties_should_list_each_side_once(void)
{
    Pack *p = load_pack();
    if (!p)
        return;
    int parties[16];
    int n = mapround_map_parties(p, 0, parties, 16);
    CHECK(n >= 2);
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            CHECK(parties[i] != parties[j]);
    /* Qing, Russia, the Soviet Union (held the 2004 islands under the 1991 border), the Russian
     * Federation (keeps the eastern part of Bolshoi Ussuriysky), the PRC */
    CHECK(n == 5);
    pack_free(p);
}

int main(void)
{
    RUN(drop_tolerance_should_grow_with_the_square_root_of_the_zoom);
    RUN(judge_drop_should_spend_a_try_only_on_another_target);
    RUN(border_years_should_be_sorted_and_per_map);
    RUN(holder_should_follow_the_changes_in_time);
    RUN(year_question_should_ask_a_border_year_with_the_holder_among_the_options);
    RUN(year_question_should_use_the_next_border_when_the_change_year_has_none);
    RUN(map_parties_should_list_each_side_once);
    RUN(treaty_options_should_hold_the_right_treaty_once);
    RUN(treaty_options_should_repeat_for_a_seed);
    RUN(points_should_reward_the_first_try);
    return CHECK_DONE();
}
