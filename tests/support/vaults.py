"""The partners every test vault holds (names and passphrases), and the `VaultFixture` that
the conftest fixtures `vault_one` and `vault_two` hand out."""

from __future__ import annotations

from pathlib import Path

from workbook.accounts import WorkbookService

PASSPHRASE_ONE = "river stone lantern 1"
PASSPHRASE_TWO = "maple cloud harbour 2"
NAME_ONE = "Alex"
NAME_TWO = "Sam"


class VaultFixture:
    """A fresh copy of a template vault: its folder, partner ids and recovery codes."""

    def __init__(self, folder: Path, ids: list[str], codes: list[str]):
        self.folder = folder
        self.ids = ids
        self.recovery_codes = codes

    def service(self) -> WorkbookService:
        return WorkbookService(self.folder)
