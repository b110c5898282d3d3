"""How are we doing? A weekly check-in together in five steps: appreciations, how each of you
is (your own check-in numbers, shown only when you press your own button), what went well, one
thing to talk about with a gentle start, and one small plan (optionally a milestone)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton

from workbook.partners import PartnerInfo
from workbook.together.service import WEEKLY
from workbook.trackers.checkins import CheckinService
from workbook.trackers.gratitude import GratitudeService
from workbook.trackers.milestones import IN_PROGRESS, MilestoneService
from workbook.ui.common.wheel_guard import wheel_only_when_focused
from workbook.ui.common.widgets import (
    Page,
    attempt,
    button_row,
    plain_button,
    plain_label,
    primary_button,
)
from workbook.ui.together.flow import ConversationFlow
from workbook.ui.together.parts import PROMPT_POINTS, KeepRecordCard, PartnerLine, big_label

PICK_LIMIT = 12
PLAN_NOTE = "Our small plan from a weekly check-in together."


class WeeklyStep(Page):
    """One of the five steps: its number and title, its words, then Back and Next."""

    def __init__(self, number: int, title: str, text: str, last: bool = False):
        super().__init__()
        self.setAccessibleName(title)
        self.body.addWidget(plain_label(f"Step {number} of 5", role="muted"))
        self.body.addWidget(big_label(title, 24))
        self.body.addWidget(plain_label(text))
        self.back_button = plain_button("Back", "Back to the step before")
        self.next_button = primary_button("Finish" if last else "Next")

    def close_with_buttons(self) -> None:
        self.body.addLayout(button_row(self.back_button, self.next_button))
        self.finish()


class PickAppreciation(QPushButton):
    """Opens one partner's own gratitude entries to pick from, only when they ask."""

    def __init__(self, partner: PartnerInfo, line: PartnerLine, gratitude: GratitudeService):
        super().__init__(f"{partner.name}: pick from my gratitude entries")
        self.setAccessibleName(self.text())
        self.partner, self.line, self.gratitude = partner, line, gratitude
        self.combo = wheel_only_when_focused(QComboBox())
        self.combo.setAccessibleName(f"{partner.name}'s appreciations")
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(16)
        self.combo.hide()
        self.clicked.connect(self.open)
        self.combo.activated.connect(self._use)

    def open(self) -> None:
        entries = [e for e in self.gratitude.page(self.partner.id, 0, 60) if e.appreciation]
        self.combo.clear()
        for entry in entries[:PICK_LIMIT]:
            self.combo.addItem(entry.appreciation[:120], entry.appreciation)
        if not entries:
            self.combo.addItem("No appreciations written yet; say something new instead.", "")
        self.combo.show()
        self.combo.setFocus()

    def _use(self, index: int) -> None:
        if text := self.combo.itemData(index):
            self.line.edit.setText(text)


