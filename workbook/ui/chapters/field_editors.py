"""Editors for answers that are one thing: text, ticks, a choice, a number on a scale, a date."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QSlider,
)

from workbook.content.model import Field
from workbook.field_kinds import ChecklistValue
from workbook.ui.chapters.editor_base import MAX_TEXT, FieldEditor, plain_text_edit
from workbook.ui.common.date_field import DateField
from workbook.ui.common.wheel_guard import wheel_only_when_focused
from workbook.ui.common.widgets import link_button, plain_label


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


