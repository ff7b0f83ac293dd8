/* Level and campaign files: parsing with every check reported to a Diag, checks against the
 * named pack, and the seeded deal of items (filters, spread, ties). Deterministic for a seed:
 * the only randomness comes from the Rng passed in or seeded from the level. */
#include "base/compiler.h"
#include "content/level.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct LCtx {
    Arena *arena;
    Diag *diag;
    const char *file;
    JsonDoc doc;
    const Pack *pack;
    bool nomem;
} LCtx;

static void lerr(LCtx *c, const cJSON *node, const char *fmt, ...) FRONTIERS_PRINTF(3, 4);
static void lerr(LCtx *c, const cJSON *node, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_at(c->diag, DIAG_ERROR, c->file, &c->doc, node, false, "%s", msg);
}

static void lwarn(LCtx *c, const cJSON *node, bool at_key, const char *fmt, ...) FRONTIERS_PRINTF(4, 5);
static void lwarn(LCtx *c, const cJSON *node, bool at_key, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_at(c->diag, DIAG_WARNING, c->file, &c->doc, node, at_key, "%s", msg);
}

static const char *tname(const cJSON *n)
{
    if (cJSON_IsString(n)) return "a string";
    if (cJSON_IsNumber(n)) return "a number";
    if (cJSON_IsBool(n)) return "true/false";
    if (cJSON_IsNull(n)) return "null";
    if (cJSON_IsArray(n)) return "a list";
    return "an object";
}

static void fields(LCtx *c, const cJSON *obj, const char *const *allowed, size_t n, const char *noun)
{
    for (const cJSON *m = obj->child; m; m = m->next) {
        bool known = false;
        for (size_t i = 0; i < n && !known; i++)
            known = strcmp(m->string, allowed[i]) == 0;
        if (known)
            continue;
        const char *near = json_did_you_mean(m->string, allowed, n);
        if (near)
            lwarn(c, m, true, "unknown field '%s' in %s (did you mean '%s'?)", m->string, noun, near);
        else
            lwarn(c, m, true, "unknown field '%s' in %s (it is ignored)", m->string, noun);
    }
}

static bool id_ok(const char *s)
{
    size_t n = 0;
    for (const char *p = s; *p; p++, n++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || (*p == '-' && n > 0)))
            return false;
    return n >= 1 && n <= 64;
}

static const char *sdup(LCtx *c, const char *s)
{
    char *d = arena_strdup(c->arena, s);
    if (s && !d)
        c->nomem = true;
    return d;
}

static const cJSON *req(LCtx *c, const cJSON *obj, const char *key, const char *noun)
{
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!f)
        lerr(c, obj, "missing required field '%s' in this %s", key, noun);
    return f;
}

static const char *id_node(LCtx *c, const cJSON *f, const char *what)
{
    if (!cJSON_IsString(f)) {
        lerr(c, f, "%s must be a string, not %s", what, tname(f));
        return NULL;
    }
    if (!id_ok(f->valuestring)) {
        lerr(c, f, "%s '%.70s' is not a valid id: use 1-64 lower-case letters, digits and '-'",
             what, f->valuestring);
        return NULL;
    }
    return sdup(c, f->valuestring);
}

static bool text_node(LCtx *c, const cJSON *f, const char *key, Text *out)
{
    memset(out, 0, sizeof *out);
    if (cJSON_IsString(f) && f->valuestring[0]) {
        TextItem *it = arena_alloc(c->arena, sizeof *it);
        if (!it) {
            c->nomem = true;
            return false;
        }
        it->str = sdup(c, f->valuestring);
        *out = (Text){it, 1};
        return true;
    }
    if (!cJSON_IsObject(f) || !f->child) {
        lerr(c, f, "'%s' must be text (a string, or an object such as {\"en\": \"...\"})", key);
        return false;
    }
    size_t n = (size_t)cJSON_GetArraySize(f), k = 0;
    TextItem *items = arena_alloc(c->arena, n * sizeof *items);
    if (!items) {
        c->nomem = true;
        return false;
    }
    bool ok = true;
    for (const cJSON *m = f->child; m; m = m->next) {
        size_t ln = strlen(m->string);
        if (ln < 2 || ln > 3 || strspn(m->string, "abcdefghijklmnopqrstuvwxyz") != ln) {
            lwarn(c, m, true, "'%s' is not a language code (use ISO 639-1 codes such as en, ru, zh)", m->string);
            continue;
        }
        if (!cJSON_IsString(m) || !m->valuestring[0]) {
            lerr(c, m, "the '%s' text must be a non-empty string", m->string);
            ok = false;
            continue;
        }
        snprintf(items[k].lang, sizeof items[k].lang, "%s", m->string);
        items[k].str = sdup(c, m->valuestring);
        k++;
    }
    *out = (Text){items, (uint32_t)k};
    if (c->pack && ok) {
        for (uint32_t i = 0; i < c->pack->languages.count; i++) {
            const char *lang = c->pack->languages.items[i];
            if (!text_has(out, lang)) {
                lerr(c, f, "'%s' has no '%s' text (pack '%s' declares it in 'languages')", key, lang,
                     c->pack->id);
                ok = false;
            }
        }
    }
    return ok;
}

