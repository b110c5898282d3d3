"""Open a demo workbook in the installed app's real window (offscreen) and check the chapter
list shows every chapter of the installed content. Run by packaging/check-install.sh with the
fresh virtual environment's Python, from outside the checkout:

    python check_installed_window.py DEMO_FOLDER PASSPHRASE
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def main(data_dir: Path, passphrase: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    import workbook
    from workbook.accounts import WorkbookService
    from workbook.content import load_content
    from workbook.paths import AppPaths
    from workbook.ui.app import create_main_window
    from workbook.ui.common.prompts import ScriptedPrompts

    print(f"window check: workbook imported from {Path(workbook.__file__).parent}")
    app = QApplication.instance() or QApplication([])
    expected = [chapter.title for chapter in load_content().content.chapters]
    with tempfile.TemporaryDirectory(prefix="cw-install-check-") as home:
        paths = AppPaths(data_dir, Path(home) / "config", Path(home) / "logs")
        window = create_main_window(WorkbookService(data_dir), paths, ScriptedPrompts())
        window.resize(1000, 700)
        window.show()
        app.processEvents()
        window.unlock_page.field.edit.setText(passphrase)
        window.unlock_page.submit()
        app.processEvents()
        shell = window.shell
        if window.current_page is not shell:
            return _fail("the demo passphrase did not open the workbook")
        shell.show_section("chapters")
        app.processEvents()
        view = shell.chapters.list_page.view
        if not view.isVisibleTo(window):
            return _fail("the chapter list is not on screen")
        model = view.model()
        shown = [model.index(row, 0).data(Qt.ItemDataRole.DisplayRole) or ""
                 for row in range(model.rowCount())]
        listed = [title for title in expected if any(title in text for text in shown)]
        window.lock()
        window.close()
    if len(expected) < 12 or listed != expected:
        return _fail(f"{len(listed)} of {len(expected)} chapters listed")
    print(f"window check: {len(listed)} chapters listed, from '{listed[0]}' to '{listed[-1]}'")
    return 0


def _fail(message: str) -> int:
    print(f"window check FAILED: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
