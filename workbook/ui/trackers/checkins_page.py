"""Check-ins: a short check-in (four scales and a private note) for today or an earlier day
chosen in the date field, and a trend view, mine or together, as a chart with the same numbers
in a table beside it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QSlider,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbook.accounts import WorkbookService
from workbook.changes import Change
from workbook.content.model import CheckinScale
from workbook.dates import full_date, month_year, weekday_date
from workbook.errors import NotPresent
from workbook.trackers.checkins import MONTH, WEEK, CheckinService, TrendPoint
from workbook.ui.common.date_field import DateField
from workbook.ui.common.partner_picker import PartnerPicker
from workbook.ui.common.responsive import flow_row
from workbook.ui.common.wheel_guard import wheel_only_when_focused
from workbook.ui.common.widgets import (
    Card,
    InlineMessage,
    Page,
    attempt,
    button_row,
    form_label,
    plain_label,
    primary_button,
)
from workbook.ui.trackers.trend_chart import Series, TrendChart, TrendTableModel

INTRO = ("A minute, any day you like. There are no right numbers, and a lower week is part of "
         "the path, not a step backwards. Your note is always private.")
RANGES = (("Last 3 months, by week", 91, WEEK), ("Last year, by month", 366, MONTH),
          ("Everything, by month", None, MONTH))
MINE, TOGETHER = 0, 1


class ScaleRow(QWidget):
    """One scale: the question, a 0-10 slider with its value, and the worded ends."""

    def __init__(self, scale: CheckinScale):
        super().__init__()
        self.scale = scale
        self.slider = wheel_only_when_focused(QSlider(Qt.Orientation.Horizontal))
        self.slider.setRange(scale.min, scale.max)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setAccessibleName(scale.title)
        self.value = plain_label()
        self.value.setMinimumWidth(24)
        self.slider.valueChanged.connect(self._show_value)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(plain_label(scale.question, role="lead"))
        row = QHBoxLayout()
        row.addWidget(self.slider, 1)
        row.addWidget(self.value)
        layout.addLayout(row)
        layout.addWidget(plain_label(f"{scale.min} = {scale.low_label} · {scale.max} = "
                                     f"{scale.high_label}", role="muted"))
        if scale.help:
            layout.addWidget(plain_label(scale.help, role="muted"))
        self.set_value((scale.min + scale.max) // 2)

    def _show_value(self, value: int) -> None:
        self.value.setText(str(value))
        self.slider.setAccessibleDescription(
            f"{value} of {self.scale.max}. {self.scale.min} means {self.scale.low_label}, "
            f"{self.scale.max} means {self.scale.high_label}.")

    def set_value(self, value: int) -> None:
        self.slider.setValue(value)
        self._show_value(value)


class CheckinsPage(Page):
    follows = Change.CHECKINS | Change.WHO | Change.DAY  # "today", and the trend

    def __init__(self, service: WorkbookService, checkins: CheckinService):
        super().__init__(width=820)
        self.key = "checkins"
        self._service = service
        self._checkins = checkins
        self.setAccessibleName("Check-ins")
        self.picker = PartnerPicker(service)
        self.picker.changed.connect(self.refresh)
        self.body.addWidget(plain_label("Check-ins", role="heading"))
        self.body.addWidget(plain_label(INTRO))
        self.body.addWidget(self.picker)
        self.body.addWidget(self._build_today())
        self.body.addWidget(self._build_trend())
        self.finish()

    def _build_day(self) -> QHBoxLayout:
        self.day = DateField("Day of the check-in", optional=False)
        self.day.date_changed.connect(lambda _: self._load_day())
        row = QHBoxLayout()
        row.addWidget(form_label("Day:", self.day), 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.day)
        row.addStretch(1)
        return row

    def _build_today(self) -> Card:
        card = Card("Today's check-in")
        self.today_card = card
        card.body.addLayout(self._build_day())
        self.rows = [ScaleRow(scale) for scale in self._checkins.scales]
        for row in self.rows:
            card.body.addWidget(row)
        self.note = QPlainTextEdit()
        self.note.setAccessibleName("Private note")
        self.note.setPlaceholderText("Anything you want to remember about today (only you "
                                     "can read this)")
        self.note.setFixedHeight(72)
        self.note.setTabChangesFocus(True)
        self.share = QCheckBox("Share these numbers with your partner")
        self.message = InlineMessage()
        self.save_button = primary_button("Save check-in")
        self.save_button.clicked.connect(self.save)
        card.body.addWidget(form_label("Private note:", self.note))
        card.body.addWidget(self.note)
        card.body.addWidget(self.share)
        card.body.addWidget(self.message)
        card.body.addLayout(button_row(self.save_button))
        return card

    def _build_trend(self) -> Card:
        card = Card("How things have moved")
        self.whose = wheel_only_when_focused(QComboBox())
        self.whose.setAccessibleName("Whose check-ins")
        self.whose.addItems(["Mine", "Together (what each of you shared)"])
        self.range = wheel_only_when_focused(QComboBox())
        self.range.setAccessibleName("Time range")
        self.range.addItems([r[0] for r in RANGES])
        self.scale = wheel_only_when_focused(QComboBox())
        self.scale.setAccessibleName("Scale")
        for scale in self._checkins.scales:
            self.scale.addItem(scale.title, scale.id)
        for combo in (self.whose, self.range, self.scale):
            combo.currentIndexChanged.connect(self.refresh_trend)
        controls = flow_row(self.whose, self.range, self.scale)  # wraps on a narrow window
        self.chart = TrendChart()
        self.table_model = TrendTableModel()
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setAccessibleName("Check-in values")
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(160)
        corner = self.table.findChild(QAbstractButton)
        if corner is not None:  # the unnamed "select all" corner would confuse screen readers
            corner.setAccessibleName("Select all values")
        card.body.addWidget(controls)
        card.body.addWidget(self.chart)
        card.body.addWidget(self.table)
        return card

    # -- behaviour ------------------------------------------------------------------------------
    def refresh(self, changes: Change = Change.EVERYTHING) -> None:
        if not self._service.is_unlocked:
            return
        self.picker.refresh()
        other = self.picker.other_name()
        self.share.setText(f"Share these numbers with {other} (your note stays private)"
                           if other else "Share these numbers (your note stays private)")
        self.whose.setEnabled(other is not None)
        self.open_day(self._checkins.today())
        self.refresh_trend()

    def open_day(self, day: dt.date) -> None:
        """Show one day's check-in (today when the page opens; a search result may choose an
        earlier day)."""
        self.day.maximum = self._checkins.today()
        self.day.set_value(day)
        self._load_day()  # also when that day was already the chosen one

    def chosen_day(self) -> dt.date:
        return self.day.value() or self._checkins.today()

    def _load_day(self) -> None:
        partner, day = self.picker.current_id(), self.chosen_day()
        today = day == self._checkins.today()
        self.today_card.title.setText("Today's check-in" if today else
                                      f"Check-in for {weekday_date(day, self._checkins.today())}")
        existing = self._checkins.get(partner, day) if partner else None
        for row in self.rows:
            default = (row.scale.min + row.scale.max) // 2
            row.set_value(existing.scores.get(row.scale.id, default) if existing else default)
        self.note.setPlainText(existing.note if existing else "")
        self.share.setChecked(bool(existing and existing.shared))
        self.message.clear()

    def save(self) -> None:
        scores = {row.scale.id: row.slider.value() for row in self.rows}
        ok, _ = attempt(self.message.show_error, lambda: self._checkins.save(
            self.picker.chosen_id(), scores, self.note.toPlainText(), self.share.isChecked(),
            self.chosen_day()))
        if ok:
            self.message.show_success("Saved. Thank you for checking in.")
            self.refresh_trend()

    def refresh_trend(self) -> None:
        partner = self.picker.current_id()
        if partner is None:
            return
        _, days, period = RANGES[max(self.range.currentIndex(), 0)]
        since = self._checkins.today() - dt.timedelta(days=days) if days else None
        together = self.whose.currentIndex() == TOGETHER and self.picker.other_id()
        self.scale.setVisible(bool(together))
        series = self._together(partner, period, since) if together else \
            self._mine(partner, period, since)
        self.chart.set_series(series)
        label = "Week of" if period == WEEK else "Month"
        self.table_model.set_data(label, series, full_date if period == WEEK else month_year)
        if self.table_model.columnCount():  # the dates whole, the numbers share the rest
            self.table.horizontalHeader().setSectionResizeMode(
                0, QHeaderView.ResizeMode.ResizeToContents)

    def _mine(self, partner: str, period: str, since) -> list[Series]:
        points = self._checkins.trend(partner, partner, period, since)
        return [Series(s.title, _points(points, s.id)) for s in self._checkins.scales]

    def _together(self, partner: str, period: str, since) -> list[Series]:
        scale = self.scale.currentData()
        other = self.picker.other_id()
        if other is None:  # "together" is offered only with a partner to be together with
            raise NotPresent()
        mine = self._checkins.trend(partner, partner, period, since)
        theirs = self._checkins.trend(partner, other, period, since)
        return [Series(self.picker.current_name(), _points(mine, scale)),
                Series(f"{self.picker.other_name()} (shared)", _points(theirs, scale))]

    def clear(self) -> None:
        super().clear()
        self.note.clear()
        self.share.setText("Share these numbers (your note stays private)")  # no name left
        self.picker.clear()
        self.chart.set_series([])
        self.table_model.clear()


def _points(trend: list[TrendPoint], scale_id: str) -> tuple:
    return tuple((p.start, p.averages[scale_id]) for p in trend if scale_id in p.averages)
