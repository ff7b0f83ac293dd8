/* Tests of pack loading: the example pack's typed model, resolved references, the item view,
 * and that broken packs are reported with their place and skipped. */
#include "check.h"
#include "content/pack.h"
#include "content/validate.h"
#include "base/util.h"

#include <stdlib.h>

static char *example_dir(void)
{
    const char *src = getenv("FRONTIERS_SOURCE_DIR");
    return util_format("%s/content/examples/example-pack", src ? src : ".");
}

static bool diag_has(const Diag *d, const char *needle)
{
    for (size_t i = 0; i < d->count; i++)
        if (strstr(d->items[i].message, needle))
            return true;
    return false;
}

static void pack_load_should_read_the_example_pack_without_messages(void)
{
    char *dir = example_dir();
    Pack *p = NULL;
    Diag d = {0};
    CHECK_INT(pack_load(dir, &p, &d), PACK_OK);
    CHECK_INT(d.count, 0);
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->id, "example-pack");
        CHECK_INT(p->treaty_count, 2);
        CHECK_INT(p->event_count, 9);
        CHECK_INT(p->flashcard_count, 4);
        CHECK_INT(p->languages.count, 3);
        CHECK_INT(p->region_count, 1);
        CHECK_INT(p->river_count, 1);
        CHECK_INT(p->border_count, 1);
    }
    pack_free(p);
    diag_free(&d);
    free(dir);
}

static void pack_load_should_resolve_every_reference_to_an_index(void)
{
    char *dir = example_dir();
    Pack *p = NULL;
    CHECK_INT(pack_load(dir, &p, NULL), PACK_OK);
    if (p) {
        int32_t t = pack_find(p, PACK_KIND_TREATY, "aigun-1858");
        CHECK(t >= 0);
        const PackTreaty *aigun = &p->treaties[t];
        CHECK_INT(aigun->parties.count, 2);
        CHECK_STR(p->parties[aigun->parties.items[0]].id, "russia");
        CHECK_STR(p->places[aigun->place].id, "aigun");
        CHECK_STR(p->people[aigun->signatories[0].people.items[0]].id, "muravyov-amursky");
        CHECK_STR(p->regions[aigun->regions.items[0]].id, "left-bank-amur");
        CHECK_STR(p->sources[aigun->sources.items[0]].id, "britannica-aigun");
        CHECK(aigun->unequal);
        CHECK_INT(aigun->signed_on.from.day, 28);
        CHECK(aigun->signed_on.has_old_style);
        CHECK_INT(aigun->signed_on.old_style.day, 16);
        CHECK_INT(aigun->ratification_count, 1);
        CHECK_INT(aigun->ratifications[0].kind, PACK_RATIFICATION_CONFIRMED);
        CHECK_INT(aigun->perspective_count, 2);
        CHECK_STR(text_get(&aigun->name, "zh"), "瑷珲条约");
        const PackRegion *r = &p->regions[0];
        CHECK_STR(p->parties[r->from_party].id, "qing");
        CHECK_STR(p->treaties[r->treaty].id, "aigun-1858");
        CHECK_STR(p->maps[r->map].id, "amur");
        CHECK_STR(p->maps[0].projection.type, "lcc");
        CHECK_NEAR(p->maps[0].bounds[2], 145, 1e-9);
    }
    pack_free(p);
    free(dir);
}

static void pack_item_view_should_give_ids_titles_and_dates_of_any_kind(void)
{
    char *dir = example_dir();
    Pack *p = NULL;
    CHECK_INT(pack_load(dir, &p, NULL), PACK_OK);
    if (p) {
        PackItemRef ev = {PACK_KIND_EVENT, (uint32_t)pack_find(p, PACK_KIND_EVENT, "second-opium-war")};
        CHECK_STR(pack_item_id(p, ev), "second-opium-war");
        CHECK_STR(pack_item_title(p, ev, "ru"), "Вторая опиумная война");
        When w;
        CHECK(pack_item_when(p, ev, &w));
        CHECK(w.is_range);
        CHECK_INT(w.to.year, 1860);
        PackItemRef person = {PACK_KIND_PERSON, (uint32_t)pack_find(p, PACK_KIND_PERSON, "yishan")};
        CHECK(pack_item_when(p, person, &w));
        CHECK_INT(w.from.year, 1790);
        CHECK_INT(w.to.year, 1878);
        PackItemRef river = {PACK_KIND_RIVER, 0};
        CHECK(!pack_item_when(p, river, &w));
        CHECK_STR(pack_item_title(p, river, "zh"), "黑龙江");
        PackItemRef region = {PACK_KIND_REGION, 0};
        CHECK(pack_item_when(p, region, &w));
        CHECK_INT(w.from.year, 1858);
        PackItemRef card = {PACK_KIND_FLASHCARD, 1};
        CHECK_STR(pack_item_id(p, card), "aigun-river");
        CHECK_INT(pack_item_tags(p, card).count, 1);
        CHECK_INT(pack_item_count(p, PACK_KIND_PLACE), 4);
        CHECK(pack_item_id(p, (PackItemRef){PACK_KIND_EVENT, 999}) == NULL);
        PackKind k;
        CHECK(pack_kind_parse("flashcard", &k));
        CHECK_INT(k, PACK_KIND_FLASHCARD);
        CHECK(!pack_kind_parse("card", &k));
    }
    pack_free(p);
    free(dir);
}

