/* Loads and checks pack.json into the typed Pack model. One pass collects and checks every id,
 * a second builds each list with references resolved; every problem is reported with its place,
 * and any error discards the pack. Asset paths and map files are checked against the folder. */
#include "base/compiler.h"
#include "content/pack.h"

#include "content/validate.h"
#include "base/os.h"
#include "base/util.h"

#include <dirent.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define IMAGE_MAX_BYTES ((size_t)16 << 20)
#define IMAGE_MAX_SIDE 4096

/* ---- Id maps: string -> index, open addressing ---- */

typedef struct IdSlot {
    const char *id;
    int32_t index;
    const cJSON *node;
} IdSlot;

typedef struct IdMap {
    IdSlot *slots;
    size_t cap;
    size_t count;
    size_t len;             /* the list's length: every index is below it */
    const char **names;     /* in insertion order, for did-you-mean */
    uint32_t *seen;         /* per index, the last reference list that named it (get_refs) */
} IdMap;

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static const IdSlot *idmap_get(const IdMap *m, const char *id)
{
    if (!m->cap)
        return NULL;
    size_t h = (size_t)hash_str(id) & (m->cap - 1);
    while (m->slots[h].id) {
        if (strcmp(m->slots[h].id, id) == 0)
            return &m->slots[h];
        h = (h + 1) & (m->cap - 1);
    }
    return NULL;
}

/* Reserves room for n ids. */
static bool idmap_init(IdMap *m, size_t n)
{
    size_t cap = 16;
    while (cap < n * 2 + 2)
        cap *= 2;
    m->slots = calloc(cap, sizeof *m->slots);
    m->names = calloc(n + 1, sizeof *m->names);
    m->cap = cap;
    m->count = 0;
    m->len = n;
    return m->slots && m->names;
}

static void idmap_put(IdMap *m, const char *id, int32_t index, const cJSON *node)
{
    size_t h = (size_t)hash_str(id) & (m->cap - 1);
    while (m->slots[h].id)
        h = (h + 1) & (m->cap - 1);
    m->slots[h] = (IdSlot){id, index, node};
    m->names[m->count++] = id;
}

static void idmap_free(IdMap *m)
{
    free(m->slots);
    free(m->names);
    free(m->seen);
    memset(m, 0, sizeof *m);
}

/* ---- The loader ---- */

/* cJSON_GetObjectItemCaseSensitive, with a first-byte test before each strcmp: field lookups are
 * most of the work of loading a big pack. */
static const cJSON *member(const cJSON *obj, const char *key)
{
    for (const cJSON *m = obj ? obj->child : NULL; m; m = m->next)
        if (m->string && m->string[0] == key[0] && strcmp(m->string, key) == 0)
            return m;
    return NULL;
}

enum { MAP_SOURCE = PACK_KIND_COUNT, MAP_PARTY, MAP_MAP, MAP_COUNT };

static const char *const MAP_NOUN[MAP_COUNT] = {
    "treaty", "event", "person", "place", "region", "river", "flashcard", "source", "party", "map",
};
static const char *const MAP_LIST[MAP_COUNT] = {
    "treaties", "events", "people", "places", "regions", "rivers", "flashcards", "sources",
    "parties", "maps",
};

typedef struct FeatureRef {
    const char *file;
    const char *feature;
    const cJSON *node;
} FeatureRef;

typedef struct Loader {
    Pack *pack;
    Arena *arena;
    Diag *diag;
    const char *file;       /* display name of pack.json */
    const char *dir;        /* pack folder, or NULL in memory */
    const char *display_dir;/* the folder as messages name it */
    char *real_dir;
    JsonDoc doc;
    IdMap ids[MAP_COUNT];
    const char *langs[32];
    size_t lang_count;
    bool langs_known;
    FeatureRef *features;
    size_t feature_count, feature_cap;
    uint32_t refs_listed;   /* reference lists read so far: marks IdMap.seen */
    bool nomem;
    bool no_sources;        /* 'sources' is missing: already reported, so references to it are not */
} Loader;

static void err_at(Loader *L, const cJSON *node, const char *fmt, ...) FRONTIERS_PRINTF(3, 4);
static void warn_key(Loader *L, const cJSON *node, const char *fmt, ...) FRONTIERS_PRINTF(3, 4);

static void vreport(Loader *L, DiagSeverity sev, const cJSON *node, bool at_key, const char *fmt,
                    va_list ap) FRONTIERS_PRINTF(5, 0);

static void vreport(Loader *L, DiagSeverity sev, const cJSON *node, bool at_key, const char *fmt,
                    va_list ap)
{
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    diag_at(L->diag, sev, L->file, &L->doc, node, at_key, "%s", msg);
}

static void err_at(Loader *L, const cJSON *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(L, DIAG_ERROR, node, false, fmt, ap);
    va_end(ap);
}

static void err_key(Loader *L, const cJSON *node, const char *fmt, ...) FRONTIERS_PRINTF(3, 4);
static void err_key(Loader *L, const cJSON *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(L, DIAG_ERROR, node, true, fmt, ap);
    va_end(ap);
}

static void warn_key(Loader *L, const cJSON *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(L, DIAG_WARNING, node, true, fmt, ap);
    va_end(ap);
}

static const char *type_name(const cJSON *n)
{
    if (cJSON_IsString(n)) return "a string";
    if (cJSON_IsNumber(n)) return "a number";
    if (cJSON_IsBool(n)) return n->type & cJSON_True ? "true" : "false";
    if (cJSON_IsNull(n)) return "null";
    if (cJSON_IsArray(n)) return "a list";
    if (cJSON_IsObject(n)) return "an object";
    return "something else";
}

static void *alloc_n(Loader *L, size_t n, size_t size)
{
    if (n == 0)
        return NULL;
    void *p = arena_alloc(L->arena, n * size);
    if (!p)
        L->nomem = true;
    return p;
}

/* A string the pack keeps. The document's strings already belong to the pack's arena (see
 * load_common), so those are kept where they are; anything else is copied in. */
static const char *loader_dup(Loader *L, const char *s)
{
    if (json_doc_string(&L->doc, s))
        return s;
    char *d = arena_strdup(L->arena, s);
    if (s && !d)
        L->nomem = true;
    return d;
}

/* Warns about fields not in allowed (with a suggestion). */
static void check_fields(Loader *L, const cJSON *obj, const char *const *allowed, size_t n,
                         const char *noun)
{
    for (const cJSON *m = obj->child; m; m = m->next) {
        bool known = false;
        for (size_t i = 0; i < n && !known; i++)
            known = m->string[0] == allowed[i][0] && strcmp(m->string, allowed[i]) == 0;
        if (known)
            continue;
        const char *near = json_did_you_mean(m->string, allowed, n);
        if (near)
            warn_key(L, m, "unknown field '%s' in %s (did you mean '%s'?)", m->string, noun, near);
        else
            warn_key(L, m, "unknown field '%s' in %s (it is ignored)", m->string, noun);
    }
}

#define CHECK_FIELDS(L, obj, list, noun) check_fields((L), (obj), (list), COUNT_OF(list), (noun))

static const cJSON *field(Loader *L, const cJSON *obj, const char *key, bool required,
                          const char *noun)
{
    const cJSON *f = member(obj, key);
    if (!f && required)
        err_at(L, obj, "missing required field '%s' in this %s", key, noun);
    return f;
}

static bool valid_id(const char *s)
{
    size_t n = 0;
    for (const char *p = s; *p; p++, n++) {
        char c = *p;
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && n > 0);
        if (!ok)
            return false;
    }
    return n >= 1 && n <= 64;
}

static const char *get_string(Loader *L, const cJSON *obj, const char *key, bool required,
                              const char *noun)
{
    const cJSON *f = field(L, obj, key, required, noun);
    if (!f)
        return NULL;
    if (!cJSON_IsString(f)) {
        err_at(L, f, "'%s' must be a string, not %s", key, type_name(f));
        return NULL;
    }
    if (required && f->valuestring[0] == '\0') {
        err_at(L, f, "'%s' is empty", key);
        return NULL;
    }
    return loader_dup(L, f->valuestring);
}

static bool get_number(Loader *L, const cJSON *obj, const char *key, bool required,
                       const char *noun, double lo, double hi, double *out)
{
    const cJSON *f = field(L, obj, key, required, noun);
    if (!f)
        return false;
    if (!cJSON_IsNumber(f)) {
        err_at(L, f, "'%s' must be a number, not %s", key, type_name(f));
        return false;
    }
    if (f->valuedouble < lo || f->valuedouble > hi) {
        err_at(L, f, "'%s' is %g, outside %g to %g", key, f->valuedouble, lo, hi);
        return false;
    }
    *out = f->valuedouble;
    return true;
}

static bool get_int(Loader *L, const cJSON *obj, const char *key, bool required, const char *noun,
                    int lo, int hi, int *out)
{
    double v;
    if (!get_number(L, obj, key, required, noun, lo, hi, &v))
        return false;
    if (v != (double)(int)v) {
        err_at(L, member(obj, key), "'%s' must be a whole number", key);
        return false;
    }
    *out = (int)v;
    return true;
}

