"""The two forms of the milestones card: adding one (a suggestion from the chapters, or the
couple's own with an optional chapter and notes) and the chosen milestone's details (title,
notes, and the day it was reached, which is often marked later than it happened)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from workbook.content.model import Content
from workbook.trackers.milestones import BOTH, REACHED, Milestone, written_as_i
from workbook.ui.common.date_field import DateField
from workbook.ui.common.responsive import narrow_combo
from workbook.ui.common.wheel_guard import wheel_only_when_focused
from workbook.ui.common.widgets import (
    button_row,
    form_label,
    plain_button,
    plain_label,
    primary_button,
)

PICK = "Choose a suggestion…"
NO_CHAPTER = "No particular chapter"
BOTH_OF_US = "Both of us"


def _notes_box(name: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(60)
    return box


def _column(widget: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(8)
    return layout


class AddMilestoneForm(QWidget):
    def __init__(self, content: Content):
        super().__init__()
        self.suggestion = narrow_combo(wheel_only_when_focused(QComboBox()))
        self.suggestion.setAccessibleName("Suggested milestones")
        self.title = QLineEdit()
        self.title.setAccessibleName("Your own milestone")
        self.title.setPlaceholderText("Or write your own")
        self.chapter = narrow_combo(wheel_only_when_focused(QComboBox()))
        self.chapter.setAccessibleName("Chapter (optional)")
        self.chapter.addItem(NO_CHAPTER, None)
        for chapter in content.chapters:
            self.chapter.addItem(f"{chapter.number}. {chapter.title}", chapter.id)
        self.notes = _notes_box("Notes for the new milestone", "Notes, if you like")
        # whose it is: an "I…" milestone says so wherever it appears, on screen and on paper
        self.whose = narrow_combo(wheel_only_when_focused(QComboBox()))
        self.whose.setAccessibleName("Whose milestone is it?")
        self._present: list[str] = []
        self.suggestion.currentIndexChanged.connect(lambda _: self._suggest_whose())
        self.title.textEdited.connect(lambda _: self._suggest_whose())
        self.add_button = primary_button("Add milestone")
        layout = _column(self)
        layout.addWidget(plain_label("Add a milestone", role="lead"))
        layout.addWidget(self.suggestion)
        layout.addWidget(self.title)
        layout.addWidget(form_label("From the chapter:", self.chapter))
        layout.addWidget(self.chapter)
        layout.addWidget(self.notes)
        layout.addWidget(form_label("Whose milestone is it?", self.whose))
        layout.addWidget(self.whose)
        layout.addLayout(button_row(self.add_button))

    def set_suggestions(self, suggestions) -> None:
        self.suggestion.clear()
        self.suggestion.addItem(PICK, None)
        for s in suggestions:
            self.suggestion.addItem(f"{s.title} ({s.chapter_title})", s)

    def set_partners(self, partners, present_ids: list[str]) -> None:
        """Every partner by name, and both of you; "both" unless an "I…" one is chosen alone."""
        self.whose.clear()
        self.whose.addItem(BOTH_OF_US, BOTH)
        for partner in partners:
            self.whose.addItem(partner.name, partner.id)
        self._present = present_ids
        self._suggest_whose()

    def _suggest_whose(self) -> None:
        chosen = self.suggestion.currentData()
        title = self.title.text().strip() or (chosen.title if chosen is not None else "")
        mine = written_as_i(title) and len(self._present) == 1
        index = self.whose.findData(self._present[0]) if mine else 0
        self.whose.setCurrentIndex(max(index, 0))

    def owner(self) -> str:
        return self.whose.currentData() if self.whose.currentData() is not None else BOTH

    def reset(self) -> None:
        self.title.clear()
        self.notes.clear()
        self.chapter.setCurrentIndex(0)
        self._suggest_whose()


class MilestoneDetails(QWidget):
    """Shows the chosen milestone; the page saves what is edited here."""

    def __init__(self):
        super().__init__()
        self.heading = plain_label(role="lead")
        self.chapter = plain_label(role="muted")
        self.title = QLineEdit()
        self.title.setAccessibleName("Milestone title")
        self.notes = _notes_box("Milestone notes", "Notes: what it was like, what helped")
        self.reached_on = DateField("Day it was reached", optional=False)
        self.reached_label = form_label("Reached on:", self.reached_on)
        self.save_button = plain_button("Save changes", "Save the milestone's changes")
        layout = _column(self)
        for widget in (self.heading, self.chapter, self.title, self.notes):
            layout.addWidget(widget)
        reached_row = button_row(self.reached_label, self.reached_on, align_left=True)
        reached_row.setAlignment(self.reached_label, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(reached_row)
        layout.addLayout(button_row(self.save_button, align_left=True))
        layout.addStretch(1)  # keep the details together at the top of their column
        self.show_milestone(None, "", dt.date.today())

    def show_milestone(self, milestone: Milestone | None, chapter_line: str,
                       today: dt.date) -> None:
        self.milestone = milestone
        self.heading.setText("About this milestone" if milestone else
                             "Choose a milestone in the list to add notes or change it.")
        self.chapter.setText(chapter_line)
        self.chapter.setVisible(bool(chapter_line))
        self.title.setText(milestone.title if milestone else "")
        self.notes.setPlainText(milestone.notes if milestone else "")
        reached = milestone is not None and milestone.state == REACHED
        self.reached_on.maximum = today
        if reached and milestone is not None and milestone.reached_on:
            self.reached_on.set_value(dt.date.fromisoformat(milestone.reached_on))
        for widget in (self.reached_on, self.reached_label):
            widget.setVisible(reached)
        for control in (self.title, self.notes, self.save_button):
            control.setEnabled(milestone is not None)

    def reached_day(self) -> dt.date:
        return self.reached_on.value() or dt.date.today()

    def clear(self) -> None:
        self.show_milestone(None, "", dt.date.today())