static const char *MINIMAL =
    "{\"format\": 1, \"id\": \"mini\", \"version\": \"1\", \"title\": \"Mini\", \"languages\": [\"en\"],\n"
    " \"sources\": [{\"id\": \"s\", \"title\": \"S\"}],\n"
    " \"events\": [{\"id\": \"e1\", \"title\": \"E\", \"when\": \"1858\", \"sources\": [\"s\"]}]}";

static void pack_load_memory_should_accept_a_minimal_pack(void)
{
    Pack *p = NULL;
    Diag d = {0};
    CHECK_INT(pack_load_memory(MINIMAL, strlen(MINIMAL), "mini/pack.json", "mini", &p, &d), PACK_OK);
    CHECK_INT(d.count, 0);
    CHECK(p && p->event_count == 1);
    pack_free(p);
    diag_free(&d);
}

static void pack_load_memory_should_report_each_problem_with_line_column_and_path(void)
{
    const char *text =
        "{\"format\": 1, \"id\": \"mini\", \"version\": \"1\", \"title\": \"Mini\", \"languages\": [\"en\"],\n"
        " \"sources\": [{\"id\": \"s\", \"title\": \"S\"}],\n"
        " \"events\": [{\"id\": \"e1\", \"title\": \"E\", \"when\": \"1858-02-30\", \"sources\": [\"t\"]},\n"
        "            {\"id\": \"e1\", \"titel\": \"E\", \"when\": {\"from\": \"1860\", \"to\": \"1850\"}, \"sources\": [\"s\"]}]}";
    Pack *p = NULL;
    Diag d = {0};
    CHECK_INT(pack_load_memory(text, strlen(text), "mini/pack.json", "other", &p, &d), PACK_ERR_INVALID);
    CHECK(p == NULL);
    diag_sort(&d);
    CHECK(diag_has(&d, "pack id 'mini' must equal its folder name 'other'"));
    CHECK(diag_has(&d, "'1858-02-30' is not a real date (February 1858 has 28 days)"));
    CHECK(diag_has(&d, "source 't' is not in this pack's 'sources'"));
    CHECK(diag_has(&d, "duplicate event id 'e1' (already used at line 3)"));
    CHECK(diag_has(&d, "unknown field 'titel' in event (did you mean 'title'?)"));
    CHECK(diag_has(&d, "missing required field 'title' in this event"));
    CHECK(diag_has(&d, "the range ends before it starts"));
    char buf[512];
    bool found = false;
    for (size_t i = 0; i < d.count; i++) {
        diag_format(&d.items[i], buf, sizeof buf);
        if (strcmp(buf, "mini/pack.json:3:48: error: '1858-02-30' is not a real date (February 1858 has 28 days) [$.events[0].when]") == 0)
            found = true;
    }
    if (!found)
        diag_print(&d, stderr);
    CHECK(found);
    CHECK(d.errors >= 6);
    CHECK_INT(d.warnings, 1);
    pack_free(p);
    diag_free(&d);
}

static void pack_load_should_refuse_paths_that_leave_the_pack(void)
{
    const char *text =
        "{\"format\": 1, \"id\": \"mini\", \"version\": \"1\", \"title\": \"Mini\", \"languages\": [\"en\"],\n"
        " \"sources\": [{\"id\": \"s\", \"title\": \"S\"}],\n"
        " \"flashcards\": [{\"id\": \"a\", \"front\": \"F\", \"back\": \"B\", \"image\": \"../x.png\"},\n"
        "                {\"id\": \"b\", \"front\": \"F\", \"back\": \"B\", \"image\": \"/etc/passwd\"}]}";
    Pack *p = NULL;
    Diag d = {0};
    CHECK_INT(pack_load_memory(text, strlen(text), "pack.json", NULL, &p, &d), PACK_ERR_INVALID);
    CHECK(diag_has(&d, "leaves the pack folder"));
    CHECK(diag_has(&d, "is an absolute path"));
    diag_free(&d);
}

