"""One measured run in a fresh process, so start-up is cold for Python and Qt's own caches alike.

    python benchmarks/probe.py bare                 bare PySide6 QMainWindow shown and painted
    python benchmarks/probe.py app DATA_DIR         the real app to its unlock window painted
    python benchmarks/probe.py unlock DATA_DIR      the same, then unlock (passphrase on stdin)
                                                    to Home painted

Prints one JSON line: times are `time.perf_counter()` readings (CLOCK_MONOTONIC on Linux, shared
with the parent process) plus peak RSS in KiB.
"""

from __future__ import annotations

import json
import resource
import sys
import time


def _painted(widget, app) -> float:
    """Process events until `widget` has been painted once; returns the moment it was."""
    from PySide6.QtCore import QEvent, QObject

    seen: list[float] = []

    class PaintSpy(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and not seen:
                seen.append(time.perf_counter())
            return False

    spy = PaintSpy()
    widget.installEventFilter(spy)
    deadline = time.perf_counter() + 30
    while not seen and time.perf_counter() < deadline:
        app.processEvents()
    widget.removeEventFilter(spy)
    if not seen:
        raise SystemExit("never painted")
    return seen[0]


def _idle(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def bare() -> dict:
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1000, 680)
    window.show()
    return {"shown": _painted(window, app)}


def real_app(data_dir: str, passphrase: str | None) -> dict:
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from workbook.accounts import WorkbookService
    from workbook.paths import AppPaths
    from workbook.ui.app import create_main_window
    from workbook.ui.theme import apply_theme

    app = QApplication(sys.argv[:1])
    apply_theme(app)
    paths = AppPaths.default(Path(data_dir))
    window = create_main_window(WorkbookService(paths.data_dir), paths)
    window.show()
    result = {"shown": _painted(window.unlock_page, app)}
    if passphrase:
        _idle(app, seconds=1.0)  # a person takes at least this long to type a passphrase
        window.unlock_page.field.edit.setText(passphrase)
        result["unlock_start"] = time.perf_counter()
        window.unlock_page.submit()
        result["home"] = _painted(window.shell.home, app)
    window.lock()
    return result


def main() -> None:
    mode = sys.argv[1]
    if mode == "bare":
        result = bare()
    else:
        passphrase = sys.stdin.readline().rstrip("\n") if mode == "unlock" else None
        result = real_app(sys.argv[2], passphrase)
    result["rss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(result))


if __name__ == "__main__":
    main()
