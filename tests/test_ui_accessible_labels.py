"""Issue 17, item 10: a label that shows text is read by that text. An accessible description
may add context; an accessible name never replaces what is on screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel
from support.chapters import NO_NOTE, open_chapter
from support.tracker_pages import open_page
from support.vaults import PASSPHRASE_ONE
from support.window import open_window, unlock

MINE = ("home", "chapters", "milestones", "checkins", "gratitude", "settings")


def renamed_labels(window) -> list[tuple[str, str]]:
    return [(label.accessibleName(), label.text()) for label in window.findChildren(QLabel)
            if label.isVisibleTo(window) and label.text()
            and label.accessibleName() not in ("", label.text())]


def test_labels_are_read_as_they_show(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    for key in MINE:
        window.shell.show_section(key)
        for _ in range(3):
            QCoreApplication.processEvents()
        assert renamed_labels(window) == [], key
    page = open_page(window, "milestones")
    page.message.show_error("Choose a milestone in the list first.")
    QCoreApplication.processEvents()
    assert page.message.isVisibleTo(window) and renamed_labels(window) == []
    reader = open_chapter(qtbot, window, NO_NOTE)
    assert reader.save_state.isVisibleTo(window)
    assert renamed_labels(window) == []
    assert window.shell.present_label.accessibleDescription() == "Who is here"


def test_the_export_pages_labels_are_read_as_they_show(qtbot, vault_one, app_paths):
    """The page count ("3 pages, including the cover") is read by that text, not by a name."""
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.shell.show_section("export")
    page = window.shell.trackers["export"]
    qtbot.waitUntil(lambda: "including the cover" in page.page_count.text(), timeout=20000)
    assert page.page_count.isVisibleTo(window)
    assert page.page_count.accessibleName() in ("", page.page_count.text())
    assert renamed_labels(window) == []
