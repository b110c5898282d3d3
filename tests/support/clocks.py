"""A clock a test moves by hand. Pass it to `open_window(..., clock=...)` (or straight to
`IdleLock` or `DailyReminder`), move it with `advance`, then call the object's `check()`: no test
waits for real minutes, and none sets a private attribute to fake the time."""

from __future__ import annotations

import datetime as dt


class FakeClock:
    """Both readings (`now` for the calendar, `monotonic` for intervals) move together."""

    def __init__(self, start: dt.datetime = dt.datetime(2026, 3, 12, 9, 0)):
        self._now = start
        self._seconds = 1000.0

    def now(self) -> dt.datetime:
        return self._now

    def monotonic(self) -> float:
        return self._seconds

    def advance(self, **delta: float) -> None:
        """`advance(minutes=20)`: any keyword `datetime.timedelta` takes."""
        step = dt.timedelta(**delta)
        self._now += step
        self._seconds += step.total_seconds()
