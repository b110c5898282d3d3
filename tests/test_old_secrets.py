"""Old secrets stay dead: after a passphrase change, a recovery reset or a new recovery code the
old secret opens nothing, neither the live keyslots nor any automatic backup; after "Someone may
know my passphrase" every entry reads with the new keys only."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime, timedelta

import pytest
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO

from workbook import backups
from workbook.answers import AnswerKey, AnswerService
from workbook.rotation import rotate_keys
from workbook.storage.errors import DamagedFile, WrongPassphrase
from workbook.storage.sqlcipher import open_existing, raw_key_literal

NEW = "fresh meadow lantern 9"
KEY = AnswerKey("chapter", "sheet", "field")
SHARED_KEY = AnswerKey("chapter", "sheet", "shared")


def _three_auto_backups(service) -> list:
    start = datetime(2026, 3, 1, 8, tzinfo=UTC)
    for day in range(3):
        backups.auto_backup_if_due(service, now=start + timedelta(days=day))
    found = backups.auto_backups(service.vault.folder)
    assert len(found) == 3
    return found


def _opens_nothing(vault_folder, secret: str) -> None:
    service = backups_service(vault_folder)
    with pytest.raises(WrongPassphrase):
        service.unlock(secret) if "-" not in secret else service.recover(secret, NEW + " x")
    for path in backups.auto_backups(vault_folder):
        with pytest.raises(WrongPassphrase):
            backups.verify_backup(path, secret)


def backups_service(folder):
    from workbook.accounts import WorkbookService
    return WorkbookService(folder)


def test_an_old_passphrase_opens_no_live_slot_and_no_automatic_backup(vault_two):
    service = vault_two.service()
    me = service.unlock(PASSPHRASE_ONE)
    for path in _three_auto_backups(service):
        assert backups.verify_backup(path, PASSPHRASE_ONE).partners == 2  # opens before
    service.change_passphrase(me.id, PASSPHRASE_ONE, NEW)
    service.lock()
    _opens_nothing(vault_two.folder, PASSPHRASE_ONE)
    for path in backups.auto_backups(vault_two.folder):
        backups.verify_backup(path, NEW)  # the backups still serve, with the new passphrase
        backups.verify_backup(path, PASSPHRASE_TWO)  # and the other partner's is untouched


def test_an_old_recovery_code_and_passphrase_open_nothing_after_a_reset(vault_two):
    service = vault_two.service()
    service.unlock(PASSPHRASE_ONE)
    _three_auto_backups(service)
    service.lock()
    old_code = vault_two.recovery_codes[0]
    info, new_code = service.recover(old_code, NEW)
    service.lock()
    _opens_nothing(vault_two.folder, old_code)
    _opens_nothing(vault_two.folder, PASSPHRASE_ONE)
    for path in backups.auto_backups(vault_two.folder):
        backups.verify_backup(path, new_code)


def test_a_replaced_recovery_code_opens_no_automatic_backup(vault_two):
    service = vault_two.service()
    me = service.unlock(PASSPHRASE_ONE)
    _three_auto_backups(service)
    service.new_recovery_code(me.id)
    service.lock()
    _opens_nothing(vault_two.folder, vault_two.recovery_codes[0])


@pytest.mark.parametrize("with_shared", [False, True])
def test_rotating_keys_leaves_every_entry_readable_with_the_new_keys_only(vault_two,
                                                                          with_shared):
    service = vault_two.service()
    one, two = service.unlock(PASSPHRASE_ONE), service.unlock(PASSPHRASE_TWO)
    answers = AnswerService(service)
    answers.save(one.id, KEY, "private words of one")
    answers.save(one.id, SHARED_KEY, "shared words of one")
    answers.share(one.id, SHARED_KEY)
    answers.save(two.id, KEY, "private words of two")
    _three_auto_backups(service)
    session = service.current_session()
    old_private, old_shared = session.present[one.id].material.private_key, session.shared_key
    codes = rotate_keys(service, one.id, PASSPHRASE_ONE, NEW,
                        PASSPHRASE_TWO if with_shared else None).codes
    assert set(codes) == ({one.id, two.id} if with_shared else {one.id})
    assert answers.get(one.id, KEY) == "private words of one"  # the session carries on
    service.lock()

    folder = vault_two.folder
    with pytest.raises(DamagedFile):  # the old private key reads nothing any more
        open_existing(folder / f"{one.id}.db", raw_key_literal(old_private), readonly=True)
    if with_shared:
        with pytest.raises(DamagedFile):
            open_existing(folder / "shared.db", raw_key_literal(old_shared), readonly=True)
    _opens_nothing(folder, PASSPHRASE_ONE)
    _opens_nothing(folder, vault_two.recovery_codes[0])
    if with_shared:
        _opens_nothing(folder, vault_two.recovery_codes[1])
    service = vault_two.service()
    service.unlock(NEW)
    service.unlock(PASSPHRASE_TWO)  # the other partner keeps their passphrase
    answers = AnswerService(service)
    assert answers.get(one.id, KEY) == "private words of one"
    assert answers.shared_value(one.id, SHARED_KEY) == "shared words of one"
    assert answers.get(two.id, KEY) == "private words of two"
    service.lock()
    for path in backups.auto_backups(folder):  # rewritten: new keys, new secrets, old keys dead
        backups.verify_backup(path, NEW)
        backups.verify_backup(path, codes[one.id])
        with zipfile.ZipFile(path) as archive:
            data = archive.read(f"vault/{one.id}.db")
        copy = folder.parent / "copy.db"
        copy.write_bytes(data)
        with pytest.raises(DamagedFile):
            open_existing(copy, raw_key_literal(old_private), readonly=True)
        copy.unlink()
    assert not list((folder / "backups").glob(f"{one.id}.v*.db"))
