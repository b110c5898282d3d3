"""A child process for the crash and disk-full tests: opens a vault with keys given on standard
input (so no KDF runs per round; the KDF itself is never weakened), then writes answers through
the services, printing each id once its transaction has committed.

    python writer_child.py VAULT START COUNT [FSIZE_LIMIT]
    stdin: one line "partner_id shared_key_hex private_key_hex"
"""

from __future__ import annotations

import resource
import signal
import sys
from pathlib import Path

from workbook.accounts import WorkbookService
from workbook.answers import AnswerKey, AnswerService
from workbook.session import Session, UnlockedPartner
from workbook.storage.errors import StorageFull
from workbook.storage.keyslots import KeyMaterial


def open_with_keys(folder: Path, line: str) -> tuple[WorkbookService, str]:
    partner_id, shared_hex, private_hex = line.split()
    material = KeyMaterial(partner_id, bytes.fromhex(shared_hex), bytes.fromhex(private_hex))
    service = WorkbookService(folder)
    service.session = Session(service.vault, material.shared_key,
                              service.vault.open_shared(material.shared_key))
    service.session.present[partner_id] = UnlockedPartner(
        material, service.vault.open_private(material))
    return service, partner_id


def main() -> None:
    folder, start, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    service, me = open_with_keys(folder, sys.stdin.readline())
    if len(sys.argv) > 4:  # the disk "fills up": writes past this size fail with EFBIG
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        limit = int(sys.argv[4])
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    answers = AnswerService(service)
    for n in range(start, start + count):
        key = AnswerKey("crash", "sheet", f"f{n}")
        try:
            answers.save(me, key, f"entry {n} " + "x" * 300)
            if n % 3 == 0:
                answers.share(me, key)
        except StorageFull as error:
            print(f"FULL {n} {error}", flush=True)
            return
        print(n, flush=True)
    service.lock()


if __name__ == "__main__":
    main()
