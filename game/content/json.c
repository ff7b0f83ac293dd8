/* A strict JSON parser that builds cJSON trees whose nodes sit in an arena beside their line and
 * column, plus the Diag message list and the arena itself. Columns count code points, so a
 * position in a Russian or Chinese line points where an editor's cursor would. */
#include "core/compiler.h"
#include "content/json.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct JsonNodeInfo {
    const cJSON *parent;
    int line, col;
    int key_line, key_col;
    size_t index;               /* position among the parent's children, for json_path */
};

/* Every node of a document is a JsonNode in the document's arena: its position sits right after
 * the cJSON struct, so finding it costs nothing, and freeing the document is freeing the arena. */
typedef struct JsonNode {
    cJSON item;
    JsonNodeInfo info;
} JsonNode;

struct ArenaBlock {
    ArenaBlock *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
};

/* The node's info when node was allocated by doc (checked against the arena's blocks). */
static const JsonNodeInfo *info_of(const JsonDoc *doc, const cJSON *node)
{
    if (!doc || !node)
        return NULL;
    const unsigned char *p = (const unsigned char *)node;
    for (const ArenaBlock *b = doc->arena.head; b; b = b->next)
        if (p >= b->data && p + sizeof(JsonNode) <= b->data + b->used)
            return &((const JsonNode *)node)->info;
    return NULL;
}

/* ---- Parser ---- */

typedef struct Parser {
    const unsigned char *s;
    size_t len;
    size_t pos;
    int line, col;
    int depth;
    size_t max_string;
    JsonDoc *doc;
    JsonError *err;
    bool failed;
    char *scratch;
    size_t scratch_cap;
} Parser;

static void fail_at(Parser *p, int line, int col, const char *fmt, ...)
    FRONTIERS_PRINTF(4, 5);

static void fail_at(Parser *p, int line, int col, const char *fmt, ...)
{
    if (p->failed)
        return;
    p->failed = true;
    p->err->line = line;
    p->err->col = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err->message, sizeof p->err->message, fmt, ap);
    va_end(ap);
}

#define FAIL(p, ...) fail_at((p), (p)->line, (p)->col, __VA_ARGS__)

static int peek(const Parser *p)
{
    return p->pos < p->len ? p->s[p->pos] : -1;
}

static void advance(Parser *p)
{
    unsigned char c = p->s[p->pos++];
    if (c == '\n') {
        p->line++;
        p->col = 1;
    } else if (c != '\r' && (c & 0xC0) != 0x80) {
        p->col++;
    }
}

static void skip_ws(Parser *p)
{
    while (p->pos < p->len) {
        unsigned char c = p->s[p->pos];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            advance(p);
        else
            break;
    }
}

static cJSON *new_node(Parser *p, int type, const cJSON *parent, int line, int col,
                       int key_line, int key_col)
{
    JsonNode *n = arena_alloc(&p->doc->arena, sizeof *n);
    if (!n) {
        FAIL(p, "out of memory");
        return NULL;
    }
    n->item.type = type;
    n->info = (JsonNodeInfo){parent, line, col, key_line, key_col, 0};
    return &n->item;
}

/* Appends item to parent's children the way cJSON does: the first child's prev is the last. */
static void link_child(cJSON *parent, cJSON *item)
{
    /* Both are JsonNodes of the parser's arena. */
    if (!parent->child) {
        parent->child = item;
        item->prev = item;
        ((JsonNode *)item)->info.index = 0;
    } else {
        cJSON *last = parent->child->prev;
        last->next = item;
        item->prev = last;
        parent->child->prev = item;
        ((JsonNode *)item)->info.index = ((JsonNode *)last)->info.index + 1;
    }
}

