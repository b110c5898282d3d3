"""Regenerate the screenshots in docs/screenshots from a throw-away demo workbook:

    COUPLES_WORKBOOK_THEME=light python -m workbook.ui.screenshots docs/screenshots

Run it under a real display (or Xvfb) for faithful fonts. The demo vault lives in a temporary
folder and is deleted afterwards; the names are the fictional "Alex" and "Sam".
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ..accounts import WorkbookService
from ..paths import AppPaths
from .app import create_main_window
from .prompts import ScriptedPrompts
from .theme import THEME_ENV, apply_theme

DEMO = (("Alex", "river stone lantern 1"), ("Sam", "maple cloud harbour 2"))


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _save(window, app: QApplication, folder: Path, name: str) -> None:
    _settle(app)
    window.grab().save(str(folder / name), "PNG", 9)


def _type_create_form(window) -> None:
    page = window.create_page
    page.first.name.setText(DEMO[0][0])
    page.first.passphrase.first.setText(DEMO[0][1])
    page.first.passphrase.again.setText(DEMO[0][1])


def _before_unlock(window, app, folder: Path) -> None:
    _save(window, app, folder, "welcome.png")
    window.welcome.create_button.click()
    _type_create_form(window)
    _save(window, app, folder, "create.png")
    window.create_page.submit()
    _save(window, app, folder, "recovery-code.png")
    window.codes_page.written.setChecked(True)
    window.codes_page.continue_button.click()
    invite = window.shell.home.invite
    invite.open_form()
    invite.name.setText(DEMO[1][0])
    for field in (invite.passphrase.first, invite.passphrase.again):
        field.setText(DEMO[1][1])
    invite.submit()
    window.codes_page.written.setChecked(True)
    window.codes_page.continue_button.click()
    window.lock()
    window.unlock_page.field.setText("a passphrase")
    _save(window, app, folder, "unlock.png")


def _unlocked(window, app, folder: Path, dark: bool) -> None:
    window.unlock_page.field.setText(DEMO[0][1])
    window.unlock_page.submit()
    window.shell.show_section("home")
    if dark:  # the second partner joins: "sitting together"
        window.shell.home.join.open_form()
        window.shell.home.join.field.setText(DEMO[1][1])
        window.shell.home.join.submit()
        _save(window, app, folder, "home-dark.png")
        return
    _save(window, app, folder, "home.png")
    window.shell.show_section("chapters")
    _save(window, app, folder, "chapters.png")
    window.shell.show_section("settings")
    window.resize(1000, 1000)  # tall enough for "About & privacy"
    _save(window, app, folder, "settings.png")


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else "docs/screenshots").resolve()
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication(argv)
    with tempfile.TemporaryDirectory() as tmp:
        paths = AppPaths.under(Path(tmp))
        for dark in (False, True):
            os.environ[THEME_ENV] = "dark" if dark else "light"
            theme = apply_theme(app)
            window = create_main_window(WorkbookService(paths.data_dir), paths, ScriptedPrompts())
            window.resize(1000, 680)
            window.show()
            if not dark:
                _before_unlock(window, app, folder)
            _unlocked(window, app, folder, dark)
            window.close()
            theme.deleteLater()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
