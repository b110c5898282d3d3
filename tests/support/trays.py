"""A system tray that records what it was asked to show, for `open_window(..., tray=...)`: the
tests see the reminder's words without a desktop tray, and can click the message."""

from __future__ import annotations

from collections.abc import Callable


class FakeTray:
    def __init__(self, available: bool = True):
        self.is_available = available
        self.messages: list[tuple[str, str]] = []
        self._clicked: Callable[[], None] = lambda: None

    def available(self) -> bool:
        return self.is_available

    def show_message(self, title: str, text: str, clicked: Callable[[], None]) -> None:
        self.messages.append((title, text))
        self._clicked = clicked

    def click_message(self) -> None:
        """What clicking the last message in the desktop's tray does."""
        self._clicked()
