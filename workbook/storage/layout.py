"""The vault folder's file names, and whether a workbook is there at all.

Kept apart from vault.py (which loads SQLCipher) so the app can decide between its welcome and
unlock screens before any of the storage code is imported."""

from __future__ import annotations

import os
from pathlib import Path

MANIFEST_NAME = "vault.json"
SHARED_DB = "shared.db"
BACKUP_DIR = "backups"
PASSPHRASE_SLOT = "keys"
RECOVERY_SLOT = "recovery"


def workbook_exists(folder: Path) -> bool:
    return (folder / SHARED_DB).exists() or (folder / MANIFEST_NAME).exists()


def make_private_dirs(folder: Path) -> None:
    """Create `folder` and any missing parents as 0700 whatever the umask (mkdir's `parents`
    would give the parents the umask's mode, 0777 under umask 000)."""
    folder = Path(folder).absolute()
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            continue
        os.chmod(path, 0o700)
