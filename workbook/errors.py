"""The one root of every error a person may see: `WorkbookError`. Its message is a calm,
complete sentence that never quotes what anyone wrote or a passphrase, so it can be shown and
logged as it is. The windows and the command line map only these (an OS permission error aside);
anything else is a bug, reported without its message.

This module is the bottom layer: it imports nothing of the app, so storage can raise these too.
"""

from __future__ import annotations


class WorkbookError(Exception):
    """Base class: `str(error)` is a calm, complete sentence for the person."""


# -- who is here -----------------------------------------------------------------------------
class Locked(WorkbookError, PermissionError):
    """Nobody is unlocked (a PermissionError too, for code written before this root existed)."""

    def __init__(self, message: str = "The workbook is locked.") -> None:
        super().__init__(message)


class NotPresent(WorkbookError, PermissionError):
    """The partner this needs is not unlocked in this session."""

    def __init__(self, message: str = "That partner is not unlocked in this session.") -> None:
        super().__init__(message)


# -- what was asked --------------------------------------------------------------------------
class InvalidInput(WorkbookError, ValueError):
    """Something typed or chosen cannot be stored or used; the message never repeats it."""


# -- the files -------------------------------------------------------------------------------
class VaultError(WorkbookError):
    """Something about the workbook's files."""


class VaultNotFound(VaultError):
    pass


class VaultExists(VaultError):
    pass


class WrongPassphrase(VaultError):
    """A wrong secret: passphrase or recovery code."""

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


# -- printing ---------------------------------------------------------------------------------
class ExportError(WorkbookError):
    """A PDF could not be made or saved. reportlab's own messages can quote the paragraph that
    failed, so they are never passed on."""
