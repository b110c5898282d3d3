"""What the layer contracts (tests/test_layer_contracts.py) do not cover: the command line loads
the windows only inside functions, so `--version`, `self-test` and `demo` never pay for Qt
widgets; and the windows stay in files a person can read in one sitting."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "workbook"
MAX_UI_LINES = 400


def top_level_imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module or "")
    return names


def test_the_command_line_loads_windows_only_inside_functions():
    cli_files = sorted((PACKAGE / "cli").glob("*.py"))
    assert cli_files
    for path in cli_files:
        eager = {m for m in top_level_imports(path)
                 if m.startswith(("PySide6", "workbook.ui"))}
        assert eager == set(), path.name


def test_ui_files_stay_small():
    files = sorted((PACKAGE / "ui").rglob("*.py"))
    assert len(files) > 40
    for path in files:
        assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_UI_LINES, path.name


def test_only_the_composition_modules_sit_outside_ui_feature_folders():
    loose = {p.name for p in (PACKAGE / "ui").glob("*.py")} - {"__init__.py"}
    assert loose == {"app.py", "main_window.py", "shell.py", "home.py"}


def test_developer_tools_are_neither_in_the_package_nor_frozen_into_the_installer():
    import pkgutil

    import workbook

    root = PACKAGE.parent
    tools = {p.stem for p in (root / "tools").glob("*.py")}
    assert {"screenshots", "tracker_screenshots", "export_screenshot"} <= tools
    shipped = {m.name.rsplit(".", 1)[-1]
               for m in pkgutil.walk_packages(workbook.__path__, "workbook.")}
    assert shipped and shipped.isdisjoint(tools)
    spec = (root / "packaging" / "couples-workbook.spec").read_text("utf-8")
    assert not re.search(r"""["'/]tools[/"'.]""", spec)  # nothing collects the tools folder
    # After `make package` (CI builds it first), the frozen module list itself is checked.
    for toc in root.glob("build/**/PYZ-00.toc"):
        frozen = toc.read_text("utf-8", errors="replace")
        assert "workbook.ui.app" in frozen
        assert not any(f"'{name}'" in frozen or f".{name}'" in frozen for name in tools), toc
