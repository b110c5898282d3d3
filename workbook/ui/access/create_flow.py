"""Creating the workbook: one or two partners, each with a name and a passphrase. The recovery
codes are shown afterwards by the recovery code page."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QLineEdit, QRadioButton, QVBoxLayout

from workbook.accounts import NewPartner, WorkbookService
from workbook.ui.common.widgets import (
    Card,
    InlineMessage,
    NewPassphraseForm,
    Page,
    attempt,
    busy,
    button_row,
    link_button,
    plain_label,
    primary_button,
)

TITLE = "Create your workbook"
INTRO = ("Each of you gets your own passphrase and your own private space. You can set it up "
         "alone and invite your partner later, or do it together now.")
NO_RECOVERY = ("Please keep your passphrase safe. There is no way back in without your passphrase "
               "or your recovery code. Nobody can reset it for you, because nothing is kept "
               "anywhere else. Right after this step you will each get a recovery code to write "
               "down.")


class PartnerForm(Card):
    """Name and passphrase for one partner."""

    def __init__(self, title: str, who: str):
        super().__init__(title)
        self.name = QLineEdit()
        self.name.setPlaceholderText("A first name or a nickname")
        self.name.setAccessibleName(f"{who} name")
        self.name.setMaxLength(60)
        self.name.setToolTip("Shown only inside the workbook")
        self.passphrase = NewPassphraseForm(who, leading=(("Name:", self.name),))
        self.body.addWidget(self.passphrase)

    def problem(self) -> str | None:
        if not self.name.text().strip():
            return "Please enter a name (a first name or a nickname is enough)."
        return self.passphrase.problem()

    def focus_problem(self) -> None:
        if not self.name.text().strip():
            self.name.setFocus()
        else:
            self.passphrase.first.select_for_retry()

    def new_partner(self) -> NewPartner:
        return NewPartner(self.name.text(), self.passphrase.passphrase())


class CreatePage(Page):
    created = Signal(object)  # list[CreatedPartner]
    back = Signal()

    def __init__(self, service: WorkbookService):
        super().__init__()
        self._service = service
        self.setAccessibleName(TITLE)
        self.body.addWidget(plain_label(TITLE, role="heading"))
        self.body.addWidget(plain_label(INTRO))
        self._add_choice()
        self.first = PartnerForm("You", "Your")
        self.second = PartnerForm("Your partner", "Your partner's")
        self.body.addWidget(self.first)
        self.body.addWidget(self.second)
        self.body.addWidget(plain_label(NO_RECOVERY, role="note"))
        self.message = InlineMessage()
        self.body.addWidget(self.message)
        self._add_buttons()
        self.finish()
        self.set_partner_count(1)
        self.setFocusProxy(self.just_me)

    def _add_choice(self) -> None:
        self.just_me = QRadioButton("Just me for now (my partner can join later)")
        self.both = QRadioButton("Both of us, sitting together")
        self.just_me.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.just_me)
        group.addButton(self.both)
        self.both.toggled.connect(lambda on: self.set_partner_count(2 if on else 1))
        choice = QVBoxLayout()
        choice.setSpacing(6)
        choice.addWidget(plain_label("Who is setting it up?", role="subheading"))
        choice.addWidget(self.just_me)
        choice.addWidget(self.both)
        self.body.addLayout(choice)

    def _add_buttons(self) -> None:
        self.back_button = link_button("Back")
        self.create_button = primary_button("Create workbook")
        self.back_button.clicked.connect(self.back)
        self.create_button.clicked.connect(self.submit)
        self.first.passphrase.again.returnPressed.connect(self.submit)
        self.second.passphrase.again.returnPressed.connect(self.submit)
        self.body.addLayout(button_row(self.back_button, self.create_button))

    def set_partner_count(self, count: int) -> None:
        self.both.setChecked(count == 2)
        self.second.setVisible(count == 2)
        self.first.title.setText("You" if count == 1 else "First partner")

    def forms(self) -> list[PartnerForm]:
        return [self.first, self.second] if self.both.isChecked() else [self.first]

    def submit(self) -> None:
        self.message.clear()
        for form in self.forms():
            problem = form.problem()
            if problem:
                who = f"{form.title.text()}: " if len(self.forms()) > 1 else ""
                self.message.show_error(who + problem)
                form.focus_problem()
                return
        partners = [form.new_partner() for form in self.forms()]
        with busy(self.create_button, "Creating…", self.back_button):
            ok, created = attempt(self.message.show_error, lambda: self._service.create(partners))
        if ok:
            self.clear()
            self.created.emit(created)
