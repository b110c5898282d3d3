"""Screenshots of the trackers (milestones, ladder, check-in trends, gratitude calendar) in light
and dark, from a throw-away demo workbook with two years of fictional entries:

    python tools/tracker_screenshots.py docs/screenshots

Run under a real display or Xvfb for faithful fonts.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QScrollArea

from workbook.accounts import NewPartner, WorkbookService
from workbook.demo.trackers import fill_trackers
from workbook.paths import AppPaths
from workbook.ui.app import create_main_window
from workbook.ui.common.prompts import ScriptedPrompts
from workbook.ui.common.theme import THEME_ENV, apply_theme
from workbook.ui.trackers.milestones_page import celebration

DEMO = (("Alex", "river stone lantern 1"), ("Sam", "maple cloud harbour 2"))


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _scroll_to(page, widget) -> None:
    page.findChild(QScrollArea).ensureWidgetVisible(widget, 0, 0)


def _shoot(window, app, folder: Path, suffix: str) -> None:
    shell = window.shell
    shell.show_section("milestones")
    page = shell.trackers["milestones"]
    _settle(app)
    page.open_milestone(page.timeline_model.item(0).id)  # the most recently reached
    page.message.show_success(celebration(page.chosen()))
    _scroll_to(page, page.form.add_button)
    _save(window, app, folder / f"milestones{suffix}.png")
    page.ladder.view.setCurrentIndex(page.ladder.model.index(0))
    _scroll_to(page, page.ladder.events)
    _save(window, app, folder / f"ladder{suffix}.png")
    shell.show_section("checkins")
    checkins = shell.trackers["checkins"]
    checkins.range.setCurrentIndex(1)
    _settle(app)
    _scroll_to(checkins, checkins.table)
    _save(window, app, folder / f"trends{suffix}.png")
    shell.show_section("gratitude")
    _settle(app)
    _save(window, app, folder / f"gratitude{suffix}.png")


def _save(window, app, path: Path) -> None:
    """Save, then reduce to a 96-colour palette (Pillow, a dev-only tool) so each PNG stays
    small enough for the README; the UI's flat colours survive this without visible loss."""
    _settle(app)
    window.grab().save(str(path), "PNG", 9)
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=96, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else "docs/screenshots").resolve()
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication(argv)
    with tempfile.TemporaryDirectory() as tmp:
        paths = AppPaths.under(Path(tmp))
        service = WorkbookService(paths.data_dir)
        created = service.create([NewPartner(n, p) for n, p in DEMO])
        fill_trackers(service, [c.info.id for c in created], 2, random.Random(2026))
        service.lock()
        for dark in (False, True):
            os.environ[THEME_ENV] = "dark" if dark else "light"
            theme = apply_theme(app)
            window = create_main_window(WorkbookService(paths.data_dir), paths,
                                        ScriptedPrompts())
            window.resize(1100, 760)
            window.show()
            window.unlock_page.field.setText(DEMO[0][1])
            window.unlock_page.submit()
            _shoot(window, app, folder, "-dark" if dark else "")
            window.close()
            theme.deleteLater()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
