"""One measured run in a fresh process, so start-up is cold for Python and Qt's own caches alike.

    python benchmarks/probe.py bare       bare PySide6 QMainWindow shown and painted
    python benchmarks/probe.py app        the real app, started as the desktop starts it (no
                                          arguments: the default workbook folder, which run.py
                                          points at the demo vault), to its unlock window painted
    python benchmarks/probe.py unlock     the same, then unlock (passphrase on stdin) to Home
                                          painted
    python benchmarks/probe.py views      unlock, then open and scroll the tracker views, and
                                          time autosave in a chapter

Prints one JSON line: times are `time.perf_counter()` readings (CLOCK_MONOTONIC on Linux, shared
with the parent process) plus peak RSS in KiB.
"""

from __future__ import annotations

import json
import resource
import sys
import time


def _painted(widget, app, action=None) -> float:
    """Run `action` (if any), then process events until `widget` has been painted once; returns
    the moment that round of events ended, so the whole window's first frame is drawn (a paint
    event only marks where painting begins). The spy goes in first, as the action itself may
    already paint."""
    from PySide6.QtCore import QEvent, QObject

    seen: list[float] = []

    class PaintSpy(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not seen:
                seen.append(time.perf_counter())
            return False

    spy = PaintSpy()
    widget.installEventFilter(spy)
    if action is not None:
        action()
    deadline = time.perf_counter() + 30
    while not seen and time.perf_counter() < deadline:
        app.processEvents()
    drawn = time.perf_counter()
    widget.removeEventFilter(spy)
    if not seen:
        raise SystemExit("never painted")
    return drawn


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


def through_entry_point(script) -> dict:
    """Start the app exactly as its launcher does (`workbook.cli.main` with no arguments: the
    default workbook folder, logging, crash handlers, icon, theme, window), but in place of the
    event loop run `script(window, app)` and return what it measured. The window is closed
    afterwards, as a person would."""
    from PySide6.QtWidgets import QApplication

    from workbook.cli.commands import (
        main,  # first, as the launcher does: PySide taxes later imports
    )

    result: dict = {}

    def measured_exec(*_args) -> int:
        app = QApplication.instance()
        window = next(w for w in app.topLevelWidgets() if hasattr(w, "unlock_page"))
        result.update(script(window, app))
        window.close()
        return 0

    QApplication.exec = measured_exec
    if main([]) != 0:
        raise SystemExit("the app did not start")
    return result


def to_unlock_window(window, app) -> dict:
    return {"shown": _painted(window.unlock_page, app)}


def unlock_to_home(passphrase: str):
    def script(window, app) -> dict:
        result = to_unlock_window(window, app)
        _idle(app, seconds=1.0)  # a person takes at least this long to type a passphrase
        window.unlock_page.field.edit.setText(passphrase)
        result["unlock_start"] = time.perf_counter()
        window.unlock_page.submit()
        result["home"] = _painted(window.shell.home, app)
        return result
    return script


TRACKER_VIEWS = ("gratitude", "checkins", "milestones")


def _scroll_to_end(view, app) -> tuple[float, float, int]:
    """Scroll a lazily fetching list to its end, as a person dragging to the bottom would.
    Returns (total s, worst single step s, rows)."""
    model, worst, start = view.model(), 0.0, time.perf_counter()
    last = -1
    for _ in range(500):
        step = time.perf_counter()
        view.scrollToBottom()
        app.processEvents()
        worst = max(worst, time.perf_counter() - step)
        rows = model.rowCount()
        if rows == last and not model.canFetchMore(view.rootIndex()):
            break
        last = rows
    return time.perf_counter() - start, worst, model.rowCount()


def _views(window, app) -> dict:
    from PySide6.QtWidgets import QAbstractItemView
    out = {}
    for key in TRACKER_VIEWS:
        start = time.perf_counter()
        window.shell.show_section(key)  # a first visit builds the page (lazy_pages.py)
        page = window.shell.trackers[key]
        painted = _painted(page, app)
        lists = [v for v in page.findChildren(QAbstractItemView)
                 if v.isVisible() and v.model() is not None]
        scrolled = [_scroll_to_end(v, app) for v in lists]
        out[key] = {"open": painted - start,
                    "scroll": sum(s[0] for s in scrolled),
                    "worst_step": max((s[1] for s in scrolled), default=0.0),
                    "rows": sum(s[2] for s in scrolled)}
    return out


def _autosave(window, app, chapter_id: str = "intimacy-beyond-sex") -> dict:
    """Keystroke to committed (debounce included) and how long each save holds the UI thread.
    The chapter has no content note, so its worksheets show at once."""
    from PySide6.QtWidgets import QPlainTextEdit
    window.shell.continue_chapter(chapter_id)
    app.processEvents()
    saver = window.shell.chapters.autosaver
    blocked: list[float] = []
    flush = saver.flush

    def timed_flush():
        start = time.perf_counter()
        flush()
        blocked.append(time.perf_counter() - start)

    saver.flush = timed_flush
    saver._timer.timeout.disconnect()
    saver._timer.timeout.connect(timed_flush)
    editor = next(e for e in window.shell.chapters.findChildren(QPlainTextEdit) if e.isVisible())
    latencies = []
    for i in range(5):
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        start = time.perf_counter()
        editor.insertPlainText(f" word{i}")
        while saver.has_pending:
            app.processEvents()
            time.sleep(0.001)
        latencies.append(time.perf_counter() - start)
    small = list(blocked)
    editor.setPlainText("x" * 100_000)
    saver.flush()
    return {"latency": latencies, "blocked": small, "blocked_100k": blocked[-1]}


def views_and_autosave(passphrase: str):
    def script(window, app) -> dict:
        _painted(window.unlock_page, app)
        _idle(app, seconds=1.0)
        window.unlock_page.field.edit.setText(passphrase)
        window.unlock_page.submit()
        return {"views": _views(window, app), "autosave": _autosave(window, app)}
    return script


def main() -> None:
    mode = sys.argv[1]
    if mode == "bare":
        result = bare()
    elif mode == "app":
        result = through_entry_point(to_unlock_window)
    else:
        passphrase = sys.stdin.readline().rstrip("\n")
        script = unlock_to_home if mode == "unlock" else views_and_autosave
        result = through_entry_point(script(passphrase))
    result["rss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(result))


if __name__ == "__main__":
    main()
