"""Deleting a private space or the whole workbook: files gone, secrets open nothing, the other
partner still unlocks, and no plaintext is left behind."""

from __future__ import annotations

import pytest
from support.files import files_containing
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO

from workbook import backups, deletion
from workbook.answers import AnswerKey, AnswerService
from workbook.storage.errors import VaultNotFound, WrongPassphrase
from workbook.text import InvalidText

KEY = AnswerKey("chapter", "sheet", "field")
WORDS = "ZQXJ-deleted-words"


def leave(vault_two, remove_shared: bool):
    service = vault_two.service()
    two = service.unlock(PASSPHRASE_TWO)
    answers = AnswerService(service)
    answers.save(two.id, KEY, f"private {WORDS}")
    answers.save(two.id, AnswerKey("chapter", "sheet", "other"), f"shared {WORDS}")
    answers.share(two.id, AnswerKey("chapter", "sheet", "other"))
    backups.auto_backup_if_due(service)
    deletion.delete_private_space(service, two.id, remove_shared=remove_shared)
    assert not service.is_unlocked  # they were the only one present
    return two.id


@pytest.mark.parametrize("remove_shared", [False, True])
def test_a_partner_deletes_their_private_space(vault_two, remove_shared):
    two = leave(vault_two, remove_shared)
    names = {p.name for p in vault_two.folder.rglob("*")}
    assert not any(n.startswith(two) for n in names)
    assert two not in (vault_two.folder / "vault.json").read_text()
    assert backups.auto_backups(vault_two.folder) == []  # they held the departed keyslots
    with pytest.raises(WrongPassphrase):
        vault_two.service().unlock(PASSPHRASE_TWO)
    with pytest.raises(WrongPassphrase):
        vault_two.service().recover(vault_two.recovery_codes[1], "another long passphrase")
    service = vault_two.service()
    service.unlock(PASSPHRASE_ONE)
    shared = AnswerService(service).shared_in_chapter(None)
    assert bool(shared) is not remove_shared
    assert len(service.partners()) == (1 if remove_shared else 2)
    service.lock()
    if remove_shared:
        assert files_containing(vault_two.folder, WORDS) == []


def test_the_only_partner_cannot_leave_but_deletes_the_workbook(vault_one):
    service = vault_one.service()
    me = service.unlock(PASSPHRASE_ONE)
    with pytest.raises(InvalidText):
        deletion.delete_private_space(service, me.id, remove_shared=True)
    deletion.delete_workbook(service)
    assert not vault_one.folder.exists()
    with pytest.raises(VaultNotFound):
        vault_one.service().unlock(PASSPHRASE_ONE)


def test_deleting_the_workbook_needs_both_partners(vault_two):
    service = vault_two.service()
    service.unlock(PASSPHRASE_ONE)
    with pytest.raises(PermissionError, match="both of you"):
        deletion.delete_workbook(service)
    assert vault_two.folder.exists() and service.is_unlocked
    service.unlock(PASSPHRASE_TWO)
    deletion.delete_workbook(service)
    assert not vault_two.folder.exists() and not service.is_unlocked


def test_the_typed_confirmation():
    assert deletion.typed_confirmation_ok(" delete ")
    assert not deletion.typed_confirmation_ok("yes") and not deletion.typed_confirmation_ok(None)
