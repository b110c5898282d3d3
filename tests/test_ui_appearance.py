"""Issue 17, item 8: Settings → Appearance chooses light or dark (or the computer's choice), is
applied at once, and is remembered for the next start, before anyone unlocks."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from support.vaults import PASSPHRASE_ONE
from support.window import click, open_window, unlock

from workbook.ui.common import theme
from workbook.ui.settings.appearance_card import AppearanceCard


@pytest.fixture
def controller(monkeypatch):
    app = QApplication.instance()
    old = app.palette(), app.styleSheet(), app.font()
    monkeypatch.setenv(theme.THEME_ENV, "light")  # "the computer's choice", made predictable
    made = theme.apply_theme(app, calm_style=False)
    yield made
    made.setParent(None)
    made.deleteLater()
    app.setPalette(old[0])
    app.setStyleSheet(old[1])
    app.setFont(old[2])


def window_colour() -> str:
    return QApplication.instance().palette().color(QPalette.ColorRole.Window).name()


def test_appearance_is_chosen_in_settings_and_kept(qtbot, vault_one, app_paths, controller):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.shell.show_section("settings")
    card = window.findChild(AppearanceCard)
    buttons = {b.text(): b for b in card.group.buttons()}
    assert card.isVisibleTo(window) and buttons["Follow the computer"].isChecked()
    assert window_colour() == theme.LIGHT.window
    click(qtbot, buttons["Dark"])
    assert window_colour() == theme.DARK.window
    window.close()
    assert "scheme=2" in app_paths.settings_file.read_text()

    controller.set_choice("system")
    assert window_colour() == theme.LIGHT.window
    again = open_window(qtbot, app_paths)  # the next start: dark before unlocking
    assert window_colour() == theme.DARK.window and again.current_page is again.unlock_page
    unlock(qtbot, again, PASSPHRASE_ONE)
    again.shell.show_section("settings")
    card = again.findChild(AppearanceCard)
    click(qtbot, {b.text(): b for b in card.group.buttons()}["Follow the computer"])
    assert window_colour() == theme.LIGHT.window
