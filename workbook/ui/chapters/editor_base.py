"""The base of every answer editor: `value()`, `set_value(value)` (which does not emit) and a
`changed` signal. Values are the decoded ones of `workbook/field_kinds.py`, so an editor never sees
the stored encoding; the service encodes what an editor hands over. User text is only ever plain
text."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from workbook.content.model import Field

MAX_TEXT = 1_000_000  # QLineEdit's default cap (32 767) would silently cut long answers


class FieldEditor(QWidget):
    changed = Signal()

    def __init__(self, field: Field):
        super().__init__()
        self.field = field
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self._loading = False

    def _emit(self, *_args) -> None:
        if not self._loading:
            self.changed.emit()

    def set_value(self, value) -> None:
        self._loading = True
        try:
            self._show(value)
        finally:
            self._loading = False

    def _show(self, value) -> None:
        raise NotImplementedError

    def value(self):
        raise NotImplementedError


def plain_text_edit(accessible: str, height: int = 120) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(accessible)
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field; undo is built in
    edit.setMinimumHeight(height)
    return edit


