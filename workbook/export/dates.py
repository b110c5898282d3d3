"""One date format for every printed page: "14 March 2026", spelled out so "03/04" cannot be
read two ways. The spelling itself is the app's one formatter (`workbook.dates.full_date`); this
adds only what print needs: ISO strings and no date."""

from __future__ import annotations

import datetime as dt

from workbook.dates import full_date


def long_date(day: dt.date | str | None) -> str:
    """`day` (a date or an ISO string) as "14 March 2026"; "" for None or an empty string."""
    if not day:
        return ""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    return full_date(day)
