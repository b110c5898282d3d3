"""Privacy on a shared computer: when to lock by itself, and what locking must scrub.

- `PrivacyOptions`: the person's choices (idle minutes, lock on minimise), kept in the app's
  QSettings. They are UI state only: numbers and booleans, never names, titles or paths.
- `IdleLock`: any key, mouse, wheel or touch event anywhere in the app restarts a countdown;
  when it runs out the window locks.
- `ScreenLockWatcher`: on Linux desktops that announce it over D-Bus (freedesktop, GNOME and
  KDE screen savers), locking the screen locks the workbook too. Other platforms report nothing
  we can rely on (Qt's "application inactive" also fires on every switch to another window), so
  there the idle timer is the safety net; docs/security.md says so.
- `scrub_text_history`: widgets' own undo stacks outlive `clear()` (QLineEdit.clear() is itself
  an undoable edit), so after every lock they are emptied.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from workbook.ui.common.clock import SYSTEM_CLOCK, Clock

log = logging.getLogger(__name__)

IDLE_KEY, MINIMISE_KEY = "privacy/idle_minutes", "privacy/lock_on_minimise"
DEFAULT_IDLE_MINUTES = 5
IDLE_CHOICES = (1, 2, 5, 10, 15, 30, 0)  # 0 = never
QUICK_HIDE_KEYS = "Ctrl+Shift+H"
_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.InputMethod,
})


class PrivacyOptions(QObject):
    """The privacy choices, read from and written to `settings` at once."""

    changed = Signal()

    def __init__(self, settings: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings

    @property
    def idle_minutes(self) -> int:
        try:
            value = int(str(self._settings.value(IDLE_KEY, DEFAULT_IDLE_MINUTES)))
        except (TypeError, ValueError):  # a hand-edited file must not stop the app
            return DEFAULT_IDLE_MINUTES
        return value if value in IDLE_CHOICES else DEFAULT_IDLE_MINUTES

    @idle_minutes.setter
    def idle_minutes(self, minutes: int) -> None:
        self._settings.setValue(IDLE_KEY, int(minutes))
        self._settings.sync()
        self.changed.emit()

    @property
    def lock_on_minimise(self) -> bool:
        return str(self._settings.value(MINIMISE_KEY, "false")).lower() == "true"

    @lock_on_minimise.setter
    def lock_on_minimise(self, on: bool) -> None:
        self._settings.setValue(MINIMISE_KEY, "true" if on else "false")
        self._settings.sync()
        self.changed.emit()


class IdleLock(QObject):
    """Emits `idle` after `minutes` without user input while `armed`.

    The app-wide filter only notes the time of the latest input (no Qt call per event: every
    event passes through here); a slow check timer compares it with the interval. Time is read
    from `clock`, so a test can move a clock of its own and call `check()` instead of waiting."""

    idle = Signal()

    def __init__(self, app: QObject, parent: QObject | None = None, clock: Clock = SYSTEM_CLOCK):
        super().__init__(parent)
        self._clock = clock
        self._interval = 0.0  # seconds; 0 = never
        self._last_input = clock.monotonic()
        self._armed = False
        self._check = QTimer(self)
        self._check.timeout.connect(self.check)
        self._app = app

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(minutes * 60_000)

    def set_interval_ms(self, milliseconds: int) -> None:
        self._interval = max(0, milliseconds) / 1000
        self._check.setInterval(int(max(50, min(1000, milliseconds // 4))))
        self._restart()

    def arm(self, on: bool) -> None:
        """Count only while the workbook is open: a locked window has nothing to hide."""
        self._armed = on
        self._restart()

    @property
    def running(self) -> bool:
        return self._check.isActive()

    @property
    def interval_seconds(self) -> float:
        return self._interval

    def _restart(self) -> None:
        # The app-wide filter is in place only while counting: every event would otherwise
        # pass through Python, the first paint of the unlock window included.
        self._last_input = self._clock.monotonic()
        self._app.removeEventFilter(self)
        if self._armed and self._interval > 0:
            self._app.installEventFilter(self)
            self._check.start()
        else:
            self._check.stop()

    def check(self) -> None:
        """Called by the check timer: emit `idle` once the interval has passed without input."""
        if self.running and self._clock.monotonic() - self._last_input >= self._interval:
            self._check.stop()
            self.idle.emit()

    def eventFilter(self, watched, event) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last_input = self._clock.monotonic()
        return False


class ScreenLockWatcher(QObject):
    """Emits `screen_locked` when a D-Bus screen saver says it became active."""

    screen_locked = Signal()
    SERVICES = (("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
                ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
                ("org.kde.screensaver", "/ScreenSaver"))

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.listening = self._listen()

    def _listen(self) -> bool:
        try:
            from PySide6.QtCore import SLOT
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a build of Qt without D-Bus (Windows, macOS)
            return False
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return False
        ok = False
        for interface, path in self.SERVICES:
            ok |= bus.connect("", path, interface, "ActiveChanged", self,  # type: ignore[call-overload]  # the stubs want bytes; PySide6 takes SLOT()'s str
                              SLOT("on_active_changed(bool)"))
        log.info("screen lock watcher %s", "listening" if ok else "unavailable")
        return ok

    @Slot(bool)
    def on_active_changed(self, active: bool) -> None:
        if active:
            self.screen_locked.emit()


def scrub_text_history(root: QWidget) -> None:
    """Empty every text widget's undo/redo history under `root`, keeping what it shows (the
    pages have already cleared anything the user wrote; labels of the app's own stay)."""
    for edit in root.findChildren(QLineEdit):
        if edit.isUndoAvailable() or edit.isRedoAvailable():
            text = edit.text()
            edit.setText(text)  # setText, unlike clear(), resets the line edit's history
    areas: list[QPlainTextEdit | QTextEdit] = [*root.findChildren(QPlainTextEdit),
                                               *root.findChildren(QTextEdit)]
    for area in areas:
        area.document().clearUndoRedoStacks()
