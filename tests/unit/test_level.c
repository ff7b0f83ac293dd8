/* Tests of level and campaign parsing and of the seeded deal: determinism, ties, spread, ranges,
 * tags and ids, and the checks of a level against its pack. */
#include "check.h"
#include "content/level.h"
#include "base/util.h"

#include <stdlib.h>

static bool diag_has(const Diag *d, const char *needle)
{
    for (size_t i = 0; i < d->count; i++)
        if (strstr(d->items[i].message, needle))
            return true;
    return false;
}

/* 40 events one year apart (1800..1839, tagged "early" before 1820), plus two events that tie
 * with 1805 at year precision, and one flashcard. */
static Pack *make_pack(void)
{
    char *buf = malloc(20000);
    size_t n = (size_t)sprintf(buf, "{\"format\": 1, \"id\": \"p\", \"version\": \"1\", \"title\": \"P\","
        " \"languages\": [\"en\"], \"sources\": [{\"id\": \"s\", \"title\": \"S\"}], \"events\": [");
    for (int i = 0; i < 40; i++)
        n += (size_t)sprintf(buf + n, "%s{\"id\": \"e%d\", \"title\": \"E%d\", \"when\": \"%d-03-01\","
                             " \"tags\": [\"%s\"], \"sources\": [\"s\"]}", i ? "," : "", i, i, 1800 + i,
                             i < 20 ? "early" : "late");
    n += (size_t)sprintf(buf + n, ",{\"id\": \"tie-a\", \"title\": \"A\", \"when\": \"1805\", \"tags\": [\"tie\"], \"sources\": [\"s\"]}"
                         ",{\"id\": \"tie-b\", \"title\": \"B\", \"when\": \"1805-07\", \"tags\": [\"tie\"], \"sources\": [\"s\"]}]"
                         ", \"flashcards\": [{\"id\": \"c\", \"front\": \"F\", \"back\": \"B\", \"tags\": [\"tie\"]}]}");
    Pack *p = NULL;
    Diag d = {0};
    pack_load_memory(buf, n, "p/pack.json", "p", &p, &d);
    if (d.count)
        diag_print(&d, stderr);
    diag_free(&d);
    free(buf);
    return p;
}

static Level *make_level(const char *select, const char *mode, const Pack *pack, Diag *d)
{
    char *text = util_format("{\"format\": 1, \"id\": \"l\", \"title\": \"L\", \"pack\": \"p\", \"mode\": \"%s\","
                             " \"select\": %s}", mode, select);
    Level *lv = NULL;
    level_load_memory(text, strlen(text), "l.json", pack, &lv, d);
    free(text);
    return lv;
}

static int year_of(const Pack *p, PackItemRef r)
{
    When w;
    return pack_item_when(p, r, &w) ? w.from.year : 0;
}

static void level_load_should_read_every_field_of_the_format(void)
{
    const char *text =
        "{\"$schema\": \"../content/schema/level.schema.json\", \"format\": 1, \"id\": \"tl-amur-1\",\n"
        " \"title\": {\"en\": \"The Amur\", \"ru\": \"Амур\"}, \"pack\": \"sino-russian-border\",\n"
        " \"mode\": \"timeline\", \"variant\": \"order\",\n"
        " \"select\": {\"kinds\": [\"treaty\", \"event\"], \"tags\": [\"russia\"], \"ids\": [], \"from\": \"1689\", \"to\": \"1900\",\n"
        "            \"count\": 8, \"seed\": 42, \"spread\": \"far\", \"avoid_ties\": true},\n"
        " \"rules\": {\"lives\": 5, \"time_limit\": 30, \"hints\": false, \"streak_bonus\": true, \"speed_bonus\": false},\n"
        " \"stars\": [40, 60, 80], \"unlock\": {\"after\": \"tl-intro\", \"stars\": 2}}";
    Level *lv = NULL;
    Diag d = {0};
    CHECK_INT(level_load_memory(text, strlen(text), "tl-amur-1.json", NULL, &lv, &d), LEVEL_OK);
    CHECK_INT(d.count, 0);
    if (lv) {
        CHECK_STR(lv->id, "tl-amur-1");
        CHECK_STR(lv->pack, "sino-russian-border");
        CHECK_INT(lv->mode, LEVEL_MODE_TIMELINE);
        CHECK_INT(lv->variant, LEVEL_VARIANT_ORDER);
        CHECK_INT(lv->select.kinds, (1u << PACK_KIND_TREATY) | (1u << PACK_KIND_EVENT));
        CHECK_INT(lv->select.tags.count, 1);
        CHECK(lv->select.has_from && lv->select.has_to);
        CHECK_INT(lv->select.to.year, 1900);
        CHECK_INT(lv->select.count, 8);
        CHECK(lv->select.has_seed);
        CHECK_INT(lv->select.seed, 42);
        CHECK_INT(lv->select.spread, LEVEL_SPREAD_FAR);
        CHECK(lv->select.avoid_ties);
        CHECK_INT(lv->rules.lives, 5);
        CHECK_INT(lv->rules.time_limit, 30);
        CHECK(!lv->rules.hints);
        CHECK(lv->rules.streak_bonus);
        CHECK_INT(lv->stars[2], 80);
        CHECK(lv->has_unlock);
        CHECK_STR(lv->unlock_after, "tl-intro");
        CHECK_INT(lv->unlock_stars, 2);
        CHECK_STR(text_get(&lv->title, "ru"), "Амур");
    }
    level_free(lv);
    diag_free(&d);
}

