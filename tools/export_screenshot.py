"""Screenshot of the Print & export screen (light), from a throw-away demo workbook:

    python tools/export_screenshot.py docs/screenshots/print-export.png

Run under a real display or Xvfb for faithful fonts.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QScrollArea

from workbook.accounts import WorkbookService
from workbook.demo.workbook import create_demo
from workbook.paths import AppPaths
from workbook.ui.app import create_main_window
from workbook.ui.common.prompts import ScriptedPrompts
from workbook.ui.common.theme import THEME_ENV, apply_theme


def _wait(app: QApplication, done, seconds: float = 20) -> None:
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main(argv: list[str]) -> int:
    target = Path(argv[1] if len(argv) > 1 else "docs/screenshots/print-export.png").resolve()
    os.environ[THEME_ENV] = "light"
    app = QApplication(argv)
    apply_theme(app)
    with tempfile.TemporaryDirectory() as tmp:
        paths = AppPaths.under(Path(tmp))
        create_demo(paths.data_dir, years=1, say=lambda *_: None)
        window = create_main_window(WorkbookService(paths.data_dir), paths, ScriptedPrompts())
        window.resize(1280, 800)
        window.show()
        window.unlock_page.field.setText("demo-partner-one")
        window.unlock_page.submit()
        window.shell.show_section("export")
        page = window.shell.trackers["export"]
        page.questions.setPlainText("How do we restart after a hard week?")
        if page.private.count():
            page.private.item(0).setCheckState(page.private.item(0).checkState().Checked)
        _wait(app, lambda: "pages," in page.page_count.text() and page.pages.count())
        page.findChild(QScrollArea).verticalScrollBar().setValue(10_000)
        _wait(app, lambda: False, 0.5)
        window.grab().save(str(target), "PNG", 9)
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
