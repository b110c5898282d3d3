"""Issue 17, item 8: the last section and the window's size are kept per workbook folder, so a
second workbook on the same computer opens where it was left, not where the first one was; and
the settings file still holds nothing a person wrote, nor the folders' names."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QLabel
from support.vaults import NAME_ONE, PASSPHRASE_ONE
from support.window import open_window, press, unlock

from workbook.paths import AppPaths
from workbook.ui.common.workbook_state import WorkbookState

FOLDER_NAME = "Alex and Sam SENTINEL-7731"  # a folder's name can say who uses it


def headings(window) -> list[str]:
    """The headings a person sees on the current page."""
    return [label.text() for label in window.findChildren(QLabel)
            if label.property("role") == "heading" and label.isVisibleTo(window)]


def leave_on(qtbot, paths: AppPaths, keys: Qt.Key, rect: QRect) -> list[str]:
    window = open_window(qtbot, paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.shell.nav.setFocus()
    press(qtbot, keys, Qt.KeyboardModifier.ControlModifier)  # Ctrl+2 Chapters, Ctrl+4 Milestones
    seen = headings(window)
    window.setGeometry(rect)
    window.close()
    return seen


def reopen(qtbot, paths: AppPaths):
    window = open_window(qtbot, paths)
    size = (window.width(), window.height())
    unlock(qtbot, window, PASSPHRASE_ONE)
    seen = headings(window)
    window.close()
    return seen, size


def test_each_workbook_opens_where_it_was_left(qtbot, vault_one, app_paths, tmp_path):
    other = AppPaths(tmp_path / FOLDER_NAME, app_paths.config_dir, app_paths.log_dir)
    shutil.copytree(app_paths.data_dir, other.data_dir)  # same computer, same settings file

    assert leave_on(qtbot, app_paths, Qt.Key.Key_4, QRect(30, 40, 720, 520)) == ["Milestones"]
    assert leave_on(qtbot, other, Qt.Key.Key_2, QRect(60, 30, 660, 480)) == ["Chapters"]

    assert reopen(qtbot, app_paths) == (["Milestones"], (720, 520))
    assert reopen(qtbot, other) == (["Chapters"], (660, 480))
    saved = app_paths.settings_file.read_bytes()
    assert saved.count(b"page=") == 2 and saved.count(b"geometry=") == 2
    for secret in (NAME_ONE.encode(), PASSPHRASE_ONE.encode(), b"SENTINEL", b"Alex and Sam",
                   str(tmp_path).encode(), b"vault"):
        assert secret not in saved


def test_the_old_computer_wide_values_go_to_the_first_workbook_opened(app_paths, tmp_path):
    settings = QSettings(str(app_paths.settings_file), QSettings.Format.IniFormat)
    settings.setValue("window/page", "gratitude")
    first = WorkbookState(settings, tmp_path / "first")
    second = WorkbookState(settings, tmp_path / "second")
    assert first.section("home") == "gratitude" and second.section("home") == "home"
    assert not settings.contains("window/page")


def test_support_and_odd_values_are_not_remembered(app_paths, tmp_path):
    settings = QSettings(str(app_paths.settings_file), QSettings.Format.IniFormat)
    state = WorkbookState(settings, tmp_path / "one")
    state.remember_section("milestones")
    state.remember_section("support")
    assert state.section("home") == "milestones"
    settings.setValue(f"{state._group}/page", "not a key/../x")
    assert state.section("home") == "home" and state.geometry() is None
    again = WorkbookState(QSettings(str(app_paths.settings_file), QSettings.Format.IniFormat),
                          tmp_path / "one" / ".." / "one")  # the same folder, spelt otherwise
    assert again._group == state._group


def test_a_first_window_fits_a_small_screen_with_its_title_bar():
    """Found at 800×600 under openbox: a window as tall as the screen put its title bar on
    top and its bottom 20 px under the screen's edge."""
    from workbook.ui.common.workbook_state import FRAME_ALLOWANCE, first_size
    width, height = first_size((1000, 680), QRect(0, 0, 800, 600))
    assert width + FRAME_ALLOWANCE[0] <= 800 and height + FRAME_ALLOWANCE[1] <= 600
    assert height >= 460  # still above the window's minimum size
    assert first_size((1000, 680), QRect(0, 0, 1920, 1080)) == (1000, 680)
