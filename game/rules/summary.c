/* Round summaries: star computation and the list of misses. */
#include "rules/summary.h"

#include <stdio.h>
#include <string.h>

int summary_stars(int score, int max_score, const int thresholds[3])
{
    if (max_score <= 0 || score <= 0)
        return 0;
    /* Compare score/max >= t/100 in integers to avoid rounding at the boundary. */
    int stars = 0;
    for (int i = 0; i < 3; i++)
        if ((long long)score * 100 >= (long long)thresholds[i] * max_score)
            stars = i + 1;
    return stars;
}

void summary_finish(RoundSummary *s)
{
    s->stars = summary_stars(s->score, s->max_score, s->thresholds);
}

static void copy(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src ? src : "");
}

void summary_add_miss(RoundSummary *s, const char *item, const char *prompt, const char *answer,
                      const char *given, const char *source)
{
    if (s->miss_count >= SUMMARY_MAX_MISSES)
        return;
    RoundMiss *m = &s->misses[s->miss_count++];
    copy(m->item, sizeof m->item, item);
    copy(m->prompt, sizeof m->prompt, prompt);
    copy(m->answer, sizeof m->answer, answer);
    copy(m->given, sizeof m->given, given);
    copy(m->source, sizeof m->source, source);
}
