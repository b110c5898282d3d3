"""What the tracker services (milestones, ladder, check-ins, gratitude, search) share: access to
the open session, a clock tests can set, and calm errors the UI shows as they are."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from workbook.accounts import WorkbookService
from workbook.text import InvalidText, check_storable, clean_line

Clock = Callable[[], dt.date]
MAX_TITLE = 200
MAX_TEXT = 20_000


class TrackerError(InvalidText):
    """A user-facing refusal (for example a state change that makes no sense)."""


def iso(day: dt.date) -> str:
    return day.isoformat()


def clean_title(title: str) -> str:
    return clean_line(title, MAX_TITLE, "Please give it a short title.",
                      f"Please keep the title under {MAX_TITLE} characters.", TrackerError)


def clean_text(text: str) -> str:
    text = check_storable(text).strip()
    if len(text) > MAX_TEXT:
        raise TrackerError("That is longer than this box can keep; please shorten it.")
    return text


class TrackerService:
    """Base for services that read the session at call time (so locking is always honoured)."""

    def __init__(self, workbook: WorkbookService, today: Clock = dt.date.today):
        self.workbook = workbook
        self.today = today

    def _session(self):
        return self.workbook._session()

    def _shared(self):
        return self._session().shared_conn

    def _private(self, partner_id: str):
        """The partner's own database; PermissionError unless that partner is unlocked."""
        return self._session().partner(partner_id).conn

    def _present_ids(self) -> list[str]:
        return [p.id for p in self.workbook.present_partners()]

    def _partner_ids(self) -> list[str]:
        return [p.id for p in self.workbook.partners()]
