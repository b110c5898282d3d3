"""A recovery reset is all or nothing: every file the new keyslots will serve is opened and
checked before any slot is replaced, and both slots are replaced together; a failure leaves
every byte as it was and says so."""

from __future__ import annotations

import pytest
from support.files import snapshot

from workbook.storage import vault as vault_module
from workbook.storage.errors import DamagedFile, StorageFull

NEW = "brand new passphrase 12"


def _flip(path, offset: int) -> bytes:
    data = bytearray(path.read_bytes())
    original = bytes(data)
    data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    return original


@pytest.mark.parametrize("which", ["private", "shared"])
def test_a_damaged_data_file_stops_the_reset_before_any_slot_changes(vault_two, which):
    folder = vault_two.folder
    target = folder / (f"{vault_two.ids[0]}.db" if which == "private" else "shared.db")
    original = _flip(target, target.stat().st_size - 2000)  # a page past the first
    before = snapshot(folder)
    service = vault_two.service()
    with pytest.raises(DamagedFile, match="Nothing has been changed"):
        service.recover(vault_two.recovery_codes[0], NEW)
    assert not service.is_unlocked
    assert snapshot(folder) == before
    target.write_bytes(original)  # put right (as a restore would): the old code still works
    info, code = vault_two.service().recover(vault_two.recovery_codes[0], NEW)
    assert info.id == vault_two.ids[0] and code != vault_two.recovery_codes[0]


def test_a_full_disk_while_writing_the_new_slots_changes_nothing(vault_two, monkeypatch):
    folder = vault_two.folder
    before = snapshot(folder)
    calls = []
    real = vault_module.write_keyslot

    def fail_second(path, secret, material):
        calls.append(path.name)
        if len(calls) == 2:
            raise StorageFull()
        real(path, secret, material)

    monkeypatch.setattr(vault_module, "write_keyslot", fail_second)
    service = vault_two.service()
    with pytest.raises(StorageFull):
        service.recover(vault_two.recovery_codes[0], NEW)
    assert not service.is_unlocked
    assert snapshot(folder) == before
    monkeypatch.setattr(vault_module, "write_keyslot", real)
    assert vault_two.service().recover(vault_two.recovery_codes[0], NEW)[0].id == vault_two.ids[0]
