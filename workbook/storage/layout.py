"""The vault folder's file names, and whether a workbook is there at all.

Kept apart from vault.py (which loads SQLCipher) so the app can decide between its welcome and
unlock screens before any of the storage code is imported."""

from __future__ import annotations

from pathlib import Path

MANIFEST_NAME = "vault.json"
SHARED_DB = "shared.db"
BACKUP_DIR = "backups"
PASSPHRASE_SLOT = "keys"
RECOVERY_SLOT = "recovery"


def workbook_exists(folder: Path) -> bool:
    return (folder / SHARED_DB).exists() or (folder / MANIFEST_NAME).exists()
