"""Issue 17, item 5: the first Tab into the chapter list and into the search results shows an
item, highlighted; "← All chapters" is scrolled into view whenever it gets focus."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea
from support.chapters import NO_NOTE, open_chapter, settle
from support.vaults import PASSPHRASE_ONE
from support.window import open_window, press, unlock

from workbook.trackers.gratitude import GratitudeService

CTRL = Qt.KeyboardModifier.ControlModifier


def tab_until(qtbot, target, most: int = 12) -> None:
    """Press Tab, as a person would, until `target` has the keyboard focus."""
    for _ in range(most):
        if QApplication.focusWidget() is target:
            return
        press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is target


def highlighted_row(view) -> int:
    """The row that shows as chosen: current and selected (painted highlighted)."""
    index = view.currentIndex()
    selected = view.selectionModel().isSelected(index) if index.isValid() else False
    return index.row() if selected else -1


def in_viewport(widget) -> bool:
    """Is `widget` inside the visible part of the scroll area it lives in?"""
    scroll = widget.parentWidget()
    while not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    viewport = scroll.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    return viewport.rect().contains(QRect(top_left, widget.size()))


def test_the_first_tab_into_the_chapter_list_highlights_the_first_chapter(qtbot, vault_one,
                                                                          app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.shell.nav.setFocus()
    press(qtbot, Qt.Key.Key_2, CTRL)
    view = window.shell.chapters.list_page.view
    assert view.isVisibleTo(window) and not view.currentIndex().isValid()
    tab_until(qtbot, view)
    assert highlighted_row(view) == 0
    first = window.shell.chapters.model.chapter_at(0)
    assert first.title in view.currentIndex().data()  # what a screen reader says for it
    press(qtbot, Qt.Key.Key_Return)  # and Enter opens what shows as chosen
    assert window.shell.chapters.reader.chapter.id == first.id


def test_the_first_tab_into_the_search_results_highlights_the_first(qtbot, vault_one,
                                                                    app_paths):
    service = vault_one.service()
    me = service.unlock(PASSPHRASE_ONE).id
    GratitudeService(service).save(me, "the marigold you planted", "")
    service.lock()
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    shell = window.shell
    press(qtbot, Qt.Key.Key_F, CTRL)
    shell.search.setText("marigold")
    qtbot.keyClick(shell.search, Qt.Key.Key_Return)
    results = shell.search_page.list
    assert results.isVisibleTo(window) and shell.search_page.model.rowCount() == 1
    assert highlighted_row(results) == -1
    tab_until(qtbot, results)
    assert highlighted_row(results) == 0
    assert "marigold" in results.currentIndex().data()


def test_all_chapters_is_scrolled_into_view_when_it_gets_focus(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    reader = open_chapter(qtbot, window, NO_NOTE)
    settle(qtbot, reader)
    bar = reader.findChild(QScrollArea).verticalScrollBar()
    assert bar.maximum() > 0  # a long chapter: the top can be out of sight
    window.shell.nav.setFocus()
    bar.setValue(bar.maximum())
    assert not in_viewport(reader.back_button)
    reader.back_button.setFocus(Qt.FocusReason.BacktabFocusReason)  # focus from outside
    assert reader.back_button.hasFocus() and reader.back_button.isVisibleTo(window)
    assert in_viewport(reader.back_button)
    assert bar.value() < bar.maximum()


def test_the_first_tab_into_the_export_pages_chapters_shows_one(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.shell.show_section("export")
    page = window.shell.trackers["export"]
    page.blank_button.setFocus()
    tab_until(qtbot, page.chapters, most=4)
    assert highlighted_row(page.chapters) == 0 and page.chapters.isVisibleTo(window)
    assert page.chapters.currentItem().checkState() == Qt.CheckState.Checked  # not changed
