/* Timeline rules: placement, ties at the coarser precision, the true place of a wrong card,
 * scoring with optional streak and speed bonuses, and order-all partial credit. */
#include "rules/timeline.h"
#include "rules/summary.h"

#include <stdlib.h>
#include <string.h>

Date timeline_key(const When *w, TimelineRangeKey key)
{
    return (key == TIMELINE_BY_END && w->is_range) ? w->to : w->from;
}

int timeline_compare(const When *a, const When *b, TimelineRangeKey key)
{
    Date da = timeline_key(a, key), db = timeline_key(b, key);
    return date_compare_at_precision(&da, &db);
}

void timeline_config_from_level(const Level *level, TimelineConfig *out)
{
    memset(out, 0, sizeof *out);
    out->variant = level->variant == LEVEL_VARIANT_ORDER ? TIMELINE_ORDER : TIMELINE_INSERT;
    out->lives = level->rules.lives > 0 ? level->rules.lives : 3;
    out->streak_bonus = level->rules.streak_bonus;
    out->speed_bonus = level->rules.speed_bonus;
    out->time_limit_ms = level->rules.time_limit * 1000;
    out->range_key = level->rules.ranges_by_end ? TIMELINE_BY_END : TIMELINE_BY_START;
    memcpy(out->stars, level->stars, sizeof out->stars);
}

bool timeline_card_for(const Pack *pack, PackItemRef ref, TimelineCard *out)
{
    When w;
    if (!pack_item_when(pack, ref, &w))
        return false;
    out->ref = ref;
    out->when = w;
    return true;
}

TimelineError timeline_deal(const Level *level, const Pack *pack, Rng *rng, TimelineCard *out,
                            int max, int *n)
{
    *n = 0;
    if (max <= 0)
        return TIMELINE_ERR_ARGS;
    PackItemRef refs[TIMELINE_MAX_CARDS];
    size_t got = 0;
    size_t cap = (size_t)(max < TIMELINE_MAX_CARDS ? max : TIMELINE_MAX_CARDS);
    if (!level_select_items(level, pack, rng, refs, cap, &got))
        return TIMELINE_ERR_NOMEM;
    for (size_t i = 0; i < got; i++)
        if (timeline_card_for(pack, refs[i], &out[*n]))
            (*n)++;
    return TIMELINE_OK;
}

TimelineError timeline_start(Timeline *t, const TimelineConfig *config, const TimelineCard *cards,
                             int n)
{
    if (n < 2 || n > TIMELINE_MAX_CARDS)
        return TIMELINE_ERR_ARGS;
    memset(t, 0, sizeof *t);
    t->config = *config;
    t->count = n;
    memcpy(t->cards, cards, (size_t)n * sizeof *cards);
    t->lives = config->lives;
    if (config->variant == TIMELINE_INSERT) {
        t->state[0] = TIMELINE_CARD_START;
        t->line[0] = 0;
        t->line_count = 1;
        t->next = 1;
        /* The best a round can give: every card right, as fast as it counts. */
        for (int k = 0; k < n - 1; k++)
            t->max_score += timeline_points(config, k, 0, NULL, NULL);
    } else {
        for (int i = 0; i < n; i++)
            t->line[i] = i;
        t->line_count = n;
        t->max_score = n * TIMELINE_POINTS;
    }
    return TIMELINE_OK;
}

int timeline_current(const Timeline *t)
{
    if (t->config.variant != TIMELINE_INSERT || t->finished || t->next >= t->count)
        return -1;
    return t->next;
}

static int cmp_cards(const Timeline *t, int a, int b)
{
    return timeline_compare(&t->cards[a].when, &t->cards[b].when, t->config.range_key);
}

/* How many line cards contradict placing card in gap (0: the gap is right). */
static int violations(const Timeline *t, int card, int gap)
{
    int v = 0;
    for (int i = 0; i < t->line_count; i++) {
        int c = cmp_cards(t, t->line[i], card);
        if ((i < gap && c > 0) || (i >= gap && c < 0))
            v++;
    }
    return v;
}

bool timeline_gap_is_right(const Timeline *t, int card, int gap)
{
    if (card < 0 || card >= t->count || gap < 0 || gap > t->line_count)
        return false;
    return violations(t, card, gap) == 0;
}

int timeline_points(const TimelineConfig *config, int streak_before, int64_t response_ms,
                    int *streak_bonus, int *speed_bonus)
{
    int sb = 0, sp = 0;
    if (config->streak_bonus) {
        sb = streak_before * TIMELINE_STREAK_STEP;
        if (sb > TIMELINE_STREAK_CAP)
            sb = TIMELINE_STREAK_CAP;
    }
    if (config->speed_bonus) {
        int64_t zero = config->time_limit_ms > 0 ? config->time_limit_ms : TIMELINE_SPEED_ZERO_MS;
        int64_t full = TIMELINE_SPEED_FULL_MS < zero / 2 ? TIMELINE_SPEED_FULL_MS : zero / 2;
        if (response_ms <= full)
            sp = TIMELINE_SPEED_MAX;
        else if (response_ms < zero)
            sp = (int)((int64_t)TIMELINE_SPEED_MAX * (zero - response_ms) / (zero - full));
    }
    if (streak_bonus)
        *streak_bonus = sb;
    if (speed_bonus)
        *speed_bonus = sp;
    return TIMELINE_POINTS + sb + sp;
}