static bool get_bool(Loader *L, const cJSON *obj, const char *key, bool *out)
{
    const cJSON *f = member(obj, key);
    if (!f)
        return false;
    if (!cJSON_IsBool(f)) {
        err_at(L, f, "'%s' must be true or false, not %s", key, type_name(f));
        return false;
    }
    *out = cJSON_IsTrue(f);
    return true;
}

static bool lang_code_ok(const char *s)
{
    size_t n = strlen(s);
    if (n < 2 || n > 3)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'a' || s[i] > 'z')
            return false;
    return true;
}

static void lang_list(const Loader *L, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < L->lang_count && used < cap; i++)
        used += (size_t)snprintf(buf + used, cap - used, "%s%s", i ? ", " : "", L->langs[i]);
}

/* A text node: a plain string, or an object of language codes to strings. */
static bool parse_text(Loader *L, const cJSON *f, const char *key, Text *out)
{
    memset(out, 0, sizeof *out);
    if (cJSON_IsString(f)) {
        if (f->valuestring[0] == '\0') {
            err_at(L, f, "'%s' is empty", key);
            return false;
        }
        TextItem *it = alloc_n(L, 1, sizeof *it);
        if (!it)
            return false;
        it->str = loader_dup(L, f->valuestring);
        out->items = it;
        out->count = 1;
        return true;
    }
    if (!cJSON_IsObject(f)) {
        err_at(L, f, "'%s' must be text (a string, or an object such as {\"en\": \"...\"}), not %s",
               key, type_name(f));
        return false;
    }
    size_t n = (size_t)cJSON_GetArraySize(f);
    if (n == 0) {
        err_at(L, f, "'%s' has no text in any language", key);
        return false;
    }
    TextItem *items = alloc_n(L, n, sizeof *items);
    if (!items)
        return false;
    size_t k = 0;
    bool ok = true;
    for (const cJSON *m = f->child; m; m = m->next) {
        if (!lang_code_ok(m->string)) {
            err_key(L, m, "'%s' is not a language code (use ISO 639-1 codes such as en, ru, zh)",
                    m->string);
            ok = false;
            continue;
        }
        if (!cJSON_IsString(m)) {
            err_at(L, m, "the '%s' text must be a string, not %s", m->string, type_name(m));
            ok = false;
            continue;
        }
        if (m->valuestring[0] == '\0') {
            err_at(L, m, "the '%s' text of '%s' is empty", m->string, key);
            ok = false;
            continue;
        }
        if (L->langs_known) {
            bool declared = false;
            for (size_t i = 0; i < L->lang_count && !declared; i++)
                declared = strcmp(L->langs[i], m->string) == 0;
            if (!declared) {
                char list[128];
                lang_list(L, list, sizeof list);
                warn_key(L, m, "text in '%s', which the pack does not declare in 'languages' (%s)",
                         m->string, list);
            }
        }
        memcpy(items[k].lang, m->string, strlen(m->string) + 1);   /* 2-3 letters, checked above */
        items[k].str = loader_dup(L, m->valuestring);
        k++;
    }
    out->items = items;
    out->count = (uint32_t)k;
    if (L->langs_known) {
        for (size_t i = 0; i < L->lang_count; i++) {
            if (!text_has(out, L->langs[i]) && !member(f, L->langs[i])) {
                char list[128];
                lang_list(L, list, sizeof list);
                err_at(L, f, "'%s' has no '%s' text (the pack declares languages %s)", key,
                       L->langs[i], list);
                ok = false;
            }
        }
    }
    return ok;
}

static bool get_text(Loader *L, const cJSON *obj, const char *key, bool required,
                     const char *noun, Text *out)
{
    memset(out, 0, sizeof *out);
    const cJSON *f = field(L, obj, key, required, noun);
    return f ? parse_text(L, f, key, out) : false;
}

static void date_reason(const Date *d, char *buf, size_t cap)
{
    static const char *const names[12] = {"January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December"};
    if (d->year == 0)
        snprintf(buf, cap, " (there is no year 0: 1 BC is -0001)");
    else if (d->precision >= DATE_PRECISION_MONTH && (d->month < 1 || d->month > 12))
        snprintf(buf, cap, " (there is no month %d)", d->month);
    else if (d->precision == DATE_PRECISION_DAY)
        snprintf(buf, cap, " (%s %d has %d days)", names[d->month - 1], d->year,
                 date_days_in_month(d->year, d->month));
    else
        buf[0] = '\0';
}

/* Parses a date string node; reports syntax and calendar errors. */
static bool parse_date_node(Loader *L, const cJSON *f, const char *key, Date *out)
{
    if (!cJSON_IsString(f)) {
        if (cJSON_IsNumber(f))
            err_at(L, f, "'%s' must be a date in quotes, such as \"%g\"", key, f->valuedouble);
        else
            err_at(L, f, "'%s' must be a date string (YYYY, YYYY-MM or YYYY-MM-DD), not %s", key,
                   type_name(f));
        return false;
    }
    DateParse r = date_parse(f->valuestring, out);
    if (r == DATE_PARSE_SYNTAX) {
        err_at(L, f, "'%.40s' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD", f->valuestring);
        return false;
    }
    if (r == DATE_PARSE_INVALID) {
        char why[96];
        date_reason(out, why, sizeof why);
        err_at(L, f, "'%s' is not a real date%s", f->valuestring, why);
        return false;
    }
    return true;
}

static const char *const WHEN_FIELDS[] = {"from", "to", "old_style", "approx"};

static bool parse_when_node(Loader *L, const cJSON *f, const char *key, When *out)
{
    memset(out, 0, sizeof *out);
    if (cJSON_IsString(f)) {
        if (!parse_date_node(L, f, key, &out->from))
            return false;
        out->to = out->from;
        return true;
    }
    if (!cJSON_IsObject(f)) {
        err_at(L, f, "'%s' must be a date or {\"from\": date, \"to\": date}, not %s", key, type_name(f));
        return false;
    }
    CHECK_FIELDS(L, f, WHEN_FIELDS, "date range");
    const cJSON *from = field(L, f, "from", true, "date range");
    if (!from)
        return false;
    bool ok = parse_date_node(L, from, "from", &out->from);
    out->to = out->from;
    const cJSON *to = member(f, "to");
    if (to) {
        out->is_range = true;
        if (parse_date_node(L, to, "to", &out->to) && ok &&
            date_compare_at_precision(&out->from, &out->to) > 0) {
            err_at(L, to, "the range ends before it starts: 'to' %s is before 'from' %s",
                   to->valuestring, from->valuestring);
            ok = false;
        }
    }
    const cJSON *os = member(f, "old_style");
    if (os) {
        out->has_old_style = parse_date_node(L, os, "old_style", &out->old_style);
        ok = ok && out->has_old_style;
    }
    get_bool(L, f, "approx", &out->approx);
    return ok;
}

static bool get_when(Loader *L, const cJSON *obj, const char *key, bool required,
                     const char *noun, When *out)
{
    memset(out, 0, sizeof *out);
    const cJSON *f = field(L, obj, key, required, noun);
    return f ? parse_when_node(L, f, key, out) : false;
}

static bool get_date(Loader *L, const cJSON *obj, const char *key, Date *out)
{
    const cJSON *f = member(obj, key);
    return f ? parse_date_node(L, f, key, out) : false;
}

static int32_t resolve(Loader *L, const cJSON *f, int map)
{
    if (!cJSON_IsString(f)) {
        err_at(L, f, "a %s id must be a string, not %s", MAP_NOUN[map], type_name(f));
        return PACK_NONE;
    }
    const IdSlot *s = idmap_get(&L->ids[map], f->valuestring);
    if (s)
        return s->index;
    if (map == MAP_SOURCE && L->no_sources)
        return PACK_NONE;
    const IdMap *m = &L->ids[map];
    /* The suggestion compares with every id of the list: only for a message that will be kept
     * (past DIAG_MAX_ENTRIES they are only counted), or a pack with thousands of bad references
     * takes minutes. */
    bool kept = L->diag->count < DIAG_MAX_ENTRIES;
    const char *near = kept && m->count <= 20000 ? json_did_you_mean(f->valuestring, m->names, m->count) : NULL;
    if (near)
        err_at(L, f, "%s '%.64s' is not in this pack's '%s' (did you mean '%s'?)", MAP_NOUN[map],
               f->valuestring, MAP_LIST[map], near);
    else
        err_at(L, f, "%s '%.64s' is not in this pack's '%s'", MAP_NOUN[map], f->valuestring,
               MAP_LIST[map]);
    return PACK_NONE;
}

static int32_t get_ref(Loader *L, const cJSON *obj, const char *key, int map)
{
    const cJSON *f = member(obj, key);
    return f ? resolve(L, f, map) : PACK_NONE;
}

static const cJSON *get_list(Loader *L, const cJSON *obj, const char *key, bool required,
                             const char *noun)
{
    const cJSON *f = field(L, obj, key, required, noun);
    if (!f)
        return NULL;
    if (!cJSON_IsArray(f)) {
        err_at(L, f, "'%s' must be a list [...], not %s", key, type_name(f));
        return NULL;
    }
    return f;
}

