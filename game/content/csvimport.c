/* CSV and tab-separated import into a pack: an RFC 4180 record parser that keeps line numbers,
 * shape detection (cards or events), id generation from titles, and the pack.json writer. The
 * written pack is loaded back with pack_load, so an import never leaves an invalid pack unnoticed. */
#include "content/csvimport.h"

#include "content/pack.h"
#include "content/text.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Parsing ---- */

typedef struct Field {
    char *s;
    size_t len, cap;
} Field;

static bool field_push(Field *f, char c)
{
    if (f->len + 2 > f->cap) {
        size_t ncap = f->cap ? f->cap * 2 : 32;
        char *ns = realloc(f->s, ncap);
        if (!ns)
            return false;
        f->s = ns;
        f->cap = ncap;
    }
    f->s[f->len++] = c;
    f->s[f->len] = '\0';
    return true;
}

static bool row_push(CsvRow *r, Field *f, bool quoted)
{
    char **nf = realloc(r->fields, (r->count + 1) * sizeof *nf);
    if (!nf)
        return false;
    r->fields = nf;
    char *s = f->s ? f->s : util_strdup("");
    if (!s)
        return false;
    if (!quoted) {
        /* Unquoted fields lose the spaces around them (a space after a comma is common). */
        size_t a = 0, b = strlen(s);
        while (s[a] == ' ')
            a++;
        while (b > a && (s[b - 1] == ' '))
            b--;
        memmove(s, s + a, b - a);
        s[b - a] = '\0';
    }
    r->fields[r->count++] = s;
    *f = (Field){0};
    return true;
}

static char detect_delimiter(const char *s, size_t len)
{
    size_t commas = 0, tabs = 0, semis = 0;
    bool q = false;
    for (size_t i = 0; i < len && (q || (s[i] != '\n' && s[i] != '\r')); i++) {
        if (s[i] == '"')
            q = !q;
        else if (!q && s[i] == ',')
            commas++;
        else if (!q && s[i] == '\t')
            tabs++;
        else if (!q && s[i] == ';')
            semis++;
    }
    if (tabs && tabs >= commas)
        return '\t';
    if (semis > commas)
        return ';';
    return ',';
}

static bool empty_row(const CsvRow *r)
{
    for (size_t i = 0; i < r->count; i++)
        if (r->fields[i][0])
            return false;
    return true;
}

static void row_free(CsvRow *r)
{
    for (size_t i = 0; i < r->count; i++)
        free(r->fields[i]);
    free(r->fields);
    memset(r, 0, sizeof *r);
}

void csv_table_free(CsvTable *t)
{
    for (size_t i = 0; i < t->count; i++)
        row_free(&t->rows[i]);
    free(t->rows);
    memset(t, 0, sizeof *t);
}

static int line_of(const char *s, size_t pos)
{
    int line = 1;
    for (size_t i = 0; i < pos; i++)
        if (s[i] == '\n')
            line++;
    return line;
}

/* True when the n bytes at s start with the literal lit. */
static bool has_prefix(const char *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    return n >= k && memcmp(s, lit, k) == 0;
}

