"""Errors the storage layer raises. Every message is safe to show to the user and to log:
it never contains anything the user wrote, nor a passphrase."""

from __future__ import annotations


class VaultError(Exception):
    """Base class: `str(error)` is a calm, complete sentence for the user."""


class VaultNotFound(VaultError):
    pass


class VaultExists(VaultError):
    pass


class WrongPassphrase(VaultError):
    def __init__(self, message: str = "That passphrase did not open this workbook. "
                 "Check Caps Lock and the keyboard layout, and try again."):
        super().__init__(message)


class DamagedFile(VaultError):
    """A file of the vault cannot be read: damaged, truncated, foreign or replaced.
    The file is left exactly as it was found."""

    def __init__(self, file_name: str, reason: str):
        self.file_name = file_name
        self.reason = reason
        super().__init__(f"The workbook file '{file_name}' cannot be read: {reason} "
                         "Nothing has been changed. Restore it from a backup if you have one.")


class EncryptionUnavailable(VaultError):
    """The SQLite library loaded is not SQLCipher: we refuse to run rather than write plaintext."""


class StorageFull(VaultError):
    def __init__(self) -> None:
        super().__init__("The disk is full or not writable, so nothing was saved this time. "
                         "Free some space and try again; what you typed is still here.")


class AlreadyUnlocked(VaultError):
    def __init__(self) -> None:
        super().__init__("That partner is already unlocked in this session.")
