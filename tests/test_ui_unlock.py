"""The unlock screen and the reset with a recovery code."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from support.files import file_bytes
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO
from support.window import TITLE, click, finish_codes, open_window, type_text, unlock, visible_texts

from workbook.accounts import WorkbookService
from workbook.storage.errors import VaultError, WrongPassphrase

NEW_PASSPHRASE = "quiet orchard morning 7"


def test_unlock_screen_has_one_field_with_focus_and_no_names(qtbot, vault_two, app_paths):
    window = open_window(qtbot, app_paths)
    assert window.current_page is window.unlock_page
    assert QApplication.focusWidget() is window.unlock_page.field.edit
    assert window.windowTitle() == TITLE
    texts = " ".join(visible_texts(window))
    assert "Alex" not in texts and "Sam" not in texts


def test_wrong_passphrase_is_explained_inline_and_changes_nothing(qtbot, vault_one, app_paths):
    before = file_bytes(app_paths.data_dir)
    window = open_window(qtbot, app_paths)
    page = window.unlock_page
    type_text(qtbot, page.field, "not the passphrase")
    qtbot.keyClick(page.field.edit, Qt.Key.Key_Return)

    assert window.current_page is page
    assert page.message.isVisible() and page.message.text() == str(WrongPassphrase())
    assert page.field.edit.selectedText() == "not the passphrase"  # ready to retype
    assert QApplication.focusWidget() is page.field.edit
    assert page.unlock_button.isEnabled() and page.unlock_button.text() == "Unlock"
    assert file_bytes(app_paths.data_dir) == before

    type_text(qtbot, page.field, PASSPHRASE_ONE)  # replaces the selection
    qtbot.keyClick(page.field.edit, Qt.Key.Key_Return)
    assert window.current_page is window.shell
    assert not page.message.isVisible() and page.field.text() == ""


def test_empty_passphrase_asks_gently(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    click(qtbot, window.unlock_page.unlock_button)
    assert window.unlock_page.message.text() == "Please type your passphrase."


def test_damaged_file_shows_its_message(qtbot, vault_one, app_paths):
    shared = app_paths.data_dir / "shared.db"
    shared.write_bytes(b"\0" * 4096)
    with pytest.raises(VaultError) as expected:
        WorkbookService(app_paths.data_dir).unlock(PASSPHRASE_ONE)
    window = open_window(qtbot, app_paths)
    unlock_page = window.unlock_page
    type_text(qtbot, unlock_page.field, PASSPHRASE_ONE)
    click(qtbot, unlock_page.unlock_button)
    assert window.current_page is unlock_page
    assert unlock_page.message.text() == str(expected.value)
    assert not window.service.is_unlocked


def test_show_toggle_reveals_and_hides_the_passphrase(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    field = window.unlock_page.field
    assert field.edit.echoMode() == field.edit.EchoMode.Password
    click(qtbot, field.toggle)
    assert field.edit.echoMode() == field.edit.EchoMode.Normal and field.toggle.text() == "Hide"
    window.lock()
    assert field.edit.echoMode() == field.edit.EchoMode.Password


def test_reset_with_recovery_code(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    click(qtbot, window.unlock_page.forgot_button)
    page = window.recover_page
    assert window.current_page is page
    assert QApplication.focusWidget() is page.code
    old_code = vault_one.recovery_codes[0]
    type_text(qtbot, page.code, old_code.lower().replace("-", " "))  # copied loosely
    type_text(qtbot, page.passphrase.first, NEW_PASSPHRASE)
    type_text(qtbot, page.passphrase.again, NEW_PASSPHRASE)
    qtbot.keyClick(page.passphrase.again.edit, Qt.Key.Key_Return)

    codes = finish_codes(qtbot, window)
    assert len(codes) == 1 and codes[0][0] == "Alex, this is your recovery code"
    assert codes[0][1] != old_code
    assert window.shell.present_label.text() == "Alex is here"
    assert page.code.text() == "" and page.passphrase.passphrase() == ""
    window.close()
    fresh = WorkbookService(app_paths.data_dir)
    assert fresh.unlock(NEW_PASSPHRASE).name == "Alex"
    fresh.lock()
    with pytest.raises(WrongPassphrase):
        fresh.unlock(PASSPHRASE_ONE)


def test_reset_with_a_wrong_code_stays_calm(qtbot, vault_one, app_paths):
    before = file_bytes(app_paths.data_dir)
    window = open_window(qtbot, app_paths)
    click(qtbot, window.unlock_page.forgot_button)
    page = window.recover_page
    type_text(qtbot, page.code, "00000-00000-00000-00000-00000")
    type_text(qtbot, page.passphrase.first, NEW_PASSPHRASE)
    type_text(qtbot, page.passphrase.again, NEW_PASSPHRASE)
    click(qtbot, page.reset_button)
    assert window.current_page is page and page.message.isVisible()
    assert file_bytes(app_paths.data_dir) == before
    click(qtbot, page.back_button)
    assert window.current_page is window.unlock_page


def test_second_partner_unlocks_alone(qtbot, vault_two, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_TWO)
    assert window.shell.present_label.text() == "Sam is here"


def test_return_in_the_code_field_submits_and_typing_again_clears_the_error(qtbot, vault_one,
                                                                            app_paths):
    """Issue 17, item 7: Return in the recovery-code field does what the button does, and an
    error from before goes when the person types again or submits again."""
    window = open_window(qtbot, app_paths)
    click(qtbot, window.unlock_page.forgot_button)
    page = window.recover_page
    qtbot.keyClick(page.code, Qt.Key.Key_Return)  # nothing typed yet
    assert page.message.isVisibleTo(window)
    assert page.message.text() == "Please type your recovery code."
    assert QApplication.focusWidget() is page.code

    type_text(qtbot, page.code, "00000-00000-00000-00000-00000")
    assert not page.message.isVisibleTo(window)  # typing again: the old error is gone
    qtbot.keyClick(page.code, Qt.Key.Key_Return)  # Return submits: the passphrase is missing
    assert page.message.isVisibleTo(window) and page.message.text() == "Please choose a passphrase."
    assert QApplication.focusWidget() is page.passphrase.first.edit  # where the problem is

    type_text(qtbot, page.passphrase.first, NEW_PASSPHRASE)
    assert not page.message.isVisibleTo(window)
    type_text(qtbot, page.passphrase.again, NEW_PASSPHRASE)
    page.code.setFocus()
    qtbot.keyClick(page.code, Qt.Key.Key_Return)  # the code itself is wrong
    assert window.current_page is page and page.message.isVisibleTo(window)
    wrong_code = page.message.text()
    assert wrong_code not in ("", "Please choose a passphrase.")
    assert QApplication.focusWidget() is page.code

    page.passphrase.again.edit.clear()  # submitting again replaces the old message
    click(qtbot, page.reset_button)
    assert page.message.text() == "The two passphrases don't match. Please type them again."
    assert page.message.isVisibleTo(window)


def test_typing_again_on_the_unlock_screen_clears_a_wrong_passphrase_message(qtbot, vault_one,
                                                                            app_paths):
    window = open_window(qtbot, app_paths)
    page = window.unlock_page
    type_text(qtbot, page.field, "not it")
    qtbot.keyClick(page.field.edit, Qt.Key.Key_Return)
    assert page.message.isVisibleTo(window) and page.message.text() == str(WrongPassphrase())
    type_text(qtbot, page.field, "r")
    assert not page.message.isVisibleTo(window)
