"""Check-ins: a short daily check-in on the content's scales (0-10 with worded ends), plus an
optional note.

Choice (why): the scores and the note are PRIVATE by default, in the partner's own database,
like reflective answers. A partner may tick "share these numbers" for a check-in; then only the
scores are copied to `shared.db` (the note never is), and unticking removes that copy. So a hard
day is never on show unless its owner chose it, and the "together" trend uses exactly what each
partner has shared.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from workbook.changes import Change
from workbook.content.model import CheckinScale
from workbook.storage.trackers import CheckinRepository, SharedCheckinRepository
from workbook.trackers.tracking import Clock, TrackerError, TrackerService, clean_text, iso

WEEK, MONTH = "week", "month"


@dataclass(frozen=True)
class Checkin:
    day: dt.date
    scores: dict[str, int]
    note: str
    shared: bool


@dataclass(frozen=True)
class TrendPoint:
    """Averages over one week (starting Monday) or one month, for the days checked in."""

    start: dt.date
    averages: dict[str, float]
    count: int


def period_start(day: dt.date, period: str) -> dt.date:
    if period == WEEK:
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def bucket(rows: Iterable[tuple[str, str]], period: str) -> list[TrendPoint]:
    """Average each scale per period; a scale missing on a day is simply left out."""
    sums: dict[dt.date, dict[str, list[int]]] = {}
    counts: dict[dt.date, int] = {}
    for day_text, scores_json in rows:
        start = period_start(dt.date.fromisoformat(day_text), period)
        counts[start] = counts.get(start, 0) + 1
        for scale, value in json.loads(scores_json).items():
            sums.setdefault(start, {}).setdefault(scale, []).append(value)
    return [TrendPoint(start, {k: sum(v) / len(v) for k, v in sums.get(start, {}).items()},
                       counts[start]) for start in sorted(counts)]


class CheckinService(TrackerService):
    def __init__(self, workbook, scales: tuple[CheckinScale, ...], today: Clock = dt.date.today):
        super().__init__(workbook, today)
        self.scales = scales

    def _mine(self, partner_id: str) -> CheckinRepository:
        return CheckinRepository(self._private(partner_id))

    def _shared_repo(self) -> SharedCheckinRepository:
        return SharedCheckinRepository(self._shared())

    def _check_scores(self, scores: dict[str, int]) -> str:
        known = {s.id: s for s in self.scales}
        for scale_id, value in scores.items():
            scale = known.get(scale_id)
            if scale is None or not isinstance(value, int) or not scale.min <= value <= scale.max:
                raise TrackerError("A check-in value is outside its scale.")
        return json.dumps(scores, sort_keys=True)

    def save(self, partner_id: str, scores: dict[str, int], note: str = "", share: bool = False,
             day: dt.date | None = None) -> None:
        """One check-in per day; saving again the same day replaces it."""
        when = iso(day or self.today())
        encoded = self._check_scores(scores)
        self._mine(partner_id).save(when, encoded, clean_text(note), share)
        if share:
            self._shared_repo().share(partner_id, when, encoded)
        else:
            self._shared_repo().unshare(partner_id, when)
        self.workbook.announce(Change.CHECKINS)

    def get(self, partner_id: str, day: dt.date | None = None) -> Checkin | None:
        row = self._mine(partner_id).get(iso(day or self.today()))
        if row is None:
            return None
        return Checkin(dt.date.fromisoformat(row.day), json.loads(row.scores), row.note,
                       row.shared)

    def trend(self, viewer_id: str, subject_id: str, period: str = WEEK,
              since: dt.date | None = None) -> list[TrendPoint]:
        """The viewer's own check-ins in full; another partner's only as far as they shared."""
        self._private(viewer_id)  # the viewer must be present
        first = iso(since or dt.date.min)
        if viewer_id == subject_id:
            rows = self._mine(viewer_id).scores_since(first)
        else:
            rows = self._shared_repo().scores_since(subject_id, first)
        return bucket(rows, period)

    def count(self, partner_id: str) -> int:
        return self._mine(partner_id).count()
