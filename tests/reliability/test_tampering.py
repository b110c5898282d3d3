"""Tampering with every kind of file: a flipped byte or a truncation gives a clear message naming
the file, changes no file, and points to a backup."""

from __future__ import annotations

import pytest
from support.files import snapshot
from support.tampering import open_for, vault_files

from workbook.storage.errors import DamagedFile


def damage(path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "flip-middle":
        data[len(data) // 2] ^= 0x40
    elif how == "flip-header":
        data[40] ^= 0x01
    else:  # truncated to a whole number of pages, so only the checksums can tell
        data = data[:len(data) - 4096] if len(data) > 4096 else data[:1024]
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("kind", ["shared", "private", "keyslot", "recovery"])
@pytest.mark.parametrize("how", ["flip-middle", "flip-header", "truncate-page"])
def test_every_file_kind_reports_damage_and_changes_nothing(vault_one, kind, how):
    name, opener = vault_files(vault_one.ids[0])[kind]
    damage(vault_one.folder / name, how)
    before = snapshot(vault_one.folder)
    service = vault_one.service()
    with pytest.raises(DamagedFile) as caught:
        open_for(service, vault_one, opener)
    message = str(caught.value)
    assert name in message and "backup" in message
    assert snapshot(vault_one.folder) == before
    assert not service.is_unlocked
