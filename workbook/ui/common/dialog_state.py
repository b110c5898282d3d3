"""File dialogs that leave no trace of where a backup or export went.

Qt's own file dialog, when it is destroyed, writes its state to the user-wide "QtProject"
settings shared by every Qt program: `history` (folders visited), `lastVisited` (the folder of
the file just chosen), sidebar shortcuts and column layout. A folder name such as
"Therapy/Sam" would then sit in ~/.config/QtProject.conf long after the export was deleted.

So the dialog gets an empty history, and its state goes somewhere harmless:
- where QSettings' native format is an ini file (Linux and other Unixes), the user-scope path is
  pointed at a throw-away folder while the dialog lives and is destroyed, then set back;
- where it is the registry or CFPreferences (Windows, macOS), the dialog's keys are read before
  and written back afterwards, so what was there before is all that remains.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

GROUP = "FileDialog"
INI_NATIVE = not sys.platform.startswith(("win", "darwin"))


def run_file_dialog(parent: QWidget | None, title: str, suggested: Path | None, filters: str,
                    mode: QFileDialog.AcceptMode) -> Path | None:
    with no_dialog_state():
        dialog = make_dialog(parent, title, suggested, filters, mode)
        try:
            accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
            chosen = dialog.selectedFiles() if accepted else []
        finally:
            forget(dialog)
    return Path(chosen[0]) if chosen else None


def make_dialog(parent, title: str, suggested: Path | None, filters: str,
                mode: QFileDialog.AcceptMode) -> QFileDialog:
    dialog = QFileDialog(parent, title, str(suggested or ""), filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(mode)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if mode == QFileDialog.AcceptMode.AcceptSave
                       else QFileDialog.FileMode.ExistingFile)
    dialog.setHistory([])
    if suggested is not None and mode == QFileDialog.AcceptMode.AcceptSave:
        dialog.selectFile(str(suggested))
    return dialog


def forget(dialog: QFileDialog) -> None:
    """Destroy the dialog now (its destructor saves its state) with an empty history."""
    dialog.setHistory([])
    shiboken6.delete(dialog)


@contextmanager
def no_dialog_state() -> Iterator[None]:
    if INI_NATIVE:
        with _redirected_user_settings():
            yield
    else:
        with _restored_dialog_keys():
            yield


@contextmanager
def _redirected_user_settings() -> Iterator[None]:
    scratch = tempfile.mkdtemp(prefix="cw-dialog-")
    native = QSettings.Format.NativeFormat
    user = QSettings.Scope.UserScope
    QSettings.setPath(native, user, scratch)
    try:
        yield
    finally:
        QSettings.setPath(native, user, default_user_config())
        shutil.rmtree(scratch, ignore_errors=True)


def default_user_config() -> str:
    """Where Qt looks for user settings by default on Unix (XDG_CONFIG_HOME or ~/.config)."""
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)


@contextmanager
def _restored_dialog_keys() -> Iterator[None]:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup(GROUP)
    before = {key: settings.value(key) for key in settings.childKeys()}
    settings.endGroup()
    try:
        yield
    finally:
        settings = QSettings(QSettings.Scope.UserScope, "QtProject")
        settings.remove(GROUP)
        settings.beginGroup(GROUP)
        for key, value in before.items():
            settings.setValue(key, value)
        settings.endGroup()
        settings.sync()
