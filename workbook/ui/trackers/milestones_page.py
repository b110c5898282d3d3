"""Milestones and the consent ladder. Milestones: a lazily loaded list with quiet, neutral state
changes, the chosen one's notes and reached day, and a timeline of what was reached when. The
ladder lives in its own card (ladder_card.py)."""

from __future__ import annotations

import datetime as dt

from workbook.accounts import WorkbookService
from workbook.changes import Change
from workbook.content.model import Content
from workbook.dates import full_date, long_date
from workbook.errors import InvalidInput
from workbook.trackers.ladder import LadderService
from workbook.trackers.milestones import (
    IN_PROGRESS,
    NOT_STARTED,
    PAUSED,
    REACHED,
    STATE_WORDS,
    Milestone,
    MilestoneService,
)
from workbook.ui.common.paged_model import PagedListModel
from workbook.ui.common.prompts import Prompts
from workbook.ui.common.responsive import StackingColumns, flow_row
from workbook.ui.common.widgets import (
    Card,
    InlineMessage,
    Page,
    attempt,
    plain_button,
    plain_label,
)
from workbook.ui.trackers.ladder_card import LadderCard, list_view
from workbook.ui.trackers.milestone_form import AddMilestoneForm, MilestoneDetails

INTRO = ("Small steps worth noticing. Mark them when they happen: there is no schedule and no "
         "score, and picking one up again later is part of the path.")
# What a state change says: plain and calm, never a verdict.
STATE_NOTES = {IN_PROGRESS: "In progress. Take it at your own pace.",
               PAUSED: "Paused for now. Pick it up again whenever you like.",
               NOT_STARTED: "Back to not started. Starting over is part of the path."}


def day_text(iso_day: str, today: dt.date | None = None) -> str:
    """"12 March", with the year only when it is not this year."""
    return long_date(dt.date.fromisoformat(iso_day), today)


def celebration(milestone: Milestone, today: dt.date | None = None) -> str:
    """A quiet note and the date, nothing loud."""
    return f"Reached on {long_date(_reached_day(milestone), today)} — well done, quietly."


def milestone_text(m: Milestone) -> str:
    if m.state == REACHED and m.reached_on:
        return f"{m.title} — reached on {day_text(m.reached_on)}"
    return f"{m.title} — {STATE_WORDS[m.state].lower()}"


def reached_text(m: Milestone) -> str:
    """A timeline may span years: every line has its year."""
    return f"{full_date(_reached_day(m))}: {m.title}"


def _reached_day(m: Milestone) -> dt.date:
    if m.reached_on is None:  # only reached milestones are shown as reached
        raise InvalidInput("That milestone has not been reached yet.")
    return dt.date.fromisoformat(m.reached_on)


