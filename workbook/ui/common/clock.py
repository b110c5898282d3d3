"""The time as the windows read it. Passed in by the composition root (`create_main_window`), so
a test can hand in a clock it moves by hand instead of waiting for real minutes to pass."""

from __future__ import annotations

import datetime as dt
import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """Local wall time: which calendar day it is (once-a-day reminders)."""
        ...

    def monotonic(self) -> float:
        """Seconds that only move forward: how long since the last key press (the idle lock)."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> dt.datetime:
        return dt.datetime.now()

    def monotonic(self) -> float:
        return time.monotonic()


SYSTEM_CLOCK = SystemClock()