static void describe_unexpected(Parser *p, const char *what)
{
    int c = peek(p);
    if (c < 0)
        FAIL(p, "unexpected end of input: %s", what);
    else if (c == '/')
        FAIL(p, "comments are not allowed in JSON");
    else if (c == '\'')
        FAIL(p, "strings must use double quotes, not single quotes");
    else if (c >= 0x20 && c < 0x7f)
        FAIL(p, "unexpected '%c': %s", c, what);
    else
        FAIL(p, "unexpected byte 0x%02x: %s", (unsigned)c, what);
}

static bool scratch_push(Parser *p, const char *bytes, size_t n, size_t *used)
{
    if (*used + n + 1 > p->scratch_cap) {
        size_t ncap = p->scratch_cap ? p->scratch_cap * 2 : 256;
        while (ncap < *used + n + 1)
            ncap *= 2;
        char *ns = realloc(p->scratch, ncap);
        if (!ns) {
            FAIL(p, "out of memory");
            return false;
        }
        p->scratch = ns;
        p->scratch_cap = ncap;
    }
    memcpy(p->scratch + *used, bytes, n);
    *used += n;
    return true;
}

static int hex4(const unsigned char *s)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        int c = s[i], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return -1;
        v = v * 16 + d;
    }
    return v;
}

