/* Tests of the timeline rules: placement, the true place of a wrong card, ties at the coarser
 * precision, ranges, lives, scoring with and without bonuses, order-all partial credit, stars and
 * the seeded deal from a level. */
#include "check.h"
#include "rules/timeline.h"

#include <stdlib.h>

/* A card from a date ("1858", "1858-05-28") or a range ("1856-10-08/1860-10-24"). */
static TimelineCard card(uint32_t index, const char *date)
{
    TimelineCard c;
    memset(&c, 0, sizeof c);
    c.ref.kind = PACK_KIND_EVENT;
    c.ref.index = index;
    char buf[64];
    snprintf(buf, sizeof buf, "%s", date);
    char *slash = strchr(buf, '/');
    if (slash) {
        *slash = '\0';
        date_parse(slash + 1, &c.when.to);
        c.when.is_range = true;
    }
    date_parse(buf, &c.when.from);
    if (!slash)
        c.when.to = c.when.from;
    return c;
}

static TimelineConfig insert_config(int lives)
{
    TimelineConfig c = {.variant = TIMELINE_INSERT, .lives = lives, .stars = {50, 70, 90}};
    return c;
}

static void start(Timeline *t, TimelineConfig cfg, const char *const *dates, int n)
{
    TimelineCard cards[TIMELINE_MAX_CARDS];
    for (int i = 0; i < n; i++)
        cards[i] = card((uint32_t)i, dates[i]);
    CHECK_INT(timeline_start(t, &cfg, cards, n), TIMELINE_OK);
}

static void insert_should_keep_a_card_placed_in_a_right_gap(void)
{
    const char *d[] = {"1858-05-28", "1689-09-06", "1860-11-14"};
    Timeline t;
    start(&t, insert_config(3), d, 3);
    CHECK_INT(t.line_count, 1);
    CHECK_INT(timeline_current(&t), 1);
    TimelinePlacement p;
    CHECK_INT(timeline_insert(&t, 0, 4000, &p), TIMELINE_OK);
    CHECK(p.correct);
    CHECK_INT(p.gap_final, 0);
    CHECK_INT(p.points, TIMELINE_POINTS);
    CHECK(!p.life_lost);
    CHECK_INT(t.line[0], 1);
    CHECK_INT(t.line[1], 0);
    CHECK_INT(t.state[1], TIMELINE_CARD_RIGHT);
    CHECK_INT(t.lives, 3);
}

static void insert_should_move_a_wrong_card_to_its_true_place_and_cost_a_life(void)
{
    const char *d[] = {"1858-05-28", "1689-09-06", "1881-02-24", "1727-11-01"};
    Timeline t;
    start(&t, insert_config(3), d, 4);
    TimelinePlacement p;
    timeline_insert(&t, 0, 1000, &p);   /* 1689 before 1858: right */
    timeline_insert(&t, 2, 1000, &p);   /* 1881 after 1858: right */
    /* Line: 1689, 1858, 1881. 1727 placed after 1881 is wrong; it belongs in gap 1. */
    CHECK(!timeline_gap_is_right(&t, 3, 3));
    CHECK(timeline_gap_is_right(&t, 3, 1));
    CHECK_INT(timeline_insert(&t, 3, 1000, &p), TIMELINE_OK);
    CHECK(!p.correct);
    CHECK_INT(p.gap_chosen, 3);
    CHECK_INT(p.gap_final, 1);
    CHECK(p.life_lost);
    CHECK_INT(p.points, 0);
    CHECK_INT(t.lives, 2);
    CHECK_INT(t.line[1], 3);
    CHECK_INT(t.state[3], TIMELINE_CARD_WRONG);
    CHECK(p.finished);
    CHECK(t.won);
    CHECK_INT(t.right, 2);
    CHECK_INT(t.wrong, 1);
}

