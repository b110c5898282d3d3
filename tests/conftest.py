"""Shared fixtures. Vaults are expensive to create (the passphrase KDF runs on purpose), so one
template per partner count is built once per test session and copied for each test."""

from __future__ import annotations

import gc
import os
import shutil
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from support.packets import fill_for_packets
from support.vaults import NAME_ONE, NAME_TWO, PASSPHRASE_ONE, PASSPHRASE_TWO, VaultFixture

from workbook.accounts import NewPartner, WorkbookService
from workbook.paths import AppPaths


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


@pytest.fixture
def filled(vault_two):
    """For the session packet tests: Alex and Sam both wrote answers, trackers and secrets; then
    Sam left (support/packets.py)."""
    return fill_for_packets(vault_two)


@pytest.fixture(autouse=True)
def _qt_objects_go_between_tests():
    """Windows of a finished test are collected and deleted now, while Qt is idle, not whenever
    Python's collector happens to run inside the next test. Without this the whole suite, run in
    one process, crashed (SIGSEGV in QScreen::virtualSiblings while a new window was built,
    always in the same test, never alone); with it the same run passes. The root cause is not
    found; see the note on issue 12."""
    yield
    gc.collect()
    qt = sys.modules.get("PySide6.QtCore")  # only once a test has used Qt
    if qt is not None and qt.QCoreApplication.instance() is not None:
        qt.QCoreApplication.sendPostedEvents(None, qt.QEvent.Type.DeferredDelete)
