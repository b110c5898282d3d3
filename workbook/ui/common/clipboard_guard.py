"""Copies leave the app marked sensitive and do not linger.

Everything on screen in an unlocked workbook is someone's private words, so every copy made
while the app is in front is treated as sensitive (a superset of "copies from answer fields"):
- the clipboard's content is re-published with the platform's "do not record this" hints, which
  clipboard managers and history features honour: KDE Klipper's `x-kde-passwordManagerHint`,
  Windows' `ExcludeClipboardContentFromMonitorProcessing` (plus opting out of clipboard history
  and cloud sync), macOS' `org.nspasteboard.ConcealedType` (nspasteboard.org convention);
- after 45 seconds, and when the workbook locks, the clipboard is cleared, but only if it still
  holds our copy (a private marker with a random token tells), so something the person copied
  from another program is never wiped; X11's PRIMARY selection is let go of too, if ours.
Limit: a clipboard manager that ignores the hints may already have recorded the text.
"""

from __future__ import annotations

import secrets
import sys

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 45_000
MARKER = "application/x-couples-workbook-copy"
_WIN = 'application/x-qt-windows-mime;value="{}"'


def sensitive_formats(platform: str = sys.platform) -> dict[str, bytes]:
    if platform.startswith("win"):
        return {_WIN.format("ExcludeClipboardContentFromMonitorProcessing"): b"\x01\x00\x00\x00",
                _WIN.format("CanIncludeInClipboardHistory"): b"\x00\x00\x00\x00",
                _WIN.format("CanUploadToCloudClipboard"): b"\x00\x00\x00\x00"}
    if platform == "darwin":
        return {"org.nspasteboard.ConcealedType": b""}
    return {"x-kde-passwordManagerHint": b"secret"}


class ClipboardGuard(QObject):
    def __init__(self, parent: QObject | None = None, clear_after_ms: int = CLEAR_AFTER_MS):
        super().__init__(parent)
        self.clipboard: QClipboard = QGuiApplication.clipboard()
        self.token: bytes | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(clear_after_ms)
        self.timer.timeout.connect(self.clear_if_ours)
        self.clipboard.dataChanged.connect(self._changed)

    def _changed(self) -> None:
        data = self.clipboard.mimeData(QClipboard.Mode.Clipboard)
        if data is None or data.hasFormat(MARKER):
            return  # already marked: by this guard, or by another window's in this process
        if not self._copied_here():
            self.token = None  # someone else's copy: not ours to clear
            self.timer.stop()
            return
        self._republish(data)

    @staticmethod
    def _copied_here() -> bool:
        app = QGuiApplication.instance()
        return QGuiApplication.clipboard().ownsClipboard() or (
            app is not None and QGuiApplication.focusWindow() is not None)

    def _republish(self, data: QMimeData) -> None:
        marked = QMimeData()
        for fmt in data.formats():
            marked.setData(fmt, data.data(fmt))
        for fmt, value in sensitive_formats().items():
            marked.setData(fmt, value)
        self.token = secrets.token_hex(16).encode("ascii")
        marked.setData(MARKER, self.token)
        self.clipboard.setMimeData(marked, QClipboard.Mode.Clipboard)
        self.timer.start()

    def _is_ours(self, data: QMimeData) -> bool:
        return self.token is not None and data.hasFormat(MARKER) and \
            bytes(data.data(MARKER).data()) == self.token

    def clear_if_ours(self) -> None:
        """On the timer and on lock: clear only what we put there."""
        data = self.clipboard.mimeData(QClipboard.Mode.Clipboard)
        if data is not None and self._is_ours(data):
            self.clipboard.clear(QClipboard.Mode.Clipboard)
        self.token = None
        self.timer.stop()
        self.clear_selection()

    def clear_selection(self) -> None:
        """X11's PRIMARY selection holds whatever was last selected here, and a middle click
        anywhere pastes it: let go of it, if it is still ours, when the workbook locks."""
        if self.clipboard.supportsSelection() and self.clipboard.ownsSelection():
            self.clipboard.clear(QClipboard.Mode.Selection)
