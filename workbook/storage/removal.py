"""Removing a partner's files, their rows in the shared file, or a whole vault.

Every data file is ciphertext whose key exists only inside keyslots, so destroying the keyslots
makes the data unreadable even where the file system keeps old blocks (SSDs, snapshots). The
keyslots are therefore overwritten with random bytes and synced before they are unlinked;
`secure_delete` already overwrites deleted rows inside the shared file.
"""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path

import sqlcipher3

from workbook.storage.manifest import Manifest
from workbook.storage.sqlcipher import fsync_dir, storage_error
from workbook.storage.vault import BACKUP_DIR, PASSPHRASE_SLOT, RECOVERY_SLOT, VaultFolder

# Tables of shared.db that name a partner; partners last, because the others refer to it.
_PARTNER_TABLES = ("shared_answers", "shared_checkins", "shared_appreciations",
                   "conversation_lines", "partners")


def remove_shared_rows(conn: sqlcipher3.Connection, partner_id: str,
                       include_partner: bool) -> None:
    """Delete what `partner_id` shared (and, when asked, their name) in one transaction."""
    tables = _PARTNER_TABLES if include_partner else _PARTNER_TABLES[:-1]
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        for table in tables:  # names from the constant above, never from input
            column = "id" if table == "partners" else "partner_id"
            conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (partner_id,))
        # FTS5 only marks deleted entries until segments merge; merge now so the shared key
        # no longer reads the departed partner's words from the search index.
        conn.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def remove_partner_files(vault: VaultFolder, partner_id: str) -> None:
    """Destroy a partner's keyslots, private file and migration copies; forget their checksums."""
    manifest = Manifest.load(vault.folder)
    try:
        for kind in (PASSPHRASE_SLOT, RECOVERY_SLOT):
            slot = vault.slot(partner_id, kind)
            shred(slot)
            manifest.forget(slot.name)
        private = vault.private_db(partner_id)
        for path in (private, private.with_name(private.name + "-wal"),
                     private.with_name(private.name + "-shm"),
                     *(vault.folder / BACKUP_DIR).glob(f"{partner_id}.v*.db")):
            shred(path)
        fsync_dir(vault.folder)
    except OSError as error:
        raise storage_error(error) from None


def remove_vault(vault: VaultFolder) -> None:
    """Destroy every keyslot first (that alone makes everything unreadable), then the folder."""
    try:
        for kind in (PASSPHRASE_SLOT, RECOVERY_SLOT):
            for slot in vault.slots(kind):
                shred(slot)
        shutil.rmtree(vault.folder)
        fsync_dir(vault.folder.parent)
    except OSError as error:
        raise storage_error(error) from None


def shred(path: Path) -> None:
    """Overwrite with random bytes, sync, unlink. Best effort against old blocks; the real
    protection is that the keys are gone (see the module docstring)."""
    if not path.is_file():
        return
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.write(secrets.token_bytes(size))
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()
