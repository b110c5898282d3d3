"""The consent ladder card: the steps in order, each partner's own readiness only, a pause anyone
can press without a reason, neutral wording for stepping back, and the couple's own steps
(written, renamed, or removed while they have never opened)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QListView, QWidget

from workbook.content.model import Content
from workbook.trackers.ladder import OPEN, PAUSED, LadderService, StepView
from workbook.ui.common.focus_order import highlight_first_on_focus
from workbook.ui.common.paged_model import PagedListModel
from workbook.ui.common.partner_picker import PartnerPicker
from workbook.ui.common.prompts import Prompts
from workbook.ui.common.responsive import flow_row, narrow_combo
from workbook.ui.common.wheel_guard import wheel_only_when_focused
from workbook.ui.common.widgets import (
    Card,
    InlineMessage,
    attempt,
    plain_button,
    plain_label,
    primary_button,
)

LADDER_INTRO = ("Steps you both agree to, from the gentlest up. Each of you marks your own "
                "readiness privately; nobody sees it. A step opens only when you are both ready "
                "and sitting together here. Either of you can pause any step at any time, with "
                "no reason needed.")
TOGETHER_NOTE = ("You are both here: when you mark a step ready and it stays waiting, your "
                 "partner is not ready yet, and that is completely fine.")
ALONE_NOTE = "A step opens when you are both ready, together."
PICK = "Choose a suggestion…"
KEEP_OPENED = ("This step has been open for you both, so it stays on your ladder. You can pause "
               "it at any time instead.")


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


def list_view(name: str, model: PagedListModel, height: int = 160) -> QListView:
    view = QListView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setUniformItemSizes(True)
    view.setMinimumHeight(height)
    # Long titles are cut with "…" rather than scrolled sideways; the chosen one is shown whole.
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return highlight_first_on_focus(view)


def _line(name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def _field_row(field: QWidget, *after: QWidget) -> QHBoxLayout:
    """A row whose text field or choice takes the room its buttons leave, so titles fit."""
    row = QHBoxLayout()
    row.addWidget(field, 1)
    for widget in after:
        row.addWidget(widget)
    return row


class LadderCard(Card):
    def __init__(self, service, ladder: LadderService, content: Content, prompts: Prompts):
        super().__init__("Our consent ladder", LADDER_INTRO)
        self._service, self._ladder, self._content = service, ladder, content
        self._prompts = prompts
        self._together = False
        self.picker = PartnerPicker(service, "Marking readiness as:")
        self.picker.changed.connect(self.refresh)
        self.note = plain_label(role="note")
        self.model = PagedListModel(self._fetch_steps, lambda s: step_text(s, self._together))
        self.view = list_view("Consent ladder steps", self.model, 220)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._show_chosen())
        self.message = InlineMessage()
        self.events = plain_label(role="muted")
        self.events.setAccessibleDescription("Recent ladder changes")
        for widget in (self.picker, self.note, self.view):
            self.body.addWidget(widget)
        self._build_readiness()
        self._build_editing()
        self._build_adding()
        self.body.addWidget(self.message)
        self.body.addWidget(self.events)

    # -- construction -----------------------------------------------------------------------------
    def _build_readiness(self) -> None:
        self.ready_button = primary_button("I'm ready for this step")
        self.not_yet_button = plain_button("Not yet")
        self.pause_button = plain_button("Pause this step")
        self.back_button = plain_button("Step back", "Step back from the highest open step")
        self.ready_button.clicked.connect(lambda: self._mark(True))
        self.not_yet_button.clicked.connect(lambda: self._mark(False))
        self.pause_button.clicked.connect(self.pause)
        self.back_button.clicked.connect(self.step_back)
        self.body.addWidget(flow_row(self.ready_button, self.not_yet_button,
                                     self.pause_button, self.back_button))

    def _build_editing(self) -> None:
        self.up_button = plain_button("Move up")
        self.down_button = plain_button("Move down")
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.step_title = _line("Title of the chosen step", "Choose a step to rename it")
        self.rename_button = plain_button("Rename", "Rename the chosen step")
        self.remove_button = plain_button("Remove step", "Remove the chosen step")
        self.rename_button.clicked.connect(self.rename_step)
        self.step_title.returnPressed.connect(self.rename_step)
        self.remove_button.clicked.connect(self.remove_step)
        self.body.addWidget(flow_row(self.up_button, self.down_button))
        self.body.addLayout(_field_row(self.step_title, self.rename_button, self.remove_button))

    def _build_adding(self) -> None:
        self.own_step = _line("Write your own step", "Write a step in your own words")
        self.add_own_button = primary_button("Add our own step")
        self.add_own_button.clicked.connect(self.add_own_step)
        self.own_step.returnPressed.connect(self.add_own_step)
        self.suggestion = narrow_combo(wheel_only_when_focused(QComboBox()))
        self.suggestion.setAccessibleName("Suggested ladder steps")
        self.add_button = plain_button("Add step", "Add the suggested step")
        self.add_button.clicked.connect(self.add_step)
        self.body.addLayout(_field_row(self.own_step, self.add_own_button))
        self.body.addLayout(_field_row(self.suggestion, self.add_button))

    # -- showing ----------------------------------------------------------------------------------
    def _fetch_steps(self, offset: int, limit: int) -> list[StepView]:
        viewer = self.picker.current_id()
        return self._ladder.steps(viewer)[offset:offset + limit] if viewer else []

    def refresh(self) -> None:
        if not self._service.is_unlocked:
            return
        self.picker.refresh()
        self._ladder.open_ready_steps()  # compares readiness only if you are both here
        self._together = self._ladder.together()
        self.note.setText(TOGETHER_NOTE if self._together else ALONE_NOTE)
        self.model.reload()
        self.suggestion.clear()
        self.suggestion.addItem(PICK, None)
        for s in self._ladder.suggestions(self._content.ladder_steps):
            self.suggestion.addItem(s.title, s)
        self.events.setText("\n".join(e.sentence for e in self._ladder.events(5)))
        self._show_chosen()

    def chosen(self) -> StepView | None:
        index = self.view.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def _show_chosen(self) -> None:
        """The rename field follows the chosen step; Remove is offered only while allowed."""
        step = self.chosen()
        self.step_title.setText(step.title if step else "")
        for widget in (self.step_title, self.rename_button):
            widget.setEnabled(step is not None)
        self.remove_button.setEnabled(step is not None and self._ladder.can_remove(step.id))
        self.remove_button.setToolTip("" if step is None or self.remove_button.isEnabled()
                                      else KEEP_OPENED)

    def _require_step(self) -> StepView | None:
        step = self.chosen()
        if step is None:
            self.message.show_error("Choose a step in the ladder first.")
        return step

    def _after_change(self, step_id: int | None = None) -> None:
        self.refresh()
        rows = [i for i in range(self.model.rowCount()) if self.model.item(i).id == step_id]
        if rows:
            self.view.setCurrentIndex(self.model.index(rows[0]))

    # -- readiness and pausing --------------------------------------------------------------------
    def _mark(self, ready: bool) -> None:
        step = self._require_step()
        if step is None:
            return
        ok, _ = attempt(self.message.show_error, lambda: self._ladder.set_ready(
            self.picker.chosen_id(), step.id, ready))
        if ok:
            self.message.clear()
            self._after_change(step.id)

    def pause(self) -> None:
        step = self._require_step()
        if step is not None:
            ok, _ = attempt(self.message.show_error, lambda: self._ladder.pause(step.id))
            if ok:
                self.message.show_success("Paused. No reason needed.")
                self._after_change(step.id)

    def step_back(self) -> None:
        ok, step_id = attempt(self.message.show_error, self._ladder.step_back)
        if ok:
            self.message.show_success("You stepped back. That is a normal part of the ladder.")
            self._after_change(step_id)

    # -- building the ladder ----------------------------------------------------------------------
    def _move(self, offset: int) -> None:
        step = self._require_step()
        if step is not None:
            self._ladder.move(step.id, offset)
            self._after_change(step.id)

    def add_own_step(self) -> None:
        title = self.own_step.text()
        ok, step_id = attempt(self.message.show_error, lambda: self._ladder.add(title))
        if ok:
            self.own_step.clear()
            self.message.show_success("Added to your ladder.")
            self._after_change(step_id)

    def add_step(self) -> None:
        suggestion = self.suggestion.currentData()
        if suggestion is None:
            self.message.show_error("Choose a suggested step to add, or write your own.")
            return
        ok, step_id = attempt(self.message.show_error,
                              lambda: self._ladder.add_suggestion(suggestion))
        if ok:
            self.message.clear()
            self._after_change(step_id)

    def rename_step(self) -> None:
        step = self._require_step()
        title = self.step_title.text()
        if step is not None and title.strip() != step.title:
            ok, _ = attempt(self.message.show_error, lambda: self._ladder.rename(step.id, title))
            if ok:
                self.message.show_success("Renamed.")
                self._after_change(step.id)

    def remove_step(self) -> None:
        step = self._require_step()
        if step is None or not self._prompts.confirm(
                self, "Remove this step?",
                f"“{step.title}” will come off your ladder, with any readiness marked for it. "
                "You can always add it again later.", yes="Remove it", no="Keep it",
                destructive=True):
            return
        ok, _ = attempt(self.message.show_error, lambda: self._ladder.delete(step.id))
        if ok:
            self.message.show_success("Removed from your ladder.")
            self._after_change()

    def clear(self) -> None:
        self.model.forget()
        self.suggestion.clear()
        for widget in (self.events, self.note, self.own_step, self.step_title, self.message):
            widget.clear()
        self.picker.clear()
