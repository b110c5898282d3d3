"""Issue 17, items 1 and 2: every question fits the screen, has a way out, and starts on the
safe choice; focus never lands on a destructive button after an action. The real dialogs are
opened from the real Settings page and looked at while they are on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLineEdit, QPushButton
from support.vaults import PASSPHRASE_TWO
from support.window import click, open_window, unlock

from workbook.ui.common.prompts import Prompts, ScriptedPrompts
from workbook.ui.common.question_dialogs import fit_to_screen
from workbook.ui.settings.vault_cards import DELETE_ALL_TEXT, DELETE_TEXT, RESTORE_WARNING

SCREENS = [QRect(0, 0, 1280, 800), QRect(0, 0, 800, 600)]


def open_settings(qtbot, app_paths, prompts, passphrase):
    window = open_window(qtbot, app_paths, prompts)
    unlock(qtbot, window, passphrase)
    window.shell.show_section("settings")
    return window


def when_dialog_shows(qtbot, seen: list, then) -> None:
    """Once a modal dialog is on screen: note what it shows, then let `then` answer it."""
    def look():
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, look)
            return
        QApplication.processEvents()
        buttons = [b for b in dialog.findChildren(QAbstractButton) if b.isVisibleTo(dialog)]
        focus = QApplication.focusWidget()
        seen.append({"title": dialog.windowTitle(), "geometry": dialog.frameGeometry(),
                     "screen": dialog.screen().availableGeometry(),
                     "buttons": {b.text(): b for b in buttons},
                     "focus": focus.text() if isinstance(focus, QAbstractButton) else focus,
                     "default": [b.text() for b in buttons
                                 if isinstance(b, QPushButton) and b.isDefault()],
                     "dialog": dialog})
        then(dialog)
    QTimer.singleShot(0, look)


def press(text: str):
    def answer(dialog):
        [button] = [b for b in dialog.findChildren(QAbstractButton) if b.text() == text]
        button.click()
    return answer


@pytest.mark.parametrize("text", [f"{DELETE_TEXT} Type DELETE to confirm.", RESTORE_WARNING,
                                  f"{DELETE_ALL_TEXT} Type DELETE to confirm."])
@pytest.mark.parametrize("screen", SCREENS, ids=["1280x800", "800x600"])
def test_a_typed_confirmation_fits_the_screen(qtbot, text, screen):
    dialog = Prompts.text_dialog(None, "Delete your private space", text, yes="Delete",
                                 expected="DELETE")
    qtbot.addWidget(dialog)
    dialog.show()
    fit_to_screen(dialog, screen)
    QApplication.processEvents()
    assert dialog.width() <= min(screen.width(), 620)
    assert screen.contains(dialog.geometry())
    inside = dialog.rect()
    for widget in (dialog.label, dialog.field, dialog.ok_button, dialog.cancel_button):
        assert widget.isVisibleTo(dialog)
        corner = widget.mapTo(dialog, widget.rect().bottomRight())
        assert inside.contains(corner), widget
    assert dialog.label.height() >= dialog.label.heightForWidth(dialog.label.width())


def test_the_real_delete_dialog_fits_and_waits_for_the_word(qtbot, vault_two, app_paths):
    window = open_settings(qtbot, app_paths, Prompts(), PASSPHRASE_TWO)
    window.service.unlock("river stone lantern 1")
    seen: list = []

    def type_then_cancel(dialog):
        enabled_before = seen[-1]["buttons"]["Delete"].isEnabled()
        field = dialog.findChild(QLineEdit)
        qtbot.keyClicks(field, "delete")
        seen[-1]["enabled"] = (enabled_before, seen[-1]["buttons"]["Delete"].isEnabled())
        qtbot.keyClick(field, Qt.Key.Key_Escape)
    when_dialog_shows(qtbot, seen, type_then_cancel)
    click(qtbot, window.shell.settings.delete.delete_all_button)
    [shown] = seen
    assert shown["screen"].contains(shown["geometry"]), (shown["geometry"], shown["screen"])
    assert shown["geometry"].width() <= 620
    assert isinstance(shown["focus"], QLineEdit)  # the field, never the Delete button
    assert shown["enabled"] == (False, True)
    assert "Delete" not in shown["default"]
    assert vault_two.folder.exists() and window.service.is_unlocked


def test_leaving_asks_with_a_cancel_and_starts_on_the_safe_answer(qtbot, vault_two, app_paths):
    window = open_settings(qtbot, app_paths, Prompts(), PASSPHRASE_TWO)
    seen: list = []
    when_dialog_shows(qtbot, seen, press("Cancel"))
    click(qtbot, window.shell.settings.delete.leave_button)
    [first] = seen
    assert first["title"] == "Save your entries first?"
    assert {"Save a copy first", "Don't save", "Cancel"} <= set(first["buttons"])
    assert first["focus"] == "Save a copy first"
    assert window.service.is_unlocked  # Cancel changed nothing and asked nothing more

    seen.clear()
    when_dialog_shows(qtbot, seen, lambda d: when_dialog_shows(qtbot, seen, press("Cancel"))
                      or press("Don't save")(d))
    click(qtbot, window.shell.settings.delete.leave_button)
    assert [s["title"] for s in seen] == ["Save your entries first?", "What you shared"]
    shared = seen[1]
    assert {"Remove it too", "Leave it for my partner", "Cancel"} <= set(shared["buttons"])
    assert shared["focus"] == "Leave it for my partner"
    assert shared["default"] == ["Leave it for my partner"]
    assert shared["buttons"]["Remove it too"].property("danger") is True
    assert window.service.is_unlocked and (vault_two.folder / f"{vault_two.ids[1]}.db").exists()


def test_after_saving_a_backup_focus_stays_on_the_button(qtbot, vault_two, app_paths, tmp_path):
    prompts = ScriptedPrompts(str(tmp_path / "backup.zip"))
    window = open_settings(qtbot, app_paths, prompts, PASSPHRASE_TWO)
    settings = window.shell.settings
    settings.backup.save_button.setFocus()
    qtbot.waitUntil(settings.backup.save_button.hasFocus)
    qtbot.keyClick(settings.backup.save_button, Qt.Key.Key_Space)
    assert "Backup saved" in settings.backup.message.text()
    focus = QApplication.focusWidget()
    assert focus is settings.backup.save_button, focus.text() if focus else None
    for button in (settings.delete.leave_button, settings.delete.delete_all_button):
        assert button.property("danger") is True and not button.hasFocus()


def test_cancel_on_a_scripted_question_is_none_only_when_offered():
    prompts = ScriptedPrompts(None, None)
    assert prompts.confirm(None, "t", "x", cancel="Cancel") is None
    assert prompts.confirm(None, "t", "x") is False
    assert isinstance(Prompts.text_dialog(None, "t", "x"), QDialog)
