"""The one way dates are written on screen and on paper, and the one way a typed date is read.

Written dates are long and spelled out ("14 February 2027"), with the year whenever it is not
the current one (or always, where a date stands alone: a field, a printed page). Month names are
spelled here rather than by strftime's %B, which follows the process locale (Qt sets it) and
would mix languages inside English sentences. Typed dates follow the locale's order of day and
month (the caller says which); a four-digit first number is read as an ISO date.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NUMBERS = {name.lower()[:3]: number for number, name in enumerate(MONTHS, 1)}


def full_date(day: dt.date) -> str:
    """"14 February 2027": where a date stands alone."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def long_date(day: dt.date, today: dt.date | None = None) -> str:
    """"14 February", with the year when it is not this year's."""
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return text if day.year == (today or dt.date.today()).year else f"{text} {day.year}"


def weekday_date(day: dt.date, today: dt.date | None = None) -> str:
    """"Sunday 14 February", with the year when it is not this year's."""
    return f"{WEEKDAYS[day.weekday()]} {long_date(day, today)}"


def month_year(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def date_range(start: dt.date, end: dt.date) -> str:
    return f"{full_date(start)} to {full_date(end)}"


def weeks(count: int) -> str:
    return f"{count} week" if count == 1 else f"{count} weeks"


def example_typed(day_first: bool) -> str:
    """How to type 14 February 2027 in the caller's order (shown as a hint)."""
    return "14/02/2027" if day_first else "02/14/2027"


def parse_typed_date(text: str, day_first: bool = True,
                     today: dt.date | None = None) -> dt.date | None:
    """Read what someone typed: "14/02/2027", "14.2.27", "14022027", "2027-02-14",
    "14 February 2027", "Feb 14 2027". Empty means no date. Raises ValueError otherwise."""
    text = text.strip().rstrip(".")
    if not text:
        return None
    today = today or dt.date.today()
    words = re.findall(r"[^\W\d_]+", text)
    numbers = re.findall(r"\d+", text)
    if words:
        return _with_month_name(words, numbers, today)
    if len(numbers) == 1 and len(numbers[0]) in (6, 8):
        run = numbers[0]
        if run[:2] in ("19", "20") and len(run) == 8 and int(run[4:6]) <= 12 \
                and int(run[:4]) >= 1900 and not 1 <= int(run[:2]) <= 12:
            numbers = [run[:4], run[4:6], run[6:]]
        else:
            numbers = [run[:2], run[2:4], run[4:]]
    if len(numbers) == 2:
        numbers.append(str(today.year))
    if len(numbers) != 3:
        raise ValueError("not a date")
    if len(numbers[0]) == 4:
        year, month, day = numbers
    elif day_first:
        day, month, year = numbers
    else:
        month, day, year = numbers
    return _make(year, month, day)


def _with_month_name(words: list[str], numbers: list[str], today: dt.date) -> dt.date:
    months = [_MONTH_NUMBERS.get(w.lower()[:3]) for w in words]
    months = [m for m in months if m]
    if len(months) != 1 or not 1 <= len(numbers) <= 2:
        raise ValueError("not a date")
    day = numbers[0]
    year = numbers[1] if len(numbers) == 2 else str(today.year)
    return _make(year, str(months[0]), day)


def _make(year: str, month: str, day: str) -> dt.date:
    number = int(year)
    if len(year) <= 2:
        number += 2000
    if not 1900 <= number <= 2200:
        raise ValueError("year out of range")
    return dt.date(number, int(month), int(day))  # ValueError for 31 February
