"""Scrolling a page with the mouse wheel must not change whatever slider, list or date happens
to pass under the pointer: a check-in or an answer would change without anyone noticing.

Guarded widgets take the wheel only once they have the focus (clicked, or reached with Tab);
otherwise the wheel event goes on to the page, which scrolls. Qt passes an ignored wheel event
to the parent even when a filter stopped it, which is what makes this work."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


class _WheelGuard(QObject):
    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Wheel and not watched.hasFocus():
            event.ignore()  # so the scroll area behind gets it
            return True
        return False


_guard: _WheelGuard | None = None


def wheel_only_when_focused(widget: W) -> W:
    global _guard
    if _guard is None:
        _guard = _WheelGuard()
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel alone does not focus it
    widget.installEventFilter(_guard)
    return widget
