"""Gratitude: a calendar with the days you wrote on marked, the entry for the chosen day with a
gentle prompt, "on this day" from past years, one appreciation to reread, and a lazily loaded
list of past entries. Days practised are counted kindly; missed days are never counted."""

from __future__ import annotations

import datetime as dt
import random

from PySide6.QtCore import QDate, QSettings
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workbook.accounts import WorkbookService
from workbook.changes import Change
from workbook.content.model import Content
from workbook.dates import full_date, weekday_date
from workbook.trackers.gratitude import Appreciation, Entry, GratitudeService
from workbook.ui.common.clock import SYSTEM_CLOCK, Clock
from workbook.ui.common.date_field import calm_weekends
from workbook.ui.common.focus_order import highlight_first_on_focus
from workbook.ui.common.paged_model import PagedListModel
from workbook.ui.common.partner_picker import PartnerPicker
from workbook.ui.common.responsive import StackingColumns
from workbook.ui.common.widgets import (
    Card,
    InlineMessage,
    Page,
    attempt,
    button_row,
    form_label,
    plain_button,
    plain_label,
    primary_button,
)
from workbook.ui.trackers.reminder import DailyReminder, ReminderBanner, Tray

REMIND = "Remind me once a day while the app is open"
REMIND_NOTE = ("The reminder only ever says “A moment for gratitude?”, never anything you wrote, "
               "and it comes only while this app is open.")
INTRO = ("A small practice: one thing you are grateful for, and one thing you appreciated about "
         "your partner. Skip days freely; nothing here keeps score.")


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def practised_text(days: int) -> str:
    if days == 0:
        return "Nothing written this month yet, and that is fine."
    return f"You wrote on {days} {'day' if days == 1 else 'days'} this month."


def entry_text(entry: Entry) -> str:
    parts = [p for p in (entry.grateful, entry.appreciation) if p]
    return f"{full_date(entry.day)}: " + " · ".join(parts)


def memory_text(memory: Appreciation, partner: str | None) -> str:
    who = f"{partner} wrote" if memory.by_partner else "You wrote"
    return f"{who} on {full_date(memory.day)}: {memory.text}"


def _name_calendar_parts(calendar: QCalendarWidget) -> None:
    """Qt leaves the calendar's own buttons and year field unnamed for screen readers."""
    names = {"qt_calendar_prevmonth": "Previous month", "qt_calendar_nextmonth": "Next month",
             "qt_calendar_monthbutton": "Choose month", "qt_calendar_yearbutton": "Choose year",
             "qt_calendar_yearedit": "Year", "qt_spinbox_lineedit": "Year",
             "qt_tableview_cornerbutton": "Calendar corner"}
    for child in calendar.findChildren(QWidget):
        if not child.accessibleName() and child.objectName() in names:
            child.setAccessibleName(names[child.objectName()])


def _soft_accent(palette: QPalette) -> QColor:
    """A quiet tint for marked days: one third accent, two thirds the field colour."""
    accent, base = palette.color(QPalette.ColorRole.Highlight), palette.color(
        QPalette.ColorRole.Base)
    mixed = zip((accent.red(), accent.green(), accent.blue()),
                (base.red(), base.green(), base.blue()), strict=True)
    return QColor(*(round(a / 3 + 2 * b / 3) for a, b in mixed))