static void level_load_should_report_bad_values_with_their_place(void)
{
    const char *text =
        "{\"format\": 1, \"id\": \"x\", \"title\": \"X\", \"pack\": \"p\", \"mode\": \"timeline\", \"variant\": \"find\",\n"
        " \"select\": {\"kinds\": [\"treaties\"], \"spred\": \"far\", \"from\": \"1900\", \"to\": \"1800\"},\n"
        " \"stars\": [90, 70, 50]}";
    Level *lv = NULL;
    Diag d = {0};
    CHECK_INT(level_load_memory(text, strlen(text), "x.json", NULL, &lv, &d), LEVEL_ERR_INVALID);
    CHECK(lv == NULL);
    CHECK(diag_has(&d, "'find' is not a valid variant for a timeline level"));
    CHECK(diag_has(&d, "'treaties' is not a valid kind (did you mean 'treaty'?"));
    CHECK(diag_has(&d, "unknown field 'spred' in select (did you mean 'spread'?)"));
    CHECK(diag_has(&d, "the range ends before it starts"));
    CHECK(diag_has(&d, "'stars' must go up"));
    diag_free(&d);
}

static void level_load_should_read_a_classroom_preset_and_refuse_bad_values(void)
{
    const char *good =
        "{\"format\": 1, \"id\": \"classroom-x\", \"title\": \"X\", \"pack\": \"p\", \"mode\": \"mixed\",\n"
        " \"classroom\": {\"questions\": 12, \"time_limit\": 30, \"scoring\": \"speed\", \"answers\": \"buzz\"}}";
    Level *lv = NULL;
    Diag d = {0};
    CHECK_INT(level_load_memory(good, strlen(good), "classroom-x.json", NULL, &lv, &d), LEVEL_OK);
    if (lv) {
        CHECK(lv->classroom.present);
        CHECK_INT(lv->classroom.questions, 12);
        CHECK_INT(lv->classroom.time_limit, 30);
        CHECK(!lv->classroom.fair);
        CHECK(lv->classroom.buzz_in);
    }
    level_free(lv);
    diag_free(&d);
    /* Fair mode has no timer, whatever the file says. */
    const char *fair =
        "{\"format\": 1, \"id\": \"classroom-f\", \"title\": \"X\", \"pack\": \"p\", \"mode\": \"mixed\",\n"
        " \"classroom\": {\"time_limit\": 30, \"scoring\": \"fair\"}}";
    lv = NULL;
    CHECK_INT(level_load_memory(fair, strlen(fair), "classroom-f.json", NULL, &lv, &d), LEVEL_OK);
    if (lv) {
        CHECK(lv->classroom.fair);
        CHECK_INT(lv->classroom.time_limit, 0);
        CHECK_INT(lv->classroom.questions, 10);
    }
    level_free(lv);
    diag_free(&d);
    const char *bad =
        "{\"format\": 1, \"id\": \"classroom-b\", \"title\": \"X\", \"pack\": \"p\", \"mode\": \"mixed\",\n"
        " \"classroom\": {\"questions\": 40, \"time_limit\": 5, \"scoring\": \"fast\", \"answer\": \"all\"}}";
    lv = NULL;
    CHECK_INT(level_load_memory(bad, strlen(bad), "classroom-b.json", NULL, &lv, &d), LEVEL_ERR_INVALID);
    CHECK(diag_has(&d, "'questions' is 40, outside 1 to 30"));
    CHECK(diag_has(&d, "'time_limit' is 5: use 0 (no timer) or 10 to 60 seconds"));
    CHECK(diag_has(&d, "'fast' is not a valid scoring"));
    CHECK(diag_has(&d, "unknown field 'answer' in classroom"));
    diag_free(&d);
}

