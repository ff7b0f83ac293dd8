/* Tests of the strict JSON parser with positions, JSON paths, diagnostics and dates. */
#include "check.h"
#include "content/json.h"
#include "content/text.h"

#include <stdlib.h>

static bool parse(const char *s, JsonDoc *doc, JsonError *err)
{
    return json_parse(s, strlen(s), NULL, doc, err);
}

static void expect_error(const char *text, int line, int col, const char *msg)
{
    JsonDoc doc;
    JsonError err;
    bool ok = parse(text, &doc, &err);
    CHECK(!ok);
    CHECK(doc.root == NULL);
    CHECK_INT(err.line, line);
    CHECK_INT(err.col, col);
    if (!strstr(err.message, msg) || err.line != line || err.col != col)
        fprintf(stderr, "  %s -> %d:%d %s\n", text, err.line, err.col, err.message);
    CHECK(strstr(err.message, msg) != NULL);
}

static void parse_should_record_line_and_column_of_every_member(void)
{
    JsonDoc doc;
    JsonError err;
    const char *s = "{\n  \"id\": \"aigun\",\n  \"list\": [1, {\"x\": true}]\n}";
    CHECK(parse(s, &doc, &err));
    int line, col;
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(doc.root, "id");
    CHECK(json_pos(&doc, id, &line, &col));
    CHECK_INT(line, 2);
    CHECK_INT(col, 9);
    CHECK(json_key_pos(&doc, id, &line, &col));
    CHECK_INT(line, 2);
    CHECK_INT(col, 3);
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(doc.root, "list");
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(list, 1), "x");
    CHECK(json_pos(&doc, x, &line, &col));
    CHECK_INT(line, 3);
    CHECK_INT(col, 21);
    char path[128];
    CHECK_STR(json_path(&doc, x, path, sizeof path), "$.list[1].x");
    CHECK_STR(json_path(&doc, doc.root, path, sizeof path), "$");
    json_doc_free(&doc);
}

static void parse_should_count_columns_in_code_points(void)
{
    JsonDoc doc;
    JsonError err;
    const char *s = "{\"ru\": \"Айгунь\", \"zh\": \"瑷珲\", \"n\": 1}";
    CHECK(parse(s, &doc, &err));
    int line, col;
    CHECK(json_pos(&doc, cJSON_GetObjectItemCaseSensitive(doc.root, "zh"), &line, &col));
    CHECK_INT(col, 24);
    CHECK(json_pos(&doc, cJSON_GetObjectItemCaseSensitive(doc.root, "n"), &line, &col));
    CHECK_INT(col, 35);
    CHECK_STR(cJSON_GetObjectItemCaseSensitive(doc.root, "ru")->valuestring, "Айгунь");
    json_doc_free(&doc);
}

static void parse_should_decode_escapes_and_surrogate_pairs(void)
{
    JsonDoc doc;
    JsonError err;
    CHECK(parse("[\"a\\n\\\"b\\u00e9\\ud83d\\ude00\\/\"]", &doc, &err));
    CHECK_STR(doc.root->child->valuestring, "a\n\"b\xc3\xa9\xf0\x9f\x98\x80/");
    json_doc_free(&doc);
}

static void parse_should_read_numbers_per_the_grammar(void)
{
    JsonDoc doc;
    JsonError err;
    CHECK(parse("[0, -12.5e2, 1E-2, 131.886]", &doc, &err));
    CHECK_NEAR(cJSON_GetArrayItem(doc.root, 1)->valuedouble, -1250.0, 1e-9);
    CHECK_NEAR(cJSON_GetArrayItem(doc.root, 2)->valuedouble, 0.01, 1e-12);
    CHECK_NEAR(cJSON_GetArrayItem(doc.root, 3)->valuedouble, 131.886, 1e-12);
    json_doc_free(&doc);
}