static PackRefs get_refs(Loader *L, const cJSON *obj, const char *key, bool required,
                         const char *noun, int map)
{
    PackRefs r = {0};
    const cJSON *f = get_list(L, obj, key, required, noun);
    if (!f)
        return r;
    size_t n = (size_t)cJSON_GetArraySize(f);
    int32_t *items = alloc_n(L, n, sizeof *items);
    /* A repeat is found by marking each index with this list's number, not by comparing with
     * every earlier entry: a list naming thousands of ids stays linear. */
    IdMap *m = &L->ids[map];
    if (!m->seen && m->len && n > 1)
        m->seen = calloc(m->len, sizeof *m->seen);
    uint32_t mark = ++L->refs_listed;
    for (const cJSON *e = f->child; e && items; e = e->next) {
        int32_t idx = resolve(L, e, map);
        bool twice = false;
        if (idx != PACK_NONE && m->seen && (size_t)idx < m->len) {
            twice = m->seen[idx] == mark;
            m->seen[idx] = mark;
        } else {
            for (uint32_t i = 0; i < r.count && idx != PACK_NONE && !twice; i++)
                twice = items[i] == idx;
        }
        if (twice) {
            warn_key(L, e, "%s '%s' is listed twice", MAP_NOUN[map], e->valuestring);
            idx = PACK_NONE;
        }
        if (idx != PACK_NONE)
            items[r.count++] = idx;
    }
    r.items = items;
    if (required && n == 0)
        err_at(L, f, "'%s' is empty: list at least one %s", key, MAP_NOUN[map]);
    return r;
}

static PackStrings get_strings(Loader *L, const cJSON *obj, const char *key, const char *noun)
{
    PackStrings r = {0};
    const cJSON *f = get_list(L, obj, key, false, noun);
    if (!f)
        return r;
    size_t n = (size_t)cJSON_GetArraySize(f);
    const char **items = alloc_n(L, n, sizeof *items);
    for (const cJSON *e = f->child; e && items; e = e->next) {
        if (!cJSON_IsString(e) || e->valuestring[0] == '\0') {
            err_at(L, e, "each entry of '%s' must be a non-empty string", key);
            continue;
        }
        items[r.count++] = loader_dup(L, e->valuestring);
    }
    r.items = items;
    return r;
}

static bool in_list(const char *s, const char *const *list, size_t n, size_t *index)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(s, list[i]) == 0) {
            if (index)
                *index = i;
            return true;
        }
    }
    return false;
}

static void list_join(const char *const *list, size_t n, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && used < cap; i++)
        used += (size_t)snprintf(buf + used, cap - used, "%s%s", i ? ", " : "", list[i]);
}

/* A string field that must be one of choices; returns its index or -1. */
static int get_choice(Loader *L, const cJSON *obj, const char *key, bool required,
                      const char *noun, const char *const *choices, size_t n)
{
    const cJSON *f = field(L, obj, key, required, noun);
    if (!f)
        return -1;
    size_t idx;
    if (cJSON_IsString(f) && in_list(f->valuestring, choices, n, &idx))
        return (int)idx;
    char all[256];
    list_join(choices, n, all, sizeof all);
    if (cJSON_IsString(f)) {
        const char *near = json_did_you_mean(f->valuestring, choices, n);
        if (near)
            err_at(L, f, "'%s' is not a valid %s (did you mean '%s'? one of: %s)", f->valuestring, key, near, all);
        else
            err_at(L, f, "'%.40s' is not a valid %s (one of: %s)", f->valuestring, key, all);
    } else {
        err_at(L, f, "'%s' must be one of: %s", key, all);
    }
    return -1;
}

/* ---- Assets ---- */

static bool read_prefix(const char *path, unsigned char *buf, size_t n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    size_t got = fread(buf, 1, n, f);
    fclose(f);
    return got == n;
}

/* Width and height of a JPEG from its first SOF marker. */
static bool jpeg_size(const char *path, unsigned *w, unsigned *h)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    bool ok = false;
    int c1 = fgetc(f), c2 = fgetc(f);
    if (c1 != 0xFF || c2 != 0xD8)
        goto done;
    for (int guard = 0; guard < 10000; guard++) {
        int c = fgetc(f);
        while (c == 0xFF)
            c = fgetc(f);
        if (c == EOF)
            break;
        int marker = c;
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01)
            continue;
        int l1 = fgetc(f), l2 = fgetc(f);
        if (l1 == EOF || l2 == EOF)
            break;
        long len = (l1 << 8) | l2;
        if (len < 2)
            break;
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
            unsigned char b[5];
            if (fread(b, 1, 5, f) != 5)
                break;
            *h = (unsigned)(b[1] << 8 | b[2]);
            *w = (unsigned)(b[3] << 8 | b[4]);
            ok = true;
            break;
        }
        if (fseek(f, len - 2, SEEK_CUR) != 0)
            break;
    }
done:
    fclose(f);
    return ok;
}

