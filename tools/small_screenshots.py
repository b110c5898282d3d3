"""Screenshots of every section at the screen's own size, light or dark, driven from the keyboard
(issue 17): a copy of a demo workbook is unlocked by typing, sections are chosen with the arrow
keys in the navigation, and each page is shot at the top and scrolled down with Page Down.
Dialogs and the date field's calendar are shot from the whole screen, so their size against the
screen shows.

    couples-workbook demo --data-dir /tmp/demo
    Xvfb :9 -screen 0 800x600x24 & DISPLAY=:9 openbox &
    DISPLAY=:9 COUPLES_WORKBOOK_THEME=dark python tools/small_screenshots.py /tmp/demo OUT_DIR
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea

from workbook.accounts import WorkbookService
from workbook.paths import AppPaths
from workbook.ui.app import create_main_window
from workbook.ui.common.prompts import Prompts
from workbook.ui.common.theme import THEME_ENV, apply_theme
from workbook.ui.settings.vault_cards import DELETE_TEXT, RESTORE_WARNING

PASSPHRASE = "demo-partner-one"


def settle(app: QApplication, rounds: int = 8) -> None:
    for _ in range(rounds):
        app.processEvents()
        QTest.qWait(30)


def shoot_screen(app: QApplication, path: Path) -> None:
    settle(app)
    app.primaryScreen().grabWindow(0).save(str(path), "PNG")


def key(app, widget, k, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        QTest.keyClick(widget or app.focusWidget(), k, modifier)
        settle(app, 2)


def scroll_shots(app, window, page, name: str, out: Path) -> None:
    """The page at the top, then one screen further down at a time (at most four)."""
    scroll = page.findChild(QScrollArea)
    shoot_screen(app, out / f"{name}.png")
    if scroll is None:
        return
    bar = scroll.verticalScrollBar()
    for number in range(2, 5):
        if bar.value() >= bar.maximum():
            return
        bar.setValue(bar.value() + scroll.viewport().height() - 40)
        shoot_screen(app, out / f"{name}-{number}.png")


def pdf_preview_ready(app, page, seconds: int = 60) -> None:
    """The export page lays its PDF out off the window's thread: shoot once it is shown."""
    for _ in range(seconds * 10):
        if "including the cover" in page.page_count.text() and page.pages.count():
            return
        settle(app, 1)
        QTest.qWait(70)


def dialog_shot(app, out: Path, name: str, opener) -> None:
    """Open a dialog, shoot the screen while it shows, then press Escape."""
    def look():
        dialog = app.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, look)
            return
        shoot_screen(app, out / f"{name}.png")
        geometry = dialog.frameGeometry()
        print(f"{name}: {geometry.width()}x{geometry.height()} on "
              f"{app.primaryScreen().availableGeometry().width()} px")
        QTest.keyClick(app.focusWidget() or dialog, Qt.Key.Key_Escape)
    QTimer.singleShot(100, look)
    opener()


def main(argv: list[str]) -> int:
    source, out = Path(argv[1]), Path(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(argv)
    apply_theme(app)
    suffix = "-dark" if os.environ.get(THEME_ENV) == "dark" else ""
    with tempfile.TemporaryDirectory() as tmp:
        paths = AppPaths.under(Path(tmp))
        shutil.copytree(source, paths.data_dir)
        window = create_main_window(WorkbookService(paths.data_dir), paths, Prompts())
        window.showMaximized()
        settle(app)
        focused = app.focusWidget()
        assert focused is not None  # the passphrase field, once the window shows
        QTest.keyClicks(focused, PASSPHRASE)
        key(app, None, Qt.Key.Key_Return)
        settle(app, 30)
        shell = window.shell
        shell.nav.setFocus()
        for row, section in enumerate(shell.keys):
            shell.nav.setFocus()
            key(app, shell.nav, Qt.Key.Key_Home)
            key(app, shell.nav, Qt.Key.Key_Down, times=row)
            settle(app, 20)
            page = shell.pages.currentWidget()
            if section == "export":
                pdf_preview_ready(app, page)
            scroll_shots(app, window, page, f"{section}{suffix}", out)
        extras(app, window, out, suffix)
        window.close()
    return 0


def extras(app, window, out: Path, suffix: str) -> None:
    shell = window.shell
    shell.show_section("settings")
    settings = shell.settings
    dialog_shot(app, out, f"dialog-leave{suffix}", settings.delete.leave_button.click)
    text = f"{DELETE_TEXT} Backup files you saved elsewhere still hold it. Type DELETE to confirm."
    dialog_shot(app, out, f"dialog-delete{suffix}", lambda: Prompts().ask_text(
        settings, "Delete your private space", text, yes="Delete", expected="DELETE"))
    dialog_shot(app, out, f"dialog-replace{suffix}", lambda: Prompts().ask_text(
        settings, "Replace this workbook?", RESTORE_WARNING, yes="Replace", expected="REPLACE"))
    shell.show_section("checkins")
    day = shell.trackers["checkins"].day
    day.edit.setFocus()
    settle(app)
    key(app, day.edit, Qt.Key.Key_F4)
    shoot_screen(app, out / f"calendar{suffix}.png")
    key(app, None, Qt.Key.Key_Escape)
    worksheet_date(app, shell, out, suffix)
    search_results(app, shell, out, suffix)
    export_dates(app, shell, out, suffix)


def search_results(app, shell, out: Path, suffix: str) -> None:
    """Ctrl+F, a word, Enter, then Tab into the results: the first one shows as chosen."""
    shell.nav.setFocus()
    key(app, None, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(app.focusWidget(), "walk")
    key(app, None, Qt.Key.Key_Return)
    results = shell.search_page.list
    for _ in range(6):
        if app.focusWidget() is results:
            break
        key(app, None, Qt.Key.Key_Tab)
    shoot_screen(app, out / f"search{suffix}.png")


def export_dates(app, shell, out: Path, suffix: str) -> None:
    """Print & export with a start date typed into the date field, then Tab."""
    shell.show_section("export")
    page = shell.pages.currentWidget()
    settle(app, 20)
    field = page.date_from.edit
    page.findChild(QScrollArea).ensureWidgetVisible(field, 0, 200)
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, "01092026")
    key(app, field, Qt.Key.Key_Tab)
    settle(app, 20)
    pdf_preview_ready(app, page)
    shoot_screen(app, out / f"export-dates{suffix}.png")


def worksheet_date(app, shell, out: Path, suffix: str) -> None:
    """A worksheet's date typed from the keyboard, then one that cannot be read."""
    shell.continue_chapter("intimacy-beyond-sex")
    settle(app, 20)
    reader = shell.chapters.reader
    field = next(c for c in reader.cards if c.field.kind.value == "date").editor.edit
    reader.findChild(QScrollArea).ensureWidgetVisible(field, 0, 160)
    field.edit.setFocus()
    field.edit.selectAll()
    QTest.keyClicks(field.edit, "14022027")
    key(app, field.edit, Qt.Key.Key_Tab)
    shoot_screen(app, out / f"date-typed{suffix}.png")
    key(app, None, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    field.edit.selectAll()
    QTest.keyClicks(field.edit, "next spring")
    key(app, field.edit, Qt.Key.Key_Tab)
    shoot_screen(app, out / f"date-unreadable{suffix}.png")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
