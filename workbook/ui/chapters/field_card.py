"""One worksheet question for one partner: the prompt, its editor (autosaved), sharing, and what
the other partner has shared.

Sharing is an act and can be undone. A partner's shared answer stays folded away ("answered —
share yours to see it") until you share yours, so each answer is your own; "Look anyway" opens it
at once, because this is a courtesy and not a lock, and the page says so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout

from workbook.answers import AnswerKey, AnswerService
from workbook.content.model import Field
from workbook.field_kinds import InvalidValue, kind_of
from workbook.partners import PartnerInfo
from workbook.text import InvalidText
from workbook.ui.chapters.autosave import Autosaver
from workbook.ui.chapters.editors import editor_for
from workbook.ui.common.widgets import (
    InlineMessage,
    attempt,
    link_button,
    plain_button,
    plain_label,
)

COURTESY = ("Waiting until you have answered too is a courtesy, not a lock: {name} chose to "
            "share this, and you may read it whenever you like.")


class PartnerAnswer(QFrame):
    """The other partner's shared answer, folded away until you share yours or look anyway."""

    def __init__(self, field: Field, partner: PartnerInfo):
        super().__init__()
        self.field = field
        self.partner = partner
        self.setProperty("role", "partner-answer")
        self.status = plain_label(role="muted")
        self.look_button = link_button("Look anyway", f"Look at {partner.name}'s answer anyway")
        self.look_button.clicked.connect(self.look_anyway)
        self.value_label = plain_label(selectable=True)
        self.courtesy = plain_label(COURTESY.format(name=partner.name), role="muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.look_button)
        layout.addLayout(row)
        layout.addWidget(self.value_label)
        layout.addWidget(self.courtesy)
        self._text: str | None = None
        self._looked = False

    def update_for(self, shared_text: str | None, mine_shared: bool) -> None:
        self._text = shared_text
        self.setVisible(shared_text is not None)
        if shared_text is None:
            return
        open_ = mine_shared or self._looked
        name = self.partner.name
        self.status.setText(f"{name}'s answer:" if open_
                            else f"{name} answered — share yours to see it.")
        self.look_button.setVisible(not open_)
        self.value_label.setVisible(open_)
        self.courtesy.setVisible(self._looked and not mine_shared)
        self.value_label.setText(self._describe(shared_text) if open_ else "")

    def look_anyway(self) -> None:
        self._looked = True
        self.update_for(self._text, False)

    def _describe(self, text: str) -> str:
        kind = kind_of(self.field)
        try:
            return kind.describe(self.field, kind.decode(self.field, text))
        except InvalidValue:
            return text  # an answer from another version of the content: show it as written

    def clear(self) -> None:
        self._looked = False
        self.value_label.clear()


class FieldCard(QFrame):
    def __init__(self, field: Field, key: AnswerKey, partner_id: str, answers: AnswerService,
                 autosaver: Autosaver, other: PartnerInfo | None):
        super().__init__()
        self.setProperty("role", "field")
        self.field, self.key, self.partner_id = field, key, partner_id
        self.kind = kind_of(field)
        self._answers, self._autosaver = answers, autosaver
        self.prompt = plain_label(field.prompt, role="lead")
        self.help = plain_label(field.help, role="muted")
        self.editor = editor_for(field)
        self.editor.changed.connect(self._edited)
        self.share_status = plain_label(role="muted")
        self.share_button = plain_button("Share")
        self.share_button.clicked.connect(self.toggle_share)
        self.message = InlineMessage()
        self.partner = PartnerAnswer(field, other) if other else None
        self._other_name = other.name if other else "your partner"
        self._build()
        autosaver.saved.connect(self._on_saved)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 14)
        layout.setSpacing(8)
        for widget in (self.prompt, self.help, self.editor):
            layout.addWidget(widget)
        self.help.setVisible(bool(self.field.help))  # once parented: no stray window
        row = QHBoxLayout()
        row.addWidget(self.share_status, 1)
        row.addWidget(self.share_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        layout.addWidget(self.message)
        if self.partner:
            layout.addWidget(self.partner)

    # -- loading and saving ---------------------------------------------------------------------
    def load(self, value: Any, shared: dict[tuple[str, AnswerKey], str]) -> None:
        """Show a decoded answer (AnswerService.chapter_values) and what is shared."""
        self.editor.set_value(value)
        self._shared = shared
        self._refresh_sharing()

    def _edited(self) -> None:
        value = self.editor.value()
        try:
            self.kind.validate(self.field, value)  # at once, here; the service encodes it
        except InvalidText as error:  # a value that does not fit, or a character that cannot
            self.message.show_error(str(error))  # be stored: said calmly, and nothing is saved
            return
        self.message.clear()
        self._autosaver.queue(self.partner_id, self.key, self.field, value)
        self._refresh_sharing()

    def _on_saved(self, partner_id: str, key: AnswerKey) -> None:
        if partner_id == self.partner_id and key == self.key:
            self._refresh_sharing()

    # -- sharing ---------------------------------------------------------------------------------
    @property
    def is_shared(self) -> bool:
        return (self.partner_id, self.key) in self._shared

    def toggle_share(self) -> None:
        self._autosaver.flush()  # share what is on screen, not what was saved a moment ago
        action = self._answers.unshare if self.is_shared else self._answers.share
        ok, _ = attempt(self.message.show_error, lambda: action(self.partner_id, self.key))
        if ok:
            self._shared = self._answers.shared_in_chapter(self.key.chapter_id)
        self._refresh_sharing()

    def _refresh_sharing(self) -> None:
        answered = self.kind.is_answered(self.field, self.editor.value())
        name = self._other_name
        if self.is_shared:
            self.share_status.setText(f"Shared with {name}. You can stop sharing at any time.")
            self.share_button.setText("Stop sharing")
        else:
            self.share_status.setText("Private: only you can see this." if answered else
                                      "Private until you choose to share it.")
            self.share_button.setText(f"Share with {name}")
        self.share_button.setAccessibleName(f"{self.share_button.text()}: {self.field.prompt}")
        self.share_button.setEnabled(self.is_shared or answered)
        if self.partner:
            other = self.partner.partner.id
            self.partner.update_for(self._shared.get((other, self.key)), self.is_shared)
