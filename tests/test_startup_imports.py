"""Starting the app as the desktop does (no arguments) paints the unlock window before the
storage code, SQLCipher, reportlab or the D-Bus watcher are loaded: they come right after the
first paint. benchmarks/README.md has the figures this protects."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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


def test_the_unlock_window_loads_only_what_it_draws(tmp_path, vault_one):
    home = tmp_path / "desktop-home"
    default_vault = home / "data" / APP_ID / "vault"
    default_vault.parent.mkdir(parents=True)
    default_vault.symlink_to(vault_one.folder, target_is_directory=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_STATE_HOME=str(home / "state"))
    result = subprocess.run([sys.executable, "-c", LOADED_AT_FIRST_PAINT], env=env,
                            capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parents[1])
    assert result.returncode == 0, result.stderr[-2000:]
    early = set(json.loads(result.stdout.strip().splitlines()[-1])["early"])
    assert "workbook.ui.access.unlock" in early  # the probe saw the real unlock window
    assert early.isdisjoint(NOT_BEFORE_FIRST_PAINT), early & set(NOT_BEFORE_FIRST_PAINT)
