"""Every dialog that asks or tells the user something goes through a `Prompts` object, which
the main window receives from outside. Tests pass a `ScriptedPrompts` with answers queued in
advance, so no modal dialog ever blocks a test and nothing global needs patching.

Texts are shown as plain text: a message may contain a name, and names are never rich text.

File dialogs leave no footprint (dialog_state.py): Qt's own dialog is used everywhere, because
native ones keep a most-recently-used list we cannot control (Windows' registry MRU, GTK's
recently-used.xbel), and the state Qt's dialog saves is kept away from the real settings.

The dialog classes are reached through the `QtWidgets` module: PySide builds a class the first
time it is looked up, and none of these is needed before the unlock window has been painted.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6 import QtWidgets
from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget


class Prompts:
    """The real dialogs."""

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self._box(parent, QtWidgets.QMessageBox.Icon.Information, title, text,
                  QtWidgets.QMessageBox.StandardButton.Ok).exec()

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        # A calm tone on purpose: Information, not Critical, for things the user can fix.
        self._box(parent, QtWidgets.QMessageBox.Icon.Information, title, text,
                  QtWidgets.QMessageBox.StandardButton.Ok).exec()

    def confirm(self, parent: QWidget | None, title: str, text: str,
                yes: str = "Continue", no: str = "Cancel", cancel: str | None = None,
                destructive: bool = False) -> bool | None:
        """True for `yes`, False for `no`; None when there is a `cancel` and it was chosen.
        When `destructive`, `yes` is marked as such and `no` is the default and first focus."""
        box = self.choice_dialog(parent, title, text, yes, no, cancel, destructive)
        box.exec()
        return box.answer()

    @staticmethod
    def choice_dialog(parent, title: str, text: str, yes: str = "Continue", no: str = "Cancel",
                      cancel: str | None = None, destructive: bool = False):
        from workbook.ui.common.question_dialogs import ChoiceQuestion
        return ChoiceQuestion(parent, title, text, yes, no, cancel, destructive)

    def save_file(self, parent: QWidget | None, title: str, suggested: Path,
                  filters: str) -> Path | None:
        from workbook.ui.common.dialog_state import run_file_dialog
        return run_file_dialog(parent, title, suggested, filters,
                               QtWidgets.QFileDialog.AcceptMode.AcceptSave)

    def open_file(self, parent: QWidget | None, title: str, filters: str) -> Path | None:
        from workbook.ui.common.dialog_state import run_file_dialog
        return run_file_dialog(parent, title, None, filters,
                               QtWidgets.QFileDialog.AcceptMode.AcceptOpen)

    def ask_text(self, parent: QWidget | None, title: str, text: str,
                 secret: bool = False, yes: str = "OK", expected: str | None = None) -> str | None:
        """One line typed by the user (a typed confirmation, or a passphrase when `secret`).
        With `expected`, `yes` is enabled only once that word is typed."""
        dialog = self.text_dialog(parent, title, text, secret, yes, expected)
        accepted = dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted
        value = dialog.take_text()
        dialog.deleteLater()
        return value if accepted else None

    @staticmethod
    def text_dialog(parent, title: str, text: str, secret: bool = False, yes: str = "OK",
                    expected: str | None = None):
        from workbook.ui.common.question_dialogs import TextQuestion
        return TextQuestion(parent, title, text, secret, yes, expected)

    def crash(self, parent: QWidget | None, title: str, text: str, details: str) -> None:
        """The calm box for an unexpected error. `details` hold no user text (workbook/crash.py),
        so copying them into a support request is safe."""
        box = self._box(parent, QtWidgets.QMessageBox.Icon.Information, title, text,
                        QtWidgets.QMessageBox.StandardButton.Ok)
        box.setDetailedText(details)
        copy = box.addButton("Copy details", QtWidgets.QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if box.clickedButton() is copy:
            QtWidgets.QApplication.clipboard().setText(details)

    @staticmethod
    def _box(parent, icon, title: str, text: str, buttons) -> QMessageBox:
        box = QtWidgets.QMessageBox(icon, title, text, buttons, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        return box


class Shown(NamedTuple):
    kind: str
    title: str
    text: str


class ScriptedPrompts(Prompts):
    """A test double: answers come from a queue; everything shown is recorded in `shown`.

    A question with no queued answer fails loudly, so a test notices an unexpected dialog."""

    def __init__(self, *answers: object):
        self.answers: deque[object] = deque(answers)
        self.shown: list[Shown] = []

    def queue_answers(self, *answers: object) -> None:
        self.answers.extend(answers)

    def info(self, parent, title: str, text: str) -> None:
        self.shown.append(Shown("info", title, text))

    def error(self, parent, title: str, text: str) -> None:
        self.shown.append(Shown("error", title, text))

    def confirm(self, parent, title: str, text: str, yes: str = "Continue",
                no: str = "Cancel", cancel: str | None = None,
                destructive: bool = False) -> bool | None:
        """A queued None means Cancel (only when the question offers one)."""
        self.shown.append(Shown("confirm", title, text))
        answer = self._next(title)
        return None if answer is None and cancel is not None else bool(answer)

    def crash(self, parent, title: str, text: str, details: str) -> None:
        self.shown.append(Shown("crash", title, f"{text}\n{details}"))  # tells, asks nothing

    def save_file(self, parent, title: str, suggested: Path, filters: str) -> Path | None:
        self.shown.append(Shown("save_file", title, str(suggested)))
        answer = self._next(title)
        return Path(str(answer)) if answer else None

    def open_file(self, parent, title: str, filters: str) -> Path | None:
        self.shown.append(Shown("open_file", title, filters))
        answer = self._next(title)
        return Path(str(answer)) if answer else None

    def ask_text(self, parent, title: str, text: str, secret: bool = False, yes: str = "OK",
                 expected: str | None = None) -> str | None:
        self.shown.append(Shown("ask_text", title, text))
        answer = self._next(title)
        return None if answer is None else str(answer)

    def _next(self, title: str) -> object:
        if not self.answers:
            raise AssertionError(f"Unexpected prompt with no queued answer: {title!r}")
        return self.answers.popleft()
