"""Milestones and the consent ladder. Milestones: a lazily loaded list with quiet state changes
and a timeline of what was reached when. Ladder: the steps in order, each partner's own readiness
only, a pause anyone can press without a reason, and neutral wording for stepping back."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QListView

from ..accounts import WorkbookService
from ..content.model import Content
from ..ladder import OPEN, PAUSED, LadderService, StepView
from ..milestones import (IN_PROGRESS, NOT_STARTED, PAUSED as M_PAUSED, REACHED, STATE_WORDS,
                          Milestone, MilestoneService)
from .paged_model import PagedListModel
from .partner_picker import PartnerPicker
from .widgets import (Card, InlineMessage, Page, attempt, button_row, plain_button, plain_label,
                      primary_button)

INTRO = ("Small steps worth noticing. Mark them when they happen: there is no schedule and no "
         "score, and picking one up again later is part of the path.")
LADDER_INTRO = ("Steps you both agree to, from the gentlest up. Each of you marks your own "
                "readiness privately; nobody sees it. A step opens only when you are both ready "
                "and sitting together here. Either of you can pause any step at any time, with "
                "no reason needed.")
TOGETHER_NOTE = ("You are both here: when you mark a step ready and it stays waiting, your "
                 "partner is not ready yet, and that is completely fine.")
ALONE_NOTE = "A step opens when you are both ready, together."
PICK = "Choose a suggestion…"


def milestone_text(m: Milestone) -> str:
    text = f"{m.title} — {STATE_WORDS[m.state]}"
    return text + (f", {m.reached_on}" if m.state == REACHED and m.reached_on else "")


def reached_text(m: Milestone) -> str:
    return f"{m.reached_on}: {m.title}"


def step_text(step: StepView, together: bool) -> str:
    if step.state == OPEN:
        status = "open for you both"
    elif step.state == PAUSED:
        status = "paused for now" + (" · you said you're ready again" if step.my_ready else "")
    elif step.my_ready:
        status = "you're ready" + ("" if together else " · opens when you are both ready, "
                                   "together")
    else:
        status = "not marked by you yet"
    return f"{step.position}. {step.title} — {status}"


def _list(name: str, model: PagedListModel, height: int = 160) -> QListView:
    view = QListView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setUniformItemSizes(True)
    view.setMinimumHeight(height)
    return view


class MilestonesPage(Page):
    def __init__(self, service: WorkbookService, milestones: MilestoneService,
                 ladder: LadderService, content: Content):
        super().__init__(width=820)
        self.key = "milestones"
        self._service = service
        self._milestones = milestones
        self._ladder = ladder
        self._content = content
        self._together = False
        self.setAccessibleName("Milestones")
        self.picker = PartnerPicker(service, "Marking readiness as:")
        self.picker.changed.connect(self.refresh_ladder)
        self.body.addWidget(plain_label("Milestones", role="heading"))
        self.body.addWidget(plain_label(INTRO))
        self.body.addWidget(self._build_milestones())
        self.body.addWidget(self._build_timeline())
        self.body.addWidget(self._build_ladder())
        self.finish()

    # -- construction -----------------------------------------------------------------------------
    def _build_milestones(self) -> Card:
        card = Card("Our milestones")
        self.model = PagedListModel(self._milestones.page, milestone_text)
        self.list = _list("Milestones", self.model, 200)
        self.state_buttons = {state: plain_button(label, f"Mark as {label.lower()}")
                              for state, label in ((IN_PROGRESS, "In progress"),
                                                   (REACHED, "Reached"),
                                                   (M_PAUSED, "Pause"),
                                                   (NOT_STARTED, "Not started"))}
        for state, button in self.state_buttons.items():
            button.clicked.connect(lambda _=False, s=state: self.set_state(s))
        self.suggestion = QComboBox()
        self.suggestion.setAccessibleName("Suggested milestones")
        self.title = QLineEdit()
        self.title.setAccessibleName("Your own milestone")
        self.title.setPlaceholderText("Or write your own")
        self.add_button = primary_button("Add milestone")
        self.add_button.clicked.connect(self.add)
        self.title.returnPressed.connect(self.add)
        self.message = InlineMessage()
        card.body.addWidget(self.list)
        card.body.addLayout(button_row(*self.state_buttons.values(), align_left=True))
        card.body.addWidget(self.suggestion)
        card.body.addWidget(self.title)
        card.body.addWidget(self.message)
        card.body.addLayout(button_row(self.add_button))
        return card

    def _build_timeline(self) -> Card:
        card = Card("Reached, over time")
        self.timeline_model = PagedListModel(self._milestones.timeline, reached_text)
        card.body.addWidget(_list("Milestones reached, newest first", self.timeline_model, 120))
        return card

    def _build_ladder(self) -> Card:
        card = Card("Our consent ladder", LADDER_INTRO)
        self.ladder_note = plain_label(role="note")
        self.steps_model = PagedListModel(self._fetch_steps, self._step_text)
        self.steps = _list("Consent ladder steps", self.steps_model, 220)
        self.ready_button = primary_button("I'm ready for this step")
        self.not_yet_button = plain_button("Not yet")
        self.pause_button = plain_button("Pause this step")
        self.back_button = plain_button("Step back", "Step back from the highest open step")
        self.up_button = plain_button("Move up")
        self.down_button = plain_button("Move down")
        self.ready_button.clicked.connect(lambda: self._mark(True))
        self.not_yet_button.clicked.connect(lambda: self._mark(False))
        self.pause_button.clicked.connect(self.pause)
        self.back_button.clicked.connect(self.step_back)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.step_suggestion = QComboBox()
        self.step_suggestion.setAccessibleName("Suggested ladder steps")
        self.add_step_button = plain_button("Add step")
        self.add_step_button.clicked.connect(self.add_step)
        self.ladder_message = InlineMessage()
        self.events = plain_label(role="muted")
        self.events.setAccessibleName("Recent ladder changes")
        for widget in (self.picker, self.ladder_note, self.steps):
            card.body.addWidget(widget)
        card.body.addLayout(button_row(self.ready_button, self.not_yet_button, self.pause_button,
                                       self.back_button, align_left=True))
        card.body.addLayout(button_row(self.up_button, self.down_button, self.step_suggestion,
                                       self.add_step_button, align_left=True))
        card.body.addWidget(self.ladder_message)
        card.body.addWidget(self.events)
        return card

    # -- milestones -----------------------------------------------------------------------------
    def refresh(self) -> None:
        if not self._service.is_unlocked:
            return
        self.model.reload()
        self.timeline_model.reload()
        self.suggestion.clear()
        self.suggestion.addItem(PICK, None)
        for s in self._milestones.suggestions(self._content):
            self.suggestion.addItem(f"{s.title} ({s.chapter_title})", s)
        self.refresh_ladder()

    def _selected(self, view: QListView, model: PagedListModel):
        index = view.currentIndex()
        return model.item(index.row()) if index.isValid() else None

    def add(self) -> None:
        suggestion = self.suggestion.currentData()
        title = self.title.text()
        action = (lambda: self._milestones.add(title)) if title.strip() or not suggestion else \
            (lambda: self._milestones.add_suggestion(suggestion))
        ok, _ = attempt(self.message.show_error, action)
        if ok:
            self.title.clear()
            self.message.clear()
            self.refresh()

    def set_state(self, state: str) -> None:
        chosen = self._selected(self.list, self.model)
        if chosen is None:
            self.message.show_error("Choose a milestone in the list first.")
            return
        ok, after = attempt(self.message.show_error,
                            lambda: self._milestones.set_state(chosen.id, state))
        if ok:
            self.refresh()
            if state == REACHED:  # a quiet celebration: a note and the date, nothing loud
                self.message.show_success(f"Reached on {after.reached_on}. A step worth "
                                          "noticing, together.")

    # -- ladder ---------------------------------------------------------------------------------
    def _fetch_steps(self, offset: int, limit: int) -> list[StepView]:
        viewer = self.picker.current_id()
        return self._ladder.steps(viewer)[offset:offset + limit] if viewer else []

    def _step_text(self, step: StepView) -> str:
        return step_text(step, self._together)

    def refresh_ladder(self) -> None:
        if not self._service.is_unlocked:
            return
        self.picker.refresh()
        self._ladder.open_ready_steps()  # compares readiness only if you are both here
        self._together = self._ladder.together()
        self.ladder_note.setText(TOGETHER_NOTE if self._together else ALONE_NOTE)
        self.steps_model.reload()
        self.step_suggestion.clear()
        self.step_suggestion.addItem(PICK, None)
        for s in self._ladder.suggestions(self._content.ladder_steps):
            self.step_suggestion.addItem(s.title, s)
        self.events.setText("\n".join(e.sentence for e in self._ladder.events(5)))

    def _chosen_step(self) -> StepView | None:
        step = self._selected(self.steps, self.steps_model)
        if step is None:
            self.ladder_message.show_error("Choose a step in the ladder first.")
        return step

    def _after_ladder_change(self, step_id: int | None = None) -> None:
        self.refresh_ladder()
        rows = [i for i in range(self.steps_model.rowCount())
                if self.steps_model.item(i).id == step_id]
        if rows:
            self.steps.setCurrentIndex(self.steps_model.index(rows[0]))

    def _mark(self, ready: bool) -> None:
        step = self._chosen_step()
        if step is None:
            return
        ok, _ = attempt(self.ladder_message.show_error, lambda: self._ladder.set_ready(
            self.picker.current_id(), step.id, ready))
        if ok:
            self.ladder_message.clear()
            self._after_ladder_change(step.id)

    def pause(self) -> None:
        step = self._chosen_step()
        if step is not None:
            ok, _ = attempt(self.ladder_message.show_error, lambda: self._ladder.pause(step.id))
            if ok:
                self.ladder_message.show_success("Paused. No reason needed.")
                self._after_ladder_change(step.id)

    def step_back(self) -> None:
        ok, step_id = attempt(self.ladder_message.show_error, self._ladder.step_back)
        if ok:
            self.ladder_message.show_success("You stepped back. That is a normal part of the "
                                             "ladder.")
            self._after_ladder_change(step_id)

    def _move(self, offset: int) -> None:
        step = self._chosen_step()
        if step is not None:
            self._ladder.move(step.id, offset)
            self._after_ladder_change(step.id)

    def add_step(self) -> None:
        suggestion = self.step_suggestion.currentData()
        if suggestion is None:
            self.ladder_message.show_error("Choose a suggested step to add.")
            return
        ok, step_id = attempt(self.ladder_message.show_error,
                              lambda: self._ladder.add_suggestion(suggestion))
        if ok:
            self.ladder_message.clear()
            self._after_ladder_change(step_id)

    def clear(self) -> None:
        super().clear()
        for model in (self.model, self.timeline_model, self.steps_model):
            model.forget()
        for combo in (self.suggestion, self.step_suggestion):
            combo.clear()
        self.events.clear()
        self.ladder_note.clear()
        self.picker.clear()
