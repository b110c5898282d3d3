"""The one date field of the app: a line to type a date in, and a calendar to pick one.

Empty means "no date" (where a date is optional). Typing works in the locale's short order
("14/02/2027", "14022027", "14 February 2027"); when the field is left the date is written out
long, so what was understood is plain to see. A date that cannot be read stays as typed, with a
calm hint, and changes nothing. F4 or Alt+Down opens the calendar on the chosen date (or today);
Tab and Shift+Tab simply move on, as in every other field.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbook.dates import example_typed, full_date, parse_typed_date
from workbook.ui.common.widgets import plain_label


def day_first() -> bool:
    """Does the locale's short date put the day before the month?"""
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat).lower()
    return pattern.find("d") < pattern.find("m")


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def calm_weekends(calendar: QCalendarWidget) -> None:
    """Qt paints weekends red by default; here red would read as a warning, so weekends use the
    ordinary text colour like every other day."""
    plain = QTextCharFormat()
    plain.setForeground(calendar.palette().color(QPalette.ColorRole.Text))
    for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
        calendar.setWeekdayTextFormat(day, plain)


class _CalendarPopup(QFrame):
    """A calendar in a popup: Enter or a click picks, Escape closes; focus goes back."""

    picked = Signal(object)

    def __init__(self, parent: QWidget):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget()
        self.calendar.setAccessibleName("Calendar")
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        calm_weekends(self.calendar)
        self.calendar.activated.connect(self._pick)
        self.calendar.clicked.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.calendar)

    def _pick(self, day: QDate) -> None:
        self.hide()
        self.picked.emit(from_qdate(day))


class DateField(QWidget):
    """`value()` is a `datetime.date` or None; `set_value` does not emit; `date_changed` is
    emitted with the new value when the person changes it."""

    date_changed = Signal(object)

    def __init__(self, accessible_name: str, optional: bool = True,
                 maximum: dt.date | None = None):
        super().__init__()
        self._value: dt.date | None = None
        self._optional = optional
        self.maximum = maximum
        self._day_first = day_first()
        self.edit = QLineEdit()
        self.edit.setAccessibleName(accessible_name)
        self.edit.setPlaceholderText(f"No date chosen (type one like "
                                     f"{example_typed(self._day_first)})" if optional
                                     else f"Type a date like {example_typed(self._day_first)}")
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("30 September 2026")
                                  + 40)
        self.edit.editingFinished.connect(self._commit_typed)
        self.edit.installEventFilter(self)
        self.pick_button = QToolButton()
        self.pick_button.setText("Calendar…")
        self.pick_button.setAccessibleName(f"Choose from a calendar: {accessible_name}")
        self.pick_button.setToolTip("Open a calendar (F4 or Alt+Down in the date field)")
        self.pick_button.setAccessibleDescription("F4 or Alt+Down in the date field")
        # Like a drop-down's arrow, it is not a Tab stop: Tab leaves the field in one press.
        self.pick_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pick_button.clicked.connect(self.open_calendar)
        self.hint = plain_label(role="muted")
        self.hint.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.pick_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(row)
        column.addWidget(self.hint)
        self.setFocusProxy(self.edit)
        self._popup: _CalendarPopup | None = None

    # -- value ------------------------------------------------------------------------------
    def value(self) -> dt.date | None:
        return self._value

    def set_value(self, value: dt.date | None) -> None:
        self._value = value
        self.edit.setText(full_date(value) if value else "")
        self.hint.hide()

    def clear_date(self) -> None:
        if self._optional:
            self._set_by_person(None)

    def _set_by_person(self, value: dt.date | None) -> None:
        changed = value != self._value
        self.set_value(value)
        if changed:
            self.date_changed.emit(value)

    def _commit_typed(self) -> None:
        try:
            typed = parse_typed_date(self.edit.text(), self._day_first)
        except ValueError:
            self._explain(f"Type a date like {example_typed(self._day_first)}, or use the "
                          "calendar.")
            return
        if typed is None and not self._optional:
            self.set_value(self._value)  # a day is needed here: keep the one there was
            return
        if typed is not None and self.maximum is not None and typed > self.maximum:
            self._explain("That day has not come yet. Choose today or a day before.")
            return
        self._set_by_person(typed)

    def _explain(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.show()

    # -- calendar ---------------------------------------------------------------------------
    def open_calendar(self) -> None:
        if self._popup is None:
            self._popup = _CalendarPopup(self)
            self._popup.picked.connect(self._picked)
        calendar = self._popup.calendar
        calendar.setMaximumDate(to_qdate(self.maximum) if self.maximum else QDate(2200, 12, 31))
        shown = self._value or min(dt.date.today(), self.maximum or dt.date.max)
        calendar.setSelectedDate(to_qdate(shown))
        self._popup.adjustSize()
        self._scroll_into_view()
        below = self.edit.mapToGlobal(self.edit.rect().bottomLeft())
        area = self.screen().availableGeometry()
        x = min(below.x(), area.right() - self._popup.width())
        y = below.y() if below.y() + self._popup.height() <= area.bottom() \
            else self.edit.mapToGlobal(self.edit.rect().topLeft()).y() - self._popup.height()
        y = min(y, area.bottom() - self._popup.height())  # the field may be scrolled away
        self._popup.move(max(x, area.left()), max(y, area.top()))
        self._popup.show()
        calendar.setFocus()

    def _scroll_into_view(self) -> None:
        """The calendar opens under the field, so the field must be on screen first."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None and self._popup is not None:
            parent.ensureWidgetVisible(self, 0, self._popup.height() + 16)

    def _picked(self, day: dt.date) -> None:
        self._set_by_person(day)
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress:
            alt_down = event.key() == Qt.Key.Key_Down \
                and event.modifiers() & Qt.KeyboardModifier.AltModifier
            if event.key() == Qt.Key.Key_F4 or alt_down:
                self.open_calendar()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.EnabledChange and not self.isEnabled():
            self.edit.deselect()  # a disabled field shows no highlighted text
        super().changeEvent(event)
