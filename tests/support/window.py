"""Opening the main window and driving it through its real widgets, as a person would: type,
click, press keys, unlock, join, fill the create form, read what the window holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QWidget,
)

from workbook.accounts import WorkbookService
from workbook.paths import AppPaths
from workbook.ui.app import create_main_window
from workbook.ui.common.clock import SYSTEM_CLOCK, Clock
from workbook.ui.common.prompts import ScriptedPrompts
from workbook.ui.common.widgets import PassphraseField
from workbook.ui.main_window import MainWindow

if TYPE_CHECKING:
    from workbook.ui.trackers.reminder import Tray

TITLE = "Couples Workbook"


def open_window(qtbot, paths: AppPaths, prompts: ScriptedPrompts | None = None,
                clock: Clock = SYSTEM_CLOCK, tray: Tray | None = None) -> MainWindow:
    """The main window as the app builds it; a test may pass its own clock and tray
    (support/clocks.py, support/trays.py) to move time by hand and read the tray."""
    window = create_main_window(WorkbookService(paths.data_dir), paths,
                                prompts or ScriptedPrompts(), clock, tray)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def type_text(qtbot, field: QWidget, text: str) -> None:
    """Type like a user would (ASCII only: keyClicks cannot type other characters)."""
    target = field.edit if isinstance(field, PassphraseField) else field
    qtbot.keyClicks(target, text)


def click(qtbot, button: QWidget) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    scroll_into_view(button)
    if isinstance(button, (QCheckBox, QRadioButton)):  # only the box and its text react
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    else:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def scroll_into_view(widget: QWidget) -> None:
    """A click is delivered where the widget is on screen: let pending layouts settle (a busy
    label changes a row's width), and scroll a long page so the widget is inside the viewport
    (focus moving past a disabled button scrolls the page)."""
    QApplication.processEvents()
    QApplication.processEvents()  # a scroll bar that appears lays a long page out once more
    for _ in range(5):  # a long page just shown may need a second layout pass (label heights)
        if widget.height() > 0:
            break
        QApplication.processEvents()
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget)


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press wherever the keyboard focus is, as a keyboard-only user would."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has keyboard focus"
    qtbot.keyClick(target, key, modifier)


def unlock(qtbot, window: MainWindow, passphrase: str) -> None:
    assert window.current_page is window.unlock_page
    type_text(qtbot, window.unlock_page.field, passphrase)
    qtbot.keyClick(window.unlock_page.field.edit, Qt.Key.Key_Return)
    assert window.current_page is window.shell, window.unlock_page.message.text()


def join_from_home(qtbot, window: MainWindow, passphrase: str) -> None:
    """The second partner joins from Home's "Sitting together?" card, by keyboard."""
    home = window.shell.home
    click(qtbot, home.join.open_button)
    type_text(qtbot, home.join.field, passphrase)
    qtbot.keyClick(home.join.field.edit, Qt.Key.Key_Return)


def finish_codes(qtbot, window: MainWindow) -> list[tuple[str, str]]:
    """Read each recovery code shown, tick the box and continue; returns (title, code) pairs."""
    page, seen = window.codes_page, []
    while window.current_page is page:
        seen.append((page.title.text(), page.current_code))
        assert not page.continue_button.isEnabled()
        click(qtbot, page.written)
        click(qtbot, page.continue_button)
    return seen


def visible_texts(window: QWidget) -> list[str]:
    """Every text a label, field or list on this window holds right now."""
    texts = [label.text() for label in window.findChildren(QLabel)]
    texts += [edit.text() for edit in window.findChildren(QLineEdit)]
    for combo in window.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    return [t for t in texts if t]


def type_date(qtbot, field, text: str) -> None:
    """Type into a DateField like a person: focus it, replace its text, Tab out."""
    scroll_into_view(field)
    field.edit.setFocus()
    qtbot.waitUntil(field.edit.hasFocus)
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)


def fill_partner(qtbot, form, name: str, passphrase: str, again: str | None = None) -> None:
    type_text(qtbot, form.name, name)
    type_text(qtbot, form.passphrase.first, passphrase)
    type_text(qtbot, form.passphrase.again, passphrase if again is None else again)
