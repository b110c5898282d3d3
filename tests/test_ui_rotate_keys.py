"""Settings → "Someone may know my passphrase": new keys, new passphrase, new codes shown, and the
card says plainly that backups saved elsewhere are beyond reach."""

from __future__ import annotations

import pytest
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO
from support.window import click, finish_codes, open_window, type_text, unlock, visible_texts

from workbook.accounts import WorkbookService
from workbook.storage.errors import WrongPassphrase
from workbook.ui.common.prompts import ScriptedPrompts

NEW_PASSPHRASE = "lantern orchard evening 4"


def test_rotating_keys_from_settings_with_the_shared_space(qtbot, vault_two, app_paths):
    prompts = ScriptedPrompts(PASSPHRASE_TWO)  # the partner types their passphrase
    window = open_window(qtbot, app_paths, prompts)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.service.unlock(PASSPHRASE_TWO)
    window.shell.show_section("settings")
    card = window.shell.settings.rotate
    texts = " ".join(visible_texts(window))
    assert "Backup files you saved elsewhere are beyond reach" in texts
    assert card.shared.isVisibleTo(window)
    card.shared.setChecked(True)
    type_text(qtbot, card.old, PASSPHRASE_ONE)
    type_text(qtbot, card.new.first, NEW_PASSPHRASE)
    type_text(qtbot, card.new.again, NEW_PASSPHRASE)
    click(qtbot, card.button)
    assert prompts.shown and prompts.shown[-1].title == "Your partner's passphrase", \
        card.message.text()
    codes = [(title.split(",")[0], code) for title, code in finish_codes(qtbot, window)]
    assert sorted(name for name, _ in codes) == ["Alex", "Sam"]
    assert window.current_page is window.shell
    window.close()
    fresh = WorkbookService(app_paths.data_dir)
    with pytest.raises(WrongPassphrase):
        fresh.unlock(PASSPHRASE_ONE)
    assert fresh.unlock(NEW_PASSPHRASE).name == "Alex"
    fresh.lock()
    assert dict(codes)["Sam"] != vault_two.recovery_codes[1]
    assert fresh.recover(dict(codes)["Sam"], "another good passphrase 5")[0].name == "Sam"
