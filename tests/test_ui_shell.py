"""The open workbook: who is present, sitting together, inviting a partner, settings, locking."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO
from support.window import (
    TITLE,
    click,
    finish_codes,
    join_from_home,
    open_window,
    press,
    type_text,
    unlock,
    visible_texts,
)

from workbook.accounts import WorkbookService
from workbook.storage.errors import WrongPassphrase
from workbook.ui.chapters.chapters_page import ChaptersPage
from workbook.ui.common.prompts import ScriptedPrompts

NEW_PASSPHRASE = "quiet orchard morning 7"
CTRL = Qt.KeyboardModifier.ControlModifier


def test_navigation_by_keyboard(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    shell = window.shell
    assert shell.current_key == "home" and QApplication.focusWidget() is shell.nav
    press(qtbot, Qt.Key.Key_Down)
    assert shell.current_key == "chapters"
    assert isinstance(shell.pages.currentWidget(), ChaptersPage)
    press(qtbot, Qt.Key.Key_8, CTRL)
    assert shell.current_key == "settings"
    press(qtbot, Qt.Key.Key_1, CTRL)
    assert shell.current_key == "home"
    assert [shell.nav.item(i).text() for i in range(shell.nav.count())] == [
        "Home", "Chapters", "Together", "Milestones", "Check-ins", "Gratitude", "Print & export",
        "Settings", "Support"]


def test_every_interactive_widget_has_an_accessible_name(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QListWidget
    for kind in (QLineEdit, QComboBox, QListWidget):
        for widget in window.findChildren(kind):
            if widget.parent() and type(widget.parent()).__name__ == "QComboBox":
                continue
            assert widget.accessibleName(), widget
    for button in window.findChildren(QAbstractButton):
        assert button.accessibleName() or button.text(), button


def test_tracker_pages_are_built_on_their_first_visit(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    shell = window.shell
    assert shell.trackers.peek("checkins") is None and shell.trackers.peek("export") is None
    assert shell.trackers.peek("gratitude") is not None  # its reminder shows on every page
    index = shell.keys.index("checkins")
    placeholder = shell.pages.widget(index)
    shell.show_section("checkins")
    page = shell.trackers.peek("checkins")
    assert page is not None and shell.pages.currentWidget() is page
    assert shell.pages.indexOf(page) == index and shell.pages.indexOf(placeholder) == -1
    shell.show_section("export")
    assert shell.current_key == "export"
    assert shell.pages.currentIndex() == shell.keys.index("export")
    window.lock()  # only built pages are cleared; the rest have nothing to forget
    assert shell.trackers.peek("milestones") is None


def test_sitting_together_second_partner_joins(qtbot, vault_two, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    home = window.shell.home
    assert home.join.isVisible() and not home.invite.isVisible()
    assert "If Sam is here with you" in home.join.text.text()
    click(qtbot, home.join.open_button)
    assert QApplication.focusWidget() is home.join.field.edit

    type_text(qtbot, home.join.field, PASSPHRASE_ONE)  # already here: said calmly, inline
    qtbot.keyClick(home.join.field.edit, Qt.Key.Key_Return)
    assert "already unlocked" in home.join.message.text()
    assert home.join.message.isVisibleTo(window)
    type_text(qtbot, home.join.field, "x")  # typing again takes the old error away
    assert not home.join.message.isVisibleTo(window)
    home.join.field.clear()

    type_text(qtbot, home.join.field, PASSPHRASE_TWO)
    qtbot.keyClick(home.join.field.edit, Qt.Key.Key_Return)
    assert window.shell.present_label.text() == "Alex and Sam are here together"
    assert home.greeting.text() == "Welcome, Alex and Sam"
    assert not home.join.isVisible() and home.together.isVisible()
    assert home.join.field.text() == ""
    assert [p.name for p in window.service.present_partners()] == ["Alex", "Sam"]


def test_invite_partner_then_they_unlock_in_a_fresh_session(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    invite = window.shell.home.invite
    assert invite.isVisible() and not window.shell.home.join.isVisible()
    click(qtbot, invite.open_button)
    type_text(qtbot, invite.name, "Sam")
    type_text(qtbot, invite.passphrase.first, PASSPHRASE_TWO)
    type_text(qtbot, invite.passphrase.again, PASSPHRASE_TWO)
    click(qtbot, invite.add_button)

    codes = finish_codes(qtbot, window)
    assert [title for title, _ in codes] == ["Sam, this is your recovery code"]
    assert window.current_page is window.shell
    assert window.shell.present_label.text() == "Alex and Sam are here together"
    assert not invite.isVisible() and not window.shell.settings.invite.isVisible()
    window.close()
    fresh = WorkbookService(app_paths.data_dir)
    assert fresh.unlock(PASSPHRASE_TWO).name == "Sam"
    fresh.lock()
    assert fresh.recover(codes[0][1], NEW_PASSPHRASE)[0].name == "Sam"


def test_invite_refuses_the_first_partners_passphrase(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    invite = window.shell.home.invite
    click(qtbot, invite.open_button)
    type_text(qtbot, invite.name, "Sam")
    type_text(qtbot, invite.passphrase.first, PASSPHRASE_ONE)
    type_text(qtbot, invite.passphrase.again, PASSPHRASE_ONE)
    click(qtbot, invite.add_button)
    assert window.current_page is window.shell
    assert "different passphrase" in invite.message.text()
    assert len(window.service.partners()) == 1


def test_rich_text_in_a_name_is_shown_literally(qtbot, vault_one, app_paths):
    name = "<b>Bo</b> & <i>"
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    invite = window.shell.home.invite
    click(qtbot, invite.open_button)
    invite.name.setText(name)
    type_text(qtbot, invite.passphrase.first, PASSPHRASE_TWO)
    type_text(qtbot, invite.passphrase.again, PASSPHRASE_TWO)
    click(qtbot, invite.add_button)
    assert window.codes_page.title.text() == f"{name}, this is your recovery code"
    assert window.codes_page.title.textFormat() == Qt.TextFormat.PlainText
    finish_codes(qtbot, window)
    window.lock()
    unlock(qtbot, window, PASSPHRASE_ONE)
    home = window.shell.home
    assert home.join.text.text().startswith(f"If {name} is here with you")

    join_from_home(qtbot, window, PASSPHRASE_TWO)
    assert window.shell.present_label.text() == f"Alex and {name} are here together"
    assert home.greeting.text() == f"Welcome, Alex and {name}"
    labels = [lbl for lbl in window.findChildren(QLabel) if "<b>" in lbl.text()]
    assert len(labels) >= 3
    assert all(lbl.textFormat() == Qt.TextFormat.PlainText for lbl in labels)
    window.shell.show_section("settings")  # a page learns who is here when it is shown
    settings = window.shell.settings
    assert settings.who.names() == ["Alex", name]


def test_lock_clears_everything_and_returns_to_unlock(qtbot, vault_two, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    join_from_home(qtbot, window, PASSPHRASE_TWO)
    press(qtbot, Qt.Key.Key_8, CTRL)
    type_text(qtbot, window.shell.settings.old, "half typed")
    type_text(qtbot, window.shell.settings.new.first, "also half")

    press(qtbot, Qt.Key.Key_L, CTRL)
    assert window.current_page is window.unlock_page
    assert not window.service.is_unlocked
    assert QApplication.focusWidget() is window.unlock_page.field.edit
    texts = " ".join(visible_texts(window))
    for secret in ("Alex", "Sam", "half typed", "also half", PASSPHRASE_ONE, PASSPHRASE_TWO):
        assert secret not in texts
    assert window.windowTitle() == TITLE
    unlock(qtbot, window, PASSPHRASE_TWO)  # and it opens again, for whoever comes next
    assert window.shell.present_label.text() == "Sam is here"


def test_lock_button_and_window_close_lock_the_service(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    click(qtbot, window.shell.lock_button)
    assert window.current_page is window.unlock_page and not window.service.is_unlocked
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.close()
    assert not window.service.is_unlocked


def test_quit_shortcut_closes_and_locks(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    press(qtbot, Qt.Key.Key_Q, CTRL)
    assert not window.isVisible() and not window.service.is_unlocked


def test_change_passphrase_in_settings(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    press(qtbot, Qt.Key.Key_8, CTRL)
    settings = window.shell.settings
    type_text(qtbot, settings.old, "wrong old one")
    type_text(qtbot, settings.new.first, NEW_PASSPHRASE)
    type_text(qtbot, settings.new.again, NEW_PASSPHRASE)
    click(qtbot, settings.change_button)
    assert "not your current passphrase" in settings.passphrase_message.text() or \
        settings.passphrase_message.text() == str(WrongPassphrase())
    assert settings.old.text() == "" and settings.passphrase_message.isVisibleTo(window)

    type_text(qtbot, settings.old, PASSPHRASE_ONE)
    assert not settings.passphrase_message.isVisibleTo(window)  # typing again clears the error
    click(qtbot, settings.change_button)
    assert "has been changed" in settings.passphrase_message.text()
    assert settings.new.passphrase() == "" and settings.old.text() == ""
    window.close()
    fresh = WorkbookService(app_paths.data_dir)
    with pytest.raises(WrongPassphrase):
        fresh.unlock(PASSPHRASE_ONE)
    assert fresh.unlock(NEW_PASSPHRASE).name == "Alex"


def test_change_passphrase_for_the_chosen_partner_when_both_are_here(qtbot, vault_two,
                                                                      app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.service.unlock(PASSPHRASE_TWO)  # the service tells the window, which redraws
    window.shell.show_section("settings")
    settings = window.shell.settings
    assert settings.who.isVisible() and settings.who.names() == ["Alex", "Sam"]
    click(qtbot, settings.who.buttons[1])
    type_text(qtbot, settings.old, PASSPHRASE_TWO)
    type_text(qtbot, settings.new.first, NEW_PASSPHRASE)
    type_text(qtbot, settings.new.again, NEW_PASSPHRASE)
    qtbot.keyClick(settings.new.again.edit, Qt.Key.Key_Return)
    assert "has been changed" in settings.passphrase_message.text()
    window.close()
    assert WorkbookService(app_paths.data_dir).unlock(NEW_PASSPHRASE).name == "Sam"


def test_new_recovery_code_from_settings(qtbot, vault_one, app_paths):
    prompts = ScriptedPrompts(False, True)  # first declined, then accepted
    window = open_window(qtbot, app_paths, prompts)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.shell.show_section("settings")
    settings = window.shell.settings
    click(qtbot, settings.new_code_button)
    assert window.current_page is window.shell and prompts.shown[-1].kind == "confirm"

    click(qtbot, settings.new_code_button)
    codes = finish_codes(qtbot, window)
    assert len(codes) == 1 and codes[0][1] != vault_one.recovery_codes[0]
    assert window.current_page is window.shell and window.shell.current_key == "settings"
    window.close()
    fresh = WorkbookService(app_paths.data_dir)
    assert fresh.recover(codes[0][1], NEW_PASSPHRASE)[0].name == "Alex"
