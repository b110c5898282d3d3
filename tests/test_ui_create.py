"""Creating a workbook through the real welcome and create screens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO
from support.window import TITLE, click, fill_partner, finish_codes, open_window, press

from workbook.accounts import WorkbookService
from workbook.passphrases import normalize_recovery_code


def test_welcome_is_shown_when_there_is_no_workbook(qtbot, app_paths):
    window = open_window(qtbot, app_paths)
    assert window.current_page is window.welcome
    assert window.windowTitle() == TITLE
    assert QApplication.focusWidget() is window.welcome.create_button


def test_create_with_one_partner(qtbot, app_paths):
    window = open_window(qtbot, app_paths)
    click(qtbot, window.welcome.create_button)
    page = window.create_page
    assert window.current_page is page and not page.second.isVisible()
    fill_partner(qtbot, page.first, "Alex", PASSPHRASE_ONE)
    assert "Use at least" not in page.first.passphrase.hint.label.text()  # the hint is live
    click(qtbot, page.create_button)

    codes = finish_codes(qtbot, window)
    assert [title for title, _ in codes] == ["Alex, this is your recovery code"]
    assert codes[0][1] == normalize_recovery_code(codes[0][1])
    assert window.current_page is window.shell
    assert window.shell.present_label.text() == "Alex is here"
    assert window.windowTitle() == TITLE
    assert (app_paths.data_dir / "shared.db").exists()
    assert len(list(app_paths.data_dir.glob("*.keys.db"))) == 1
    assert window.create_page.first.name.text() == ""  # nothing typed lingers
    assert window.codes_page.current_code == ""


def test_create_with_two_partners_shows_each_code_in_turn(qtbot, app_paths):
    window = open_window(qtbot, app_paths)
    click(qtbot, window.welcome.create_button)
    page = window.create_page
    click(qtbot, page.both)
    assert page.second.isVisible()
    fill_partner(qtbot, page.first, "Alex", PASSPHRASE_ONE)
    fill_partner(qtbot, page.second, "Sam", PASSPHRASE_TWO)
    click(qtbot, page.create_button)

    codes = finish_codes(qtbot, window)
    assert [title for title, _ in codes] == ["Alex, this is your recovery code",
                                             "Sam, this is your recovery code"]
    assert codes[0][1] != codes[1][1]
    assert window.shell.present_label.text() == "Alex and Sam are here together"
    assert window.windowTitle() == TITLE
    assert len(list(app_paths.data_dir.glob("*.keys.db"))) == 2
    window.close()
    assert WorkbookService(app_paths.data_dir).unlock(PASSPHRASE_TWO).name == "Sam"


def test_mismatched_passphrases_are_caught_before_anything_is_written(qtbot, app_paths):
    window = open_window(qtbot, app_paths)
    click(qtbot, window.welcome.create_button)
    page = window.create_page
    fill_partner(qtbot, page.first, "Alex", PASSPHRASE_ONE, again="something else")
    click(qtbot, page.create_button)
    assert window.current_page is page
    assert "don't match" in page.message.text() and page.message.isVisible()
    assert not window.service.exists()


def test_weak_passphrase_gets_the_concrete_hint(qtbot, app_paths):
    window = open_window(qtbot, app_paths)
    click(qtbot, window.welcome.create_button)
    page = window.create_page
    fill_partner(qtbot, page.first, "Alex", "short")
    click(qtbot, page.create_button)
    assert "at least 8 characters" in page.message.text()
    assert not window.service.exists()


def test_a_guessable_passphrase_of_eight_letters_is_refused_with_a_visible_reason(qtbot, app_paths):
    window = open_window(qtbot, app_paths)
    click(qtbot, window.welcome.create_button)
    page = window.create_page
    fill_partner(qtbot, page.first, "Alex", "abcdefgh")
    hint = page.first.passphrase.hint.label
    assert hint.isVisibleTo(window) and "easy to guess" in hint.text()
    click(qtbot, page.create_button)
    assert page.message.isVisibleTo(window) and "easy to guess" in page.message.text()
    assert not window.service.exists()


def test_create_keyboard_only(qtbot, app_paths):
    """Tab and Enter all the way from the welcome screen to the open workbook."""
    window = open_window(qtbot, app_paths)
    press(qtbot, Qt.Key.Key_Return)  # "Create your workbook" has focus
    assert window.current_page is window.create_page
    assert QApplication.focusWidget() is window.create_page.just_me
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.create_page.first.name
    qtbot.keyClicks(QApplication.focusWidget(), "Alex")
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.create_page.first.passphrase.first.edit
    qtbot.keyClicks(QApplication.focusWidget(), PASSPHRASE_ONE)
    press(qtbot, Qt.Key.Key_Tab)  # the Show toggle
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.create_page.first.passphrase.again.edit
    qtbot.keyClicks(QApplication.focusWidget(), PASSPHRASE_ONE)
    press(qtbot, Qt.Key.Key_Return)

    assert window.current_page is window.codes_page
    assert QApplication.focusWidget() is window.codes_page.written
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.codes_page.continue_button
    press(qtbot, Qt.Key.Key_Return)
    assert window.current_page is window.shell
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page is window.unlock_page
    assert QApplication.focusWidget() is window.unlock_page.field.edit
    assert not window.service.is_unlocked
