"""The workbook's content as frozen dataclasses.

Content is read-only for the whole life of the app, so everything here is immutable and uses
tuples, never lists. Answers are stored elsewhere and point back here by id (chapter id,
worksheet id, field id), which is why ids are stable slugs and never derived from titles.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from enum import StrEnum


class FieldKind(StrEnum):
    LONG_TEXT = "long_text"
    SHORT_TEXT = "short_text"
    CHECKLIST = "checklist"
    SINGLE_CHOICE = "single_choice"
    SCALE = "scale"
    REFRAME = "reframe"
    RANKED_LIST = "ranked_list"
    DATE = "date"


DEFAULT_REFRAME_LEFT = "What I tell myself"
DEFAULT_REFRAME_RIGHT = "A kinder way to see it"


def paragraphs(text: str) -> tuple[str, ...]:
    """Split text on blank lines; single line breaks inside a paragraph become spaces.

    Authors wrap long lines in the TOML files; readers should never see those breaks.
    """
    blocks = re.split(r"\n\s*\n", text.strip())
    return tuple(" ".join(line.strip() for line in b.splitlines()) for b in blocks if b.strip())


@dataclass(frozen=True)
class Field:
    """One question on a worksheet. Kind-specific attributes keep their defaults elsewhere."""

    id: str
    kind: FieldKind
    prompt: str
    help: str = ""
    options: tuple[str, ...] = ()  # checklist, single_choice
    allow_other: bool = False  # checklist: offer a free "Other" entry
    low_label: str = ""  # scale
    high_label: str = ""  # scale
    min: int = 0  # scale
    max: int = 10  # scale
    left_label: str = DEFAULT_REFRAME_LEFT  # reframe
    right_label: str = DEFAULT_REFRAME_RIGHT  # reframe
    items: tuple[str, ...] = ()  # ranked_list: given items; empty means the user writes them
    max_items: int | None = None  # ranked_list: cap for free items


@dataclass(frozen=True)
class Worksheet:
    id: str
    title: str
    fields: tuple[Field, ...]
    intro: str = ""

    def field(self, field_id: str) -> Field:
        return _by_id(self.fields, field_id, "field")


@dataclass(frozen=True)
class Milestone:
    id: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class LadderStep:
    """A suggested consent-ladder step; `order` is its 1-based place in the chapter's list."""

    id: str
    order: int
    title: str
    description: str = ""


@dataclass(frozen=True)
class Chapter:
    id: str
    number: int
    title: str
    summary: str
    reading: str
    worksheets: tuple[Worksheet, ...]
    milestones: tuple[Milestone, ...] = ()
    ladder_steps: tuple[LadderStep, ...] = ()
    content_note: str | None = None

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return paragraphs(self.reading)

    def worksheet(self, worksheet_id: str) -> Worksheet:
        return _by_id(self.worksheets, worksheet_id, "worksheet")


@dataclass(frozen=True)
class Section:
    body: str
    title: str = ""
    points: tuple[str, ...] = ()  # shown as a bulleted list after the body

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return paragraphs(self.body)


@dataclass(frozen=True)
class Page:
    """A free-standing page such as the introduction or support and safety."""

    id: str
    title: str
    sections: tuple[Section, ...]
    summary: str = ""


@dataclass(frozen=True)
class CheckinScale:
    id: str
    title: str
    question: str
    low_label: str
    high_label: str
    min: int = 0
    max: int = 10
    help: str = ""  # a quiet line under the scale (the "safe" scale points to Support)


@dataclass(frozen=True)
class Content:
    """Everything that loaded cleanly. Chapters are sorted by number."""

    chapters: tuple[Chapter, ...] = ()
    pages: tuple[Page, ...] = ()
    checkin_scales: tuple[CheckinScale, ...] = ()
    gratitude_prompts: tuple[str, ...] = ()

    def chapter(self, chapter_id: str) -> Chapter:
        return _by_id(self.chapters, chapter_id, "chapter")

    def page(self, page_id: str) -> Page:
        return _by_id(self.pages, page_id, "page")

    def scale(self, scale_id: str) -> CheckinScale:
        return _by_id(self.checkin_scales, scale_id, "check-in scale")

    def worksheet(self, chapter_id: str, worksheet_id: str) -> Worksheet:
        return self.chapter(chapter_id).worksheet(worksheet_id)

    @property
    def ladder_steps(self) -> tuple[LadderStep, ...]:
        """All suggested consent-ladder steps, in chapter order then list order."""
        return tuple(step for ch in self.chapters for step in ch.ladder_steps)

    def gratitude_prompt_for(self, day: _dt.date) -> str:
        """The prompt for a given day; prompts rotate so each day offers a different one."""
        if not self.gratitude_prompts:
            return ""
        return self.gratitude_prompts[day.toordinal() % len(self.gratitude_prompts)]


def _by_id(items, item_id: str, what: str):
    # Linear search: these tuples hold at most a few dozen items.
    for item in items:
        if item.id == item_id:
            return item
    raise KeyError(f"no {what} with id {item_id!r}")