static void insert_should_accept_a_year_only_card_on_either_side_of_a_dated_card_of_that_year(void)
{
    const char *d[] = {"1858-05-28", "1858", "1858-06"};
    for (int side = 0; side <= 1; side++) {
        Timeline t;
        start(&t, insert_config(3), d, 3);
        TimelinePlacement p;
        CHECK_INT(timeline_insert(&t, side, 0, &p), TIMELINE_OK);
        CHECK(p.correct);
        CHECK(p.tie);
        CHECK_INT(p.gap_final, side);
    }
    /* A month-precision card ties with the year card but is after 28 May at month precision?
     * No: 1858-06 against 1858-05-28 compares at month precision, June after May. */
    Timeline t;
    start(&t, insert_config(3), d, 3);
    TimelinePlacement p;
    timeline_insert(&t, 1, 0, &p);       /* line: 1858-05-28, 1858 */
    CHECK(!timeline_gap_is_right(&t, 2, 0));   /* June 1858 before 28 May 1858 */
    CHECK(timeline_gap_is_right(&t, 2, 1));    /* between May and "1858": ties with 1858 */
    CHECK(timeline_gap_is_right(&t, 2, 2));
    CHECK_INT(timeline_insert(&t, 0, 0, &p), TIMELINE_OK);
    CHECK(!p.correct);
    CHECK_INT(p.gap_final, 1);           /* the nearest right gap to where it was put */
}

static void insert_should_not_tie_two_different_days_of_the_same_month(void)
{
    const char *d[] = {"1858-06-13", "1858-06-26"};
    Timeline t;
    start(&t, insert_config(3), d, 2);
    TimelinePlacement p;
    timeline_insert(&t, 0, 0, &p);
    CHECK(!p.correct);
    CHECK(!p.tie);
    CHECK_INT(p.gap_final, 1);
}

static void ranges_should_be_ordered_by_their_start_unless_asked_otherwise(void)
{
    /* The Second Opium War (1856-1860) and the Treaty of Aigun (1858). */
    When war = card(0, "1856-10-08/1860-10-24").when;
    When aigun = card(1, "1858-05-28").when;
    CHECK_INT(timeline_compare(&war, &aigun, TIMELINE_BY_START), -1);
    CHECK_INT(timeline_compare(&war, &aigun, TIMELINE_BY_END), 1);
    const char *d[] = {"1858-05-28", "1856-10-08/1860-10-24"};
    Timeline t;
    start(&t, insert_config(3), d, 2);
    CHECK(timeline_gap_is_right(&t, 1, 0));
    CHECK(!timeline_gap_is_right(&t, 1, 1));
    TimelineConfig by_end = insert_config(3);
    by_end.range_key = TIMELINE_BY_END;
    start(&t, by_end, d, 2);
    CHECK(!timeline_gap_is_right(&t, 1, 0));
    CHECK(timeline_gap_is_right(&t, 1, 1));
}

static void insert_round_should_end_lost_when_the_lives_run_out(void)
{
    const char *d[] = {"1900", "1800", "1700", "1600", "1500", "1400"};
    Timeline t;
    start(&t, insert_config(2), d, 6);
    TimelinePlacement p;
    timeline_insert(&t, 1, 0, &p);   /* 1800 after 1900: wrong */
    CHECK(!p.finished);
    CHECK_INT(t.lives, 1);
    timeline_insert(&t, 2, 0, &p);   /* 1700 last: wrong */
    CHECK(p.finished);
    CHECK(t.finished);
    CHECK(!t.won);
    CHECK_INT(t.lives, 0);
    CHECK_INT(timeline_current(&t), -1);
    CHECK_INT(timeline_insert(&t, 0, 0, &p), TIMELINE_ERR_STATE);
    CHECK_INT(t.next, 3);            /* three cards never dealt */
}

static void insert_with_unlimited_lives_should_play_the_whole_deck(void)
{
    const char *d[] = {"1900", "1800", "1700", "1600"};
    Timeline t;
    start(&t, insert_config(0), d, 4);
    TimelinePlacement p;
    for (int i = 0; i < 3; i++)
        timeline_insert(&t, t.line_count, 0, &p);
    CHECK(t.finished);
    CHECK(t.won);
    CHECK_INT(t.wrong, 3);
    /* Every card ends in date order. */
    for (int i = 0; i + 1 < t.line_count; i++)
        CHECK(timeline_compare(&t.cards[t.line[i]].when, &t.cards[t.line[i + 1]].when, TIMELINE_BY_START) <= 0);
}

