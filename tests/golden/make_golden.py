"""Make the golden vault: a small workbook written by this release, committed to the repository
so that every later release proves it still opens and migrates it (tests/test_golden_vault.py).

Run once per vault format, from the repository root:

    PYTHONPATH=. python tests/golden/make_golden.py tests/golden/vault-v1

It refuses to overwrite an existing folder. Everything in it is fictional, and its passphrases
and recovery codes are public (written to secrets.json beside the vault): never put real entries
in it. The files themselves are ordinary encrypted vault files.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from workbook.accounts import NewPartner, WorkbookService
from workbook.answers import AnswerKey, AnswerService
from workbook.trackers.gratitude import GratitudeService
from workbook.trackers.milestones import MilestoneService

PARTNERS = (("Robin (fictional)", "golden vault passphrase one"),
            ("Jamie (fictional)", "golden vault passphrase two"))
PRIVATE = AnswerKey("golden", "sheet", "private")
SHARED = AnswerKey("golden", "sheet", "shared")
DAY = dt.date(2026, 1, 15)
MILESTONE = "Golden milestone: a walk together"


def expected(partner: int) -> dict[str, str]:
    """What the test expects to find for partner 0 or 1."""
    return {"private": f"golden private answer {partner} – ünïcode ✓",
            "shared": f"golden shared answer {partner}",
            "grateful": f"golden gratitude {partner}"}


def make(folder: Path) -> dict:
    service = WorkbookService(folder)
    created = service.create([NewPartner(n, p) for n, p in PARTNERS])
    answers = AnswerService(service)
    gratitude = GratitudeService(service, today=lambda: DAY)
    for index, partner in enumerate(created):
        words = expected(index)
        answers.save(partner.info.id, PRIVATE, words["private"])
        answers.save(partner.info.id, SHARED, words["shared"])
        answers.share(partner.info.id, SHARED)
        gratitude.save(partner.info.id, words["grateful"], "", day=DAY)
    MilestoneService(service, today=lambda: DAY).add(MILESTONE)
    service.lock()
    return {"partners": [{"name": n, "passphrase": p, "recovery_code": c.recovery_code,
                          "id": c.info.id} for (n, p), c in zip(PARTNERS, created, strict=True)]}


if __name__ == "__main__":
    target = Path(sys.argv[1])
    secrets_file = target.with_name(target.name + ".secrets.json")
    if target.exists() or secrets_file.exists():
        sys.exit(f"{target} already exists; the golden vault is never regenerated in place.")
    secrets = make(target)
    secrets_file.write_text(json.dumps(secrets, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"Wrote {target} and {secrets_file}.")
