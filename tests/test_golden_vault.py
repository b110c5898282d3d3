"""The golden vault (tests/golden/vault-v1, made by tests/golden/make_golden.py with this
release) must open and migrate in every later release, with each passphrase and recovery code,
and still hold what was written. Never regenerate it to make this test pass."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from workbook.accounts import WorkbookService
from workbook.answers import AnswerKey, AnswerService
from workbook.storage.schema import PRIVATE_MIGRATIONS, SHARED_MIGRATIONS, schema_version
from workbook.trackers.gratitude import GratitudeService
from workbook.trackers.milestones import MilestoneService

GOLDEN = Path(__file__).parent / "golden" / "vault-v1"
SECRETS = json.loads((GOLDEN.parent / "vault-v1.secrets.json").read_text("utf-8"))["partners"]
PRIVATE, SHARED = AnswerKey("golden", "sheet", "private"), AnswerKey("golden", "sheet", "shared")
DAY = dt.date(2026, 1, 15)


def expected(partner: int) -> dict[str, str]:  # as written by make_golden.py
    return {"private": f"golden private answer {partner} – ünïcode ✓",
            "shared": f"golden shared answer {partner}", "grateful": f"golden gratitude {partner}"}


@pytest.fixture
def golden(tmp_path) -> Path:
    folder = tmp_path / "golden"
    shutil.copytree(GOLDEN, folder)
    for path in [folder, *folder.iterdir()]:  # git does not keep 0600/0700
        os.chmod(path, 0o700 if path.is_dir() else 0o600)
    return folder


def check_content(service: WorkbookService, index: int) -> None:
    me = SECRETS[index]
    answers = AnswerService(service)
    assert answers.get(me["id"], PRIVATE) == expected(index)["private"]
    shared = answers.shared_in_chapter(None)
    for other in range(2):
        assert shared[(SECRETS[other]["id"], SHARED)] == expected(other)["shared"]
    entry = GratitudeService(service).get(me["id"], DAY)
    assert entry is not None and entry.grateful == expected(index)["grateful"]
    assert {p.name for p in service.partners()} == {p["name"] for p in SECRETS}
    assert MilestoneService(service).get(1).title == "Golden milestone: a walk together"
    session = service.current_session()
    assert schema_version(session.shared_conn) == len(SHARED_MIGRATIONS)
    assert schema_version(session.present[me["id"]].conn) == len(PRIVATE_MIGRATIONS)


@pytest.mark.parametrize("index", [0, 1])
def test_each_passphrase_opens_and_migrates_the_golden_vault(golden, index):
    service = WorkbookService(golden)
    service.unlock(SECRETS[index]["passphrase"])
    check_content(service, index)
    service.lock()


@pytest.mark.parametrize("index", [0, 1])
def test_each_recovery_code_opens_the_golden_vault(golden, index):
    service = WorkbookService(golden)
    service.recover(SECRETS[index]["recovery_code"], "a brand new passphrase 9")
    check_content(service, index)
    service.lock()