static size_t encode_utf8(uint32_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    } else if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    } else if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Length of the valid UTF-8 sequence at s[0..avail), or 0 when invalid. */
static size_t utf8_seq(const unsigned char *s, size_t avail)
{
    unsigned c = s[0];
    size_t n;
    uint32_t cp, min;
    if (c < 0x80)
        return 1;
    if ((c & 0xE0) == 0xC0) {
        n = 2; cp = c & 0x1F; min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3; cp = c & 0x0F; min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4; cp = c & 0x07; min = 0x10000;
    } else {
        return 0;
    }
    if (avail < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* Parses a string starting at '"'; returns a NUL-terminated copy in the document's arena. */
static char *parse_string_raw(Parser *p)
{
    int start_line = p->line, start_col = p->col;
    /* Fast path: most strings have no escapes; copy them straight into the arena. */
    size_t i = p->pos + 1;
    int cols = 0;
    while (i < p->len) {
        unsigned char c = p->s[i];
        if (c == '"' || c == '\\' || c < 0x20)
            break;
        size_t n = c < 0x80 ? 1 : utf8_seq(p->s + i, p->len - i);
        if (n == 0)
            break;
        i += n;
        cols++;
    }
    if (i < p->len && p->s[i] == '"' && i - (p->pos + 1) <= p->max_string) {
        size_t n = i - (p->pos + 1);
        char *s = arena_alloc(&p->doc->arena, n + 1);
        if (!s) {
            FAIL(p, "out of memory");
            return NULL;
        }
        memcpy(s, p->s + p->pos + 1, n);
        s[n] = '\0';
        p->pos = i + 1;
        p->col += cols + 2;
        return s;
    }
    advance(p); /* '"' */
    size_t used = 0;
    for (;;) {
        if (p->pos >= p->len) {
            fail_at(p, start_line, start_col, "unterminated string (no closing '\"')");
            return NULL;
        }
        /* Copy a run of plain ASCII at once. */
        size_t run = p->pos;
        while (run < p->len && p->s[run] >= 0x20 && p->s[run] < 0x80 && p->s[run] != '"' &&
               p->s[run] != '\\')
            run++;
        if (run > p->pos) {
            size_t n = run - p->pos;
            if (!scratch_push(p, (const char *)p->s + p->pos, n, &used))
                return NULL;
            p->col += (int)n;
            p->pos = run;
            if (used > p->max_string) {
                fail_at(p, start_line, start_col, "string longer than %zu bytes", p->max_string);
                return NULL;
            }
            continue;
        }
        unsigned char c = p->s[p->pos];
        if (c == '"') {
            advance(p);
            break;
        }
        if (c == '\\') {
            int esc_line = p->line, esc_col = p->col;
            if (p->pos + 1 >= p->len) {
                fail_at(p, start_line, start_col, "unterminated string (no closing '\"')");
                return NULL;
            }
            unsigned char e = p->s[p->pos + 1];
            char out[4];
            size_t on = 1;
            switch (e) {
            case '"': out[0] = '"'; break;
            case '\\': out[0] = '\\'; break;
            case '/': out[0] = '/'; break;
            case 'b': out[0] = '\b'; break;
            case 'f': out[0] = '\f'; break;
            case 'n': out[0] = '\n'; break;
            case 'r': out[0] = '\r'; break;
            case 't': out[0] = '\t'; break;
            case 'u': {
                int hi = p->pos + 6 <= p->len ? hex4(p->s + p->pos + 2) : -1;
                if (hi < 0) {
                    fail_at(p, esc_line, esc_col, "invalid escape: \\u needs four hex digits");
                    return NULL;
                }
                uint32_t cp = (uint32_t)hi;
                size_t consumed = 6;
                if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    fail_at(p, esc_line, esc_col, "invalid escape: lone low surrogate \\u%04X", cp);
                    return NULL;
                }
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    int lo = -1;
                    if (p->pos + 12 <= p->len && p->s[p->pos + 6] == '\\' && p->s[p->pos + 7] == 'u')
                        lo = hex4(p->s + p->pos + 8);
                    if (lo < 0xDC00 || lo > 0xDFFF) {
                        fail_at(p, esc_line, esc_col,
                                "invalid escape: high surrogate \\u%04X without a low surrogate", cp);
                        return NULL;
                    }
                    cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
                    consumed = 12;
                }
                if (cp == 0) {
                    fail_at(p, esc_line, esc_col, "invalid escape: \\u0000 (NUL) is not allowed in strings");
                    return NULL;
                }
                on = encode_utf8(cp, out);
                p->pos += consumed;
                p->col += (int)consumed;
                if (!scratch_push(p, out, on, &used))
                    return NULL;
                continue;
            }
            default:
                fail_at(p, esc_line, esc_col, "invalid escape '\\%c' (use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)",
                        (e >= 0x20 && e < 0x7f) ? e : '?');
                return NULL;
            }
            p->pos += 2;
            p->col += 2;
            if (!scratch_push(p, out, on, &used))
                return NULL;
            continue;
        }
        if (c < 0x20) {
            if (c == '\n' || c == '\r')
                FAIL(p, "line break inside a string (close the string, or write \\n)");
            else
                FAIL(p, "control character 0x%02x inside a string (escape it)", c);
            return NULL;
        }
        size_t n = utf8_seq(p->s + p->pos, p->len - p->pos);
        if (n == 0) {
            FAIL(p, "invalid UTF-8 (save the file as UTF-8)");
            return NULL;
        }
        if (!scratch_push(p, (const char *)p->s + p->pos, n, &used))
            return NULL;
        p->pos += n;
        p->col++;
        if (used > p->max_string) {
            fail_at(p, start_line, start_col, "string longer than %zu bytes", p->max_string);
            return NULL;
        }
    }
    if (used > p->max_string) {
        fail_at(p, start_line, start_col, "string longer than %zu bytes", p->max_string);
        return NULL;
    }
    char *s = arena_alloc(&p->doc->arena, used + 1);
    if (!s) {
        FAIL(p, "out of memory");
        return NULL;
    }
    memcpy(s, p->scratch ? p->scratch : "", used);
    s[used] = '\0';
    return s;
}

