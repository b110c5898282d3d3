"""Settings → "Your data": export everything you may see (JSON, or CSV spreadsheets), and import
such a file with a preview first. The files are not encrypted and the card says so before any is
written. File dialogs go through Prompts, which leave no recently-used history (dialog_state.py).
docs/data-format.md describes the files."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from workbook import portable
from workbook.accounts import WorkbookService
from workbook.ui.common.prompts import Prompts
from workbook.ui.common.widgets import Card, InlineMessage, attempt, busy, button_row, plain_button

DATA_TEXT = ("Everything you can see here is yours to take: your answers, check-ins, gratitude, "
             "milestones and the ladder, and what your partner shared with you. You can bring "
             "such a file back later, or start a new workbook from it on another computer.")
NOT_ENCRYPTED = ("The file is not encrypted. Anyone who can open it can read everything in it, "
                 "including your private answers and notes. Keep it somewhere safe and delete "
                 "it when you no longer need it.")
SHEETS_TEXT = ("This writes three spreadsheets (check-ins, gratitude, milestones) into a new "
               "folder. They are not encrypted: anyone who can open them can read your notes "
               "and entries.")
JSON_FILTER = "Couples Workbook exports (*.json)"
FOLDER_FILTER = "A new folder (*)"


class DataCard(Card):

    def __init__(self, service: WorkbookService, prompts: Prompts,
                 chosen: Callable[[], tuple[str, str]]):
        super().__init__("Your data", DATA_TEXT)
        self._service, self._prompts, self._chosen = service, prompts, chosen
        self.message = InlineMessage()
        self.export_button = plain_button("Export to a file…")
        self.sheets_button = plain_button("Export spreadsheets…")
        self.import_button = plain_button("Import from a file…")
        self.export_button.clicked.connect(self.export_json)
        self.sheets_button.clicked.connect(self.export_sheets)
        self.import_button.clicked.connect(self.import_file)
        self.body.addWidget(self.message)
        self.body.addLayout(button_row(self.export_button, self.sheets_button, align_left=True))
        self.body.addLayout(button_row(self.import_button, align_left=True))  # fits 800 px

    def _buttons(self):
        return self.export_button, self.sheets_button, self.import_button

    def export_json(self) -> None:
        self.message.clear()
        partner_id, name = self._chosen()
        if not self._prompts.confirm(self, "Export to a file?", f"This writes everything {name} "
                                     f"can see to one file. {NOT_ENCRYPTED}", yes="Choose a file"):
            return
        suggested = Path.home() / f"couples-workbook-export-{date.today().isoformat()}.json"
        target = self._prompts.save_file(self, "Export to a file", suggested, JSON_FILTER)
        if target is None:
            return
        with busy(self.export_button, "Exporting…", *self._buttons()[1:]):
            ok, _ = attempt(self.message.show_error, lambda: portable.write_export(
                target, portable.export_data(self._service, partner_id, _content())))
        if ok:
            self.message.show_success(f"Saved {target.name}. It is not encrypted: keep it safe "
                                      "and delete it when you no longer need it.")

    def export_sheets(self) -> None:
        self.message.clear()
        partner_id, _ = self._chosen()
        if not self._prompts.confirm(self, "Export spreadsheets?", SHEETS_TEXT,
                                     yes="Choose a folder"):
            return
        suggested = Path.home() / f"couples-workbook-spreadsheets-{date.today().isoformat()}"
        target = self._prompts.save_file(self, "Name the new folder", suggested, FOLDER_FILTER)
        if target is None:
            return
        from workbook.spreadsheets import write_spreadsheets
        with busy(self.sheets_button, "Exporting…", *self._buttons()):
            ok, _ = attempt(self.message.show_error, lambda: write_spreadsheets(
                target, portable.export_data(self._service, partner_id, _content()), _content()))
        if ok:
            self.message.show_success(f"Saved checkins.csv, gratitude.csv and milestones.csv in "
                                      f"{target.name}. They are not encrypted.")

    def import_file(self) -> None:
        self.message.clear()
        partner_id, _ = self._chosen()
        source = self._prompts.open_file(self, "Choose an export to import", JSON_FILTER)
        if source is None:
            return
        with busy(self.import_button, "Checking the file…", *self._buttons()):
            ok, preview = attempt(self.message.show_error, lambda: self._preview(
                source, partner_id))
        if not ok or preview is None:
            return
        data, plan = preview
        if not plan.changes:
            self.message.show_success("Everything in this file is already here; nothing to "
                                      "change.")
            return
        lines = "\n".join(f"• {line}" for line in plan.lines())
        if not self._prompts.confirm(self, "Import this file?", "Checked. Importing would bring:"
                                     f"\n{lines}", yes="Import"):
            return
        with busy(self.import_button, "Importing…", *self._buttons()):
            ok, done = attempt(self.message.show_error, lambda: self._import(data, partner_id))
        if ok and done is not None:
            self.message.show_success(f"Imported: {done.changes} entries added or updated.")

    def _preview(self, source: Path, partner_id: str):
        data = portable.read_import(source, _content())
        return data, portable.preview_import(self._service, partner_id, data, _content())

    def _import(self, data, partner_id: str) -> portable.ImportPreview:
        return portable.import_data(self._service, partner_id, data, _content(), paint)


def paint(_done: int = 0, _total: int = 0) -> None:
    """Between the bounded steps of a long import: let the window paint (no input meanwhile)."""
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


@cache
def _content():
    from workbook.content.loader import load_content
    return load_content().content