static bool date_node(LCtx *c, const cJSON *f, const char *key, Date *out)
{
    if (!cJSON_IsString(f)) {
        lerr(c, f, "'%s' must be a date string such as \"1858\" or \"1858-05-28\", not %s", key, tname(f));
        return false;
    }
    DateParse r = date_parse(f->valuestring, out);
    if (r == DATE_PARSE_SYNTAX) {
        lerr(c, f, "'%.40s' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD", f->valuestring);
        return false;
    }
    if (r == DATE_PARSE_INVALID) {
        lerr(c, f, "'%s' is not a real date", f->valuestring);
        return false;
    }
    return true;
}

static bool bool_field(LCtx *c, const cJSON *obj, const char *key, bool *out)
{
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!f)
        return false;
    if (!cJSON_IsBool(f)) {
        lerr(c, f, "'%s' must be true or false, not %s", key, tname(f));
        return false;
    }
    *out = cJSON_IsTrue(f);
    return true;
}

static bool int_field(LCtx *c, const cJSON *obj, const char *key, double lo, double hi, double *out)
{
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!f)
        return false;
    if (!cJSON_IsNumber(f) || f->valuedouble != floor(f->valuedouble)) {
        lerr(c, f, "'%s' must be a whole number", key);
        return false;
    }
    if (f->valuedouble < lo || f->valuedouble > hi) {
        lerr(c, f, "'%s' is %g, outside %g to %g", key, f->valuedouble, lo, hi);
        return false;
    }
    *out = f->valuedouble;
    return true;
}

static int choice(LCtx *c, const cJSON *f, const char *key, const char *const *list, size_t n)
{
    if (cJSON_IsString(f))
        for (size_t i = 0; i < n; i++)
            if (strcmp(f->valuestring, list[i]) == 0)
                return (int)i;
    char all[256];
    size_t used = 0;
    all[0] = '\0';
    for (size_t i = 0; i < n && used < sizeof all; i++)
        used += (size_t)snprintf(all + used, sizeof all - used, "%s%s", i ? ", " : "", list[i]);
    const char *near = cJSON_IsString(f) ? json_did_you_mean(f->valuestring, list, n) : NULL;
    if (near)
        lerr(c, f, "'%.40s' is not a valid %s (did you mean '%s'? one of: %s)", f->valuestring, key, near, all);
    else if (cJSON_IsString(f))
        lerr(c, f, "'%.40s' is not a valid %s (one of: %s)", f->valuestring, key, all);
    else
        lerr(c, f, "%s must be one of: %s", key, all);
    return -1;
}

static PackStrings string_list(LCtx *c, const cJSON *f, const char *key, bool ids)
{
    PackStrings r = {0};
    if (!f)
        return r;
    if (!cJSON_IsArray(f)) {
        lerr(c, f, "'%s' must be a list [...], not %s", key, tname(f));
        return r;
    }
    size_t n = (size_t)cJSON_GetArraySize(f);
    const char **items = n ? arena_alloc(c->arena, n * sizeof *items) : NULL;
    if (n && !items) {
        c->nomem = true;
        return r;
    }
    for (const cJSON *e = f->child; e; e = e->next) {
        if (!cJSON_IsString(e) || !e->valuestring[0]) {
            lerr(c, e, "each entry of '%s' must be a non-empty string", key);
            continue;
        }
        if (ids && !id_ok(e->valuestring)) {
            lerr(c, e, "'%.70s' is not a valid id: use 1-64 lower-case letters, digits and '-'", e->valuestring);
            continue;
        }
        items[r.count++] = sdup(c, e->valuestring);
    }
    r.items = items;
    return r;
}

/* ---- Level ---- */

static const char *const MODES[] = {"timeline", "map", "flashcards", "mixed"};
static const char *const VARIANTS[] = {"none", "insert", "order", "find", "drag", "which-treaty",
                                       "border-year", "classic", "choice", "typed"};
static const char *const TIMELINE_VARIANTS[] = {"insert", "order"};
static const char *const MAP_VARIANTS[] = {"find", "drag", "which-treaty", "border-year"};
static const char *const CARD_VARIANTS[] = {"classic", "choice", "typed"};
static const char *const SPREADS[] = {"any", "far", "close"};
static const char *const LEVEL_FIELDS[] = {"$schema", "format", "id", "title", "pack", "mode", "variant",
                                           "select", "rules", "stars", "unlock", "classroom"};
static const char *const SELECT_FIELDS[] = {"kinds", "tags", "ids", "from", "to", "count", "seed",
                                            "spread", "avoid_ties"};
static const char *const RULES_FIELDS[] = {"lives", "time_limit", "hints", "streak_bonus", "speed_bonus",
                                           "ranges_by"};
