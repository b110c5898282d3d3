"""Discreet mode, for a shared computer (Settings → Privacy, off by default): the window and the
taskbar say "Notes" (or another plain title from a short list) with a plain icon, and files the
app suggests saving get plain names. It hides the app's name from a glance, not from someone who
looks closer: the installed shortcut, the program list and the app's folders still name it.

The choice is a number in the per-computer settings (an index into NEUTRAL_TITLES), never text
someone typed. The suggested file names follow QGuiApplication.applicationDisplayName, which this
mode sets along with the window title, so dialogs and file names need no plumbing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QGuiApplication

from workbook import APP_ID, APP_NAME

DISCREET_KEY = "privacy/discreet_title"  # -1 (off) or an index into NEUTRAL_TITLES
NEUTRAL_TITLES = ("Notes", "Documents", "Journal", "Reading list")


def file_stem() -> str:
    """The start of a suggested file name: the app's own, or the plain title in discreet mode."""
    shown = QGuiApplication.applicationDisplayName()
    if shown in NEUTRAL_TITLES:
        return shown.lower().replace(" ", "-")
    return APP_ID


class DiscreetMode(QObject):
    changed = Signal()

    def __init__(self, settings: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings
        self._neutral_icon_shown = False

    @property
    def title_index(self) -> int:
        try:
            index = int(str(self._settings.value(DISCREET_KEY, -1)))
        except (TypeError, ValueError):
            return -1
        return index if 0 <= index < len(NEUTRAL_TITLES) else -1

    @title_index.setter
    def title_index(self, index: int) -> None:
        self._settings.setValue(DISCREET_KEY, int(index))
        self.changed.emit()

    @property
    def on(self) -> bool:
        return self.title_index >= 0

    def title(self) -> str:
        return NEUTRAL_TITLES[self.title_index] if self.on else APP_NAME

    def apply(self, window) -> None:
        """Title, taskbar name and icon of `window` and the app; the side panel's name."""
        from PySide6.QtWidgets import QApplication, QLabel
        title = self.title()
        QApplication.setApplicationDisplayName(title)  # Linux adds it to every dialog's title
        window.setWindowTitle(title)
        window.setAccessibleName(title)
        for label in window.findChildren(QLabel):
            if label.property("role") == "appname":
                label.setText(title)
        if self.on or self._neutral_icon_shown:  # the app's own icon is already in place
            from workbook.ui.app import app_icon
            icon = neutral_icon() if self.on else app_icon()
            QApplication.setWindowIcon(icon)
            window.setWindowIcon(icon)
            self._neutral_icon_shown = self.on


def neutral_icon():
    """A plain page with a few lines: what any notes program might show."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
    icon = QIcon()
    for size in (16, 32, 64, 128):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        unit = size / 16
        painter.setPen(QPen(QColor("#6b7280"), max(1.0, unit)))
        painter.setBrush(QColor("#f4f4f5"))
        painter.drawRoundedRect(QRectF(2.5 * unit, 1.5 * unit, 11 * unit, 13 * unit), unit, unit)
        for line in range(4):
            y = (4.5 + 2.5 * line) * unit
            painter.drawLine(QRectF(5 * unit, y, 6 * unit, 0).topLeft(),
                             QRectF(5 * unit, y, 6 * unit, 0).topRight())
        painter.end()
        icon.addPixmap(pixmap)
    return icon