static void insert_should_reject_a_gap_outside_the_line(void)
{
    const char *d[] = {"1900", "1800"};
    Timeline t;
    start(&t, insert_config(3), d, 2);
    TimelinePlacement p;
    CHECK_INT(timeline_insert(&t, 2, 0, &p), TIMELINE_ERR_ARGS);
    CHECK_INT(timeline_insert(&t, -1, 0, &p), TIMELINE_ERR_ARGS);
    CHECK_INT(t.next, 1);
    TimelineCard one = card(0, "1900");
    TimelineConfig cfg = insert_config(3);
    CHECK_INT(timeline_start(&t, &cfg, &one, 1), TIMELINE_ERR_ARGS);
}

static void fair_scoring_should_give_the_same_points_for_every_right_card(void)
{
    TimelineConfig c = insert_config(3);
    CHECK_INT(timeline_points(&c, 0, 100, NULL, NULL), TIMELINE_POINTS);
    CHECK_INT(timeline_points(&c, 7, 60000, NULL, NULL), TIMELINE_POINTS);
    const char *d[] = {"1800", "1700", "1900", "2000"};
    Timeline t;
    start(&t, c, d, 4);
    CHECK_INT(t.max_score, 3 * TIMELINE_POINTS);
}

static void streak_bonus_should_grow_with_the_streak_up_to_its_cap(void)
{
    TimelineConfig c = insert_config(3);
    c.streak_bonus = true;
    int sb = -1;
    CHECK_INT(timeline_points(&c, 0, 0, &sb, NULL), TIMELINE_POINTS);
    CHECK_INT(sb, 0);
    CHECK_INT(timeline_points(&c, 2, 0, &sb, NULL), TIMELINE_POINTS + 2 * TIMELINE_STREAK_STEP);
    CHECK_INT(timeline_points(&c, 50, 0, &sb, NULL), TIMELINE_POINTS + TIMELINE_STREAK_CAP);
    /* A wrong card resets the streak. */
    const char *d[] = {"1800", "1700", "1900", "1600", "2000"};
    Timeline t;
    start(&t, c, d, 5);
    TimelinePlacement p;
    timeline_insert(&t, 0, 0, &p);
    CHECK_INT(p.points, 100);
    timeline_insert(&t, 2, 0, &p);
    CHECK_INT(p.points, 110);
    timeline_insert(&t, 3, 0, &p);   /* 1600 at the end: wrong */
    CHECK_INT(t.streak, 0);
    CHECK_INT(t.best_streak, 2);
    timeline_insert(&t, 4, 0, &p);
    CHECK_INT(p.points, 100);
    CHECK_INT(t.score, 310);
    CHECK_INT(t.max_score, 100 + 110 + 120 + 130);
}

static void speed_bonus_should_fall_from_full_to_nothing_over_the_time(void)
{
    TimelineConfig c = insert_config(3);
    c.speed_bonus = true;
    int sp = -1;
    timeline_points(&c, 0, 1000, NULL, &sp);
    CHECK_INT(sp, TIMELINE_SPEED_MAX);
    timeline_points(&c, 0, (TIMELINE_SPEED_FULL_MS + TIMELINE_SPEED_ZERO_MS) / 2, NULL, &sp);
    CHECK_INT(sp, TIMELINE_SPEED_MAX / 2);
    timeline_points(&c, 0, TIMELINE_SPEED_ZERO_MS, NULL, &sp);
    CHECK_INT(sp, 0);
    c.time_limit_ms = 4000;   /* a short limit: full until half of it */
    timeline_points(&c, 0, 2000, NULL, &sp);
    CHECK_INT(sp, TIMELINE_SPEED_MAX);
    timeline_points(&c, 0, 3000, NULL, &sp);
    CHECK_INT(sp, TIMELINE_SPEED_MAX / 2);
}

