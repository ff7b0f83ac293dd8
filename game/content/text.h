/* Localised strings and historical dates as content packs write them: per-language text with
 * fallback, Gregorian dates at year, month or day precision, date ranges ("when"), and their
 * display in English, Russian and Chinese. Pure C. */
#ifndef FRONTIERS_TEXT_H
#define FRONTIERS_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- Localised text ---- */

typedef struct TextItem {
    char lang[8];           /* ISO 639-1 code; "" for a plain (language-neutral) string */
    const char *str;
} TextItem;

typedef struct Text {
    const TextItem *items;
    uint32_t count;
} Text;

/* The string in lang; else English; else the first present; "" for empty text. Never NULL. */
const char *text_get(const Text *t, const char *lang);
/* True when the text has a string for lang (a plain string counts for every language). */
bool text_has(const Text *t, const char *lang);

/* ---- Dates ---- */

typedef enum DatePrecision {
    DATE_PRECISION_YEAR,
    DATE_PRECISION_MONTH,
    DATE_PRECISION_DAY,
} DatePrecision;

/* A proleptic Gregorian date. Years count as historians do: 1 BC is -1, there is no year 0.
 * month is 0 at year precision, day is 0 at year and month precision. */
typedef struct Date {
    int year;
    int8_t month;
    int8_t day;
    DatePrecision precision;
} Date;

typedef struct When {
    Date from;
    Date to;                /* equals from unless is_range */
    bool is_range;
    Date old_style;         /* the Julian date a source prints, when has_old_style */
    bool has_old_style;
    bool approx;
} When;

typedef enum DateParse {
    DATE_PARSE_OK,
    DATE_PARSE_SYNTAX,      /* not YYYY, YYYY-MM or YYYY-MM-DD */
    DATE_PARSE_INVALID,     /* well formed but not a real date (month 13, 29 February 2019, year 0) */
} DateParse;

/* Parses "1858", "1858-05", "1858-05-28", "-0221". */
DateParse date_parse(const char *s, Date *out);
bool date_valid(const Date *d);
bool date_is_leap_year(int year);
int date_days_in_month(int year, int month);
/* Compares at the coarser of the two precisions: 1858 equals 1858-05-28. Returns -1, 0 or 1. */
int date_compare_at_precision(const Date *a, const Date *b);
/* A total order for sorting: by year, month, day; a less precise date sorts first. */
int date_compare(const Date *a, const Date *b);
/* Approximate days since 1 January 1 AD (mid-period for imprecise dates), for spreading. */
double date_ordinal(const Date *d);
/* Writes "1858-05-28" (the pack syntax). Returns buf. */
char *date_to_iso(const Date *d, char *buf, size_t cap);

/* "28 May 1858", "28 мая 1858 г.", "1858年5月28日"; "May 1858", "1858"; "221 BC", "221 г. до н. э.",
 * "公元前221年". Languages other than ru and zh use English. Returns buf. */
char *date_format(const Date *d, const char *lang, char *buf, size_t cap);
/* A when: "1856 – 1860", "c. 1650", with " (O.S. 16 May)" style old-style dates left to callers. */
char *when_format(const When *w, const char *lang, char *buf, size_t cap);

#endif