static const char *const RANGE_ENDS[] = {"start", "end"};
static const char *const UNLOCK_FIELDS[] = {"after", "stars"};
static const char *const CLASSROOM_FIELDS[] = {"questions", "time_limit", "scoring", "answers"};
static const char *const CLASSROOM_SCORING[] = {"speed", "fair"};
static const char *const CLASSROOM_ANSWERS[] = {"all", "buzz"};

const char *level_mode_name(LevelMode mode)
{
    return (size_t)mode < COUNT_OF(MODES) ? MODES[mode] : "?";
}

const char *level_variant_name(LevelVariant v)
{
    return (size_t)v < COUNT_OF(VARIANTS) ? VARIANTS[v] : "?";
}

static LevelVariant variant_from(const char *name)
{
    for (size_t i = 0; i < COUNT_OF(VARIANTS); i++)
        if (strcmp(VARIANTS[i], name) == 0)
            return (LevelVariant)i;
    return LEVEL_VARIANT_NONE;
}

static void parse_select(LCtx *c, const cJSON *s, Level *lv)
{
    LevelSelect *sel = &lv->select;
    if (!cJSON_IsObject(s)) {
        lerr(c, s, "'select' must be an object {...}, not %s", tname(s));
        return;
    }
    fields(c, s, SELECT_FIELDS, COUNT_OF(SELECT_FIELDS), "select");
    const cJSON *kinds = cJSON_GetObjectItemCaseSensitive(s, "kinds");
    if (kinds && !cJSON_IsArray(kinds)) {
        lerr(c, kinds, "'kinds' must be a list such as [\"treaty\", \"event\"]");
    } else if (kinds) {
        const char *names[PACK_KIND_COUNT];
        for (int k = 0; k < PACK_KIND_COUNT; k++)
            names[k] = pack_kind_name((PackKind)k);
        for (const cJSON *e = kinds->child; e; e = e->next) {
            int k = choice(c, e, "kind", names, PACK_KIND_COUNT);
            if (k >= 0)
                sel->kinds |= 1u << k;
        }
    }
    sel->tags = string_list(c, cJSON_GetObjectItemCaseSensitive(s, "tags"), "tags", false);
    sel->ids = string_list(c, cJSON_GetObjectItemCaseSensitive(s, "ids"), "ids", true);
    const cJSON *from = cJSON_GetObjectItemCaseSensitive(s, "from");
    const cJSON *to = cJSON_GetObjectItemCaseSensitive(s, "to");
    if (from)
        sel->has_from = date_node(c, from, "from", &sel->from);
    if (to)
        sel->has_to = date_node(c, to, "to", &sel->to);
    if (sel->has_from && sel->has_to && date_compare_at_precision(&sel->from, &sel->to) > 0)
        lerr(c, to, "the range ends before it starts: 'to' %s is before 'from' %s", to->valuestring,
             from->valuestring);
    double v;
    if (int_field(c, s, "count", 1, 1000, &v))
        sel->count = (uint32_t)v;
    if (int_field(c, s, "seed", 0, 9007199254740991.0, &v)) {
        sel->seed = (uint64_t)v;
        sel->has_seed = true;
    }
    const cJSON *spread = cJSON_GetObjectItemCaseSensitive(s, "spread");
    if (spread) {
        int k = choice(c, spread, "spread", SPREADS, COUNT_OF(SPREADS));
        sel->spread = k < 0 ? LEVEL_SPREAD_ANY : (LevelSpread)k;
    }
    bool_field(c, s, "avoid_ties", &sel->avoid_ties);
}

static void check_against_pack(LCtx *c, const cJSON *root, Level *lv);
static void classroom_preset(LCtx *c, const cJSON *f, LevelClassroom *out);

