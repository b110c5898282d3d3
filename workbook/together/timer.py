"""A speaker's turn timer that never rings: it only says how much of the turn is left.

The clock is injected (seconds, monotonic), so tests move time by hand instead of waiting, and
the UI merely asks for the text once a second."""

from __future__ import annotations

import time
from collections.abc import Callable

MINUTE_CHOICES = (2, 3, 4, 5)
DEFAULT_MINUTES = 3


class TurnTimer:
    def __init__(self, minutes: int | None = DEFAULT_MINUTES,
                 now: Callable[[], float] = time.monotonic):
        self._now = now
        self.minutes = minutes
        self._started: float | None = None
        self._banked = 0.0  # seconds of this turn before the latest pause

    def set_minutes(self, minutes: int | None) -> None:
        """A length from MINUTE_CHOICES, or None for no timer. The turn carries on."""
        if minutes is not None and minutes not in MINUTE_CHOICES:
            raise ValueError("minutes must be one of MINUTE_CHOICES or None")
        self.minutes = minutes

    def start_turn(self) -> None:
        self._banked = 0.0
        self._started = self._now()

    def pause(self) -> None:
        if self._started is not None:
            self._banked += self._now() - self._started
            self._started = None

    def resume(self) -> None:
        if self._started is None:
            self._started = self._now()

    @property
    def running(self) -> bool:
        return self._started is not None

    @property
    def elapsed(self) -> float:
        live = self._now() - self._started if self._started is not None else 0.0
        return self._banked + live

    @property
    def remaining(self) -> float | None:
        if self.minutes is None:
            return None
        return max(0.0, self.minutes * 60 - self.elapsed)

    @property
    def fraction_left(self) -> float:
        """1.0 at the start of a turn, 0.0 when its time is up (1.0 with no timer)."""
        if self.minutes is None:
            return 1.0
        return (self.remaining or 0.0) / (self.minutes * 60)

    def text(self) -> str:
        remaining = self.remaining
        if remaining is None:
            return "No timer this time"
        if remaining <= 0:
            return "Time is up. Finish your thought, then swap when you are ready."
        whole = int(remaining + 0.999)  # 2:59.2 shows as 3:00, never 0:00 before the end
        minutes, seconds = divmod(whole, 60)
        return f"{minutes}:{seconds:02d} left in this turn"
