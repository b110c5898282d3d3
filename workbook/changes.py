"""What changed in the workbook, as typed flags every service announces after it writes.

A listener registered with `WorkbookService.subscribe` hears one `Change` per announcement; the
window subscribes once and hands each change to the pages, and each page redraws only from the
kinds it shows (the way Anki's `OpChanges` works). One value may carry several kinds:
`Change.ANSWERS | Change.SHARING`. Tests and the command line may subscribe too.

No Qt here: the services below the windows import this module.
"""

from __future__ import annotations

import enum


class Change(enum.Flag):
    # what someone wrote (the services in answers.py, trackers/, together/, portable_import.py)
    ANSWERS = enum.auto()  # a worksheet answer saved
    SHARING = enum.auto()  # an answer shared, unshared, or its shared copy updated
    BOOKMARKS = enum.auto()  # where a partner was last reading ("Where you left off")
    MILESTONES = enum.auto()
    LADDER = enum.auto()  # the consent ladder's steps, their state or a partner's readiness
    CHECKINS = enum.auto()
    GRATITUDE = enum.auto()
    TOGETHER = enum.auto()  # a Together conversation started, written in, ended
    # who is in the workbook and who is here (accounts.py, deletion.py)
    PARTNERS = enum.auto()  # a partner added, or one left or deleted their space
    UNLOCKED = enum.auto()  # a partner unlocked or joined: everything they may see is new
    LOCKING = enum.auto()  # about to lock: the last moment to save what is typed
    LOCKED = enum.auto()  # locked: forget everything shown
    DELETED = enum.auto()  # the whole workbook is gone
    DAY = enum.auto()  # the calendar day turned (the window notices; no service announces it)

    # groups
    ENTRIES = (ANSWERS | SHARING | BOOKMARKS | MILESTONES | LADDER | CHECKINS | GRATITUDE
               | TOGETHER)
    WHO = PARTNERS | UNLOCKED  # whose entries may be shown has changed
    EVERYTHING = ENTRIES | WHO | DAY  # what a page never drawn yet has to draw from

