"""Settings card "Someone may know my passphrase": new keys for a partner's private space (and,
when both partners are here and say so, for the shared space), a new passphrase, new recovery
codes. The work is done by workbook/rotation.py; this card asks, explains and shows the codes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox

from workbook.accounts import WorkbookService
from workbook.ui.access.recovery_page import CodeToShow
from workbook.ui.common.prompts import Prompts
from workbook.ui.common.widgets import (
    Card,
    InlineMessage,
    NewPassphraseForm,
    PassphraseField,
    attempt,
    busy,
    button_row,
    plain_button,
    plain_label,
)

ROTATE_TEXT = ("If someone may have learned your passphrase or seen your recovery code, this "
               "re-encrypts your private space under a new key, with a new passphrase and a new "
               "recovery code. The app's own daily backups are changed to match, so the old "
               "passphrase and code open nothing here. Backup files you saved elsewhere are "
               "beyond reach: they still open with what you used before, so delete them or "
               "keep them where only you can reach them.")
SHARED_CHOICE = "Re-encrypt the shared space too"
SHARED_HINT = ("Your partner types their own passphrase for this; they keep it and get a new "
               "recovery code.")


class RotateCard(Card):
    show_codes = Signal(object)  # list[CodeToShow]

    def __init__(self, service: WorkbookService, prompts: Prompts,
                 chosen: Callable[[], tuple[str, str]]):
        super().__init__("Someone may know my passphrase", ROTATE_TEXT)
        self._service, self._prompts, self._chosen = service, prompts, chosen
        self.old = PassphraseField("Current passphrase for new keys")
        self.new = NewPassphraseForm(first_label="New passphrase",
                                     leading=(("Current passphrase:", self.old),))
        self.shared = QCheckBox(SHARED_CHOICE)  # short: a checkbox's text never wraps
        self.shared_hint = plain_label(SHARED_HINT, role="muted")
        self.shared.hide()
        self.shared_hint.hide()
        self.message = InlineMessage()
        self.button = plain_button("Re-encrypt with new keys…")
        self.button.clicked.connect(self.rotate)
        self.body.addWidget(self.new)
        self.body.addWidget(self.shared)
        self.body.addWidget(self.shared_hint)
        self.body.addWidget(self.message)
        self.body.addLayout(button_row(self.button, align_left=True))

    def refresh(self, present: list) -> None:
        self.shared.setVisible(len(present) > 1)
        self.shared_hint.setVisible(len(present) > 1)
        if len(present) < 2:
            self.shared.setChecked(False)

    def rotate(self) -> None:
        self.message.clear()
        problem = None if self.old.text() else "Please type your current passphrase."
        problem = problem or self.new.problem()
        if problem:
            self.message.show_error(problem)
            return
        partner_id, name = self._chosen()
        other_passphrase = None
        if not self.shared.isHidden() and self.shared.isChecked():
            other_passphrase = self._prompts.ask_text(
                self, "Your partner's passphrase", "To re-encrypt the shared space, your partner "
                "types their own passphrase (it stays the same; they get a new recovery code):",
                secret=True)
            if not other_passphrase:
                return
        from workbook.rotation import rotate_keys
        old, new = self.old.text(), self.new.passphrase()
        with busy(self.button, "Re-encrypting…", self.old, self.new, self.shared):
            ok, result = attempt(self.message.show_error, lambda: rotate_keys(
                self._service, partner_id, old, new, other_passphrase))
        self.old.clear()
        if not ok or result is None:
            return
        self.new.clear()
        self.message.show_success("Done: new keys, a new passphrase and new recovery codes. "
                                  "Backup files saved elsewhere still open with the old ones.")
        names = {p.id: p.name for p in self._service.partners()}
        self.show_codes.emit([CodeToShow(names.get(pid, name), code)
                              for pid, code in result.codes.items()])

    def clear(self) -> None:
        self.old.clear()
        self.new.clear()
        self.message.clear()
