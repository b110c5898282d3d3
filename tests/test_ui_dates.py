"""Issue 17, items 3 and 4: date fields work with the keyboard (typing, F4/Alt+Down, Tab and
Shift+Tab), the calendar opens on today, never on 1900, and a suggested milestone keeps the notes
typed for it. Driven through the real window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QSlider, QVBoxLayout, QWidget
from support.chapters import NO_NOTE, open_chapter, stored, wait_saved
from support.tracker_pages import open_page
from support.vaults import PASSPHRASE_ONE
from support.window import click, open_window, scroll_into_view, type_date, unlock

from workbook.dates import full_date
from workbook.ui.common.date_field import DateField

VALENTINE = dt.date(2027, 2, 14)
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def when(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    reader = open_chapter(qtbot, window, NO_NOTE)
    card = reader.card("try-this-week", "when")
    return window, reader, card.editor


def test_typing_a_date_stores_it_and_tab_moves_on(qtbot, when, vault_one):
    window, reader, editor = when
    assert editor.edit.edit.text() == "" and editor.edit.edit.isVisibleTo(window)
    assert "No date chosen" in editor.edit.edit.placeholderText()
    type_date(qtbot, editor.edit, "14022027")
    assert editor.edit.edit.text() == "14 February 2027"  # what was understood, written out
    assert QApplication.focusWidget() is editor.clear_button  # one Tab left the field
    wait_saved(qtbot, reader)
    assert stored(window, vault_one.ids[0], NO_NOTE, "try-this-week", "when") == VALENTINE
    qtbot.keyClick(editor.clear_button, Qt.Key.Key_Tab, SHIFT)
    assert QApplication.focusWidget() is editor.edit.edit
    qtbot.keyClick(editor.edit.edit, Qt.Key.Key_Tab, SHIFT)  # back again: nothing is lost
    assert editor.value() == VALENTINE and editor.edit.edit.text() == "14 February 2027"


def test_up_on_an_empty_date_does_not_make_1900(qtbot, when):
    _, _, editor = when
    editor.edit.edit.setFocus()
    qtbot.waitUntil(editor.edit.edit.hasFocus)
    qtbot.keyClick(editor.edit.edit, Qt.Key.Key_Up)
    qtbot.keyClick(editor.edit.edit, Qt.Key.Key_Tab)
    assert editor.value() is None and "1900" not in editor.edit.edit.text()


@pytest.mark.parametrize("keys", [(Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier),
                                  (Qt.Key.Key_Down, ALT)], ids=["F4", "Alt+Down"])
def test_the_calendar_opens_from_the_keyboard_on_today(qtbot, when, keys):
    _, _, editor = when
    field = editor.edit
    scroll_into_view(field)
    field.edit.setFocus()
    qtbot.waitUntil(field.edit.hasFocus)
    qtbot.keyClick(field.edit, *keys)
    popup = field._popup
    qtbot.waitUntil(lambda: popup is not None and popup.isVisible())
    calendar = popup.calendar
    assert calendar.selectedDate().toPython() == dt.date.today()
    assert field.screen().availableGeometry().contains(popup.frameGeometry())
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Right)
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert editor.value() == dt.date.today() + dt.timedelta(days=1)
    qtbot.waitUntil(field.edit.hasFocus)  # focus is back in the field


def test_the_calendar_opens_on_the_chosen_date(qtbot, when):
    _, _, editor = when
    type_date(qtbot, editor.edit, "2027-02-14")
    editor.edit.open_calendar()
    assert editor.edit._popup.calendar.selectedDate().toPython() == VALENTINE
    qtbot.keyClick(editor.edit._popup.calendar, Qt.Key.Key_Escape)


def test_an_unreadable_date_is_kept_with_a_calm_hint(qtbot, when):
    window, _, editor = when
    type_date(qtbot, editor.edit, "2027-02-14")
    type_date(qtbot, editor.edit, "sometime soon")
    assert editor.value() == VALENTINE  # nothing lost
    assert editor.edit.edit.text() == "sometime soon"  # nor what was typed
    assert editor.edit.hint.isVisibleTo(window) and "Type a date like" in editor.edit.hint.text()
    click(qtbot, editor.clear_button)
    assert editor.value() is None and not editor.edit.hint.isVisibleTo(window)


def test_month_first_locales_type_month_first(qtbot):
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        field = DateField("When")
    finally:
        QLocale.setDefault(QLocale.c())
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.addWidget(field)
    layout.addWidget(QLineEdit())  # somewhere for Tab to go
    qtbot.addWidget(holder)
    holder.show()
    holder.activateWindow()
    type_date(qtbot, field, "02/14/2027")
    assert field.value() == VALENTINE and "02/14/2027" in field.edit.placeholderText()


def test_a_disabled_date_field_shows_no_highlighted_text(qtbot):
    field = DateField("When")
    qtbot.addWidget(field)
    field.set_value(VALENTINE)
    field.show()
    field.edit.selectAll()
    field.setEnabled(False)
    assert not field.edit.hasSelectedText()


def test_check_in_day_lets_tab_through_to_the_scales(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    page = open_page(window, "checkins")
    yesterday = dt.date.today() - dt.timedelta(days=1)
    type_date(qtbot, page.day, f"{yesterday:%d/%m/%Y}")
    focus = QApplication.focusWidget()
    assert isinstance(focus, QSlider) and focus is page.rows[0].slider
    assert page.chosen_day() == yesterday


def test_a_suggested_milestone_keeps_the_notes_typed_for_it(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    page = open_page(window, "milestones")
    page.form.suggestion.setCurrentIndex(1)
    suggestion = page.form.suggestion.currentData()
    page.form.notes.setPlainText("We did it on a rainy Sunday.")
    click(qtbot, page.add_button)
    assert page.chosen().title == suggestion.title
    assert page.details.notes.toPlainText() == "We did it on a rainy Sunday."
    assert page.details.notes.isVisibleTo(window)


def test_the_first_appreciation_appears_where_it_was_promised(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    page = open_page(window, "gratitude")
    assert "appear here" in page.reread.text() and page.reread.isVisibleTo(window)
    page.appreciation.setPlainText("the tea you made me")
    click(qtbot, page.save_button)
    assert "the tea you made me" in page.reread.text() and page.reread.isVisibleTo(window)
    assert full_date(dt.date.today()) in page.reread.text()
