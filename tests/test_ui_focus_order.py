"""Issue 17, item 5: keyboard focus follows reading order and stays where the person is:
switching "Answering as" keeps focus on the choice, the first Tab into a list shows an item,
Home's "Continue" comes before the cards printed under it, and a reframe is read row by row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from support.chapters import NO_NOTE, open_chapter, settle
from support.tracker_pages import open_page
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO
from support.window import click, join_from_home, open_window, press, unlock

from workbook.ui.common.focus_order import focus_chain

CTRL = Qt.KeyboardModifier.ControlModifier
REFRAME = ("hurt-and-self-compassion", "inner-critic", "reframes")


def tab_from(qtbot, widget, times: int = 1):
    for _ in range(times):
        qtbot.keyClick(QApplication.focusWidget() or widget, Qt.Key.Key_Tab)
    return QApplication.focusWidget()


def test_switching_who_answers_keeps_focus_on_the_choice(qtbot, vault_two, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    join_from_home(qtbot, window, PASSPHRASE_TWO)
    reader = open_chapter(qtbot, window, NO_NOTE)
    [alex, sam] = reader.partner_group.buttons()
    alex.setFocus()
    qtbot.waitUntil(alex.hasFocus)
    qtbot.keyClick(alex, Qt.Key.Key_Right)  # arrow keys move between radio buttons
    assert reader.answering == vault_two.ids[1]
    settle(qtbot, reader)
    focus = QApplication.focusWidget()
    assert focus is not window.shell.nav
    assert focus in reader.partner_group.buttons() and focus.text() == "Sam"
    assert focus.isVisibleTo(window)


def test_the_first_tab_into_a_list_highlights_an_item(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    page = open_page(window, "milestones")
    page.form.title.setText("A walk after dinner")
    click(qtbot, page.add_button)
    page.list.setCurrentIndex(page.model.index(-1))  # nothing chosen
    page.list.clearSelection()
    page.state_buttons["in_progress"].setFocus()
    qtbot.keyClick(page.state_buttons["in_progress"], Qt.Key.Key_Backtab,
                   Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is page.list
    assert page.list.currentIndex().row() == 0
    assert page.details.title.text() == "A walk after dinner"  # and shows it


def test_home_tab_order_follows_the_page(qtbot, vault_two, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    open_chapter(qtbot, window, NO_NOTE)
    press(qtbot, Qt.Key.Key_1, CTRL)
    home = window.shell.home
    home.refresh()
    chain = [w for w in focus_chain(home) if w.isVisibleTo(home)]
    continue_button = next(w for w in chain if w.accessibleName().startswith("Continue"))
    assert chain.index(continue_button) < chain.index(home.join.open_button)
    ys = [w.mapTo(home, w.rect().topLeft()).y() for w in chain]
    assert ys == sorted(ys), [w.accessibleName() for w in chain]


def test_a_reframe_is_tabbed_row_by_row_then_add(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    chapter_id, sheet, field = REFRAME
    reader = open_chapter(qtbot, window, chapter_id)
    if reader.note.isVisible():
        click(qtbot, reader.note.continue_button)
        settle(qtbot, reader)
    editor = reader.card(sheet, field).editor
    click(qtbot, editor.add_button)
    (left1, right1, remove1), (left2, right2, remove2) = editor.rows
    assert QApplication.focusWidget() is left2
    left1.setFocus()
    qtbot.waitUntil(left1.hasFocus)
    order = [tab_from(qtbot, left1) for _ in range(6)]
    assert order == [right1, remove1, left2, right2, remove2, editor.add_button]
