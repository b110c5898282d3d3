"""Settings → Backups and Leave or delete, and the unlock screen's offer to restore the latest
automatic backup after damage. Driven through the real window with scripted prompts."""

from __future__ import annotations

import json

import pytest
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO
from support.window import click, open_window, type_text, unlock

from workbook import backups
from workbook.accounts import WorkbookService
from workbook.storage.errors import WrongPassphrase
from workbook.ui.common.prompts import ScriptedPrompts


def open_settings(qtbot, app_paths, prompts, passphrase=PASSPHRASE_ONE):
    window = open_window(qtbot, app_paths, prompts)
    unlock(qtbot, window, passphrase)
    window.shell.show_section("settings")
    return window


def test_save_then_restore_a_backup_from_settings(qtbot, vault_one, app_paths, tmp_path):
    target = tmp_path / "mine.zip"
    prompts = ScriptedPrompts(str(target))
    window = open_settings(qtbot, app_paths, prompts)
    card = window.shell.settings.backup
    click(qtbot, card.save_button)
    assert target.is_file() and "Backup saved" in card.message.text()
    prompts.queue_answers(str(target), "replace", PASSPHRASE_ONE)
    click(qtbot, card.restore_button)
    assert [s.kind for s in prompts.shown][-1] == "info", prompts.shown[-1]
    assert window.current_page is window.unlock_page and not window.service.is_unlocked
    unlock(qtbot, window, PASSPHRASE_ONE)


def test_restore_needs_the_typed_word(qtbot, vault_one, app_paths, tmp_path):
    prompts = ScriptedPrompts(str(tmp_path / "x.zip"), "yes")
    window = open_settings(qtbot, app_paths, prompts)
    click(qtbot, window.shell.settings.backup.restore_button)
    assert window.service.is_unlocked and not prompts.answers


def test_leaving_exports_first_then_deletes_the_private_space(qtbot, vault_two, app_paths,
                                                            tmp_path):
    exported = tmp_path / "entries.json"
    prompts = ScriptedPrompts(True, str(exported), True, "DELETE")
    window = open_settings(qtbot, app_paths, prompts, PASSPHRASE_TWO)
    click(qtbot, window.shell.settings.delete.leave_button)
    assert json.loads(exported.read_text())["format"] == "couples-workbook-export"
    assert not window.service.is_unlocked and window.current_page is window.unlock_page
    with pytest.raises(WrongPassphrase):
        WorkbookService(vault_two.folder).unlock(PASSPHRASE_TWO)
    WorkbookService(vault_two.folder).unlock(PASSPHRASE_ONE)


def test_deleting_everything_needs_both_then_the_word(qtbot, vault_two, app_paths):
    prompts = ScriptedPrompts("DELETE")
    window = open_settings(qtbot, app_paths, prompts)
    card = window.shell.settings.delete
    click(qtbot, card.delete_all_button)
    assert "both of you" in card.message.text() and prompts.answers
    window.service.unlock(PASSPHRASE_TWO)
    click(qtbot, card.delete_all_button)
    assert not vault_two.folder.exists()
    assert window.current_page is window.welcome


def test_unlock_offers_the_latest_automatic_backup_after_damage(qtbot, vault_one, app_paths):
    service = WorkbookService(vault_one.folder, auto_backups=True)
    service.unlock(PASSPHRASE_ONE)
    service.lock()
    shared = vault_one.folder / "shared.db"
    data = bytearray(shared.read_bytes())
    data[len(data) // 2] ^= 0x40
    shared.write_bytes(bytes(data))
    prompts = ScriptedPrompts("restore", PASSPHRASE_ONE)
    window = open_window(qtbot, app_paths, prompts)
    page = window.unlock_page
    type_text(qtbot, page.field, PASSPHRASE_ONE)
    click(qtbot, page.unlock_button)
    assert "shared.db" in page.message.text() and page.restore_button.isVisible()
    click(qtbot, page.restore_button)
    assert "back in place" in page.message.text() and not page.restore_button.isVisible()
    assert page.field.text() == ""
    unlock(qtbot, window, PASSPHRASE_ONE)
    assert backups.latest_auto_backup(vault_one.folder) is not None