static cJSON *parse_number(Parser *p)
{
    int line = p->line, col = p->col;
    size_t start = p->pos;
    if (peek(p) == '-')
        advance(p);
    int c = peek(p);
    if (c == '0') {
        advance(p);
        c = peek(p);
        if (c >= '0' && c <= '9') {
            FAIL(p, "leading zeros are not allowed in numbers");
            return NULL;
        }
    } else if (c >= '1' && c <= '9') {
        while ((c = peek(p)) >= '0' && c <= '9')
            advance(p);
    } else {
        FAIL(p, "expected a digit after '-'");
        return NULL;
    }
    if (peek(p) == '.') {
        advance(p);
        c = peek(p);
        if (!(c >= '0' && c <= '9')) {
            FAIL(p, "expected a digit after '.'");
            return NULL;
        }
        while ((c = peek(p)) >= '0' && c <= '9')
            advance(p);
    }
    c = peek(p);
    if (c == 'e' || c == 'E') {
        advance(p);
        c = peek(p);
        if (c == '+' || c == '-')
            advance(p);
        c = peek(p);
        if (!(c >= '0' && c <= '9')) {
            FAIL(p, "expected digits in the exponent");
            return NULL;
        }
        while ((c = peek(p)) >= '0' && c <= '9')
            advance(p);
    }
    size_t n = p->pos - start;
    char small[64];
    char *buf = n < sizeof small ? small : malloc(n + 1);
    if (!buf) {
        FAIL(p, "out of memory");
        return NULL;
    }
    memcpy(buf, p->s + start, n);
    buf[n] = '\0';
    errno = 0;
    double v = strtod(buf, NULL);
    if (buf != small)
        free(buf);
    if (!isfinite(v)) {
        fail_at(p, line, col, "number out of range");
        return NULL;
    }
    cJSON *item = new_node(p, cJSON_Number, NULL, line, col, 0, 0);
    if (item) {
        item->valuedouble = v;
        item->valueint = v >= (double)INT_MAX ? INT_MAX : v <= (double)INT_MIN ? INT_MIN : (int)v;
    }
    return item;
}

static bool match_literal(Parser *p, const char *lit)
{
    size_t n = strlen(lit);
    if (p->len - p->pos < n || memcmp(p->s + p->pos, lit, n) != 0)
        return false;
    int c = p->pos + n < p->len ? p->s[p->pos + n] : -1;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')
        return false;
    for (size_t i = 0; i < n; i++)
        advance(p);
    return true;
}

typedef struct KeyRef {
    const char *key;
    cJSON *node;
    size_t index;
} KeyRef;