TimelineError timeline_insert(Timeline *t, int gap, int64_t response_ms, TimelinePlacement *out)
{
    if (t->config.variant != TIMELINE_INSERT || t->finished)
        return TIMELINE_ERR_STATE;
    if (gap < 0 || gap > t->line_count)
        return TIMELINE_ERR_ARGS;
    int card = t->next;
    TimelinePlacement p = {.card = card, .gap_chosen = gap, .gap_final = gap};
    int v = violations(t, card, gap);
    p.correct = v == 0;
    if (!p.correct) {
        /* The true place: the gap with fewest contradictions (none on a consistent line),
         * nearest to where the player put it. */
        int best = -1, best_v = 0;
        for (int g = 0; g <= t->line_count; g++) {
            int vg = violations(t, card, g);
            if (best < 0 || vg < best_v || (vg == best_v && abs(g - gap) < abs(best - gap))) {
                best = g;
                best_v = vg;
            }
        }
        p.gap_final = best;
    }
    int g = p.gap_final;
    p.tie = (g > 0 && cmp_cards(t, t->line[g - 1], card) == 0) ||
            (g < t->line_count && cmp_cards(t, t->line[g], card) == 0);
    memmove(&t->line[g + 1], &t->line[g], (size_t)(t->line_count - g) * sizeof t->line[0]);
    t->line[g] = card;
    t->line_count++;
    t->response_ms[card] = response_ms;
    if (p.correct) {
        p.points = timeline_points(&t->config, t->streak, response_ms, &p.streak_bonus, &p.speed_bonus);
        t->score += p.points;
        t->streak++;
        if (t->streak > t->best_streak)
            t->best_streak = t->streak;
        t->right++;
        t->state[card] = TIMELINE_CARD_RIGHT;
    } else {
        t->streak = 0;
        t->wrong++;
        t->state[card] = TIMELINE_CARD_WRONG;
        if (t->config.lives > 0) {
            t->lives--;
            p.life_lost = true;
        }
    }
    t->next++;
    if (t->next >= t->count) {
        t->finished = true;
        t->won = true;
    } else if (t->config.lives > 0 && t->lives <= 0) {
        t->finished = true;
        t->won = false;
    }
    p.finished = t->finished;
    if (out)
        *out = p;
    return TIMELINE_OK;
}

TimelineError timeline_order_move(Timeline *t, int from, int to)
{
    if (t->config.variant != TIMELINE_ORDER || t->finished)
        return TIMELINE_ERR_STATE;
    if (from < 0 || from >= t->line_count || to < 0 || to >= t->line_count)
        return TIMELINE_ERR_ARGS;
    int card = t->line[from];
    if (from < to)
        memmove(&t->line[from], &t->line[from + 1], (size_t)(to - from) * sizeof t->line[0]);
    else
        memmove(&t->line[to + 1], &t->line[to], (size_t)(from - to) * sizeof t->line[0]);
    t->line[to] = card;
    return TIMELINE_OK;
}

TimelineError timeline_order_check(Timeline *t, int64_t response_ms)
{
    if (t->config.variant != TIMELINE_ORDER || t->finished)
        return TIMELINE_ERR_STATE;
    int n = t->line_count;
    /* Longest subsequence of the arrangement whose every consecutive pair is in order (ties
     * allowed); the earliest such chain wins so the marking is deterministic. */
    int len[TIMELINE_MAX_CARDS], prev[TIMELINE_MAX_CARDS];
    int best_end = 0;
    for (int j = 0; j < n; j++) {
        len[j] = 1;
        prev[j] = -1;
        for (int i = 0; i < j; i++) {
            if (cmp_cards(t, t->line[i], t->line[j]) <= 0 && len[i] + 1 > len[j]) {
                len[j] = len[i] + 1;
                prev[j] = i;
            }
        }
        if (len[j] > len[best_end])
            best_end = j;
    }
    for (int i = 0; i < n; i++)
        t->state[t->line[i]] = TIMELINE_CARD_WRONG;
    for (int j = best_end; j >= 0; j = prev[j])
        t->state[t->line[j]] = TIMELINE_CARD_RIGHT;
    t->pairs_right = t->pairs_total = 0;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            t->pairs_total++;
            if (cmp_cards(t, t->line[i], t->line[j]) <= 0)
                t->pairs_right++;
        }
    t->right = len[best_end];
    t->wrong = n - t->right;
    t->score = t->right * TIMELINE_POINTS;
    for (int i = 0; i < n; i++)
        t->response_ms[i] = response_ms;
    t->checked = true;
    t->finished = true;
    t->won = t->wrong == 0;
    return TIMELINE_OK;
}

void timeline_sorted(const Timeline *t, int *out)
{
    /* Insertion sort by the total date order: stable, and n is small. */
    for (int i = 0; i < t->count; i++) {
        int j = i;
        Date di = timeline_key(&t->cards[i].when, t->config.range_key);
        while (j > 0) {
            Date dj = timeline_key(&t->cards[out[j - 1]].when, t->config.range_key);
            if (date_compare(&dj, &di) <= 0)
                break;
            out[j] = out[j - 1];
            j--;
        }
        out[j] = i;
    }
}

int timeline_stars(const Timeline *t)
{
    return summary_stars(t->score, t->max_score, t->config.stars);
}