def _text_box(name: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(64)
    return box


class GratitudePage(Page):
    follows = Change.GRATITUDE | Change.WHO | Change.DAY  # "today", the month, memories

    def __init__(self, service: WorkbookService, gratitude: GratitudeService, content: Content,
                 clock: Clock = SYSTEM_CLOCK, tray: Tray | None = None):
        super().__init__(width=820)
        self.key = "gratitude"
        self._service = service
        self._gratitude = gratitude
        self._content = content
        self._rng = random.Random()
        self.setAccessibleName("Gratitude")
        self.picker = PartnerPicker(service)
        self.picker.changed.connect(self.refresh)
        self.body.addWidget(plain_label("Gratitude", role="heading"))
        self.body.addWidget(plain_label(INTRO))
        self.body.addWidget(self._build_reminder(clock, tray))
        self.body.addWidget(self.picker)
        self.top = self._build_top()
        self.body.addWidget(self.top)
        self.body.addWidget(self._build_memories())
        self.body.addWidget(self._build_history())
        self.finish()

    def _build_reminder(self, clock: Clock, tray: Tray | None) -> QCheckBox:
        self.reminder = DailyReminder(ReminderBanner(), clock, tray, parent=self)
        self.remind = QCheckBox(REMIND)
        self.remind.setToolTip(REMIND_NOTE)
        self.remind.setAccessibleDescription(REMIND_NOTE)
        self.remind.toggled.connect(self.reminder.set_enabled)
        return self.remind

    def use_settings(self, settings: QSettings) -> None:
        """The reminder's on/off choice is UI state, kept with the window's other settings."""
        self.reminder.use_settings(settings)
        self.remind.blockSignals(True)
        self.remind.setChecked(self.reminder.enabled)
        self.remind.blockSignals(False)

    def _build_top(self) -> StackingColumns:
        self.calendar = QCalendarWidget()
        self.calendar.setAccessibleName("Gratitude calendar")
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(
            QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        _name_calendar_parts(self.calendar)
        calm_weekends(self.calendar)
        self.calendar.selectionChanged.connect(self._load_entry)
        self.calendar.currentPageChanged.connect(lambda *_: self._mark_month())
        self.practised = plain_label(role="muted")
        self.practised.setAccessibleDescription("Days practised this month")
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.calendar)
        column.addWidget(self.practised)
        column.addStretch(1)
        # Side by side when there is room; on a narrow window the entry goes under the calendar.
        return StackingColumns(left, self._build_entry(), column_width=290, spacing=16)

    def _build_entry(self) -> Card:
        card = Card("Today")
        self.entry_card = card
        self.prompt = plain_label(role="note")
        self.grateful = _text_box("Something I'm grateful for", "Something small is plenty")
        self.appreciation = _text_box("Something I appreciated about my partner",
                                      "Something they did or said")
        self.appreciation_label = form_label("Something I appreciated about you:",
                                             self.appreciation)
        self.share = QCheckBox("Share this appreciation with your partner")
        self.message = InlineMessage()
        self.save_button = primary_button("Save")
        self.save_button.setAccessibleName("Save gratitude entry")
        self.save_button.clicked.connect(self.save)
        card.body.addWidget(self.prompt)
        card.body.addWidget(form_label("Something I'm grateful for:", self.grateful))
        card.body.addWidget(self.grateful)
        card.body.addWidget(self.appreciation_label)
        card.body.addWidget(self.appreciation)
        card.body.addWidget(self.share)
        card.body.addWidget(self.message)
        card.body.addLayout(button_row(self.save_button))
        return card

    def _build_memories(self) -> Card:
        card = Card("To reread")
        self.on_this_day = plain_label(selectable=True)
        self.on_this_day.setAccessibleDescription("On this day")
        self.reread = plain_label(selectable=True)
        self.reread.setAccessibleDescription("An appreciation to reread")
        self.another = plain_button("Another one", "Show another appreciation")
        self.another.clicked.connect(self._show_reread)
        card.body.addWidget(plain_label("On this day", role="lead"))
        card.body.addWidget(self.on_this_day)
        card.body.addWidget(plain_label("An appreciation", role="lead"))
        card.body.addWidget(self.reread)
        card.body.addLayout(button_row(self.another, align_left=True))
        return card

    def _build_history(self) -> Card:
        card = Card("Past entries")
        self.history_model = PagedListModel(
            lambda offset, limit: self._gratitude.page(self.picker.chosen_id(), offset, limit),
            entry_text)
        self.history = highlight_first_on_focus(QListView())
        self.history.setModel(self.history_model)
        self.history.setAccessibleName("Past gratitude entries")
        self.history.setWordWrap(True)
        self.history.setUniformItemSizes(True)  # cheap layout for thousands of rows
        self.history.setMinimumHeight(180)
        card.body.addWidget(self.history)
        return card

    # -- behaviour ------------------------------------------------------------------------------
    def refresh(self, changes: Change = Change.EVERYTHING) -> None:
        if not self._service.is_unlocked:
            return
        self.picker.refresh()
        other = self.picker.other_name() or "your partner"
        self.appreciation_label.setText(f"Something I appreciated about {other}:")
        self.share.setText(f"Share this appreciation with {other}")
        today = self._gratitude.today()
        self.calendar.setMaximumDate(qdate(today))
        self._mark_month()
        self._load_entry()
        self._show_memories()
        self.history_model.reload()

    def open_day(self, day: dt.date) -> None:
        """Show one day's entry (a search result leads here)."""
        self.calendar.setSelectedDate(qdate(day))
        self._load_entry()  # also when that day was already the chosen one
        self.grateful.setFocus()

    def selected_day(self) -> dt.date:
        return pydate(self.calendar.selectedDate())

    def _mark_month(self) -> None:
        partner = self.picker.current_id()
        if partner is None:
            return
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clears every mark
        calm_weekends(self.calendar)  # again here, so a theme change is followed
        days = self._gratitude.days_in_month(partner, self.calendar.yearShown(),
                                             self.calendar.monthShown())
        mark = QTextCharFormat()
        mark.setFontWeight(QFont.Weight.Bold)
        mark.setBackground(_soft_accent(self.palette()))
        mark.setForeground(self.palette().color(QPalette.ColorRole.Text))
        for day in days:
            self.calendar.setDateTextFormat(qdate(day), mark)
        self.marked_days = days
        self.practised.setText(practised_text(len(days)))
        self.calendar.setAccessibleDescription(
            "Days with an entry: " + ", ".join(str(d.day) for d in days) if days else
            "No entries this month.")

    def _load_entry(self) -> None:
        partner = self.picker.current_id()
        if partner is None:
            return
        day = self.selected_day()
        self.entry_card.title.setText("Today" if day == self._gratitude.today()
                                      else weekday_date(day, self._gratitude.today()))
        self.prompt.setText(self._content.gratitude_prompt_for(day))
        entry = self._gratitude.get(partner, day)
        self.grateful.setPlainText(entry.grateful if entry else "")
        self.appreciation.setPlainText(entry.appreciation if entry else "")
        self.share.setChecked(bool(entry and entry.shared))
        self.message.clear()

    def save(self) -> None:
        ok, _ = attempt(self.message.show_error, lambda: self._gratitude.save(
            self.picker.chosen_id(), self.grateful.toPlainText(), self.appreciation.toPlainText(),
            self.share.isChecked(), self.selected_day()))
        if ok:
            self.message.show_success("Saved.")
            self._mark_month()
            self.history_model.reload()
            if self.another.isHidden():  # "appear here" was promised: the first one does now
                self._show_reread()

    def _show_memories(self) -> None:
        memories = self._gratitude.on_this_day(self.picker.chosen_id())
        other = self.picker.other_name()
        self.on_this_day.setText("\n".join(memory_text(m, other) for m in memories[:3])
                                 or "Nothing from this date in earlier years yet.")
        self._show_reread()

    def _show_reread(self) -> None:
        memory = self._gratitude.random_appreciation(self.picker.chosen_id(), self._rng)
        self.reread.setText(memory_text(memory, self.picker.other_name()) if memory else
                            "Appreciations you write, or that are shared with you, appear here.")
        self.another.setVisible(memory is not None)

    def clear(self) -> None:
        super().clear()
        for box in (self.grateful, self.appreciation):
            box.clear()
        self.appreciation_label.setText("Something I appreciated about you:")  # no name left
        self.share.setText("Share this appreciation with your partner")
        for label in (self.on_this_day, self.reread, self.prompt):
            label.clear()
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())
        self.history_model.forget()
        self.picker.clear()
