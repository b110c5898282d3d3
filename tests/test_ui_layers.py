"""workbook/ui talks to services, never to SQL, and stays in small files."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parent.parent / "workbook" / "ui"
MAX_LINES = 400


def ui_files() -> list[Path]:
    files = sorted(UI.rglob("*.py"))
    assert files
    return files


def imported_modules(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against workbook.ui
                package = ["workbook", "ui"][: 3 - node.level]
                base = ".".join(package + ([base] if base else []))
            names.append(base)
    return names


def test_ui_never_runs_sql():
    for path in ui_files():
        assert ".execute(" not in path.read_text(encoding="utf-8"), path.name


def test_ui_imports_no_database_modules_and_only_storage_errors():
    for path in ui_files():
        for name in imported_modules(path):
            assert name.split(".")[0] not in {"sqlite3", "sqlcipher3"}, (path.name, name)
            if name.startswith("workbook.storage"):
                assert name == "workbook.storage.errors", (path.name, name)


def test_ui_files_stay_small():
    for path in ui_files():
        assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES, path.name