/* A path inside the pack folder: relative, no "..", exists, stays inside after symlinks. */
static bool check_asset(Loader *L, const cJSON *f, bool image, char **full_out)
{
    const char *p = f->valuestring;
    if (p[0] == '\0') {
        err_at(L, f, "the file path is empty");
        return false;
    }
    if (p[0] == '/' || p[0] == '\\' || (p[0] && p[1] == ':')) {
        err_at(L, f, "'%.80s' is an absolute path: write a path inside the pack folder, such as img/map.png", p);
        return false;
    }
    if (strchr(p, '\\')) {
        err_at(L, f, "'%.80s' uses '\\': separate folders with '/'", p);
        return false;
    }
    for (const char *s = p; *s;) {
        const char *e = strchr(s, '/');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (n == 2 && s[0] == '.' && s[1] == '.') {
            err_at(L, f, "'%.80s' leaves the pack folder ('..' is not allowed)", p);
            return false;
        }
        s += n;
        if (*s == '/')
            s++;
    }
    if (!L->dir)
        return true;
    char *full = util_path_join(L->dir, p);
    if (!full) {
        L->nomem = true;
        return false;
    }
    struct stat st;
    if (stat(full, &st) != 0 || !S_ISREG(st.st_mode)) {
        err_at(L, f, "file '%.80s' does not exist in the pack folder", p);
        free(full);
        return false;
    }
    char real[4096];
    if (!L->real_dir || !plat_realpath(full, real) || strncmp(real, L->real_dir, strlen(L->real_dir)) != 0 ||
        real[strlen(L->real_dir)] != '/') {
        err_at(L, f, "'%.80s' leads outside the pack folder (through a symbolic link)", p);
        free(full);
        return false;
    }
    if (image) {
        unsigned char head[24];
        unsigned w = 0, h = 0;
        bool png = false, jpeg = false;
        if ((size_t)st.st_size > IMAGE_MAX_BYTES) {
            err_at(L, f, "image '%.80s' is larger than 16 MB", p);
            free(full);
            return false;
        }
        if (read_prefix(full, head, sizeof head)) {
            png = memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0 && memcmp(head + 12, "IHDR", 4) == 0;
            if (png) {
                w = (unsigned)head[16] << 24 | (unsigned)head[17] << 16 | (unsigned)head[18] << 8 | head[19];
                h = (unsigned)head[20] << 24 | (unsigned)head[21] << 16 | (unsigned)head[22] << 8 | head[23];
            }
        }
        if (!png && read_prefix(full, head, 3) && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
            jpeg = jpeg_size(full, &w, &h);
        if (!png && !jpeg) {
            err_at(L, f, "'%.80s' is not a PNG or JPEG image", p);
            free(full);
            return false;
        }
        if (w == 0 || h == 0 || w > IMAGE_MAX_SIDE || h > IMAGE_MAX_SIDE) {
            err_at(L, f, "image '%.80s' is %ux%u pixels; images must be at most %dx%d", p, w, h,
                   IMAGE_MAX_SIDE, IMAGE_MAX_SIDE);
            free(full);
            return false;
        }
    }
    if (full_out)
        *full_out = full;
    else
        free(full);
    return true;
}

static const char *get_asset(Loader *L, const cJSON *obj, const char *key, bool required,
                             const char *noun, bool image)
{
    const cJSON *f = field(L, obj, key, required, noun);
    if (!f)
        return NULL;
    if (!cJSON_IsString(f)) {
        err_at(L, f, "'%s' must be a file path string, not %s", key, type_name(f));
        return NULL;
    }
    if (!check_asset(L, f, image, NULL))
        return NULL;
    return loader_dup(L, f->valuestring);
}

/* ---- Ids ---- */

/* Checks and registers the ids of one list. */
static void collect_ids(Loader *L, const cJSON *list, int map, size_t first_index)
{
    IdMap *m = &L->ids[map];
    size_t i = first_index;
    for (const cJSON *e = list ? list->child : NULL; e; e = e->next, i++) {
        if (!cJSON_IsObject(e))
            continue;
        const cJSON *id = member(e, "id");
        if (!id || !cJSON_IsString(id))
            continue;
        if (!valid_id(id->valuestring)) {
            err_at(L, id, "id '%.70s' is not valid: use 1-64 lower-case letters, digits and '-', "
                   "starting with a letter or digit", id->valuestring);
            continue;
        }
        const IdSlot *s = idmap_get(m, id->valuestring);
        if (s) {
            int line, col;
            json_pos(&L->doc, s->node, &line, &col);
            err_at(L, id, "duplicate %s id '%s' (already used at line %d)", MAP_NOUN[map],
                   id->valuestring, line);
            continue;
        }
        idmap_put(m, id->valuestring, (int32_t)i, id);
    }
}

static const char *item_id(Loader *L, const cJSON *obj, const char *noun)
{
    const cJSON *id = field(L, obj, "id", true, noun);
    if (!id)
        return NULL;
    if (!cJSON_IsString(id)) {
        err_at(L, id, "'id' must be a string, not %s", type_name(id));
        return NULL;
    }
    return loader_dup(L, id->valuestring);
}

static bool is_entry(Loader *L, const cJSON *e, const char *list)
{
    if (cJSON_IsObject(e))
        return true;
    err_at(L, e, "each entry of '%s' must be an object {...}, not %s", list, type_name(e));
    return false;
}

static void need_sources(Loader *L, const cJSON *obj, const char *noun, PackRefs *out)
{
    const cJSON *f = member(obj, "sources");
    if (!f) {
        err_at(L, obj, "missing required field 'sources' in this %s: every %s needs at least one source",
               noun, noun);
        return;
    }
    *out = get_refs(L, obj, "sources", true, noun, MAP_SOURCE);
}

/* ---- Lists ---- */

static const char *const CATEGORIES[] = {"war", "battle", "treaty", "founding", "border",
                                         "politics", "exploration", "other"};

static PackCategory get_category(Loader *L, const cJSON *obj, const char *noun, PackCategory dflt)
{
    int c = get_choice(L, obj, "category", false, noun, CATEGORIES, COUNT_OF(CATEGORIES));
    return c < 0 ? dflt : (PackCategory)(c + 1);
}

static const char *const SOURCE_FIELDS[] = {"id", "title", "author", "url", "lang", "year", "note"};

static void load_sources(Loader *L, const cJSON *list)
{
    size_t n = (size_t)cJSON_GetArraySize(list);
    PackSource *out = alloc_n(L, n, sizeof *out);
    size_t i = 0;
    for (const cJSON *e = list->child; e && out; e = e->next, i++) {
        if (!is_entry(L, e, "sources"))
            continue;
        CHECK_FIELDS(L, e, SOURCE_FIELDS, "source");
        PackSource *s = &out[i];
        s->id = item_id(L, e, "source");
        s->title = get_string(L, e, "title", true, "source");
        s->author = get_string(L, e, "author", false, "source");
        s->url = get_string(L, e, "url", false, "source");
        s->lang = get_string(L, e, "lang", false, "source");
        s->note = get_string(L, e, "note", false, "source");
        const cJSON *y = member(e, "year");
        if (y && cJSON_IsNumber(y)) {
            char b[32];
            snprintf(b, sizeof b, "%g", y->valuedouble);
            s->year = loader_dup(L, b);
        } else if (y) {
            s->year = get_string(L, e, "year", false, "source");
        }
    }
    L->pack->sources = out;
    L->pack->source_count = (uint32_t)n;
}

static const char *const PARTY_FIELDS[] = {"id", "name", "color"};

static bool color_ok(const char *s)
{
    if (s[0] != '#' || strlen(s) != 7)
        return false;
    for (int i = 1; i < 7; i++) {
        char c = s[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    return true;
}

static void load_parties(Loader *L, const cJSON *list)
{
    size_t n = (size_t)cJSON_GetArraySize(list);
    PackParty *out = alloc_n(L, n, sizeof *out);
    size_t i = 0;
    for (const cJSON *e = list->child; e && out; e = e->next, i++) {
        if (!is_entry(L, e, "parties"))
            continue;
        CHECK_FIELDS(L, e, PARTY_FIELDS, "party");
        out[i].id = item_id(L, e, "party");
        get_text(L, e, "name", true, "party", &out[i].name);
        out[i].color = get_string(L, e, "color", false, "party");
        if (out[i].color && !color_ok(out[i].color))
            err_at(L, member(e, "color"),
                   "color '%.20s' must be written #rrggbb, such as #8c3b2e", out[i].color);
    }
    L->pack->parties = out;
    L->pack->party_count = (uint32_t)n;
}

static const char *const EVENT_FIELDS[] = {"id", "title", "summary", "when", "category", "tags",
                                           "place", "image", "note", "sources"};

static void load_events(Loader *L, const cJSON *list)
{
    size_t n = (size_t)cJSON_GetArraySize(list);
    PackEvent *out = alloc_n(L, n, sizeof *out);
    size_t i = 0;
    for (const cJSON *e = list->child; e && out; e = e->next, i++) {
        if (!is_entry(L, e, "events"))
            continue;
        CHECK_FIELDS(L, e, EVENT_FIELDS, "event");
        PackEvent *v = &out[i];
        v->id = item_id(L, e, "event");
        get_text(L, e, "title", true, "event", &v->title);
        get_text(L, e, "summary", false, "event", &v->summary);
        get_text(L, e, "note", false, "event", &v->note);
        get_when(L, e, "when", true, "event", &v->when);
        v->category = get_category(L, e, "event", PACK_CATEGORY_OTHER);
        v->tags = get_strings(L, e, "tags", "event");
        v->place = get_ref(L, e, "place", PACK_KIND_PLACE);
        v->image = get_asset(L, e, "image", false, "event", true);
        need_sources(L, e, "event", &v->sources);
    }
    L->pack->events = out;
    L->pack->event_count = (uint32_t)n;
}

static const char *const TREATY_FIELDS[] = {"id", "name", "short", "signed", "place", "parties",
    "signatories", "summary", "terms", "ratification", "perspectives", "regions", "unequal",
    "category", "tags", "note", "sources"};
static const char *const SIGNATORY_FIELDS[] = {"party", "people"};
static const char *const RATIFICATION_FIELDS[] = {"party", "when", "kind", "text"};
static const char *const RATIFICATION_KINDS[] = {"ratified", "ratifications-exchanged", "confirmed",
    "entered-into-force", "rejected", "annulled"};

static void load_treaty(Loader *L, const cJSON *e, PackTreaty *t)
{
    CHECK_FIELDS(L, e, TREATY_FIELDS, "treaty");
    t->id = item_id(L, e, "treaty");
    get_text(L, e, "name", true, "treaty", &t->name);
    get_text(L, e, "short", false, "treaty", &t->short_name);
    get_text(L, e, "summary", false, "treaty", &t->summary);
    get_text(L, e, "note", false, "treaty", &t->note);
    get_when(L, e, "signed", true, "treaty", &t->signed_on);
    t->place = get_ref(L, e, "place", PACK_KIND_PLACE);
    t->parties = get_refs(L, e, "parties", true, "treaty", MAP_PARTY);
    const cJSON *sig = get_list(L, e, "signatories", false, "treaty");
    if (sig) {
        size_t n = (size_t)cJSON_GetArraySize(sig);
        PackSignatory *s = alloc_n(L, n, sizeof *s);
        size_t k = 0;
        for (const cJSON *x = sig->child; x && s; x = x->next) {
            if (!is_entry(L, x, "signatories"))
                continue;
            CHECK_FIELDS(L, x, SIGNATORY_FIELDS, "signatory");
            const cJSON *pf = field(L, x, "party", true, "signatory");
            s[k].party = pf ? resolve(L, pf, MAP_PARTY) : PACK_NONE;
            bool listed = false;
            for (uint32_t j = 0; j < t->parties.count; j++)
                listed = listed || t->parties.items[j] == s[k].party;
            if (s[k].party != PACK_NONE && t->parties.items && !listed)
                err_at(L, pf, "signatory party '%s' is not among this treaty's 'parties'", pf->valuestring);
            s[k].people = get_refs(L, x, "people", false, "signatory", PACK_KIND_PERSON);
            k++;
        }
        t->signatories = s;
        t->signatory_count = (uint32_t)k;
    }
    const cJSON *terms = get_list(L, e, "terms", true, "treaty");
    if (terms) {
        size_t n = (size_t)cJSON_GetArraySize(terms);
        Text *tt = alloc_n(L, n, sizeof *tt);
        size_t k = 0;
        for (const cJSON *x = terms->child; x && tt; x = x->next)
            if (parse_text(L, x, "terms", &tt[k]))
                k++;
        if (n == 0)
            err_at(L, terms, "'terms' is empty: give at least one term of the treaty");
        t->terms = tt;
        t->term_count = (uint32_t)k;
    }
    const cJSON *rat = get_list(L, e, "ratification", false, "treaty");
    if (rat) {
        size_t n = (size_t)cJSON_GetArraySize(rat);
        PackRatification *r = alloc_n(L, n, sizeof *r);
        size_t k = 0;
        for (const cJSON *x = rat->child; x && r; x = x->next) {
            if (!is_entry(L, x, "ratification"))
                continue;
            CHECK_FIELDS(L, x, RATIFICATION_FIELDS, "ratification");
            r[k].party = get_ref(L, x, "party", MAP_PARTY);
            get_when(L, x, "when", true, "ratification", &r[k].when);
            int kind = get_choice(L, x, "kind", true, "ratification", RATIFICATION_KINDS,
                                  COUNT_OF(RATIFICATION_KINDS));
            r[k].kind = kind < 0 ? PACK_RATIFICATION_RATIFIED : (PackRatificationKind)kind;
            get_text(L, x, "text", false, "ratification", &r[k].text);
            if (t->signed_on.from.year && r[k].when.from.year &&
                date_compare_at_precision(&r[k].when.from, &t->signed_on.from) < 0)
                err_at(L, member(x, "when"),
                       "this ratification is dated before the treaty was signed");
            k++;
        }
        t->ratifications = r;
        t->ratification_count = (uint32_t)k;
    }
    const cJSON *per = field(L, e, "perspectives", false, "treaty");
    if (per && !cJSON_IsObject(per)) {
        err_at(L, per, "'perspectives' must be an object such as {\"china\": {...}, \"russia\": {...}}, not %s",
               type_name(per));
    } else if (per) {
        size_t n = (size_t)cJSON_GetArraySize(per);
        PackPerspective *p = alloc_n(L, n, sizeof *p);
        size_t k = 0;
        for (const cJSON *x = per->child; x && p; x = x->next) {
            p[k].key = loader_dup(L, x->string);
            if (parse_text(L, x, x->string, &p[k].text))
                k++;
        }
        t->perspectives = p;
        t->perspective_count = (uint32_t)k;
    }
    t->regions = get_refs(L, e, "regions", false, "treaty", PACK_KIND_REGION);
    get_bool(L, e, "unequal", &t->unequal);
    t->category = get_category(L, e, "treaty", PACK_CATEGORY_TREATY);
    t->tags = get_strings(L, e, "tags", "treaty");
    need_sources(L, e, "treaty", &t->sources);
}

static void load_treaties(Loader *L, const cJSON *list)
{
    size_t n = (size_t)cJSON_GetArraySize(list);
    PackTreaty *out = alloc_n(L, n, sizeof *out);
    size_t i = 0;
    for (const cJSON *e = list->child; e && out; e = e->next, i++)
        if (is_entry(L, e, "treaties"))
            load_treaty(L, e, &out[i]);
    L->pack->treaties = out;
    L->pack->treaty_count = (uint32_t)n;
}

static const char *const PERSON_FIELDS[] = {"id", "name", "born", "died", "role", "party", "note", "tags", "sources"};

static void load_people(Loader *L, const cJSON *list)
{
    size_t n = (size_t)cJSON_GetArraySize(list);
    PackPerson *out = alloc_n(L, n, sizeof *out);
    size_t i = 0;
    for (const cJSON *e = list->child; e && out; e = e->next, i++) {
        if (!is_entry(L, e, "people"))
            continue;
        CHECK_FIELDS(L, e, PERSON_FIELDS, "person");
        PackPerson *p = &out[i];
        p->id = item_id(L, e, "person");
        get_text(L, e, "name", true, "person", &p->name);
        get_text(L, e, "role", false, "person", &p->role);
        get_text(L, e, "note", false, "person", &p->note);
        p->has_born = get_date(L, e, "born", &p->born);
        p->has_died = get_date(L, e, "died", &p->died);
        if (p->has_born && p->has_died && date_compare_at_precision(&p->born, &p->died) > 0)
            err_at(L, member(e, "died"), "'died' is before 'born'");
        p->party = get_ref(L, e, "party", MAP_PARTY);
        p->tags = get_strings(L, e, "tags", "person");
        need_sources(L, e, "person", &p->sources);
    }
    L->pack->people = out;
    L->pack->person_count = (uint32_t)n;
}

static const char *const PLACE_FIELDS[] = {"id", "name", "kind", "lon", "lat", "dates", "note", "tags", "sources"};
static const char *const PLACE_DATE_FIELDS[] = {"when", "what"};
static const char *const PLACE_KINDS[] = {"city", "town", "fort", "site", "island", "river", "lake",
                                          "mountain", "region"};

static void load_places(Loader *L, const cJSON *list)
{
    size_t n = (size_t)cJSON_GetArraySize(list);
    PackPlace *out = alloc_n(L, n, sizeof *out);
    size_t i = 0;
    for (const cJSON *e = list->child; e && out; e = e->next, i++) {
        if (!is_entry(L, e, "places"))
            continue;
        CHECK_FIELDS(L, e, PLACE_FIELDS, "place");
        PackPlace *p = &out[i];
        p->id = item_id(L, e, "place");
        get_text(L, e, "name", true, "place", &p->name);
        get_text(L, e, "note", false, "place", &p->note);
        int k = get_choice(L, e, "kind", false, "place", PLACE_KINDS, COUNT_OF(PLACE_KINDS));
        p->kind = k < 0 ? NULL : PLACE_KINDS[k];
        bool has_lon = get_number(L, e, "lon", false, "place", -180, 180, &p->lon);
        bool has_lat = get_number(L, e, "lat", false, "place", -90, 90, &p->lat);
        const cJSON *lon = member(e, "lon");
        const cJSON *lat = member(e, "lat");
        if ((lon != NULL) != (lat != NULL))
            err_at(L, lon ? lon : lat, "give both 'lon' and 'lat', or neither");
        p->has_coords = has_lon && has_lat;
        const cJSON *dates = get_list(L, e, "dates", false, "place");
        if (dates) {
            size_t m = (size_t)cJSON_GetArraySize(dates);
            PackPlaceDate *d = alloc_n(L, m, sizeof *d);
            size_t c = 0;
            for (const cJSON *x = dates->child; x && d; x = x->next) {
                if (!is_entry(L, x, "dates"))
                    continue;
                CHECK_FIELDS(L, x, PLACE_DATE_FIELDS, "place date");
                get_when(L, x, "when", true, "place date", &d[c].when);
                get_text(L, x, "what", true, "place date", &d[c].what);
                c++;
            }
            p->dates = d;
            p->date_count = (uint32_t)c;
        }
        p->tags = get_strings(L, e, "tags", "place");
        need_sources(L, e, "place", &p->sources);
    }
    L->pack->places = out;
    L->pack->place_count = (uint32_t)n;
}

static const char *const FLASHCARD_FIELDS[] = {"id", "front", "back", "image", "accept", "tags", "sources"};

static void load_flashcards(Loader *L, const cJSON *list)
{
    size_t n = (size_t)cJSON_GetArraySize(list);
    PackFlashcard *out = alloc_n(L, n, sizeof *out);
    size_t i = 0;
    for (const cJSON *e = list->child; e && out; e = e->next, i++) {
        if (!is_entry(L, e, "flashcards"))
            continue;
        CHECK_FIELDS(L, e, FLASHCARD_FIELDS, "flashcard");
        PackFlashcard *c = &out[i];
        c->id = item_id(L, e, "flashcard");
        get_text(L, e, "front", true, "flashcard", &c->front);
        get_text(L, e, "back", true, "flashcard", &c->back);
        c->image = get_asset(L, e, "image", false, "flashcard", true);
        c->accept = get_strings(L, e, "accept", "flashcard");
        c->tags = get_strings(L, e, "tags", "flashcard");
        if (member(e, "sources"))
            c->sources = get_refs(L, e, "sources", false, "flashcard", MAP_SOURCE);
    }
    L->pack->flashcards = out;
    L->pack->flashcard_count = (uint32_t)n;
}

/* ---- Maps ---- */

static const char *const MAP_FIELDS[] = {"id", "title", "projection", "bounds", "layers", "regions",
                                         "borders", "rivers"};
static const char *const PROJECTION_FIELDS[] = {"type", "lon0", "lat0", "lat1", "lat2"};
static const char *const PROJECTIONS[] = {"lcc", "albers", "equirect"};
static const char *const LAYER_FIELDS[] = {"id", "kind", "file"};
static const char *const LAYER_KINDS[] = {"land", "sea", "lake", "river", "border", "admin"};
static const char *const REGION_FIELDS[] = {"id", "name", "file", "feature", "from", "to", "treaty",
                                            "year", "tags"};
static const char *const BORDER_FIELDS[] = {"year", "label", "file", "feature", "treaty"};
static const char *const RIVER_FIELDS[] = {"id", "name", "file", "feature", "tags"};

/* Remembers a GeoJSON file (and a feature in it, when not NULL) to check after the maps. */
static void add_file_ref(Loader *L, const char *file, const char *feature, const cJSON *node)
{
    if (L->feature_count == L->feature_cap) {
        size_t ncap = L->feature_cap ? L->feature_cap * 2 : 16;
        FeatureRef *nf = realloc(L->features, ncap * sizeof *nf);
        if (!nf) {
            L->nomem = true;
            return;
        }
        L->features = nf;
        L->feature_cap = ncap;
    }
    L->features[L->feature_count++] = (FeatureRef){file, feature, node};
}

static void need_feature(Loader *L, const cJSON *obj, const char *noun, const char **file,
                         const char **feature)
{
    *file = get_asset(L, obj, "file", true, noun, false);
    *feature = get_string(L, obj, "feature", true, noun);
    if (*file && *feature)
        add_file_ref(L, *file, *feature, member(obj, "feature"));
}

static size_t count_sub(const cJSON *maps, const char *key)
{
    size_t n = 0;
    for (const cJSON *m = maps ? maps->child : NULL; m; m = m->next) {
        const cJSON *l = cJSON_IsObject(m) ? member(m, key) : NULL;
        if (cJSON_IsArray(l))
            n += (size_t)cJSON_GetArraySize(l);
    }
    return n;
}

static void load_maps(Loader *L, const cJSON *list)
{
    Pack *P = L->pack;
    size_t n = (size_t)cJSON_GetArraySize(list);
    size_t nreg = count_sub(list, "regions"), nbor = count_sub(list, "borders"),
           nriv = count_sub(list, "rivers");
    PackMap *maps = alloc_n(L, n, sizeof *maps);
    PackRegion *regions = alloc_n(L, nreg, sizeof *regions);
    PackBorder *borders = alloc_n(L, nbor, sizeof *borders);
    PackRiver *rivers = alloc_n(L, nriv, sizeof *rivers);
    size_t ri = 0, bi = 0, vi = 0, i = 0;
    for (const cJSON *e = list->child; e && maps; e = e->next, i++) {
        if (!is_entry(L, e, "maps"))
            continue;
        CHECK_FIELDS(L, e, MAP_FIELDS, "map");
        PackMap *m = &maps[i];
        m->id = item_id(L, e, "map");
        get_text(L, e, "title", true, "map", &m->title);
        const cJSON *proj = field(L, e, "projection", true, "map");
        if (proj && !cJSON_IsObject(proj)) {
            err_at(L, proj, "'projection' must be an object such as {\"type\": \"lcc\", ...}, not %s", type_name(proj));
        } else if (proj) {
            CHECK_FIELDS(L, proj, PROJECTION_FIELDS, "projection");
            int t = get_choice(L, proj, "type", true, "projection", PROJECTIONS, COUNT_OF(PROJECTIONS));
            m->projection.type = t < 0 ? "equirect" : PROJECTIONS[t];
            get_number(L, proj, "lon0", false, "projection", -180, 180, &m->projection.lon0);
            get_number(L, proj, "lat0", false, "projection", -90, 90, &m->projection.lat0);
            get_number(L, proj, "lat1", false, "projection", -90, 90, &m->projection.lat1);
            get_number(L, proj, "lat2", false, "projection", -90, 90, &m->projection.lat2);
        }
        const cJSON *b = field(L, e, "bounds", true, "map");
        if (b) {
            bool ok = cJSON_IsArray(b) && cJSON_GetArraySize(b) == 4;
            int k = 0;
            for (const cJSON *x = ok ? b->child : NULL; x; x = x->next, k++) {
                ok = ok && cJSON_IsNumber(x);
                if (ok)
                    m->bounds[k] = x->valuedouble;
            }
            if (!ok)
                err_at(L, b, "'bounds' must be four numbers [west, south, east, north]");
            else if (m->bounds[0] < -180 || m->bounds[2] > 180 || m->bounds[1] < -90 || m->bounds[3] > 90 ||
                     m->bounds[0] >= m->bounds[2] || m->bounds[1] >= m->bounds[3])
                err_at(L, b, "'bounds' [west, south, east, north] must have west < east within -180..180 "
                       "and south < north within -90..90");
        }
        const cJSON *layers = get_list(L, e, "layers", false, "map");
        if (layers) {
            size_t ln = (size_t)cJSON_GetArraySize(layers);
            PackLayer *ly = alloc_n(L, ln, sizeof *ly);
            size_t k = 0;
            for (const cJSON *x = layers->child; x && ly; x = x->next) {
                if (!is_entry(L, x, "layers"))
                    continue;
                CHECK_FIELDS(L, x, LAYER_FIELDS, "layer");
                ly[k].id = get_string(L, x, "id", true, "layer");
                for (size_t j = 0; j < k && ly[k].id; j++)
                    if (ly[j].id && strcmp(ly[j].id, ly[k].id) == 0)
                        err_at(L, member(x, "id"), "duplicate layer id '%s' in this map", ly[k].id);
                int kind = get_choice(L, x, "kind", true, "layer", LAYER_KINDS, COUNT_OF(LAYER_KINDS));
                ly[k].kind = kind < 0 ? NULL : LAYER_KINDS[kind];
                ly[k].file = get_asset(L, x, "file", true, "layer", false);
                if (ly[k].file)
                    add_file_ref(L, ly[k].file, NULL, x);
                k++;
            }
            m->layers = ly;
            m->layer_count = (uint32_t)k;
        }
        m->region_first = (uint32_t)ri;
        const cJSON *regs = get_list(L, e, "regions", false, "map");
        for (const cJSON *x = regs ? regs->child : NULL; x && regions; x = x->next, ri++) {
            if (!is_entry(L, x, "regions"))
                continue;
            CHECK_FIELDS(L, x, REGION_FIELDS, "region");
            PackRegion *r = &regions[ri];
            r->id = item_id(L, x, "region");
            r->map = (int32_t)i;
            get_text(L, x, "name", true, "region", &r->name);
            need_feature(L, x, "region", &r->file, &r->feature);
            r->from_party = get_ref(L, x, "from", MAP_PARTY);
            r->to_party = get_ref(L, x, "to", MAP_PARTY);
            r->treaty = get_ref(L, x, "treaty", PACK_KIND_TREATY);
            get_int(L, x, "year", false, "region", -9999, 9999, &r->year);
            if (member(x, "year") && r->year == 0)
                err_at(L, member(x, "year"), "there is no year 0 (1 BC is -1)");
            r->tags = get_strings(L, x, "tags", "region");
        }
        m->region_count = (uint32_t)(ri - m->region_first);
        m->border_first = (uint32_t)bi;
        const cJSON *bors = get_list(L, e, "borders", false, "map");
        for (const cJSON *x = bors ? bors->child : NULL; x && borders; x = x->next, bi++) {
            if (!is_entry(L, x, "borders"))
                continue;
            CHECK_FIELDS(L, x, BORDER_FIELDS, "border");
            PackBorder *bd = &borders[bi];
            bd->map = (int32_t)i;
            get_int(L, x, "year", true, "border", -9999, 9999, &bd->year);
            get_text(L, x, "label", false, "border", &bd->label);
            need_feature(L, x, "border", &bd->file, &bd->feature);
            bd->treaty = get_ref(L, x, "treaty", PACK_KIND_TREATY);
        }
        m->border_count = (uint32_t)(bi - m->border_first);
        m->river_first = (uint32_t)vi;
        const cJSON *rivs = get_list(L, e, "rivers", false, "map");
        for (const cJSON *x = rivs ? rivs->child : NULL; x && rivers; x = x->next, vi++) {
            if (!is_entry(L, x, "rivers"))
                continue;
            CHECK_FIELDS(L, x, RIVER_FIELDS, "river");
            PackRiver *rv = &rivers[vi];
            rv->id = item_id(L, x, "river");
            rv->map = (int32_t)i;
            get_text(L, x, "name", true, "river", &rv->name);
            need_feature(L, x, "river", &rv->file, &rv->feature);
            rv->tags = get_strings(L, x, "tags", "river");
        }
        m->river_count = (uint32_t)(vi - m->river_first);
    }
    P->maps = maps;
    P->map_count = (uint32_t)n;
    P->regions = regions;
    P->region_count = (uint32_t)ri;
    P->borders = borders;
    P->border_count = (uint32_t)bi;
    P->rivers = rivers;
    P->river_count = (uint32_t)vi;
}

/* Each GeoJSON file once; then every referenced feature must be in its file. */
static void check_map_files(Loader *L)
{
    if (!L->dir)
        return;
    for (size_t i = 0; i < L->feature_count; i++) {
        const char *file = L->features[i].file;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = strcmp(L->features[j].file, file) == 0;
        if (seen)
            continue;
        char *full = util_path_join(L->dir, file);
        char *display = util_path_join(L->display_dir, file);
        GeoIds ids = {0};
        bool ok = full && display && validate_geojson(full, display, L->diag, &ids);
        /* A file that could not be read as a FeatureCollection has been reported already. */
        for (size_t j = i; j < L->feature_count && (ok || ids.count > 0); j++) {
            const FeatureRef *r = &L->features[j];
            if (!r->feature || strcmp(r->file, file) != 0 || geoids_contains(&ids, r->feature))
                continue;
            const char *near = json_did_you_mean(r->feature, (const char *const *)ids.ids, ids.count);
            if (near)
                err_at(L, r->node, "feature '%.64s' is not in %s (no feature has properties.id \"%.64s\"; did you mean '%s'?)",
                       r->feature, file, r->feature, near);
            else
                err_at(L, r->node, "feature '%.64s' is not in %s (no feature has properties.id \"%.64s\")",
                       r->feature, file, r->feature);
        }
        geoids_free(&ids);
        free(full);
        free(display);
    }
}

/* ---- Top level ---- */

static const char *const TOP_FIELDS[] = {"$schema", "format", "id", "version", "title", "description",
    "languages", "authors", "license", "sources", "parties", "events", "treaties", "people",
    "places", "maps", "flashcards"};

static void load_languages(Loader *L, const cJSON *root)
{
    const cJSON *f = get_list(L, root, "languages", true, "pack");
    if (!f)
        return;
    size_t n = 0;
    bool ok = true;
    const char **items = alloc_n(L, (size_t)cJSON_GetArraySize(f), sizeof *items);
    for (const cJSON *e = f->child; e && items; e = e->next) {
        if (!cJSON_IsString(e) || !lang_code_ok(e->valuestring)) {
            err_at(L, e, "each language must be an ISO 639-1 code such as \"en\", \"ru\" or \"zh\"");
            ok = false;
            continue;
        }
        bool twice = false;
        for (size_t i = 0; i < n; i++)
            twice = twice || strcmp(items[i], e->valuestring) == 0;
        if (twice) {
            err_at(L, e, "language '%s' is listed twice", e->valuestring);
            continue;
        }
        if (n >= COUNT_OF(L->langs)) {
            err_at(L, e, "too many languages (at most %zu)", COUNT_OF(L->langs));
            ok = false;
            break;
        }
        items[n] = loader_dup(L, e->valuestring);
        L->langs[n] = items[n];
        n++;
    }
    if (n == 0 && ok) {
        err_at(L, f, "'languages' is empty: list the languages the pack's text is written in");
        ok = false;
    }
    L->pack->languages = (PackStrings){items, (uint32_t)n};
    L->lang_count = n;
    L->langs_known = ok && n > 0;
}

static const cJSON *top_list(Loader *L, const cJSON *root, const char *key)
{
    const cJSON *f = get_list(L, root, key, false, "pack");
    if (f && cJSON_GetArraySize(f) > PACK_MAX_ITEMS) {
        err_at(L, f, "'%s' has %d entries; a pack may have at most %d", key, cJSON_GetArraySize(f),
               PACK_MAX_ITEMS);
        return NULL;
    }
    return f;
}

static const char *base_name(const char *path, char *buf, size_t cap)
{
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    size_t s = n;
    while (s > 0 && path[s - 1] != '/')
        s--;
    snprintf(buf, cap, "%.*s", (int)(n - s), path + s);
    return buf;
}

static void load_root(Loader *L, const cJSON *root, const char *expect_id)
{
    Pack *P = L->pack;
    if (!cJSON_IsObject(root)) {
        err_at(L, root, "pack.json must hold one object {...}, not %s", type_name(root));
        return;
    }
    CHECK_FIELDS(L, root, TOP_FIELDS, "pack.json");
    const cJSON *fmt = field(L, root, "format", true, "pack");
    if (fmt && !(cJSON_IsNumber(fmt) && fmt->valuedouble == 1))
        err_at(L, fmt, "'format' must be 1 (this is format version 1 of the pack format)");
    const cJSON *id = field(L, root, "id", true, "pack");
    if (id && !cJSON_IsString(id)) {
        err_at(L, id, "'id' must be a string, not %s", type_name(id));
    } else if (id) {
        P->id = loader_dup(L, id->valuestring);
        if (!valid_id(id->valuestring))
            err_at(L, id, "pack id '%.70s' is not valid: use 1-64 lower-case letters, digits and '-'",
                   id->valuestring);
        else if (expect_id && strcmp(expect_id, id->valuestring) != 0)
            err_at(L, id, "pack id '%s' must equal its folder name '%s'", id->valuestring, expect_id);
    }
    P->version = get_string(L, root, "version", true, "pack");
    P->license = get_string(L, root, "license", false, "pack");
    load_languages(L, root);
    get_text(L, root, "title", true, "pack", &P->title);
    get_text(L, root, "description", false, "pack", &P->description);
    P->authors = get_strings(L, root, "authors", "pack");

    const cJSON *lists[MAP_COUNT];
    for (int k = 0; k < MAP_COUNT; k++) {
        lists[k] = NULL;
        if (k != PACK_KIND_REGION && k != PACK_KIND_RIVER)
            lists[k] = top_list(L, root, MAP_LIST[k]);
    }
    if (!member(root, "sources")) {
        err_at(L, root, "missing required field 'sources' in pack.json: list where the content comes from");
        L->no_sources = true;
    }
    if (L->nomem)
        return;
    /* Pass 1: every id. */
    size_t nreg = count_sub(lists[MAP_MAP], "regions"), nriv = count_sub(lists[MAP_MAP], "rivers");
    for (int k = 0; k < MAP_COUNT; k++) {
        size_t n = k == PACK_KIND_REGION ? nreg : k == PACK_KIND_RIVER ? nriv
                 : lists[k] ? (size_t)cJSON_GetArraySize(lists[k]) : 0;
        if (!idmap_init(&L->ids[k], n)) {
            L->nomem = true;
            return;
        }
        if (k != PACK_KIND_REGION && k != PACK_KIND_RIVER)
            collect_ids(L, lists[k], k, 0);
    }
    size_t ri = 0, vi = 0;
    for (const cJSON *m = lists[MAP_MAP] ? lists[MAP_MAP]->child : NULL; m; m = m->next) {
        const cJSON *r = cJSON_IsObject(m) ? member(m, "regions") : NULL;
        const cJSON *v = cJSON_IsObject(m) ? member(m, "rivers") : NULL;
        if (cJSON_IsArray(r)) {
            collect_ids(L, r, PACK_KIND_REGION, ri);
            ri += (size_t)cJSON_GetArraySize(r);
        }
        if (cJSON_IsArray(v)) {
            collect_ids(L, v, PACK_KIND_RIVER, vi);
            vi += (size_t)cJSON_GetArraySize(v);
        }
    }
    /* Pass 2: the lists, references resolved. */
    if (lists[MAP_SOURCE])
        load_sources(L, lists[MAP_SOURCE]);
    if (lists[MAP_PARTY])
        load_parties(L, lists[MAP_PARTY]);
    if (lists[PACK_KIND_EVENT])
        load_events(L, lists[PACK_KIND_EVENT]);
    if (lists[PACK_KIND_TREATY])
        load_treaties(L, lists[PACK_KIND_TREATY]);
    if (lists[PACK_KIND_PERSON])
        load_people(L, lists[PACK_KIND_PERSON]);
    if (lists[PACK_KIND_PLACE])
        load_places(L, lists[PACK_KIND_PLACE]);
    if (lists[MAP_MAP])
        load_maps(L, lists[MAP_MAP]);
    if (lists[PACK_KIND_FLASHCARD])
        load_flashcards(L, lists[PACK_KIND_FLASHCARD]);
    if (P->event_count + P->treaty_count + P->flashcard_count == 0)
        err_at(L, root, "the pack has nothing to play: add at least one of 'events', 'treaties' or 'flashcards'");
    check_map_files(L);
}

static PackError load_common(const char *text, size_t len, const char *display, const char *dir,
                             const char *display_dir, const char *expect_id, Pack **out, Diag *diags)
{
    *out = NULL;
    Pack *P = calloc(1, sizeof *P);
    if (!P)
        return PACK_ERR_NOMEM;
    Loader L = {.pack = P, .arena = &P->arena, .diag = diags, .file = display, .dir = dir,
                .display_dir = display_dir};
    size_t errors_before = diags ? diags->errors : 0;
    Diag local = {0};
    if (!diags)
        L.diag = &local;
    if (dir) {
        char real[4096];
        if (plat_realpath(dir, real))
            L.real_dir = util_strdup(real);
        P->dir = loader_dup(&L, dir);
    }
    JsonError jerr;
    JsonLimits lim = {.max_bytes = PACK_MAX_BYTES, .max_string = 65536};
    bool parsed = json_parse(text, len, &lim, &L.doc, &jerr);
    if (!parsed) {
        diag_add(L.diag, DIAG_ERROR, display, jerr.line, jerr.col, NULL, "%s", jerr.message);
    } else {
        /* Nearly every string of pack.json ends up in the pack: hand them all over at once
         * rather than copy each (the few it does not keep, such as dates and ids that are
         * references, cost less than copying the rest). */
        json_doc_give_strings(&L.doc, &P->arena);
        load_root(&L, L.doc.root, expect_id);
    }
    if (L.nomem)
        diag_add(L.diag, DIAG_ERROR, display, 0, 0, NULL, "out of memory while loading the pack");
    bool failed = (L.diag->errors > errors_before) || L.nomem;
    json_doc_free(&L.doc);
    for (int k = 0; k < MAP_COUNT; k++)
        idmap_free(&L.ids[k]);
    free(L.features);
    free(L.real_dir);
    diag_free(&local);
    if (failed) {
        pack_free(P);
        return L.nomem ? PACK_ERR_NOMEM : PACK_ERR_INVALID;
    }
    *out = P;
    return PACK_OK;
}

PackError pack_load_memory(const char *text, size_t len, const char *display_name,
                           const char *expect_id, Pack **out, Diag *diags)
{
    return load_common(text, len, display_name ? display_name : "pack.json", NULL, NULL, expect_id,
                       out, diags);
}

PackError pack_load(const char *dir, Pack **out, Diag *diags)
{
    *out = NULL;
    char *folder = NULL, *file = NULL;
    size_t dl = strlen(dir);
    if (dl >= 9 && strcmp(dir + dl - 9, "pack.json") == 0 && (dl == 9 || dir[dl - 10] == '/')) {
        folder = dl == 9 ? util_strdup(".") : util_format("%.*s", (int)(dl - 10), dir);
        file = util_strdup(dir);
    } else {
        while (dl > 1 && dir[dl - 1] == '/')
            dl--;
        folder = util_format("%.*s", (int)dl, dir);
        file = folder ? util_path_join(folder, "pack.json") : NULL;
    }
    if (!folder || !file) {
        free(folder);
        free(file);
        return PACK_ERR_NOMEM;
    }
    char name[256];
    char real[4096];
    base_name(plat_realpath(folder, real) ? real : folder, name, sizeof name);
    char *text = NULL;
    size_t len = 0;
    PackError rc;
    UtilError ue = util_read_file(file, PACK_MAX_BYTES, &text, &len);
    if (ue == UTIL_ERR_TOO_LARGE) {
        diag_add(diags, DIAG_ERROR, file, 0, 0, NULL, "pack.json is larger than 8 MB");
        rc = PACK_ERR_INVALID;
    } else if (ue != UTIL_OK) {
        if (util_is_dir(folder))
            diag_add(diags, DIAG_ERROR, file, 0, 0, NULL, "cannot read pack.json: every pack folder needs one");
        else
            diag_add(diags, DIAG_ERROR, folder, 0, 0, NULL, "no such pack folder");
        rc = PACK_ERR_INVALID;
    } else {
        rc = load_common(text, len, file, folder, folder, name, out, diags);
    }
    free(text);
    free(folder);
    free(file);
    return rc;
}

void pack_free(Pack *pack)
{
    if (!pack)
        return;
    arena_free(&pack->arena);
    free(pack);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

PackError packs_load_all(const char *content_dir, Pack ***out, size_t *count, Diag *diags)
{
    *out = NULL;
    *count = 0;
    DIR *d = opendir(content_dir);
    if (!d) {
        diag_add(diags, DIAG_ERROR, content_dir, 0, 0, NULL, "cannot open the content folder");
        return PACK_ERR_INVALID;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        char *sub = util_path_join(content_dir, de->d_name);
        char *pj = sub ? util_path_join(sub, "pack.json") : NULL;
        bool is_pack = pj && util_is_file(pj);
        free(pj);
        if (!is_pack) {
            free(sub);
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 8;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                free(sub);
                break;
            }
            names = nn;
        }
        names[n++] = sub;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    Pack **packs = n ? calloc(n, sizeof *packs) : NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        Pack *p = NULL;
        if (packs && pack_load(names[i], &p, diags) == PACK_OK)
            packs[k++] = p;
        free(names[i]);
    }
    free(names);
    *out = packs;
    *count = k;
    return PACK_OK;
}

void packs_free(Pack **packs, size_t count)
{
    for (size_t i = 0; i < count; i++)
        pack_free(packs[i]);
    free(packs);
}

/* ---- Item view ---- */

static const char *const KIND_NAMES[PACK_KIND_COUNT] = {"treaty", "event", "person", "place",
                                                        "region", "river", "flashcard"};

const char *pack_kind_name(PackKind kind)
{
    return kind < PACK_KIND_COUNT ? KIND_NAMES[kind] : "?";
}

bool pack_kind_parse(const char *name, PackKind *out)
{
    for (int k = 0; k < PACK_KIND_COUNT; k++) {
        if (strcmp(name, KIND_NAMES[k]) == 0) {
            *out = (PackKind)k;
            return true;
        }
    }
    return false;
}

size_t pack_item_count(const Pack *p, PackKind kind)
{
    switch (kind) {
    case PACK_KIND_TREATY: return p->treaty_count;
    case PACK_KIND_EVENT: return p->event_count;
    case PACK_KIND_PERSON: return p->person_count;
    case PACK_KIND_PLACE: return p->place_count;
    case PACK_KIND_REGION: return p->region_count;
    case PACK_KIND_RIVER: return p->river_count;
    case PACK_KIND_FLASHCARD: return p->flashcard_count;
    default: return 0;
    }
}

const char *pack_item_id(const Pack *p, PackItemRef r)
{
    if (r.index >= pack_item_count(p, r.kind))
        return NULL;
    switch (r.kind) {
    case PACK_KIND_TREATY: return p->treaties[r.index].id;
    case PACK_KIND_EVENT: return p->events[r.index].id;
    case PACK_KIND_PERSON: return p->people[r.index].id;
    case PACK_KIND_PLACE: return p->places[r.index].id;
    case PACK_KIND_REGION: return p->regions[r.index].id;
    case PACK_KIND_RIVER: return p->rivers[r.index].id;
    case PACK_KIND_FLASHCARD: return p->flashcards[r.index].id;
    default: return NULL;
    }
}

int32_t pack_find(const Pack *p, PackKind kind, const char *id)
{
    size_t n = pack_item_count(p, kind);
    for (size_t i = 0; i < n; i++) {
        const char *s = pack_item_id(p, (PackItemRef){kind, (uint32_t)i});
        if (s && strcmp(s, id) == 0)
            return (int32_t)i;
    }
    return PACK_NONE;
}

int32_t pack_find_source(const Pack *p, const char *id)
{
    for (uint32_t i = 0; i < p->source_count; i++)
        if (strcmp(p->sources[i].id, id) == 0)
            return (int32_t)i;
    return PACK_NONE;
}

int32_t pack_find_party(const Pack *p, const char *id)
{
    for (uint32_t i = 0; i < p->party_count; i++)
        if (strcmp(p->parties[i].id, id) == 0)
            return (int32_t)i;
    return PACK_NONE;
}

const char *pack_item_title(const Pack *p, PackItemRef r, const char *lang)
{
    if (r.index >= pack_item_count(p, r.kind))
        return "";
    switch (r.kind) {
    case PACK_KIND_TREATY: return text_get(&p->treaties[r.index].name, lang);
    case PACK_KIND_EVENT: return text_get(&p->events[r.index].title, lang);
    case PACK_KIND_PERSON: return text_get(&p->people[r.index].name, lang);
    case PACK_KIND_PLACE: return text_get(&p->places[r.index].name, lang);
    case PACK_KIND_REGION: return text_get(&p->regions[r.index].name, lang);
    case PACK_KIND_RIVER: return text_get(&p->rivers[r.index].name, lang);
    case PACK_KIND_FLASHCARD: return text_get(&p->flashcards[r.index].front, lang);
    default: return "";
    }
}

bool pack_item_when(const Pack *p, PackItemRef r, When *out)
{
    if (r.index >= pack_item_count(p, r.kind))
        return false;
    switch (r.kind) {
    case PACK_KIND_TREATY:
        *out = p->treaties[r.index].signed_on;
        return true;
    case PACK_KIND_EVENT:
        *out = p->events[r.index].when;
        return true;
    case PACK_KIND_PERSON: {
        const PackPerson *x = &p->people[r.index];
        if (!x->has_born)
            return false;
        memset(out, 0, sizeof *out);
        out->from = x->born;
        out->to = x->has_died ? x->died : x->born;
        out->is_range = x->has_died;
        return true;
    }
    case PACK_KIND_PLACE:
        if (p->places[r.index].date_count == 0)
            return false;
        *out = p->places[r.index].dates[0].when;
        return true;
    case PACK_KIND_REGION:
        if (p->regions[r.index].year == 0)
            return false;
        memset(out, 0, sizeof *out);
        out->from.year = p->regions[r.index].year;
        out->from.precision = DATE_PRECISION_YEAR;
        out->to = out->from;
        return true;
    default:
        return false;
    }
}

PackStrings pack_item_tags(const Pack *p, PackItemRef r)
{
    PackStrings none = {0};
    if (r.index >= pack_item_count(p, r.kind))
        return none;
    switch (r.kind) {
    case PACK_KIND_TREATY: return p->treaties[r.index].tags;
    case PACK_KIND_EVENT: return p->events[r.index].tags;
    case PACK_KIND_PERSON: return p->people[r.index].tags;
    case PACK_KIND_PLACE: return p->places[r.index].tags;
    case PACK_KIND_REGION: return p->regions[r.index].tags;
    case PACK_KIND_RIVER: return p->rivers[r.index].tags;
    case PACK_KIND_FLASHCARD: return p->flashcards[r.index].tags;
    default: return none;
    }
}
