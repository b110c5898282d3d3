"""Shows freshly made recovery codes, one partner at a time, exactly once. Continuing needs a tick
in "I have written down my recovery code"; afterwards the code is wiped from the screen."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QPushButton

from workbook.ui.common.prompts import Prompts
from workbook.ui.common.widgets import Card, Page, button_row, plain_label, primary_button

PDF_WARNING = ("The sheet is saved as a PDF, and PDF files are not encrypted: anyone who opens it "
               "can read your recovery code. Print it, then delete the file (and empty the "
               "bin). Save it where nobody else looks, such as a USB stick you keep.")
ADVICE = ("Print it or write it down, and keep it somewhere only you can reach. If you ever forget "
          "your passphrase, this code is the only way back into your private space. It will not "
          "be shown again, though you can make a new one later in Settings.")


@dataclass(frozen=True)
class CodeToShow:
    name: str
    code: str

    def __repr__(self) -> str:
        return "CodeToShow(<hidden>)"


class RecoveryCodePage(Page):
    finished = Signal()

    def __init__(self, prompts: Prompts) -> None:
        super().__init__()
        self.prompts = prompts
        self.setAccessibleName("Recovery code")
        self._codes: list[CodeToShow] = []
        self._index = 0
        self.title = plain_label(role="heading")
        self.look_away = plain_label(role="muted")
        self.code = plain_label(role="code", selectable=True)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setAccessibleName("Recovery code")
        self.written = QCheckBox("I have written down my recovery code")
        self.continue_button = primary_button("Continue")
        self.continue_button.setEnabled(False)
        self.written.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._next)
        self.sheet_button = QPushButton("Save a printable sheet (PDF)…")
        self.sheet_button.setAccessibleDescription("Saves a one-page PDF with this recovery code "
                                                   "and instructions, to print")
        self.sheet_button.clicked.connect(self._save_sheet)
        self._layout()

    def _layout(self) -> None:
        self.body.addSpacing(16)
        self.body.addWidget(self.title)
        self.body.addWidget(self.look_away)
        self.body.addWidget(self.code)
        self.body.addWidget(Card("", ADVICE))
        self.body.addLayout(button_row(self.sheet_button, align_left=True))
        self.body.addWidget(self.written)
        self.body.addLayout(button_row(self.continue_button))
        self.finish()
        self.setFocusProxy(self.written)

    def show_codes(self, codes: list[CodeToShow]) -> None:
        self._codes = list(codes)
        self._index = 0
        self._show_current()

    def _show_current(self) -> None:
        current = self._codes[self._index]
        self.title.setText(f"{current.name}, this is your recovery code")
        others = [c.name for i, c in enumerate(self._codes) if i != self._index]
        self.look_away.setText(f"It is meant for {current.name} alone; {others[0]} might look "
                               "away for a moment." if others else "")
        self.look_away.setVisible(bool(others))
        self.code.setText(current.code)
        self.written.setChecked(False)
        last = self._index == len(self._codes) - 1
        self.continue_button.setText("Continue" if last else "Next partner's code")
        self.written.setFocus()

    def _next(self) -> None:
        if not self.written.isChecked():
            return
        self._index += 1
        if self._index < len(self._codes):
            self._show_current()
        else:
            self.clear()
            self.finished.emit()

    def _save_sheet(self) -> None:
        """A printable page with the code alone; the PDF exception is stated before saving."""
        if not self.prompts.confirm(self, "Save a printable sheet", PDF_WARNING,
                                    yes="Choose where to save", no="Cancel"):
            return
        target = self.prompts.save_file(self, "Save recovery sheet",
                                        Path.home() / "recovery-sheet.pdf", "PDF files (*.pdf)")
        if target is None:
            return
        # reportlab (and the export package) load only when a PDF is made
        from workbook.export import ExportError, build_recovery_sheet
        try:
            build_recovery_sheet(target, self.current_code)
        except (ExportError, ValueError) as error:
            self.prompts.error(self, "The sheet was not saved", str(error))
            return
        self.prompts.info(self, "Sheet saved", "Saved. Print it, keep the paper somewhere "
                          "private, then delete the PDF file.")

    def clear(self) -> None:
        super().clear()
        self._codes = []
        self._index = 0
        self.code.clear()
        self.title.clear()
        self.look_away.clear()
        self.written.setChecked(False)

    @property
    def current_code(self) -> str:
        return self.code.text()
