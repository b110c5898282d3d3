"""Full-text search over what one unlocked partner may see: their own private entries (gratitude,
check-in notes, answers) and the shared space (milestones, shared appreciations and answers).

Each database keeps its own SQLite FTS5 index inside the encrypted file, kept current by triggers,
so the index is as protected as the text and searching a ten-year workbook stays a few
milliseconds. The index holds the words people wrote, never stored JSON (storage/search_text.py).
Another partner's private file is never opened here, even when both partners sit together: a
search is always made *as* one partner.

Results read like the workbook: where an entry lives in words ("Chapter 1 · What might be getting
in our way · Which of these…", or a date), a snippet of the person's own words with each match in
«», grouped by kind (answers, gratitude, check-in notes, milestones), best first in each group.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from workbook.content.model import Content
from workbook.storage.search_text import MARK_END, MARK_START, Hit, SearchText
from workbook.storage.trackers import (
    ANSWER,
    APPRECIATION,
    CHECKIN_NOTE,
    CONVERSATION_LINE,
    CONVERSATION_NOTE,
    GRATITUDE,
    MILESTONE,
    SHARED_ANSWER,
)
from workbook.trackers.tracking import TrackerService

KIND_WORDS = {GRATITUDE: "Gratitude", CHECKIN_NOTE: "Check-in note", ANSWER: "My answer",
              MILESTONE: "Milestone", APPRECIATION: "Appreciation", SHARED_ANSWER: "Shared answer",
              CONVERSATION_NOTE: "My conversation note", CONVERSATION_LINE: "Conversation"}
GROUPS = {ANSWER: 0, SHARED_ANSWER: 0, GRATITUDE: 1, APPRECIATION: 1, CHECKIN_NOTE: 2,
          MILESTONE: 3, CONVERSATION_NOTE: 4, CONVERSATION_LINE: 4}
GROUP_WORDS = ("Answers", "Gratitude", "Check-in notes", "Milestones", "Conversations")
WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 32  # a pasted page of text is searched by its first words, not refused
PROMPT_WORDS = 8


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
    label: str    # "Gratitude", "Appreciation from Sam", "My answer", ...
    where: str    # "Chapter 1 · Worksheet · Question…", or a date in words
    snippet: str  # the person's words around the match, each match in «»
    rank: float
    target: Target | None = None

    @property
    def group(self) -> str:
        return GROUP_WORDS[GROUPS[self.kind]]

    @property
    def text(self) -> str:
        return f"{self.label} · {self.where}\n{self.snippet}"


@dataclass(frozen=True)
class Found:
    results: list[SearchResult]
    total: int  # every match, even beyond the limit

    @property
    def capped(self) -> bool:
        return self.total > len(self.results)

    def summary(self) -> str:
        """"Showing the first 200 of 1234 matches (answers 150, gratitude 50)"."""
        groups: dict[str, int] = {}
        for result in self.results:
            groups[result.group] = groups.get(result.group, 0) + 1
        kinds = ", ".join(f"{name.lower()} {count}" for name, count in groups.items())
        counted = f" ({kinds})" if len(groups) > 1 else ""
        if self.capped:
            return f"Showing the first {len(self.results)} of {self.total} matches{counted}"
        return f"{self.total} {'match' if self.total == 1 else 'matches'}{counted}"


def match_expression(query: str) -> str:
    """Each word becomes a quoted prefix term, so nothing the user types is FTS syntax."""
    return " ".join(f'"{word}"*' for word in WORD.findall(query)[:MAX_TERMS])


def highlighted(snippet: str) -> str:
    """One readable line: each match in «», the lines of an answer joined by " / "."""
    text = snippet.replace(MARK_START, "«").replace(MARK_END, "»")
    return " / ".join(line.strip() for line in text.splitlines() if line.strip())


def day_words(iso_day: str) -> str:
    try:
        day = dt.date.fromisoformat(iso_day)
    except (TypeError, ValueError):
        return iso_day or ""
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B %Y')}"


@cache
def _bundled_content() -> Content:
    from workbook.content.loader import load_content
    return load_content().content


class SearchService(TrackerService):
    def __init__(self, workbook, content: Content | None = None, **kwargs):
        super().__init__(workbook, **kwargs)
        self._content = content

    @property
    def content(self) -> Content:
        return self._content or _bundled_content()

    def search(self, viewer_id: str, query: str, limit: int = 50) -> list[SearchResult]:
        return self.find(viewer_id, query, limit).results

    def find(self, viewer_id: str, query: str, limit: int = 200) -> Found:
        """The best `limit` matches, grouped by kind, and how many there are in all."""
        expression = match_expression(query)
        if not expression:
            return Found([], 0)
        names = {p.id: p.name for p in self.workbook.partners()}
        own, shared = SearchText(self._private(viewer_id)), SearchText(self._shared())
        results = [r for index in (own, shared) for hit in index.match(expression, limit)
                   if (r := self._result(index, hit, viewer_id, names))]
        best = sorted(results, key=lambda r: r.rank)[:limit]
        total = own.count(expression) + shared.count(expression, not_owned_by=viewer_id)
        return Found(sorted(best, key=lambda r: (GROUPS[r.kind], r.rank)),
                     max(total, len(best)))

    def _result(self, index: SearchText, hit: Hit, viewer_id: str,
                names: dict[str, str]) -> SearchResult | None:
        place = index.place(hit)
        if place is None:
            return None  # the row went away; its index entry is stale, so skip it
        owner, first, second, field_id = place
        if owner == viewer_id:
            return None  # your own shared copy: the private original is already listed
        label = KIND_WORDS[hit.kind]
        if owner:
            label = f"{label} from {names.get(owner, 'your partner')}"
        target = Target(SECTIONS[hit.kind], first, second or "")
        if hit.kind in (ANSWER, SHARED_ANSWER):
            where = self._answer_place(first, second, field_id)
        elif hit.kind == MILESTONE:
            where = f"{second} · {day_words(first)}"
            target = Target(SECTIONS[hit.kind], str(hit.rowid))
        else:
            where = day_words(first)
        return SearchResult(hit.kind, label, where, highlighted(hit.snippet), hit.rank, target)

    def _answer_place(self, chapter_id: str, worksheet_id: str, field_id: str) -> str:
        try:
            chapter = self.content.chapter(chapter_id)
            sheet = chapter.worksheet(worksheet_id)
            field = sheet.field(field_id)
        except KeyError:
            return "An answer to a question this version of the app does not have"
        words = field.prompt.split()
        prompt = " ".join(words[:PROMPT_WORDS]) + ("…" if len(words) > PROMPT_WORDS else "")
        return f"Chapter {chapter.number} · {sheet.title} · {prompt}"
