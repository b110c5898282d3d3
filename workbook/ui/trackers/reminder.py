"""An optional gratitude reminder, once a day, only while the app is open.

Why it is built this way:
- The words are fixed and generic ("A moment for gratitude?"). A notification can appear over
  other windows or a locked screen, in front of anyone, so it never carries anything a partner
  wrote, nor a name.
- Only the on/off choice is remembered, as UI state in settings.ini (like the window size). The
  day it last appeared is kept in memory, so the settings file keeps no record of when the app
  was used.
- It waits until the app has been open a little while (someone who has just opened it is
  already here), then comes at most once per calendar day.
- With a system tray it is a tray message, and the tray icon goes away again afterwards; without
  one it is a quiet banner inside the window, with "Not now".
- The clock and the tray are passed in by the composition root (`create_main_window`), so tests
  move a clock by hand and read a tray of their own instead of waiting or touching the desktop.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QStyle, QSystemTrayIcon

from workbook.ui.common.clock import SYSTEM_CLOCK, Clock
from workbook.ui.common.widgets import plain_button, plain_label

SETTING = "reminders/gratitude_daily"
TITLE = "A gentle reminder"
TEXT = "A moment for gratitude?"
CHECK_EVERY_MS = 5 * 60 * 1000
SETTLE = dt.timedelta(minutes=15)  # no reminder in the first minutes after opening the app
TRAY_SECONDS = 15


class ReminderBanner(QFrame):
    """The in-app reminder when there is no system tray: calm, dismissable, no user text."""

    open_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "header")
        self.setAccessibleName("Reminder")
        self.text = plain_label(TEXT)
        self.open_button = plain_button("Open gratitude", "Open the gratitude page")
        self.dismiss_button = plain_button("Not now", "Dismiss the reminder")
        self.open_button.clicked.connect(self._open)
        self.dismiss_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 6, 16, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.dismiss_button)
        self.hide()

    def _open(self) -> None:
        self.hide()
        self.open_requested.emit()


class Tray(Protocol):
    def available(self) -> bool: ...

    def show_message(self, title: str, text: str, clicked: Callable[[], None]) -> None: ...


class SystemTray(QObject):
    """The desktop's tray, used for a moment: the icon comes with a message, then goes again."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.icon: QSystemTrayIcon | None = None
        self._clicked: Callable[[], None] = lambda: None

    def available(self) -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show_message(self, title: str, text: str, clicked: Callable[[], None]) -> None:
        self._clicked = clicked
        if self.icon is None:
            self.icon = QSystemTrayIcon(_icon(), self)
            self.icon.messageClicked.connect(lambda: self._clicked())
        self.icon.show()
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.NoIcon, TRAY_SECONDS * 1000)
        QTimer.singleShot(TRAY_SECONDS * 1000, self.icon.hide)  # no icon left behind


class DailyReminder(QObject):
    shown = Signal(str)  # "tray" or "banner"

    def __init__(self, banner: ReminderBanner, clock: Clock = SYSTEM_CLOCK,
                 tray: Tray | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.banner = banner
        self._clock = clock
        self._tray = tray if tray is not None else SystemTray(self)
        self._settings: QSettings | None = None
        self._started = clock.now()
        self._last_day: dt.date | None = None
        self.enabled = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def use_settings(self, settings: QSettings) -> None:
        self._settings = settings
        self._apply(bool(settings.value(SETTING, False, type=bool)))

    def set_enabled(self, on: bool) -> None:
        if self._settings is not None:
            self._settings.setValue(SETTING, on)
        self._apply(on)

    def _apply(self, on: bool) -> None:
        self.enabled = on
        if on:
            self.timer.start()
        else:
            self.timer.stop()
            self.banner.hide()

    def check(self) -> None:
        """Called by the timer: remind if it is on, the app has settled, and not yet today."""
        now = self._clock.now()
        if not self.enabled or now - self._started < SETTLE or self._last_day == now.date():
            return
        self._last_day = now.date()
        if self._tray.available():
            self._tray.show_message(TITLE, TEXT, self.banner.open_requested.emit)
            self.shown.emit("tray")
        else:
            self.banner.show()
            self.shown.emit("banner")


def _icon():
    icon = QApplication.windowIcon()
    if icon.isNull():
        icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
    return icon
