"""What a person actually sees in a window: the text of labels, buttons, fields and list rows
that are visible right now (`isVisibleTo(window)`), never the text of hidden widgets."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def settle() -> None:
    """Let posted layout requests run: wrapped labels take a few rounds to find their height."""
    for _ in range(4):
        QApplication.processEvents()


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.width() > 0 and widget.height() > 0


def shown_texts(window: QWidget) -> list[str]:
    """The texts visible in `window` (a window or any widget: a page, a card), in no set order.

    A widget counts when it and every parent up to `window` are shown and it has a size. Pending
    events run first, as they would before a person sees the window: layouts settle."""
    settle()
    texts: list[str] = []
    widgets = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        if not _shown(widget, window) and widget is not window:
            continue
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
            texts.append(widget.text())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            texts.append(widget.currentText())
        elif isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())
                      if not widget.item(i).isHidden()]
    return [" ".join(t.split()) for t in texts if t and t.strip()]


def shown_text(window: QWidget) -> str:
    """All visible text as one string, for `in` checks of a phrase."""
    return "\n".join(shown_texts(window))


def is_shown(widget: QWidget, window: QWidget) -> bool:
    """True when `widget` is on screen in `window` (itself and all its parents shown)."""
    settle()
    return _shown(widget, window)
