"""Pages of a stack that are built the first time they are needed.

Every page of the open workbook used to be built at unlock; most sessions visit two or three.
A page registered with `add` costs only a blank placeholder, which keeps its place (and so its
index) in the stack until the page is first asked for (benchmarks/README.md: peak memory)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QStackedWidget, QWidget

# A built page, as its callers see it: pages of several classes, each with the refresh() and
# clear() the shell calls (typed change events are to give them one protocol, issue 12).
BuiltPage = Any


class LazyPages:
    def __init__(self, stack: QStackedWidget):
        self._stack = stack
        self._built: dict[str, QWidget] = {}
        self._waiting: dict[str, tuple[QWidget, Callable[[], QWidget]]] = {}

    def add(self, key: str, build: Callable[[], QWidget]) -> None:
        placeholder = QWidget()
        self._stack.addWidget(placeholder)
        self._waiting[key] = (placeholder, build)

    def add_built(self, key: str, page: QWidget) -> None:
        self._stack.addWidget(page)
        self._built[key] = page

    def __getitem__(self, key: str) -> BuiltPage:
        """The page, built now if it was waiting (KeyError for a key never added)."""
        if key not in self._built:
            placeholder, build = self._waiting.pop(key)
            page = build()
            self._stack.insertWidget(self._stack.indexOf(placeholder), page)
            self._stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[key] = page
        return self._built[key]

    def __contains__(self, key: str) -> bool:
        return key in self._built or key in self._waiting

    def peek(self, key: str) -> BuiltPage | None:
        """The page if it has been built, without building it."""
        return self._built.get(key)

    def built(self) -> list[BuiltPage]:
        return list(self._built.values())
