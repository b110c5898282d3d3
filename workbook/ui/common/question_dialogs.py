"""The dialogs behind `Prompts`: sized to their text and to the screen, with Cancel, and with the
default and the first focus on the safe choice.

A QInputDialog or QMessageBox sizes itself to one unwrapped line of text, so a long warning made
a dialog wider than the screen (its field and buttons off-screen). Here the text wraps inside a
column of at most `MAX_WIDTH` pixels, and the dialog is never wider or taller than the screen it
opens on. A destructive choice is marked (`danger` property, styled in theme.py), never the
default button and never the first focus.
"""

from __future__ import annotations

from PySide6 import QtWidgets
from PySide6.QtCore import QRect, Qt

MAX_WIDTH = 560  # a comfortable reading column for a question
MARGIN = 24  # kept free around a dialog on a small screen


def mark_destructive(button: QtWidgets.QAbstractButton) -> QtWidgets.QAbstractButton:
    """A destructive button looks different (theme.py) and is never pressed by Enter by
    accident: it is never a default button. It stays reachable with Tab."""
    button.setProperty("danger", True)
    if isinstance(button, QtWidgets.QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)
    return button


def fit_to_screen(dialog: QtWidgets.QWidget, available: QRect | None = None) -> None:
    """Size `dialog` to its content, within MAX_WIDTH and the available screen area, centred."""
    if available is None:
        screen = (dialog.parentWidget() or dialog).screen()
        available = screen.availableGeometry()
    room_w, room_h = available.width() - 2 * MARGIN, available.height() - 2 * MARGIN
    dialog.setMaximumSize(max(room_w, 200), max(room_h, 150))
    layout = dialog.layout()
    margins = layout.contentsMargins() if layout else None
    wanted = MAX_WIDTH + (margins.left() + margins.right() if margins else 0)
    width = min(max(dialog.sizeHint().width(), wanted), room_w)
    wraps = layout is not None and layout.hasHeightForWidth()
    height = layout.totalHeightForWidth(width) if wraps and layout else dialog.sizeHint().height()
    height = min(height, room_h)
    dialog.resize(width, height)
    dialog.move(available.center().x() - width // 2, available.center().y() - height // 2)


def _text_label(text: str) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # a text may hold a name: never rich text
    label.setWordWrap(True)
    label.setText(text)
    label.setMaximumWidth(MAX_WIDTH)
    label.setMinimumWidth(min(MAX_WIDTH, 320))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class TextQuestion(QtWidgets.QDialog):
    """One line typed by the user: a typed confirmation word, or a passphrase when `secret`.

    With `expected`, the confirming button stays disabled until that word is typed, so Enter
    cannot confirm by accident; the field always has the first focus."""

    def __init__(self, parent, title: str, text: str, secret: bool = False,
                 yes: str = "OK", expected: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._expected = expected
        self.label = _text_label(text)
        self.field = QtWidgets.QLineEdit()
        self.field.setAccessibleName(title)
        if secret:
            self.field.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.label.setBuddy(self.field)
        buttons = QtWidgets.QDialogButtonBox()
        self.cancel_button = buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(yes, QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        if expected:
            mark_destructive(self.ok_button)
        for button in (self.ok_button, self.cancel_button):
            button.setAutoDefault(False)  # Enter belongs to the field: it submits when ready
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.field.textChanged.connect(self._update)
        self.field.returnPressed.connect(self._submit)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.label)
        layout.addWidget(self.field)
        layout.addWidget(buttons)
        self._update()
        self.field.setFocus()

    def _matches(self) -> bool:
        typed = self.field.text().strip()
        return bool(typed) if self._expected is None else typed.upper() == self._expected

    def _update(self) -> None:
        self.ok_button.setEnabled(self._matches())

    def _submit(self) -> None:
        if self._matches():
            self.accept()

    def showEvent(self, event) -> None:
        fit_to_screen(self)
        super().showEvent(event)
        self.ok_button.setDefault(False)  # the button box makes its first button the default
        self.field.setFocus()

    def take_text(self) -> str:
        """The typed text, then blank the field so a secret does not linger in memory."""
        value = self.field.text()
        self.field.setText("")
        return value


class ChoiceQuestion(QtWidgets.QMessageBox):
    """A question with two answers and, when `cancel` is given, a third way out that does
    nothing. The safe answer is the default button and has the first focus."""

    def __init__(self, parent, title: str, text: str, yes: str, no: str,
                 cancel: str | None = None, destructive: bool = False):
        super().__init__(QtWidgets.QMessageBox.Icon.Question, title, text,
                         QtWidgets.QMessageBox.StandardButton.NoButton, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        roles = QtWidgets.QMessageBox.ButtonRole
        self.yes_button = self.addButton(yes, roles.DestructiveRole if destructive
                                         else roles.AcceptRole)
        self.no_button = self.addButton(no, roles.RejectRole if cancel is None
                                        else roles.ActionRole)
        self.cancel_button = None
        if cancel is not None:
            self.cancel_button = self.addButton(cancel, roles.RejectRole)
            self.setEscapeButton(self.cancel_button)
        safe = self.no_button if destructive else self.yes_button
        if destructive:
            mark_destructive(self.yes_button)
        self.setDefaultButton(safe)
        self._safe = safe

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._safe.setFocus()

    def answer(self) -> bool | None:
        """True for yes, False for no, None for cancel (or the window closed with Escape)."""
        clicked = self.clickedButton()
        if clicked is self.yes_button:
            return True
        if clicked is self.no_button:
            return False
        return None if self.cancel_button is not None else False