class WeeklyFlow(ConversationFlow):
    def __init__(self, together, script, partners, clock, gratitude: GratitudeService,
                 checkins: CheckinService, milestones: MilestoneService):
        super().__init__(WEEKLY, script.weekly.title, together, script, partners, clock)
        self.gratitude, self.checkins, self.milestones = gratitude, checkins, milestones
        words = script.weekly
        titles = words.steps
        self.pages = [self._appreciations(titles[0], words.appreciations),
                      self._numbers(titles[1], words.numbers),
                      self._went_well(titles[2], words.went_well),
                      self._gentle(titles[3], words.gentle_start, words.gentle_parts),
                      self._plan(titles[4], words.plan)]
        for index, page in enumerate(self.pages):
            page.close_with_buttons()
            self.add_step(page)
            page.back_button.clicked.connect(lambda _=False, i=index: self._back(i))
            if index < len(self.pages) - 1:
                page.next_button.clicked.connect(lambda _=False, i=index: self.go(i + 1))
        self.pages[-1].next_button.clicked.connect(self._finish)
        self.together_fields["plan"] = lambda: self.plan.text()
        self.show_step(0)

    def _back(self, index: int) -> None:
        if index == 0:
            self.stop_for_today()
        else:
            self.go(index - 1)

    def _appreciations(self, title: str, text: str) -> WeeklyStep:
        step = WeeklyStep(1, title, text)
        for partner in self.partners:
            line = self.line(partner, "something I appreciated about you this week",
                             "appreciation")
            pick = PickAppreciation(partner, line, self.gratitude)
            step.body.addWidget(line)
            step.body.addLayout(button_row(pick, align_left=True))
            step.body.addWidget(pick.combo)  # below: beside the button it is too wide at 800
        return step

    def _numbers(self, title: str, text: str) -> WeeklyStep:
        step = WeeklyStep(2, title, text)
        step.body.addWidget(plain_label("Nothing from this step is saved.", role="muted"))
        self.number_labels = {}
        for partner in self.partners:
            button = plain_button(f"Show {partner.name}'s numbers")
            button.setCheckable(True)
            label = plain_label(role="note")
            label.hide()
            button.toggled.connect(lambda on, p=partner, b=button, lab=label:
                                   self._show_numbers(p, b, lab, on))
            self.number_labels[partner.id] = label
            step.body.addLayout(button_row(button, align_left=True))
            step.body.addWidget(label)
        return step

    def _show_numbers(self, partner: PartnerInfo, button, label, on: bool) -> None:
        button.setText(f"Hide {partner.name}'s numbers" if on else
                       f"Show {partner.name}'s numbers")
        label.setText(self.numbers_text(partner) if on else "")
        label.setVisible(on)

    def numbers_text(self, partner: PartnerInfo) -> str:
        today = self.checkins.today()
        for back in range(7):
            day = today - dt.timedelta(days=back)
            checkin = self.checkins.get(partner.id, day)
            if checkin is not None:
                names = {s.id: s.title for s in self.checkins.scales}
                values = " · ".join(f"{names.get(k, k)} {v}" for k, v in checkin.scores.items())
                return f"{partner.name}, {day:%A} {day.day} {day:%B}: {values}"
        return f"{partner.name} has not checked in this week. That is fine."

    def _went_well(self, title: str, text: str) -> WeeklyStep:
        step = WeeklyStep(3, title, text)
        for partner in self.partners:
            step.body.addWidget(self.line(partner, "what went well", "went-well"))
        return step

    def _gentle(self, title: str, text: str, parts: tuple[str, ...]) -> WeeklyStep:
        step = WeeklyStep(4, title, text)
        step.body.addWidget(big_label("  ".join(parts), PROMPT_POINTS, bold=False))
        for partner in self.partners:
            line = self.line(partner, "one thing I would like to talk about", "gentle-start")
            line.edit.setPlaceholderText(" ".join(parts))
            step.body.addWidget(line)
        return step

    def _plan(self, title: str, text: str) -> WeeklyStep:
        step = WeeklyStep(5, title, text, last=True)
        self.plan = QLineEdit()
        self.plan.setAccessibleName("Our small plan for the coming week")
        self.plan.setMaxLength(200)
        self.plan.setPlaceholderText("Our small plan for the coming week")
        self.plan.textChanged.connect(lambda _: self._save_timer.start())
        self.as_milestone = QCheckBox("Also keep it as a milestone we are working on")
        self.keep = KeepRecordCard(self.partners)
        for widget in (self.plan, self.as_milestone, self.keep):
            step.body.addWidget(widget)
        return step

    def load_together(self, lines: dict[str, str]) -> None:
        self.plan.blockSignals(True)
        self.plan.setText(lines.get("plan", ""))
        self.plan.blockSignals(False)

    def _finish(self) -> None:
        plan = self.plan.text().strip()
        if self.as_milestone.isChecked() and plan:
            ok, _ = attempt(self.message.show_error, self._add_milestone)
            if not ok:
                return
        self.finish(self.keep)

    def _add_milestone(self) -> None:
        new_id = self.milestones.add(self.plan.text(), notes=PLAN_NOTE)
        self.milestones.set_state(new_id, IN_PROGRESS)
        self.as_milestone.setChecked(False)  # pressing Finish again must not add it twice