static void level_select_should_deal_the_same_items_for_the_same_seed(void)
{
    Pack *p = make_pack();
    CHECK(p != NULL);
    Diag d = {0};
    Level *lv = make_level("{\"count\": 10, \"seed\": 7}", "timeline", p, &d);
    CHECK(lv != NULL);
    if (p && lv) {
        PackItemRef a[16], b[16];
        size_t na = 0, nb = 0;
        Rng r1, r2;
        rng_seed(&r1, 1);
        rng_seed(&r2, 999);  /* the level's seed wins over the caller's rng */
        CHECK(level_select_items(lv, p, &r1, a, 16, &na));
        CHECK(level_select_items(lv, p, &r2, b, 16, &nb));
        CHECK_INT(na, 10);
        CHECK_INT(nb, 10);
        CHECK(memcmp(a, b, sizeof a[0] * na) == 0);
    }
    level_free(lv);
    Level *unseeded = make_level("{\"count\": 10}", "timeline", p, &d);
    if (p && unseeded) {
        PackItemRef a[16], b[16];
        size_t na = 0, nb = 0;
        Rng r1, r2;
        rng_seed(&r1, 1);
        rng_seed(&r2, 2);
        level_select_items(unseeded, p, &r1, a, 16, &na);
        level_select_items(unseeded, p, &r2, b, 16, &nb);
        CHECK_INT(na, 10);
        CHECK(memcmp(a, b, sizeof a[0] * na) != 0);
    }
    level_free(unseeded);
    CHECK_INT(d.errors, 0);
    diag_free(&d);
    pack_free(p);
}

static void level_select_should_never_deal_two_tied_dates_with_avoid_ties(void)
{
    Pack *p = make_pack();
    Diag d = {0};
    for (uint64_t seed = 0; seed < 40 && p; seed++) {
        char sel[128];
        snprintf(sel, sizeof sel, "{\"tags\": [\"tie\", \"early\"], \"count\": 20, \"seed\": %llu, \"avoid_ties\": true}",
                 (unsigned long long)seed);
        Level *lv = make_level(sel, "timeline", p, &d);
        PackItemRef out[32];
        size_t n = 0;
        if (lv)
            level_select_items(lv, p, NULL, out, 32, &n);
        CHECK_INT(n, 20);  /* 22 candidates, three of them share 1805 */
        When w[32];
        for (size_t i = 0; i < n; i++)
            CHECK(pack_item_when(p, out[i], &w[i]));
        for (size_t i = 0; i < n; i++)
            for (size_t j = i + 1; j < n; j++)
                CHECK(date_compare_at_precision(&w[i].from, &w[j].from) != 0);
        level_free(lv);
    }
    CHECK_INT(d.errors, 0);
    diag_free(&d);
    pack_free(p);
}

static double mean_gap(const Pack *p, const PackItemRef *items, size_t n)
{
    int y[64];
    for (size_t i = 0; i < n; i++)
        y[i] = year_of(p, items[i]);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && y[j - 1] > y[j]; j--) {
            int t = y[j]; y[j] = y[j - 1]; y[j - 1] = t;
        }
    return n > 1 ? (double)(y[n - 1] - y[0]) / (double)(n - 1) : 0;
}

static void level_select_should_spread_far_and_gather_close(void)
{
    Pack *p = make_pack();
    Diag d = {0};
    double far_sum = 0, close_sum = 0;
    for (uint64_t seed = 1; seed <= 20 && p; seed++) {
        char sel[128];
        PackItemRef out[8];
        size_t n = 0;
        snprintf(sel, sizeof sel, "{\"kinds\": [\"event\"], \"count\": 5, \"seed\": %llu, \"spread\": \"far\"}",
                 (unsigned long long)seed);
        Level *far = make_level(sel, "timeline", p, &d);
        if (far && level_select_items(far, p, NULL, out, 8, &n))
            far_sum += mean_gap(p, out, n);
        CHECK_INT(n, 5);
        level_free(far);
        snprintf(sel, sizeof sel, "{\"kinds\": [\"event\"], \"count\": 5, \"seed\": %llu, \"spread\": \"close\"}",
                 (unsigned long long)seed);
        Level *close = make_level(sel, "timeline", p, &d);
        if (close && level_select_items(close, p, NULL, out, 8, &n))
            close_sum += mean_gap(p, out, n);
        CHECK_INT(n, 5);
        level_free(close);
    }
    /* 40 years of events: five far apart are ~10 years apart, five close ones ~1-2. */
    CHECK(far_sum / 20 > 7.0);
    CHECK(close_sum / 20 < 2.5);
    CHECK_INT(d.errors, 0);
    diag_free(&d);
    pack_free(p);
}

