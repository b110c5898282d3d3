"""Pages learn what changed from the services' typed announcements (workbook/changes.py,
ui/common/page_changes.py), in the real window: Home follows where you were reading without a
lock, a page nothing touched keeps what is on it, and locking empties every page."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO
from support.visible import is_shown, shown_text
from support.window import click, join_from_home, open_window, press, type_text, unlock

from workbook.changes import Change
from workbook.content.loader import load_content
from workbook.trackers.checkins import CheckinService
from workbook.trackers.milestones import MilestoneService
from workbook.ui.chapters.autosave import SAVED
from workbook.ui.common.page_changes import PageChanges

CTRL = Qt.KeyboardModifier.ControlModifier
CONTENT = load_content().content
SCALES = CONTENT.checkin_scales
# chapters that open straight onto their questions (no content note first)
PLAIN = [c for c in CONTENT.chapters if not c.content_note]


def answer_in_chapter(qtbot, window, chapter, words: str) -> None:
    """Open a chapter from the list by keyboard and type into its first written question."""
    shell = window.shell
    shell.show_section("chapters")
    page = shell.chapters
    view = page.list_page.view
    view.setCurrentIndex(page.model.index(page.model.row_of(chapter.id)))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    reader = page.reader
    assert page.currentWidget() is reader and reader.chapter.id == chapter.id
    box = next(e for card in reader.cards for e in card.findChildren(QPlainTextEdit))
    qtbot.waitUntil(lambda: box.isVisible() and box.height() > 0)
    box.setFocus()
    type_text(qtbot, box, words)
    page.flush()
    qtbot.waitUntil(lambda: reader.save_state.text() == SAVED, timeout=3000)


def shown_with_rows(window) -> str:
    """The visible text, plus the rows of every list or table on screen."""
    rows = [str(view.model().index(row, 0).data() or "")
            for view in window.findChildren(QAbstractItemView)
            if view.isVisibleTo(window) and view.model() is not None
            for row in range(view.model().rowCount())]
    return "\n".join([shown_text(window), *rows])


def left_off_line(window) -> str:
    """The "Where you left off" sentence as shown on Home ("" when none is on screen)."""
    home = window.shell.home
    lines = [label.text() for label in home.left_off.findChildren(QLabel)
             if "was last in chapter" in label.text() and label.isVisibleTo(window)]
    assert len(lines) <= 1, lines
    return lines[0] if lines else ""


def test_where_you_left_off_follows_the_chapter_just_answered(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    home = window.shell.home
    assert window.shell.current_key == "home"
    assert left_off_line(window) == "" and is_shown(home.start_here, window)
    for chapter, words in ((PLAIN[0], "a first small answer"), (PLAIN[1], "and another")):
        answer_in_chapter(qtbot, window, chapter, words)
        press(qtbot, Qt.Key.Key_1, CTRL)  # back to Home; nothing locked, nothing reloaded
        assert window.shell.current_key == "home" and window.service.is_unlocked
        expected = f"Alex was last in chapter {chapter.number}, “{chapter.title}”."
        assert left_off_line(window) == expected
        assert expected in shown_text(window)
        assert not is_shown(home.start_here, window)  # a starting point is no longer needed


def test_a_page_redraws_only_from_what_it_shows(qtbot, vault_one, app_paths):
    """Check-ins keeps numbers moved but not yet saved while gratitude and milestones change
    elsewhere; a check-in written elsewhere is what it shows on the next visit."""
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    shell, me = window.shell, vault_one.ids[0]
    shell.show_section("checkins")
    checkins = shell.trackers["checkins"]
    first = checkins.rows[0]
    first.slider.setValue(first.scale.max)  # moved, not saved
    shell.show_section("gratitude")
    gratitude = shell.trackers["gratitude"]
    gratitude.grateful.setPlainText("the walk by the river")
    click(qtbot, gratitude.save_button)
    MilestoneService(window.service).add("We laughed together")
    shell.show_section("checkins")
    assert first.slider.value() == first.scale.max  # not redrawn: nothing it shows changed
    CheckinService(window.service, SCALES).save(me, {first.scale.id: first.scale.min})
    shell.show_section("home")
    shell.show_section("checkins")
    assert first.slider.value() == first.scale.min  # redrawn from the check-in written
    shell.show_section("milestones")
    assert "We laughed together" in shown_with_rows(window)  # built now, drawn from all


class Page:
    """A plain page following some kinds, remembering each refresh it was asked for."""

    def __init__(self, follows: Change):
        self.follows = follows
        self.refreshed: list[Change] = []
        self.cleared = 0

    def refresh(self, changes: Change = Change.EVERYTHING) -> None:
        self.refreshed.append(changes)

    def clear(self) -> None:
        self.cleared += 1


def test_changes_reach_pages_that_follow_them_when_they_are_shown():
    home, ladder, reading = (Page(Change.WHO | Change.BOOKMARKS), Page(Change.LADDER | Change.WHO),
                             Page(Change(0)))
    built, on_screen = [home, ladder, reading], [home]
    router = PageChanges(lambda: built, lambda: on_screen[0])
    router.shown(home)
    assert home.refreshed == [Change.WHO | Change.BOOKMARKS]  # never drawn: all it follows
    router.changed(Change.BOOKMARKS | Change.CHECKINS)
    router.changed(Change.GRATITUDE)
    assert home.refreshed == [Change.WHO | Change.BOOKMARKS]  # on screen, but it waits
    router.changed(Change.UNLOCKED)
    assert home.refreshed[-1] == Change.BOOKMARKS | Change.UNLOCKED  # who is here: at once
    assert ladder.refreshed == [] and reading.refreshed == []  # not on screen
    on_screen[0] = reading
    router.shown(reading)
    assert reading.refreshed == []  # it follows nothing
    router.shown(ladder)
    assert ladder.refreshed == [Change.LADDER | Change.WHO]  # its first drawing
    router.changed(Change.MILESTONES)
    router.shown(ladder)
    assert len(ladder.refreshed) == 1  # nothing it shows changed
    router.clear()
    assert [p.cleared for p in built] == [1, 1, 1]
    router.shown(ladder)
    router.shown(home)
    assert len(ladder.refreshed) == 1 and len(home.refreshed) == 2  # nothing waits after a lock


# -- locking ----------------------------------------------------------------------------------
def every_text(page: QWidget) -> list[str]:
    """Every text a page holds, shown or not: labels, buttons, fields, lists, names and tips."""
    texts = []
    for widget in [page, *page.findChildren(QWidget)]:
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
            texts.append(widget.text())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            columns = 1 if isinstance(model, QAbstractListModel) else \
                model.columnCount(QModelIndex())
            texts += [str(model.index(row, column, QModelIndex()).data() or "")
                      for row in range(model.rowCount(QModelIndex()))
                      for column in range(columns)]
    return [t for t in texts if t]


def test_locking_empties_every_page(qtbot, vault_two, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    join_from_home(qtbot, window, PASSPHRASE_TWO)
    shell = window.shell
    answer_in_chapter(qtbot, window, PLAIN[0], "orchard answer words")
    shell.show_section("gratitude")
    gratitude = shell.trackers["gratitude"]
    gratitude.grateful.setPlainText("gratitude words here")
    click(qtbot, gratitude.save_button)
    shell.show_section("checkins")
    checkins = shell.trackers["checkins"]
    checkins.note.setPlainText("checkin note words")
    click(qtbot, checkins.save_button)
    MilestoneService(window.service, dt.date.today).add("milestone words here")
    secrets = ("Alex", "Sam", "orchard answer words", "gratitude words here",
               "checkin note words", "milestone words here")
    seen = ""
    for row in range(len(shell.keys)):
        press(qtbot, Qt.Key(Qt.Key.Key_1.value + row), CTRL)
        seen += shown_with_rows(window)
    type_text(qtbot, shell.search, "orchard")
    qtbot.keyClick(shell.search, Qt.Key.Key_Return)
    seen += shown_with_rows(window)
    assert [s for s in secrets if s not in seen] == []  # each was on screen somewhere

    press(qtbot, Qt.Key.Key_L, CTRL)
    assert window.current_page is window.unlock_page
    pages = [shell.pages.widget(i) for i in range(shell.pages.count())]
    assert len(pages) == len(shell.keys) + 1  # every section was built, and search
    for page in [shell, *pages]:
        left = [t for t in every_text(page) if any(s in t for s in secrets)]
        assert left == [], (page.accessibleName(), left)
    assert all(secret not in shown_with_rows(window) for secret in secrets)