bool csv_parse(const char *text, size_t len, const char *display, CsvTable *out, Diag *diags)
{
    memset(out, 0, sizeof *out);
    size_t pos = 0;
    int line = 1;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    for (size_t i = pos; i < len; i++) {
        if (text[i] == '\0') {
            diag_add(diags, DIAG_ERROR, display, line_of(text, i), 0, NULL,
                     "the file holds a NUL byte: is it a spreadsheet (.xlsx) rather than CSV text?");
            return false;
        }
    }
    if (!utf8_valid(text + pos, len - pos)) {
        const char *s = text + pos;
        size_t bad = pos;
        while (s < text + len) {
            const char *before = s;
            uint32_t c = utf8_next_bounded(&s, text + len);
            if (c == 0xFFFD && !(s - before == 3 && (unsigned char)before[0] == 0xEF)) {
                bad = (size_t)(before - text);
                break;
            }
        }
        diag_add(diags, DIAG_ERROR, display, line_of(text, bad), 0, NULL,
                 "the file is not UTF-8 text (save it as \"CSV UTF-8\" or UTF-8 text)");
        return false;
    }
    /* Anki's header lines: "#separator:tab", "#html:true", ... */
    char delimiter = 0;
    while (pos < len && text[pos] == '#' && memchr(text + pos, ':', len - pos)) {
        size_t end = pos;
        while (end < len && text[end] != '\n')
            end++;
        /* The text need not end in NUL: compare only within this line. */
        const char *v = text + pos;
        size_t n = end - pos;
        if (has_prefix(v, n, "#separator:")) {
            const char *sep = v + 11;
            n -= 11;
            if (has_prefix(sep, n, "tab") || has_prefix(sep, n, "Tab"))
                delimiter = '\t';
            else if (has_prefix(sep, n, "comma") || has_prefix(sep, n, "Comma"))
                delimiter = ',';
            else if (has_prefix(sep, n, "semicolon") || has_prefix(sep, n, "Semicolon"))
                delimiter = ';';
        }
        pos = end < len ? end + 1 : end;
        line++;
    }
    out->delimiter = delimiter ? delimiter : detect_delimiter(text + pos, len - pos);
    char d = out->delimiter;
    CsvRow row = {0};
    Field f = {0};
    bool quoted = false;
    row.line = line;
    size_t cap = 0;
    while (pos <= len) {
        if (pos == len) {
            if (f.s || row.count > 0) {
                if (!row_push(&row, &f, quoted))
                    goto nomem;
            }
        } else if (text[pos] == '"' && !f.s && !quoted) {
            /* A quoted field: "" is a quote; line breaks and delimiters are text. */
            int start_line = line;
            quoted = true;
            pos++;
            for (;;) {
                if (pos >= len) {
                    diag_add(diags, DIAG_ERROR, display, start_line, 0, NULL,
                             "a quoted field starts here but its closing quote is missing");
                    free(f.s);
                    row_free(&row);
                    csv_table_free(out);
                    return false;
                }
                char c = text[pos];
                if (c == '"' && pos + 1 < len && text[pos + 1] == '"') {
                    if (!field_push(&f, '"'))
                        goto nomem;
                    pos += 2;
                    continue;
                }
                if (c == '"') {
                    pos++;
                    break;
                }
                if (c == '\n')
                    line++;
                if (c == '\r' && pos + 1 < len && text[pos + 1] == '\n') {
                    pos++;  /* CRLF inside a field is kept as LF */
                    continue;
                }
                if (!field_push(&f, c))
                    goto nomem;
                pos++;
            }
            if (!f.s) {  /* "" is an empty field */
                f.s = util_strdup("");
                f.cap = 1;
                if (!f.s)
                    goto nomem;
            }
            if (pos < len && text[pos] != d && text[pos] != '\n' && text[pos] != '\r') {
                diag_add(diags, DIAG_ERROR, display, line, 0, NULL,
                         "text after a closing quote: inside a quoted field write a quote as \"\"");
                free(f.s);
                row_free(&row);
                csv_table_free(out);
                return false;
            }
            continue;
        } else if (text[pos] == d) {
            if (!row_push(&row, &f, quoted))
                goto nomem;
            quoted = false;
            pos++;
            continue;
        } else if (text[pos] != '\n' && text[pos] != '\r') {
            if (!field_push(&f, text[pos]))
                goto nomem;
            pos++;
            continue;
        } else {
            if (!row_push(&row, &f, quoted))
                goto nomem;
        }
        /* End of a record: a line break or the end of the text. */
        quoted = false;
        if (!empty_row(&row)) {
            if (out->count == cap) {
                cap = cap ? cap * 2 : 64;
                CsvRow *nr = realloc(out->rows, cap * sizeof *nr);
                if (!nr)
                    goto nomem;
                out->rows = nr;
            }
            out->rows[out->count++] = row;
            memset(&row, 0, sizeof row);
        } else {
            row_free(&row);
        }
        if (pos == len)
            break;
        if (text[pos] == '\r' && pos + 1 < len && text[pos + 1] == '\n')
            pos++;
        pos++;
        line++;
        row.line = line;
    }
    free(f.s);
    row_free(&row);
    return true;
nomem:
    free(f.s);
    row_free(&row);
    csv_table_free(out);
    diag_add(diags, DIAG_ERROR, display, 0, 0, NULL, "out of memory");
    return false;
}

/* ---- Shapes and ids ---- */

