"""Autosave: edits wait a short moment (so typing is not a write per key), then are written.

Saves run on the UI thread: a save is one small SQLite transaction, and SQLCipher connections
must stay on the thread that opened them. `flush()` writes whatever is pending at once; the
chapter page calls it when it closes a chapter, and the main window before every lock and on close.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from workbook.answers import AnswerKey, AnswerService
from workbook.content.model import Field
from workbook.errors import InvalidInput, WorkbookError

log = logging.getLogger(__name__)
DEBOUNCE_MS = 600
SAVED, SAVING, FAILED = "Saved", "Saving…", "Not saved"


class Autosaver(QObject):
    """Collects (partner, field) → value, and hands them to the service (which encodes them)
    after DEBOUNCE_MS of quiet."""

    state_changed = Signal(str)
    saved = Signal(str, object)  # partner id, AnswerKey: so share buttons can update

    def __init__(self, answers: AnswerService, parent: QObject | None = None):
        super().__init__(parent)
        self._answers = answers
        self._pending: dict[tuple[str, AnswerKey], tuple[Field, Any]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self.state = SAVED
        self.on_error: Callable[[str], None] = lambda message: None

    def queue(self, partner_id: str, key: AnswerKey, field: Field, value: Any) -> None:
        self._pending[(partner_id, key)] = (field, value)
        self._set_state(SAVING)
        self._timer.start()  # restarting the timer is the debounce

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def pending(self, partner_id: str, key: AnswerKey) -> Any | None:
        """The value waiting to be written for this field, if any."""
        waiting = self._pending.get((partner_id, key))
        return waiting[1] if waiting else None

    def flush(self) -> None:
        """Write everything pending now. A failed write stays pending and is retried next time."""
        self._timer.stop()
        if not self._pending:
            return
        failed: dict[tuple[str, AnswerKey], tuple[Field, Any]] = {}
        for (partner_id, key), (field, value) in list(self._pending.items()):
            try:
                self._answers.save_value(partner_id, key, field, value)
                self.saved.emit(partner_id, key)
            except InvalidInput as error:  # a value that does not fit: retrying cannot help
                log.warning("autosave refused a value: %s", type(error).__name__)
                self.on_error(str(error))
            except (WorkbookError, PermissionError) as error:
                log.warning("autosave failed: %s", type(error).__name__)
                failed[(partner_id, key)] = (field, value)
                self.on_error(str(error))
        self._pending = failed
        self._set_state(FAILED if failed else SAVED)

    def discard(self) -> None:
        """Forget pending edits without writing (only once the session is already closed)."""
        self._timer.stop()
        self._pending.clear()
        self._set_state(SAVED)

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)
