/* Map round rules. */
#include "rules/mapround.h"

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
