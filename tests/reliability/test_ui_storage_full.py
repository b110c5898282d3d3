"""A refused write in the window: a clear message, the text stays in the editor, and the next
save succeeds with nothing lost."""

from __future__ import annotations

from support.seed import first_text_field
from support.vaults import PASSPHRASE_ONE
from support.window import open_window, unlock

from workbook.answers import AnswerService
from workbook.storage.errors import StorageFull
from workbook.ui.chapters.autosave import FAILED, SAVED


def test_disk_full_keeps_the_text_and_a_retry_saves_it(qtbot, vault_one, app_paths, monkeypatch):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    key = first_text_field()
    chapters = window.shell.chapters
    window.shell.show_section("chapters")
    chapters.open_chapter(key.chapter_id)
    if chapters.reader.note.isVisibleTo(chapters.reader):
        chapters.reader.continue_past_note()
    edit = chapters.reader.card(key.worksheet_id, key.field_id).editor.edit
    real_save = AnswerService.save
    refuse = [True]

    def full_then_fine(self, *args):
        if refuse[0]:
            raise StorageFull()
        return real_save(self, *args)

    monkeypatch.setattr(AnswerService, "save", full_then_fine)
    edit.setPlainText("words written while the disk was full")
    chapters.flush()
    assert chapters.autosaver.state == FAILED
    assert "disk is full" in chapters.reader.save_message.text()
    assert edit.toPlainText() == "words written while the disk was full"
    refuse[0] = False  # space was freed
    chapters.flush()
    assert chapters.autosaver.state == SAVED and not chapters.reader.save_message.text()
    me = window.service.present_partners()[0].id
    assert AnswerService(window.service).get(me, key) == "words written while the disk was full"
