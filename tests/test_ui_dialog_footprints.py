"""File dialogs leave no trace of the folder a backup or export went to, and the new prompts
(open a file, type a confirmation) are scriptable."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from workbook.ui.common.dialog_state import INI_NATIVE, default_user_config, forget
from workbook.ui.common.prompts import Prompts

FOLDER = "Therapy-ZQXJ-folder"


@pytest.fixture
def config_home(tmp_path, monkeypatch):
    """Point Qt's user settings at a throw-away XDG_CONFIG_HOME, and back afterwards."""
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(config))
    yield config
    monkeypatch.undo()
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      default_user_config())


def traces(config: Path) -> list[str]:
    return [str(p) for p in config.rglob("*") if p.is_file()
            and any(FOLDER.encode(e) in p.read_bytes() for e in ("utf-8", "utf-16-le"))]


def accept_when_shown(target: Path) -> None:
    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.selectFile(str(target))
        dialog.accept()
    QTimer.singleShot(0, answer)


@pytest.mark.skipif(not INI_NATIVE, reason="the plain-dialog check reads an ini file")
def test_a_plain_qt_file_dialog_would_leave_the_folder_behind(config_home, tmp_path, qtbot):
    target = tmp_path / FOLDER / "packet.pdf"
    target.parent.mkdir()
    dialog = QFileDialog(None, "Save", str(target.parent))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    accept_when_shown(target)
    dialog.exec()
    import shiboken6
    shiboken6.delete(dialog)  # the destructor saves history and lastVisited
    assert traces(config_home)  # so the guarded test below can fail


def test_saving_through_prompts_leaves_no_trace_in_the_config_folder(config_home, tmp_path,
                                                                      qtbot):
    import tempfile
    scratch = set(Path(tempfile.gettempdir()).glob("cw-dialog-*"))
    target = tmp_path / FOLDER / "backup.zip"
    target.parent.mkdir()
    accept_when_shown(target)
    chosen = Prompts().save_file(None, "Save a backup", target, "Backups (*.zip)")
    assert chosen == target
    accept_when_shown(target)
    target.write_bytes(b"x")
    assert Prompts().open_file(None, "Choose a backup", "Backups (*.zip)") == target
    assert traces(config_home) == []
    assert set(Path(tempfile.gettempdir()).glob("cw-dialog-*")) == scratch  # scratch removed


def test_forget_empties_the_history(qtbot):
    dialog = QFileDialog()
    dialog.setHistory(["/somewhere/private"])
    forget(dialog)  # destroyed without error
