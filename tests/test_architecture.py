"""Layering: storage and domain import no widgets; the UI runs no SQL."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "workbook"
WIDGET_MODULES = ("PySide6.QtWidgets", "PySide6.QtGui", "PySide6.QtPrintSupport", "workbook.ui")
# SQL as it is written in this codebase: upper-case keywords in a recognisable order.
SQL_TEXT = re.compile(r"\bSELECT\b.+\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|"
                      r"\bDELETE\s+FROM\b|\bCREATE\s+(TABLE|INDEX|VIRTUAL)\b|\bPRAGMA\s+\w+")


# The composition roots may open the window, but only lazily (inside a function), so that
# `--version`, `self-test` and `demo` never load Qt widgets.
ENTRY_POINTS = {"commands.py", "selftest.py"}


def imported_modules(path: Path, top_level_only: bool = False) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in (tree.body if top_level_only else ast.walk(tree)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # resolve relative imports against the file's package
                parts = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-node.level]
                base = ".".join([*parts, base]) if base else ".".join(parts)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def python_files(folder: Path):
    return sorted(folder.rglob("*.py"))


def non_ui_files():
    return [p for p in python_files(PACKAGE) if "ui" not in p.relative_to(PACKAGE).parts]


def test_the_scan_finds_the_layers():
    assert any(p.parent.name == "storage" for p in non_ui_files())
    assert (PACKAGE / "ui").is_dir() and python_files(PACKAGE / "ui")


def test_storage_and_domain_import_no_widgets():
    offenders = [f"{p.name}: {m}" for p in non_ui_files()
                 for m in imported_modules(p, top_level_only=p.name in ENTRY_POINTS)
                 if m.startswith(WIDGET_MODULES)]
    assert offenders == []


def test_storage_imports_nothing_above_it():
    for path in python_files(PACKAGE / "storage"):
        bad = [m for m in imported_modules(path)
               if m.startswith("workbook.") and not m.startswith("workbook.storage")]
        assert bad == [], path.name


def test_ui_runs_no_sql():
    for path in python_files(PACKAGE / "ui"):
        text = path.read_text("utf-8")
        modules = imported_modules(path)
        assert not any(m.split(".")[0] in {"sqlite3", "sqlcipher3"} for m in modules), path.name
        storage = {m for m in modules if m.startswith("workbook.storage")}
        assert storage <= {"workbook.storage.errors"} | {
            m for m in storage if m.startswith("workbook.storage.errors.")}, path.name
        assert ".execute(" not in text and ".executescript(" not in text, path.name
        assert not SQL_TEXT.search(text), path.name


def test_the_checks_catch_offenders(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QLabel\nimport sqlcipher3\n")
    assert "PySide6.QtWidgets.QLabel" in imported_modules(bad)
    assert SQL_TEXT.search('q = "SELECT value FROM answers"')
    assert SQL_TEXT.search('"UPDATE partners SET display_name = ?"')
    assert not SQL_TEXT.search('plain_label("Create your workbook", role="heading")')
    assert not SQL_TEXT.search('self.select("settings")')