static void parse_level(LCtx *c, const cJSON *root, Level *lv)
{
    if (!cJSON_IsObject(root)) {
        lerr(c, root, "a level file must hold one object {...}, not %s", tname(root));
        return;
    }
    fields(c, root, LEVEL_FIELDS, COUNT_OF(LEVEL_FIELDS), "level");
    const cJSON *f = req(c, root, "format", "level");
    if (f && !(cJSON_IsNumber(f) && f->valuedouble == 1))
        lerr(c, f, "'format' must be 1");
    if ((f = req(c, root, "id", "level")))
        lv->id = id_node(c, f, "level id");
    if ((f = req(c, root, "title", "level")))
        text_node(c, f, "title", &lv->title);
    if ((f = req(c, root, "pack", "level"))) {
        lv->pack = id_node(c, f, "pack");
        if (lv->pack && c->pack && strcmp(lv->pack, c->pack->id) != 0)
            lerr(c, f, "this level names pack '%s' but is checked against pack '%s'", lv->pack, c->pack->id);
    }
    int mode = -1;
    if ((f = req(c, root, "mode", "level"))) {
        mode = choice(c, f, "mode", MODES, COUNT_OF(MODES));
        lv->mode = mode < 0 ? LEVEL_MODE_TIMELINE : (LevelMode)mode;
    }
    static const LevelVariant defaults[] = {LEVEL_VARIANT_INSERT, LEVEL_VARIANT_FIND,
                                            LEVEL_VARIANT_CLASSIC, LEVEL_VARIANT_NONE};
    lv->variant = mode >= 0 ? defaults[mode] : LEVEL_VARIANT_NONE;
    if ((f = cJSON_GetObjectItemCaseSensitive(root, "variant")) && mode >= 0) {
        const char *const *list = mode == 0 ? TIMELINE_VARIANTS : mode == 1 ? MAP_VARIANTS : CARD_VARIANTS;
        size_t n = mode == 0 ? COUNT_OF(TIMELINE_VARIANTS) : mode == 1 ? COUNT_OF(MAP_VARIANTS) : COUNT_OF(CARD_VARIANTS);
        if (mode == LEVEL_MODE_MIXED) {
            lerr(c, f, "a mixed level has no 'variant' (each round uses its mode's default)");
        } else {
            char key[48];
            snprintf(key, sizeof key, "variant for a %s level", MODES[mode]);
            int v = choice(c, f, key, list, n);
            if (v >= 0)
                lv->variant = variant_from(list[v]);
        }
    }
    if ((f = cJSON_GetObjectItemCaseSensitive(root, "select")))
        parse_select(c, f, lv);
    lv->rules = (LevelRules){.lives = 3, .hints = true};
    if ((f = cJSON_GetObjectItemCaseSensitive(root, "rules"))) {
        if (!cJSON_IsObject(f)) {
            lerr(c, f, "'rules' must be an object {...}, not %s", tname(f));
        } else {
            fields(c, f, RULES_FIELDS, COUNT_OF(RULES_FIELDS), "rules");
            double v;
            if (int_field(c, f, "lives", 0, 99, &v))
                lv->rules.lives = (int)v;
            if (int_field(c, f, "time_limit", 0, 3600, &v))
                lv->rules.time_limit = (int)v;
            bool_field(c, f, "hints", &lv->rules.hints);
            bool_field(c, f, "streak_bonus", &lv->rules.streak_bonus);
            bool_field(c, f, "speed_bonus", &lv->rules.speed_bonus);
            const cJSON *rb = cJSON_GetObjectItemCaseSensitive(f, "ranges_by");
            if (rb)
                lv->rules.ranges_by_end = choice(c, rb, "ranges_by", RANGE_ENDS, COUNT_OF(RANGE_ENDS)) == 1;
        }
    }
    lv->stars[0] = 50;
    lv->stars[1] = 70;
    lv->stars[2] = 90;
    if ((f = cJSON_GetObjectItemCaseSensitive(root, "stars"))) {
        bool ok = cJSON_IsArray(f) && cJSON_GetArraySize(f) == 3;
        int k = 0, s[3] = {0};
        for (const cJSON *e = ok ? f->child : NULL; e; e = e->next, k++) {
            ok = ok && cJSON_IsNumber(e) && e->valuedouble == floor(e->valuedouble) &&
                 e->valuedouble >= 0 && e->valuedouble <= 100;
            if (ok)
                s[k] = (int)e->valuedouble;
        }
        if (!ok)
            lerr(c, f, "'stars' must be three whole percentages from 0 to 100, such as [50, 70, 90]");
        else if (!(s[0] < s[1] && s[1] < s[2]))
            lerr(c, f, "'stars' must go up: one star needs less than two, two less than three (got [%d, %d, %d])",
                 s[0], s[1], s[2]);
        else
            memcpy(lv->stars, s, sizeof s);
    }
    if ((f = cJSON_GetObjectItemCaseSensitive(root, "unlock"))) {
        if (!cJSON_IsObject(f)) {
            lerr(c, f, "'unlock' must be an object such as {\"after\": \"tl-intro\", \"stars\": 1}");
        } else {
            fields(c, f, UNLOCK_FIELDS, COUNT_OF(UNLOCK_FIELDS), "unlock");
            const cJSON *after = req(c, f, "after", "unlock");
            if (after) {
                lv->unlock_after = id_node(c, after, "level");
                lv->has_unlock = lv->unlock_after != NULL;
                if (lv->unlock_after && lv->id && strcmp(lv->unlock_after, lv->id) == 0)
                    lerr(c, after, "a level cannot unlock after itself");
            }
            double v;
            lv->unlock_stars = 1;
            if (int_field(c, f, "stars", 0, 3, &v))
                lv->unlock_stars = (int)v;
        }
    }
    lv->classroom = (LevelClassroom){.questions = 10, .time_limit = 20};
    if ((f = cJSON_GetObjectItemCaseSensitive(root, "classroom")) && !cJSON_IsObject(f))
        lerr(c, f, "'classroom' must be an object {...}, not %s", tname(f));
    else if (f)
        classroom_preset(c, f, &lv->classroom);
    if (c->pack)
        check_against_pack(c, root, lv);
}

