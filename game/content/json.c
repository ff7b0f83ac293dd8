/* A strict JSON parser that builds cJSON trees in one block of nodes, each followed by the byte
 * offsets of its value and key, plus the Diag message list and the arena. Line and column are
 * worked out from an offset only when a message asks for one; columns count code points, so a
 * position in a Russian or Chinese line points where an editor's cursor would. */
#include "base/compiler.h"
#include "content/json.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Every node of a document is a JsonNode in the document's node block, in document order. The
 * offsets sit right after the cJSON struct, so finding them costs nothing, and a node's ordinal
 * is its distance from the block's start. Loading a big pack is mostly the kernel handing out
 * fresh pages, so a node holds no more than this: the parent and the index among siblings, which
 * only a message's JSON path needs, are computed for the whole document on first use. */
struct JsonNode {
    cJSON item;
    uint32_t pos;               /* byte offset of the value in the text */
    uint32_t key_pos;           /* byte offset of the member's key, or NO_KEY */
};

#define NO_KEY UINT32_MAX
#define NO_PARENT UINT32_MAX
#define MARK_STEP 1024          /* bytes between remembered line/column positions */

typedef struct LineCol {
    uint32_t line, col;
} LineCol;

/* Built on demand (json_pos, json_path) from the text and the tree; NULL members not built yet. */
struct JsonIndex {
    LineCol *marks;             /* line and column at each multiple of MARK_STEP */
    size_t mark_count;
    uint32_t *parent;           /* each node's parent ordinal, NO_PARENT for the root */
    uint32_t *index;            /* each node's position among its parent's children */
};

struct ArenaBlock {
    ArenaBlock *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
};

/* The node when it belongs to doc's node block. */
static const JsonNode *node_of(const JsonDoc *doc, const cJSON *node)
{
    if (!doc || !node || !doc->nodes)
        return NULL;
    uintptr_t p = (uintptr_t)node, base = (uintptr_t)doc->nodes;
    if (p < base || (p - base) % sizeof(JsonNode) != 0 || (p - base) / sizeof(JsonNode) >= doc->node_count)
        return NULL;
    return (const JsonNode *)node;
}

/* ---- Positions ---- */

/* Moves (line, col) over text[from..to) the way an editor's cursor moves: a line feed starts a
 * new line; carriage returns and UTF-8 continuation bytes take no column. */
