"""A backup file is checked like any file from outside: a member name with a newline, a
compressed ("zip bomb") member, a damaged end record and a deeply nested table of contents are
all refused with the calm "not a usable backup" message; leftovers of a killed backup go."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime

import pytest
from support.vaults import PASSPHRASE_ONE

from workbook import backups
from workbook.storage.backup import NotABackup


@pytest.fixture
def good_backup(vault_one, tmp_path):
    service = vault_one.service()
    service.unlock(PASSPHRASE_ONE)
    target = tmp_path / "good.zip"
    backups.create_backup(service, target)
    service.lock()
    return target


def _rebuild(source, target, *, compress=zipfile.ZIP_STORED, index=None, extra=None):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", compress) as new:
        for info in old.infolist():
            if info.filename == "backup.json" and index is not None:
                new.writestr("backup.json", index(old.read(info)))
            else:
                new.writestr(info.filename, old.read(info))
        for name, data in (extra or {}).items():
            new.writestr(name, data)
    return target


def _refused(path) -> str:
    with pytest.raises(NotABackup) as caught:
        backups.verify_backup(path, PASSPHRASE_ONE)
    return str(caught.value)


def test_a_member_name_with_a_newline_is_refused(good_backup, tmp_path):
    def add_name(raw: bytes) -> str:
        data = json.loads(raw)
        data["files"]["shared.db\n"] = data["files"]["shared.db"]
        return json.dumps(data)
    with zipfile.ZipFile(good_backup) as archive:
        shared = archive.read("vault/shared.db")
    bad = _rebuild(good_backup, tmp_path / "newline.zip", index=add_name,
                   extra={"vault/shared.db\n": shared})
    assert "never has" in _refused(bad)


def test_compressed_members_are_refused(good_backup, tmp_path):
    bad = _rebuild(good_backup, tmp_path / "bomb.zip", compress=zipfile.ZIP_DEFLATED)
    assert "compressed" in _refused(bad)


def test_a_deeply_nested_table_of_contents_is_refused(good_backup, tmp_path):
    bad = _rebuild(good_backup, tmp_path / "deep.zip",
                   index=lambda raw: "[" * 100_000 + "]" * 100_000)
    assert "table of contents" in _refused(bad)


def test_every_flipped_byte_of_the_end_record_is_named_calmly(good_backup, tmp_path):
    data = good_backup.read_bytes()
    for offset in range(len(data) - 22, len(data)):
        changed = bytearray(data)
        changed[offset] ^= 0xFF
        bad = tmp_path / "flipped.zip"
        bad.write_bytes(bytes(changed))
        try:
            backups.verify_backup(bad, PASSPHRASE_ONE)
        except NotABackup:
            continue  # refused with the reason a person can act on
        # a few bytes (the comment length, the disk numbers) do not matter to a reader


def test_leftovers_of_a_killed_backup_are_cleaned(vault_one, tmp_path):
    folder = vault_one.folder / "backups"
    folder.mkdir(mode=0o700, exist_ok=True)
    partial = folder / ".auto-20260101T000000Z.zip.1a2b3c4d.partial"
    partial.write_bytes(b"half a backup")
    elsewhere = tmp_path / "mine.zip"
    stale = tmp_path / ".mine.zip.deadbeef.partial"
    stale.write_bytes(b"half a backup")
    service = vault_one.service()
    service.unlock(PASSPHRASE_ONE)
    backups.auto_backup_if_due(service, now=datetime(2026, 6, 1, tzinfo=UTC))
    backups.create_backup(service, elsewhere)
    service.lock()
    assert not partial.exists() and not stale.exists()
    assert len(backups.auto_backups(vault_one.folder)) == 1 and elsewhere.exists()