static void level_select_should_honour_ranges_ids_and_kinds(void)
{
    Pack *p = make_pack();
    Diag d = {0};
    Level *range = make_level("{\"from\": \"1810\", \"to\": \"1814-12\", \"seed\": 3}", "timeline", p, &d);
    PackItemRef out[64];
    size_t n = 0;
    if (range)
        level_select_items(range, p, NULL, out, 64, &n);
    CHECK_INT(n, 5);
    for (size_t i = 0; i < n; i++)
        CHECK(year_of(p, out[i]) >= 1810 && year_of(p, out[i]) <= 1814);
    level_free(range);
    Level *ids = make_level("{\"ids\": [\"e3\", \"c\", \"e9\"], \"seed\": 3}", "flashcards", p, &d);
    if (ids)
        level_select_items(ids, p, NULL, out, 64, &n);
    CHECK_INT(n, 3);
    level_free(ids);
    Level *cards = make_level("{\"kinds\": [\"flashcard\"]}", "flashcards", p, &d);
    if (cards)
        level_select_items(cards, p, NULL, out, 64, &n);
    CHECK_INT(n, 1);
    CHECK(n == 1 && out[0].kind == PACK_KIND_FLASHCARD);
    level_free(cards);
    /* A timeline only takes dated items: the flashcard tagged "tie" is left out. */
    Level *tl = make_level("{\"tags\": [\"tie\"]}", "timeline", NULL, &d);
    CHECK(tl != NULL && level_candidate_count(tl, p) == 2);
    level_free(tl);
    CHECK_INT(d.errors, 0);
    diag_free(&d);
    pack_free(p);
}

static void level_load_should_check_the_selection_against_the_pack(void)
{
    Pack *p = make_pack();
    Diag d = {0};
    Level *lv = make_level("{\"tags\": [\"tie\"], \"count\": 2}", "timeline", p, &d);
    CHECK(lv == NULL);
    CHECK(diag_has(&d, "a timeline deals 2 cards but the selection has only 1 distinct dates"));
    diag_free(&d);
    diag_init(&d);
    lv = make_level("{\"ids\": [\"e99\"]}", "flashcards", p, &d);
    CHECK(lv == NULL);
    CHECK(diag_has(&d, "no selected item in pack 'p' has id 'e99'"));
    diag_free(&d);
    diag_init(&d);
    lv = make_level("{\"kinds\": [\"event\"], \"count\": 50}", "timeline", p, &d);
    CHECK(lv == NULL);
    CHECK(diag_has(&d, "'count' is 50 but the selection matches only 42 items"));
    diag_free(&d);
    pack_free(p);
}

static void campaign_load_should_read_chapters_and_refuse_repeats(void)
{
    const char *tmp = getenv("FRONTIERS_TEST_TMP");
    char *dir = util_format("%s/campaign", tmp ? tmp : "/tmp");
    util_mkdirs(dir);
    char *path = util_format("%s/campaign.json", dir);
    const char *good = "{\"format\": 1, \"id\": \"main\", \"title\": {\"en\": \"The Border\"}, \"chapters\": [\n"
                       " {\"title\": {\"en\": \"Chapter 1\"}, \"levels\": [\"tl-intro\", \"fc-aigun\"]},\n"
                       " {\"title\": \"Chapter 2\", \"levels\": [\"map-amur\"]}]}";
    util_write_file_atomic(path, good, strlen(good));
    Campaign *c = NULL;
    Diag d = {0};
    CHECK_INT(campaign_load(path, &c, &d), LEVEL_OK);
    CHECK(c && c->chapter_count == 2);
    if (c) {
        CHECK_INT(c->chapters[0].levels.count, 2);
        CHECK_STR(c->chapters[1].levels.items[0], "map-amur");
    }
    campaign_free(c);
    const char *bad = "{\"format\": 1, \"id\": \"main\", \"title\": \"T\", \"chapters\": [\n"
                      " {\"title\": \"A\", \"levels\": [\"a\", \"b\"]}, {\"title\": \"B\", \"levels\": [\"b\"]}]}";
    util_write_file_atomic(path, bad, strlen(bad));
    CHECK_INT(campaign_load(path, &c, &d), LEVEL_ERR_INVALID);
    CHECK(diag_has(&d, "level 'b' appears twice in the campaign"));
    diag_free(&d);
    free(dir);
    free(path);
}

int main(void)
{
    RUN(level_load_should_read_every_field_of_the_format);
    RUN(level_load_should_report_bad_values_with_their_place);
    RUN(level_select_should_deal_the_same_items_for_the_same_seed);
    RUN(level_select_should_never_deal_two_tied_dates_with_avoid_ties);
    RUN(level_select_should_spread_far_and_gather_close);
    RUN(level_select_should_honour_ranges_ids_and_kinds);
    RUN(level_load_should_check_the_selection_against_the_pack);
    RUN(campaign_load_should_read_chapters_and_refuse_repeats);
    RUN(level_load_should_read_a_classroom_preset_and_refuse_bad_values);
    return CHECK_DONE();
}
