"""Tests share helpers only through tests/support/ (fixtures come from conftest.py, which pytest
hands out by name). A test module that imports another test module ties the two together: moving
or renaming a test breaks an unrelated file, and a helper's home is hard to find."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).parent
SUPPORT = "support"


def non_support_modules(root: Path) -> set[str]:
    """Every module name under `root` that is not shared support: test modules, conftest.py and
    the scripts the tests run as child processes."""
    return {p.stem for p in root.rglob("*.py") if p.relative_to(root).parts[0] != SUPPORT}


def cross_imports(root: Path) -> list[str]:
    """`file:line module` for every import, at any depth, of another test module: by its own
    name (pytest puts test folders on sys.path), as `tests.…` outside tests.support, or relative."""
    forbidden = non_support_modules(root)
    found = []
    for path in sorted(root.rglob("*.py")):
        nodes = ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        for node in sorted(nodes, key=lambda n: getattr(n, "lineno", 0)):
            for name in _imported(node):
                parts = name.split(".")
                if (parts[0] in forbidden or name.startswith(".") or _test_module_name(parts[0])
                        or (parts[0] == "tests" and parts[1:2] != [SUPPORT])):
                    found.append(f"{path.relative_to(root)}:{node.lineno} {name}")
    return found


def _test_module_name(name: str) -> bool:
    """A test module's name even when no such file exists (any more): an import left behind
    after a helper moved fails only when its test runs, which may be late in a long suite."""
    return name == "conftest" or name.startswith("test_")


def _imported(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        return ["." * node.level + (node.module or "")]
    return []


def test_no_test_module_imports_another():
    assert cross_imports(TESTS) == []


def test_the_check_finds_each_way_of_importing_a_test_module(tmp_path):
    (tmp_path / SUPPORT).mkdir()
    (tmp_path / SUPPORT / "window.py").write_text("from support.vaults import PASSPHRASE_ONE\n")
    (tmp_path / "conftest.py").write_text("from support.vaults import PASSPHRASE_ONE\n")
    (tmp_path / "test_b.py").write_text("def helper(): pass\n")
    (tmp_path / "deeper").mkdir()
    (tmp_path / "deeper" / "seed.py").write_text("import os\n")
    (tmp_path / "test_a.py").write_text(
        "import os\n"
        "from support.window import click\n"
        "from test_b import helper\n"
        "def test_x():\n"
        "    from conftest import PASSPHRASE_ONE\n"
        "import tests.test_b\n"
        "from tests.support.window import click\n"
        "from . import test_b\n"
        "from seed import thing\n"
        "def test_y():\n"
        "    from test_gone import helper\n")
    assert cross_imports(tmp_path) == ["test_a.py:3 test_b", "test_a.py:5 conftest",
                                       "test_a.py:6 tests.test_b", "test_a.py:8 .",
                                       "test_a.py:9 seed", "test_a.py:11 test_gone"]
