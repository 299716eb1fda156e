"""What the soak counts: the actions it takes, and the happenings it sees them bring about.
Their words are the report's."""

from __future__ import annotations

from enum import Enum


class Action(Enum):
    """One kind of thing a patient or staff member does."""

    BODY_MAP_TAP = "body_map_tap"
    BUTTON_TAP = "button_tap"
    TAP_ANYWHERE = "tap_anywhere"
    SWIPE = "swipe"
    SCROLL = "scroll"
    KEY = "key"
    LANGUAGE = "language"
    CALM = "calm"
    GO_HOME = "go_home"
    EDIT_CONTENT = "edit_content"
    RESTORE_CONTENT = "restore_content"
    IDLE_RESET = "idle_reset"
    STAFF_PIN_PAD = "staff_pin_pad"


class Happening(Enum):
    """Something an action brought about (or failed to), counted for the report."""

    REGION_OPENED = "regions opened"
    WALKTHROUGH_OPENED = "walkthroughs opened"
    ATTRACT_SCREEN = "attract screens"
    CONTENT_SWAPPED_IN = "content swapped in"
    CONTENT_REFUSED = "content refused"
    WATCHER_RELOAD = "watcher reloads"
    BODY_MAP_SLIDE = "body map slides"
    BODY_MAP_TAP_OPENED_REGION = "body map taps that opened a region"
    NOTHING_TO_TAP = "button taps with nothing to tap"
    TOUCH_TAP = "touch taps"
    MOUSE_CLICK = "mouse clicks"
    PAGE_TURNED_BY_SWIPE = "swipes that turned a page"
    SCROLL = "scrolls"
    KEY = "keys"
    LANGUAGE_SWITCH = "language switches"
    CALM_TOGGLE = "calm mode toggles"
    NO_WAY_HOME = "no way home found"
    IDLE_COUNTDOWN = "idle countdowns"
    NO_COUNTDOWN = "idle: no countdown came"
    KEPT_READING = "idle: keep reading"
    COUNTDOWN_EXPIRED = "idle: expired"
    GOOD_EDIT = "good content edits"
    BAD_EDIT = "bad content edits"
    FILE_RESTORED = "content files restored"
    PIN_PAD = "staff pin pads"
    HOLD_OPENED_NOTHING = "staff corner holds that opened nothing"
