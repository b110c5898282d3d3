"""Search never holds the window: a pasted 100 000-character query is cut to a few words before
anything runs and answers within a second; the index query itself stops after its time budget
with a calm message instead of running on."""

from __future__ import annotations

import time

import pytest
import sqlcipher3
from PySide6.QtCore import Qt, QTimer
from support.vaults import PASSPHRASE_ONE
from support.window import open_window, unlock

from workbook.storage.search_text import SearchText, SearchTooSlow
from workbook.ui.search.search_page import MAX_TERMS


def test_a_pasted_100000_character_query_answers_within_a_second(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    shell = window.shell
    pasted = ("lantern river " * 8000)[:100_000]
    shell.search.setText(pasted)
    assert len(shell.search.text()) <= 200  # cut at the field, before any search runs
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    started = time.monotonic()
    qtbot.keyClick(shell.search, Qt.Key.Key_Return)
    took = time.monotonic() - started
    qtbot.wait(100)
    timer.stop()
    assert took < 1.0, took
    assert ticks and ticks[0] - started < 1.0  # the event loop (and so painting) went on
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
    started = time.monotonic()
    with pytest.raises(SearchTooSlow, match="taking too long"):
        repo.match('"a"* "b"* "g"* "d"* "w"*', 200)
    assert time.monotonic() - started < 1.0
    assert conn.execute("SELECT count(*) FROM search_index").fetchone()[0] == 3000  # usable
