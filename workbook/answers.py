"""Answers to worksheet fields: private by default, shared by an explicit act.

The windows and the demo hand over values (a string, a date, a ChecklistValue…) with `save_value`;
the service encodes them with the field's kind (field_kinds.py), so there is one road from a value
to its stored text. `save` takes text already stored that way (imports, the self-test). Private
answers live in the partner's own database; sharing copies the stored text into `shared.db`, and
unsharing removes that copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbook.accounts import WorkbookService
from workbook.changes import Change
from workbook.content.model import Chapter, Field
from workbook.errors import InvalidInput
from workbook.field_kinds import decoded_or_empty, is_answered_text, kind_of
from workbook.storage.repositories import AnswerKey
from workbook.text import check_storable

__all__ = ["AnswerKey", "AnswerService", "Progress", "LAST_READ"]

LAST_READ = "last-read"  # the bookmark Home offers to continue from


@dataclass(frozen=True)
class Progress:
    """How far one partner is in a chapter. `private` is False when the partner is not unlocked:
    their private answers are a lock, so only what they shared can be counted."""

    answered: int
    total: int
    private: bool


class AnswerService:
    def __init__(self, workbook: WorkbookService):
        self.workbook = workbook

    def _session(self):
        return self.workbook._session()

    def save_value(self, partner_id: str, key: AnswerKey, field: Field, value: Any) -> None:
        """Encode `value` for `field` and save it; raises InvalidValue when it does not fit."""
        if key.field_id != field.id:
            raise ValueError("the key and the field name different questions")
        self.save(partner_id, key, kind_of(field).encode(field, value))

    def save(self, partner_id: str, key: AnswerKey, value: str) -> None:
        """Save text already in the stored encoding (field_kinds.py)."""
        value = check_storable(value)
        session = self._session()
        session.partner(partner_id).answers.save(key, value)
        change = Change.ANSWERS
        if session.shared_answers.get(partner_id, key) is not None:
            session.shared_answers.share(partner_id, key, value)  # keep the shared copy current
            change |= Change.SHARING
        self.workbook.announce(change)

    def get(self, partner_id: str, key: AnswerKey) -> str | None:
        return self._session().partner(partner_id).answers.get(key)

    def share(self, partner_id: str, key: AnswerKey) -> None:
        session = self._session()
        value = session.partner(partner_id).answers.get(key)
        if value is None:
            raise InvalidInput("There is no answer to share yet.")
        session.shared_answers.share(partner_id, key, value)
        self.workbook.announce(Change.SHARING)

    def unshare(self, partner_id: str, key: AnswerKey) -> None:
        session = self._session()
        session.partner(partner_id)  # only the owner, present, may unshare
        session.shared_answers.unshare(partner_id, key)
        self.workbook.announce(Change.SHARING)

    def shared_value(self, owner_id: str, key: AnswerKey) -> str | None:
        """What `owner_id` has shared; any unlocked partner may read it."""
        return self._session().shared_answers.get(owner_id, key)

    def is_shared(self, partner_id: str, key: AnswerKey) -> bool:
        return self.shared_value(partner_id, key) is not None

    def chapter_answers(self, partner_id: str, chapter_id: str) -> dict[AnswerKey, str]:
        return self._session().partner(partner_id).answers.all(chapter_id)

    def chapter_values(self, partner_id: str, chapter: Chapter) -> dict[AnswerKey, Any]:
        """Every field's answer, decoded; the empty value where there is none, or where the stored
        one no longer fits this version of the field (it is kept as stored until overwritten)."""
        stored = self.chapter_answers(partner_id, chapter.id)
        return {key: decoded_or_empty(field, stored.get(key))
                for sheet in chapter.worksheets for field in sheet.fields
                for key in (AnswerKey(chapter.id, sheet.id, field.id),)}

    def all_answers(self, partner_id: str) -> dict[AnswerKey, str]:
        return self._session().partner(partner_id).answers.all()

    def shared_in_chapter(self, chapter_id: str | None) -> dict[tuple[str, AnswerKey], str]:
        """Every shared answer (of a chapter, or all when None), keyed by (owner, field)."""
        return self._session().shared_answers.all(chapter_id)

    def progress(self, partner_id: str, chapter: Chapter) -> Progress:
        session = self._session()
        private = partner_id in session.present
        if private:
            stored = self.chapter_answers(partner_id, chapter.id)
        else:
            stored = {k: v for (owner, k), v in self.shared_in_chapter(chapter.id).items()
                      if owner == partner_id}
        fields = [(AnswerKey(chapter.id, sheet.id, f.id), f)
                  for sheet in chapter.worksheets for f in sheet.fields]
        answered = sum(is_answered_text(f, stored.get(key)) for key, f in fields)
        return Progress(answered, len(fields), private)

    def set_bookmark(self, partner_id: str, chapter_id: str, worksheet_id: str | None = None,
                     name: str = LAST_READ) -> None:
        self._session().partner(partner_id).bookmarks.set(name, chapter_id, worksheet_id)
        self.workbook.announce(Change.BOOKMARKS)

    def bookmark(self, partner_id: str, name: str = LAST_READ) -> tuple[str, str | None] | None:
        return self._session().partner(partner_id).bookmarks.get(name)

    def bookmarks(self, partner_id: str) -> dict[str, tuple[str, str | None]]:
        return self._session().partner(partner_id).bookmarks.all()
