"""Search never holds the window: a pasted 100 000-character query is cut to a few words before
anything runs; the index query itself stops after its time budget
with a calm message instead of running on."""

from __future__ import annotations

import pytest
import sqlcipher3
from PySide6.QtCore import Qt
from support.vaults import PASSPHRASE_ONE
from support.window import open_window, unlock

from workbook.search import SearchService
from workbook.storage.search_text import SearchText, SearchTooSlow
from workbook.ui.search.search_page import MAX_TERMS


def test_a_pasted_100000_character_query_is_cut_before_anything_runs(qtbot, vault_one, app_paths,
                                                                     monkeypatch):
    """What reaches the index is at most MAX_TERMS words, so the work is bounded whatever is
    pasted (how long a search takes is measured by benchmarks/, not asserted here)."""
    asked: list[str] = []
    find = SearchService.find
    monkeypatch.setattr(SearchService, "find",
                        lambda self, viewer, query, *a: asked.append(query) or find(
                            self, viewer, query, *a))
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    shell = window.shell
    pasted = ("lantern river " * 8000)[:100_000]
    shell.search.setText(pasted)
    assert len(shell.search.text()) <= 200  # cut at the field, before any search runs
    qtbot.keyClick(shell.search, Qt.Key.Key_Return)
    assert asked and all(len(query.split()) <= MAX_TERMS for query in asked)
    page = shell.search_page
    assert page.summary.isVisibleTo(window)
    assert f"Only the first {MAX_TERMS} words were searched" in page.summary.text()


def test_an_index_query_stops_at_its_time_budget(monkeypatch):
    conn = sqlcipher3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE VIRTUAL TABLE search_index USING fts5(body)")
    conn.execute("BEGIN")
    for n in range(3000):
        conn.execute("INSERT INTO search_index(body) VALUES (?)",
                     (f"alpha beta gamma delta word{n} " * 5,))
    conn.execute("COMMIT")
    repo = SearchText(conn)
    assert len(repo.match('"alpha"*', 50)) == 50  # within the budget it answers
    monkeypatch.setattr(SearchText, "BUDGET_SECONDS", 0.0)
    with pytest.raises(SearchTooSlow, match="taking too long"):  # stopped, not run to the end
        repo.match('"a"* "b"* "g"* "d"* "w"*', 200)
    assert conn.execute("SELECT count(*) FROM search_index").fetchone()[0] == 3000  # usable
