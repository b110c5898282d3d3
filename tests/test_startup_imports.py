"""Starting the app as the desktop does (no arguments) paints the unlock window before the
storage code, SQLCipher, reportlab or the D-Bus watcher are loaded: they come right after the
first paint. benchmarks/README.md has the figures this protects."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from support.vaults import PASSPHRASE_ONE

from workbook import APP_ID

LOADED_AT_FIRST_PAINT = """
import json, sys
from PySide6.QtWidgets import QApplication

def measured_exec(*_args):
    app = QApplication.instance()
    window = next(w for w in app.topLevelWidgets() if hasattr(w, "unlock_page"))
    while not window.unlock_page.isVisible() or window.current_page is not window.unlock_page:
        app.processEvents()
    early = sorted(sys.modules)
    window.close()
    print(json.dumps({"early": early}))
    return 0

QApplication.exec = measured_exec
from workbook.cli.commands import main
sys.exit(main([]))
"""

NOT_BEFORE_FIRST_PAINT = ("sqlcipher3", "reportlab", "workbook.session", "workbook.storage.vault",
                          "workbook.backups", "workbook.ui.shell", "workbook.ui.common.calm_style",
                          "workbook.ui.common.clipboard_guard", "PySide6.QtDBus",
                          "logging.handlers", "dataclasses", "secrets", "zxcvbn")


def run_as_the_desktop_does(tmp_path, vault_one, script: str, *args: str) -> dict:
    """Run `script` (which replaces the event loop) in a fresh app started with no arguments,
    its default workbook being `vault_one`; returns the JSON it printed last."""
    home = tmp_path / "desktop-home"
    default_vault = home / "data" / APP_ID / "vault"
    default_vault.parent.mkdir(parents=True)
    default_vault.symlink_to(vault_one.folder, target_is_directory=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_STATE_HOME=str(home / "state"))
    result = subprocess.run([sys.executable, "-c", script, *args], env=env,
                            capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parents[1])
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_unlock_window_loads_only_what_it_draws(tmp_path, vault_one):
    early = set(run_as_the_desktop_does(tmp_path, vault_one, LOADED_AT_FIRST_PAINT)["early"])
    assert "workbook.ui.access.unlock" in early  # the probe saw the real unlock window
    assert early.isdisjoint(NOT_BEFORE_FIRST_PAINT), early & set(NOT_BEFORE_FIRST_PAINT)


UNLOCKED_TO_HOME = """
import json, linecache, sys, time
from PySide6.QtWidgets import QApplication

def measured_exec(*_args):
    from workbook.ui.settings.settings_page import SettingsPage
    from workbook.ui.shell import ShellPage
    from workbook.ui.support.reading_page import ReadingPage
    app = QApplication.instance()
    window = next(w for w in app.topLevelWidgets() if hasattr(w, "unlock_page"))
    deadline = time.monotonic() + 60  # the open workbook's pages are built after the first paint
    while not window.findChildren(ShellPage) and time.monotonic() < deadline:
        app.processEvents()
    for _ in range(50):
        app.processEvents()
    sources = [name for name in linecache.cache if "workbook" in name]
    before = set(sys.modules)
    window.unlock_page.field.edit.setText(sys.argv[1])
    window.unlock_page.submit()
    shell = window.shell
    report = {"sources": sources, "home": shell.pages.currentWidget() is shell.home,
              "unlock_imported": sorted(set(sys.modules) - before),
              "reading_pages": len(shell.findChildren(ReadingPage)),
              "settings_pages": len(shell.findChildren(SettingsPage))}
    for key, page in (("support", ReadingPage), ("settings", SettingsPage)):
        shell.show_section(key)
        shown = [p for p in shell.findChildren(page) if p.isVisibleTo(window)]
        report[key + "_shown"] = len(shown) == 1 and shell.pages.currentWidget() is shown[0]
    window.close()
    print(json.dumps(report))
    return 0

QApplication.exec = measured_exec
from workbook.cli.commands import main
sys.exit(main([]))
"""


def test_unlocking_builds_only_what_home_needs(tmp_path, vault_one):
    """benchmarks/README.md: Support and Settings, built at unlock, cost every unlock a slower
    first layout and 4 MiB; the module sources PySide reads (kept by linecache) cost 5 MiB; the
    code unlocking runs is loaded while the passphrase is typed (strptime not at all)."""
    report = run_as_the_desktop_does(tmp_path, vault_one, UNLOCKED_TO_HOME, PASSPHRASE_ONE)
    assert report["home"]
    assert report["sources"] == []
    assert report["unlock_imported"] == []
    assert report["reading_pages"] == 0  # both are built on their first visit
    assert report["settings_pages"] == 0
    assert report["support_shown"]
    assert report["settings_shown"]
