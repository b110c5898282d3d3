"""The Privacy section of Settings: plain words about what is protected and what is not, and the
choices about locking by itself. The choices are kept by `PrivacyOptions` (UI state only)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout

from workbook.ui.common.privacy import IDLE_CHOICES, QUICK_HIDE_KEYS, PrivacyOptions
from workbook.ui.common.wheel_guard import wheel_only_when_focused
from workbook.ui.common.widgets import Card, plain_label

PROTECTED = (
    "Everything you write is kept encrypted on this computer: your answers, check-ins, "
    "gratitude notes, milestones and even your names. Someone who opens the folder or copies "
    "the files sees nothing readable. Each partner's private answers open only with that "
    "partner's own passphrase or recovery code, so they stay yours until you choose to share.")
NOT_PROTECTED = (
    "Encryption cannot help while the workbook is open: anyone at the computer can read the "
    "screen, so lock it when you step away. It cannot stop spyware or someone who secretly "
    "uses your computer account to watch what you type. Pages you print, and PDF or JSON files "
    "you export, are not encrypted: keep them somewhere private, or shred and delete them when "
    "you are done.")
SEPARATE_ACCOUNTS = (
    "If you can, give each person who uses this computer their own account to sign in with. "
    "That keeps the workbook, and everything else you do, apart from children, relatives and "
    "guests far better than any app can on its own.")
HIDE_TIP = (f"Someone coming? Press {QUICK_HIDE_KEYS} or the Hide button: the workbook locks "
            "and the window hides at once. The window's title only ever says the app's name, or "
            "a plain title in discreet mode.")


def idle_text(minutes: int) -> str:
    if minutes == 0:
        return "Never"
    return f"After {minutes} minute{'s' if minutes != 1 else ''} without use"


class PrivacyCard(Card):
    def __init__(self, options: PrivacyOptions):
        super().__init__("Privacy")
        self._options = options
        for lead, text in (("What is protected", PROTECTED), ("What is not", NOT_PROTECTED),
                           ("Separate accounts help most", SEPARATE_ACCOUNTS),
                           ("Hiding quickly", HIDE_TIP)):
            self.body.addWidget(plain_label(lead, role="lead"))
            self.body.addWidget(plain_label(text))
        self._build_choices()

    def _build_choices(self) -> None:
        self.idle = wheel_only_when_focused(QComboBox())
        self.idle.setAccessibleName("Lock by itself")
        for minutes in IDLE_CHOICES:
            self.idle.addItem(idle_text(minutes), minutes)
        self.idle.setCurrentIndex(IDLE_CHOICES.index(self._options.idle_minutes))
        self.idle.currentIndexChanged.connect(self._idle_chosen)
        row = QHBoxLayout()
        label = plain_label("Lock by itself:")
        label.setWordWrap(False)
        row.addWidget(label)
        row.addWidget(self.idle, 1)
        self.body.addLayout(row)
        self.minimise = QCheckBox("Lock when the window is minimised")
        self.minimise.setAccessibleName("Lock when the window is minimised")
        self.minimise.setChecked(self._options.lock_on_minimise)
        self.minimise.toggled.connect(self._minimise_chosen)
        self.body.addWidget(self.minimise)

    def _idle_chosen(self, index: int) -> None:
        self._options.idle_minutes = self.idle.itemData(index)

    def _minimise_chosen(self, on: bool) -> None:
        self._options.lock_on_minimise = on