static int keyref_cmp(const void *a, const void *b)
{
    const KeyRef *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

static cJSON *parse_value(Parser *p, const cJSON *parent, int key_line, int key_col);

static cJSON *parse_object(Parser *p, int line, int col, const cJSON *parent, int key_line,
                           int key_col)
{
    cJSON *obj = new_node(p, cJSON_Object, parent, line, col, key_line, key_col);
    if (!obj)
        return NULL;
    advance(p); /* '{' */
    KeyRef *keys = NULL;
    size_t nkeys = 0, kcap = 0;
    skip_ws(p);
    if (peek(p) == '}') {
        advance(p);
        return obj;
    }
    for (;;) {
        skip_ws(p);
        if (peek(p) != '"') {
            if (peek(p) == '}' && nkeys > 0)
                FAIL(p, "trailing comma before '}'");
            else
                describe_unexpected(p, "expected a \"key\" in double quotes");
            goto fail;
        }
        int kl = p->line, kc = p->col;
        char *key = parse_string_raw(p);
        if (!key)
            goto fail;
        skip_ws(p);
        if (peek(p) != ':') {
            describe_unexpected(p, "expected ':' after object key");
            goto fail;
        }
        advance(p);
        skip_ws(p);
        cJSON *item = parse_value(p, obj, kl, kc);
        if (!item)
            goto fail;
        item->string = key;
        link_child(obj, item);
        if (nkeys == kcap) {
            kcap = kcap ? kcap * 2 : 8;
            KeyRef *nk = realloc(keys, kcap * sizeof *nk);
            if (!nk) {
                FAIL(p, "out of memory");
                goto fail;
            }
            keys = nk;
        }
        keys[nkeys] = (KeyRef){key, item, nkeys};
        nkeys++;
        skip_ws(p);
        int c = peek(p);
        if (c == ',') {
            advance(p);
            continue;
        }
        if (c == '}') {
            advance(p);
            break;
        }
        describe_unexpected(p, "expected ',' or '}' after object member");
        goto fail;
    }
    if (nkeys > 1) {
        /* Report the duplicate that appears first in the file (after its original). Small
         * objects, nearly all of them, are compared pairwise; big ones sorted. */
        const KeyRef *dup = NULL;
        if (nkeys <= 24) {
            for (size_t i = 1; i < nkeys && !dup; i++)
                for (size_t j = 0; j < i && !dup; j++)
                    if (keys[i].key[0] == keys[j].key[0] && strcmp(keys[i].key, keys[j].key) == 0)
                        dup = &keys[i];
        } else {
            qsort(keys, nkeys, sizeof *keys, keyref_cmp);
            for (size_t i = 1; i < nkeys; i++) {
                if (strcmp(keys[i].key, keys[i - 1].key) == 0 && (!dup || keys[i].index < dup->index))
                    dup = &keys[i];
            }
        }
        if (dup) {
            const JsonNodeInfo *info = info_of(p->doc, dup->node);
            int dl = info ? info->key_line : line, dc = info ? info->key_col : col;
            fail_at(p, dl, dc, "duplicate key '%.60s'", dup->key);
            goto fail;
        }
    }
    free(keys);
    return obj;
fail:
    free(keys);
    return NULL;
}

static cJSON *parse_array(Parser *p, int line, int col, const cJSON *parent, int key_line,
                          int key_col)
{
    cJSON *arr = new_node(p, cJSON_Array, parent, line, col, key_line, key_col);
    if (!arr)
        return NULL;
    advance(p); /* '[' */
    skip_ws(p);
    if (peek(p) == ']') {
        advance(p);
        return arr;
    }
    for (;;) {
        skip_ws(p);
        if (peek(p) == ']') {
            FAIL(p, "trailing comma before ']'");
            goto fail;
        }
        cJSON *item = parse_value(p, arr, 0, 0);
        if (!item)
            goto fail;
        link_child(arr, item);
        skip_ws(p);
        int c = peek(p);
        if (c == ',') {
            advance(p);
            continue;
        }
        if (c == ']') {
            advance(p);
            return arr;
        }
        describe_unexpected(p, "expected ',' or ']' after array element");
        goto fail;
    }
fail:
    return NULL;
}

static cJSON *parse_value(Parser *p, const cJSON *parent, int key_line, int key_col)
{
    int line = p->line, col = p->col;
    int c = peek(p);
    cJSON *item = NULL;
    switch (c) {
    case '{':
    case '[':
        if (p->depth >= JSON_MAX_DEPTH) {
            FAIL(p, "nesting deeper than %d levels", JSON_MAX_DEPTH);
            return NULL;
        }
        p->depth++;
        item = c == '{' ? parse_object(p, line, col, parent, key_line, key_col)
                        : parse_array(p, line, col, parent, key_line, key_col);
        p->depth--;
        return item;
    case '"': {
        char *s = parse_string_raw(p);
        if (!s)
            return NULL;
        item = new_node(p, cJSON_String, parent, line, col, key_line, key_col);
        if (item)
            item->valuestring = s;
        break;
    }
    case 't':
    case 'f':
    case 'n':
        if (match_literal(p, "true"))
            item = new_node(p, cJSON_True, parent, line, col, key_line, key_col);
        else if (match_literal(p, "false"))
            item = new_node(p, cJSON_False, parent, line, col, key_line, key_col);
        else if (match_literal(p, "null"))
            item = new_node(p, cJSON_NULL, parent, line, col, key_line, key_col);
        else {
            FAIL(p, "invalid literal (expected true, false or null)");
            return NULL;
        }
        break;
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
        if (c == '-' && p->pos + 1 < p->len && (p->s[p->pos + 1] == 'I' || p->s[p->pos + 1] == 'N')) {
            FAIL(p, "NaN and Infinity are not JSON numbers");
            return NULL;
        }
        item = parse_number(p);
        if (item)
            ((JsonNode *)item)->info = (JsonNodeInfo){parent, line, col, key_line, key_col, 0};
        break;
    case '+':
        FAIL(p, "numbers cannot start with '+'");
        return NULL;
    case '.':
        FAIL(p, "numbers need a digit before '.'");
        return NULL;
    case 'N':
    case 'I':
        FAIL(p, "NaN and Infinity are not JSON numbers");
        return NULL;
    default:
        describe_unexpected(p, "expected a value");
        return NULL;
    }
    if (!item)
        return NULL;
    return item;
}

bool json_parse(const char *text, size_t len, const JsonLimits *limits, JsonDoc *doc,
                JsonError *err)
{
    JsonError dummy;
    if (!err)
        err = &dummy;
    memset(doc, 0, sizeof *doc);
    memset(err, 0, sizeof *err);
    size_t max_bytes = limits && limits->max_bytes ? limits->max_bytes : (size_t)8 << 20;
    Parser p = {
        .s = (const unsigned char *)text, .len = len, .line = 1, .col = 1,
        .max_string = limits && limits->max_string ? limits->max_string : (size_t)1 << 20,
        .doc = doc, .err = err,
    };
    if (len > max_bytes) {
        fail_at(&p, 0, 0, "file is larger than the limit of %zu bytes", max_bytes);
        return false;
    }
    if (len >= 2 && (((unsigned char)text[0] == 0xFF && (unsigned char)text[1] == 0xFE) ||
                     ((unsigned char)text[0] == 0xFE && (unsigned char)text[1] == 0xFF))) {
        /* Notepad's "Unicode": say so rather than report a bad first byte. */
        fail_at(&p, 1, 1, "the file is UTF-16 text; save it as UTF-8");
        return false;
    }
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        p.pos = 3;
    skip_ws(&p);
    if (p.pos >= p.len) {
        fail_at(&p, p.line, p.col, "the file is empty (expected a JSON value)");
        return false;
    }
    cJSON *root = parse_value(&p, NULL, 0, 0);
    if (root) {
        skip_ws(&p);
        if (p.pos < p.len) {
            FAIL(&p, "unexpected text after the end of the JSON value");
            root = NULL;
        }
    }
    free(p.scratch);
    if (!root || p.failed) {
        arena_free(&doc->arena);
        memset(doc, 0, sizeof *doc);
        return false;
    }
    doc->root = root;
    return true;
}

void json_doc_free(JsonDoc *doc)
{
    if (!doc)
        return;
    arena_free(&doc->arena);
    memset(doc, 0, sizeof *doc);
}

bool json_pos(const JsonDoc *doc, const cJSON *node, int *line, int *col)
{
    const JsonNodeInfo *i = info_of(doc, node);
    *line = i ? i->line : 0;
    *col = i ? i->col : 0;
    return i != NULL;
}

bool json_key_pos(const JsonDoc *doc, const cJSON *node, int *line, int *col)
{
    const JsonNodeInfo *i = info_of(doc, node);
    if (i && i->key_line) {
        *line = i->key_line;
        *col = i->key_col;
        return true;
    }
    return json_pos(doc, node, line, col);
}

const cJSON *json_parent(const JsonDoc *doc, const cJSON *node)
{
    const JsonNodeInfo *i = info_of(doc, node);
    return i ? i->parent : NULL;
}

static bool plain_key(const char *k)
{
    if (!*k || (*k >= '0' && *k <= '9'))
        return false;
    for (; *k; k++) {
        char c = *k;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '$'))
            return false;
    }
    return true;
}

