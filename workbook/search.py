"""Full-text search over what one unlocked partner may see: their own private entries (gratitude,
check-in notes, answers) and the shared space (milestones, shared appreciations and answers).

Each database keeps its own SQLite FTS5 index inside the encrypted file (schema migration 3),
kept current by triggers, so the index is as protected as the text and searching a ten-year
workbook stays a few milliseconds. Another partner's private file is never opened here, even when
both partners sit together: a search is always made *as* one partner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbook.storage.trackers import (
    ANSWER,
    APPRECIATION,
    CHECKIN_NOTE,
    CONVERSATION_LINE,
    CONVERSATION_NOTE,
    GRATITUDE,
    MILESTONE,
    SHARED_ANSWER,
    IndexHit,
    SearchRepository,
)
from workbook.trackers.tracking import TrackerService

KIND_WORDS = {GRATITUDE: "Gratitude", CHECKIN_NOTE: "Check-in note", ANSWER: "My answer",
              MILESTONE: "Milestone", APPRECIATION: "Appreciation", SHARED_ANSWER: "Shared answer",
              CONVERSATION_NOTE: "My conversation note", CONVERSATION_LINE: "Conversation"}
WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Target:
    """Where a result lives, so the UI can open it: a section and what to open there."""

    section: str      # one of SECTIONS' values
    ref: str          # a chapter id, an ISO day, or a milestone id
    detail: str = ""  # the worksheet id within a chapter


SECTIONS = {GRATITUDE: "gratitude", APPRECIATION: "gratitude", CHECKIN_NOTE: "checkins",
            ANSWER: "chapters", SHARED_ANSWER: "chapters", MILESTONE: "milestones",
            CONVERSATION_NOTE: "together", CONVERSATION_LINE: "together"}


@dataclass(frozen=True)
class SearchResult:
    kind: int
    label: str    # "Gratitude", "Appreciation from Sam", ...
    where: str    # a date, or chapter / worksheet ids
    snippet: str  # plain text around the match
    rank: float
    target: Target | None = None

    @property
    def text(self) -> str:
        return f"{self.label} · {self.where}: {self.snippet}"


def match_expression(query: str) -> str:
    """Each word becomes a quoted prefix term, so nothing the user types is FTS syntax."""
    return " ".join(f'"{word}"*' for word in WORD.findall(query))


class SearchService(TrackerService):
    def search(self, viewer_id: str, query: str, limit: int = 50) -> list[SearchResult]:
        expression = match_expression(query)
        if not expression:
            return []
        names = {p.id: p.name for p in self.workbook.partners()}
        own = SearchRepository(self._private(viewer_id))
        shared = SearchRepository(self._shared())
        results = [r for hit in own.match(expression, limit)
                   if (r := self._result(own, hit, viewer_id, names))]
        results += [r for hit in shared.match(expression, limit)
                    if (r := self._result(shared, hit, viewer_id, names))]
        return sorted(results, key=lambda r: r.rank)[:limit]

    @staticmethod
    def _result(repo: SearchRepository, hit: IndexHit, viewer_id: str,
                names: dict[str, str]) -> SearchResult | None:
        source = repo.source(hit)
        if source is None:
            return None  # the row went away; its index entry is stale, so skip it
        owner, first, second = source
        if owner == viewer_id:
            return None  # your own shared copy: the private original is already listed
        label = KIND_WORDS[hit.kind]
        if owner:
            label = f"{label} from {names.get(owner, 'your partner')}"
        where = " / ".join(x for x in (first, second) if x) if hit.kind in (
            ANSWER, SHARED_ANSWER) else first
        target = Target(SECTIONS[hit.kind], first, second or "")
        if hit.kind == MILESTONE:
            where = f"{first}, {second}"
            target = Target(SECTIONS[hit.kind], str(hit.source_rowid))
        return SearchResult(hit.kind, label, where, hit.snippet, hit.rank, target)