static void classroom_preset(LCtx *c, const cJSON *f, LevelClassroom *out)
{
    fields(c, f, CLASSROOM_FIELDS, COUNT_OF(CLASSROOM_FIELDS), "classroom");
    out->present = true;
    double v;
    if (int_field(c, f, "questions", 1, 30, &v))
        out->questions = (int)v;
    if (int_field(c, f, "time_limit", 0, 60, &v)) {
        const cJSON *t = cJSON_GetObjectItemCaseSensitive(f, "time_limit");
        if (v > 0 && v < 10)
            lerr(c, t, "'time_limit' is %g: use 0 (no timer) or 10 to 60 seconds", v);
        else
            out->time_limit = (int)v;
    }
    const cJSON *s;
    if ((s = cJSON_GetObjectItemCaseSensitive(f, "scoring")))
        out->fair = choice(c, s, "scoring", CLASSROOM_SCORING, COUNT_OF(CLASSROOM_SCORING)) == 1;
    if ((s = cJSON_GetObjectItemCaseSensitive(f, "answers")))
        out->buzz_in = choice(c, s, "answers", CLASSROOM_ANSWERS, COUNT_OF(CLASSROOM_ANSWERS)) == 1;
    if (out->fair)
        out->time_limit = 0;
}

/* ---- Selection ---- */

typedef struct Cand {
    PackItemRef ref;
    Date date;
    bool dated;
    double ord;
    double key;
    size_t order;           /* position after the seeded shuffle: breaks ties in key */
} Cand;

static bool kind_selected(const Level *lv, PackKind k)
{
    return lv->select.kinds == 0 || (lv->select.kinds & (1u << k));
}

static bool tags_match(const Level *lv, const Pack *p, PackItemRef r)
{
    if (lv->select.tags.count == 0)
        return true;
    PackStrings t = pack_item_tags(p, r);
    for (uint32_t i = 0; i < t.count; i++)
        for (uint32_t j = 0; j < lv->select.tags.count; j++)
            if (strcmp(t.items[i], lv->select.tags.items[j]) == 0)
                return true;
    return false;
}

static bool admit(const Level *lv, const Pack *p, PackItemRef r, Cand *out)
{
    const LevelSelect *s = &lv->select;
    When w;
    out->ref = r;
    out->dated = pack_item_when(p, r, &w);
    if (out->dated) {
        out->date = w.from;
        out->ord = date_ordinal(&w.from);
    }
    if (!tags_match(lv, p, r))
        return false;
    if ((s->has_from || s->has_to || lv->mode == LEVEL_MODE_TIMELINE) && !out->dated)
        return false;
    if (s->has_from && date_compare_at_precision(&out->date, &s->from) < 0)
        return false;
    if (s->has_to && date_compare_at_precision(&out->date, &s->to) > 0)
        return false;
    return true;
}

/* Candidates in a fixed order: by ids when given, else kind by kind in pack order. */
static Cand *candidates(const Level *lv, const Pack *p, size_t *n)
{
    size_t total = 0;
    for (int k = 0; k < PACK_KIND_COUNT; k++)
        if (kind_selected(lv, (PackKind)k))
            total += pack_item_count(p, (PackKind)k);
    Cand *c = malloc((total ? total : 1) * sizeof *c);
    if (!c)
        return NULL;
    size_t m = 0;
    if (lv->select.ids.count) {
        for (uint32_t i = 0; i < lv->select.ids.count; i++) {
            for (int k = 0; k < PACK_KIND_COUNT; k++) {
                if (!kind_selected(lv, (PackKind)k))
                    continue;
                int32_t idx = pack_find(p, (PackKind)k, lv->select.ids.items[i]);
                if (idx != PACK_NONE && m < total && admit(lv, p, (PackItemRef){(PackKind)k, (uint32_t)idx}, &c[m]))
                    m++;
            }
        }
    } else {
        for (int k = 0; k < PACK_KIND_COUNT; k++) {
            if (!kind_selected(lv, (PackKind)k))
                continue;
            size_t cnt = pack_item_count(p, (PackKind)k);
            for (size_t i = 0; i < cnt; i++)
                if (admit(lv, p, (PackItemRef){(PackKind)k, (uint32_t)i}, &c[m]))
                    m++;
        }
    }
    *n = m;
    return c;
}

size_t level_candidate_count(const Level *lv, const Pack *p)
{
    size_t n = 0;
    free(candidates(lv, p, &n));
    return n;
}

/* True when x's date equals the date of an item already dealt, at the coarser precision. */
static bool ties_with(const Cand *x, const Cand *sel, size_t nsel)
{
    if (!x->dated)
        return false;
    for (size_t i = 0; i < nsel; i++)
        if (sel[i].dated && date_compare_at_precision(&x->date, &sel[i].date) == 0)
            return true;
    return false;
}

