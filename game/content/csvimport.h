/* CSV import for teachers: RFC 4180 CSV (quoted fields, embedded commas, quotes and line breaks,
 * CRLF, UTF-8 BOM) or tab-separated text as Anki and Quizlet export it, turned into a pack.json
 * that validates. Two shapes: term,definition (flashcards) and title,date[,summary] (events). */
#ifndef FRONTIERS_CSVIMPORT_H
#define FRONTIERS_CSVIMPORT_H

#include "content/json.h"

#include <stdbool.h>
#include <stddef.h>

#define CSV_MAX_BYTES ((size_t)8 << 20)

typedef struct CsvRow {
    char **fields;
    size_t count;
    int line;               /* line of the file where the record starts */
} CsvRow;

typedef struct CsvTable {
    CsvRow *rows;           /* empty lines and leading "#key:value" lines (Anki) are skipped */
    size_t count;
    char delimiter;         /* ',', '\t' or ';': detected from the first record */
} CsvTable;

/* Parses text; problems (an unclosed quote, invalid UTF-8) go to diags as "display:line: ...".
 * Returns false when the table cannot be used. Free with csv_table_free. */
bool csv_parse(const char *text, size_t len, const char *display, CsvTable *out, Diag *diags);
void csv_table_free(CsvTable *t);

typedef enum CsvShape {
    CSV_SHAPE_UNKNOWN,
    CSV_SHAPE_CARDS,        /* term, definition */
    CSV_SHAPE_EVENTS,       /* title, date [, summary] */
} CsvShape;

typedef struct CsvImportOptions {
    const char *id;         /* pack id; NULL: the output folder's name */
    const char *title;      /* NULL: the CSV file's name */
    const char *lang;       /* language of the text; NULL: "en" */
    const char *source_title; /* NULL: "Imported from <file>" */
} CsvImportOptions;

/* Builds pack.json text (a heap string to free) from a parsed table. The shape comes from a
 * header row (term/front/question + definition/back/answer, or title + date) or, without one,
 * from column 2 holding dates. Errors name the CSV line. Returns false on any error. */
bool csvimport_build(const CsvTable *t, const char *display, const CsvImportOptions *o,
                     char **json_out, CsvShape *shape, size_t *items, Diag *diags);

/* Reads csv_path, writes out_dir/pack.json (refusing to replace one unless force) and checks the
 * result with pack_load. Returns 0 on success, 1 when the CSV or the pack has errors, 2 when
 * the options or the output folder are unusable. Messages go to diags. */
int csvimport_file(const char *csv_path, const char *out_dir, const CsvImportOptions *o,
                   bool force, Diag *diags, CsvShape *shape, size_t *items);

#endif
