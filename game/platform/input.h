/* Abstract input actions. Keyboard, mouse, touch and game controllers are translated into these
 * before any scene sees them, so every screen works with the keyboard alone, a gamepad alone or
 * the mouse alone, and replay files script the same actions. */
#ifndef FRONTIERS_INPUT_H
#define FRONTIERS_INPUT_H

#include <stdbool.h>
#include <stdint.h>

typedef enum ActionKind {
    ACTION_NONE = 0,
    ACTION_UP,
    ACTION_DOWN,
    ACTION_LEFT,
    ACTION_RIGHT,
    ACTION_NEXT,         /* Tab / right shoulder: next focusable */
    ACTION_PREV,         /* Shift+Tab / left shoulder */
    ACTION_CONFIRM,      /* Enter, Space, gamepad A */
    ACTION_BACK,         /* Escape, gamepad B */
    ACTION_MENU,         /* gamepad Start: pause / options */
    ACTION_POINTER_DOWN, /* mouse button or finger down at x, y (drawable pixels) */
    ACTION_POINTER_MOVE,
    ACTION_POINTER_UP,
    ACTION_SCROLL,       /* wheel: dy > 0 is up/zoom in */
    ACTION_TEXT,         /* UTF-8 text typed (text field focus) */
    ACTION_BACKSPACE,
    ACTION_DELETE,
    ACTION_NUMBER,       /* 1-4 (answer keys), value in `number` */
    ACTION_BUZZER,       /* classroom: team `team` pressed button `number` (1-4) */
    ACTION_FULLSCREEN,   /* F11, Alt+Enter */
    ACTION_PAGE_UP,      /* presentation clickers */
    ACTION_PAGE_DOWN,
    ACTION_KEY,          /* any other key, by SDL keycode, for scenes that need raw keys */
    ACTION_RESIZE,       /* the drawable size changed to x, y */
    ACTION_KIND_COUNT
} ActionKind;

typedef enum InputDevice {
    INPUT_KEYBOARD = 0,
    INPUT_MOUSE,
    INPUT_TOUCH,
    INPUT_GAMEPAD,
    INPUT_SCRIPT,
} InputDevice;

typedef struct Action {
    ActionKind kind;
    InputDevice device;
    int x, y;          /* pointer position, resize size */
    float dy;          /* scroll amount */
    int number;        /* ACTION_NUMBER 1-4, ACTION_BUZZER button 1-4 */
    int team;          /* ACTION_BUZZER team index 0-7 */
    int key;           /* ACTION_KEY keycode */
    int controller;    /* instance id of the game controller, -1 otherwise */
    char text[32];     /* ACTION_TEXT */
} Action;

typedef struct InputState {
    int pointer_x, pointer_y;
    bool pointer_down;
    InputDevice last_device;   /* shows the focus ring for keys and pads, hides it for the mouse */
    bool text_input;           /* a text field has focus */
    bool buzzer_mode;          /* classroom: team keys and pad face buttons become buzzers */
    int stick_x, stick_y;      /* last left-stick direction, so one push moves once */
} InputState;

const char *action_kind_name(ActionKind kind);
ActionKind action_kind_from_name(const char *name);

#endif