static int cmp_key(const void *a, const void *b)
{
    const Cand *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static bool select_impl(const Level *lv, const Pack *p, Rng *rng, PackItemRef *out, size_t max,
                        size_t *n, bool force_ties)
{
    *n = 0;
    size_t nc = 0;
    Cand *c = candidates(lv, p, &nc);
    if (!c)
        return false;
    Rng local;
    if (lv->select.has_seed || !rng) {
        rng_seed(&local, lv->select.has_seed ? lv->select.seed : 0);
        rng = &local;
    }
    size_t want = lv->select.count ? lv->select.count : nc;
    if (want > max)
        want = max;
    bool avoid = lv->select.avoid_ties || force_ties;
    Cand *sel = malloc((want ? want : 1) * sizeof *sel);
    if (!sel) {
        free(c);
        return false;
    }
    size_t ns = 0;
    rng_shuffle(rng, c, nc, sizeof *c);
    bool dated_all = nc > 0;
    for (size_t i = 0; i < nc; i++)
        dated_all = dated_all && c[i].dated;
    LevelSpread spread = dated_all ? lv->select.spread : LEVEL_SPREAD_ANY;
    if (spread == LEVEL_SPREAD_CLOSE && nc > 0) {
        /* Items nearest in time to a random anchor. Shuffled first, so equal distances break randomly. */
        double anchor = c[rng_below(rng, (uint32_t)nc)].ord;
        for (size_t i = 0; i < nc; i++) {
            c[i].key = fabs(c[i].ord - anchor);
            c[i].order = i;
        }
        /* Equal distances keep their shuffled order, so the deal is the same on every libc. */
        qsort(c, nc, sizeof *c, cmp_key);
    }
    if (spread == LEVEL_SPREAD_FAR && nc > 0) {
        /* Farthest-point: each next item maximises its distance to the nearest already dealt. */
        bool *used = calloc(nc, sizeof *used);
        double *near = malloc(nc * sizeof *near);
        if (!used || !near) {
            free(used);
            free(near);
            free(c);
            free(sel);
            return false;
        }
        for (size_t i = 0; i < nc; i++)
            near[i] = INFINITY;
        size_t pick = 0;  /* c is shuffled: the first is a random start */
        while (ns < want) {
            used[pick] = true;
            if (!(avoid && ties_with(&c[pick], sel, ns))) {
                sel[ns++] = c[pick];
                for (size_t i = 0; i < nc; i++) {
                    double d = fabs(c[i].ord - c[pick].ord);
                    if (d < near[i])
                        near[i] = d;
                }
            }
            double best = -1;
            size_t next = nc;
            for (size_t i = 0; i < nc; i++) {
                if (!used[i] && near[i] > best) {
                    best = near[i];
                    next = i;
                }
            }
            if (next == nc)
                break;
            pick = next;
        }
        free(used);
        free(near);
    } else {
        for (size_t i = 0; i < nc && ns < want; i++)
            if (!(avoid && ties_with(&c[i], sel, ns)))
                sel[ns++] = c[i];
    }
    rng_shuffle(rng, sel, ns, sizeof *sel);
    for (size_t i = 0; i < ns; i++)
        out[i] = sel[i].ref;
    *n = ns;
    free(sel);
    free(c);
    return true;
}

bool level_select_items(const Level *lv, const Pack *p, Rng *rng, PackItemRef *out, size_t max,
                        size_t *n)
{
    return select_impl(lv, p, rng, out, max, n, false);
}

static void check_against_pack(LCtx *c, const cJSON *root, Level *lv)
{
    const Pack *p = c->pack;
    const cJSON *sel = cJSON_GetObjectItemCaseSensitive(root, "select");
    const cJSON *where = sel ? sel : root;
    if (lv->mode == LEVEL_MODE_TIMELINE) {
        if (kind_selected(lv, PACK_KIND_RIVER) && lv->select.kinds)
            lerr(c, cJSON_GetObjectItemCaseSensitive(sel, "kinds"), "a timeline needs dated items: rivers have no date");
        if (kind_selected(lv, PACK_KIND_FLASHCARD) && lv->select.kinds)
            lerr(c, cJSON_GetObjectItemCaseSensitive(sel, "kinds"), "a timeline needs dated items: flashcards have no date");
    }
    if (lv->mode == LEVEL_MODE_MAP && lv->select.kinds && kind_selected(lv, PACK_KIND_FLASHCARD))
        lerr(c, cJSON_GetObjectItemCaseSensitive(sel, "kinds"), "flashcards have no place on a map");
    const cJSON *ids = sel ? cJSON_GetObjectItemCaseSensitive(sel, "ids") : NULL;
    for (const cJSON *e = cJSON_IsArray(ids) ? ids->child : NULL; e; e = e->next) {
        if (!cJSON_IsString(e))
            continue;
        bool found = false;
        for (int k = 0; k < PACK_KIND_COUNT && !found; k++)
            found = kind_selected(lv, (PackKind)k) && pack_find(p, (PackKind)k, e->valuestring) != PACK_NONE;
        if (!found)
            lerr(c, e, "no selected item in pack '%s' has id '%.64s'", p->id, e->valuestring);
    }
    const cJSON *tags = sel ? cJSON_GetObjectItemCaseSensitive(sel, "tags") : NULL;
    for (const cJSON *e = cJSON_IsArray(tags) ? tags->child : NULL; e; e = e->next) {
        if (!cJSON_IsString(e))
            continue;
        bool found = false;
        for (int k = 0; k < PACK_KIND_COUNT && !found; k++) {
            size_t cnt = pack_item_count(p, (PackKind)k);
            for (size_t i = 0; i < cnt && !found; i++) {
                PackStrings t = pack_item_tags(p, (PackItemRef){(PackKind)k, (uint32_t)i});
                for (uint32_t j = 0; j < t.count && !found; j++)
                    found = strcmp(t.items[j], e->valuestring) == 0;
            }
        }
        if (!found)
            lwarn(c, e, false, "no item in pack '%s' has the tag '%.64s'", p->id, e->valuestring);
    }
    size_t nc = level_candidate_count(lv, p);
    if (nc == 0) {
        lerr(c, where, "the selection matches no items in pack '%s'", p->id);
        return;
    }
    const cJSON *count = sel ? cJSON_GetObjectItemCaseSensitive(sel, "count") : NULL;
    if (lv->select.count > nc) {
        lerr(c, count, "'count' is %u but the selection matches only %zu item%s in pack '%s'",
             lv->select.count, nc, nc == 1 ? "" : "s", p->id);
        return;
    }
    if (lv->mode == LEVEL_MODE_TIMELINE) {
        size_t cards = lv->select.count ? lv->select.count : nc;
        PackItemRef *buf = malloc(cards * sizeof *buf);
        size_t got = 0;
        if (!buf) {
            c->nomem = true;
            return;
        }
        Rng rng;
        rng_seed(&rng, 1);
        if (select_impl(lv, p, &rng, buf, cards, &got, true) && got < cards)
            lerr(c, count ? count : where,
                 "a timeline deals %zu cards but the selection has only %zu distinct dates "
                 "(dates equal at their precision cannot be told apart)", cards, got);
        free(buf);
    }
}

/* ---- Loading ---- */

static bool read_json(LCtx *c, const char *path, const char *text, size_t len)
{
    JsonError jerr;
    JsonLimits lim = {.max_bytes = LEVEL_MAX_BYTES, .max_string = 65536};
    (void)path;
    if (!json_parse(text, len, &lim, &c->doc, &jerr)) {
        diag_add(c->diag, DIAG_ERROR, c->file, jerr.line, jerr.col, NULL, "%s", jerr.message);
        return false;
    }
    return true;
}

LevelError level_load_memory(const char *text, size_t len, const char *display, const Pack *pack,
                             Level **out, Diag *diags)
{
    *out = NULL;
    Diag local = {0};
    Level *lv = calloc(1, sizeof *lv);
    if (!lv)
        return LEVEL_ERR_NOMEM;
    LCtx c = {.arena = &lv->arena, .diag = diags ? diags : &local, .file = display, .pack = pack};
    size_t before = c.diag->errors;
    if (read_json(&c, display, text, len))
        parse_level(&c, c.doc.root, lv);
    json_doc_free(&c.doc);
    bool failed = c.diag->errors > before || c.nomem;
    diag_free(&local);
    if (failed) {
        level_free(lv);
        return c.nomem ? LEVEL_ERR_NOMEM : LEVEL_ERR_INVALID;
    }
    *out = lv;
    return LEVEL_OK;
}

LevelError level_load(const char *path, const Pack *pack, Level **out, Diag *diags)
{
    *out = NULL;
    char *text = NULL;
    size_t len = 0;
    UtilError e = util_read_file(path, LEVEL_MAX_BYTES, &text, &len);
    if (e != UTIL_OK) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, NULL, e == UTIL_ERR_TOO_LARGE ?
                 "the level file is larger than 1 MB" : "cannot read the level file");
        return LEVEL_ERR_INVALID;
    }
    LevelError rc = level_load_memory(text, len, path, pack, out, diags);
    free(text);
    return rc;
}