static void parse_should_reject_each_kind_of_syntax_error_with_its_place(void)
{
    expect_error("{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}' after object member");
    expect_error("[1 2]", 1, 4, "expected ',' or ']' after array element");
    expect_error("{\"a\": 1,\n}", 2, 1, "trailing comma");
    expect_error("[1,]", 1, 4, "trailing comma");
    expect_error("[\"a\\q\"]", 1, 4, "invalid escape");
    expect_error("[\"\\u12G4\"]", 1, 3, "invalid escape");
    expect_error("[\"\\ud800x\"]", 1, 3, "without a low surrogate");
    expect_error("[\"\\u0000\"]", 1, 3, "NUL");
    expect_error("[\"a\xff\"]", 1, 4, "invalid UTF-8");
    expect_error("[\"\xc0\xaf\"]", 1, 3, "invalid UTF-8");
    expect_error("{\"id\": 1,\n \"id\": 2}", 2, 2, "duplicate key 'id'");
    expect_error("[\"abc", 1, 2, "unterminated string");
    expect_error("[\"ab\ncd\"]", 1, 5, "line break inside a string");
    expect_error("[01]", 1, 3, "leading zeros");
    expect_error("[1.]", 1, 4, "expected a digit after '.'");
    expect_error("[1e+]", 1, 5, "exponent");
    expect_error("[-]", 1, 3, "expected a digit after '-'");
    expect_error("[+1]", 1, 2, "cannot start with '+'");
    expect_error("[NaN]", 1, 2, "NaN");
    expect_error("[tru]", 1, 2, "invalid literal");
    expect_error("// hi\n{}", 1, 1, "comments are not allowed");
    expect_error("{'a': 1}", 1, 2, "double quotes");
    expect_error("{\"a\" 1}", 1, 6, "expected ':' after object key");
    expect_error("{} x", 1, 4, "after the end of the JSON value");
    expect_error("  \n ", 2, 2, "empty");
    expect_error("[1e999]", 1, 2, "out of range");
    expect_error("{\"a\":", 1, 6, "unexpected end of input");
}

static void parse_should_refuse_nesting_deeper_than_64_levels(void)
{
    char deep[200];
    memset(deep, '[', 65);
    memset(deep + 65, ']', 65);
    deep[130] = '\0';
    expect_error(deep, 1, 65, "nesting deeper than 64 levels");
    memset(deep, '[', 64);
    memset(deep + 64, ']', 64);
    deep[128] = '\0';
    JsonDoc doc;
    JsonError err;
    CHECK(parse(deep, &doc, &err));
    json_doc_free(&doc);
}

static void parse_should_enforce_the_size_and_string_limits(void)
{
    JsonDoc doc;
    JsonError err;
    JsonLimits lim = {.max_bytes = 10};
    CHECK(!json_parse("[1,2,3,4,5,6]", 13, &lim, &doc, &err));
    CHECK(strstr(err.message, "larger than") != NULL);
    JsonLimits lim2 = {.max_string = 4};
    CHECK(!json_parse("[\"abcdef\"]", 10, &lim2, &doc, &err));
    CHECK(strstr(err.message, "longer than 4 bytes") != NULL);
}

static void json_path_should_quote_keys_that_are_not_identifiers(void)
{
    JsonDoc doc;
    JsonError err;
    CHECK(parse("{\"a b\": [{\"treaties\": [0, 1, 2, {\"signed\": {\"from\": 1}}]}]}", &doc, &err));
    const cJSON *from = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(
        cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(doc.root, "a b"), 0), "treaties"), 3),
        "signed"), "from");
    char path[128];
    CHECK_STR(json_path(&doc, from, path, sizeof path), "$[\"a b\"][0].treaties[3].signed.from");
    json_doc_free(&doc);
}

static void diag_should_format_sort_and_count_messages(void)
{
    Diag d;
    diag_init(&d);
    diag_add(&d, DIAG_WARNING, "p.json", 5, 2, "$.x", "second");
    diag_add(&d, DIAG_ERROR, "p.json", 2, 7, NULL, "first");
    diag_add(&d, DIAG_ERROR, "other.json", 1, 1, "$", "third");
    diag_sort(&d);
    char buf[256];
    CHECK_STR(diag_format(&d.items[0], buf, sizeof buf), "p.json:2:7: error: first");
    CHECK_STR(diag_format(&d.items[1], buf, sizeof buf), "p.json:5:2: warning: second [$.x]");
    CHECK_STR(diag_format(&d.items[2], buf, sizeof buf), "other.json:1:1: error: third [$]");
    CHECK_INT(d.errors, 2);
    CHECK_INT(d.warnings, 1);
    diag_free(&d);
}

static void did_you_mean_should_find_close_field_names(void)
{
    const char *fields[] = {"id", "name", "signed", "parties", "sources"};
    CHECK_STR(json_did_you_mean("sigend", fields, 5), "signed");
    CHECK_STR(json_did_you_mean("source", fields, 5), "sources");
    CHECK(json_did_you_mean("colour", fields, 5) == NULL);
    CHECK_INT(json_edit_distance("kitten", "sitting", 5), 3);
}

