/* Map round rules. */
#include "rules/mapround.h"

#include <math.h>
#include <stdlib.h>

static bool contains(const int *a, int n, int v)
{
    for (int i = 0; i < n; i++)
        if (a[i] == v)
            return true;
    return false;
}

bool mapround_treaty_options(const Pack *pack, int region, Rng *rng, int options[4], int *right)
{
    if (region < 0 || (uint32_t)region >= pack->region_count || pack->treaty_count < 4)
        return false;
    int answer = pack->regions[region].treaty;
    if (answer < 0)
        return false;
    int opts[4] = {answer, -1, -1, -1};
    int k = 1;
    /* Treaties that moved some region (plausible), in random order. */
    int cand[64];
    int n = 0;
    for (uint32_t i = 0; i < pack->region_count && n < 64; i++) {
        int t = pack->regions[i].treaty;
        if (t >= 0 && t != answer && !contains(cand, n, t))
            cand[n++] = t;
    }
    rng_shuffle(rng, cand, (size_t)n, sizeof cand[0]);
    for (int i = 0; i < n && k < 4; i++)
        opts[k++] = cand[i];
    /* Then the treaties signed nearest in time. */
    int year = pack->treaties[answer].signed_on.from.year;
    while (k < 4) {
        int best = -1, best_d = 1 << 30;
        for (uint32_t t = 0; t < pack->treaty_count; t++) {
            int d = abs(pack->treaties[t].signed_on.from.year - year);
            if (!contains(opts, k, (int)t) && d < best_d) {
                best_d = d;
                best = (int)t;
            }
        }
        if (best < 0)
            return false;
        opts[k++] = best;
    }
    rng_shuffle(rng, opts, 4, sizeof opts[0]);
    for (int i = 0; i < 4; i++) {
        options[i] = opts[i];
        if (opts[i] == answer)
            *right = i;
    }
    return true;
}

int mapround_points(bool correct, int tries)
{
    if (!correct)
        return 0;
    return tries <= 1 ? MAPROUND_POINTS_FIRST : MAPROUND_POINTS_LATER;
}

double mapround_drop_tolerance(double base_px, double zoom)
{
    if (!(zoom > 1.0))
        zoom = 1.0;
    return base_px * sqrt(zoom);
}

MapDrop mapround_judge_drop(int target, int hit, bool near_own)
{
    if (near_own || (hit >= 0 && hit == target))
        return MAPDROP_RIGHT;
    return hit >= 0 ? MAPDROP_WRONG : MAPDROP_NOTHING;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int mapround_border_years(const Pack *pack, int map, int *years, int max)
{
    if (map < 0 || (uint32_t)map >= pack->map_count)
        return 0;
    const PackMap *m = &pack->maps[map];
    int n = 0;
    for (uint32_t k = 0; k < m->border_count && n < max; k++) {
        int y = pack->borders[m->border_first + k].year;
        if (!contains(years, n, y))
            years[n++] = y;
    }
    qsort(years, (size_t)n, sizeof years[0], cmp_int);
    return n;
}

int mapround_holder(const MapChange *changes, int n, int year)
{
    int latest = -1, first = -1;
    for (int i = 0; i < n; i++) {
        if (changes[i].year <= year && (latest < 0 || changes[i].year >= changes[latest].year))
            latest = i;
        if (first < 0 || changes[i].year < changes[first].year)
            first = i;
    }
    if (latest >= 0)
        return changes[latest].to;
    return first >= 0 ? changes[first].from : -1;
}

bool mapround_year_question(const MapChange *changes, int n, const int *years, int nyears,
                            const int *parties, int nparties, Rng *rng, MapYearQuestion *q)
{
    if (n <= 0 || nyears <= 0)
        return false;
    /* Try the changes in random order; for each, the year before or the year of it. */
    int order[16];
    int m = n < 16 ? n : 16;
    for (int i = 0; i < m; i++)
        order[i] = i;
    rng_shuffle(rng, order, (size_t)m, sizeof order[0]);
    for (int oi = 0; oi < m; oi++) {
        const MapChange *c = &changes[order[oi]];
        int before = -1, after = -1;
        for (int i = 0; i < nyears; i++) {
            if (years[i] < c->year && (before < 0 || years[i] > before))
                before = years[i];
            if (years[i] >= c->year && (after < 0 || years[i] < after))
                after = years[i];
        }
        int pick[2], np = 0;
        if (before >= 0)
            pick[np++] = before;
        if (after >= 0)
            pick[np++] = after;
        if (np == 0 || c->from == c->to)
            continue;
        int year = pick[rng_below(rng, (uint32_t)np)];
        int answer = mapround_holder(changes, n, year);
        if (answer < 0)
            continue;
        int opts[4] = {answer, answer == c->from ? c->to : c->from, -1, -1};
        int k = 2;
        int extra[16], ne = 0;
        for (int i = 0; i < nparties && ne < 16; i++)
            if (!contains(opts, k, parties[i]) && !contains(extra, ne, parties[i]))
                extra[ne++] = parties[i];
        rng_shuffle(rng, extra, (size_t)ne, sizeof extra[0]);
        for (int i = 0; i < ne && k < 4; i++)
            opts[k++] = extra[i];
        rng_shuffle(rng, opts, (size_t)k, sizeof opts[0]);
        q->year = year;
        q->noptions = k;
        for (int i = 0; i < 4; i++)
            q->options[i] = i < k ? opts[i] : -1;
        for (int i = 0; i < k; i++)
            if (opts[i] == answer)
                q->right = i;
        return true;
    }
    return false;
}

int mapround_map_parties(const Pack *pack, int map, int *out, int max)
{
    int n = 0;
    for (uint32_t i = 0; i < pack->region_count; i++) {
        const PackRegion *r = &pack->regions[i];
        if (r->map != map)
            continue;
        int side[2] = {r->from_party, r->to_party};
        for (int j = 0; j < 2; j++)
            if (side[j] >= 0 && n < max && !contains(out, n, side[j]))
                out[n++] = side[j];
    }
    return n;
}
