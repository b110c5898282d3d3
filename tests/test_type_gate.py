"""The type gate (mypy in `make lint`, configured in pyproject.toml) passes the real tree and
fails on planted mistakes: each is put into a temporary copy of the package, and the one run
must report exactly those, each in its own file."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# file under workbook/ -> (code added to it, the error code mypy must give)
PLANTED = {
    # a value that may be None used as if it never were
    "dates.py": ("\n\ndef planted(day: str | None) -> int:\n    return len(day)\n", "arg-type"),
    # a misspelt Qt method, in a function without annotations (check_untyped_defs)
    "ui/home.py": ("\n\ndef planted():\n    from PySide6.QtWidgets import QLabel\n"
                   "    QLabel().setTextt('x')\n", "attr-defined"),
}


def test_the_type_gate_reports_each_planted_error_and_nothing_else(tmp_path):
    pytest.importorskip("mypy")
    for folder in ("workbook", "tools"):
        shutil.copytree(ROOT / folder, tmp_path / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for name, (code, _) in PLANTED.items():
        with (tmp_path / "workbook" / name).open("a", encoding="utf-8") as file:
            file.write(code)
    result = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache")],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stdout + result.stderr
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    for name, (_, error_code) in PLANTED.items():
        assert any(line.startswith(f"workbook/{name}:") and line.endswith(f"[{error_code}]")
                   for line in errors), result.stdout
    assert len(errors) == len(PLANTED), result.stdout  # the rest of the tree is clean
    assert re.search(rf"Found {len(PLANTED)} errors in {len(PLANTED)} files", result.stdout)
