"""The unlock screen (one passphrase field: nothing here says who uses the app) and the
"forgot your passphrase" reset with a recovery code.

When unlocking finds a damaged file and the folder holds an automatic backup, the unlock screen
offers to put the newest one back (backups.py); it asks for a typed word and the passphrase,
restores atomically, and then asks for the passphrase again as usual."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from workbook.errors import DamagedFile
from workbook.ui.common.prompts import Prompts
from workbook.ui.common.widgets import (
    InlineMessage,
    NewPassphraseForm,
    Page,
    PassphraseField,
    attempt,
    busy,
    button_row,
    link_button,
    plain_label,
    primary_button,
)

if TYPE_CHECKING:  # the unlock screen is the first thing shown: it loads only what it draws
    from workbook.accounts import WorkbookService

TOGETHER = ("Each of you has your own passphrase. If you are sitting together, the second of you "
            "can join from the home page once the workbook is open.")
RESET_INTRO = ("Type the recovery code you wrote down (dashes, spaces and capitals don't matter), "
               "then choose a new passphrase. You will get a new recovery code afterwards, "
               "because this one will have been used.")


def reading_links(page: Page, read: SignalInstance) -> tuple[QPushButton, QPushButton]:
    """"Support and safety" and "About this workbook", open to anyone before unlocking: someone
    in distress must not need a passphrase to find help. They emit `read(page id)`."""
    support = link_button("Support and safety", "Open Support and safety")
    support.setAccessibleDescription("Where to find help. No passphrase needed. F1")
    about = link_button("About this workbook", "Open the introduction to the workbook")
    support.clicked.connect(lambda: read.emit("support"))
    about.clicked.connect(lambda: read.emit("introduction"))
    page.body.addLayout(button_row(support, about, align_left=True))
    return support, about


class UnlockPage(Page):
    unlocked = Signal()
    forgot = Signal()
    read = Signal(str)  # the introduction or Support and safety (ui/support/reading_page.py)

    def __init__(self, service: WorkbookService, prompts: Prompts | None = None):
        super().__init__(width=520)
        self._service = service
        self._prompts = prompts or Prompts()
        self.setAccessibleName("Unlock the workbook")
        self.restore_button = link_button("Restore the latest automatic backup")
        self.restore_button.clicked.connect(self.restore_latest)
        self.restore_button.hide()
        self.field = PassphraseField("Passphrase")
        self.message = InlineMessage()
        self.unlock_button = primary_button("Unlock")
        self.forgot_button = link_button("Forgot your passphrase?")
        # Blank worksheets hold nobody's words: a therapist or a couple can print them unlocked.
        self.blank_button = link_button("Print blank worksheets")
        self.blank_button.clicked.connect(self.open_blank_sheets)
        self.field.returnPressed.connect(self.submit)
        self.unlock_button.clicked.connect(self.submit)
        clear_error_when_typing(self.message, self.field.edit)
        self.forgot_button.clicked.connect(self.forgot)
        self._layout()

    def _layout(self) -> None:
        self.body.addSpacing(48)
        self.body.addWidget(plain_label("Welcome back", role="heading"))
        self.body.addWidget(plain_label("Type your passphrase to open the workbook."))
        self.body.addWidget(self.field)
        self.body.addWidget(self.message)
        self.body.addLayout(button_row(self.forgot_button, self.unlock_button))
        self.body.addLayout(button_row(self.restore_button, align_left=True))
        self.body.addSpacing(12)
        self.body.addWidget(plain_label(TOGETHER, role="muted"))
        self.support_button, self.about_button = reading_links(self, self.read)
        self.body.addLayout(button_row(self.blank_button, align_left=True))
        self.finish()
        self.setFocusProxy(self.field)

    def prepare(self) -> None:
        self.clear()
        self.field.setFocus()

    def open_blank_sheets(self):
        """Blank worksheets (chapters, paper, fillable), saved without unlocking anything."""
        from PySide6.QtCore import Qt

        from workbook.content import load_content
        from workbook.ui.export.blank_dialog import BlankSheetsDialog
        dialog = BlankSheetsDialog(self, load_content().content, self._prompts)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def submit(self) -> None:
        self.restore_button.hide()
        if unlock_from_field(self._service, self.field, self.message, self.unlock_button,
                             "Unlocking…", self.forgot_button, on_damaged=self._offer_restore):
            self.clear()
            self.unlocked.emit()

    def _offer_restore(self) -> None:
        from workbook import backups
        self.restore_button.setVisible(
            backups.latest_auto_backup(self._service.data_dir) is not None)

    def restore_latest(self) -> None:
        typed = self._prompts.ask_text(self, "Restore the latest automatic backup?",
                                       "This puts back the newest copy the app made in which "
                                       "your files are intact. Anything written after it was "
                                       "made is lost. Type RESTORE to continue.")
        if (typed or "").strip().upper() != "RESTORE":
            return
        secret = self._prompts.ask_text(self, "Open the backup", "Your passphrase or recovery "
                                        "code:", secret=True)
        if not secret:
            return
        from workbook import backups
        folder = self._service.data_dir
        with busy(self.restore_button, "Restoring…", self.field, self.unlock_button):
            ok, _ = attempt(self.message.show_error,
                            lambda: backups.restore_latest_auto(folder, secret))
        if ok:
            self.restore_button.hide()
            self.field.clear()
            self.message.show_success("The latest automatic backup is back in place. Type your "
                                      "passphrase to open it.")
            self.field.setFocus()


def clear_error_when_typing(message: InlineMessage, *fields: QLineEdit) -> None:
    """An error about what was typed goes as soon as the person types again: left standing, it
    would seem to speak of the new text. (A success note stays until it is read.)"""
    def typed() -> None:
        if message.property("role") == "error":
            message.clear()
    for field in fields:
        field.textEdited.connect(typed)


def unlock_from_field(service: WorkbookService, field: PassphraseField, message: InlineMessage,
                      button, busy_text: str, *also_disabled, on_damaged=None) -> bool:
    """Unlock with what `field` holds; errors appear inline and the field is ready to retry.
    Used by the unlock screen and by a second partner joining from Home."""
    message.clear()
    passphrase = field.text()
    if not passphrase:
        message.show_error("Please type your passphrase.")
        return False

    def run():
        try:
            return service.unlock(passphrase)
        except DamagedFile:
            if on_damaged is not None:
                on_damaged()
            raise

    with busy(button, busy_text, field, *also_disabled):
        ok, _ = attempt(message.show_error, run)
    if not ok:
        field.select_for_retry()
    return ok


class RecoverPage(Page):
    recovered = Signal(object)  # CodeToShow with the new recovery code
    back = Signal()

    def __init__(self, service: WorkbookService):
        super().__init__(width=560)
        self._service = service
        self.setAccessibleName("Reset your passphrase")
        self.code = QLineEdit()
        self.code.setAccessibleName("Recovery code")
        self.code.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.passphrase = NewPassphraseForm(first_label="New passphrase")
        self.message = InlineMessage()
        self.back_button = link_button("Back")
        self.reset_button = primary_button("Reset passphrase")
        self.back_button.clicked.connect(self.back)
        self.reset_button.clicked.connect(self.submit)
        # Return in any of the three fields does what the button does (a problem is said, and
        # focus goes to the field it is about).
        for signal in (self.code.returnPressed, self.passphrase.first.returnPressed,
                       self.passphrase.again.returnPressed):
            signal.connect(self.submit)
        clear_error_when_typing(self.message, self.code, self.passphrase.first.edit,
                                self.passphrase.again.edit)
        self._layout()

    def _layout(self) -> None:
        self.body.addSpacing(24)
        self.body.addWidget(plain_label("Reset your passphrase", role="heading"))
        self.body.addWidget(plain_label(RESET_INTRO))
        self.body.addWidget(plain_label("Recovery code:"))
        self.body.addWidget(self.code)
        self.body.addWidget(self.passphrase)
        self.body.addWidget(self.message)
        self.body.addLayout(button_row(self.back_button, self.reset_button))
        self.finish()
        self.setFocusProxy(self.code)

    def prepare(self) -> None:
        self.clear()
        self.code.setFocus()

    def submit(self) -> None:
        self.message.clear()
        if not self.code.text().strip():
            self._refuse("Please type your recovery code.", self.code)
            return
        problem = self.passphrase.problem()
        if problem:
            self._refuse(problem, self.passphrase.first)
            return
        code, new = self.code.text(), self.passphrase.passphrase()
        with busy(self.reset_button, "Checking…", self.back_button):
            ok, result = attempt(self.message.show_error,
                                 lambda: self._service.recover(code, new))
        if not ok or result is None:
            self.code.setFocus()  # the code is what was refused, or the disk: try again
        else:
            from workbook.ui.access.recovery_page import CodeToShow
            info, new_code = result
            self.clear()
            self.recovered.emit(CodeToShow(info.name, new_code))

    def _refuse(self, problem: str, field: QWidget) -> None:
        self.message.show_error(problem)
        field.setFocus()