static bool looks_like_date(const char *s)
{
    const char *p = s;
    if (*p == '-')
        p++;
    for (int i = 0; i < 4; i++, p++)
        if (*p < '0' || *p > '9')
            return false;
    while (*p) {
        if (p[0] != '-' || p[1] < '0' || p[1] > '9' || p[2] < '0' || p[2] > '9')
            return false;
        p += 3;
    }
    return true;
}

static void lower_ascii(const char *s, char *buf, size_t cap)
{
    size_t i = 0;
    for (; s[i] && i + 1 < cap; i++)
        buf[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] - 'A' + 'a') : s[i];
    buf[i] = '\0';
}

static bool in_words(const char *s, const char *const *words)
{
    for (; *words; words++)
        if (strcmp(s, *words) == 0)
            return true;
    return false;
}

/* Returns the shape and whether row 0 is a header. */
static CsvShape detect_shape(const CsvTable *t, bool *header)
{
    static const char *const TERM[] = {"term", "front", "question", "word", "card", NULL};
    static const char *const DEF[] = {"definition", "back", "answer", "meaning", NULL};
    *header = false;
    if (t->count == 0)
        return CSV_SHAPE_UNKNOWN;
    const CsvRow *r0 = &t->rows[0];
    if (r0->count >= 2) {
        char a[32], b[32];
        lower_ascii(r0->fields[0], a, sizeof a);
        lower_ascii(r0->fields[1], b, sizeof b);
        if (in_words(a, TERM) && in_words(b, DEF)) {
            *header = true;
            return CSV_SHAPE_CARDS;
        }
        if (strcmp(a, "title") == 0 && (strcmp(b, "date") == 0 || strcmp(b, "when") == 0)) {
            *header = true;
            return CSV_SHAPE_EVENTS;
        }
    }
    size_t dates = 0, rows = 0;
    for (size_t i = 0; i < t->count; i++) {
        if (t->rows[i].count < 2)
            continue;
        rows++;
        if (looks_like_date(t->rows[i].fields[1]))
            dates++;
    }
    return rows > 0 && dates * 2 > rows ? CSV_SHAPE_EVENTS : CSV_SHAPE_CARDS;
}

typedef struct IdSet {
    char **slots;
    size_t cap, count;
} IdSet;

static size_t hash_s(const char *s, size_t cap)
{
    size_t h = 5381;
    for (; *s; s++)
        h = h * 33 + (unsigned char)*s;
    return h & (cap - 1);
}

static bool idset_has(const IdSet *set, const char *id)
{
    for (size_t h = hash_s(id, set->cap); set->slots[h]; h = (h + 1) & (set->cap - 1))
        if (strcmp(set->slots[h], id) == 0)
            return true;
    return false;
}

static void idset_add(IdSet *set, char *id)
{
    size_t h = hash_s(id, set->cap);
    while (set->slots[h])
        h = (h + 1) & (set->cap - 1);
    set->slots[h] = id;
    set->count++;
}

/* "Treaty of Aigun (1858)" -> "treaty-of-aigun-1858"; non-Latin titles -> "<kind>-<n>". */
static char *make_id(IdSet *set, const char *title, const char *kind, size_t n)
{
    char base[64];
    size_t k = 0;
    bool dash = false;
    for (const char *p = title; *p && k < 48; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && k > 0)
                base[k++] = '-';
            dash = false;
            base[k++] = c;
        } else {
            dash = true;
        }
    }
    base[k] = '\0';
    if (k == 0)
        snprintf(base, sizeof base, "%s-%zu", kind, n);
    char *id = util_strdup(base);
    for (int i = 2; id && idset_has(set, id); i++) {
        free(id);
        id = util_format("%.52s-%d", base, i);
    }
    if (id)
        idset_add(set, id);
    return id;
}

static cJSON *text_obj(const char *lang, const char *s)
{
    cJSON *o = cJSON_CreateObject();
    if (o)
        cJSON_AddStringToObject(o, lang, s);
    return o;
}

static bool id_valid(const char *s)
{
    size_t n = 0;
    for (const char *p = s; *p; p++, n++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || (*p == '-' && n > 0)))
            return false;
    return n >= 1 && n <= 64;
}