static void order_check_should_credit_the_longest_ordered_subsequence_and_mark_the_rest(void)
{
    const char *d[] = {"1689", "1727", "1858", "1860", "1881", "1901"};
    TimelineConfig c = {.variant = TIMELINE_ORDER, .stars = {50, 70, 90}};
    Timeline t;
    start(&t, c, d, 6);
    CHECK_INT(t.line_count, 6);
    CHECK_INT(t.max_score, 600);
    /* Player's order: 1689 1858 1727 1860 1901 1881 -> move card 2 (1858) after 1727. */
    CHECK_INT(timeline_order_move(&t, 2, 1), TIMELINE_OK);   /* 1689 1858 1727 ... */
    CHECK_INT(t.line[1], 2);
    CHECK_INT(t.line[2], 1);
    CHECK_INT(timeline_order_move(&t, 5, 4), TIMELINE_OK);   /* ... 1860 1901 1881 */
    CHECK_INT(t.line[4], 5);
    CHECK_INT(timeline_order_check(&t, 20000), TIMELINE_OK);
    CHECK(t.finished);
    CHECK(!t.won);
    CHECK_INT(t.right, 4);            /* e.g. 1689 1858 1860 1901 */
    CHECK_INT(t.score, 400);
    CHECK_INT(t.pairs_total, 15);
    CHECK_INT(t.pairs_right, 13);
    CHECK_INT(t.state[0], TIMELINE_CARD_RIGHT);
    CHECK_INT(t.state[2], TIMELINE_CARD_RIGHT);   /* the earliest longest chain keeps 1858 */
    CHECK_INT(t.state[1], TIMELINE_CARD_WRONG);
    CHECK_INT(t.state[4], TIMELINE_CARD_WRONG);
    CHECK_INT(timeline_order_move(&t, 0, 1), TIMELINE_ERR_STATE);
}

static void order_check_should_accept_ties_in_either_order(void)
{
    const char *d[] = {"1858", "1858-05-28", "1860"};
    TimelineConfig c = {.variant = TIMELINE_ORDER};
    Timeline t;
    start(&t, c, d, 3);
    timeline_order_move(&t, 1, 0);   /* 1858-05-28, 1858, 1860 */
    timeline_order_check(&t, 0);
    CHECK(t.won);
    CHECK_INT(t.score, 300);
    CHECK_INT(t.pairs_right, 3);
}

static void order_move_should_reject_positions_outside_the_row(void)
{
    const char *d[] = {"1858", "1860"};
    TimelineConfig c = {.variant = TIMELINE_ORDER};
    Timeline t;
    start(&t, c, d, 2);
    CHECK_INT(timeline_order_move(&t, 0, 2), TIMELINE_ERR_ARGS);
    TimelinePlacement p;
    CHECK_INT(timeline_insert(&t, 0, 0, &p), TIMELINE_ERR_STATE);
}

static void sorted_should_list_every_card_in_date_order(void)
{
    const char *d[] = {"1881", "1689", "1858-05", "1858-05-28", "1727"};
    Timeline t;
    start(&t, insert_config(3), d, 5);
    int order[5];
    timeline_sorted(&t, order);
    CHECK_INT(order[0], 1);
    CHECK_INT(order[1], 4);
    CHECK_INT(order[2], 2);   /* the less precise date first */
    CHECK_INT(order[3], 3);
    CHECK_INT(order[4], 0);
}

static void stars_should_follow_the_level_thresholds(void)
{
    const char *d[] = {"1800", "1700", "1900", "2000", "2100"};
    Timeline t;
    start(&t, insert_config(0), d, 5);
    TimelinePlacement p;
    timeline_insert(&t, 0, 0, &p);           /* right */
    timeline_insert(&t, 0, 0, &p);           /* 1900 first: wrong */
    CHECK_INT(timeline_stars(&t), 0);        /* 100 / 400 = 25% */
    timeline_insert(&t, t.line_count, 0, &p);
    timeline_insert(&t, t.line_count, 0, &p);
    CHECK_INT(t.score, 300);
    CHECK_INT(timeline_stars(&t), 2);        /* 75% */
}

/* ---- The deal from a level ---- */

static Pack *make_pack(void)
{
    char *buf = malloc(20000);
    size_t n = (size_t)sprintf(buf, "{\"format\": 1, \"id\": \"p\", \"version\": \"1\", \"title\": \"P\","
        " \"languages\": [\"en\"], \"sources\": [{\"id\": \"s\", \"title\": \"S\"}], \"events\": [");
    for (int i = 0; i < 30; i++)
        n += (size_t)sprintf(buf + n, "%s{\"id\": \"e%d\", \"title\": \"E%d\", \"when\": \"%d\","
                             " \"tags\": [\"%s\"], \"sources\": [\"s\"]}", i ? "," : "", i, i, 1800 + i * 5,
                             i % 2 ? "odd" : "even");
    n += (size_t)sprintf(buf + n, ",{\"id\": \"tie\", \"title\": \"T\", \"when\": \"1800-05-01\", \"tags\": [\"even\"], \"sources\": [\"s\"]}]}");
    Pack *p = NULL;
    Diag d = {0};
    pack_load_memory(buf, n, "p/pack.json", "p", &p, &d);
    if (d.count)
        diag_print(&d, stderr);
    diag_free(&d);
    free(buf);
    return p;
}

