"""The command line fails calmly: a data export on a full disk is StorageFull (exit 2), and a
demo that cannot be finished leaves no half-built workbook behind."""

from __future__ import annotations

import errno
import io
import sys

from support.vaults import PASSPHRASE_ONE

from workbook import portable
from workbook.cli.commands import main
from workbook.storage.errors import StorageFull


def _run(monkeypatch, capsys, stdin: str, *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(args))
    return code, capsys.readouterr().err


def test_data_export_on_a_full_disk_is_calm(vault_one, tmp_path, monkeypatch, capsys):
    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(portable, "write_export", full)
    code, err = _run(monkeypatch, capsys, PASSPHRASE_ONE + "\n", "data", "export",
                     str(tmp_path / "out.json"), "--data-dir", str(vault_one.folder))
    assert code == 2 and str(StorageFull()) in err


def test_a_demo_that_fails_half_way_leaves_nothing(tmp_path, monkeypatch, capsys):
    from workbook.demo import workbook as demo

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(demo, "fill_trackers", full)
    folder = tmp_path / "demo"
    code, err = _run(monkeypatch, capsys, "", "demo", "--data-dir", str(folder))
    assert code == 2 and str(StorageFull()) in err and "was removed" in err
    assert not folder.exists()


def test_deeply_nested_json_is_refused_calmly(vault_one, tmp_path, monkeypatch, capsys):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, err = _run(monkeypatch, capsys, PASSPHRASE_ONE + "\n", "data", "import", str(deep),
                     "--data-dir", str(vault_one.folder))
    assert code == 2 and "nested far too deeply" in err and len(err.strip().splitlines()) == 1
