"""Starting the desktop app. `workbook.cli.commands` imports this lazily, so a command-line run
never pays for Qt."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from workbook import APP_NAME
from workbook.accounts import WorkbookService
from workbook.crash import install_crash_handlers
from workbook.paths import AppPaths
from workbook.resources import resource_path
from workbook.ui.common.prompts import Prompts
from workbook.ui.common.theme import apply_theme
from workbook.ui.main_window import MainWindow

UNEXPECTED = ("Something went wrong that the workbook did not expect. What you saved is safe. "
              "If it happens again, restarting the app usually helps.")


def create_main_window(service: WorkbookService, paths: AppPaths,
                       prompts: Prompts | None = None) -> MainWindow:
    return MainWindow(service, paths, prompts or Prompts())


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


def run_gui(paths: AppPaths, argv: list[str]) -> int:
    # Fusion from the start, named on Qt's command line: asking for it from Python would hand
    # back a QStyle, and wrapping the first one costs PySide milliseconds before the first paint.
    app = QApplication.instance() or QApplication([*argv, "-style", "fusion"])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("couples-workbook")
    app.setWindowIcon(app_icon())
    theme = apply_theme(app, calm_style=False)  # parented to the app, so it lives as long
    service = WorkbookService(paths.data_dir, auto_backups=True)
    window = create_main_window(service, paths)
    window.first_painted.connect(theme.use_calm_style)
    crash_handlers = _install_crash_handling(window, paths)
    window.show()
    try:
        return app.exec()
    finally:
        service.lock()
        crash_handlers.uninstall()