void level_free(Level *level)
{
    if (!level)
        return;
    arena_free(&level->arena);
    free(level);
}

/* ---- Campaign ---- */

static const char *const CAMPAIGN_FIELDS[] = {"$schema", "format", "id", "title", "chapters"};
static const char *const CHAPTER_FIELDS[] = {"title", "levels"};

/* One level id of the campaign, for the duplicate check. */
typedef struct CampaignRef {
    const cJSON *node;
    size_t order;               /* position in the file */
} CampaignRef;

static int campaign_ref_cmp(const void *a, const void *b)
{
    const CampaignRef *x = a, *y = b;
    int c = strcmp(x->node->valuestring, y->node->valuestring);
    if (c)
        return c;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* A level appears once in the whole campaign: every later occurrence is an error. Sorting keeps
 * this O(n log n), so a hostile campaign of a million ids is still checked in bounded time. */
static void campaign_check_duplicates(LCtx *c, const cJSON *chapters)
{
    size_t n = 0;
    for (const cJSON *e = chapters->child; e; e = e->next) {
        const cJSON *lvls = cJSON_IsObject(e) ? cJSON_GetObjectItemCaseSensitive(e, "levels") : NULL;
        for (const cJSON *x = cJSON_IsArray(lvls) ? lvls->child : NULL; x; x = x->next)
            n += cJSON_IsString(x);
    }
    if (n < 2)
        return;
    CampaignRef *refs = malloc(n * sizeof *refs);
    if (!refs) {
        c->nomem = true;
        return;
    }
    size_t k = 0;
    for (const cJSON *e = chapters->child; e; e = e->next) {
        const cJSON *lvls = cJSON_IsObject(e) ? cJSON_GetObjectItemCaseSensitive(e, "levels") : NULL;
        for (const cJSON *x = cJSON_IsArray(lvls) ? lvls->child : NULL; x; x = x->next)
            if (cJSON_IsString(x)) {
                refs[k].node = x;
                refs[k].order = k;
                k++;
            }
    }
    qsort(refs, n, sizeof *refs, campaign_ref_cmp);
    /* Mark the later occurrences, then report them in file order (diag_sort orders by place). */
    for (size_t i = 1; i < n; i++)
        if (strcmp(refs[i].node->valuestring, refs[i - 1].node->valuestring) == 0)
            lerr(c, refs[i].node, "level '%.64s' appears twice in the campaign", refs[i].node->valuestring);
    free(refs);
}

LevelError campaign_load(const char *path, Campaign **out, Diag *diags)
{
    *out = NULL;
    char *text = NULL;
    size_t len = 0;
    if (util_read_file(path, LEVEL_MAX_BYTES, &text, &len) != UTIL_OK) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, NULL, "cannot read the campaign file");
        return LEVEL_ERR_INVALID;
    }
    LevelError rc = campaign_load_memory(text, len, path, out, diags);
    free(text);
    return rc;
}

