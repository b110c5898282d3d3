"""Small building blocks shared by every screen: plain-text labels, passphrase fields with a
strength hint, inline messages, cards, scrolling pages, and calm error handling."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbook.errors import WorkbookError
from workbook.passphrases import passphrase_strength

T = TypeVar("T")
USER_ERRORS = (WorkbookError, PermissionError)  # the root, and the OS refusing a folder
PAGE_WIDTH = 660  # long lines are tiring to read; keep a calm column


def user_message(error: Exception) -> str:
    """Our own errors carry a user-safe sentence; an OS permission error does not."""
    if isinstance(error, PermissionError) and error.errno is not None:
        return ("The workbook folder cannot be written to. Check that it is on a disk you can "
                "write to, then try again.")
    return str(error)


def attempt(show_error: Callable[[str], None], action: Callable[[], T]) -> tuple[bool, T | None]:
    """Run a service call; a user error becomes a calm message instead of a traceback."""
    try:
        return True, action()
    except USER_ERRORS as error:
        show_error(user_message(error))
        return False, None


@contextmanager
def busy(button: QPushButton, text: str, *others: QWidget) -> Iterator[None]:
    """Show a working state and paint it before a slow call (the passphrase KDF) runs on this
    thread. Database connections must stay on the thread that opened them, hence no worker."""
    label = button.text()
    widgets = (button, *others)
    # Disabling the focused button hands focus to the next one in the chain (which may be a
    # delete button): note where focus was, and put it back when the work is done.
    had_focus = QApplication.focusWidget()
    button.setText(text)
    for widget in widgets:
        widget.setEnabled(False)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
        button.setText(label)
        for widget in widgets:
            widget.setEnabled(True)
        if had_focus in widgets and had_focus.isVisible():
            had_focus.setFocus(Qt.FocusReason.OtherFocusReason)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def set_role(widget: QWidget, role: str) -> None:
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def plain_label(text: str = "", role: str | None = None, selectable: bool = False) -> QLabel:
    """Every label goes through here: names are user text and must never be read as HTML."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    if role:
        label.setProperty("role", role)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


