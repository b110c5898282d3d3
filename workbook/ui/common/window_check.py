"""A check that the real window opens and unlocks, for `couples-workbook self-test`: it proves
the Qt libraries, platform plugin and fonts of this installation work, not just the storage."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from workbook.accounts import WorkbookService
from workbook.paths import AppPaths


class WindowCheckFailed(Exception):
    pass


def check_window_unlocks(data_dir: Path, passphrase: str) -> None:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a headless machine or CI
    from PySide6.QtWidgets import QApplication

    from workbook.ui.app import create_main_window
    from workbook.ui.common.prompts import ScriptedPrompts

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="cw-selftest-ui-") as home:
        paths = AppPaths(Path(data_dir), Path(home) / "config", Path(home) / "logs")
        window = create_main_window(WorkbookService(data_dir), paths, ScriptedPrompts())
        try:
            window.show()
            app.processEvents()
            if window.current_page is not window.unlock_page:
                raise WindowCheckFailed("the unlock screen was not shown first")
            window.unlock_page.field.edit.setText(passphrase)
            window.unlock_page.submit()
            app.processEvents()
            if window.current_page is not window.shell:
                raise WindowCheckFailed("the passphrase did not unlock the window")
        finally:
            window.lock()
            window.close()
            window.deleteLater()
            app.processEvents()
