/* Flashcard rules: year questions, typed-year matching, next intervals per grade. */
#include "rules/flashcards.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool flashcards_year(const Pack *pack, PackItemRef ref, int *year)
{
    When w;
    if (!pack_item_when(pack, ref, &w))
        return false;
    *year = w.from.year;
    return true;
}

static bool taken(const int *years, int n, int y)
{
    for (int i = 0; i < n; i++)
        if (years[i] == y)
            return true;
    return false;
}

void flashcards_year_choices(const Pack *pack, PackItemRef ref, Rng *rng, int years[4], int *right)
{
    int answer = 0;
    flashcards_year(pack, ref, &answer);
    /* Candidate years from every dated treaty and event, sorted by distance to the answer. */
    int cand[512];
    int n = 0;
    for (int kind = PACK_KIND_TREATY; kind <= PACK_KIND_EVENT && n < 512; kind++) {
        size_t count = pack_item_count(pack, (PackKind)kind);
        for (size_t i = 0; i < count && n < 512; i++) {
            int y;
            if (flashcards_year(pack, (PackItemRef){(PackKind)kind, (uint32_t)i}, &y) && y != answer && !taken(cand, n, y))
                cand[n++] = y;
        }
    }
    /* Shuffle first so equal distances are ordered by the rng, then a stable insertion sort. */
    rng_shuffle(rng, cand, (size_t)n, sizeof cand[0]);
    for (int i = 1; i < n; i++) {
        int v = cand[i], j = i - 1;
        while (j >= 0 && abs(cand[j] - answer) > abs(v - answer)) {
            cand[j + 1] = cand[j];
            j--;
        }
        cand[j + 1] = v;
    }
    int opts[4] = {answer, 0, 0, 0};
    int k = 1;
    for (int i = 0; i < n && k < 4; i++)
        opts[k++] = cand[i];
    for (int d = 1; k < 4; d++) {
        if (!taken(opts, k, answer + d))
            opts[k++] = answer + d;
        if (k < 4 && !taken(opts, k, answer - d))
            opts[k++] = answer - d;
    }
    rng_shuffle(rng, opts, 4, sizeof opts[0]);
    for (int i = 0; i < 4; i++) {
        years[i] = opts[i];
        if (opts[i] == answer)
            *right = i;
    }
}

bool flashcards_match_year(const char *typed, int year)
{
    /* The only run of digits in the answer must be the year (a leading minus for BC years). */
    long found = 0;
    int runs = 0;
    bool negative = false;
    for (const char *p = typed; *p; p++) {
        if (isdigit((unsigned char)*p)) {
            negative = p > typed && p[-1] == '-';
            char *end;
            found = strtol(p, &end, 10);
            p = end - 1;
            runs++;
        }
    }
    if (runs != 1)
        return false;
    return (negative ? -found : found) == year;
}

void flashcards_intervals(const FsrsParams *params, const FsrsCard *card, int64_t now, int64_t out[4])
{
    FsrsCard next[4];
    fsrs_card_preview(params, card, now, next);
    for (int g = 0; g < 4; g++)
        out[g] = next[g].due - now;
}

void flashcards_interval_label_units(int64_t s, const char *const units[5], char *buf, size_t cap)
{
    static const char *const en[5] = {"min", "h", "d", "mo", "y"};
    if (!units)
        units = en;
    if (s < 3600)
        snprintf(buf, cap, "%lld %s", (long long)(s < 60 ? 1 : s / 60), units[0]);
    else if (s < 86400)
        snprintf(buf, cap, "%lld %s", (long long)(s / 3600), units[1]);
    else if (s < 86400LL * 60)
        snprintf(buf, cap, "%lld %s", (long long)((s + 43200) / 86400), units[2]);
    else if (s < 86400LL * 365)
        snprintf(buf, cap, "%.1f %s", (double)s / (86400.0 * 30.4), units[3]);
    else
        snprintf(buf, cap, "%.1f %s", (double)s / (86400.0 * 365.25), units[4]);
}

void flashcards_interval_label(int64_t s, char *buf, size_t cap)
{
    flashcards_interval_label_units(s, NULL, buf, cap);
}