static void walk_pos(const unsigned char *s, size_t from, size_t to, uint32_t *line, uint32_t *col)
{
    uint32_t l = *line, c = *col;
    for (size_t i = from; i < to; i++) {
        unsigned char b = s[i];
        if (b == '\n') {
            l++;
            c = 1;
        } else if (b != '\r' && (b & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

static int clamp_int(uint32_t v)
{
    return v > INT_MAX ? INT_MAX : (int)v;
}

/* Line and column of byte offset off; the marks make it O(MARK_STEP) when they are built. */
static void locate(const JsonDoc *doc, size_t off, int *line, int *col)
{
    const unsigned char *s = (const unsigned char *)doc->text;
    uint32_t l = 1, c = 1;
    size_t from = doc->bom;
    if (off > doc->len)
        off = doc->len;
    const JsonIndex *ix = doc->index;
    if (ix && ix->marks && off / MARK_STEP > 0 && off / MARK_STEP < ix->mark_count) {
        size_t k = off / MARK_STEP;
        l = ix->marks[k].line;
        c = ix->marks[k].col;
        from = k * MARK_STEP;
    }
    if (off > from)
        walk_pos(s, from, off, &l, &c);
    *line = clamp_int(l);
    *col = clamp_int(c);
}

static void build_marks(const JsonDoc *doc, JsonIndex *ix)
{
    size_t n = doc->len / MARK_STEP + 1;
    LineCol *m = malloc(n * sizeof *m);
    if (!m)
        return;
    const unsigned char *s = (const unsigned char *)doc->text;
    uint32_t l = 1, c = 1;
    m[0] = (LineCol){1, 1};
    for (size_t k = 1; k < n; k++) {
        walk_pos(s, k == 1 ? doc->bom : (k - 1) * MARK_STEP, k * MARK_STEP, &l, &c);
        m[k] = (LineCol){l, c};
    }
    ix->marks = m;
    ix->mark_count = n;
}

/* Parent and sibling index of every node: one pass over the block (children always come after
 * their parent, and every node but the root is some node's child). */
static void build_tree_index(const JsonDoc *doc, JsonIndex *ix)
{
    size_t n = doc->node_count;
    uint32_t *parent = malloc(n * sizeof *parent), *index = malloc(n * sizeof *index);
    if (!parent || !index) {
        free(parent);
        free(index);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        parent[i] = NO_PARENT;
        index[i] = 0;
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t k = 0;
        for (const cJSON *c = doc->nodes[i].item.child; c; c = c->next, k++) {
            size_t o = (size_t)((const JsonNode *)c - doc->nodes);
            parent[o] = (uint32_t)i;
            index[o] = k;
        }
    }
    ix->parent = parent;
    ix->index = index;
}

/* The index with marks (want_tree false) or the tree part built; NULL when memory ran out. */
static JsonIndex *doc_index(const JsonDoc *doc, bool want_tree)
{
    JsonIndex *ix = doc->index;
    if (!ix)
        return NULL;
    if (!want_tree && !ix->marks && doc->len >= 2 * MARK_STEP)
        build_marks(doc, ix);
    if (want_tree && !ix->parent)
        build_tree_index(doc, ix);
    return ix;
}

/* ---- Parser ---- */

/* Interned object keys: a pack repeats a few dozen keys tens of thousands of times. Short keys
 * only, and a bounded table, so a document of unique keys costs nothing extra. */
#define KEY_SLOTS 1024
#define KEY_MAX_INTERNED 512
#define KEY_MAX_LEN 48

typedef struct KeySlot {
    const char *s;
    uint32_t len;
    uint32_t hash;
} KeySlot;

typedef struct KeyRef {
    const char *key;
    const JsonNode *node;
    size_t index;
} KeyRef;

typedef struct Parser {
    const unsigned char *s;
    size_t len;
    size_t pos;
    int depth;
    size_t max_string;
    JsonDoc *doc;
    JsonError *err;
    bool failed;
    JsonNode *nodes;            /* the node block, node_cap long */
    size_t node_count, node_cap;
    char *str;                  /* every decoded string, NUL-terminated, back to back */
    size_t str_used, str_cap;
    KeySlot *keys;              /* KEY_SLOTS, or NULL: no interning */
    size_t key_count;
    KeyRef *stack;              /* the members of the objects being parsed, innermost last */
    size_t stack_used, stack_cap;
} Parser;

static void fail_at(Parser *p, size_t off, const char *fmt, ...) FRONTIERS_PRINTF(3, 4);

static void fail_at(Parser *p, size_t off, const char *fmt, ...)
{
    if (p->failed)
        return;
    p->failed = true;
    JsonDoc where = {.text = (const char *)p->s, .len = p->len, .bom = p->doc->bom};
    locate(&where, off, &p->err->line, &p->err->col);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err->message, sizeof p->err->message, fmt, ap);
    va_end(ap);
}

#define FAIL(p, ...) fail_at((p), (p)->pos, __VA_ARGS__)

static int peek(const Parser *p)
{
    return p->pos < p->len ? p->s[p->pos] : -1;
}

static void skip_ws(Parser *p)
{
    const unsigned char *s = p->s;
    size_t i = p->pos, n = p->len;
    while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
        i++;
    p->pos = i;
}

static cJSON *new_node(Parser *p, int type, size_t pos, uint32_t key_pos)
{
    if (p->node_count == p->node_cap) {
        /* Cannot happen: node_cap bounds the values the text can hold. */
        fail_at(p, pos, "out of memory");
        return NULL;
    }
    JsonNode *n = &p->nodes[p->node_count++];
    n->item = (cJSON){.type = type};
    n->pos = (uint32_t)pos;
    n->key_pos = key_pos;
    return &n->item;
}

/* Appends item to parent's children the way cJSON does: the first child's prev is the last. */
static void link_child(cJSON *parent, cJSON *item)
{
    if (!parent->child) {
        parent->child = item;
        item->prev = item;
    } else {
        cJSON *last = parent->child->prev;
        last->next = item;
        item->prev = last;
        parent->child->prev = item;
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

/* Eight bytes at a time: the scans below read a word and test all its bytes at once. */
#define BYTES_ONES 0x0101010101010101ULL
#define BYTES_LOW7 0x7F7F7F7F7F7F7F7FULL
#define BYTES_HIGH 0x8080808080808080ULL

static uint64_t load8(const unsigned char *s)
{
    uint64_t x;
    memcpy(&x, s, sizeof x);
    return x;
}

/* The high bit of each byte of x that is zero, and nothing else (exact: no carries). */
static uint64_t zero_bytes(uint64_t x)
{
    return ~(((x & BYTES_LOW7) + BYTES_LOW7) | x | BYTES_LOW7);
}

/* The high bit of each byte of x that is equal to c. */
static uint64_t bytes_equal(uint64_t x, unsigned char c)
{
    return zero_bytes(x ^ (BYTES_ONES * c));
}

/* How many bytes of a word come before its first marked byte (mask from the helpers above). */
static size_t first_marked_byte(uint64_t mask)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && (defined(__GNUC__) || defined(__clang__))
    return (size_t)__builtin_ctzll(mask) / 8;
#else
    (void)mask;
    return 0;   /* then the bytes are looked at one by one */
#endif
}

/* Room for n more string bytes. The buffer is sized from the text (a decoded string and its NUL
 * never take more bytes than the quoted string did), so this holds unless that reasoning breaks. */
static bool str_room(Parser *p, size_t n)
{
    if (p->str_used + n <= p->str_cap)
        return true;
    FAIL(p, "out of memory");
    return false;
}

/* Parses a string starting at '"' into the string buffer (NUL-terminated); returns its start, and
 * its length through *out_len. */
static char *parse_string_raw(Parser *p, size_t *out_len)
{
    size_t start = p->pos;
    const unsigned char *s = p->s;
    /* Fast path: most strings have no escapes; copy them straight in. */
    size_t i = p->pos + 1;
    while (i < p->len) {
        if (p->len - i >= 8) {
            /* Eight plain ASCII characters: no quote, backslash, control or non-ASCII byte. */
            uint64_t x = load8(s + i);
            uint64_t stop = bytes_equal(x, '"') | bytes_equal(x, '\\') |
                            zero_bytes(x & (BYTES_ONES * 0xE0)) | (x & BYTES_HIGH);
            if (!stop) {
                i += 8;
                continue;
            }
            /* Skip the plain bytes before the first that needs a look (the word was read in
             * memory order, so on a little-endian machine that is the lowest set bit). */
            i += first_marked_byte(stop);
        }
        unsigned char c = s[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            i++;
            continue;
        }
        if (c < 0x80)
            break;
        size_t n = utf8_seq(s + i, p->len - i);
        if (n == 0)
            break;
        i += n;
    }
    if (i < p->len && s[i] == '"' && i - (p->pos + 1) <= p->max_string) {
        size_t n = i - (p->pos + 1);
        if (!str_room(p, n + 1))
            return NULL;
        char *out = p->str + p->str_used;
        memcpy(out, s + p->pos + 1, n);
        out[n] = '\0';
        p->str_used += n + 1;
        p->pos = i + 1;
        *out_len = n;
        return out;
    }
    p->pos++; /* '"' */
    size_t used = 0;
    char *out = p->str + p->str_used;
    for (;;) {
        if (p->pos >= p->len) {
            fail_at(p, start, "unterminated string (no closing '\"')");
            return NULL;
        }
        /* Copy a run of plain ASCII at once. */
        size_t run = p->pos;
        while (run < p->len && s[run] >= 0x20 && s[run] < 0x80 && s[run] != '"' && s[run] != '\\')
            run++;
        if (run > p->pos) {
            size_t n = run - p->pos;
            if (!str_room(p, used + n + 1))
                return NULL;
            memcpy(out + used, s + p->pos, n);
            used += n;
            p->pos = run;
            if (used > p->max_string) {
                fail_at(p, start, "string longer than %zu bytes", p->max_string);
                return NULL;
            }
            continue;
        }
        unsigned char c = s[p->pos];
        if (c == '"') {
            p->pos++;
            break;
        }
        if (c == '\\') {
            size_t esc = p->pos;
            if (p->pos + 1 >= p->len) {
                fail_at(p, start, "unterminated string (no closing '\"')");
                return NULL;
            }
            unsigned char e = s[p->pos + 1];
            char enc[4];
            size_t on = 1;
            switch (e) {
            case '"': enc[0] = '"'; break;
            case '\\': enc[0] = '\\'; break;
            case '/': enc[0] = '/'; break;
            case 'b': enc[0] = '\b'; break;
            case 'f': enc[0] = '\f'; break;
            case 'n': enc[0] = '\n'; break;
            case 'r': enc[0] = '\r'; break;
            case 't': enc[0] = '\t'; break;
            case 'u': {
                int hi = p->pos + 6 <= p->len ? hex4(s + p->pos + 2) : -1;
                if (hi < 0) {
                    fail_at(p, esc, "invalid escape: \\u needs four hex digits");
                    return NULL;
                }
                uint32_t cp = (uint32_t)hi;
                size_t consumed = 6;
                if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    fail_at(p, esc, "invalid escape: lone low surrogate \\u%04X", cp);
                    return NULL;
                }
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    int lo = -1;
                    if (p->pos + 12 <= p->len && s[p->pos + 6] == '\\' && s[p->pos + 7] == 'u')
                        lo = hex4(s + p->pos + 8);
                    if (lo < 0xDC00 || lo > 0xDFFF) {
                        fail_at(p, esc, "invalid escape: high surrogate \\u%04X without a low surrogate", cp);
                        return NULL;
                    }
                    cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
                    consumed = 12;
                }
                if (cp == 0) {
                    fail_at(p, esc, "invalid escape: \\u0000 (NUL) is not allowed in strings");
                    return NULL;
                }
                on = encode_utf8(cp, enc);
                p->pos += consumed;
                if (!str_room(p, used + on + 1))
                    return NULL;
                memcpy(out + used, enc, on);
                used += on;
                continue;
            }
            default:
                fail_at(p, esc, "invalid escape '\\%c' (use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)",
                        (e >= 0x20 && e < 0x7f) ? e : '?');
                return NULL;
            }
            p->pos += 2;
            if (!str_room(p, used + on + 1))
                return NULL;
            memcpy(out + used, enc, on);
            used += on;
            continue;
        }
        if (c < 0x20) {
            if (c == '\n' || c == '\r')
                FAIL(p, "line break inside a string (close the string, or write \\n)");
            else
                FAIL(p, "control character 0x%02x inside a string (escape it)", c);
            return NULL;
        }
        size_t n = utf8_seq(s + p->pos, p->len - p->pos);
        if (n == 0) {
            FAIL(p, "invalid UTF-8 (save the file as UTF-8)");
            return NULL;
        }
        if (!str_room(p, used + n + 1))
            return NULL;
        memcpy(out + used, s + p->pos, n);
        used += n;
        p->pos += n;
        if (used > p->max_string) {
            fail_at(p, start, "string longer than %zu bytes", p->max_string);
            return NULL;
        }
    }
    if (used > p->max_string) {
        fail_at(p, start, "string longer than %zu bytes", p->max_string);
        return NULL;
    }
    out[used] = '\0';
    p->str_used += used + 1;
    *out_len = used;
    return out;
}

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* An object key: the string just decoded at s, or the same key decoded earlier (then the new
 * copy is given back to the buffer). */
static const char *intern_key(Parser *p, char *s, size_t n)
{
    if (!p->keys || n > KEY_MAX_LEN)
        return s;
    uint32_t h = hash_bytes(s, n);
    size_t i = h & (KEY_SLOTS - 1);
    while (p->keys[i].s) {
        KeySlot *k = &p->keys[i];
        if (k->hash == h && k->len == n && memcmp(k->s, s, n) == 0) {
            p->str_used -= n + 1;
            return k->s;
        }
        i = (i + 1) & (KEY_SLOTS - 1);
    }
    if (p->key_count < KEY_MAX_INTERNED) {
        p->keys[i] = (KeySlot){s, (uint32_t)n, h};
        p->key_count++;
    }
    return s;
}

static cJSON *parse_number(Parser *p, uint32_t key_pos)
{
    size_t start = p->pos;
    if (peek(p) == '-')
        p->pos++;
    int c = peek(p);
    if (c == '0') {
        p->pos++;
        c = peek(p);
        if (c >= '0' && c <= '9') {
            FAIL(p, "leading zeros are not allowed in numbers");
            return NULL;
        }
    } else if (c >= '1' && c <= '9') {
        while ((c = peek(p)) >= '0' && c <= '9')
            p->pos++;
    } else {
        FAIL(p, "expected a digit after '-'");
        return NULL;
    }
    if (peek(p) == '.') {
        p->pos++;
        c = peek(p);
        if (!(c >= '0' && c <= '9')) {
            FAIL(p, "expected a digit after '.'");
            return NULL;
        }
        while ((c = peek(p)) >= '0' && c <= '9')
            p->pos++;
    }
    c = peek(p);
    if (c == 'e' || c == 'E') {
        p->pos++;
        c = peek(p);
        if (c == '+' || c == '-')
            p->pos++;
        c = peek(p);
        if (!(c >= '0' && c <= '9')) {
            FAIL(p, "expected digits in the exponent");
            return NULL;
        }
        while ((c = peek(p)) >= '0' && c <= '9')
            p->pos++;
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
        fail_at(p, start, "number out of range");
        return NULL;
    }
    cJSON *item = new_node(p, cJSON_Number, start, key_pos);
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
    p->pos += n;
    return true;
}

static int keyref_cmp(const void *a, const void *b)
{
    const KeyRef *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

static cJSON *parse_value(Parser *p, uint32_t key_pos);

/* Reports the duplicate key of keys[0..n) that appears first in the file (after its original).
 * Small objects, nearly all of them, are compared pairwise; big ones sorted. */
static bool check_duplicates(Parser *p, KeyRef *keys, size_t n)
{
    const KeyRef *dup = NULL;
    if (n <= 24) {
        for (size_t i = 1; i < n && !dup; i++)
            for (size_t j = 0; j < i && !dup; j++)
                if (keys[i].key == keys[j].key ||
                    (keys[i].key[0] == keys[j].key[0] && strcmp(keys[i].key, keys[j].key) == 0))
                    dup = &keys[i];
    } else {
        qsort(keys, n, sizeof *keys, keyref_cmp);
        for (size_t i = 1; i < n; i++) {
            if (strcmp(keys[i].key, keys[i - 1].key) == 0 && (!dup || keys[i].index < dup->index))
                dup = &keys[i];
        }
    }
    if (!dup)
        return true;
    fail_at(p, dup->node->key_pos, "duplicate key '%.60s'", dup->key);
    return false;
}

static cJSON *parse_object(Parser *p, size_t pos, uint32_t key_pos)
{
    cJSON *obj = new_node(p, cJSON_Object, pos, key_pos);
    if (!obj)
        return NULL;
    p->pos++; /* '{' */
    size_t base = p->stack_used, nkeys = 0;
    skip_ws(p);
    if (peek(p) == '}') {
        p->pos++;
        return obj;
    }
    for (;;) {
        skip_ws(p);
        if (peek(p) != '"') {
            if (peek(p) == '}' && nkeys > 0)
                FAIL(p, "trailing comma before '}'");
            else
                describe_unexpected(p, "expected a \"key\" in double quotes");
            return NULL;
        }
        size_t kpos = p->pos, klen = 0;
        char *raw = parse_string_raw(p, &klen);
        if (!raw)
            return NULL;
        const char *key = intern_key(p, raw, klen);
        skip_ws(p);
        if (peek(p) != ':') {
            describe_unexpected(p, "expected ':' after object key");
            return NULL;
        }
        p->pos++;
        skip_ws(p);
        cJSON *item = parse_value(p, (uint32_t)kpos);
        if (!item)
            return NULL;
        item->string = (char *)key;
        link_child(obj, item);
        if (p->stack_used == p->stack_cap) {
            size_t ncap = p->stack_cap ? p->stack_cap * 2 : 64;
            KeyRef *ns = realloc(p->stack, ncap * sizeof *ns);
            if (!ns) {
                FAIL(p, "out of memory");
                return NULL;
            }
            p->stack = ns;
            p->stack_cap = ncap;
        }
        p->stack[p->stack_used++] = (KeyRef){key, (const JsonNode *)item, nkeys};
        nkeys++;
        skip_ws(p);
        int c = peek(p);
        if (c == ',') {
            p->pos++;
            continue;
        }
        if (c == '}') {
            p->pos++;
            break;
        }
        describe_unexpected(p, "expected ',' or '}' after object member");
        return NULL;
    }
    bool ok = nkeys < 2 || check_duplicates(p, p->stack + base, nkeys);
    p->stack_used = base;
    return ok ? obj : NULL;
}

static cJSON *parse_array(Parser *p, size_t pos, uint32_t key_pos)
{
    cJSON *arr = new_node(p, cJSON_Array, pos, key_pos);
    if (!arr)
        return NULL;
    p->pos++; /* '[' */
    skip_ws(p);
    if (peek(p) == ']') {
        p->pos++;
        return arr;
    }
    for (;;) {
        skip_ws(p);
        if (peek(p) == ']') {
            FAIL(p, "trailing comma before ']'");
            return NULL;
        }
        cJSON *item = parse_value(p, NO_KEY);
        if (!item)
            return NULL;
        link_child(arr, item);
        skip_ws(p);
        int c = peek(p);
        if (c == ',') {
            p->pos++;
            continue;
        }
        if (c == ']') {
            p->pos++;
            return arr;
        }
        describe_unexpected(p, "expected ',' or ']' after array element");
        return NULL;
    }
}

static cJSON *parse_value(Parser *p, uint32_t key_pos)
{
    size_t pos = p->pos;
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
        item = c == '{' ? parse_object(p, pos, key_pos) : parse_array(p, pos, key_pos);
        p->depth--;
        return item;
    case '"': {
        size_t n;
        char *s = parse_string_raw(p, &n);
        if (!s)
            return NULL;
        item = new_node(p, cJSON_String, pos, key_pos);
        if (item)
            item->valuestring = s;
        return item;
    }
    case 't':
    case 'f':
    case 'n':
        if (match_literal(p, "true"))
            return new_node(p, cJSON_True, pos, key_pos);
        if (match_literal(p, "false"))
            return new_node(p, cJSON_False, pos, key_pos);
        if (match_literal(p, "null"))
            return new_node(p, cJSON_NULL, pos, key_pos);
        FAIL(p, "invalid literal (expected true, false or null)");
        return NULL;
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
        if (c == '-' && p->pos + 1 < p->len && (p->s[p->pos + 1] == 'I' || p->s[p->pos + 1] == 'N')) {
            FAIL(p, "NaN and Infinity are not JSON numbers");
            return NULL;
        }
        return parse_number(p, key_pos);
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
}

/* The most values text can hold: each is the root, a container's first element or follows a
 * comma (counting the bytes inside strings too only makes the bound looser). */
static size_t max_values(const unsigned char *s, size_t len)
{
    size_t n = 1, i = 0;
    for (; len - i >= 8; i += 8) {
        uint64_t x = load8(s + i);
        uint64_t m = bytes_equal(x, ',') | bytes_equal(x, '[') | bytes_equal(x, '{');
        n += (size_t)((((m >> 7) * BYTES_ONES) >> 56) & 0xFF);   /* the bytes' bits summed */
    }
    for (; i < len; i++)
        n += s[i] == ',' || s[i] == '[' || s[i] == '{';
    return n;
}

/* A block of cap bytes whose contents are not cleared (the parser writes every byte it uses). */
static ArenaBlock *raw_block(size_t cap)
{
    ArenaBlock *b = malloc(sizeof *b + cap);
    if (b) {
        b->next = NULL;
        b->used = 0;
        b->cap = cap;
    }
    return b;
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
    if (max_bytes > UINT32_MAX - 1)
        max_bytes = UINT32_MAX - 1;     /* node positions are 32-bit offsets */
    Parser p = {
        .s = (const unsigned char *)text, .len = len,
        .max_string = limits && limits->max_string ? limits->max_string : (size_t)1 << 20,
        .doc = doc, .err = err,
    };
    doc->text = text;
    doc->len = len;
    if (len > max_bytes) {
        snprintf(err->message, sizeof err->message, "file is larger than the limit of %zu bytes", max_bytes);
        memset(doc, 0, sizeof *doc);
        return false;
    }
    if (len >= 2 && (((unsigned char)text[0] == 0xFF && (unsigned char)text[1] == 0xFE) ||
                     ((unsigned char)text[0] == 0xFE && (unsigned char)text[1] == 0xFF))) {
        /* Notepad's "Unicode": say so rather than report a bad first byte. */
        fail_at(&p, 0, "the file is UTF-16 text; save it as UTF-8");
        memset(doc, 0, sizeof *doc);
        return false;
    }
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        doc->bom = p.pos = 3;
    skip_ws(&p);
    if (p.pos >= p.len) {
        FAIL(&p, "the file is empty (expected a JSON value)");
        memset(doc, 0, sizeof *doc);
        return false;
    }
    /* One block of nodes and one of strings, both sized from the text up front: the parser never
     * grows or copies them, and pages nobody writes are never touched. */
    p.node_cap = max_values(p.s, len);
    p.nodes = malloc(p.node_cap * sizeof *p.nodes);
    ArenaBlock *strings = raw_block(len + 1);
    p.keys = calloc(KEY_SLOTS, sizeof *p.keys);
    cJSON *root = NULL;
    if (!p.nodes || !strings) {
        FAIL(&p, "out of memory");
    } else {
        p.str = (char *)strings->data;
        p.str_cap = len + 1;
        root = parse_value(&p, NO_KEY);
    }
    if (root) {
        skip_ws(&p);
        if (p.pos < p.len) {
            FAIL(&p, "unexpected text after the end of the JSON value");
            root = NULL;
        }
    }
    free(p.keys);
    free(p.stack);
    JsonIndex *ix = root && !p.failed ? calloc(1, sizeof *ix) : NULL;
    if (!ix) {
        if (root && !p.failed)
            fail_at(&p, 0, "out of memory");
        free(p.nodes);
        free(strings);
        memset(doc, 0, sizeof *doc);
        return false;
    }
    strings->used = (p.str_used + 15) & ~(size_t)15;
    if (strings->used > strings->cap)
        strings->used = strings->cap;
    doc->arena.head = strings;
    doc->strings = (const char *)strings->data;
    doc->strings_len = p.str_used;
    doc->nodes = p.nodes;
    doc->node_count = p.node_count;
    doc->index = ix;
    doc->root = root;
    return true;
}

void json_doc_free(JsonDoc *doc)
{
    if (!doc)
        return;
    if (doc->index) {
        free(doc->index->marks);
        free(doc->index->parent);
        free(doc->index->index);
        free(doc->index);
    }
    free(doc->nodes);
    arena_free(&doc->arena);
    memset(doc, 0, sizeof *doc);
}

bool json_doc_string(const JsonDoc *doc, const char *s)
{
    return doc && s && doc->strings && s >= doc->strings && s < doc->strings + doc->strings_len;
}

void json_doc_give_strings(JsonDoc *doc, Arena *into)
{
    ArenaBlock *b = doc->arena.head;
    if (!b)
        return;
    /* The strings stay where they are; only who frees them changes. The receiving arena keeps
     * allocating from its own head block. */
    ArenaBlock *last = b;
    while (last->next)
        last = last->next;
    if (into->head) {
        last->next = into->head->next;
        into->head->next = b;
    } else {
        into->head = b;
    }
    doc->arena.head = NULL;
}

bool json_pos(const JsonDoc *doc, const cJSON *node, int *line, int *col)
{
    const JsonNode *n = node_of(doc, node);
    *line = 0;
    *col = 0;
    if (!n)
        return false;
    doc_index(doc, false);
    locate(doc, n->pos, line, col);
    return true;
}

bool json_key_pos(const JsonDoc *doc, const cJSON *node, int *line, int *col)
{
    const JsonNode *n = node_of(doc, node);
    if (n && n->key_pos != NO_KEY) {
        doc_index(doc, false);
        locate(doc, n->key_pos, line, col);
        return true;
    }
    return json_pos(doc, node, line, col);
}

const cJSON *json_parent(const JsonDoc *doc, const cJSON *node)
{
    const JsonNode *n = node_of(doc, node);
    const JsonIndex *ix = n ? doc_index(doc, true) : NULL;
    if (!ix || !ix->parent)
        return NULL;
    uint32_t up = ix->parent[n - doc->nodes];
    return up == NO_PARENT ? NULL : &doc->nodes[up].item;
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
    const JsonIndex *ix = doc ? doc->index : NULL;
    for (size_t i = n; i-- > 1;) {
        const cJSON *parent = chain[i], *child = chain[i - 1];
        if (used >= cap)
            break;
        if (cJSON_IsArray(parent)) {
            /* The index is stored for every node, so a path stays O(depth): a report on 100,000
             * items stays linear. */
            const JsonNode *cn = node_of(doc, child);
            size_t idx = 0;
            if (cn && ix && ix->index)
                idx = ix->index[cn - doc->nodes];
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
    if (d && d->count >= DIAG_MAX_ENTRIES) {
        /* Only counted, not kept: the place would be worked out for nothing. */
        node = NULL;
    }
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
        size_t cap = !b ? 16384 : b->cap < ((size_t)1 << 20) ? b->cap * 2 : (size_t)1 << 20;
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
