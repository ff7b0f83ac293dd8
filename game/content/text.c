/* Localised text lookup with fallback, and Gregorian dates at year/month/day precision:
 * parsing, validity (leap years, no year 0), precision-aware comparison and formatting. */
#include "content/text.h"

#include <stdio.h>
#include <string.h>

const char *text_get(const Text *t, const char *lang)
{
    if (!t || t->count == 0)
        return "";
    if (lang) {
        for (uint32_t i = 0; i < t->count; i++)
            if (strcmp(t->items[i].lang, lang) == 0)
                return t->items[i].str;
    }
    for (uint32_t i = 0; i < t->count; i++)
        if (strcmp(t->items[i].lang, "en") == 0)
            return t->items[i].str;
    return t->items[0].str;
}

bool text_has(const Text *t, const char *lang)
{
    if (!t)
        return false;
    for (uint32_t i = 0; i < t->count; i++)
        if (t->items[i].lang[0] == '\0' || strcmp(t->items[i].lang, lang) == 0)
            return true;
    return false;
}

/* Astronomical year: 1 BC is 0, 2 BC is -1. */
static int astro_year(int year)
{
    return year < 0 ? year + 1 : year;
}

bool date_is_leap_year(int year)
{
    long y = astro_year(year);
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && date_is_leap_year(year))
        return 29;
    return days[month - 1];
}

bool date_valid(const Date *d)
{
    if (d->year == 0 || d->year < -9999 || d->year > 9999)
        return false;
    switch (d->precision) {
    case DATE_PRECISION_YEAR:
        return d->month == 0 && d->day == 0;
    case DATE_PRECISION_MONTH:
        return d->month >= 1 && d->month <= 12 && d->day == 0;
    case DATE_PRECISION_DAY:
        return d->month >= 1 && d->month <= 12 && d->day >= 1 &&
               d->day <= date_days_in_month(d->year, d->month);
    }
    return false;
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

DateParse date_parse(const char *s, Date *out)
{
    Date d = {0};
    bool neg = false;
    if (!s)
        return DATE_PARSE_SYNTAX;
    if (*s == '-') {
        neg = true;
        s++;
    }
    int y = digits(s, 4);
    if (y < 0)
        return DATE_PARSE_SYNTAX;
    d.year = neg ? -y : y;
    s += 4;
    d.precision = DATE_PRECISION_YEAR;
    if (*s == '-') {
        int m = digits(s + 1, 2);
        if (m < 0)
            return DATE_PARSE_SYNTAX;
        d.month = (int8_t)m;
        d.precision = DATE_PRECISION_MONTH;
        s += 3;
        if (*s == '-') {
            int dd = digits(s + 1, 2);
            if (dd < 0)
                return DATE_PARSE_SYNTAX;
            d.day = (int8_t)dd;
            d.precision = DATE_PRECISION_DAY;
            s += 3;
        }
    }
    if (*s != '\0')
        return DATE_PARSE_SYNTAX;
    if (out)
        *out = d;
    return date_valid(&d) ? DATE_PARSE_OK : DATE_PARSE_INVALID;
}

static int cmp_int(int a, int b)
{
    return a < b ? -1 : a > b;
}

int date_compare_at_precision(const Date *a, const Date *b)
{
    DatePrecision p = a->precision < b->precision ? a->precision : b->precision;
    int c = cmp_int(a->year, b->year);
    if (c || p == DATE_PRECISION_YEAR)
        return c;
    c = cmp_int(a->month, b->month);
    if (c || p == DATE_PRECISION_MONTH)
        return c;
    return cmp_int(a->day, b->day);
}

int date_compare(const Date *a, const Date *b)
{
    int c = cmp_int(a->year, b->year);
    if (c)
        return c;
    c = cmp_int(a->month, b->month);
    if (c)
        return c;
    return cmp_int(a->day, b->day);
}

double date_ordinal(const Date *d)
{
    double y = astro_year(d->year) - 1;
    double m = d->precision >= DATE_PRECISION_MONTH ? d->month - 1 : 5.5;
    double day = d->precision == DATE_PRECISION_DAY ? d->day - 1 : 15.0;
    return y * 365.2425 + m * 30.436875 + day;
}

char *date_to_iso(const Date *d, char *buf, size_t cap)
{
    const char *sign = d->year < 0 ? "-" : "";
    int y = d->year < 0 ? -d->year : d->year;
    if (d->precision == DATE_PRECISION_DAY)
        snprintf(buf, cap, "%s%04d-%02d-%02d", sign, y, d->month, d->day);
    else if (d->precision == DATE_PRECISION_MONTH)
        snprintf(buf, cap, "%s%04d-%02d", sign, y, d->month);
    else
        snprintf(buf, cap, "%s%04d", sign, y);
    return buf;
}

static const char *const MONTHS_EN[12] = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
};
/* Genitive for "28 мая", nominative for "май 1858 г.". */
static const char *const MONTHS_RU_GEN[12] = {
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
};
static const char *const MONTHS_RU_NOM[12] = {
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
};

char *date_format(const Date *d, const char *lang, char *buf, size_t cap)
{
    bool bc = d->year < 0;
    int y = bc ? -d->year : d->year;
    int mi = d->month >= 1 && d->month <= 12 ? d->month - 1 : 0;
    DatePrecision p = d->precision;
    if (lang && strcmp(lang, "ru") == 0) {
        const char *era = bc ? " до н. э." : "";
        if (p == DATE_PRECISION_DAY)
            snprintf(buf, cap, "%d %s %d г.%s", d->day, MONTHS_RU_GEN[mi], y, era);
        else if (p == DATE_PRECISION_MONTH)
            snprintf(buf, cap, "%s %d г.%s", MONTHS_RU_NOM[mi], y, era);
        else
            snprintf(buf, cap, "%d г.%s", y, era);
    } else if (lang && strcmp(lang, "zh") == 0) {
        const char *era = bc ? "公元前" : "";
        if (p == DATE_PRECISION_DAY)
            snprintf(buf, cap, "%s%d年%d月%d日", era, y, d->month, d->day);
        else if (p == DATE_PRECISION_MONTH)
            snprintf(buf, cap, "%s%d年%d月", era, y, d->month);
        else
            snprintf(buf, cap, "%s%d年", era, y);
    } else {
        const char *era = bc ? " BC" : "";
        if (p == DATE_PRECISION_DAY)
            snprintf(buf, cap, "%d %s %d%s", d->day, MONTHS_EN[mi], y, era);
        else if (p == DATE_PRECISION_MONTH)
            snprintf(buf, cap, "%s %d%s", MONTHS_EN[mi], y, era);
        else
            snprintf(buf, cap, "%d%s", y, era);
    }
    return buf;
}

char *when_format(const When *w, const char *lang, char *buf, size_t cap)
{
    char a[64], b[64];
    const char *approx = "";
    if (w->approx)
        approx = lang && strcmp(lang, "ru") == 0 ? "ок. " : lang && strcmp(lang, "zh") == 0 ? "约" : "c. ";
    date_format(&w->from, lang, a, sizeof a);
    if (w->is_range) {
        date_format(&w->to, lang, b, sizeof b);
        snprintf(buf, cap, "%s%s – %s", approx, a, b);
    } else {
        snprintf(buf, cap, "%s%s", approx, a);
    }
    return buf;
}
