"""Editors for answers made of rows: reframes (a thought, then a kinder way to see it) and ranked
lists (given items put in order, or your own written in order)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from workbook.content.model import Field
from workbook.field_kinds import Reframe
from workbook.ui.chapters.editor_base import FieldEditor, plain_text_edit
from workbook.ui.common.focus_order import set_tab_order
from workbook.ui.common.widgets import discard_widget, link_button, plain_button, plain_label


class ReframeEditor(FieldEditor):
    """Two columns, any number of rows: a thought, then a kinder way to see it."""

    def __init__(self, field: Field):
        super().__init__(field)
        self.grid = QGridLayout()
        self.grid.addWidget(plain_label(field.left_label, role="lead"), 0, 0)
        self.grid.addWidget(plain_label(field.right_label, role="lead"), 0, 2)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(2, 1)
        self.rows: list[tuple[QPlainTextEdit, QPlainTextEdit, QWidget]] = []
        self._arrows: dict[int, QWidget] = {}
        self.add_button = plain_button("Add a row")
        self.add_button.clicked.connect(self._add_clicked)
        self.layout_.addLayout(self.grid)
        self.layout_.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._show(())

    def _add_clicked(self) -> None:
        row = self.add_row()
        for widget in row:  # shown now, not from the event loop: hidden widgets take no focus
            widget.show()
        row[0].setFocus()

    def add_row(self, row: Reframe = Reframe()) -> tuple[QPlainTextEdit, QPlainTextEdit, QWidget]:
        number = len(self.rows) + 1
        left = plain_text_edit(f"{self.field.left_label}, row {number}", 64)
        right = plain_text_edit(f"{self.field.right_label}, row {number}", 64)
        left.setPlainText(row.thought)
        right.setPlainText(row.kinder)
        remove = link_button("Remove", f"Remove row {number}")
        arrow = plain_label("→", role="muted")
        for edit in (left, right):
            edit.textChanged.connect(self._emit)
        remove.clicked.connect(lambda: self._remove(left))
        grid_row = number
        self.grid.addWidget(left, grid_row, 0)
        self.grid.addWidget(arrow, grid_row, 1)
        self.grid.addWidget(right, grid_row, 2)
        self.grid.addWidget(remove, grid_row, 3)
        self.rows.append((left, right, remove))
        self._arrows[id(left)] = arrow
        # Tab reads each row left to right, then "Add a row" (which was made before any row).
        set_tab_order([w for row in self.rows for w in row] + [self.add_button])
        self._emit()
        return self.rows[-1]

    def _remove(self, left: QPlainTextEdit) -> None:
        values = [Reframe(a.toPlainText(), b.toPlainText())
                  for a, b, _ in self.rows if a is not left]
        self._rebuild(values)
        self._emit()

    def _rebuild(self, rows) -> None:
        for left, right, remove in self.rows:
            for widget in (left, right, remove, self._arrows.pop(id(left))):
                self.grid.removeWidget(widget)
                discard_widget(widget)
        self.rows = []
        for row in rows or (Reframe(),):  # always one empty row to start typing in
            self.add_row(row)

    def _show(self, value: tuple[Reframe, ...]) -> None:
        self._rebuild(value)

    def value(self) -> tuple[Reframe, ...]:
        rows = tuple(Reframe(a.toPlainText(), b.toPlainText()) for a, b, _ in self.rows)
        return tuple(r for r in rows if r.thought or r.kinder)


def ranked_status(field: Field, count: int) -> str:
    """What the list allows and how far it is filled, said next to it in words."""
    if field.items:
        return ("Drag an item, or choose it and use Move up and Move down, to put them in "
                "order.")
    cap = field.max_items
    added = f"{count} added" if count else "none added yet"
    if cap is None:
        return f"Add as many as you like; {added}."
    full = " (the list is full)" if count >= cap else ""
    return f"Up to {cap} {'item' if cap == 1 else 'items'}; {added}{full}."


class RankedListEditor(FieldEditor):
    """Given items are put in order; otherwise people write their own (up to max_items). A line
    next to the list says how many may be added; Move and Remove are on only when they can act
    on the chosen item."""

    def __init__(self, field: Field):
        super().__init__(field)
        self.free = not field.items
        self.list = QListWidget()
        self.list.setAccessibleName(field.prompt)
        self.list.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.list.setMinimumHeight(120)
        self.list.model().rowsMoved.connect(self._emit)
        self.list.itemChanged.connect(self._emit)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.status = plain_label(role="muted")
        self.up = plain_button("Move up")
        self.down = plain_button("Move down")
        self.add = plain_button("Add")
        self.remove = plain_button("Remove")
        self.up.clicked.connect(lambda: self.move_item(-1))
        self.down.clicked.connect(lambda: self.move_item(1))
        self.add.clicked.connect(self.add_item)
        self.remove.clicked.connect(self.remove_item)
        buttons = QHBoxLayout()
        for button in (self.up, self.down, self.add, self.remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.layout_.addWidget(self.list)
        self.layout_.addWidget(self.status)
        self.layout_.addLayout(buttons)
        self.add.setVisible(self.free)  # after parenting, or each would open as a window
        self.remove.setVisible(self.free)
        self._touched = False
        self._show(())

    def _item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        flags = item.flags() | Qt.ItemFlag.ItemIsDragEnabled
        if self.free:
            flags |= Qt.ItemFlag.ItemIsEditable
        item.setFlags(flags & ~Qt.ItemFlag.ItemIsDropEnabled)
        return item

    def _emit(self, *_args) -> None:
        self._touched = True
        self._update_buttons()
        super()._emit()

    def chosen_row(self) -> int:
        """The selected item's row, or -1 when nothing is chosen (or the list is empty)."""
        rows = [index.row() for index in self.list.selectedIndexes()]
        return rows[0] if rows else -1

    def _update_buttons(self) -> None:
        count, row, cap = self.list.count(), self.chosen_row(), self.field.max_items
        self.add.setEnabled(cap is None or count < cap)
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < count - 1)
        self.remove.setEnabled(row >= 0)
        self.status.setText(ranked_status(self.field, count))

    def move_item(self, step: int) -> None:  # QWidget.move places the widget
        row = self.chosen_row()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._emit()

    def add_item(self) -> None:
        item = self._item("")
        self.list.addItem(item)
        self.list.setCurrentItem(item)
        self.list.editItem(item)
        self._emit()

    def remove_item(self) -> None:
        row = self.chosen_row()
        if row >= 0:
            self.list.takeItem(row)
            self._emit()

    def _show(self, value: tuple[str, ...]) -> None:
        self.list.clear()
        for text in value or (() if self.free else self.field.items):
            self.list.addItem(self._item(text))
        self._touched = bool(value)
        self._update_buttons()

    def value(self) -> tuple[str, ...]:
        texts = tuple(self.list.item(i).text() for i in range(self.list.count()))
        if self.free:
            return tuple(t for t in texts if t.strip())
        return texts if self._touched else ()  # the given order is not an answer yet