static void date_parse_should_accept_three_precisions_and_reject_unreal_dates(void)
{
    Date d;
    CHECK_INT(date_parse("1858-05-28", &d), DATE_PARSE_OK);
    CHECK_INT(d.precision, DATE_PRECISION_DAY);
    CHECK_INT(d.day, 28);
    CHECK_INT(date_parse("1858-05", &d), DATE_PARSE_OK);
    CHECK_INT(d.precision, DATE_PRECISION_MONTH);
    CHECK_INT(date_parse("-0221", &d), DATE_PARSE_OK);
    CHECK_INT(d.year, -221);
    CHECK_INT(date_parse("2019-02-29", &d), DATE_PARSE_INVALID);
    CHECK_INT(date_parse("2020-02-29", &d), DATE_PARSE_OK);
    CHECK_INT(date_parse("1900-02-29", &d), DATE_PARSE_INVALID);
    CHECK_INT(date_parse("2000-02-29", &d), DATE_PARSE_OK);
    CHECK_INT(date_parse("-0001-02-29", &d), DATE_PARSE_OK); /* 1 BC is astronomical year 0 */
    CHECK_INT(date_parse("1858-13-01", &d), DATE_PARSE_INVALID);
    CHECK_INT(date_parse("1858-04-31", &d), DATE_PARSE_INVALID);
    CHECK_INT(date_parse("0000", &d), DATE_PARSE_INVALID);
    CHECK_INT(date_parse("858", &d), DATE_PARSE_SYNTAX);
    CHECK_INT(date_parse("1858-5-28", &d), DATE_PARSE_SYNTAX);
    CHECK_INT(date_parse("1858-05-28T00", &d), DATE_PARSE_SYNTAX);
}

static void date_compare_should_use_the_coarser_precision(void)
{
    Date y, m, dd, later;
    date_parse("1858", &y);
    date_parse("1858-05", &m);
    date_parse("1858-05-28", &dd);
    date_parse("1858-06-01", &later);
    CHECK_INT(date_compare_at_precision(&y, &dd), 0);
    CHECK_INT(date_compare_at_precision(&m, &dd), 0);
    CHECK_INT(date_compare_at_precision(&dd, &later), -1);
    CHECK_INT(date_compare_at_precision(&later, &m), 1);
    CHECK_INT(date_compare_at_precision(&y, &later), 0);
    CHECK_INT(date_compare(&y, &dd), -1);
}

static void date_format_should_write_english_russian_and_chinese(void)
{
    Date d;
    char buf[64];
    date_parse("1858-05-28", &d);
    CHECK_STR(date_format(&d, "en", buf, sizeof buf), "28 May 1858");
    CHECK_STR(date_format(&d, "ru", buf, sizeof buf), "28 мая 1858 г.");
    CHECK_STR(date_format(&d, "zh", buf, sizeof buf), "1858年5月28日");
    CHECK_STR(date_format(&d, "de", buf, sizeof buf), "28 May 1858");
    date_parse("1860-11", &d);
    CHECK_STR(date_format(&d, "en", buf, sizeof buf), "November 1860");
    CHECK_STR(date_format(&d, "ru", buf, sizeof buf), "ноябрь 1860 г.");
    CHECK_STR(date_format(&d, "zh", buf, sizeof buf), "1860年11月");
    date_parse("1689", &d);
    CHECK_STR(date_format(&d, "en", buf, sizeof buf), "1689");
    CHECK_STR(date_format(&d, "ru", buf, sizeof buf), "1689 г.");
    CHECK_STR(date_format(&d, "zh", buf, sizeof buf), "1689年");
    date_parse("-0221", &d);
    CHECK_STR(date_format(&d, "en", buf, sizeof buf), "221 BC");
    CHECK_STR(date_format(&d, "ru", buf, sizeof buf), "221 г. до н. э.");
    CHECK_STR(date_format(&d, "zh", buf, sizeof buf), "公元前221年");
    CHECK_STR(date_to_iso(&d, buf, sizeof buf), "-0221");
}

static void text_get_should_fall_back_to_english_then_the_first(void)
{
    TextItem items[] = {{"ru", "Айгунь"}, {"en", "Aigun"}};
    Text t = {items, 2};
    CHECK_STR(text_get(&t, "ru"), "Айгунь");
    CHECK_STR(text_get(&t, "zh"), "Aigun");
    Text only_ru = {items, 1};
    CHECK_STR(text_get(&only_ru, "zh"), "Айгунь");
    Text empty = {NULL, 0};
    CHECK_STR(text_get(&empty, "en"), "");
    CHECK(text_has(&t, "ru"));
    CHECK(!text_has(&t, "zh"));
}

