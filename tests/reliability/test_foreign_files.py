"""An empty file, an unencrypted SQLite file, or a folder where a vault file should be, for every
kind of file: the message names the file and what is wrong, and nothing is changed."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from support.files import snapshot
from support.tampering import open_for, vault_files

from workbook.storage.errors import DamagedFile

REASONS = {"empty": "the file is empty", "plain-sqlite": "unencrypted database",
           "folder": "a folder is where this file should be"}


def replace(path, how: str) -> None:
    path.unlink()
    if how == "empty":
        path.write_bytes(b"")
    elif how == "plain-sqlite":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    else:
        path.mkdir()


def listing(folder) -> list[str]:
    return sorted(f"{p.relative_to(folder)}{'/' if p.is_dir() else ''}" for p in folder.rglob("*"))


@pytest.mark.parametrize("kind", ["shared", "private", "keyslot", "recovery"])
@pytest.mark.parametrize("how", ["empty", "plain-sqlite", "folder"])
def test_foreign_content_for_every_file_kind(vault_one, kind, how):
    name, opener = vault_files(vault_one.ids[0])[kind]
    replace(vault_one.folder / name, how)
    before, names = snapshot(vault_one.folder), listing(vault_one.folder)
    service = vault_one.service()
    with pytest.raises(DamagedFile) as caught:
        open_for(service, vault_one, opener)
    message = str(caught.value)
    assert name in message and REASONS[how] in message and "backup" in message
    assert snapshot(vault_one.folder) == before and listing(vault_one.folder) == names
    assert not service.is_unlocked
    if how == "folder":
        shutil.rmtree(vault_one.folder / name)
