/* Tests of CSV import: RFC 4180 parsing with line numbers, tab-separated exports, shape
 * detection, ids, errors naming the CSV line, and that the written pack validates. */
#include "check.h"
#include "content/csvimport.h"
#include "content/pack.h"
#include "base/util.h"

#include <stdlib.h>

static bool parse(const char *text, CsvTable *t, Diag *d)
{
    return csv_parse(text, strlen(text), "cards.csv", t, d);
}

static void csv_parse_should_handle_quotes_commas_line_breaks_and_crlf(void)
{
    CsvTable t;
    Diag d = {0};
    CHECK(parse("\xEF\xBB\xBFterm,definition\r\n\"Aigun, treaty\",\"said \"\"yes\"\"\"\r\n\"two\r\nlines\",x\r\n\r\n,\"\"\r\nlast,row", &t, &d));
    CHECK_INT(t.delimiter, ',');
    CHECK_INT(t.count, 4);
    if (t.count == 4) {
        CHECK_STR(t.rows[0].fields[0], "term");
        CHECK_STR(t.rows[1].fields[0], "Aigun, treaty");
        CHECK_STR(t.rows[1].fields[1], "said \"yes\"");
        CHECK_INT(t.rows[1].line, 2);
        CHECK_STR(t.rows[2].fields[0], "two\nlines");
        CHECK_INT(t.rows[2].line, 3);
        CHECK_STR(t.rows[3].fields[0], "last");
        CHECK_INT(t.rows[3].line, 7);   /* the blank line and the row of empty fields are skipped */
    }
    CHECK_INT(d.count, 0);
    csv_table_free(&t);
}

static void csv_parse_should_read_anki_and_quizlet_tab_exports(void)
{
    CsvTable t;
    Diag d = {0};
    CHECK(parse("#separator:tab\n#html:false\nfront one\tback, with comma\tsome-tag\nfront two\tback two\n", &t, &d));
    CHECK_INT(t.delimiter, '\t');
    CHECK_INT(t.count, 2);
    if (t.count == 2) {
        CHECK_STR(t.rows[0].fields[1], "back, with comma");
        CHECK_INT(t.rows[0].line, 3);
        CHECK_INT(t.rows[0].count, 3);
    }
    csv_table_free(&t);
    CHECK(parse("Moscow\tCapital of Russia\nBeijing\tCapital of China", &t, &d));
    CHECK_INT(t.delimiter, '\t');
    CHECK_INT(t.count, 2);
    csv_table_free(&t);
}

static void csv_parse_should_name_the_line_of_an_unclosed_quote_and_bad_utf8(void)
{
    CsvTable t;
    Diag d = {0};
    CHECK(!parse("a,b\nc,\"never\nclosed\n", &t, &d));
    char buf[256];
    CHECK(d.count == 1 && strcmp(diag_format(&d.items[0], buf, sizeof buf),
          "cards.csv:2: error: a quoted field starts here but its closing quote is missing") == 0);
    diag_free(&d);
    CHECK(!parse("a,b\nc,d\n\xff\xfe,x\n", &t, &d));
    CHECK(d.count == 1 && d.items[0].line == 3 && strstr(d.items[0].message, "not UTF-8"));
    diag_free(&d);
    CHECK(!parse("a,\"b\"c\n", &t, &d));
    CHECK(d.count == 1 && strstr(d.items[0].message, "after a closing quote"));
    diag_free(&d);
}

static bool build(const char *csv, char **json, CsvShape *shape, size_t *items, Diag *d)
{
    CsvTable t;
    if (!csv_parse(csv, strlen(csv), "cards.csv", &t, d))
        return false;
    CsvImportOptions o = {.id = "imported", .lang = "ru"};
    bool ok = csvimport_build(&t, "cards.csv", &o, json, shape, items, d);
    csv_table_free(&t);
    return ok;
}

