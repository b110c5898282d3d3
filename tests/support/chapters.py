"""Driving the chapters page: open a chapter by keyboard, wait for its cards to be laid out and
for autosave, and read back what was stored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton

from workbook.answer_values import decode
from workbook.answers import AnswerKey, AnswerService
from workbook.ui.chapters.autosave import SAVED

NO_NOTE, WITH_NOTE = "intimacy-beyond-sex", "hurt-and-self-compassion"  # a content note first?


def open_chapter(qtbot, window, chapter_id: str):
    window.shell.show_section("chapters")
    page = window.shell.chapters
    page.show_list()
    view = page.list_page.view
    view.setCurrentIndex(page.model.index(page.model.row_of(chapter_id)))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert page.currentWidget() is page.reader and page.reader.chapter.id == chapter_id
    settle(qtbot, page.reader)
    return page.reader


def settle(qtbot, reader) -> None:
    """New cards are shown and laid out from the event loop; let it run before clicking."""
    def laid_out() -> bool:
        cards = ([c for c in reader.cards if c.isVisibleTo(reader)]
                 if reader.chapter_area.isVisibleTo(reader) else [reader.note])
        buttons = [b for b in reader.findChildren(QAbstractButton) if b.isVisible()]
        return all(w.isVisible() and w.height() > 0 for w in [*cards, *buttons])
    qtbot.waitUntil(laid_out)


def stored(window, partner_id: str, chapter_id: str, sheet: str, field: str):
    answers = AnswerService(window.service)
    chapter = window.shell.chapters.content.chapter(chapter_id)
    return decode(chapter.worksheet(sheet).field(field),
                  answers.get(partner_id, AnswerKey(chapter_id, sheet, field)))


def wait_saved(qtbot, reader) -> None:
    qtbot.waitUntil(lambda: reader.save_state.text() == SAVED, timeout=3000)
