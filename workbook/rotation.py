""""Someone may know my passphrase": new keys, not only new locks.

A passphrase change re-wraps the same data keys in a new keyslot, so a copy of the old keyslot
(in a backup saved elsewhere) plus the old passphrase would still read everything written since.
Rotating goes further: the partner's private file is re-encrypted under a fresh random key
(SQLCipher's rekey, then reopened and checked), with a new passphrase and a new recovery code.
When both partners are here, the shared file can be re-encrypted too; then both partners' keyslots
change, so the other partner types their (unchanged) passphrase and gets a new recovery code.

Order, so that no crash can lock anyone out: the new keyslots are written first and carry the keys
they replace (`KeyMaterial.previous_*`); the data files are re-encrypted; the slots are written
once more without the old keys. Opening a file that did not get its new key finishes the job
(vault.py). The automatic backups are rewritten to match (backups.forget_old_secrets); a backup
file saved elsewhere is beyond reach, and the window says so.
"""

from __future__ import annotations

import logging
from typing import NamedTuple

from workbook.passphrases import new_recovery_code
from workbook.storage.errors import VaultError
from workbook.storage.keyslots import KeyMaterial
from workbook.storage.layout import BACKUP_DIR, PASSPHRASE_SLOT, RECOVERY_SLOT
from workbook.text import InvalidText

log = logging.getLogger(__name__)


class NewCodes(NamedTuple):
    codes: dict[str, str]  # partner id -> new recovery code

    def __repr__(self) -> str:
        return "NewCodes(<hidden>)"


def rotate_keys(service, partner_id: str, old_passphrase: str, new_passphrase: str,
                other_passphrase: str | None = None) -> NewCodes:
    """Re-encrypt `partner_id`'s private file under a new key with a new passphrase and recovery
    code; with `other_passphrase` (the other partner, present) also the shared file."""
    from workbook.accounts import _check_passphrase
    from workbook.storage.vault import new_key
    _check_passphrase(new_passphrase)
    with service._writing():
        session = service.current_session()
        me = session.partner(partner_id)
        if service.vault.find_keys(old_passphrase, PASSPHRASE_SLOT).partner_id != partner_id:
            raise VaultError("That is not your current passphrase.")
        service._ensure_unused(new_passphrase)
        other = _other_partner(service, session, partner_id, other_passphrase)
        old_shared, new_shared = session.shared_key, (new_key() if other else session.shared_key)
        plans = [(KeyMaterial(partner_id, new_shared, new_key(), old_shared,
                                        me.material.private_key), new_passphrase)]
        if other is not None and other_passphrase is not None:
            plans.append((KeyMaterial(other.id, new_shared,
                                                   other.material.private_key, old_shared,
                                                   other.material.private_key),
                          other_passphrase))
        codes = {material.partner_id: new_recovery_code() for material, _ in plans}
        _write_slots(service.vault, plans, codes)  # old secrets open nothing from here on
        rekeys = {f"{partner_id}.db": (me.material.private_key, plans[0][0].private_key)}
        _rekey(service.vault, me.conn, service.vault.private_db(partner_id),
               plans[0][0].private_key)
        if other is not None:
            rekeys["shared.db"] = (old_shared, new_shared)
            _rekey(service.vault, session.shared_conn, service.vault.shared_db, new_shared)
        _write_slots(service.vault, [(m.settled(), p) for m, p in plans], codes)
        me.material = plans[0][0].settled()
        if other is not None:
            other.material = plans[1][0].settled()
            session.shared_key = new_shared
        _shred_migration_copies(service.vault, rekeys)
        service._forget_old_secrets([m.partner_id for m, _ in plans], rekeys)
    log.info("keys rotated (%d file(s))", len(rekeys))
    return NewCodes(codes)


def _other_partner(service, session, partner_id: str, other_passphrase: str | None):
    if other_passphrase is None:
        return None
    if not other_passphrase:
        raise InvalidText("Your partner's passphrase is needed to re-encrypt the shared space.")
    material = service.vault.find_keys(other_passphrase, PASSPHRASE_SLOT)
    if material.partner_id == partner_id:
        raise InvalidText("That is your own passphrase; your partner types theirs.")
    return session.partner(material.partner_id)  # PermissionError unless present


def _write_slots(vault, plans, codes: dict[str, str]) -> None:
    for material, passphrase in plans:
        vault.replace_slot(material, PASSPHRASE_SLOT, passphrase)
        vault.replace_slot(material, RECOVERY_SLOT, codes[material.partner_id])


def _rekey(vault, conn, path, new_key: bytes) -> None:
    """Re-encrypt every page in one transaction, then prove the new key opens the file."""
    from workbook.storage.sqlcipher import open_existing, raw_key_literal
    conn.reset_key(raw_key_literal(new_key))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # no page under the old key stays in -wal
    open_existing(path, raw_key_literal(new_key), readonly=True).close()


def _shred_migration_copies(vault, rekeys: dict[str, tuple[bytes, bytes]]) -> None:
    """Copies taken before schema migrations are still under the old keys: destroy them."""
    from workbook.storage.removal import shred
    for name in rekeys:
        stem = name[: -len(".db")]
        for path in (vault.folder / BACKUP_DIR).glob(f"{stem}.v*.db"):
            shred(path)