static void csvimport_should_make_flashcards_that_validate(void)
{
    char *json = NULL;
    CsvShape shape;
    size_t items = 0;
    Diag d = {0};
    /* Without a header, column 2 holding mostly dates makes events; the odd row is an error. */
    CHECK(!build("Айгунь,1858\nNerchinsk,1689\nNerchinsk,again\n", &json, &shape, &items, &d));
    CHECK_INT(shape, CSV_SHAPE_EVENTS);
    CHECK(d.count == 1 && d.items[0].line == 3);
    diag_free(&d);
    CHECK(build("term,definition\nNerchinsk,first treaty\nNerchinsk,a town\nАйгунь,1858 treaty\n", &json, &shape, &items, &d));
    CHECK_INT(shape, CSV_SHAPE_CARDS);
    CHECK_INT(items, 3);
    CHECK(json && strstr(json, "\"nerchinsk\"") && strstr(json, "\"nerchinsk-2\"") && strstr(json, "\"card-3\""));
    Pack *p = NULL;
    CHECK_INT(pack_load_memory(json, json ? strlen(json) : 0, "imported/pack.json", "imported", &p, &d), PACK_OK);
    CHECK(p && p->flashcard_count == 3);
    if (p)
        CHECK_STR(text_get(&p->flashcards[2].front, "ru"), "Айгунь");
    CHECK_INT(d.errors, 0);
    pack_free(p);
    cJSON_free(json);
    diag_free(&d);
}

static void csvimport_should_make_events_and_name_the_line_of_a_bad_date(void)
{
    char *json = NULL;
    CsvShape shape;
    size_t items = 0;
    Diag d = {0};
    const char *csv = "title,date,summary\n"
                      "Treaty of Aigun,1858-05-28,\"Left bank, to Russia\"\n"
                      "Peking,1860-11-14\n"
                      "\"Multi\nline\",1689,x\n"
                      "Bad month,1858-13-01,x\n"
                      "Bad form,28.05.1858\n";
    CHECK(!build(csv, &json, &shape, &items, &d));
    CHECK_INT(shape, CSV_SHAPE_EVENTS);
    CHECK(json == NULL);
    CHECK_INT(d.errors, 2);
    char buf[256];
    if (d.count == 2) {
        CHECK_STR(diag_format(&d.items[0], buf, sizeof buf), "cards.csv:6: error: date '1858-13-01' is not a real date");
        CHECK_STR(diag_format(&d.items[1], buf, sizeof buf),
                  "cards.csv:7: error: date '28.05.1858' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
    }
    diag_free(&d);
    CHECK(build("title,date\nTreaty of Aigun,1858-05-28\nPeking,1860-11\n", &json, &shape, &items, &d));
    CHECK_INT(items, 2);
    Pack *p = NULL;
    CHECK_INT(pack_load_memory(json, json ? strlen(json) : 0, "imported/pack.json", "imported", &p, &d), PACK_OK);
    CHECK(p && p->event_count == 2 && p->events[1].when.from.precision == DATE_PRECISION_MONTH);
    if (p)
        CHECK_STR(p->events[0].id, "treaty-of-aigun");
    pack_free(p);
    cJSON_free(json);
    diag_free(&d);
}

static void csvimport_file_should_write_a_pack_and_refuse_to_overwrite_it(void)
{
    const char *tmp = getenv("FRONTIERS_TEST_TMP");
    char *dir = util_format("%s/csv", tmp ? tmp : "/tmp");
    char *out = util_format("%s/content/my-cards", dir);
    char *csv = util_format("%s/cards.csv", dir);
    char *pj = util_format("%s/pack.json", out);
    util_mkdirs(dir);
    remove(pj);
    const char *text = "front,back\nQ1,A1\nQ2,A2\n";
    CHECK_INT(util_write_file_atomic(csv, text, strlen(text)), 0);
    Diag d = {0};
    CsvShape shape;
    size_t items = 0;
    CHECK_INT(csvimport_file(csv, out, NULL, false, &d, &shape, &items), 0);
    CHECK_INT(items, 2);
    CHECK(util_is_file(pj));
    CHECK_INT(csvimport_file(csv, out, NULL, false, &d, &shape, &items), 2);
    CHECK(d.count == 1 && strstr(d.items[0].message, "already exists"));
    CHECK_INT(csvimport_file(csv, out, NULL, true, &d, &shape, &items), 0);
    CsvImportOptions bad = {.id = "other"};
    CHECK_INT(csvimport_file(csv, out, &bad, true, &d, &shape, &items), 2);
    diag_free(&d);
    free(dir); free(out); free(csv); free(pj);
}

int main(void)
{
    RUN(csv_parse_should_handle_quotes_commas_line_breaks_and_crlf);
    RUN(csv_parse_should_read_anki_and_quizlet_tab_exports);
    RUN(csv_parse_should_name_the_line_of_an_unclosed_quote_and_bad_utf8);
    RUN(csvimport_should_make_flashcards_that_validate);
    RUN(csvimport_should_make_events_and_name_the_line_of_a_bad_date);
    RUN(csvimport_file_should_write_a_pack_and_refuse_to_overwrite_it);
    return CHECK_DONE();
}