char *json_path(const JsonDoc *doc, const cJSON *node, char *buf, size_t cap)
{
    const cJSON *chain[JSON_MAX_DEPTH + 2];
    size_t n = 0;
    for (const cJSON *at = node; at && n < sizeof chain / sizeof chain[0]; at = json_parent(doc, at))
        chain[n++] = at;
    size_t used = 0;
    if (cap == 0)
        return buf;
    used += (size_t)snprintf(buf, cap, "$");
    for (size_t i = n; i-- > 1;) {
        const cJSON *parent = chain[i], *child = chain[i - 1];
        if (used >= cap)
            break;
        if (cJSON_IsArray(parent)) {
            /* The stored index keeps a path O(depth): a report on 100,000 items stays linear. */
            const JsonNodeInfo *ci = info_of(doc, child);
            size_t idx = 0;
            if (ci)
                idx = ci->index;
            else
                for (const cJSON *c = parent->child; c && c != child; c = c->next)
                    idx++;
            used += (size_t)snprintf(buf + used, cap - used, "[%zu]", idx);
        } else if (child->string && plain_key(child->string)) {
            used += (size_t)snprintf(buf + used, cap - used, ".%s", child->string);
        } else {
            used += (size_t)snprintf(buf + used, cap - used, "[\"%s\"]", child->string ? child->string : "");
        }
    }
    return buf;
}

