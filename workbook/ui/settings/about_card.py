"""Settings → About: the version, where the workbook is kept, the licence, and every third-party
licence this copy ships with (workbook/notices.py), shown on request in the card itself."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPlainTextEdit

from workbook import APP_NAME, __version__
from workbook.ui.common.widgets import Card, button_row, plain_button, plain_label

PRIVATE = "No account, no cloud, no tracking: nothing leaves this computer."
LICENCE = ("Free software under the GNU General Public License, version 3 or later. It comes "
           "with no warranty. It is built on other free software, listed with their licences "
           "below.")
SHOW, HIDE = "Show the licences", "Hide the licences"


class AboutCard(Card):
    def __init__(self, data_dir: Path):
        super().__init__("About")
        self.version = plain_label(f"{APP_NAME} {__version__}", role="lead")
        self.body.addWidget(self.version)
        self.body.addWidget(plain_label(PRIVATE))
        self.body.addSpacing(2)
        self.body.addWidget(plain_label("Your encrypted workbook is kept in:"))
        self.folder = plain_label(str(data_dir), selectable=True)
        self.folder.setAccessibleDescription("The workbook folder")  # read as it shows
        self.body.addWidget(self.folder)
        self.body.addSpacing(2)
        self.licence = plain_label(LICENCE)
        self.body.addWidget(self.licence)
        self.licences_button = plain_button(SHOW)
        self.licences_button.clicked.connect(self.toggle_licences)
        self.body.addLayout(button_row(self.licences_button, align_left=True))
        self.notices = QPlainTextEdit()
        self.notices.setReadOnly(True)
        self.notices.setAccessibleName("Licences")
        self.notices.setMinimumHeight(320)
        self.notices.hide()
        self.body.addWidget(self.notices)

    def toggle_licences(self) -> None:
        showing = self.notices.isHidden()
        if showing and not self.notices.toPlainText():
            from workbook.notices import notices_text  # reads many files: only when asked
            self.notices.setPlainText(notices_text())
        self.notices.setVisible(showing)
        self.licences_button.setText(HIDE if showing else SHOW)
