"""Regenerate the screenshots in docs/screenshots from a throw-away demo workbook:

    COUPLES_WORKBOOK_THEME=light python tools/screenshots.py docs/screenshots

Run it under a real display (or Xvfb) for faithful fonts. The demo vault lives in a temporary
folder and is deleted afterwards; the names are the fictional "Alex" and "Sam".
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QScrollArea

from workbook.accounts import WorkbookService
from workbook.answers import AnswerKey, AnswerService
from workbook.field_kinds import ChecklistValue
from workbook.paths import AppPaths
from workbook.ui.app import create_main_window
from workbook.ui.common.prompts import ScriptedPrompts
from workbook.ui.common.theme import THEME_ENV, apply_theme

DEMO = (("Alex", "river stone lantern 1"), ("Sam", "maple cloud harbour 2"))
MAX_BYTES = 120_000
CHAPTER, SHEET = "intimacy-beyond-sex", "ways-to-connect"
FELT_CLOSEST = ("Last Sunday, when we cooked together and you put on that old playlist. We "
                "weren't trying to fix anything; we were just laughing.")


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _save(window, app: QApplication, folder: Path, name: str) -> None:
    _settle(app)
    path = folder / name
    image = window.grab().toImage()
    image.save(str(path), "PNG", 9)
    if path.stat().st_size > MAX_BYTES:  # long text pages: 256 colours keep the docs light
        _indexed(image).save(str(path), "PNG", 9)  # type: ignore[call-overload]  # the stubs want bytes; PySide6 takes str


def _indexed(image: QImage) -> QImage:
    """256 colours: the page's own most frequent ones (Qt's fixed palette turns cream yellow)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = memoryview(image.constBits()).cast("I")
    table = [color | 0xFF000000 for color, _ in Counter(pixels).most_common(256)]
    flat = Qt.ImageConversionFlag.AvoidDither | Qt.ImageConversionFlag.ThresholdDither
    return image.convertToFormat(QImage.Format.Format_Indexed8, table, flat)


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
        _side_by_side(window, app, folder)
        return
    _save(window, app, folder, "home.png")
    _chapters(window, app, folder)
    window.shell.show_section("settings")
    window.resize(1000, 1000)  # tall enough for "About & privacy"
    _save(window, app, folder, "settings.png")


def _scroll_to(reader, widget, app: QApplication) -> None:
    _settle(app)
    reader.findChild(QScrollArea).ensureWidgetVisible(widget, 0, 0)
    bar = reader.findChild(QScrollArea).verticalScrollBar()
    bar.setValue(widget.mapTo(reader.findChild(QScrollArea).widget(), widget.rect().topLeft()).y()
                 - 16)


def _chapters(window, app, folder: Path) -> None:
    shell = window.shell
    shell.show_section("chapters")
    _save(window, app, folder, "chapters.png")
    shell.chapters.open_chapter(CHAPTER)
    _save(window, app, folder, "chapter-reading.png")
    reader = shell.chapters.reader
    reader.card(SHEET, "felt-closest").editor.edit.setPlainText(FELT_CLOSEST)
    ideas = reader.card(SHEET, "ideas").editor
    for box in ideas.boxes[:3:2]:
        box.setChecked(True)
    _scroll_to(reader, reader.card(SHEET, "felt-closest"), app)
    _save(window, app, folder, "worksheet.png")
    shell.chapters.show_list()


def _side_by_side(window, app, folder: Path) -> None:
    """Both partners are here; give Sam some answers of their own, then compare."""
    answers = AnswerService(window.service)
    chapter = window.shell.chapters.content.chapter(CHAPTER)
    ideas = chapter.worksheet(SHEET).field("ideas")
    sam = window.service.present_partners()[1].id
    answers.save_value(sam, AnswerKey(CHAPTER, SHEET, "ideas"), ideas,
                       ChecklistValue(ideas.options[:2], "Reading aloud to each other"))
    answers.save(sam, AnswerKey(CHAPTER, SHEET, "felt-closest"),
                 "The walk by the river. You held my hand first.")
    window.shell.continue_chapter(CHAPTER)
    reader = window.shell.chapters.reader
    reader.side_button.click()  # each partner agrees to show their private answers this time
    for box in reader.consent.boxes.values():
        box.setChecked(True)
    reader.consent.show_button.click()
    _scroll_to(reader, reader.side_by_side, app)
    _save(window, app, folder, "side-by-side-dark.png")


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