LevelError campaign_load_memory(const char *text, size_t len, const char *display,
                                Campaign **out, Diag *diags)
{
    *out = NULL;
    Diag local = {0};
    Campaign *cp = calloc(1, sizeof *cp);
    if (!cp)
        return LEVEL_ERR_NOMEM;
    LCtx c = {.arena = &cp->arena, .diag = diags ? diags : &local, .file = display};
    size_t before = c.diag->errors;
    if (read_json(&c, display, text, len)) {
        const cJSON *root = c.doc.root;
        if (!cJSON_IsObject(root)) {
            lerr(&c, root, "a campaign file must hold one object {...}");
        } else {
            fields(&c, root, CAMPAIGN_FIELDS, COUNT_OF(CAMPAIGN_FIELDS), "campaign");
            const cJSON *f = req(&c, root, "format", "campaign");
            if (f && !(cJSON_IsNumber(f) && f->valuedouble == 1))
                lerr(&c, f, "'format' must be 1");
            if ((f = req(&c, root, "id", "campaign")))
                cp->id = id_node(&c, f, "campaign id");
            if ((f = req(&c, root, "title", "campaign")))
                text_node(&c, f, "title", &cp->title);
            const cJSON *ch = req(&c, root, "chapters", "campaign");
            if (ch && (!cJSON_IsArray(ch) || !ch->child)) {
                lerr(&c, ch, "'chapters' must be a non-empty list of {\"title\": ..., \"levels\": [...]}");
            } else if (ch) {
                size_t n = (size_t)cJSON_GetArraySize(ch), k = 0;
                CampaignChapter *chs = arena_alloc(&cp->arena, n * sizeof *chs);
                for (const cJSON *e = ch->child; e && chs; e = e->next) {
                    if (!cJSON_IsObject(e)) {
                        lerr(&c, e, "each chapter must be an object {\"title\": ..., \"levels\": [...]}");
                        continue;
                    }
                    fields(&c, e, CHAPTER_FIELDS, COUNT_OF(CHAPTER_FIELDS), "chapter");
                    if ((f = req(&c, e, "title", "chapter")))
                        text_node(&c, f, "title", &chs[k].title);
                    if ((f = req(&c, e, "levels", "chapter")))
                        chs[k].levels = string_list(&c, f, "levels", true);
                    k++;
                }
                campaign_check_duplicates(&c, ch);
                cp->chapters = chs;
                cp->chapter_count = (uint32_t)k;
            }
        }
    }
    json_doc_free(&c.doc);
    bool failed = c.diag->errors > before || c.nomem;
    diag_free(&local);
    if (failed) {
        campaign_free(cp);
        return LEVEL_ERR_INVALID;
    }
    *out = cp;
    return LEVEL_OK;
}

void campaign_free(Campaign *campaign)
{
    if (!campaign)
        return;
    arena_free(&campaign->arena);
    free(campaign);
}
