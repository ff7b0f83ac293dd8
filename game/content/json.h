/* Strict RFC 8259 JSON parsing into a cJSON tree that remembers where each node came from
 * (line and column), JSON-path strings for messages, the Diag message list every content check
 * writes to, and a small arena the loaded content lives in. libc and cJSON only. */
#ifndef FRONTIERS_JSON_H
#define FRONTIERS_JSON_H

#include "base/compiler.h"
#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 64

/* ---- Arena: everything a loaded Pack or Level points to ---- */

typedef struct ArenaBlock ArenaBlock;
typedef struct Arena {
    ArenaBlock *head;
} Arena;

void *arena_alloc(Arena *a, size_t size);               /* zeroed, 8-byte aligned; NULL on OOM */
char *arena_strdup(Arena *a, const char *s);            /* NULL stays NULL */
void arena_free(Arena *a);

/* ---- Parsing with positions ---- */

typedef struct JsonLimits {
    size_t max_bytes;       /* the whole text; 0 means 8 MB */
    size_t max_string;      /* bytes of one decoded string; 0 means 1 MB */
} JsonLimits;

typedef struct JsonError {
    int line;               /* 1-based; 0 when the error is not tied to a place */
    int col;                /* 1-based, in code points */
    char message[160];
} JsonError;

typedef struct JsonNode JsonNode;
typedef struct JsonIndex JsonIndex;

/* A parsed document. The tree is read with the ordinary cJSON API (cJSON_GetObjectItem...), but
 * its nodes sit in one block beside their byte offsets and its strings in the document's arena:
 * do not detach, add or cJSON_Delete nodes; json_doc_free frees it all. Positions are worked out
 * from the text when asked for, so the text passed to json_parse must stay unchanged until
 * json_doc_free (every caller parses text it holds for the whole check). */
typedef struct JsonDoc {
    cJSON *root;
    Arena arena;            /* the strings (object keys are stored once each) */
    JsonNode *nodes;        /* every node, in document order */
    size_t node_count;
    const char *text;       /* the parsed text, len bytes, a byte-order mark of bom bytes first */
    size_t len, bom;
    const char *strings;    /* where the strings are, strings_len bytes */
    size_t strings_len;
    JsonIndex *index;       /* line marks and parents, built on the first json_pos or json_path */
} JsonDoc;

/* Parses text[0..len). On failure returns false, fills *err and leaves *doc empty.
 * Duplicate object keys, trailing commas, comments, NaN, leading zeros, invalid UTF-8 and
 * lone surrogates are all errors. */
bool json_parse(const char *text, size_t len, const JsonLimits *limits, JsonDoc *doc,
                JsonError *err);
void json_doc_free(JsonDoc *doc);

/* Whether s is one of doc's strings (a key or a valuestring). */
bool json_doc_string(const JsonDoc *doc, const char *s);
/* Hands the document's strings over to into: they stay valid, unchanged and where they are after
 * json_doc_free, until into is freed. A loader that keeps most strings of a document uses this
 * instead of copying each one. */
void json_doc_give_strings(JsonDoc *doc, Arena *into);

/* Where a node's value starts; for an object member, key_line/key_col give its key.
 * Returns false (and zeros) for a node the document does not know. */
bool json_pos(const JsonDoc *doc, const cJSON *node, int *line, int *col);
bool json_key_pos(const JsonDoc *doc, const cJSON *node, int *line, int *col);
const cJSON *json_parent(const JsonDoc *doc, const cJSON *node);

/* Writes the node's JSON path ("$.treaties[3].signed.from") into buf. Keys that are not
 * plain identifiers are written as ["key"]. Returns buf. */
char *json_path(const JsonDoc *doc, const cJSON *node, char *buf, size_t cap);

/* ---- Diagnostics ---- */

typedef enum DiagSeverity {
    DIAG_ERROR,
    DIAG_WARNING,
} DiagSeverity;

typedef struct DiagEntry {
    char *file;
    int line;               /* 0: the whole file */
    int col;
    DiagSeverity severity;
    char *message;
    char *path;             /* JSON path or NULL */
} DiagEntry;

#define DIAG_MAX_ENTRIES 1000

/* Messages collected by loading and checking. Zero-initialise, or diag_init. */
typedef struct Diag {
    DiagEntry *items;
    size_t count;
    size_t cap;
    size_t errors;          /* counted even past DIAG_MAX_ENTRIES */
    size_t warnings;
    size_t dropped;
} Diag;

void diag_init(Diag *d);
void diag_free(Diag *d);
void diag_add(Diag *d, DiagSeverity sev, const char *file, int line, int col, const char *path,
              const char *fmt, ...) FRONTIERS_PRINTF(7, 8);
/* Adds a message placed at a node of doc (its key when at_key and the node is a member). */
void diag_at(Diag *d, DiagSeverity sev, const char *file, const JsonDoc *doc, const cJSON *node,
             bool at_key, const char *fmt, ...) FRONTIERS_PRINTF(7, 8);
/* Orders messages by file (first appearance), then line and column, keeping discovery order
 * among equals. */
void diag_sort(Diag *d);
/* One line per message: "file:line:col: error: message [$.path]" ("file:line: ..." when col is 0,
 * "file: ..." when line is 0). */
void diag_print(const Diag *d, FILE *out);
/* Formats one entry the same way into buf; returns buf. */
char *diag_format(const DiagEntry *e, char *buf, size_t cap);

/* ---- Small helpers shared by the checks ---- */

/* Levenshtein distance over bytes, capped: returns cap+1 once it is exceeded. */
size_t json_edit_distance(const char *a, const char *b, size_t cap);
/* The closest of candidates[0..n) within distance 2 (or a third of the length), or NULL. */
const char *json_did_you_mean(const char *word, const char *const *candidates, size_t n);

#endif