class MilestonesPage(Page):
    follows = Change.MILESTONES | Change.LADDER | Change.WHO | Change.DAY

    def __init__(self, service: WorkbookService, milestones: MilestoneService,
                 ladder: LadderService, content: Content, prompts: Prompts | None = None):
        super().__init__(width=820)
        self.key = "milestones"
        self._service = service
        self._milestones = milestones
        self._content = content
        self.setAccessibleName("Milestones")
        self.ladder = LadderCard(service, ladder, content, prompts or Prompts())
        self.body.addWidget(plain_label("Milestones", role="heading"))
        self.body.addWidget(plain_label(INTRO))
        self.body.addWidget(self._build_milestones())
        self.body.addWidget(self._build_timeline())
        self.body.addWidget(self.ladder)
        self.finish()

    # -- construction -----------------------------------------------------------------------------
    def _build_milestones(self) -> Card:
        card = Card("Our milestones")
        self.model = PagedListModel(self._milestones.page, self._row_text)
        self.list = list_view("Milestones", self.model, 200)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_chosen())
        self.state_buttons = {state: plain_button(label, f"Mark as {label.lower()}")
                              for state, label in ((IN_PROGRESS, "In progress"),
                                                   (REACHED, "Reached"),
                                                   (PAUSED, "Pause"),
                                                   (NOT_STARTED, "Not started"))}
        for state, button in self.state_buttons.items():
            button.clicked.connect(lambda _=False, s=state: self.set_state(s))
        self.details = MilestoneDetails()
        self.details.save_button.clicked.connect(self.save_details)
        self.form = AddMilestoneForm(self._content)
        self.form.add_button.clicked.connect(self.add)
        self.form.title.returnPressed.connect(self.add)
        self.suggestion, self.title = self.form.suggestion, self.form.title
        self.add_button = self.form.add_button
        self.message = InlineMessage()
        card.body.addWidget(self.list)
        card.body.addWidget(flow_row(*self.state_buttons.values()))
        card.body.addWidget(self.message)
        self.columns = StackingColumns(self.details, self.form, column_width=240)
        card.body.addWidget(self.columns)
        return card

    def _build_timeline(self) -> Card:
        card = Card("Reached, over time")
        self.timeline_model = PagedListModel(self._milestones.timeline, reached_text)
        card.body.addWidget(list_view("Milestones reached, newest first", self.timeline_model,
                                      120))
        return card

    # -- showing ----------------------------------------------------------------------------------
    def refresh(self, changes: Change = Change.EVERYTHING) -> None:
        if not self._service.is_unlocked:
            return
        if changes & (Change.MILESTONES | Change.WHO | Change.DAY):
            self._refresh_milestones()
        if changes & (Change.LADDER | Change.WHO):
            self.ladder.refresh()

    def _refresh_milestones(self) -> None:
        chosen = self.chosen()
        self.model.reload()
        self.timeline_model.reload()
        self.form.set_suggestions(self._milestones.suggestions(self._content))
        self.form.set_partners(self._service.partners(),
                               [p.id for p in self._service.present_partners()])
        if chosen is not None:
            self.open_milestone(chosen.id)
        self._show_chosen()

    def _row_text(self, m: Milestone) -> str:
        """A partner's own milestone names them; the couple's and older ones read as before."""
        text = milestone_text(m)
        return f"{text} ({self._milestones.whose(m)})" if m.owner else text

    def chosen(self) -> Milestone | None:
        index = self.list.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def _show_chosen(self) -> None:
        chosen = self.chosen()
        chapter = ""
        if chosen is not None and chosen.chapter_id:
            found = [c for c in self._content.chapters if c.id == chosen.chapter_id]
            chapter = f"From chapter {found[0].number}, “{found[0].title}”" if found else ""
        if chosen is not None:
            whose = f"Whose: {self._milestones.whose(chosen)}"
            chapter = f"{whose} · {chapter}" if chapter else whose
        self.details.show_milestone(chosen, chapter, self._milestones.today())

    def open_milestone(self, milestone_id: int) -> bool:
        """Choose a milestone in the list, fetching further batches until it is found."""
        start = 0
        while True:
            for row in range(start, self.model.rowCount()):
                if self.model.item(row).id == milestone_id:
                    self.list.setCurrentIndex(self.model.index(row))
                    self.list.scrollTo(self.model.index(row))
                    return True
            if not self.model.canFetchMore():
                return False
            start = self.model.rowCount()
            self.model.fetchMore()

    # -- changing ---------------------------------------------------------------------------------
    def add(self) -> None:
        form = self.form
        suggestion, title = form.suggestion.currentData(), form.title.text()
        chapter, notes = form.chapter.currentData(), form.notes.toPlainText()
        owner = form.owner()
        if title.strip() or not suggestion:
            action = lambda: self._milestones.add(title, chapter, notes, owner=owner)  # noqa: E731
        else:  # a suggestion keeps the notes typed for it; its own text only when none were
            action = lambda: self._milestones.add(  # noqa: E731
                suggestion.title, suggestion.chapter_id,
                notes if notes.strip() else suggestion.description, suggestion.id, owner)
        ok, milestone_id = attempt(self.message.show_error, action)
        if ok and milestone_id is not None:
            form.reset()
            self.message.show_success("Added to your milestones.")
            self.refresh(Change.MILESTONES)
            self.open_milestone(milestone_id)

    def set_state(self, state: str) -> None:
        chosen = self.chosen()
        if chosen is None:
            self.message.show_error("Choose a milestone in the list first.")
            return
        ok, after = attempt(self.message.show_error,
                            lambda: self._milestones.set_state(chosen.id, state))
        if ok and after is not None:
            self.refresh(Change.MILESTONES)
            self.message.show_success(celebration(after, self._milestones.today())
                                      if state == REACHED else STATE_NOTES[state])

    def save_details(self) -> None:
        chosen, details = self.chosen(), self.details
        if chosen is None:
            return
        ok, _ = attempt(self.message.show_error, lambda: self._save(chosen, details))
        if ok:
            self.refresh(Change.MILESTONES)
            after = self.chosen()
            self.message.show_success(celebration(after, self._milestones.today())
                                      if after and after.state == REACHED else "Saved.")

    def _save(self, chosen: Milestone, details: MilestoneDetails) -> None:
        self._milestones.edit(chosen.id, details.title.text(), details.notes.toPlainText())
        if chosen.state == REACHED:
            self._milestones.set_reached_on(chosen.id, details.reached_day())

    def clear(self) -> None:
        super().clear()
        for model in (self.model, self.timeline_model):
            model.forget()
        self.suggestion.clear()
        self.form.notes.clear()
        self.form.whose.clear()  # partners' names leave with the lock
        self.details.clear()
        self.ladder.clear()
