"""The kinds of vault file a damaged-file test can break, and how to open the one it broke."""

from __future__ import annotations

from support.vaults import PASSPHRASE_ONE


def vault_files(one: str) -> dict[str, tuple[str, str]]:
    """file kind → (file name, how it is opened: by passphrase or by recovery code)"""
    return {"shared": ("shared.db", "passphrase"), "private": (f"{one}.db", "passphrase"),
            "keyslot": (f"{one}.keys.db", "passphrase"),
            "recovery": (f"{one}.recovery.db", "recovery")}


def open_for(service, vault, opener: str) -> None:
    """Open the way that reads the damaged file: the recovery slot only by a recovery reset."""
    if opener == "recovery":
        service.recover(vault.recovery_codes[0], "a fresh passphrase here")
    else:
        service.unlock(PASSPHRASE_ONE)
