"""Gratitude: one entry per partner per day, with "something I'm grateful for" and "something I
appreciated about you". Both are private by default; the appreciation can be shared with the
partner (copied to `shared.db`; unsharing removes the copy). There are no streaks: the page
counts days practised this month, gently, and never what was missed.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from workbook.changes import Change
from workbook.storage.trackers import GratitudeRepository, SharedAppreciationRepository
from workbook.trackers.tracking import TrackerService, clean_text, iso


@dataclass(frozen=True)
class Entry:
    day: dt.date
    grateful: str
    appreciation: str
    shared: bool


@dataclass(frozen=True)
class Appreciation:
    """An appreciation to reread: `by_partner` is True when the partner wrote it to you."""

    day: dt.date
    text: str
    by_partner: bool


def _entry(row) -> Entry:
    return Entry(dt.date.fromisoformat(row.day), row.grateful, row.appreciation, row.shared)


def _month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


class GratitudeService(TrackerService):
    def _mine(self, partner_id: str) -> GratitudeRepository:
        return GratitudeRepository(self._private(partner_id))

    def _shared_repo(self) -> SharedAppreciationRepository:
        return SharedAppreciationRepository(self._shared())

    def _partner_of(self, partner_id: str) -> str | None:
        return next((p for p in self._partner_ids() if p != partner_id), None)

    def save(self, partner_id: str, grateful: str, appreciation: str, share: bool = False,
             day: dt.date | None = None) -> None:
        when = iso(day or self.today())
        appreciation = clean_text(appreciation)
        share = share and bool(appreciation)
        self._mine(partner_id).save(when, clean_text(grateful), appreciation, share)
        if share:
            self._shared_repo().share(partner_id, when, appreciation)
        else:
            self._shared_repo().unshare(partner_id, when)
        self.workbook.announce(Change.GRATITUDE)

    def get(self, partner_id: str, day: dt.date | None = None) -> Entry | None:
        row = self._mine(partner_id).get(iso(day or self.today()))
        return _entry(row) if row else None

    def days_in_month(self, partner_id: str, year: int, month: int) -> list[dt.date]:
        first, last = _month_bounds(year, month)
        return [dt.date.fromisoformat(d)
                for d in self._mine(partner_id).days_between(iso(first), iso(last))]

    def page(self, partner_id: str, offset: int, limit: int) -> list[Entry]:
        return [_entry(r) for r in self._mine(partner_id).page(offset, limit)]

    def count(self, partner_id: str) -> int:
        return self._mine(partner_id).count()

    def on_this_day(self, partner_id: str, day: dt.date | None = None) -> list[Appreciation]:
        """Your own entries and your partner's shared appreciations from this date in past
        years."""
        day = day or self.today()
        month_day, before = day.strftime("%m-%d"), iso(day.replace(month=1, day=1))
        found = [Appreciation(e.day, e.grateful or e.appreciation, False)
                 for e in map(_entry, self._mine(partner_id).on_this_day(month_day, before))]
        other = self._partner_of(partner_id)
        if other:
            found += [Appreciation(dt.date.fromisoformat(d), t, True)
                      for d, t in self._shared_repo().on_this_day(other, month_day, before)]
        return sorted(found, key=lambda a: a.day, reverse=True)

    def random_appreciation(self, partner_id: str, rng: random.Random | None = None
                            ) -> Appreciation | None:
        """Something your partner shared with you, or else something you wrote: a small thing
        to reread on a harder day."""
        rng = rng or random.Random()
        before = iso(self.today() + dt.timedelta(days=1))  # entries are never dated ahead
        other = self._partner_of(partner_id)
        if other and (count := self._shared_repo().count_from(other, before)):
            day, text = self._shared_repo().from_partner(other, rng.randrange(count), 1)[0]
            return Appreciation(dt.date.fromisoformat(day), text, True)
        mine = self._mine(partner_id)
        if count := mine.appreciation_count(before):
            row = mine.appreciation_at(rng.randrange(count))
            if row is not None:  # None only if the entry went between counting and picking
                return Appreciation(dt.date.fromisoformat(row.day), row.appreciation, False)
        return None
