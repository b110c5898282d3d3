"""After locking, nothing on screen or in memory the UI owns still holds what anyone wrote: a
walk over every QObject (texts, titles, tooltips, models, undo stacks, cached Python strings)."""

from __future__ import annotations

from conftest import NAME_ONE, NAME_TWO, PASSPHRASE_ONE, PASSPHRASE_TWO
from PySide6.QtWidgets import QApplication
from seed import everything_held, seed_everything
from test_ui_support import open_window, unlock

from workbook.ui.chapters.chapters_page import ChaptersPage

SENTINEL = "QJXV-afterlock-5521"


def visit_everything(qtbot, window, key) -> None:
    shell = window.shell
    for section in shell.keys:
        shell.show_section(section)
        qtbot.wait(1)
    shell.show_section("chapters")
    chapters: ChaptersPage = shell.chapters
    chapters.open_chapter(key.chapter_id)
    reader = chapters.reader
    if reader.note.isVisibleTo(reader):
        reader.continue_past_note()
    card = reader.card(key.worksheet_id, key.field_id)
    card.editor.edit.insertPlainText(f" typed {SENTINEL} ")
    shell.search.setText(SENTINEL)
    shell.show_search()
    QApplication.clipboard().clear()


def test_nothing_is_held_after_lock(qtbot, vault_two, app_paths):
    service = vault_two.service()
    service.unlock(PASSPHRASE_ONE)
    service.unlock(PASSPHRASE_TWO)
    key = seed_everything(service, vault_two.ids, SENTINEL)
    service.lock()
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.service.unlock(PASSPHRASE_TWO)  # sitting together: both private spaces are open
    visit_everything(qtbot, window, key)
    before, _ = everything_held(window)
    assert any(SENTINEL in t for t in before)  # the walk does see what the pages show
    assert any(NAME_TWO in t for t in before)

    window.lock()
    qtbot.wait(1)  # the event loop runs after a lock: widgets waiting for deletion go
    texts, undo = everything_held(window)
    for marker in (SENTINEL, NAME_ONE, NAME_TWO):
        assert [t for t in texts if marker in t] == [], marker
    assert undo == []
    assert window.windowTitle() == "Couples Workbook"
