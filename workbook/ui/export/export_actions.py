"""Saving and printing for the Print & export screen (export_page.py), as a mixin: the save
dialog's warning follows whether a password is typed, and Print… draws the packet's own PDF
pages onto the printer on the worker thread, so paper, file and screen agree.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from workbook.ui.export.blank_dialog import BlankSheetsDialog
from workbook.ui.export.export_jobs import PdfJob, PrintJob

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QLineEdit, QProgressBar, QPushButton, QWidget

    from workbook.content.model import Content
    from workbook.packet import Packet
    from workbook.ui.common.prompts import Prompts
    from workbook.ui.common.widgets import Card, InlineMessage
    _Host = QWidget  # the mixin always sits on an ExportPage, a widget
else:
    _Host = object

NOT_ENCRYPTED = ("A PDF is not encrypted. Anyone who opens the file can read everything in "
                 "it, and printed pages are not protected either. You can add a password "
                 "below; keep the file somewhere private and delete it after printing.")
WITH_PASSWORD = ("The PDF will be locked with the password you typed (AES-256): it opens "
                 "only with that password. Printed pages are not protected, and a forgotten "
                 "password cannot be recovered; keep the file private and delete it after "
                 "printing.")


class SavingAndPrinting(_Host):
    """Needs: gather(), prompts, password, warning, page_size, message, progress, the two
    buttons, _start(job), _content (the ExportPage provides them)."""

    prompts: Prompts
    password: QLineEdit
    warning: Card
    page_size: QComboBox
    message: InlineMessage
    progress: QProgressBar
    save_button: QPushButton
    print_button: QPushButton
    _content: Content

    if TYPE_CHECKING:
        def gather(self) -> Packet | None: ...
        def _start(self, job: PdfJob) -> None: ...

    # -- saving and printing ------------------------------------------------------------------
    def save(self) -> None:
        packet = self.gather()
        if packet is None:
            return
        if not self.prompts.confirm(self, "Save the PDF", self._warning_text(),
                                    yes="Choose where to save", no="Cancel"):
            return
        target = self.prompts.save_file(self, "Save session packet",
                                        Path.home() / "session-pages.pdf", "PDF files (*.pdf)")
        if target is None:
            return
        job = PdfJob(packet, self.page_size.currentText(), target, self.password.text() or None)
        job.signals.progress.connect(self._progress)
        job.signals.done.connect(lambda pages: self._saved(target, pages))
        job.signals.failed.connect(self._failed)
        self._set_busy(True)
        self._start(job)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _saved(self, target: Path, pages: int) -> None:
        self._set_busy(False)
        self.message.show_success(f"Saved {pages} pages to {target.name}. Keep the file "
                                  "private, and delete it once it is printed.")

    def _failed(self, text: str) -> None:
        self._set_busy(False)
        self.prompts.error(self, "The PDF was not saved", text)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.save_button.setEnabled(not busy)
        self.print_button.setEnabled(not busy)

    def _warning_text(self) -> str:
        return WITH_PASSWORD if self.password.text() else NOT_ENCRYPTED

    def _password_changed(self) -> None:
        locked = bool(self.password.text())
        title = "This PDF will be locked with a password" if locked else "PDFs are not encrypted"
        self.warning.title.setText(title)
        self.warning.setAccessibleName(title)
        self.warning.text.setText(self._warning_text())

    def print_packet(self) -> None:
        """The print dialog, then the packet's own PDF pages drawn onto the printer."""
        packet = self.gather()
        if packet is None:
            return
        from workbook.ui.export.packet_print import choose_printer
        printer = choose_printer(self, self.page_size.currentText())
        if printer is None:
            return
        job = PrintJob(packet, self.page_size.currentText(), printer)
        job.signals.done.connect(lambda pages: self._printed(pages))
        job.signals.failed.connect(self._print_failed)
        self._set_busy(True)
        self._start(job)

    def _print_failed(self, text: str) -> None:
        self._set_busy(False)
        self.prompts.error(self, "The pages were not printed", text)

    def _printed(self, pages: int) -> None:
        self._set_busy(False)
        self.message.show_success(f"Sent {pages} pages to the printer.")

    def open_blank_sheets(self) -> BlankSheetsDialog:
        dialog = BlankSheetsDialog(self, self._content, self.prompts)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

