"""The search page reads like people write: where each result lives in words, the person's own
words with the match marked, never stored JSON; a capped list says so; Ctrl+F finds the field."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea
from support.tracker_pages import search
from support.vaults import PASSPHRASE_ONE
from support.window import click, open_window, unlock

from workbook.answers import AnswerKey, AnswerService
from workbook.content import load_content
from workbook.trackers.gratitude import GratitudeService

CONTENT = load_content().content


def test_results_read_like_the_workbook_and_say_when_capped(qtbot, vault_one, app_paths):
    service = vault_one.service()
    me = service.unlock(PASSPHRASE_ONE).id
    check = next((c, w, f) for c in CONTENT.chapters for w in c.worksheets for f in w.fields
                 if f.kind.value == "checklist" and f.allow_other)
    chapter, sheet, field = check
    value = json.dumps({"checked": [field.options[0]], "other": "late pebble shifts"})
    AnswerService(service).save(me, AnswerKey(chapter.id, sheet.id, field.id), value)
    gratitude = GratitudeService(service)
    for n in range(205):
        gratitude.save(me, f"a smooth pebble {n}", "", day=dt.date(2020, 1, 1) + dt.timedelta(n))
    service.lock()
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    shell = window.shell
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is shell.search
    search(qtbot, shell, "pebble")
    page = shell.search_page
    assert page.summary.isVisibleTo(window)
    assert page.summary.text().startswith("Showing the first 200 of 206 matches")
    texts = [page.model.index(row).data() for row in range(page.model.rowCount())]
    assert texts and all(t.startswith("Gratitude · ") for t in texts)  # paged in, 50 at a time
    search(qtbot, shell, "shifts pebble")
    texts = [page.model.index(row).data() for row in range(page.model.rowCount())]
    assert page.summary.text().startswith("1 match,")
    first = texts[0].splitlines()
    assert first[0] == f"My answer · Chapter {chapter.number} · {sheet.title} · " + \
        " ".join(field.prompt.split()[:8]) + ("…" if len(field.prompt.split()) > 8 else "")
    assert first[1] == f"{field.options[0]} / late «pebble» «shifts»"
    assert not any("{" in t or chapter.id in t or "checked" in t for t in texts)
    search(qtbot, shell, "checked")
    assert page.model.rowCount() == 0 and page.summary.text().startswith("0 matches")


def test_a_result_behind_a_content_note_opens_its_worksheet_after_the_note(
        qtbot, vault_one, app_paths):
    chapter = next(c for c in CONTENT.chapters if c.content_note and len(c.worksheets) > 1)
    sheet = chapter.worksheets[-1]
    field = next(f for f in sheet.fields if f.kind.value == "long_text")
    service = vault_one.service()
    me = service.unlock(PASSPHRASE_ONE).id
    AnswerService(service).save(me, AnswerKey(chapter.id, sheet.id, field.id), "zinnia garden")
    service.lock()
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    shell = window.shell
    search(qtbot, shell, "zinnia")
    page = shell.search_page
    page.list.setCurrentIndex(page.model.index(0))
    qtbot.keyClick(page.list, Qt.Key.Key_Return)
    reader = shell.chapters.reader
    assert shell.current_key == "chapters" and reader.note.isVisibleTo(window)  # note first
    click(qtbot, reader.note.continue_button)
    scroll = reader.findChild(QScrollArea)
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().value() > 0)  # on, past the reading
    target = reader.card(sheet.id, field.id)
    top = target.mapTo(scroll.viewport(), target.rect().topLeft()).y()
    assert 0 <= top < scroll.viewport().height()
