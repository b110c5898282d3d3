"""Answers to worksheet fields: private by default, shared by an explicit act.

A value is text (structured field kinds store JSON text). Private answers live in the partner's own
database; sharing copies the value into `shared.db`, and unsharing removes that copy.
"""

from __future__ import annotations

from .accounts import WorkbookService
from .storage.repositories import AnswerKey
from .text import check_storable

__all__ = ["AnswerKey", "AnswerService"]


class AnswerService:
    def __init__(self, workbook: WorkbookService):
        self.workbook = workbook

    def _session(self):
        return self.workbook._session()

    def save(self, partner_id: str, key: AnswerKey, value: str) -> None:
        value = check_storable(value)
        session = self._session()
        session.partner(partner_id).answers.save(key, value)
        if session.shared_answers.get(partner_id, key) is not None:
            session.shared_answers.share(partner_id, key, value)  # keep the shared copy current

    def get(self, partner_id: str, key: AnswerKey) -> str | None:
        return self._session().partner(partner_id).answers.get(key)

    def share(self, partner_id: str, key: AnswerKey) -> None:
        session = self._session()
        value = session.partner(partner_id).answers.get(key)
        if value is None:
            raise ValueError("There is no answer to share yet.")
        session.shared_answers.share(partner_id, key, value)

    def unshare(self, partner_id: str, key: AnswerKey) -> None:
        session = self._session()
        session.partner(partner_id)  # only the owner, present, may unshare
        session.shared_answers.unshare(partner_id, key)

    def shared_value(self, owner_id: str, key: AnswerKey) -> str | None:
        """What `owner_id` has shared; any unlocked partner may read it."""
        return self._session().shared_answers.get(owner_id, key)