static Level *make_level(const Pack *pack, const char *select, const char *rules)
{
    char *text = util_format("{\"format\": 1, \"id\": \"l\", \"title\": \"L\", \"pack\": \"p\", \"mode\": \"timeline\","
                             " \"variant\": \"insert\", \"select\": %s, \"rules\": %s, \"stars\": [40, 60, 80]}", select, rules);
    Level *lv = NULL;
    Diag d = {0};
    level_load_memory(text, strlen(text), "l.json", pack, &lv, &d);
    if (d.count)
        diag_print(&d, stderr);
    diag_free(&d);
    free(text);
    return lv;
}

static void deal_should_be_the_same_for_the_same_seed_and_respect_tags_and_ties(void)
{
    Pack *p = make_pack();
    CHECK(p != NULL);
    if (!p)
        return;
    Level *lv = make_level(p, "{\"tags\": [\"even\"], \"count\": 8, \"seed\": 7, \"avoid_ties\": true}", "{}");
    CHECK(lv != NULL);
    if (lv) {
        TimelineCard a[TIMELINE_MAX_CARDS], b[TIMELINE_MAX_CARDS];
        int na = 0, nb = 0;
        Rng r1, r2;
        rng_seed(&r1, 1);
        rng_seed(&r2, 999);   /* the level's seed wins over the caller's rng */
        CHECK_INT(timeline_deal(lv, p, &r1, a, TIMELINE_MAX_CARDS, &na), TIMELINE_OK);
        CHECK_INT(timeline_deal(lv, p, &r2, b, TIMELINE_MAX_CARDS, &nb), TIMELINE_OK);
        CHECK_INT(na, 8);
        CHECK_INT(nb, 8);
        for (int i = 0; i < na && i < nb; i++)
            CHECK_INT(a[i].ref.index, b[i].ref.index);
        for (int i = 0; i < na; i++) {
            CHECK_INT(a[i].when.from.year % 10, 0);   /* "even" events are at 1800, 1810, ... */
            for (int j = i + 1; j < na; j++)
                CHECK(timeline_compare(&a[i].when, &a[j].when, TIMELINE_BY_START) != 0);
        }
        TimelineConfig cfg;
        timeline_config_from_level(lv, &cfg);
        CHECK_INT(cfg.variant, TIMELINE_INSERT);
        CHECK_INT(cfg.lives, 3);   /* the default */
        CHECK(!cfg.streak_bonus && !cfg.speed_bonus);
        CHECK_INT(cfg.stars[2], 80);
        level_free(lv);
    }
    lv = make_level(p, "{\"count\": 5, \"spread\": \"close\"}", "{\"lives\": 5, \"streak_bonus\": true}");
    CHECK(lv != NULL);
    if (lv) {
        TimelineCard a[TIMELINE_MAX_CARDS], b[TIMELINE_MAX_CARDS];
        int na = 0, nb = 0;
        Rng r1, r2;
        rng_seed(&r1, 3);
        rng_seed(&r2, 3);
        timeline_deal(lv, p, &r1, a, TIMELINE_MAX_CARDS, &na);
        timeline_deal(lv, p, &r2, b, TIMELINE_MAX_CARDS, &nb);
        CHECK_INT(na, 5);
        bool same = na == nb;
        int lo = 99999, hi = -99999;
        for (int i = 0; i < na && i < nb; i++) {
            same = same && a[i].ref.index == b[i].ref.index;
            if (a[i].when.from.year < lo) lo = a[i].when.from.year;
            if (a[i].when.from.year > hi) hi = a[i].when.from.year;
        }
        CHECK(same);                 /* the same rng seed deals the same cards */
        CHECK(hi - lo <= 25);        /* five close cards, five years apart */
        TimelineConfig cfg;
        timeline_config_from_level(lv, &cfg);
        CHECK_INT(cfg.lives, 5);
        CHECK(cfg.streak_bonus);
        level_free(lv);
    }
    pack_free(p);
}

/* A level orders ranges by their start unless it says "ranges_by": "end"; another value is
 * refused with the accepted ones. */
