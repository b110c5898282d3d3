"""How the pages of the open workbook learn what changed (changes.py).

Every page implements `ChangePage`: it names the kinds of change it `follows`, redraws from them
in `refresh(changes)`, and forgets everything it shows in `clear()` (its own children included;
nobody reaches into them from outside).

`PageChanges` hands each change to the pages that follow it. The page on screen hears at once
when who is here changes (someone joined or left); everything else is kept until a page is next
shown, merged into one `refresh`. So a page is never redrawn under the hand that is typing into
it, a page nothing touched is not redrawn at all, and a page that was never shown draws once,
from everything, when it first is."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from workbook.changes import Change

AT_ONCE = Change.WHO  # the page on screen follows these straight away


class ChangePage(Protocol):
    follows: Change

    def refresh(self, changes: Change = Change.EVERYTHING) -> None: ...

    def clear(self) -> None: ...


class PageChanges:
    def __init__(self, pages: Callable[[], Iterable[ChangePage]],
                 current: Callable[[], object]):
        """`pages` lists the pages built so far (lazy pages join as they are built);
        `current` is the page on screen."""
        self._pages, self._current = pages, current
        self._waiting: dict[ChangePage, Change] = {}  # what each has not redrawn from yet

    def changed(self, changes: Change) -> None:
        current = self._current()
        for page in self._pages():
            wanted = changes & page.follows
            if wanted:
                self._waiting[page] = self.waiting(page) | wanted
                if page is current and wanted & AT_ONCE:
                    self.shown(page)

    def shown(self, page: ChangePage) -> None:
        """The page has come on screen: it redraws from what it missed, if anything."""
        changes = self.waiting(page)
        self._waiting[page] = Change(0)
        if changes:
            page.refresh(changes)

    def waiting(self, page: ChangePage) -> Change:
        """What `page` has yet to redraw from; everything it follows if it never drew."""
        return self._waiting.get(page, page.follows)

    def clear(self) -> None:
        """Locking: every page forgets what it shows, and nothing is waiting any more (the next
        unlock brings UNLOCKED, which every page that shows entries follows)."""
        for page in self._pages():
            page.clear()
            self._waiting[page] = Change(0)
