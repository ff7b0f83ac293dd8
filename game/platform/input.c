/* Names of abstract actions (used by replay files and logs). */
#include "platform/input.h"

#include <string.h>

static const char *const names[ACTION_KIND_COUNT] = {
    [ACTION_NONE] = "none",
    [ACTION_UP] = "up",
    [ACTION_DOWN] = "down",
    [ACTION_LEFT] = "left",
    [ACTION_RIGHT] = "right",
    [ACTION_NEXT] = "next",
    [ACTION_PREV] = "prev",
    [ACTION_CONFIRM] = "confirm",
    [ACTION_BACK] = "back",
    [ACTION_MENU] = "menu",
    [ACTION_POINTER_DOWN] = "press",
    [ACTION_POINTER_MOVE] = "move",
    [ACTION_POINTER_UP] = "release",
    [ACTION_SCROLL] = "scroll",
    [ACTION_TEXT] = "text",
    [ACTION_BACKSPACE] = "backspace",
    [ACTION_DELETE] = "delete",
    [ACTION_NUMBER] = "number",
    [ACTION_BUZZER] = "buzzer",
    [ACTION_FULLSCREEN] = "fullscreen",
    [ACTION_PAGE_UP] = "pageup",
    [ACTION_PAGE_DOWN] = "pagedown",
    [ACTION_KEY] = "key",
    [ACTION_RESIZE] = "resize",
};

const char *action_kind_name(ActionKind kind)
{
    return kind >= 0 && kind < ACTION_KIND_COUNT && names[kind] ? names[kind] : "none";
}

ActionKind action_kind_from_name(const char *name)
{
    for (int i = 0; i < ACTION_KIND_COUNT; i++)
        if (names[i] && strcmp(names[i], name) == 0)
            return (ActionKind)i;
    return ACTION_NONE;
}
