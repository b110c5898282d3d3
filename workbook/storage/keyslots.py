"""Keyslots: small SQLCipher files, each opened by one secret (a passphrase or a recovery code),
holding the random raw keys of the shared database and of one partner's private database.

A keyslot is never rewritten in place: a new file is written beside it, reopened to verify, and
renamed over the old one, so a crash leaves either the old or the new slot, never half of one.
Keyslots use a rollback journal, not WAL, so each is exactly one file and the rename is atomic.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from workbook.storage.errors import VaultError
from workbook.storage.sqlcipher import create_new, open_existing, passphrase_bytes

SLOT_FORMAT = 1


@dataclass(frozen=True)
class KeyMaterial:
    partner_id: str
    shared_key: bytes
    private_key: bytes
    # While data files are re-encrypted under new keys (vault.rotate_keys), the new slots also
    # carry the keys they had, so a crash between the slots and the data cannot lock anyone out.
    previous_shared: bytes = b""
    previous_private: bytes = b""

    def settled(self) -> KeyMaterial:
        return KeyMaterial(self.partner_id, self.shared_key, self.private_key)

    def __repr__(self) -> str:  # keys never reach a log or a traceback
        return f"KeyMaterial(partner_id={self.partner_id!r}, keys=<hidden>)"


def write_keyslot(path: Path, secret: str, material: KeyMaterial) -> None:
    """Create a new keyslot file at `path` (which must not exist) and verify it by reopening."""
    conn = create_new(path, passphrase_bytes(secret), wal=False)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("CREATE TABLE slot (format INTEGER NOT NULL, partner_id TEXT NOT NULL, "
                     "shared_key BLOB NOT NULL, private_key BLOB NOT NULL)")
        conn.execute("INSERT INTO slot VALUES (?, ?, ?, ?)",
                     (SLOT_FORMAT, material.partner_id, material.shared_key, material.private_key))
        if material.previous_shared or material.previous_private:
            conn.execute("CREATE TABLE previous (shared_key BLOB NOT NULL, "
                         "private_key BLOB NOT NULL)")
            conn.execute("INSERT INTO previous VALUES (?, ?)",
                         (material.previous_shared, material.previous_private))
    finally:
        conn.close()
    _fsync_file(path)
    if read_keyslot(path, secret) != material:
        path.unlink()
        raise VaultError("A new key file could not be verified, so it was not used. "
                         "Nothing else was changed.")


def read_keyslot(path: Path, secret: str) -> KeyMaterial:
    """Open a keyslot read-only. Raises WrongPassphrase or DamagedFile; never writes."""
    conn = open_existing(path, passphrase_bytes(secret), readonly=True,
                         wrong_key_means_damage=False)
    try:
        row = conn.execute(
            "SELECT format, partner_id, shared_key, private_key FROM slot").fetchone()
        has_previous = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                    "AND name = 'previous'").fetchone()[0]
        previous = conn.execute("SELECT shared_key, private_key FROM previous").fetchone() \
            if has_previous else None
    finally:
        conn.close()
    if row is None or row[0] != SLOT_FORMAT:
        raise VaultError("This key file comes from a newer version of Couples Workbook. "
                         "Please update the app.")
    if previous:
        return KeyMaterial(row[1], bytes(row[2]), bytes(row[3]), bytes(previous[0]),
                           bytes(previous[1]))
    return KeyMaterial(row[1], bytes(row[2]), bytes(row[3]))


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
