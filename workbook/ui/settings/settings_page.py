"""Settings: change a passphrase, make a new recovery code, invite a partner, privacy (what the
encryption does and does not protect, locking by itself), backups, your data (export, import,
spreadsheets), leaving, and about."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton, QVBoxLayout, QWidget

from workbook.accounts import WorkbookService
from workbook.changes import Change
from workbook.errors import NotPresent
from workbook.partners import PartnerInfo
from workbook.ui.access.invite import InviteCard
from workbook.ui.access.recovery_page import CodeToShow
from workbook.ui.access.unlock import clear_error_when_typing
from workbook.ui.common.prompts import Prompts
from workbook.ui.common.widgets import (
    Card,
    InlineMessage,
    NewPassphraseForm,
    Page,
    PassphraseField,
    attempt,
    busy,
    button_row,
    discard_widget,
    plain_button,
    plain_label,
    primary_button,
)

if TYPE_CHECKING:  # imported when the window adds the card
    from workbook.ui.settings.privacy_page import PrivacyCard

NEW_CODE = ("If you have lost the paper with your recovery code, or think someone else has seen "
            "it, make a new one. The old code stops working straight away.")


class PartnerChoice(QWidget):
    """Whose passphrase or recovery code a setting is for, when both partners are here:
    one radio button per present partner (radio text is always plain text)."""

    def __init__(self) -> None:
        super().__init__()
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(18)
        label = plain_label("These settings are for:")
        label.setWordWrap(False)
        self.row.addWidget(label)
        self.row.addStretch(1)
        self.setAccessibleName("Whose settings")
        self.hide()

    def set_partners(self, partners: list[PartnerInfo]) -> None:
        chosen = self.chosen()[0] if self.buttons else None
        for button in self.buttons:
            self.group.removeButton(button)
            discard_widget(button)
        self.buttons = []
        for partner in partners:
            button = QRadioButton(partner.name)
            button.setProperty("partner_id", partner.id)
            button.setChecked(partner.id == chosen)
            self.group.addButton(button)
            self.row.insertWidget(self.row.count() - 1, button)
            button.show()  # at once: a layout only queues showing a widget added while visible
            self.buttons.append(button)
        if self.buttons and self.group.checkedButton() is None:
            self.buttons[0].setChecked(True)
        self.setVisible(len(partners) > 1)

    def chosen(self) -> tuple[str, str]:
        button = self.group.checkedButton()
        if button is None:  # one is always chosen while a partner is present
            raise NotPresent()
        return button.property("partner_id"), button.text()

    def names(self) -> list[str]:
        return [button.text() for button in self.buttons]

    def clear(self) -> None:
        self.set_partners([])


class SettingsPage(Page):
    follows = Change.WHO  # whose passphrase and code; inviting while one of you
    show_codes = Signal(object)  # list[CodeToShow]
    lock_requested = Signal()  # a restore is about to replace the vault

    def __init__(self, service: WorkbookService, prompts: Prompts):
        super().__init__()
        self._service = service
        self._prompts = prompts
        self.setAccessibleName("Settings")
        self.body.addWidget(plain_label("Settings", role="heading"))
        self.who = PartnerChoice()
        self.body.addWidget(self.who)
        self.body.addWidget(self._passphrase_card())
        self.body.addWidget(self._recovery_card())
        from workbook.ui.settings.rotate_card import RotateCard
        self.rotate = RotateCard(service, prompts, self._partner)
        self.rotate.show_codes.connect(self.show_codes)
        self.body.addWidget(self.rotate)
        self.invite = InviteCard(service)
        self.invite.added.connect(lambda code: self.show_codes.emit([code]))
        self.body.addWidget(self.invite)
        self.privacy_slot = QVBoxLayout()  # filled by add_privacy: the window owns the choices
        self.privacy_slot.setSpacing(16)
        self.body.addLayout(self.privacy_slot)
        self.privacy: PrivacyCard | None = None
        from workbook.ui.settings.vault_cards import BackupCard, DeleteCard
        self.backup = BackupCard(service, prompts)
        self.backup.lock_requested.connect(self.lock_requested)
        self.body.addWidget(self.backup)
        from workbook.ui.settings.data_card import DataCard
        self.data = DataCard(service, prompts, self._partner)
        self.body.addWidget(self.data)
        self.delete = DeleteCard(service, prompts, self._partner)
        self.body.addWidget(self.delete)
        from workbook.ui.settings.about_card import AboutCard
        self.about = AboutCard(service.data_dir)
        self.body.addWidget(self.about)
        self.finish()

    def add_privacy(self, options, prompts: Prompts) -> None:
        """The Privacy card, whose choices the main window keeps (PrivacyOptions)."""
        from workbook.ui.settings.privacy_page import PrivacyCard
        self.privacy = PrivacyCard(options)
        self.privacy_slot.addWidget(self.privacy)

    def _passphrase_card(self) -> Card:
        card = Card("Change your passphrase")
        self.old = PassphraseField("Current passphrase")
        self.new = NewPassphraseForm(first_label="New passphrase",
                                     leading=(("Current passphrase:", self.old),))
        self.passphrase_message = InlineMessage()
        self.change_button = primary_button("Change passphrase")
        self.change_button.clicked.connect(self.change_passphrase)
        self.new.again.returnPressed.connect(self.change_passphrase)
        clear_error_when_typing(self.passphrase_message, self.old.edit, self.new.first.edit,
                                self.new.again.edit)
        card.body.addWidget(self.new)
        card.body.addWidget(self.passphrase_message)
        card.body.addLayout(button_row(self.change_button))
        return card

    def _recovery_card(self) -> Card:
        card = Card("Recovery code", NEW_CODE)
        self.code_message = InlineMessage()
        self.new_code_button = plain_button("Make a new recovery code")
        self.new_code_button.clicked.connect(self.make_new_code)
        card.body.addWidget(self.code_message)
        card.body.addLayout(button_row(self.new_code_button, align_left=True))
        return card

    def refresh(self, changes: Change = Change.EVERYTHING) -> None:
        if not self._service.is_unlocked:
            return
        partners = self._service.partners()
        present = [p for p in partners if p.unlocked]
        self.who.set_partners(present)
        self.rotate.refresh(present)
        self.invite.setVisible(len(partners) == 1)

    def clear(self) -> None:
        """Locking: the names in "Whose settings" go, and the invite form closes."""
        super().clear()
        self.invite.close_form()
        self.who.clear()

    def _partner(self) -> tuple[str, str]:
        return self.who.chosen()

    def change_passphrase(self) -> None:
        self.passphrase_message.clear()
        problem = None if self.old.text() else "Please type your current passphrase."
        problem = problem or self.new.problem()
        if problem:
            self.passphrase_message.show_error(problem)
            return
        partner_id, _ = self._partner()
        old, new = self.old.text(), self.new.passphrase()
        with busy(self.change_button, "Changing…", self.old, self.new):
            ok, _ = attempt(self.passphrase_message.show_error,
                            lambda: self._service.change_passphrase(partner_id, old, new))
        self.old.clear()
        if ok:
            self.new.clear()
            self.passphrase_message.show_success(
                "Your passphrase has been changed. Use the new one from now on.")

    def make_new_code(self) -> None:
        self.code_message.clear()
        partner_id, name = self._partner()
        if not self._prompts.confirm(self, "Make a new recovery code?",
                                     f"This makes a new recovery code for {name}. The old code "
                                     "stops working straight away.", yes="Make a new code"):
            return
        with busy(self.new_code_button, "Making a new code…"):
            ok, code = attempt(self.code_message.show_error,
                               lambda: self._service.new_recovery_code(partner_id))
        if ok and code is not None:
            self.show_codes.emit([CodeToShow(name, code)])
