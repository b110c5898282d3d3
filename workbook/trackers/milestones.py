"""Milestones: small steps worth noticing. Suggestions come from the chapters' content; couples
add their own. A milestone is shared by the couple (it lives in `shared.db`).

States are not a score. Every change between the four states is allowed, because healing is not
linear: a reached milestone may be worked on again, and a paused one may be picked up or left.
Reaching one records the day (chosen by the couple, today by default); leaving "reached" clears
that day, so the timeline shows only what stands as reached now.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbook.changes import Change
from workbook.content.model import Content
from workbook.storage.trackers import MilestoneRepository, MilestoneRow
from workbook.trackers.tracking import TrackerError, TrackerService, clean_text, clean_title, iso

NOT_STARTED, IN_PROGRESS, REACHED, PAUSED = "not_started", "in_progress", "reached", "paused"
STATES = (NOT_STARTED, IN_PROGRESS, REACHED, PAUSED)
STATE_WORDS = {NOT_STARTED: "Not started", IN_PROGRESS: "In progress", REACHED: "Reached",
               PAUSED: "Paused for now"}

Milestone = MilestoneRow
BOTH, BOTH_WORDS, NOT_RECORDED = "", "Both of you", "Not recorded"
_I_WORDS = ("I", "I'm", "I’m", "I've", "I’ve", "I'll", "I’ll")


def written_as_i(title: str) -> bool:
    """An "I…" milestone is one partner's own, so whose it is must be asked."""
    words = title.split(maxsplit=1)
    return bool(words) and words[0] in _I_WORDS


@dataclass(frozen=True)
class Suggestion:
    id: str
    chapter_id: str
    chapter_title: str
    title: str
    description: str


class MilestoneService(TrackerService):
    def _repo(self) -> MilestoneRepository:
        return MilestoneRepository(self._shared())

    def suggestions(self, content: Content) -> list[Suggestion]:
        """Content milestones not yet added to this workbook, in chapter order."""
        taken = self._repo().suggestion_ids()
        return [Suggestion(m.id, ch.id, ch.title, m.title, m.description)
                for ch in content.chapters for m in ch.milestones if m.id not in taken]

    def add(self, title: str, chapter_id: str | None = None, notes: str = "",
            suggestion_id: str | None = None, owner: str = BOTH) -> int:
        """`owner` is whose milestone it is: a partner's id, or BOTH."""
        if owner != BOTH and owner not in {p.id for p in self.workbook.partners()}:
            raise TrackerError("Choose whose milestone this is: one of you, or both.")
        new_id = self._repo().add(clean_title(title), chapter_id, suggestion_id,
                                  clean_text(notes), iso(self.today()), owner)
        self.workbook.announce(Change.MILESTONES)
        return new_id

    def add_suggestion(self, suggestion: Suggestion, owner: str = BOTH) -> int:
        return self.add(suggestion.title, suggestion.chapter_id, suggestion.description,
                        suggestion.id, owner)

    def whose(self, milestone: Milestone) -> str:
        """"Both of you", a partner's name, or "Not recorded" (added before the app asked)."""
        if milestone.owner is None:
            return NOT_RECORDED
        if milestone.owner == BOTH:
            return BOTH_WORDS
        names = {p.id: p.name for p in self.workbook.partners()}
        return names.get(milestone.owner, "A partner who has left")

    def get(self, milestone_id: int) -> Milestone:
        row = self._repo().get(milestone_id)
        if row is None:
            raise TrackerError("That milestone is no longer in the workbook.")
        return row

    def edit(self, milestone_id: int, title: str, notes: str) -> None:
        self.get(milestone_id)
        self._repo().edit(milestone_id, clean_title(title), clean_text(notes))
        self.workbook.announce(Change.MILESTONES)

    def set_state(self, milestone_id: int, state: str, on: dt.date | None = None) -> Milestone:
        """Move to `state`. `on` is the day it happened (today by default)."""
        if state not in STATES:
            raise TrackerError("That is not a milestone state.")
        current = self.get(milestone_id)
        if current.state == state:
            raise TrackerError(f"This milestone is already {STATE_WORDS[state].lower()}.")
        day = iso(on or self.today())
        started = current.started_on or (day if state in (IN_PROGRESS, REACHED) else None)
        if state == NOT_STARTED:
            started = None  # starting over is fine; the old start date would only mislead
        reached = day if state == REACHED else None
        self._repo().set_state(milestone_id, state, started, reached)
        self.workbook.announce(Change.MILESTONES)
        return self.get(milestone_id)

    def set_reached_on(self, milestone_id: int, day: dt.date) -> Milestone:
        """Adjust the day a reached milestone was reached (it is often marked later)."""
        current = self.get(milestone_id)
        if current.state != REACHED:
            raise TrackerError("A day can be set once the milestone is marked reached.")
        if day > self.today():
            raise TrackerError("Please choose today or an earlier day.")
        started = min(current.started_on or iso(day), iso(day))  # it began by then at the latest
        self._repo().set_state(milestone_id, REACHED, started, iso(day))
        self.workbook.announce(Change.MILESTONES)
        return self.get(milestone_id)

    def delete(self, milestone_id: int) -> None:
        self._repo().delete(milestone_id)
        self.workbook.announce(Change.MILESTONES)

    def page(self, offset: int, limit: int) -> list[Milestone]:
        return self._repo().page(offset, limit)

    def timeline(self, offset: int, limit: int) -> list[Milestone]:
        """Reached milestones, most recent first."""
        return self._repo().reached(offset, limit)

    def count(self) -> int:
        return self._repo().count()
