"""Faults: a writer killed with SIGKILL at random moments loses nothing it reported as saved;
a disk that fills up gives a clear message, keeps everything saved before, and a retry works."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.vaults import PASSPHRASE_ONE

from workbook.answers import AnswerKey, AnswerService
from workbook.storage.errors import StorageFull
from workbook.storage.sqlcipher import GuardedConnection

CHILD = Path(__file__).with_name("writer_child.py")
ROUNDS = 50
ROOT = Path(__file__).resolve().parents[2]


def keys_line(vault) -> str:
    service = vault.service()
    me = service.unlock(PASSPHRASE_ONE)
    material = service.session.present[me.id].material
    service.lock()
    return f"{me.id} {material.shared_key.hex()} {material.private_key.hex()}\n"


def start_child(folder, start: int, count: int, keys: str, *extra: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, str(CHILD), str(folder), str(start), str(count),
                              *extra], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env)
    child.stdin.write(keys)
    child.stdin.close()
    return child


def committed_after_kill(child: subprocess.Popen, delay: float) -> list[int]:
    """Let the child write for `delay` seconds after its first commit, then SIGKILL it."""
    first = child.stdout.readline()
    assert first.strip().isdigit(), child.stderr.read()
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait()
    return [int(first)] + [int(line) for line in child.stdout.read().split() if line.isdigit()]


def test_sigkill_at_random_moments_loses_nothing_reported(vault_one):
    keys, rng, reported, start = keys_line(vault_one), random.Random(7), [], 0
    for _ in range(ROUNDS):
        child = start_child(vault_one.folder, start, 10_000, keys)
        ids = committed_after_kill(child, rng.uniform(0.0, 0.05))
        reported += ids
        start = max(ids) + 1
    service = vault_one.service()  # a full unlock: every file passes its integrity check
    me = service.unlock(PASSPHRASE_ONE)
    answers = AnswerService(service)
    stored = answers.all_answers(me.id)
    for n in reported:
        assert stored[AnswerKey("crash", "sheet", f"f{n}")].startswith(f"entry {n} ")
        if n % 3 == 0 and n != max(reported):  # the last share may not have been reached
            assert answers.is_shared(me.id, AnswerKey("crash", "sheet", f"f{n}"))
    service.lock()


def test_a_full_disk_says_so_and_keeps_what_was_saved(vault_one):
    keys = keys_line(vault_one)
    limit = max(p.stat().st_size for p in vault_one.folder.glob("*.db")) + 40_000
    child = start_child(vault_one.folder, 0, 100_000, keys, str(limit))
    out, err = child.stdout.read(), child.stderr.read()
    child.wait(timeout=120)
    lines = out.split("\n")
    full = [line for line in lines if line.startswith("FULL")]
    assert full and "disk is full" in full[0], err[-2000:]
    saved = [int(line) for line in lines if line.isdigit()]
    assert saved
    service = vault_one.service()
    me = service.unlock(PASSPHRASE_ONE)  # the vault is healthy after the failed write
    answers = AnswerService(service)
    for n in saved:
        assert answers.get(me.id, AnswerKey("crash", "sheet", f"f{n}")) is not None
    answers.save(me.id, AnswerKey("crash", "sheet", "retry"), "space again")  # a retry works
    assert answers.get(me.id, AnswerKey("crash", "sheet", "retry")) == "space again"
    service.lock()


def test_a_read_only_database_maps_to_storage_full(tmp_path):
    import sqlcipher3
    conn = sqlcipher3.connect(str(tmp_path / "x.db"), factory=GuardedConnection,
                              isolation_level=None)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    ro = sqlcipher3.connect(f"{(tmp_path / 'x.db').as_uri()}?mode=ro", uri=True,
                            factory=GuardedConnection, isolation_level=None)
    with pytest.raises(StorageFull) as caught:
        ro.execute("INSERT INTO t VALUES (1)")
    assert "what you typed is still here" in str(caught.value)
    with pytest.raises(sqlcipher3.OperationalError):  # other errors keep their own type
        ro.execute("SELECT nope FROM t")
    # every other road SQL can take is guarded too (migrations use executescript)
    with pytest.raises(StorageFull):
        ro.executemany("INSERT INTO t VALUES (?)", [(1,), (2,)])
    with pytest.raises(StorageFull):
        ro.executescript("INSERT INTO t VALUES (3);")
    ro.close()