static void packs_load_all_should_skip_a_broken_pack_and_keep_the_others(void)
{
    const char *tmp = getenv("FRONTIERS_TEST_TMP");
    char *root = util_format("%s/packs-all", tmp ? tmp : "/tmp");
    char *good = util_format("%s/mini", root);
    char *bad = util_format("%s/broken", root);
    CHECK(util_mkdirs(good));
    CHECK(util_mkdirs(bad));
    char *gp = util_format("%s/pack.json", good), *bp = util_format("%s/pack.json", bad);
    CHECK_INT(util_write_file_atomic(gp, MINIMAL, strlen(MINIMAL)), 0);
    CHECK_INT(util_write_file_atomic(bp, "{\"format\": 1,", 13), 0);
    Pack **packs = NULL;
    size_t n = 0;
    Diag d = {0};
    CHECK_INT(packs_load_all(root, &packs, &n, &d), PACK_OK);
    CHECK_INT(n, 1);
    if (n == 1)
        CHECK_STR(packs[0]->id, "mini");
    CHECK_INT(d.errors, 1);
    CHECK(d.count == 1 && strstr(d.items[0].file, "broken/pack.json") != NULL);
    packs_free(packs, n);
    diag_free(&d);
    free(root); free(good); free(bad); free(gp); free(bp);
}

/* A FeatureCollection with one polygon ring of n positions (closed). */
static char *ring_geojson(size_t n)
{
    char *buf = malloc(n * 24 + 200);
    size_t k = (size_t)sprintf(buf, "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
                               "\"properties\": {\"id\": \"big\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[");
    for (size_t i = 0; i + 1 < n; i++)
        k += (size_t)sprintf(buf + k, "[%.5f,%.5f],", 100.0 + (double)i * 1e-4, 40.0 + (double)(i % 7) * 1e-3);
    k += (size_t)sprintf(buf + k, "[100.00000,40.00000]]]}}]}");
    return buf;
}

static void validate_geojson_should_hold_the_vertex_limit_per_ring(void)
{
    Diag d = {0};
    GeoIds ids;
    char *ok = ring_geojson(GEOJSON_MAX_RING_VERTICES);
    CHECK(validate_geojson_text(ok, strlen(ok), "ok.geojson", &d, &ids));
    CHECK(geoids_contains(&ids, "big"));
    geoids_free(&ids);
    CHECK_INT(d.count, 0);
    char *big = ring_geojson(GEOJSON_MAX_RING_VERTICES + 1);
    CHECK(!validate_geojson_text(big, strlen(big), "big.geojson", &d, &ids));
    geoids_free(&ids);
    CHECK(d.count == 1 && strstr(d.items[0].message, "a ring has 200001 positions; at most 200000"));
    diag_free(&d);
    free(ok);
    free(big);
}

static void pack_strings_should_not_depend_on_the_text_they_were_loaded_from(void)
{
    /* The pack keeps the parser's decoded strings: they must be copies, not the caller's text. */
    size_t n = strlen(MINIMAL);
    char *text = malloc(n + 1);
    memcpy(text, MINIMAL, n + 1);
    Pack *p = NULL;
    Diag d = {0};
    CHECK_INT(pack_load_memory(text, n, "mini/pack.json", "mini", &p, &d), PACK_OK);
    memset(text, 'x', n);
    free(text);
    if (p) {
        CHECK_STR(p->id, "mini");
        CHECK_STR(p->events[0].id, "e1");
        CHECK_STR(text_get(&p->events[0].title, "en"), "E");
        CHECK_STR(p->sources[0].title, "S");
    }
    pack_free(p);
    diag_free(&d);
}

