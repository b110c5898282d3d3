"""vault.json is a hint, never a lock: no single changed byte in it refuses a correct
passphrase; once someone has unlocked, it is rewritten from the keyslots."""

from __future__ import annotations

import json

import pytest
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO

from workbook.storage.errors import DamagedFile, WrongPassphrase
from workbook.storage.manifest import Manifest, file_sha256


def _manifest_agrees(folder, partner_id: str) -> bool:
    manifest = Manifest.load(folder)
    slot = folder / f"{partner_id}.keys.db"
    return manifest.readable and manifest.checksums.get(slot.name) == [file_sha256(slot)]


def test_no_single_changed_byte_in_vault_json_refuses_a_correct_passphrase(vault_two):
    path = vault_two.folder / "vault.json"
    original = path.read_bytes()
    positions = sorted({*range(0, len(original), 13), len(original) - 1})
    assert len(positions) > 25
    for index, position in enumerate(positions):
        changed = bytearray(original)
        changed[position] = (changed[position] + 1 + index % 50) % 256
        path.write_bytes(bytes(changed))
        phrase, partner = ((PASSPHRASE_ONE, vault_two.ids[0]) if index % 2 else
                           (PASSPHRASE_TWO, vault_two.ids[1]))
        service = vault_two.service()
        assert service.unlock(phrase).id == partner, position
        service.lock()
        assert _manifest_agrees(vault_two.folder, partner), position
        path.write_bytes(original)


def test_a_changed_checksum_with_a_wrong_passphrase_names_both_suspects(vault_two):
    path = vault_two.folder / "vault.json"
    data = json.loads(path.read_text())
    name = f"{vault_two.ids[0]}.keys.db"
    data["checksums"][name] = ["0" * 64]
    path.write_text(json.dumps(data))
    with pytest.raises(DamagedFile) as caught:
        vault_two.service().unlock("not anyone's passphrase")
    assert name in str(caught.value) and "vault.json" in str(caught.value)
    service = vault_two.service()
    service.unlock(PASSPHRASE_ONE)  # the right one still opens, and vault.json is put right
    service.lock()
    assert _manifest_agrees(vault_two.folder, vault_two.ids[0])
    with pytest.raises(WrongPassphrase):
        vault_two.service().unlock("not anyone's passphrase")
