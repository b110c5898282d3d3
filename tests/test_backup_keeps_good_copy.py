"""Automatic backups never drop the last good copy of a file: a partner's private file damaged
while they were away is still offered intact after many days of the other partner's backups."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO

from workbook import backups
from workbook.answers import AnswerKey, AnswerService
from workbook.storage.errors import DamagedFile

KEY = AnswerKey("chapter", "sheet", "field")
DAY0 = datetime(2026, 5, 1, 9, tzinfo=UTC)


def test_seven_days_with_one_damaged_file_still_offer_a_good_copy(vault_two):
    service = vault_two.service()
    service.unlock(PASSPHRASE_ONE)
    two = service.unlock(PASSPHRASE_TWO)
    AnswerService(service).save(two.id, KEY, "words of the partner who goes away")
    backups.auto_backup_if_due(service, now=DAY0)
    service.lock()
    damaged = vault_two.folder / f"{two.id}.db"
    data = bytearray(damaged.read_bytes())
    data[len(data) - 3000] ^= 0x44
    damaged.write_bytes(bytes(data))
    for day in range(1, 8):  # the other partner unlocks alone every day
        service = vault_two.service()
        service.unlock(PASSPHRASE_ONE)
        backups.auto_backup_if_due(service, now=DAY0 + timedelta(days=day))
        service.lock()
    kept = backups.auto_backups(vault_two.folder)
    assert len(kept) == 6 and kept[0].name.startswith("auto-20260501")  # five + the good copy
    with pytest.raises(DamagedFile):
        vault_two.service().unlock(PASSPHRASE_TWO)
    backups.restore_latest_auto(vault_two.folder, PASSPHRASE_TWO)
    service = vault_two.service()
    assert service.unlock(PASSPHRASE_TWO).id == two.id
    assert AnswerService(service).get(two.id, KEY) == "words of the partner who goes away"
    service.lock()
