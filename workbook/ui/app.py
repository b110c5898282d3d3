"""Starting the desktop app. `workbook.cli` imports this lazily, so a command-line run never
pays for Qt."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication

from .. import APP_NAME
from ..accounts import WorkbookService
from ..paths import AppPaths
from .main_window import MainWindow
from .prompts import Prompts
from .theme import apply_theme

log = logging.getLogger(__name__)
UNEXPECTED = ("Something went wrong that the workbook did not expect. What you saved is safe. "
              "If it happens again, restarting the app usually helps.")


def create_main_window(service: WorkbookService, paths: AppPaths,
                       prompts: Prompts | None = None) -> MainWindow:
    return MainWindow(service, paths, prompts or Prompts())


def _install_excepthook(window: MainWindow) -> None:
    """Never show a traceback: log the exception's type only (its message might echo user text)
    and say something calm."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error: %s", kind.__name__)
        try:
            window.prompts.error(window, APP_NAME, UNEXPECTED)
        except Exception:  # noqa: BLE001 - the hook itself must never raise
            pass

    sys.excepthook = hook


def run_gui(paths: AppPaths, argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("couples-workbook")
    apply_theme(app)  # parented to the app, so it lives as long as the app
    service = WorkbookService(paths.data_dir, auto_backups=True)
    window = create_main_window(service, paths)
    previous_hook = sys.excepthook
    _install_excepthook(window)
    window.show()
    try:
        return app.exec()
    finally:
        service.lock()
        sys.excepthook = previous_hook
