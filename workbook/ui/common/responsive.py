"""Layouts that fit a narrow window (800×600) without a horizontal scrollbar: a row of buttons
that wraps onto the next line, and two columns that stack when there is no room side by side."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QBoxLayout, QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Items left to right, wrapping to a new line when the width runs out (Qt's flow layout
    example, trimmed). Tab order follows the order items were added, which is reading order."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() for i in self._visible()) \
            + self.spacing() * max(len(self._visible()) - 1, 0)
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        return size

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not ((w := i.widget()) and w.isHidden())]

    def _place(self, rect: QRect, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._visible():
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            line = max(line, hint.height())
        return y + line - rect.y()


def flow_row(*widgets: QWidget) -> QWidget:
    """A row of buttons that wraps on a narrow window."""
    holder = QWidget()
    layout = FlowLayout(holder)
    for widget in widgets:
        layout.addWidget(widget)
    return holder


class StackingColumns(QWidget):
    """Two or more columns side by side when each gets at least `column_width`, stacked (in
    reading order, which is also Tab order) otherwise."""

    def __init__(self, *columns: QWidget, column_width: int = 300, spacing: int = 24):
        super().__init__()
        self._columns = columns
        self._column_width = column_width
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(spacing)
        for column in columns:
            self.box.addWidget(column, 1)

    def _wide_enough(self, width: int) -> bool:
        needed = len(self._columns) * self._column_width \
            + self.box.spacing() * (len(self._columns) - 1)
        return width >= needed

    def minimumSizeHint(self) -> QSize:
        width = max(c.minimumSizeHint().width() for c in self._columns)
        return QSize(width, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        wanted = QBoxLayout.Direction.LeftToRight if self._wide_enough(event.size().width()) \
            else QBoxLayout.Direction.TopToBottom
        if self.box.direction() != wanted:
            self.box.setDirection(wanted)
        super().resizeEvent(event)

    def stacked(self) -> bool:
        return self.box.direction() == QBoxLayout.Direction.TopToBottom


def narrow_combo(combo, characters: int = 14):
    """A drop-down as wide as its room, not as its longest item (chapter titles, suggestions),
    so it never pushes a page wider than the window; the list it opens shows items whole."""
    from PySide6.QtWidgets import QComboBox
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo
