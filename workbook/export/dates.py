"""One date format for every printed page: "14 March 2026".

Spelled out rather than numeric, so "03/04" cannot be read as April by one reader and March by
another; month names are written here because strftime's %B follows the process locale, which
Qt sets, and a page must not switch language half-way. Cheap to import (no reportlab).
"""

from __future__ import annotations

import datetime as dt

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def long_date(day: dt.date | str | None) -> str:
    """`day` (a date or an ISO string) as "14 March 2026"; "" for None or an empty string."""
    if not day:
        return ""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