static void pack_load_should_count_every_bad_reference_and_suggest_in_those_it_keeps(void)
{
    /* 1,500 events name places that do not exist: all are counted, the first 1,000 kept with
     * a suggestion (the search for one is skipped for the rest, which are only counted). */
    enum { N = 1500 };
    size_t cap = (size_t)N * 200 + 512, len = 0;
    char *text = malloc(cap);
    len += (size_t)snprintf(text + len, cap - len,
                            "{\"format\": 1, \"id\": \"mini\", \"version\": \"1\", \"title\": \"Mini\","
                            " \"languages\": [\"en\"], \"sources\": [{\"id\": \"s\", \"title\": \"S\"}],\n"
                            " \"places\": [");
    for (int i = 0; i < N; i++)
        len += (size_t)snprintf(text + len, cap - len, "%s{\"id\": \"place-%d\", \"name\": \"P\", \"sources\": [\"s\"]}",
                                i ? ", " : "", i);
    len += (size_t)snprintf(text + len, cap - len, "],\n \"events\": [");
    for (int i = 0; i < N; i++)
        len += (size_t)snprintf(text + len, cap - len,
                                "%s{\"id\": \"e%d\", \"title\": \"E\", \"when\": \"1858\", \"place\": \"plcae-%d\", \"sources\": [\"s\"]}\n",
                                i ? ", " : "", i, i);
    len += (size_t)snprintf(text + len, cap - len, "]}");
    CHECK(len < cap);
    Pack *p = NULL;
    Diag d = {0};
    CHECK_INT(pack_load_memory(text, len, "mini/pack.json", "mini", &p, &d), PACK_ERR_INVALID);
    CHECK_INT(d.errors, N);
    CHECK_INT(d.count, DIAG_MAX_ENTRIES);
    CHECK_INT(d.dropped, N - DIAG_MAX_ENTRIES);
    if (d.count == DIAG_MAX_ENTRIES) {
        CHECK_STR(d.items[0].message, "place 'plcae-0' is not in this pack's 'places' (did you mean 'place-0'?)");
        CHECK_STR(d.items[999].message, "place 'plcae-999' is not in this pack's 'places' (did you mean 'place-999'?)");
        CHECK_STR(d.items[999].path, "$.events[999].place");
        CHECK_INT(d.items[999].line, 1002);
    }
    pack_free(p);
    diag_free(&d);
    free(text);
}

static void pack_load_should_warn_about_each_repeated_reference_once(void)
{
    const char *text =
        "{\"format\": 1, \"id\": \"mini\", \"version\": \"1\", \"title\": \"Mini\", \"languages\": [\"en\"],\n"
        " \"sources\": [{\"id\": \"s\", \"title\": \"S\"}, {\"id\": \"t\", \"title\": \"T\"}, {\"id\": \"u\", \"title\": \"U\"}],\n"
        " \"events\": [{\"id\": \"e1\", \"title\": \"E\", \"when\": \"1858\", \"sources\": [\"s\", \"t\", \"s\", \"u\", \"t\", \"s\"]},\n"
        "            {\"id\": \"e2\", \"title\": \"E\", \"when\": \"1858\", \"sources\": [\"t\", \"s\"]}]}";
    Pack *p = NULL;
    Diag d = {0};
    CHECK_INT(pack_load_memory(text, strlen(text), "mini/pack.json", "mini", &p, &d), PACK_OK);
    CHECK_INT(d.warnings, 3);
    if (d.count == 3) {
        CHECK_STR(d.items[0].message, "source 's' is listed twice");
        CHECK_STR(d.items[0].path, "$.events[0].sources[2]");
        CHECK_STR(d.items[1].path, "$.events[0].sources[4]");
        CHECK_STR(d.items[2].path, "$.events[0].sources[5]");
    }
    if (p) {
        CHECK_INT(p->events[0].sources.count, 3);
        CHECK_INT(p->events[1].sources.count, 2);
        CHECK_INT(p->events[1].sources.items[0], 1);
        CHECK_INT(p->events[1].sources.items[1], 0);
    }
    pack_free(p);
    diag_free(&d);
}

int main(void)
{
    RUN(pack_load_should_read_the_example_pack_without_messages);
    RUN(pack_load_should_resolve_every_reference_to_an_index);
    RUN(pack_item_view_should_give_ids_titles_and_dates_of_any_kind);
    RUN(pack_load_memory_should_accept_a_minimal_pack);
    RUN(pack_load_memory_should_report_each_problem_with_line_column_and_path);
    RUN(pack_load_should_refuse_paths_that_leave_the_pack);
    RUN(packs_load_all_should_skip_a_broken_pack_and_keep_the_others);
    RUN(validate_geojson_should_hold_the_vertex_limit_per_ring);
    RUN(pack_strings_should_not_depend_on_the_text_they_were_loaded_from);
    RUN(pack_load_should_count_every_bad_reference_and_suggest_in_those_it_keeps);
    RUN(pack_load_should_warn_about_each_repeated_reference_once);
    return CHECK_DONE();
}
