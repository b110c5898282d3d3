"""Shared fixtures. Vaults are expensive to create (the passphrase KDF runs on purpose), so one
template per partner count is built once per test session and copied for each test."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from workbook.accounts import NewPartner, WorkbookService
from workbook.paths import AppPaths

PASSPHRASE_ONE = "river stone lantern 1"
PASSPHRASE_TWO = "maple cloud harbour 2"
NAME_ONE = "Alex"
NAME_TWO = "Sam"


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    """A throw-away data, config and log folder for one test."""
    return AppPaths.under(tmp_path / "home")


def _build_template(root: Path, partners: list[NewPartner]) -> tuple[Path, list[str], list[str]]:
    service = WorkbookService(root)
    created = service.create(partners)
    service.lock()
    return root, [c.info.id for c in created], [c.recovery_code for c in created]


@pytest.fixture(scope="session")
def _templates(tmp_path_factory):
    base = tmp_path_factory.mktemp("templates")
    one = _build_template(base / "one", [NewPartner(NAME_ONE, PASSPHRASE_ONE)])
    two = _build_template(base / "two", [NewPartner(NAME_ONE, PASSPHRASE_ONE),
                                         NewPartner(NAME_TWO, PASSPHRASE_TWO)])
    return {1: one, 2: two}


class VaultFixture:
    """A fresh copy of a template vault: its folder, partner ids and recovery codes."""

    def __init__(self, folder: Path, ids: list[str], codes: list[str]):
        self.folder = folder
        self.ids = ids
        self.recovery_codes = codes

    def service(self) -> WorkbookService:
        return WorkbookService(self.folder)


def _copy(templates, count: int, app_paths: AppPaths) -> VaultFixture:
    folder, ids, codes = templates[count]
    shutil.copytree(folder, app_paths.data_dir)
    return VaultFixture(app_paths.data_dir, ids, codes)


@pytest.fixture
def vault_one(_templates, app_paths) -> VaultFixture:
    return _copy(_templates, 1, app_paths)


@pytest.fixture
def vault_two(_templates, app_paths) -> VaultFixture:
    return _copy(_templates, 2, app_paths)


@pytest.fixture
def together(vault_two):
    """Both partners unlocked in one service (sitting together); locked afterwards."""
    service = vault_two.service()
    service.unlock(PASSPHRASE_ONE)
    service.unlock(PASSPHRASE_TWO)
    yield service, vault_two.ids
    service.lock()