bool csvimport_build(const CsvTable *t, const char *display, const CsvImportOptions *o,
                     char **json_out, CsvShape *shape_out, size_t *items_out, Diag *diags)
{
    *json_out = NULL;
    const char *lang = o && o->lang ? o->lang : "en";
    const char *id = o && o->id ? o->id : "imported";
    const char *base = strrchr(display, '/') ? strrchr(display, '/') + 1 : display;
    bool header;
    CsvShape shape = detect_shape(t, &header);
    if (shape_out)
        *shape_out = shape;
    if (shape == CSV_SHAPE_UNKNOWN || t->count <= (header ? 1u : 0u)) {
        diag_add(diags, DIAG_ERROR, display, 0, 0, NULL,
                 "no rows to import: write one card (term,definition) or one event (title,date,summary) per line");
        return false;
    }
    size_t errors_before = diags ? diags->errors : 0;
    cJSON *root = cJSON_CreateObject();
    IdSet set = {.cap = 64};
    while (set.cap < t->count * 2 + 2)
        set.cap *= 2;
    set.slots = calloc(set.cap, sizeof *set.slots);
    if (!root || !set.slots) {
        cJSON_Delete(root);
        free(set.slots);
        return false;
    }
    /* The default title is the file name without its extension. */
    const char *dot = strrchr(base, '.');
    int stem = dot && dot != base ? (int)(dot - base) : (int)strlen(base);
    char *title = o && o->title ? util_strdup(o->title) : util_format("%.*s", stem, base);
    char *src_title = o && o->source_title ? util_strdup(o->source_title) : util_format("Imported from %s", base);
    cJSON_AddNumberToObject(root, "format", 1);
    cJSON_AddStringToObject(root, "id", id);
    cJSON_AddStringToObject(root, "version", "1.0.0");
    cJSON_AddItemToObject(root, "title", text_obj(lang, title ? title : "Imported"));
    cJSON *langs = cJSON_AddArrayToObject(root, "languages");
    cJSON_AddItemToArray(langs, cJSON_CreateString(lang));
    cJSON *sources = cJSON_AddArrayToObject(root, "sources");
    cJSON *src = cJSON_CreateObject();
    cJSON_AddStringToObject(src, "id", "csv-import");
    cJSON_AddStringToObject(src, "title", src_title ? src_title : "Imported");
    cJSON_AddItemToArray(sources, src);
    cJSON *list = cJSON_AddArrayToObject(root, shape == CSV_SHAPE_CARDS ? "flashcards" : "events");
    size_t items = 0;
    bool warned_extra = false;
    size_t max_cols = shape == CSV_SHAPE_CARDS ? 2 : 3;
    for (size_t i = header ? 1 : 0; i < t->count; i++) {
        const CsvRow *r = &t->rows[i];
        if (r->count < 2) {
            diag_add(diags, DIAG_ERROR, display, r->line, 0, NULL, shape == CSV_SHAPE_CARDS ?
                     "only one column: write term and definition separated by a comma or a tab" :
                     "only one column: write title and date separated by a comma or a tab");
            continue;
        }
        if (r->count > max_cols && !warned_extra) {
            diag_add(diags, DIAG_WARNING, display, r->line, 0, NULL,
                     "columns after the %s are ignored", shape == CSV_SHAPE_CARDS ? "second" : "third");
            warned_extra = true;
        }
        const char *a = r->fields[0], *b = r->fields[1];
        if (!a[0]) {
            diag_add(diags, DIAG_ERROR, display, r->line, 0, NULL, shape == CSV_SHAPE_CARDS ?
                     "the term (column 1) is empty" : "the title (column 1) is empty");
            continue;
        }
        if (!b[0]) {
            diag_add(diags, DIAG_ERROR, display, r->line, 0, NULL, shape == CSV_SHAPE_CARDS ?
                     "the definition (column 2) is empty" : "the date (column 2) is empty");
            continue;
        }
        cJSON *item = cJSON_CreateObject();
        if (shape == CSV_SHAPE_EVENTS) {
            Date dt;
            DateParse dp = date_parse(b, &dt);
            if (dp == DATE_PARSE_SYNTAX) {
                diag_add(diags, DIAG_ERROR, display, r->line, 0, NULL,
                         "date '%.40s' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD", b);
                cJSON_Delete(item);
                continue;
            }
            if (dp == DATE_PARSE_INVALID) {
                diag_add(diags, DIAG_ERROR, display, r->line, 0, NULL, "date '%s' is not a real date", b);
                cJSON_Delete(item);
                continue;
            }
            char *eid = make_id(&set, a, "event", items + 1);
            cJSON_AddStringToObject(item, "id", eid ? eid : "event");
            cJSON_AddItemToObject(item, "title", text_obj(lang, a));
            if (r->count >= 3 && r->fields[2][0])
                cJSON_AddItemToObject(item, "summary", text_obj(lang, r->fields[2]));
            cJSON_AddStringToObject(item, "when", b);
            cJSON *srcs = cJSON_AddArrayToObject(item, "sources");
            cJSON_AddItemToArray(srcs, cJSON_CreateString("csv-import"));
        } else {
            char *cid = make_id(&set, a, "card", items + 1);
            cJSON_AddStringToObject(item, "id", cid ? cid : "card");
            cJSON_AddItemToObject(item, "front", text_obj(lang, a));
            cJSON_AddItemToObject(item, "back", text_obj(lang, b));
            cJSON *srcs = cJSON_AddArrayToObject(item, "sources");
            cJSON_AddItemToArray(srcs, cJSON_CreateString("csv-import"));
        }
        cJSON_AddItemToArray(list, item);
        items++;
    }
    for (size_t i = 0; i < set.cap; i++)
        free(set.slots[i]);
    free(set.slots);
    free(title);
    free(src_title);
    bool ok = !diags || diags->errors == errors_before;
    if (ok)
        *json_out = cJSON_Print(root);
    cJSON_Delete(root);
    if (items_out)
        *items_out = items;
    return ok && *json_out;
}

