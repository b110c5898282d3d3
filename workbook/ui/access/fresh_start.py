"""Start from an export: a new workbook holding everything in a JSON export (portable_import.py),
for someone moving to a new computer without a backup, or beginning again after leaving. The
importer chooses a name and a new passphrase; the recovery code page follows, as after creating.
What the other partner had shared stays as read-only history under their name."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QEventLoop, Signal
from PySide6.QtWidgets import QApplication

from workbook.accounts import WorkbookService
from workbook.ui.access.create_flow import NO_RECOVERY, PartnerForm
from workbook.ui.common.prompts import Prompts
from workbook.ui.common.widgets import (
    InlineMessage,
    Page,
    attempt,
    busy,
    button_row,
    link_button,
    plain_button,
    plain_label,
    primary_button,
)

TITLE = "Start from an export"
INTRO = ("Choose a file you exported from Couples Workbook (Settings → Your data). A new workbook "
         "is made here with everything in it. You choose a new passphrase; anything your "
         "partner had shared is kept as read-only history under their name.")
JSON_FILTER = "Couples Workbook exports (*.json)"
SECTIONS = (("answers", "answers"), ("checkins", "check-ins"), ("gratitude", "gratitude entries"),
            ("milestones", "milestones"))


class StartFromExportPage(Page):
    created = Signal(object)  # list[CreatedPartner]
    back = Signal()

    def __init__(self, service: WorkbookService, prompts: Prompts):
        super().__init__()
        self._service, self._prompts = service, prompts
        self._data: dict | None = None
        self.setAccessibleName(TITLE)
        self.body.addWidget(plain_label(TITLE, role="heading"))
        self.body.addWidget(plain_label(INTRO))
        self.choose_button = plain_button("Choose the export…")
        self.choose_button.clicked.connect(self.choose)
        self.body.addLayout(button_row(self.choose_button, align_left=True))
        self.summary = plain_label("")
        self.summary.hide()
        self.body.addWidget(self.summary)
        self.form = PartnerForm("You", "Your")
        self.form.hide()
        self.body.addWidget(self.form)
        self.body.addWidget(plain_label(NO_RECOVERY, role="note"))
        self.message = InlineMessage()
        self.body.addWidget(self.message)
        self.back_button = link_button("Back")
        self.start_button = primary_button("Start the workbook")
        self.start_button.setEnabled(False)
        self.back_button.clicked.connect(self.back)
        self.start_button.clicked.connect(self.submit)
        self.form.passphrase.again.returnPressed.connect(self.submit)
        self.body.addLayout(button_row(self.back_button, self.start_button))
        self.finish()
        self.setFocusProxy(self.choose_button)

    def choose(self) -> None:
        self.message.clear()
        source = self._prompts.open_file(self, "Choose an export", JSON_FILTER)
        if source is None:
            return
        from workbook.portable import read_import
        with busy(self.choose_button, "Checking the file…"):
            ok, data = attempt(self.message.show_error, lambda: read_import(source, _content()))
        if not ok or data is None:
            return
        self._data = data
        counts = ", ".join(f"{len(data.get(key, []))} {words}" for key, words in SECTIONS)
        self.summary.setText(f"Checked: {source.name} holds {counts}, and "
                             f"{len(data.get('ladder', {}).get('steps', []))} ladder steps.")
        self.summary.show()
        self.form.name.setText(data["partner"]["name"][:60])
        self.form.show()
        self.start_button.setEnabled(True)
        self.form.passphrase.first.setFocus()

    def submit(self) -> None:
        self.message.clear()
        data = self._data
        if data is None:
            return
        problem = self.form.problem()
        if problem:
            self.message.show_error(problem)
            self.form.focus_problem()
            return
        from workbook.portable import start_from_export
        partner = self.form.new_partner()
        with busy(self.start_button, "Starting…", self.back_button, self.choose_button):
            ok, result = attempt(self.message.show_error, lambda: start_from_export(
                self._service, data, _content(), partner.passphrase, partner.name, paint))
        if ok and result is not None:
            self.clear()
            self.created.emit([result[0]])

    def clear(self) -> None:
        super().clear()  # every field and message
        self._data = None
        self.form.hide()
        self.summary.hide()
        self.start_button.setEnabled(False)


def paint(_done: int = 0, _total: int = 0) -> None:
    """Between the bounded steps of bringing the file in: let the window paint."""
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


@cache
def _content():
    from workbook.content.loader import load_content
    return load_content().content
