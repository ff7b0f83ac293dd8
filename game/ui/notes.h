/* "Notes and sources": an item's note (where the sources disagree, what is debated, how a date
 * was converted) and every source it cites, in a panel over the scene. Rounds offer it once an
 * answer is shown: a link the scene draws, the N or I key, or a controller's Start button. */
#ifndef FRONTIERS_UI_NOTES_H
#define FRONTIERS_UI_NOTES_H

#include "content/pack.h"
#include "ui/context.h"

#include <stdbool.h>

typedef struct NotesPanel {
    bool offered;      /* an answer is shown: the link and keys work */
    bool open;
    PackItemRef ref;   /* the item shown */
    SDL_Rect link;     /* where the link was in the last frame drawn (clicks); empty when not drawn */
    SDL_Rect drawn;    /* where it is in the frame being drawn */
} NotesPanel;

/* The note and the sources of an item; a map region's are its treaty's. */
void notes_of(const Pack *pack, PackItemRef ref, const Text **note, PackRefs *sources);

/* Offers the panel for ref (call when an answer is shown); closes it and hides the link when
 * offered is false. */
void notes_offer(NotesPanel *np, bool offered, PackItemRef ref);

/* Draws the link with its right edge at `right` and its top at y, when offered; returns its
 * width (0 when not drawn). */
int notes_link_draw(UiContext *ui, NotesPanel *np, int right, int y);

/* Handles an action: opens or closes the panel. Returns true when the action was taken (while
 * the panel is open every action is: Back, Enter, a click, N, I or Start close it). */
bool notes_action(NotesPanel *np, const Action *a);

/* Ends the frame: draws the panel when it is open (call last, over everything, every frame). */
void notes_draw(UiContext *ui, NotesPanel *np, const Pack *pack);

#endif
