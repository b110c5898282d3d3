"""Backups: one file of ciphertext that opens only with a passphrase or recovery code, holds
every partner's files, verifies before use, and restores atomically without overwriting."""

from __future__ import annotations

import io
import stat
import sys
import zipfile
from datetime import UTC, datetime, timedelta

import pytest
from support.files import files_containing, snapshot
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO

from workbook import backups
from workbook.answers import AnswerKey, AnswerService
from workbook.cli.commands import main
from workbook.storage.backup import NotABackup
from workbook.storage.errors import VaultExists, WrongPassphrase

KEY = AnswerKey("chapter", "sheet", "field")
SECRET = "QWXZ-backup-sentinel-55"


def write_and_back_up(vault_two, target):
    service = vault_two.service()
    one = service.unlock(PASSPHRASE_ONE)
    AnswerService(service).save(one.id, KEY, f"private {SECRET}")
    backups.create_backup(service, target)
    service.lock()
    return one.id


def test_a_backup_holds_every_partners_files_as_ciphertext(vault_two, tmp_path):
    target = tmp_path / "out" / "workbook.cwbackup"
    target.parent.mkdir()
    write_and_back_up(vault_two, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    names = set(zipfile.ZipFile(target).namelist())
    for one in vault_two.ids:
        assert {f"vault/{one}.db", f"vault/{one}.keys.db", f"vault/{one}.recovery.db"} <= names
    assert {"vault/shared.db", "vault/vault.json", "backup.json"} <= names
    assert files_containing(target.parent, SECRET) == []
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no partial file left


@pytest.mark.parametrize("secret", ["passphrase", "recovery", "other partner"])
def test_restore_on_another_machine_opens_with_any_partners_secret(vault_two, tmp_path, secret):
    target = tmp_path / "b.zip"
    one_id = write_and_back_up(vault_two, target)
    typed = {"passphrase": PASSPHRASE_ONE, "recovery": vault_two.recovery_codes[0].lower(),
             "other partner": PASSPHRASE_TWO}[secret]
    elsewhere = tmp_path / "elsewhere" / "vault"
    report = backups.restore_backup(target, typed, elsewhere)
    assert report.partners == 2
    service = backups_service(elsewhere)
    service.unlock(PASSPHRASE_ONE)
    assert AnswerService(service).get(one_id, KEY) == f"private {SECRET}"
    service.unlock(PASSPHRASE_TWO)  # the other partner's private file came along too
    service.lock()
    assert not [p for p in elsewhere.parent.iterdir()
                if p.name not in ("vault", ".vault.lock")]  # no staging left


def backups_service(folder):
    from workbook.accounts import WorkbookService
    return WorkbookService(folder)


def test_a_wrong_secret_restores_nothing(vault_two, tmp_path):
    target = tmp_path / "b.zip"
    write_and_back_up(vault_two, target)
    with pytest.raises(WrongPassphrase, match="does not open this backup"):
        backups.restore_backup(target, "not the passphrase", tmp_path / "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.zip", "home"]


def test_restore_never_replaces_without_permission_and_replaces_atomically(vault_two, tmp_path):
    target = tmp_path / "b.zip"
    one_id = write_and_back_up(vault_two, target)
    service = vault_two.service()
    service.unlock(PASSPHRASE_ONE)
    AnswerService(service).save(one_id, KEY, "changed after the backup")
    service.lock()
    before = snapshot(vault_two.folder)
    with pytest.raises(VaultExists):
        backups.restore_backup(target, PASSPHRASE_ONE, vault_two.folder)
    with pytest.raises(WrongPassphrase):
        backups.restore_backup(target, "wrong wrong wrong", vault_two.folder, replace=True)
    assert snapshot(vault_two.folder) == before
    backups.restore_backup(target, PASSPHRASE_ONE, vault_two.folder, replace=True)
    service = vault_two.service()
    service.unlock(PASSPHRASE_ONE)
    assert AnswerService(service).get(one_id, KEY) == f"private {SECRET}"
    service.lock()
    # the old copy is removed; the lock file beside the folder stays
    assert sorted(p.name for p in vault_two.folder.parent.iterdir()) == [".vault.lock", "vault"]


def corrupt(path, how):
    data = bytearray(path.read_bytes())
    if how == "truncated":
        path.write_bytes(bytes(data[: len(data) // 2]))
    elif how == "flipped":
        offset = bytes(data).index(b"vault/shared.db") + 400
        data[offset] ^= 0xFF
        path.write_bytes(bytes(data))
    elif how == "foreign zip":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("hello.txt", "hi")
    elif how == "plain file":
        path.write_bytes(b"just some words")
    elif how == "empty":
        path.write_bytes(b"")
    else:
        path.unlink()
        path.mkdir()


@pytest.fixture(scope="module")
def one_backup(_templates, tmp_path_factory):
    """Made once: the damage tests only need its bytes."""
    from support.vaults import VaultFixture
    folder = tmp_path_factory.mktemp("backup-source") / "vault"
    import shutil
    shutil.copytree(_templates[2][0], folder)
    target = folder.parent / "b.zip"
    write_and_back_up(VaultFixture(folder, *_templates[2][1:]), target)
    return target.read_bytes()


@pytest.mark.parametrize("how", ["truncated", "flipped", "foreign zip", "plain file", "empty",
                                 "folder"])
def test_a_damaged_or_foreign_backup_is_named_and_changes_nothing(vault_two, tmp_path, how,
                                                                  one_backup):
    target = tmp_path / "b.zip"
    target.write_bytes(one_backup)
    corrupt(target, how)
    with pytest.raises(NotABackup) as caught:
        backups.verify_backup(target, PASSPHRASE_ONE)
    assert "not a usable Couples Workbook backup" in str(caught.value)
    before = snapshot(vault_two.folder)
    with pytest.raises(NotABackup):
        backups.restore_backup(target, PASSPHRASE_ONE, vault_two.folder, replace=True)
    assert snapshot(vault_two.folder) == before


def test_automatic_backups_once_a_day_newest_five(vault_one):
    service = vault_one.service()
    service.unlock(PASSPHRASE_ONE)
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    assert backups.auto_backup_if_due(service, start)
    assert backups.auto_backup_if_due(service, start + timedelta(hours=20)) is None
    for day in range(1, 7):
        assert backups.auto_backup_if_due(service, start + timedelta(days=day))
    service.lock()
    kept = backups.auto_backups(vault_one.folder)
    assert [p.name for p in kept] == [f"auto-202601{d:02d}T090000Z.zip" for d in range(3, 8)]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in kept)


def test_unlocking_takes_an_automatic_backup_when_asked(vault_one):
    from workbook.accounts import WorkbookService
    service = WorkbookService(vault_one.folder, auto_backups=True)
    service.unlock(PASSPHRASE_ONE)
    service.lock()
    service.unlock(PASSPHRASE_ONE)
    service.lock()
    assert len(backups.auto_backups(vault_one.folder)) == 1


def test_restore_latest_automatic_backup_after_damage(vault_one):
    from workbook.storage.errors import DamagedFile
    service = vault_one.service()
    service.unlock(PASSPHRASE_ONE)
    backups.auto_backup_if_due(service)
    service.lock()
    shared = vault_one.folder / "shared.db"
    data = bytearray(shared.read_bytes())
    data[len(data) // 2] ^= 0x40
    shared.write_bytes(bytes(data))
    with pytest.raises(DamagedFile):
        vault_one.service().unlock(PASSPHRASE_ONE)
    backups.restore_latest_auto(vault_one.folder, PASSPHRASE_ONE)
    vault_one.service().unlock(PASSPHRASE_ONE)
    assert len(backups.auto_backups(vault_one.folder)) == 1  # the backups came along


def run_main(monkeypatch, capsys, stdin: str, *args: str):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_command_line_backup_verify_restore(vault_one, tmp_path, monkeypatch, capsys):
    target, folder = tmp_path / "b.zip", str(vault_one.folder)
    code, out, _ = run_main(monkeypatch, capsys, PASSPHRASE_ONE + "\n", "backup",
                            "--data-dir", folder, "-o", str(target))
    assert code == 0 and "opens only with" in out
    code, out, _ = run_main(monkeypatch, capsys, vault_one.recovery_codes[0] + "\n", "backup",
                            "--verify", str(target))
    assert code == 0 and "intact" in out
    code, _, err = run_main(monkeypatch, capsys, PASSPHRASE_ONE + "\n", "restore", str(target),
                            "--data-dir", folder)
    assert code == 2 and "already exists" in err and len(err.strip().splitlines()) == 1
    code, out, _ = run_main(monkeypatch, capsys, PASSPHRASE_ONE + "\n", "restore", str(target),
                            "--data-dir", folder, "--replace")
    assert code == 0 and "Restored" in out
    target.write_bytes(b"nope")
    code, _, err = run_main(monkeypatch, capsys, PASSPHRASE_ONE + "\n", "backup", "--verify",
                            str(target))
    assert code == 2 and "not a usable" in err
