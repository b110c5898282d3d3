"""Starting the desktop app. `workbook.cli.commands` imports this lazily, so a command-line run
never pays for Qt."""

from __future__ import annotations

import linecache
import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from workbook import APP_NAME
from workbook.accounts import WorkbookService
from workbook.crash import install_crash_handlers
from workbook.paths import AppPaths
from workbook.resources import MissingResources, missing_files, resource_path
from workbook.ui.common.clock import SYSTEM_CLOCK, Clock
from workbook.ui.common.prompts import Prompts
from workbook.ui.common.theme import apply_theme
from workbook.ui.main_window import MainWindow

if TYPE_CHECKING:
    from workbook.ui.trackers.reminder import Tray

log = logging.getLogger(__name__)
EXIT_BROKEN_INSTALL = 2  # as the command line's exit for the same problem
DESKTOP_ID = "io.github.couplesworkbook.CouplesWorkbook"  # the .desktop file, icon and metainfo

UNEXPECTED = ("Something went wrong that the workbook did not expect. What you saved is safe. "
              "If it happens again, restarting the app usually helps.")


def create_main_window(service: WorkbookService, paths: AppPaths, prompts: Prompts | None = None,
                       clock: Clock = SYSTEM_CLOCK, tray: Tray | None = None) -> MainWindow:
    """The composition root: the real prompts, clock and tray unless a test passes its own."""
    return MainWindow(service, paths, prompts or Prompts(), clock, tray)


class _CrashBridge(QObject):
    """Crash reports may come from any thread; the dialog must open on the GUI thread."""

    report = Signal(str)


def _install_crash_handling(window: MainWindow, paths: AppPaths):
    """Faults and uncaught errors go to the log without their messages (which might echo user
    text), and the person sees a calm box with a "Copy details" button."""
    bridge = _CrashBridge(window)
    bridge.report.connect(lambda details: window.prompts.crash(window, APP_NAME, UNEXPECTED,
                                                               details),
                          Qt.ConnectionType.QueuedConnection)
    return install_crash_handlers(paths.log_dir, show_dialog=bridge.report.emit)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(resource_path("icons", f"couples-workbook-{size}.png")))
    return icon


def _stop_on_missing_files(window: MainWindow):
    """The bundled content is loaded after the first paint (by the chapters); if it turns out
    damaged, say so calmly and close, instead of a crash box or a window with empty pages.
    Returns a function that puts the previous hook back."""
    previous = sys.excepthook

    def hook(kind, error, trace):
        if not isinstance(error, MissingResources):
            return previous(kind, error, trace)
        log.error("the app's own files are missing or damaged: %s", error.detail)
        window.prompts.error(window, APP_NAME, MissingResources.MESSAGE)
        QApplication.exit(EXIT_BROKEN_INSTALL)

    sys.excepthook = hook
    return lambda: setattr(sys, "excepthook", previous)


def forget_module_sources() -> None:
    """PySide reads the source of every module imported after it (to look for `__feature__`
    imports) through `linecache`, which keeps every line for the life of the process: about
    5 MiB for this app wherever its sources are installed. Nothing needs them (a traceback reads
    them again), so they are dropped once the first paint is done, and again once the open
    workbook's pages have been built right after it (benchmarks/README.md: peak memory)."""
    linecache.clearcache()
    QTimer.singleShot(0, linecache.clearcache)  # after MainWindow._after_first_paint


def run_gui(paths: AppPaths, argv: list[str]) -> int:
    # Fusion from the start, named on Qt's command line: asking for it from Python would hand
    # back a QStyle, and wrapping the first one costs PySide milliseconds before the first paint.
    existing = QApplication.instance()  # typed as the core application; a test's is a QApplication
    app = existing if isinstance(existing, QApplication) else \
        QApplication([*argv, "-style", "fusion"])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(DESKTOP_ID)  # Wayland's app id; matches the installed .desktop file
    if missing_files():  # a broken install: no window with empty pages, one calm message
        log.error("the app's own files are missing: %s", ", ".join(missing_files()[:3]))
        Prompts().error(None, APP_NAME, MissingResources.MESSAGE)
        return EXIT_BROKEN_INSTALL
    app.setWindowIcon(app_icon())
    theme = apply_theme(app, calm_style=False)  # parented to the app, so it lives as long
    service = WorkbookService(paths.data_dir, auto_backups=True)
    window = create_main_window(service, paths)
    window.first_painted.connect(theme.use_calm_style)
    window.first_painted.connect(forget_module_sources)
    crash_handlers = _install_crash_handling(window, paths)
    restore_hook = _stop_on_missing_files(window)
    window.show()
    try:
        return app.exec()
    finally:
        service.lock()
        restore_hook()
        crash_handlers.uninstall()
