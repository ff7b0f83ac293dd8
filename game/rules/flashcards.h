/* Treaty flashcards as pure rules: the deck a level deals, four-choice year questions with
 * plausible distractors (the years of other treaties nearest the right one), forgiving matching
 * of a typed year, and the interval each grade would give (from the FSRS scheduler), so the
 * grade buttons can say "Good · 4 d". No SDL, no clock. */
#ifndef FRONTIERS_FLASHCARDS_H
#define FRONTIERS_FLASHCARDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content/level.h"
#include "content/pack.h"
#include "base/util.h"
#include "rules/fsrs.h"

#define FLASHCARDS_MAX 64

/* The year a card asks for: a treaty's signing, an event's start. False when undated. */
bool flashcards_year(const Pack *pack, PackItemRef ref, int *year);

/* Four different years, one of them right (its index in *right); distractors are other dated
 * items' years nearest the right one (ties broken by rng), then neighbouring years when the
 * pack has too few. */
void flashcards_year_choices(const Pack *pack, PackItemRef ref, Rng *rng, int years[4], int *right);

/* True when typed names the year: digits with anything around them that is not another digit
 * ("1858", " 1858 г.", "1858年", "in 1858"). */
bool flashcards_match_year(const char *typed, int year);

/* The time until the card would be due again after each grade 1..4, in seconds. */
void flashcards_intervals(const FsrsParams *params, const FsrsCard *card, int64_t now, int64_t out[4]);
/* "1 min", "10 min", "4 d", "3 mo", "2 y" (compact, the same in every language's digits). */
/* The same with the unit words of the player's language: minutes, hours, days, months, years
 * (NULL: English). */
void flashcards_interval_label_units(int64_t s, const char *const units[5], char *buf, size_t cap);
void flashcards_interval_label(int64_t seconds, char *buf, size_t cap);

#endif
