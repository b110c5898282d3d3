"""The errors storage raises. They live in `workbook.errors`, the one root every layer shares;
storage code names them from here."""

from __future__ import annotations

from workbook.errors import (
    AlreadyUnlocked,
    DamagedFile,
    EncryptionUnavailable,
    StorageFull,
    VaultError,
    VaultExists,
    VaultNotFound,
    WrongPassphrase,
)

__all__ = ["AlreadyUnlocked", "DamagedFile", "EncryptionUnavailable", "StorageFull",
           "VaultError", "VaultExists", "VaultNotFound", "WrongPassphrase"]