static void parse_should_skip_a_byte_order_mark(void)
{
    JsonDoc doc;
    JsonError err;
    CHECK(parse("\xEF\xBB\xBF{\"a\": 1}", &doc, &err));
    int line, col;
    CHECK(json_pos(&doc, doc.root, &line, &col));
    CHECK_INT(col, 1);
    json_doc_free(&doc);
}

static void when_format_should_write_ranges_and_approximate_dates(void)
{
    When w = {0};
    char buf[96];
    date_parse("1856-10-08", &w.from);
    date_parse("1860-10-24", &w.to);
    w.is_range = true;
    CHECK_STR(when_format(&w, "en", buf, sizeof buf), "8 October 1856 – 24 October 1860");
    When a = {0};
    date_parse("1651", &a.from);
    a.to = a.from;
    a.approx = true;
    CHECK_STR(when_format(&a, "en", buf, sizeof buf), "c. 1651");
    CHECK_STR(when_format(&a, "ru", buf, sizeof buf), "ок. 1651 г.");
    CHECK_STR(when_format(&a, "zh", buf, sizeof buf), "约1651年");
}

/* Line and column of text[off] the way an editor counts them, written out independently. */
static void cursor_at(const char *text, size_t bom, size_t off, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = bom; i < off; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n') {
            (*line)++;
            *col = 1;
        } else if (c != '\r' && (c & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

static void positions_should_match_the_cursor_far_into_a_long_document(void)
{
    /* Over 40 KB with a byte-order mark, CRLF line ends, Cyrillic and Chinese text, and one
     * long line: positions are computed from stored offsets and the line marks. */
    enum { N = 1200 };
    size_t cap = 200000, len = 0;
    char *text = malloc(cap);
    size_t value_off[N], key_off[N];
    len += (size_t)snprintf(text + len, cap - len, "\xEF\xBB\xBF{\"list\": [\r\n");
    for (int i = 0; i < N; i++) {
        if (i % 7 == 3) {
            key_off[i] = 0;
            value_off[i] = len;
            len += (size_t)snprintf(text + len, cap - len, "\"Айгунь 瑷珲 %d\"%s", i, i + 1 < N ? ", " : "");
        } else {
            len += (size_t)snprintf(text + len, cap - len, "{\"x\": 1, ");
            key_off[i] = len;
            len += (size_t)snprintf(text + len, cap - len, "\"имя\":  ");
            value_off[i] = len;
            len += (size_t)snprintf(text + len, cap - len, "\"Нерчинск %d\"}%s%s", i, i + 1 < N ? "," : "",
                                    i % 50 == 49 ? "" : "\r\n");   /* every 50th runs on */
        }
    }
    len += (size_t)snprintf(text + len, cap - len, "]}\n");
    CHECK(len < cap);
    JsonDoc doc;
    JsonError err;
    CHECK(json_parse(text, len, NULL, &doc, &err));
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(doc.root, "list");
    CHECK_INT(cJSON_GetArraySize(list), N);
    int i = 0, bad = 0;
    for (const cJSON *e = list ? list->child : NULL; e; e = e->next, i++) {
        const cJSON *v = cJSON_IsObject(e) ? cJSON_GetObjectItemCaseSensitive(e, "имя") : e;
        int line, col, want_line, want_col;
        CHECK(json_pos(&doc, v, &line, &col));
        cursor_at(text, 3, value_off[i], &want_line, &want_col);
        bad += line != want_line || col != want_col;
        if (cJSON_IsObject(e)) {
            CHECK(json_key_pos(&doc, v, &line, &col));
            cursor_at(text, 3, key_off[i], &want_line, &want_col);
            bad += line != want_line || col != want_col;
        }
    }
    CHECK_INT(bad, 0);
    char path[64];
    CHECK_STR(json_path(&doc, cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(list, 1199), "имя"),
                        path, sizeof path), "$.list[1199][\"имя\"]");
    json_doc_free(&doc);
    free(text);
}

static void parse_should_report_errors_far_along_one_long_line(void)
{
    size_t n = 30000, len = 0;
    char *text = malloc(n * 4 + 16);
    text[len++] = '[';
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(text + len, "%s%d", i ? "," : "", (int)(i % 10));
    text[len++] = ',';
    text[len++] = ']';
    JsonDoc doc;
    JsonError err;
    CHECK(!json_parse(text, len, NULL, &doc, &err));
    CHECK_INT(err.line, 1);
    CHECK_INT(err.col, (int)len);
    CHECK(strstr(err.message, "trailing comma") != NULL);
    free(text);
}

static void parse_should_hold_as_many_values_as_the_text_can(void)
{
    /* The node block is sized from the text: the densest texts must still fit. */
    const char *dense[] = {"[1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]",
                           "[[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],{},{}]",
                           "[[[[[[[[[[[[[[[[[[[[[[[[0]]]]]]]]]]]]]]]]]]]]]]]]",
                           "{\"a\":{\"b\":{\"c\":[{},{\"d\":[[],{}]}]}},\"e\":0}", "0", "\"\""};
    for (size_t k = 0; k < sizeof dense / sizeof dense[0]; k++) {
        JsonDoc doc;
        JsonError err;
        bool ok = parse(dense[k], &doc, &err);
        CHECK(ok);
        if (!ok)
            fprintf(stderr, "  %s -> %s\n", dense[k], err.message);
        json_doc_free(&doc);
    }
    JsonDoc doc;
    JsonError err;
    CHECK(parse("[1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]", &doc, &err));
    CHECK_INT(cJSON_GetArraySize(doc.root), 30);
    json_doc_free(&doc);
}

static void parse_should_store_each_key_once_and_still_find_duplicates(void)
{
    JsonDoc doc;
    JsonError err;
    const char *s = "[{\"id\": \"a\", \"aVeryLongKeyThatIsNotSharedBecauseItIsOverFortyEightBytes\": 1},"
                    " {\"id\": \"b\", \"aVeryLongKeyThatIsNotSharedBecauseItIsOverFortyEightBytes\": 2}]";
    CHECK(parse(s, &doc, &err));
    const cJSON *a = cJSON_GetArrayItem(doc.root, 0), *b = cJSON_GetArrayItem(doc.root, 1);
    CHECK(a->child->string == b->child->string);
    CHECK_STR(a->child->next->string, b->child->next->string);
    CHECK_STR(cJSON_GetObjectItemCaseSensitive(b, "id")->valuestring, "b");
    json_doc_free(&doc);
    expect_error("[{\"id\": 1}, {\"x\": 1, \"id\": 2, \"id\": 3}]", 1, 31, "duplicate key 'id'");
}

static void doc_strings_should_outlive_the_document_once_given_away(void)
{
    JsonDoc doc;
    JsonError err;
    CHECK(parse("{\"name\": \"Nerchinsk \\u00e9\", \"n\": [\"Айгунь\"]}", &doc, &err));
    const char *name = cJSON_GetObjectItemCaseSensitive(doc.root, "name")->valuestring;
    const char *ru = cJSON_GetObjectItemCaseSensitive(doc.root, "n")->child->valuestring;
    CHECK(json_doc_string(&doc, name));
    CHECK(json_doc_string(&doc, ru));
    CHECK(!json_doc_string(&doc, "Nerchinsk"));
    Arena keep = {0};
    CHECK(arena_strdup(&keep, "first") != NULL);
    json_doc_give_strings(&doc, &keep);
    json_doc_free(&doc);
    CHECK_STR(name, "Nerchinsk \xC3\xA9");
    CHECK_STR(ru, "Айгунь");
    CHECK_STR(arena_strdup(&keep, "after"), "after");
    arena_free(&keep);
}

int main(void)
{
    RUN(parse_should_record_line_and_column_of_every_member);
    RUN(parse_should_count_columns_in_code_points);
    RUN(parse_should_decode_escapes_and_surrogate_pairs);
    RUN(parse_should_read_numbers_per_the_grammar);
    RUN(parse_should_reject_each_kind_of_syntax_error_with_its_place);
    RUN(parse_should_refuse_nesting_deeper_than_64_levels);
    RUN(parse_should_enforce_the_size_and_string_limits);
    RUN(json_path_should_quote_keys_that_are_not_identifiers);
    RUN(diag_should_format_sort_and_count_messages);
    RUN(did_you_mean_should_find_close_field_names);
    RUN(date_parse_should_accept_three_precisions_and_reject_unreal_dates);
    RUN(date_compare_should_use_the_coarser_precision);
    RUN(date_format_should_write_english_russian_and_chinese);
    RUN(text_get_should_fall_back_to_english_then_the_first);
    RUN(parse_should_skip_a_byte_order_mark);
    RUN(when_format_should_write_ranges_and_approximate_dates);
    RUN(positions_should_match_the_cursor_far_into_a_long_document);
    RUN(parse_should_report_errors_far_along_one_long_line);
    RUN(parse_should_hold_as_many_values_as_the_text_can);
    RUN(parse_should_store_each_key_once_and_still_find_duplicates);
    RUN(doc_strings_should_outlive_the_document_once_given_away);
    return CHECK_DONE();
}
