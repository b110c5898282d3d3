"""The layer contracts (import-linter in pyproject.toml, plus tools/check_layers.py for what
imports cannot show) hold on the real package, and fail on each way round them we know of:
each violation is planted in a temporary copy of the package and must be caught."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

PLANTED = {
    "executemany in a window": ("ui/home.py",
        "\ndef planted(service):\n    service.db.executemany('INSERT INTO t VALUES (?)', [])\n"),
    "lower-case SQL over lines": ("ui/home.py",
        "\nQUERY = ('select value\\n'\n         'from answers where partner = ?')\n"),
    "SQL glued with +": ("ui/home.py", "\nQUERY = 'SEL' + 'ECT value FROM answers'\n"),
    "execute reached by a computed name": ("ui/home.py",
        "\ndef planted(conn):\n    return getattr(conn, 'exec' + 'ute')('SELECT 1')\n"),
    "a connection reached through the service": ("ui/home.py",
        "\ndef planted(service):\n    return service.current_session().shared_conn\n"),
    "sqlcipher3 imported by name": ("ui/home.py",
        "\nimport importlib\nDB = importlib.import_module('sqlcipher3')\n"),
    "sqlcipher3 imported in a window": ("ui/home.py", "\nimport sqlcipher3\n"),
    "a storage module in a window": ("ui/home.py",
        "\nfrom workbook.storage.vault import VaultFolder\n"),
    "the session, with its open connections, in a window": ("ui/home.py",
        "\nfrom workbook.session import Session\n"),
    "Qt in storage": ("storage/layout.py", "\nfrom PySide6.QtCore import QObject\n"),
    "a window imported by the domain": ("answers.py",
        "\ndef planted():\n    return __import__('workbook.ui.home')\n"),
    "a window imported by storage": ("storage/layout.py",
        "\ndef planted():\n    from workbook.ui import home\n"),
    "services imported by storage": ("storage/layout.py",
        "\ndef planted():\n    from workbook import accounts\n"),
    "widgets in the PDF code": ("export/fonts.py",
        "\ndef planted():\n    from PySide6.QtWidgets import QLabel\n"),
}


def run_checks(root: Path) -> tuple[int, str]:
    """Both gates, as `make lint` runs them, on the package under root."""
    env = {"PYTHONPATH": str(root), "PATH": str(BIN), "HOME": str(root)}
    linter = subprocess.run([str(BIN / "lint-imports"), "--no-cache"], cwd=root, env=env,
                            capture_output=True, text=True, timeout=120)
    tree = subprocess.run([sys.executable, str(ROOT / "tools" / "check_layers.py"),
                           str(root / "workbook")], capture_output=True, text=True, timeout=60)
    return linter.returncode or tree.returncode, linter.stdout + tree.stdout


def copy_package(target: Path) -> Path:
    shutil.copytree(ROOT / "workbook", target / "workbook",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")
    return target


def test_the_real_package_keeps_every_contract(tmp_path):
    code, output = run_checks(copy_package(tmp_path))
    assert code == 0, output


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_a_planted_violation_is_caught(tmp_path, name):
    root = copy_package(tmp_path)
    relative, code_text = PLANTED[name]
    with (root / "workbook" / relative).open("a", encoding="utf-8") as module:
        module.write(code_text)
    code, output = run_checks(root)
    assert code != 0, f"{name} went unnoticed:\n{output}"


def test_every_module_of_the_package_has_a_layer():
    """A new top-level module outside every layer would escape the layers contract."""
    import pkgutil
    import tomllib

    import workbook

    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]
    layers = next(c for c in config["contracts"] if c["type"] == "layers")["layers"]
    placed = {name.strip() for layer in layers for name in layer.replace("|", ":").split(":")}
    modules = {m.name for m in pkgutil.iter_modules(workbook.__path__)} - {"__main__"}
    assert modules - placed == set()
    qt_free = next(c for c in config["contracts"] if "PySide6" in c.get("forbidden_modules", []))
    below_windows = {f"workbook.{m}" for m in modules - {"ui", "cli"}}
    assert below_windows - set(qt_free["source_modules"]) == set()
