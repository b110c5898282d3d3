"""One editor widget per field kind. Every editor has `value()`, `set_value(value)` (which does not
emit) and a `changed` signal; values are the decoded ones from `workbook.answer_values`, so the
editors never see the stored encoding. User text is only ever plain text."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from workbook.answer_values import ChecklistValue, Reframe
from workbook.content.model import Field, FieldKind
from workbook.ui.common.date_field import DateField
from workbook.ui.common.focus_order import set_tab_order
from workbook.ui.common.wheel_guard import wheel_only_when_focused
from workbook.ui.common.widgets import discard_widget, link_button, plain_button, plain_label

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


class LongTextEditor(FieldEditor):
    def __init__(self, field: Field):
        super().__init__(field)
        self.edit = plain_text_edit(field.prompt)
        self.edit.textChanged.connect(self._emit)
        self.layout_.addWidget(self.edit)

    def _show(self, value: str) -> None:
        self.edit.setPlainText(value)

    def value(self) -> str:
        return self.edit.toPlainText()


class ShortTextEditor(FieldEditor):
    def __init__(self, field: Field):
        super().__init__(field)
        self.edit = QLineEdit()
        self.edit.setMaxLength(MAX_TEXT)
        self.edit.setAccessibleName(field.prompt)
        self.edit.textChanged.connect(self._emit)
        self.layout_.addWidget(self.edit)

    def _show(self, value: str) -> None:
        self.edit.setText(value)

    def value(self) -> str:
        return self.edit.text()


class ChecklistEditor(FieldEditor):
    def __init__(self, field: Field):
        super().__init__(field)
        self.boxes = [QCheckBox(option) for option in field.options]
        for box in self.boxes:
            box.toggled.connect(self._emit)
            self.layout_.addWidget(box)
        self.other = QLineEdit()
        self.other.setMaxLength(MAX_TEXT)
        self.other.setPlaceholderText("Other (write your own)")
        self.other.setAccessibleName("Other")
        self.other.textChanged.connect(self._emit)
        self.layout_.addWidget(self.other)
        # Only once it has a parent: showing a parentless widget opens a window of its own.
        self.other.setVisible(field.allow_other)

    def _show(self, value: ChecklistValue) -> None:
        for box in self.boxes:
            box.setChecked(box.text() in value.checked)
        self.other.setText(value.other)

    def value(self) -> ChecklistValue:
        checked = tuple(box.text() for box in self.boxes if box.isChecked())
        return ChecklistValue(checked, self.other.text() if self.field.allow_other else "")


class SingleChoiceEditor(FieldEditor):
    def __init__(self, field: Field):
        super().__init__(field)
        self.group = QButtonGroup(self)
        self.buttons = [QRadioButton(option) for option in field.options]
        for number, button in enumerate(self.buttons):
            self.group.addButton(button, number)
            self.layout_.addWidget(button)
        self.group.buttonToggled.connect(self._emit)
        self.clear_button = link_button("Clear my choice")
        self.clear_button.clicked.connect(self._clear)
        self.layout_.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _clear(self) -> None:
        self._uncheck()
        self._emit()

    def _uncheck(self) -> None:
        self.group.setExclusive(False)  # an exclusive group refuses to have nothing checked
        for button in self.buttons:
            button.setChecked(False)
        self.group.setExclusive(True)

    def _show(self, value: str | None) -> None:
        self._uncheck()
        for button in self.buttons:
            button.setChecked(button.text() == value)

    def value(self) -> str | None:
        checked = self.group.checkedButton()
        return checked.text() if checked else None


class ScaleEditor(FieldEditor):
    def __init__(self, field: Field):
        super().__init__(field)
        self.slider = wheel_only_when_focused(QSlider(Qt.Orientation.Horizontal))
        self.slider.setRange(field.min, field.max)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setAccessibleName(field.prompt)
        self.slider.setAccessibleDescription(f"{field.min}: {field.low_label}; "
                                             f"{field.max}: {field.high_label}")
        self.chosen = plain_label(role="lead")
        self.clear_button = link_button("Clear")
        self._set = False
        ends = QHBoxLayout()
        ends.addWidget(plain_label(f"{field.min} · {field.low_label}", role="muted"))
        ends.addStretch(1)
        high = plain_label(f"{field.high_label} · {field.max}", role="muted")
        high.setAlignment(Qt.AlignmentFlag.AlignRight)
        ends.addWidget(high)
        row = QHBoxLayout()
        row.addWidget(self.chosen, 1)
        row.addWidget(self.clear_button)
        self.layout_.addWidget(self.slider)
        self.layout_.addLayout(ends)
        self.layout_.addLayout(row)
        self.slider.valueChanged.connect(self._moved)
        self.slider.sliderPressed.connect(lambda: self._moved(self.slider.value()))
        self.clear_button.clicked.connect(self._clear)
        self._show(None)

    def _moved(self, _value: int) -> None:
        self._set = True
        self._label()
        self._emit()

    def _clear(self) -> None:
        self.set_value(None)
        self._emit()

    def _label(self) -> None:
        self.chosen.setText(f"{self.slider.value()} of {self.field.max}" if self._set
                            else "Not chosen yet: move the slider to answer")
        self.clear_button.setVisible(self._set)

    def _show(self, value: int | None) -> None:
        self.slider.setValue(self.field.min if value is None else value)
        self._set = value is not None
        self._label()

    def value(self) -> int | None:
        return self.slider.value() if self._set else None


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


class RankedListEditor(FieldEditor):
    """Given items are put in order; otherwise people write their own (up to max_items)."""

    def __init__(self, field: Field):
        super().__init__(field)
        self.free = not field.items
        self.list = QListWidget()
        self.list.setAccessibleName(field.prompt)
        self.list.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.list.setMinimumHeight(120)
        self.list.model().rowsMoved.connect(self._emit)
        self.list.itemChanged.connect(self._emit)
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

    def _update_buttons(self) -> None:
        cap = self.field.max_items
        self.add.setEnabled(cap is None or self.list.count() < cap)

    def move_item(self, step: int) -> None:  # not move(): QWidget.move places the widget
        row = self.list.currentRow()
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
        row = self.list.currentRow()
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


class DateEditor(FieldEditor):
    """The app's one date field (date_field.py): empty means no date."""

    def __init__(self, field: Field):
        super().__init__(field)
        self.edit = DateField(field.prompt)
        self.edit.date_changed.connect(self._emit)
        self.clear_button = link_button("Clear the date")
        self.clear_button.clicked.connect(self.edit.clear_date)
        row = QHBoxLayout()
        row.addWidget(self.edit)
        row.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addStretch(1)
        self.layout_.addLayout(row)

    def _show(self, value: _dt.date | None) -> None:
        self.edit.set_value(value)

    def value(self) -> _dt.date | None:
        return self.edit.value()


EDITORS = {
    FieldKind.LONG_TEXT: LongTextEditor, FieldKind.SHORT_TEXT: ShortTextEditor,
    FieldKind.CHECKLIST: ChecklistEditor, FieldKind.SINGLE_CHOICE: SingleChoiceEditor,
    FieldKind.SCALE: ScaleEditor, FieldKind.REFRAME: ReframeEditor,
    FieldKind.RANKED_LIST: RankedListEditor, FieldKind.DATE: DateEditor,
}


def editor_for(field: Field) -> FieldEditor:
    return EDITORS[field.kind](field)
