"""Adding the second partner from an open session. Their recovery code is shown once afterwards
by the recovery code page."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from workbook.accounts import NewPartner, WorkbookService
from workbook.ui.access.recovery_page import CodeToShow
from workbook.ui.common.folding_card import FoldingFormCard
from workbook.ui.common.widgets import (
    NewPassphraseForm,
    attempt,
    busy,
    button_row,
    plain_label,
    primary_button,
)

INVITE = ("When your partner is ready, they can have their own passphrase and their own private "
          "space here. Nobody has to join before they want to.")
HAND_OVER = ("Hand the keyboard to your partner for this part: they choose their own name and "
             "passphrase. What they keep private stays theirs alone.")


class InviteCard(FoldingFormCard):
    added = Signal(object)  # CodeToShow for the new partner

    def __init__(self, service: WorkbookService):
        super().__init__("Invite your partner", INVITE, "Invite your partner",
                         "Not now, close the invitation form")
        self._service = service
        self.name = QLineEdit()
        self.name.setAccessibleName("Your partner's name")
        self.name.setPlaceholderText("A first name or a nickname")
        self.name.setMaxLength(60)
        self.passphrase = NewPassphraseForm("Your partner's",
                                            leading=(("Their name:", self.name),))
        self.add_button = primary_button("Add your partner")
        self.add_button.clicked.connect(self.submit)
        self.passphrase.again.returnPressed.connect(self.submit)
        for widget in (plain_label(HAND_OVER, role="muted"), self.passphrase, self.message):
            self.form_layout.addWidget(widget)
        self.form_layout.addLayout(button_row(self.cancel_button, self.add_button))

    def first_field(self) -> QWidget:
        return self.name

    def clear_form(self) -> None:
        super().clear_form()
        self.name.clear()
        self.passphrase.clear()

    def submit(self) -> None:
        self.message.clear()
        problem = None if self.name.text().strip() else "Please enter your partner's name."
        problem = problem or self.passphrase.problem()
        if problem:
            self.message.show_error(problem)
            return
        partner = NewPartner(self.name.text(), self.passphrase.passphrase())
        with busy(self.add_button, "Adding…", self.cancel_button):
            ok, created = attempt(self.message.show_error,
                                  lambda: self._service.add_partner(partner))
        if ok and created is not None:
            self.close_form()
            self.added.emit(CodeToShow(created.info.name, created.recovery_code))