/* ---- Diag ---- */

static char *dup_or_empty(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    char *d = malloc(n + 1);
    if (d) {
        if (n)
            memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

void diag_init(Diag *d)
{
    memset(d, 0, sizeof *d);
}

void diag_free(Diag *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->count; i++) {
        free(d->items[i].file);
        free(d->items[i].message);
        free(d->items[i].path);
    }
    free(d->items);
    memset(d, 0, sizeof *d);
}

static void diag_addv(Diag *d, DiagSeverity sev, const char *file, int line, int col,
                      const char *path, const char *fmt, va_list ap) FRONTIERS_PRINTF(7, 0);

static void diag_addv(Diag *d, DiagSeverity sev, const char *file, int line, int col,
                      const char *path, const char *fmt, va_list ap)
{
    if (!d)
        return;
    if (sev == DIAG_ERROR)
        d->errors++;
    else
        d->warnings++;
    if (d->count >= DIAG_MAX_ENTRIES) {
        d->dropped++;
        return;
    }
    if (d->count == d->cap) {
        size_t ncap = d->cap ? d->cap * 2 : 16;
        DiagEntry *ni = realloc(d->items, ncap * sizeof *ni);
        if (!ni) {
            d->dropped++;
            return;
        }
        d->items = ni;
        d->cap = ncap;
    }
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    DiagEntry *e = &d->items[d->count++];
    e->file = dup_or_empty(file);
    e->line = line;
    e->col = col;
    e->severity = sev;
    e->message = dup_or_empty(msg);
    e->path = path && *path ? dup_or_empty(path) : NULL;
}

void diag_add(Diag *d, DiagSeverity sev, const char *file, int line, int col, const char *path,
              const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(d, sev, file, line, col, path, fmt, ap);
    va_end(ap);
}

void diag_at(Diag *d, DiagSeverity sev, const char *file, const JsonDoc *doc, const cJSON *node,
             bool at_key, const char *fmt, ...)
{
    int line = 0, col = 0;
    char path[512];
    path[0] = '\0';
    if (doc && node) {
        if (at_key)
            json_key_pos(doc, node, &line, &col);
        else
            json_pos(doc, node, &line, &col);
        json_path(doc, node, path, sizeof path);
    }
    va_list ap;
    va_start(ap, fmt);
    diag_addv(d, sev, file, line, col, path, fmt, ap);
    va_end(ap);
}

typedef struct DiagSortKey {
    size_t file_rank;
    size_t index;
    DiagEntry entry;
} DiagSortKey;

static int diag_sort_cmp(const void *a, const void *b)
{
    const DiagSortKey *x = a, *y = b;
    if (x->file_rank != y->file_rank)
        return x->file_rank < y->file_rank ? -1 : 1;
    if (x->entry.line != y->entry.line)
        return x->entry.line < y->entry.line ? -1 : 1;
    if (x->entry.col != y->entry.col)
        return x->entry.col < y->entry.col ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

void diag_sort(Diag *d)
{
    if (d->count < 2)
        return;
    DiagSortKey *keys = malloc(d->count * sizeof *keys);
    if (!keys)
        return;
    for (size_t i = 0; i < d->count; i++) {
        size_t rank = i;
        for (size_t j = 0; j < i; j++) {
            if (strcmp(d->items[j].file, d->items[i].file) == 0) {
                rank = keys[j].file_rank;
                break;
            }
        }
        keys[i] = (DiagSortKey){rank, i, d->items[i]};
    }
    qsort(keys, d->count, sizeof *keys, diag_sort_cmp);
    for (size_t i = 0; i < d->count; i++)
        d->items[i] = keys[i].entry;
    free(keys);
}

char *diag_format(const DiagEntry *e, char *buf, size_t cap)
{
    const char *sev = e->severity == DIAG_ERROR ? "error" : "warning";
    char place[64] = "";
    if (e->line > 0 && e->col > 0)
        snprintf(place, sizeof place, ":%d:%d", e->line, e->col);
    else if (e->line > 0)
        snprintf(place, sizeof place, ":%d", e->line);
    if (e->path)
        snprintf(buf, cap, "%s%s: %s: %s [%s]", e->file, place, sev, e->message, e->path);
    else
        snprintf(buf, cap, "%s%s: %s: %s", e->file, place, sev, e->message);
    return buf;
}

void diag_print(const Diag *d, FILE *out)
{
    char line[2048];
    for (size_t i = 0; i < d->count; i++)
        fprintf(out, "%s\n", diag_format(&d->items[i], line, sizeof line));
    if (d->dropped)
        fprintf(out, "(%zu more messages not shown)\n", d->dropped);
}

/* ---- Arena ---- */

void *arena_alloc(Arena *a, size_t size)
{
    size = (size + 7) & ~(size_t)7;
    if (size == 0)
        size = 8;
    ArenaBlock *b = a->head;
    if (!b || b->cap - b->used < size) {
        /* Blocks grow with the content: few blocks for a big document, little waste for a small one. */
        size_t cap = b && b->cap < ((size_t)1 << 20) ? b->cap * 2 : b ? b->cap : 16384;
        if (cap < size)
            cap = size;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->cap = cap;
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

char *arena_strdup(Arena *a, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = arena_alloc(a, n);
    if (d)
        memcpy(d, s, n);
    return d;
}

void arena_free(Arena *a)
{
    ArenaBlock *b = a->head;
    while (b) {
        ArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

/* ---- Did you mean ---- */

size_t json_edit_distance(const char *a, const char *b, size_t cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return cap + 1;
    if ((la > lb ? la - lb : lb - la) > cap)
        return cap + 1;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0], best = i;
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t v = diag + (a[i - 1] != b[j - 1]);
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            if (up + 1 < v)
                v = up + 1;
            row[j] = v;
            diag = up;
            if (v < best)
                best = v;
        }
        if (best > cap)
            return cap + 1;
    }
    return row[lb] > cap ? cap + 1 : row[lb];
}

const char *json_did_you_mean(const char *word, const char *const *candidates, size_t n)
{
    size_t len = strlen(word);
    size_t cap = len / 3 > 2 ? len / 3 : 2;
    if (len <= 2)
        cap = 1;
    const char *best = NULL;
    size_t best_d = cap + 1;
    for (size_t i = 0; i < n; i++) {
        if (!candidates[i])
            continue;
        size_t d = json_edit_distance(word, candidates[i], best_d - 1 < cap ? best_d - 1 : cap);
        if (d < best_d) {
            best_d = d;
            best = candidates[i];
            if (d == 0)
                break;
        }
    }
    /* Plurals and truncations: "treaties" for "treaty", "sour" for "sources". */
    for (size_t i = 0; i < n && !best; i++) {
        size_t lc = candidates[i] ? strlen(candidates[i]) : 0;
        size_t common = 0;
        while (common < len && common < lc && word[common] == candidates[i][common])
            common++;
        if (common >= 4 && (common == lc || common == len || common + 3 >= (len > lc ? len : lc)))
            best = candidates[i];
    }
    return best;
}
