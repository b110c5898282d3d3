"""The vault: create, unlock, lock, passphrase change, recovery, and what happens to bad files."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest
from support.files import snapshot
from support.vaults import NAME_ONE, NAME_TWO, PASSPHRASE_ONE, PASSPHRASE_TWO

from workbook.accounts import NewPartner, WorkbookService
from workbook.answers import AnswerKey, AnswerService
from workbook.storage.errors import (
    AlreadyUnlocked,
    DamagedFile,
    VaultExists,
    VaultNotFound,
    WrongPassphrase,
)
from workbook.storage.sqlcipher import SQLITE_HEADER, open_existing, raw_key_literal
from workbook.text import InvalidText

KEY = AnswerKey("chapter", "sheet", "field")


def test_create_one_partner_unlock_lock(app_paths):
    service = WorkbookService(app_paths.data_dir)
    assert not service.exists()
    [created] = service.create([NewPartner(NAME_ONE, PASSPHRASE_ONE)])
    assert service.is_unlocked and created.info.name == NAME_ONE
    service.lock()
    assert not service.is_unlocked
    with pytest.raises(PermissionError):
        service.partners()
    again = WorkbookService(app_paths.data_dir)
    assert again.unlock(PASSPHRASE_ONE).id == created.info.id


def test_files_are_encrypted_private_and_anonymous(vault_two):
    names = {p.name for p in vault_two.folder.iterdir()}
    assert "shared.db" in names and "vault.json" in names
    for path in vault_two.folder.iterdir():
        assert NAME_ONE.lower() not in path.name.lower()
        assert NAME_TWO.lower() not in path.name.lower()
        if path.suffix == ".db":
            assert not path.read_bytes().startswith(SQLITE_HEADER)
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(vault_two.folder.stat().st_mode) == 0o700
    manifest = (vault_two.folder / "vault.json").read_text()
    assert NAME_ONE not in manifest and NAME_TWO not in manifest


def test_two_partners_sitting_together(vault_two):
    service = vault_two.service()
    first = service.unlock(PASSPHRASE_TWO)
    second = service.unlock(PASSPHRASE_ONE)
    assert {first.name, second.name} == {NAME_ONE, NAME_TWO}
    assert [p.unlocked for p in service.partners()] == [True, True]
    with pytest.raises(AlreadyUnlocked):
        service.unlock(PASSPHRASE_ONE)
    service.lock()
    assert service.session is None


def test_one_partner_cannot_read_the_others_private_space(vault_two):
    service = vault_two.service()
    one, two = vault_two.ids
    service.unlock(PASSPHRASE_ONE)
    answers = AnswerService(service)
    answers.save(one, KEY, "mine")
    with pytest.raises(PermissionError):
        answers.get(two, KEY)
    material = service.session.present[one].material
    service.lock()
    # Partner one's keys, tried directly against partner two's private file, fail too.
    with pytest.raises(DamagedFile):
        open_existing(vault_two.folder / f"{two}.db", raw_key_literal(material.private_key))
    with pytest.raises(DamagedFile):
        open_existing(vault_two.folder / f"{two}.db", raw_key_literal(material.shared_key))


def test_private_answer_stays_out_of_shared_until_shared(vault_two):
    service = vault_two.service()
    one, two = vault_two.ids
    service.unlock(PASSPHRASE_ONE)
    service.unlock(PASSPHRASE_TWO)
    answers = AnswerService(service)
    answers.save(one, KEY, "first draft")
    assert answers.shared_value(one, KEY) is None
    answers.share(one, KEY)
    answers.save(one, KEY, "second draft")
    assert answers.shared_value(one, KEY) == "second draft"
    answers.unshare(one, KEY)
    assert answers.shared_value(one, KEY) is None
    assert answers.get(one, KEY) == "second draft"


def test_wrong_passphrase_changes_no_file(vault_two):
    before = snapshot(vault_two.folder)
    with pytest.raises(WrongPassphrase) as caught:
        vault_two.service().unlock("definitely not it")
    assert "passphrase" in str(caught.value)
    assert snapshot(vault_two.folder) == before


def test_missing_vault_and_existing_vault(app_paths, vault_one):
    with pytest.raises(VaultNotFound):
        WorkbookService(app_paths.config_dir / "nowhere").unlock(PASSPHRASE_ONE)
    before = snapshot(vault_one.folder)
    with pytest.raises(VaultExists):
        vault_one.service().create([NewPartner("Other", "another good passphrase")])
    assert snapshot(vault_one.folder) == before


def _damage_targets(ids):
    one, two = ids
    return {"shared": ("shared.db", PASSPHRASE_ONE), "own-private": (f"{one}.db", PASSPHRASE_ONE),
            "keyslot": (f"{one}.keys.db", PASSPHRASE_ONE),
            "other-private": (f"{two}.db", PASSPHRASE_TWO),
            "other-keyslot": (f"{two}.keys.db", PASSPHRASE_TWO)}


@pytest.mark.parametrize("target", ["shared", "own-private", "keyslot", "other-private",
                                    "other-keyslot"])
@pytest.mark.parametrize("where", ["salt", "first-page", "last-page"])
def test_flipped_byte_gives_clear_error_and_changes_nothing(vault_two, target, where):
    name, passphrase = _damage_targets(vault_two.ids)[target]
    path = vault_two.folder / name
    data = bytearray(path.read_bytes())
    offset = {"salt": 3, "first-page": 200, "last-page": len(data) - 50}[where]
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))
    before = snapshot(vault_two.folder)
    with pytest.raises(DamagedFile) as caught:
        vault_two.service().unlock(passphrase)
    assert name in str(caught.value) and "Nothing has been changed" in str(caught.value)
    assert snapshot(vault_two.folder) == before


@pytest.mark.parametrize("damage", ["empty", "truncated", "plain-sqlite", "directory"])
def test_foreign_or_missing_content_is_named(vault_one, damage):
    path = vault_one.folder / "shared.db"
    if damage == "empty":
        path.write_bytes(b"")
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:5000])
    elif damage == "plain-sqlite":
        path.unlink()
        sqlite3.connect(path).execute("CREATE TABLE t(x)").connection.close()
    else:
        path.unlink()
        path.mkdir()
    before = snapshot(vault_one.folder)
    with pytest.raises(DamagedFile) as caught:
        vault_one.service().unlock(PASSPHRASE_ONE)
    expected = {"empty": "empty", "truncated": "truncated", "plain-sqlite": "unencrypted",
                "directory": "folder"}[damage]
    assert expected in str(caught.value)
    assert snapshot(vault_one.folder) == before


def test_change_passphrase_rewrites_only_the_keyslot(vault_two):
    one = vault_two.ids[0]
    data_files = ["shared.db", f"{one}.db", f"{one}.recovery.db"]
    before = {n: (vault_two.folder / n).read_bytes() for n in data_files}
    service = vault_two.service()
    service.change_passphrase(one, PASSPHRASE_ONE, "a brand new passphrase")
    assert {n: (vault_two.folder / n).read_bytes() for n in data_files} == before
    assert not list(vault_two.folder.glob("*.new"))
    with pytest.raises(WrongPassphrase):
        service.unlock(PASSPHRASE_ONE)
    assert service.unlock("a brand new passphrase").id == one


def test_change_passphrase_needs_the_right_old_one_and_a_free_new_one(vault_two):
    one = vault_two.ids[0]
    service = vault_two.service()
    with pytest.raises(WrongPassphrase):
        service.change_passphrase(one, "wrong old passphrase", "a brand new passphrase")
    with pytest.raises(InvalidText):
        service.change_passphrase(one, PASSPHRASE_ONE, PASSPHRASE_TWO)
    with pytest.raises(InvalidText):
        service.change_passphrase(one, PASSPHRASE_ONE, "short")
    assert service.unlock(PASSPHRASE_ONE).id == one


def test_recovery_code_resets_the_passphrase_and_is_replaced(vault_two):
    two = vault_two.ids[1]
    old_code = vault_two.recovery_codes[1]
    typed = old_code.lower().replace("-", " ")  # as someone might copy it from paper
    service = vault_two.service()
    info, new_code = service.recover(typed, "reset after forgetting")
    assert info.id == two and new_code != old_code
    service.lock()
    with pytest.raises(WrongPassphrase):
        service.unlock(PASSPHRASE_TWO)
    with pytest.raises(WrongPassphrase):
        service.recover(old_code, "yet another passphrase")
    assert service.unlock("reset after forgetting").id == two
    service.lock()
    assert service.recover(new_code, "and once more, new")[0].id == two


def test_add_partner_later_then_unlock_alone(vault_one):
    service = vault_one.service()
    service.unlock(PASSPHRASE_ONE)
    with pytest.raises(InvalidText):
        service.add_partner(NewPartner(NAME_TWO, PASSPHRASE_ONE))  # same passphrase: ambiguous
    created = service.add_partner(NewPartner(NAME_TWO, PASSPHRASE_TWO))
    assert len(created.recovery_code) == 29
    with pytest.raises(InvalidText):
        service.add_partner(NewPartner("Third", "a third passphrase here"))
    service.lock()
    fresh = vault_one.service()
    assert fresh.unlock(PASSPHRASE_TWO).name == NAME_TWO
    assert [p.name for p in fresh.partners()] == [NAME_ONE, NAME_TWO]


@pytest.mark.parametrize("name", ["", "   ", "x" * 61, "bad\udc80name"])
def test_bad_names_are_refused_before_anything_is_written(app_paths, name):
    with pytest.raises(InvalidText):
        WorkbookService(app_paths.data_dir).create([NewPartner(name, PASSPHRASE_ONE)])
    assert not app_paths.data_dir.exists()


def test_files_keep_private_permissions_under_a_loose_umask(app_paths):
    old = os.umask(0o022)
    try:
        WorkbookService(app_paths.data_dir).create([NewPartner(NAME_ONE, PASSPHRASE_ONE)])
    finally:
        os.umask(old)
    for path in app_paths.data_dir.rglob("*"):
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path.name


def test_passphrase_strength_refuses_patterns_and_rates_unrelated_words_strong():
    from workbook.passphrases import passphrase_strength
    for guessable in ("abcdefgh", "password", "qwertyuiop", "11111111", "iloveyou1"):
        assert not passphrase_strength(guessable).acceptable, guessable
    strong = passphrase_strength("river stone lantern 1")
    assert strong.acceptable and strong.score == 4 and strong.hint.startswith("Strong")
    long_text = passphrase_strength("ก" * 100_000)  # any script, any length: an answer, no error
    assert long_text.hint
