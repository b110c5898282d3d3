"""The clipboard guard: copies are marked sensitive, cleared after 45 s or on lock if still
ours, and never cleared when something else has been copied since."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPlainTextEdit

from workbook.ui.common.clipboard_guard import (
    CLEAR_AFTER_MS,
    MARKER,
    ClipboardGuard,
    sensitive_formats,
)

WORDS = "what I wrote about the night"


def copy_from_an_answer(qtbot) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    edit.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None)
    edit.setPlainText(WORDS)
    edit.selectAll()
    edit.copy()
    return edit


def make_guard(qtbot):
    QGuiApplication.clipboard().clear()
    return ClipboardGuard()


def test_a_copy_is_marked_sensitive_and_cleared_after_the_timer(qtbot):
    guard = make_guard(qtbot)
    copy_from_an_answer(qtbot)
    data = QGuiApplication.clipboard().mimeData()
    assert data.text() == WORDS
    assert bytes(data.data("x-kde-passwordManagerHint").data()) == b"secret"
    assert data.hasFormat(MARKER)
    assert guard.timer.isActive() and guard.timer.interval() == CLEAR_AFTER_MS
    guard.timer.timeout.emit()  # the 45 seconds, without waiting for them
    assert QGuiApplication.clipboard().text() == ""
    guard.deleteLater()


def test_something_copied_since_is_left_alone(qtbot):
    guard = make_guard(qtbot)
    copy_from_an_answer(qtbot)
    QGuiApplication.clipboard().setText("a shopping list")  # replaced since our copy
    guard.timer.timeout.emit()
    guard.clear_if_ours()
    assert QGuiApplication.clipboard().text() == "a shopping list"
    guard.deleteLater()


def test_locking_clears_our_copy(qtbot, vault_one, app_paths):
    from support.vaults import PASSPHRASE_ONE
    from support.window import open_window, unlock
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    QGuiApplication.clipboard().setText(WORDS)  # copied while the window is in front
    assert QGuiApplication.clipboard().mimeData().hasFormat(MARKER)
    window.lock()
    assert QGuiApplication.clipboard().text() == ""


def test_the_hints_for_each_platform():
    assert sensitive_formats("linux") == {"x-kde-passwordManagerHint": b"secret"}
    win = sensitive_formats("win32")
    assert any("ExcludeClipboardContentFromMonitorProcessing" in k for k in win)
    assert "org.nspasteboard.ConcealedType" in sensitive_formats("darwin")
