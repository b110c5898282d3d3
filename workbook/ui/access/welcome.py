"""The first screen when no workbook exists yet: what this is, where things are kept, and that it
is not therapy. One action: create the workbook."""

from __future__ import annotations

from PySide6.QtCore import Signal

from workbook.ui.access.unlock import reading_links
from workbook.ui.common.widgets import (
    Card,
    Page,
    button_row,
    plain_button,
    plain_label,
    primary_button,
)

INTRO = ("A private place for the two of you to heal and reconnect after rejection, betrayal or "
         "hurt, at your own pace: chapters to read and answer, small milestones, check-ins and "
         "gratitude notes.")
PRIVATE = ("Everything you write stays on this computer, in an encrypted workbook. There is no "
           "account and no cloud, and nothing is ever sent anywhere. Each of you has your own "
           "passphrase and your own private space; you choose what to share.")
NOT_THERAPY = ("This workbook is not therapy and does not replace a therapist. Many couples use "
               "it alongside one, and it can help you prepare for a session.")


class WelcomePage(Page):
    start = Signal()
    read = Signal(str)  # the introduction or Support and safety
    from_export = Signal()  # "Start from an export" (ui/access/fresh_start.py)

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Welcome")
        self.body.addSpacing(24)
        self.body.addWidget(plain_label("Welcome to Couples Workbook", role="heading"))
        self.body.addWidget(plain_label(INTRO))
        self.body.addWidget(Card("Private by design", PRIVATE))
        self.body.addWidget(plain_label(NOT_THERAPY, role="muted"))
        self.create_button = primary_button("Create your workbook")
        self.create_button.setAccessibleDescription(
            "Set up the workbook for one or both partners")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.start)
        self.body.addSpacing(8)
        self.from_export_button = plain_button("Start from an export…")
        self.from_export_button.clicked.connect(self.from_export)
        self.body.addLayout(button_row(self.create_button, self.from_export_button,
                                       align_left=True))
        self.body.addSpacing(8)
        self.support_button, self.about_button = reading_links(self, self.read)
        self.finish()
        self.setFocusProxy(self.create_button)