static void level_ranges_by_should_pick_which_end_orders_a_war(void)
{
    const char *pack_text =
        "{\"format\": 1, \"id\": \"p\", \"version\": \"1\", \"title\": \"P\", \"languages\": [\"en\"],"
        " \"sources\": [{\"id\": \"s\", \"title\": \"S\"}], \"events\": ["
        "{\"id\": \"war\", \"title\": \"War\", \"when\": {\"from\": \"1856-10-08\", \"to\": \"1860-10-24\"},"
        " \"category\": \"war\", \"sources\": [\"s\"]},"
        "{\"id\": \"aigun\", \"title\": \"Aigun\", \"when\": \"1858-05-28\", \"sources\": [\"s\"]}]}";
    Pack *p = NULL;
    Diag d = {0};
    pack_load_memory(pack_text, strlen(pack_text), "p/pack.json", "p", &p, &d);
    CHECK(p != NULL);
    diag_free(&d);
    if (!p)
        return;
    const char *rules[] = {"{}", "{\"ranges_by\": \"start\"}", "{\"ranges_by\": \"end\"}"};
    const char *first[] = {"war", "war", "aigun"};
    for (int k = 0; k < 3; k++) {
        Level *lv = make_level(p, "{\"count\": 2, \"seed\": 1}", rules[k]);
        CHECK(lv != NULL);
        if (!lv)
            continue;
        TimelineConfig cfg;
        timeline_config_from_level(lv, &cfg);
        CHECK_INT(cfg.range_key, k == 2 ? TIMELINE_BY_END : TIMELINE_BY_START);
        TimelineCard cards[TIMELINE_MAX_CARDS];
        int n = 0;
        Rng rng;
        rng_seed(&rng, 5);
        CHECK_INT(timeline_deal(lv, p, &rng, cards, TIMELINE_MAX_CARDS, &n), TIMELINE_OK);
        CHECK_INT(n, 2);
        Timeline t;
        if (n == 2 && timeline_start(&t, &cfg, cards, n) == TIMELINE_OK) {
            int order[2];
            timeline_sorted(&t, order);
            CHECK_STR(pack_item_id(p, t.cards[order[0]].ref), first[k]);
        }
        level_free(lv);
    }
    const char *bad = "{\"format\": 1, \"id\": \"l\", \"title\": \"L\", \"pack\": \"p\", \"mode\": \"timeline\","
                      " \"rules\": {\"ranges_by\": \"middle\"}}";
    Level *lv = NULL;
    Diag bd = {0};
    CHECK_INT(level_load_memory(bad, strlen(bad), "l.json", p, &lv, &bd), LEVEL_ERR_INVALID);
    bool said = false;
    for (size_t i = 0; i < bd.count; i++)
        said = said || strstr(bd.items[i].message, "'middle' is not a valid ranges_by (one of: start, end)") != NULL;
    CHECK(said);
    CHECK(lv == NULL);
    level_free(lv);
    diag_free(&bd);
    pack_free(p);
}

int main(void)
{
    RUN(insert_should_keep_a_card_placed_in_a_right_gap);
    RUN(insert_should_move_a_wrong_card_to_its_true_place_and_cost_a_life);
    RUN(insert_should_accept_a_year_only_card_on_either_side_of_a_dated_card_of_that_year);
    RUN(insert_should_not_tie_two_different_days_of_the_same_month);
    RUN(ranges_should_be_ordered_by_their_start_unless_asked_otherwise);
    RUN(insert_round_should_end_lost_when_the_lives_run_out);
    RUN(insert_with_unlimited_lives_should_play_the_whole_deck);
    RUN(insert_should_reject_a_gap_outside_the_line);
    RUN(fair_scoring_should_give_the_same_points_for_every_right_card);
    RUN(streak_bonus_should_grow_with_the_streak_up_to_its_cap);
    RUN(speed_bonus_should_fall_from_full_to_nothing_over_the_time);
    RUN(order_check_should_credit_the_longest_ordered_subsequence_and_mark_the_rest);
    RUN(order_check_should_accept_ties_in_either_order);
    RUN(order_move_should_reject_positions_outside_the_row);
    RUN(sorted_should_list_every_card_in_date_order);
    RUN(stars_should_follow_the_level_thresholds);
    RUN(deal_should_be_the_same_for_the_same_seed_and_respect_tags_and_ties);
    RUN(level_ranges_by_should_pick_which_end_orders_a_war);
    return CHECK_DONE();
}
