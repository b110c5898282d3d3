"""Issue 17, item 9: discreet mode for a shared computer. Off by default; when on, the window,
the taskbar name and the side panel say a plain title, the icon is plain, suggested backup names
are plain, the choice survives a restart (as a number, not text), and the card says honestly
what it does not hide."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from support.vaults import PASSPHRASE_ONE
from support.window import click, open_window, unlock

from workbook import APP_NAME
from workbook.ui.common.prompts import ScriptedPrompts
from workbook.ui.settings.discreet_card import DiscreetCard


@pytest.fixture(autouse=True)
def app_name_back():
    yield
    QApplication.setApplicationDisplayName(APP_NAME)


def side_panel_name(window) -> str:
    [label] = [lb for lb in window.findChildren(QLabel)
               if lb.property("role") == "appname" and lb.isVisibleTo(window)]
    return label.text()


def test_discreet_mode_changes_the_title_and_the_backup_name(qtbot, vault_one, app_paths,
                                                             tmp_path):
    prompts = ScriptedPrompts(None, None)
    window = open_window(qtbot, app_paths, prompts)
    assert window.windowTitle() == APP_NAME
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.shell.show_section("settings")
    card = window.findChild(DiscreetCard)
    assert card.isVisibleTo(window) and not card.enabled.isChecked()
    assert "not from someone who looks closer" in card.text.text()
    assert side_panel_name(window) == APP_NAME

    click(qtbot, card.enabled)
    assert window.windowTitle() == "Notes" == QApplication.applicationDisplayName()
    assert side_panel_name(window) == "Notes"
    assert APP_NAME not in window.accessibleName()
    click(qtbot, window.shell.settings.backup.save_button)  # answered with None: cancelled
    suggested = prompts.shown[-1].text
    assert suggested.endswith(f"notes-backup-{dt.date.today().isoformat()}.zip")
    assert "couples" not in suggested.rsplit("/", 1)[-1]

    card.title_choice.setCurrentIndex(card.title_choice.findText("Journal"))
    assert window.windowTitle() == "Journal"
    window.close()
    settings_text = app_paths.settings_file.read_text()
    assert "Journal" not in settings_text and "discreet_title=2" in settings_text

    prompts = ScriptedPrompts(None)
    again = open_window(qtbot, app_paths, prompts)  # the next start, before anyone unlocks
    assert again.windowTitle() == "Journal" and again.current_page is again.unlock_page
    unlock(qtbot, again, PASSPHRASE_ONE)
    again.shell.show_section("settings")
    card = again.findChild(DiscreetCard)
    assert card.enabled.isChecked() and card.title_choice.currentText() == "Journal"
    click(qtbot, card.enabled)
    assert again.windowTitle() == APP_NAME and side_panel_name(again) == APP_NAME
    click(qtbot, again.shell.settings.backup.save_button)
    assert "couples-workbook-backup-" in prompts.shown[-1].text