int csvimport_file(const char *csv_path, const char *out_dir, const CsvImportOptions *o,
                   bool force, Diag *diags, CsvShape *shape, size_t *items)
{
    char name[128];
    size_t dl = strlen(out_dir);
    while (dl > 1 && out_dir[dl - 1] == '/')
        dl--;
    size_t s = dl;
    while (s > 0 && out_dir[s - 1] != '/')
        s--;
    snprintf(name, sizeof name, "%.*s", (int)(dl - s), out_dir + s);
    CsvImportOptions opt = o ? *o : (CsvImportOptions){0};
    if (!opt.id)
        opt.id = name;
    if (!id_valid(opt.id) || strcmp(opt.id, name) != 0) {
        diag_add(diags, DIAG_ERROR, out_dir, 0, 0, NULL,
                 "the pack id must equal the folder name and use only a-z, 0-9 and '-' (try --out content/%s)",
                 id_valid(opt.id) ? opt.id : "my-pack");
        return 2;
    }
    char *text = NULL;
    size_t len = 0;
    UtilError e = util_read_file(csv_path, CSV_MAX_BYTES, &text, &len);
    if (e != UTIL_OK) {
        diag_add(diags, DIAG_ERROR, csv_path, 0, 0, NULL, e == UTIL_ERR_TOO_LARGE ?
                 "the file is larger than 8 MB" : "cannot read the file");
        return 1;
    }
    CsvTable t;
    bool ok = csv_parse(text, len, csv_path, &t, diags);
    free(text);
    if (!ok)
        return 1;
    char *json = NULL;
    ok = csvimport_build(&t, csv_path, &opt, &json, shape, items, diags);
    csv_table_free(&t);
    if (!ok)
        return 1;
    char *file = util_path_join(out_dir, "pack.json");
    char *with_nl = NULL;
    int rc = 0;
    if (!file || !util_mkdirs(out_dir)) {
        diag_add(diags, DIAG_ERROR, out_dir, 0, 0, NULL, "cannot create the folder");
        rc = 2;
    } else if (util_is_file(file) && !force) {
        diag_add(diags, DIAG_ERROR, file, 0, 0, NULL, "already exists (add --force to replace it)");
        rc = 2;
    } else if (!(with_nl = util_format("%s\n", json)) ||
               util_write_file_atomic(file, with_nl, strlen(with_nl)) != 0) {
        diag_add(diags, DIAG_ERROR, file, 0, 0, NULL, "cannot write the file");
        rc = 2;
    } else {
        Pack *p = NULL;
        if (pack_load(out_dir, &p, diags) != PACK_OK)
            rc = 1;
        pack_free(p);
    }
    free(file);
    free(with_nl);
    cJSON_free(json);
    return rc;
}
