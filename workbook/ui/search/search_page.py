"""Search: a field in the header and a results page. A search is always made as one present
partner (chosen when you sit together), over their own private text and the shared space, never
the other partner's private text. Activating a result (Enter or double-click) asks the shell to
open the entry it came from."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QLineEdit, QListView, QToolButton

from workbook.accounts import WorkbookService
from workbook.changes import Change
from workbook.search import SearchResult, SearchService
from workbook.ui.common.focus_order import highlight_first_on_focus
from workbook.ui.common.paged_model import PagedListModel
from workbook.ui.common.partner_picker import PartnerPicker
from workbook.ui.common.widgets import Page, attempt, plain_label

LIMIT = 200
# A search runs on the window's thread, so it is kept small: a pasted page of text becomes its
# first few words, and the index query itself stops after a fraction of a second
# (storage/trackers.py), so the idle lock and quick hide are never held up for long.
MAX_QUERY_CHARS, MAX_TERMS = 200, 8
WORDS = re.compile(r"\w+")


def capped(query: str) -> tuple[str, bool]:
    """The query as searched, and whether it was shortened."""
    words = WORDS.findall(query[:MAX_QUERY_CHARS])
    trimmed = len(query) > MAX_QUERY_CHARS or len(words) > MAX_TERMS
    return " ".join(words[:MAX_TERMS]), trimmed


def search_field() -> QLineEdit:
    field = QLineEdit()
    field.setAccessibleName("Search the workbook")
    field.setPlaceholderText("Search your workbook")
    field.setToolTip("Search gratitude, notes and answers you can see (Ctrl+F)")
    field.setMinimumWidth(200)  # the placeholder must fit; a cut-off hint reads as a glitch
    field.setClearButtonEnabled(True)
    for button in field.findChildren(QToolButton):  # Qt's clear button has no name of its own
        button.setAccessibleName("Clear search")
    field.setMaximumWidth(320)
    field.setMaxLength(MAX_QUERY_CHARS)  # a pasted page is cut here, before anything runs
    return field


class SearchPage(Page):
    open_result = Signal(object)  # search.Target
    follows = Change.WHO  # whose text may be searched; a query runs afresh each time

    def __init__(self, service: WorkbookService, search: SearchService):
        super().__init__(width=820)
        self.key = "search"
        self._service = service
        self._search = search
        self._query = ""
        self._results: list[SearchResult] = []
        self.setAccessibleName("Search results")
        self.picker = PartnerPicker(service, "Searching as:")
        self.picker.changed.connect(lambda: self.run(self._query))
        self.summary = plain_label(role="muted")
        self.model = PagedListModel(lambda o, n: self._results[o:o + n],
                                    lambda r: r.text, batch=50)
        self.list = highlight_first_on_focus(QListView())  # the first Tab in shows a result
        self.list.setModel(self.model)
        self.list.setAccessibleName("Search results")
        self.list.setWordWrap(True)
        self.list.setSpacing(4)  # each result is two lines: keep them apart
        self.list.setMinimumHeight(360)
        self.list.setAccessibleDescription("Press Enter on a result to open it")
        self.list.activated.connect(self._activated)
        self.body.addWidget(plain_label("Search", role="heading"))
        self.body.addWidget(self.picker)
        self.body.addWidget(self.summary)
        self.body.addWidget(self.list)
        self.finish()

    def run(self, query: str) -> None:
        if not self._service.is_unlocked:
            return
        self.picker.refresh()
        self._query = query
        searched, trimmed = capped(query)
        ok, found = attempt(self.summary.setText, lambda: self._search.find(
            self.picker.chosen_id(), searched, LIMIT))
        self._results = found.results if ok and found else []
        self.model.reload()
        if not ok or found is None:
            return
        note = f"Only the first {MAX_TERMS} words were searched. " if trimmed else ""
        self.summary.setText(f"{note}{found.summary()}, grouped by kind, best first; press "
                             "Enter or double-click one to open it. Only your own private text "
                             "and what is shared is searched.")

    def _activated(self, index: QModelIndex) -> None:
        target = self.model.item(index.row()).target if index.isValid() else None
        if target is not None:
            self.open_result.emit(target)

    def refresh(self, changes: Change = Change.EVERYTHING) -> None:
        if self._query:
            self.run(self._query)

    def clear(self) -> None:
        super().clear()
        self._query, self._results = "", []
        self.model.forget()
        self.summary.clear()
        self.picker.clear()
