"""The consent ladder (chapter 8): ordered steps the couple writes or picks from suggestions.

Privacy design (why it is built this way):
- The steps and their state (waiting, open, paused) are shared, in `shared.db`.
- Each partner's readiness for a step lives only in THEIR private database. Nobody, not even the
  app on behalf of the other partner, can read it while that partner is away: their file is
  closed and its key is not in memory. So "who is ready" cannot leak before a step opens.
- The app compares readiness only when both partners are unlocked together (sitting together).
  If both are ready then, the step opens and "opened" is recorded in `shared.db`.
  With one partner present the app shows only that partner's own readiness.
- Either partner can pause any step at any time, alone, with no reason asked. A pause bumps the
  step's `round`; readiness is stored with the round it was given for, so after a pause each
  partner says "ready" afresh (the absent partner's file is never touched). Pauses are recorded
  without saying who paused, so a pause can never become a reproach.
- "Going back a step" pauses the highest open step; it is recorded and worded neutrally.
- One unavoidable inference remains, as in any mutual-consent design: if you mark a step ready
  while sitting together and it does not open, your partner is not ready yet. The page says so
  gently before you mark, instead of pretending otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbook.changes import Change
from workbook.content.model import LadderStep as SuggestedStep
from workbook.dates import full_date
from workbook.storage.trackers import LadderRepository, ReadinessRepository, StepRow
from workbook.trackers.tracking import TrackerError, TrackerService, clean_text, clean_title, iso

WAITING, OPEN, PAUSED = "waiting", "open", "paused"
OPENED, PAUSED_EVENT, STEPPED_BACK = "opened", "paused", "stepped_back"
EVENT_WORDS = {OPENED: "opened for you both", PAUSED_EVENT: "paused for now",
               STEPPED_BACK: "you stepped back from here, a normal part of the ladder"}


@dataclass(frozen=True)
class StepView:
    """A step as one partner sees it: the shared state plus only their own readiness."""

    id: int
    position: int
    title: str
    description: str
    state: str
    changed_on: str
    my_ready: bool


@dataclass(frozen=True)
class LadderEvent:
    title: str
    event: str
    day: str

    @property
    def sentence(self) -> str:
        return f"{full_date(dt.date.fromisoformat(self.day))}: {self.title}, " \
            f"{EVENT_WORDS[self.event]}."


class LadderService(TrackerService):
    def _steps(self) -> LadderRepository:
        return LadderRepository(self._shared())

    def _readiness(self, partner_id: str) -> ReadinessRepository:
        return ReadinessRepository(self._private(partner_id))

    def _step(self, step_id: int) -> StepRow:
        step = self._steps().get(step_id)
        if step is None:
            raise TrackerError("That step is no longer on your ladder.")
        return step

    # -- building the ladder ----------------------------------------------------------------------
    def add(self, title: str, description: str = "", suggestion_id: str | None = None) -> int:
        new_id = self._steps().add(clean_title(title), clean_text(description), suggestion_id,
                                   iso(self.today()))
        self.workbook.announce(Change.LADDER)
        return new_id

    def add_suggestion(self, suggestion: SuggestedStep) -> int:
        return self.add(suggestion.title, suggestion.description, suggestion.id)

    def suggestions(self, suggested: tuple[SuggestedStep, ...]) -> list[SuggestedStep]:
        taken = {s.suggestion_id for s in self._steps().steps()}
        return [s for s in suggested if s.id not in taken]

    def move(self, step_id: int, offset: int) -> None:
        """Move one place up (-1) or down (+1); at either end nothing changes."""
        steps = self._steps().steps()
        index = next(i for i, s in enumerate(steps) if s.id == step_id)
        other = index + offset
        if 0 <= other < len(steps):
            self._steps().swap(steps[index], steps[other])
            self.workbook.announce(Change.LADDER)

    def rename(self, step_id: int, title: str) -> None:
        self._step(step_id)
        self._steps().rename(step_id, clean_title(title))
        self.workbook.announce(Change.LADDER)

    def can_remove(self, step_id: int) -> bool:
        """Only a step that has never opened can be taken off. One you have opened together
        is part of your shared history; it can always be paused instead."""
        return not self._steps().ever_opened(self._step(step_id).id)

    def delete(self, step_id: int) -> None:
        if not self.can_remove(step_id):
            raise TrackerError("This step has been open for you both, so it stays on your "
                               "ladder. You can pause it at any time instead.")
        self._steps().delete(step_id)
        for partner_id in self._present_ids():  # tidy; an absent partner's mark stays unread
            self._readiness(partner_id).forget(step_id)
        self.workbook.announce(Change.LADDER)

    # -- what a partner sees ----------------------------------------------------------------------
    def steps(self, viewer_id: str) -> list[StepView]:
        readiness = self._readiness(viewer_id)
        return [StepView(s.id, s.position, s.title, s.description, s.state, s.changed_on,
                         _ready_now(readiness, s)) for s in self._steps().steps()]

    def events(self, limit: int = 20) -> list[LadderEvent]:
        return [LadderEvent(e.title, e.event, e.day) for e in self._steps().events(limit)]

    def together(self) -> bool:
        """Readiness can be compared only when every partner of a couple is present."""
        everyone = self._partner_ids()
        return len(everyone) == 2 and set(self._present_ids()) == set(everyone)

    # -- readiness, opening, pausing ---------------------------------------------------------------
    def set_ready(self, partner_id: str, step_id: int, ready: bool) -> StepView:
        """Record this partner's own readiness. Withdrawing it from an open step pauses it."""
        step = self._step(step_id)
        self._readiness(partner_id).set(step_id, step.round, ready)
        if not ready and step.state == OPEN:
            self.pause(step_id)
        else:
            self.open_ready_steps()
        self.workbook.announce(Change.LADDER)
        return next(v for v in self.steps(partner_id) if v.id == step_id)

    def open_ready_steps(self) -> list[int]:
        """Open every step both partners are ready for; only possible sitting together."""
        if not self.together():
            return []
        opened = []
        for step in self._steps().steps():
            if step.state != OPEN and self._all_ready(step):
                self._steps().set_state(step.id, OPEN, step.round, iso(self.today()), OPENED)
                opened.append(step.id)
        if opened:
            self.workbook.announce(Change.LADDER)
        return opened

    def _all_ready(self, step: StepRow) -> bool:
        return all(_ready_now(self._readiness(pid), step) for pid in self._partner_ids())

    def pause(self, step_id: int, event: str = PAUSED_EVENT) -> None:
        """Any present partner may pause any step, at any time, without a reason."""
        self._session()  # a locked workbook cannot pause anything
        step = self._step(step_id)
        if step.state == PAUSED and event == PAUSED_EVENT:
            return  # already paused: pausing again is simply honoured
        self._steps().set_state(step_id, PAUSED, step.round + 1, iso(self.today()), event)
        self.workbook.announce(Change.LADDER)

    def step_back(self) -> int:
        """Pause the highest open step. Returns its id."""
        open_steps = [s for s in self._steps().steps() if s.state == OPEN]
        if not open_steps:
            raise TrackerError("No step is open right now, so there is nothing to step back "
                               "from.")
        self.pause(open_steps[-1].id, STEPPED_BACK)
        return open_steps[-1].id


def _ready_now(readiness: ReadinessRepository, step: StepRow) -> bool:
    mark = readiness.get(step.id)
    return mark is not None and mark[0] == step.round and mark[1]
