"""Together conversations: taking turns, the weekly "How are we doing?", and repair after a hard
moment. Only for two partners sitting together (both unlocked in the session).

Where things live (why): each partner's lines are written to their OWN file, private by
default. Ticking "share" copies a line into the conversation's record in `shared.db`; unticking
removes the copy. The record itself (kind, topic, day, shared lines, and lines written together
such as the weekly plan) stays in the shared space while the conversation is under way, so it
can be paused and resumed; when the conversation ends it is kept only if both partners agree,
otherwise it is deleted and each partner's private notes stay in their own file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from workbook.changes import Change
from workbook.content.model import Content
from workbook.storage.repositories import AnswerRepository, SharedAnswerRepository
from workbook.storage.together import (
    TOGETHER_ID,
    ConversationRepository,
    ConversationRow,
    NoteRepository,
)
from workbook.together.script import Script
from workbook.trackers.tracking import MAX_TITLE, TrackerError, TrackerService, clean_text, iso

TURNS, WEEKLY, REPAIR = "turns", "weekly", "repair"
KINDS = (TURNS, WEEKLY, REPAIR)
OPEN, KEPT = "open", "kept"
_SLOT = re.compile(r"^[a-z0-9-]{1,40}$")
BOTH_ANSWERED, SHARED, SUGGESTED, OWN = "both", "shared", "suggested", "own"


@dataclass(frozen=True)
class Conversation:
    id: int
    kind: str
    topic: str
    started_on: dt.date
    state: str
    step: int


@dataclass(frozen=True)
class Line:
    slot: str
    text: str
    shared: bool


@dataclass(frozen=True)
class SharedLine:
    partner_id: str  # TOGETHER_ID for a line written together
    slot: str
    text: str


@dataclass(frozen=True)
class Record:
    conversation: Conversation
    lines: tuple[SharedLine, ...]


@dataclass(frozen=True)
class Topic:
    source: str  # BOTH_ANSWERED, SHARED or SUGGESTED
    title: str
    chapter_id: str | None = None


def _conversation(row: ConversationRow) -> Conversation:
    return Conversation(row.id, row.kind, row.topic, dt.date.fromisoformat(row.started_on),
                        row.state, row.step)


def clean_topic(topic: str) -> str:
    topic = " ".join(clean_text(topic).split())
    if len(topic) > MAX_TITLE:
        raise TrackerError(f"Please keep the topic under {MAX_TITLE} characters.")
    return topic


class TogetherService(TrackerService):
    def _repo(self) -> ConversationRepository:
        return ConversationRepository(self._shared())

    def _notes(self, partner_id: str) -> NoteRepository:
        return NoteRepository(self._private(partner_id))

    def both_present(self) -> bool:
        return len(self._present_ids()) >= 2

    def _require_both(self) -> None:
        if not self.both_present():
            raise PermissionError("This conversation needs you both to be here.")

    # -- a conversation's course ---------------------------------------------------------
    def start(self, kind: str, topic: str = "") -> Conversation:
        self._require_both()
        if kind not in KINDS:
            raise TrackerError("That is not one of the conversations.")
        new_id = self._repo().start(kind, clean_topic(topic), iso(self.today()))
        self.workbook.announce(Change.TOGETHER)
        return self.get(new_id)

    def get(self, conversation_id: int) -> Conversation:
        row = self._repo().get(conversation_id)
        if row is None:
            raise TrackerError("That conversation is no longer in the workbook.")
        return _conversation(row)

    def unfinished(self) -> list[Conversation]:
        """Conversations paused (or interrupted by locking) before their end."""
        return [_conversation(r) for r in self._repo().in_state(OPEN)]

    def set_step(self, conversation_id: int, step: int) -> None:
        self._repo().set_step(self.get(conversation_id).id, max(0, step))
        self.workbook.announce(Change.TOGETHER)

    def write(self, conversation_id: int, partner_id: str, slot: str, text: str,
              share: bool = False) -> None:
        """A partner's own line: kept in their file; copied to the record only if shared.
        An empty line is removed, and so is its shared copy."""
        self._require_both()
        conversation = self._open(conversation_id)
        slot = _check_slot(slot)
        text = clean_text(text)
        notes, repo = self._notes(partner_id), self._repo()
        if not text:
            notes.delete(conversation.id, slot)
        else:
            notes.save(_row(conversation), slot, text, share)
        if text and share:
            repo.share_line(conversation.id, partner_id, slot, text)
        else:
            repo.unshare_line(conversation.id, partner_id, slot)
        self.workbook.announce(Change.TOGETHER)

    def write_together(self, conversation_id: int, slot: str, text: str) -> None:
        """A line the couple wrote together (the weekly plan): it belongs to the record."""
        self._require_both()
        conversation = self._open(conversation_id)
        slot, text = _check_slot(slot), clean_text(text)
        if text:
            self._repo().share_line(conversation.id, TOGETHER_ID, slot, text)
        else:
            self._repo().unshare_line(conversation.id, TOGETHER_ID, slot)
        self.workbook.announce(Change.TOGETHER)

    def notes(self, conversation_id: int, partner_id: str) -> dict[str, Line]:
        return {n.slot: Line(n.slot, n.text, n.shared)
                for n in self._notes(partner_id).for_conversation(conversation_id)}

    def together_lines(self, conversation_id: int) -> dict[str, str]:
        return {slot: text for owner, slot, text in self._repo().lines(conversation_id)
                if owner == TOGETHER_ID}

    def finish(self, conversation_id: int, keep_agreed_by: Iterable[str]) -> bool:
        """End the conversation. Its record stays only if every present partner agreed;
        returns whether it was kept."""
        self._require_both()
        conversation = self._open(conversation_id)
        kept = set(self._present_ids()) <= set(keep_agreed_by)
        if kept:
            self._repo().keep(conversation.id)
        else:
            self._drop(conversation.id)
        self.workbook.announce(Change.TOGETHER)
        return kept

    def let_go(self, conversation_id: int) -> None:
        """Leave an unfinished conversation for good: its shared record goes, notes stay."""
        self._require_both()
        self._drop(self._open(conversation_id).id)
        self.workbook.announce(Change.TOGETHER)

    def _drop(self, conversation_id: int) -> None:
        for partner_id in self._present_ids():
            self._notes(partner_id).forget_sharing(conversation_id)
        self._repo().delete(conversation_id)

    def _open(self, conversation_id: int) -> Conversation:
        conversation = self.get(conversation_id)
        if conversation.state != OPEN:
            raise TrackerError("That conversation has already ended.")
        return conversation

    # -- what is kept ----------------------------------------------------------------
    def records(self, offset: int = 0, limit: int = 20) -> list[Record]:
        """Conversations both partners chose to keep, newest first, with their shared lines."""
        repo = self._repo()
        return [Record(_conversation(row),
                       tuple(SharedLine(*line) for line in repo.lines(row.id)))
                for row in repo.in_state(KEPT, offset, limit)]

    # -- topics for taking turns ------------------------------------------------------
    def topics(self, content: Content, script: Script) -> list[Topic]:
        """Worksheets you have both answered, answers either of you shared (by their question,
        never their text), and the suggestions written for this section."""
        self._require_both()
        found = self._both_answered(content) + self._shared_answers(content)
        known = {c.id for c in content.chapters}
        found += [Topic(SUGGESTED, s.title, s.chapter) for s in script.suggestions
                  if s.chapter in known]
        return found

    def _both_answered(self, content: Content) -> list[Topic]:
        session = self._session()
        sheets = None
        for partner_id in self._present_ids():
            keys = AnswerRepository(session.partner(partner_id).conn).all()
            mine = {(k.chapter_id, k.worksheet_id) for k in keys}
            sheets = mine if sheets is None else sheets & mine
        topics = []
        for chapter_id, worksheet_id in sorted(sheets or ()):
            try:
                chapter = content.chapter(chapter_id)
                sheet = chapter.worksheet(worksheet_id)
            except KeyError:
                continue  # a worksheet no longer in the content
            topics.append(Topic(BOTH_ANSWERED, f"{sheet.title} (chapter {chapter.number})",
                                chapter_id))
        return topics

    def _shared_answers(self, content: Content) -> list[Topic]:
        topics, seen = [], set()
        for (_owner, key) in SharedAnswerRepository(self._shared()).all():
            if key in seen:
                continue
            seen.add(key)
            try:
                sheet = content.worksheet(key.chapter_id, key.worksheet_id)
                prompt = next(f.prompt for f in sheet.fields if f.id == key.field_id)
            except (KeyError, StopIteration):
                continue
            topics.append(Topic(SHARED, prompt, key.chapter_id))
        return topics


def _check_slot(slot: str) -> str:
    if not _SLOT.match(slot):
        raise ValueError("slot names are short lowercase ids chosen by the code")
    return slot


def _row(conversation: Conversation) -> ConversationRow:
    return ConversationRow(conversation.id, conversation.kind, conversation.topic,
                           iso(conversation.started_on), conversation.state, conversation.step)
