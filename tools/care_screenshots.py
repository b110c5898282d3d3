"""Screenshots of the care layer, light and dark: a chapter's content note, the Support and
safety page (and the same page before unlocking), and the side-by-side consent step.

    python tools/care_screenshots.py docs/screenshots

Run it under a real display or Xvfb. The throw-away workbook's partners are the fictional
"Alex" and "Sam"."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication
from screenshots import DEMO, _save, _settle

from workbook.accounts import NewPartner, WorkbookService
from workbook.paths import AppPaths
from workbook.ui.app import create_main_window
from workbook.ui.common.prompts import ScriptedPrompts
from workbook.ui.common.theme import THEME_ENV, apply_theme

NOTE_CHAPTER, TOGETHER_CHAPTER = "hurt-and-self-compassion", "intimacy-beyond-sex"


def _shots(window, app, folder: Path, suffix: str) -> None:
    window.show_reading("support")
    _save(window, app, folder, f"support-before-unlock{suffix}.png")
    window.reading_page.back.emit()
    window.unlock_page.field.setText(DEMO[0][1])
    window.unlock_page.submit()
    window.shell.home.join.field.setText(DEMO[1][1])
    window.shell.home.join.submit()
    shell = window.shell
    shell.show_section("chapters")
    shell.chapters.open_chapter(NOTE_CHAPTER)
    _save(window, app, folder, f"content-note{suffix}.png")
    shell.chapters.reader.note.support_button.click()
    _save(window, app, folder, f"support{suffix}.png")
    shell.continue_chapter(TOGETHER_CHAPTER)
    reader = shell.chapters.reader
    reader.side_button.click()
    next(iter(reader.consent.boxes.values())).setChecked(True)  # Alex has agreed, Sam not yet
    _settle(app)
    _save(window, app, folder, f"consent{suffix}.png")


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else "docs/screenshots").resolve()
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication(argv)
    with tempfile.TemporaryDirectory() as tmp:
        paths = AppPaths.under(Path(tmp))
        WorkbookService(paths.data_dir).create([NewPartner(*DEMO[0]), NewPartner(*DEMO[1])])
        for dark in (False, True):
            os.environ[THEME_ENV] = "dark" if dark else "light"
            theme = apply_theme(app)
            service = WorkbookService(paths.data_dir)
            window = create_main_window(service, paths, ScriptedPrompts())
            window.resize(1000, 680)
            window.show()
            _shots(window, app, folder, "-dark" if dark else "")
            window.close()
            theme.deleteLater()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