def form_label(text: str, buddy: QWidget) -> QLabel:
    """A form label that fills its row, so its text sits level with the field's text."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setBuddy(buddy)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
    return label


def plain_button(text: str, accessible: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(accessible or text)
    return button


def primary_button(text: str, accessible: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setProperty("primary", True)
    button.setAutoDefault(True)  # Enter on the focused button presses it
    button.setAccessibleName(accessible or text.replace("&", ""))
    return button


def link_button(text: str, accessible: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setProperty("flat", True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setAccessibleName(accessible or text)
    return button


def button_row(*buttons: QWidget, align_left: bool = False) -> QHBoxLayout:
    row = QHBoxLayout()
    if not align_left:
        row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    if align_left:
        row.addStretch(1)
    return row


def forget_texts(widget: QWidget) -> None:
    """Blank every text a widget and its children show, and their undo history, at once: a
    widget waiting for deleteLater() must not keep what someone wrote until the event loop runs.
    Signals stay blocked: blanking an editor must not look like an edit (autosave would store it).
    """
    for item in [widget, *widget.findChildren(QWidget)]:
        item.blockSignals(True)
        if isinstance(item, (QPlainTextEdit, QTextEdit)):
            item.document().blockSignals(True)
        if isinstance(item, (QLabel, QAbstractButton)):
            item.setText("")
        elif isinstance(item, QLineEdit):
            item.setText("")  # unlike clear(), setText also drops the undo history
        elif isinstance(item, (QPlainTextEdit, QTextEdit)):
            item.clear()
        item.setToolTip("")


def discard_widget(widget: QWidget) -> None:
    """Take a widget off screen now and delete it soon. Hiding and unparenting first keeps it
    out of `findChildren` and focus chains until the event loop deletes it."""
    forget_texts(widget)
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()


def clear_layout(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            discard_widget(item.widget())
        elif item.layout() is not None:
            clear_layout(item.layout())


class InlineMessage(QLabel):
    """A message under a form: errors in a soft colour, never a modal box."""

    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.hide()  # no accessible name of its own: it is read by the text it shows

    def show_error(self, text: str) -> None:
        self._show(text, "error")

    def show_success(self, text: str) -> None:
        self._show(text, "success")

    def _show(self, text: str, role: str) -> None:
        set_role(self, role)
        self.setText(text)
        self.show()
        # On a long page the message may sit below the fold: scroll to it once laid out.
        QTimer.singleShot(0, self, self._reveal)

    def _reveal(self) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None and self.isVisible():
            parent.ensureWidgetVisible(self, 0, 24)

    def clear(self) -> None:
        super().clear()
        self.hide()


class PassphraseField(QWidget):
    """A hidden-text field with a Show/Hide toggle. Focus goes straight to the text field."""

    returnPressed = Signal()
    textChanged = Signal(str)

    def __init__(self, accessible_name: str, placeholder: str = ""):
        super().__init__()
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setPlaceholderText(placeholder)
        self.toggle = QToolButton()
        self.toggle.setText("Show")
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName(f"Show {accessible_name.lower()}")
        self.toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toggle.toggled.connect(self._set_visible)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.toggle)
        self.setFocusProxy(self.edit)
        self.edit.returnPressed.connect(self.returnPressed)
        self.edit.textChanged.connect(self.textChanged)

    def _set_visible(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.edit.setEchoMode(mode)
        self.toggle.setText("Hide" if visible else "Show")

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def clear(self) -> None:
        self.edit.clear()
        self.toggle.setChecked(False)

    def select_for_retry(self) -> None:
        self.edit.selectAll()
        self.edit.setFocus()


class StrengthHint(QWidget):
    """A quiet meter plus the concrete suggestion from `passphrase_strength`."""

    def __init__(self) -> None:
        super().__init__()
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setFixedHeight(6)
        self.meter.setAccessibleName("Passphrase strength")
        self.label = plain_label(role="muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(4)
        layout.addWidget(self.meter)
        layout.addWidget(self.label)
        self.update_for("")

    def update_for(self, passphrase: str) -> None:
        strength = passphrase_strength(passphrase)
        self.meter.setValue(strength.score)
        self.meter.setAccessibleDescription(f"{strength.score} of 4")
        self.label.setText(strength.hint)


class NewPassphraseForm(QWidget):
    """New passphrase + the same again, with a live strength hint."""

    def __init__(self, who: str = "", first_label: str = "Passphrase",
                 leading: tuple[tuple[str, QWidget], ...] = ()):
        super().__init__()
        prefix = f"{who} " if who else ""
        self.first = PassphraseField(_sentence(f"{prefix}{first_label.lower()}"))
        self.again = PassphraseField(_sentence(f"{prefix}{first_label.lower()}, again"))
        self.hint = StrengthHint()
        self.first.textChanged.connect(self.hint.update_for)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        # Rows are added in reading order, which is also the Tab order.
        for text, field in leading:
            self._add_row(text, field)
        self._add_row(f"{first_label}:", self.first)
        self.form.addRow("", self.hint)
        self._add_row("Type it again:", self.again)

    def _add_row(self, text: str, field: QWidget) -> None:
        self.form.addRow(form_label(text, field), field)

    def passphrase(self) -> str:
        return self.first.text()

    def problem(self) -> str | None:
        """A reason not to submit yet, checked before any slow call is made."""
        if not self.first.text():
            return "Please choose a passphrase."
        strength = passphrase_strength(self.first.text())
        if not strength.acceptable:
            return strength.hint
        if self.first.text() != self.again.text():
            return "The two passphrases don't match. Please type them again."
        return None

    def clear(self) -> None:
        self.first.clear()
        self.again.clear()


class CardText(QLabel):
    """A card's text, shown exactly while it has some: deciding that once, when the card was
    built, hid text set later (a chapter's content note)."""
    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text) and self.parentWidget() is not None)

    def clear(self) -> None:
        self.setText("")


class Card(QFrame):
    """A softly framed group with an optional title."""

    def __init__(self, title: str = "", text: str = ""):
        super().__init__()
        self.setProperty("role", "card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(22, 18, 22, 20)
        self.body.setSpacing(10)
        self.title = plain_label(title, role="subheading")
        self.text = CardText()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.body.addWidget(self.title)
        self.body.addWidget(self.text)
        self.text.setText(text)
        self.title.setVisible(bool(title))
        if title:
            self.setAccessibleName(title)


class Page(QWidget):
    """A scrolling page whose content sits in one centred, readable column (`self.body`)."""

    def __init__(self, width: int = PAGE_WIDTH):
        super().__init__()
        column = QWidget()
        column.setMaximumWidth(width)
        self.body = QVBoxLayout(column)
        self.body.setContentsMargins(32, 32, 32, 32)
        self.body.setSpacing(16)
        self._holder = holder = QWidget()  # the scroll area's widget, for good
        centre = QHBoxLayout(holder)
        centre.setContentsMargins(0, 0, 0, 0)
        centre.addStretch(1)
        centre.addWidget(column, 100)  # grows to its maximum width, then the sides take over
        centre.addStretch(1)
        self._scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, which scroll
        scroll.setWidget(holder)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def content(self) -> QWidget:
        """The scrolled content: it paints when the page shows (Qt skips what it covers)."""
        return self._holder

    def finish(self) -> None:
        self.body.addStretch(1)

    def clear(self) -> None:
        """Forget everything typed here (on lock, and after a flow completes)."""
        for edit in self.findChildren(QLineEdit):
            edit.clear()
        for field in self.findChildren(PassphraseField):
            field.clear()
        for message in self.findChildren(InlineMessage):
            message.clear()
