"""Keyboard focus that follows what a person reads.

Qt's Tab order is the order widgets were created, so a row added later (a "Continue" card on
Home, a new reframe row) would be reached after things printed below it. These helpers set the
order explicitly, and make the first Tab into a list land on an item, visibly."""

from __future__ import annotations

from itertools import pairwise
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QScrollArea, QWidget

V = TypeVar("V", bound=QAbstractItemView)
W = TypeVar("W", bound=QWidget)


def focus_chain(container: QWidget) -> list[QWidget]:
    """The widgets inside `container` that Tab stops on, in their current chain order.

    The chain runs through the whole window (every page of the open workbook), so the walk
    stops once it has met every such widget: counting them first is far cheaper."""
    def stops_tab(widget: QWidget) -> bool:
        return (container.isAncestorOf(widget)  # same window: a child dialog is not in the chain
                and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
                and widget.focusProxy() is None)

    remaining = sum(1 for widget in container.findChildren(QWidget) if stops_tab(widget))
    found: list[QWidget] = []
    widget = container.nextInFocusChain()
    while remaining and widget is not None and widget is not container and widget not in found:
        if stops_tab(widget):
            found.append(widget)
            remaining -= 1
        widget = widget.nextInFocusChain()
    return found


def set_tab_order(widgets: list[QWidget]) -> None:
    for before, after in pairwise(widgets):
        QWidget.setTabOrder(before, after)


def tab_in_reading_order(*sections: QWidget) -> None:
    """Tab visits `sections` (given top to bottom) one after the other."""
    set_tab_order([w for section in sections for w in focus_chain(section)])


class _FirstItemOnFocus(QObject):
    def eventFilter(self, view: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(view, QAbstractItemView):
            model = view.model()
            if model is not None and not view.currentIndex().isValid() and model.rowCount():
                view.setCurrentIndex(model.index(0, 0))
        return False


def highlight_first_on_focus(view: V) -> V:
    """The first Tab into a list with nothing chosen chooses its first item, so focus shows."""
    view.installEventFilter(_FirstItemOnFocus(view))
    return view


class _RevealOnFocus(QObject):
    def eventFilter(self, widget: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(widget, QWidget):
            parent = widget.parentWidget()
            while parent is not None and not isinstance(parent, QScrollArea):
                parent = parent.parentWidget()
            if parent is not None:
                parent.ensureWidgetVisible(widget, 0, 16)
        return False


def reveal_on_focus(widget: W) -> W:
    """Scroll `widget` into its page's view whenever it gets focus, however it got it: Qt only
    does so for Tab inside a scroll area, not for focus given by code or coming from outside."""
    widget.installEventFilter(_RevealOnFocus(widget))
    return widget
