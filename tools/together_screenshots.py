"""Screenshots of the Together section (the menu and each conversation's main screen) in light
and dark, from a throw-away workbook with a year of fictional tracker entries:

    python tools/together_screenshots.py docs/screenshots [WIDTHxHEIGHT]

Run under a real display or Xvfb for faithful fonts.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from workbook.accounts import NewPartner, WorkbookService
from workbook.demo.trackers import fill_trackers
from workbook.paths import AppPaths
from workbook.ui.app import create_main_window
from workbook.ui.common.prompts import ScriptedPrompts
from workbook.ui.common.theme import THEME_ENV, apply_theme

DEMO = (("Alex", "river stone lantern 1"), ("Sam", "maple cloud harbour 2"))


class Clock:
    now = 100.0

    def __call__(self) -> float:
        return self.now


def _settle(app: QApplication) -> None:
    for _ in range(6):
        app.processEvents()


def _save(window, app, path: Path) -> None:
    _settle(app)
    window.grab().save(str(path), "PNG", 9)
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=96, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def _a_kept_conversation(together, partners) -> None:
    alex, sam = (p.id for p in partners)
    talk = together.start("turns", "Small ways of being close that we both enjoy")
    together.write(talk.id, alex, "line", "Sam feels closest when we cook slowly together.",
                   share=True)
    together.write(talk.id, sam, "line", "I appreciated that Alex did not rush me.", share=True)
    together.finish(talk.id, [alex, sam])


def _shoot(window, app, folder: Path, suffix: str) -> None:
    shell = window.shell
    shell.show_section("together")
    page = shell.trackers["together"]
    clock = page.clock = Clock()
    if not page.together.records():
        _a_kept_conversation(page.together, window.service.present_partners())
    page.refresh()
    _save(window, app, folder / f"together{suffix}.png")
    turns = page.start("turns")
    choose = turns.choose
    choose.source.setCurrentIndex(choose.source.findText("A suggested topic"))
    choose.topic.setCurrentIndex(choose.topic.findText("What helps me feel safe with you"))
    choose.begin_button.click()
    clock.now += 139
    page.tick()
    _save(window, app, folder / f"together-turns{suffix}.png")
    turns.take_break()
    clock.now += 300
    page.tick()
    _save(window, app, folder / f"together-break{suffix}.png")
    turns.stop_for_today()
    weekly = page.start("weekly")
    weekly.go(1)
    for button in weekly.pages[1].findChildren(type(weekly.pages[1].back_button)):
        if button.text() == "Show Alex's numbers":
            button.click()
    _save(window, app, folder / f"together-weekly{suffix}.png")
    weekly.stop_for_today()
    repair = page.start("repair")
    repair.begin_button.click()
    repair.go(3)
    _save(window, app, folder / f"together-repair{suffix}.png")
    repair.stop_for_today()


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else "docs/screenshots").resolve()
    width, height = (int(x) for x in (argv[2] if len(argv) > 2 else "1100x760").split("x"))
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication(argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        paths = AppPaths.under(Path(tmp))
        service = WorkbookService(paths.data_dir)
        created = service.create([NewPartner(n, p) for n, p in DEMO])
        fill_trackers(service, [c.info.id for c in created], 1, random.Random(2026))
        service.lock()
        for dark in (False, True):
            os.environ[THEME_ENV] = "dark" if dark else "light"
            theme = apply_theme(app)
            window = create_main_window(WorkbookService(paths.data_dir), paths,
                                        ScriptedPrompts())
            window.resize(width, height)
            window.show()
            window.unlock_page.field.setText(DEMO[0][1])
            window.unlock_page.submit()
            window.shell.home.join.field.setText(DEMO[1][1])
            window.shell.home.join.submit()
            _shoot(window, app, folder, "-dark" if dark else "")
            window.close()
            theme.deleteLater()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
