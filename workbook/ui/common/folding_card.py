"""A card whose small form unfolds on request: joining a session, inviting a partner."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from workbook.ui.common.widgets import Card, InlineMessage, button_row, plain_button


class FoldingFormCard(Card):
    """A card whose small form stays folded behind one button until someone asks for it.
    "Not now" folds it again and forgets what was typed. Subclasses fill `form_layout`, name the
    field that takes focus, and clear their own fields in `clear_form`."""

    def __init__(self, title: str, text: str, open_label: str, cancel_description: str):
        super().__init__(title, text)
        self.open_button = plain_button(open_label)
        self.open_button.clicked.connect(self.open_form)
        self.body.addLayout(button_row(self.open_button, align_left=True))
        self.form = QWidget()
        self.form_layout = QVBoxLayout(self.form)
        self.form_layout.setContentsMargins(0, 4, 0, 0)
        self.message = InlineMessage()
        self.cancel_button = plain_button("Not now", cancel_description)
        self.cancel_button.clicked.connect(self.cancel)
        self.body.addWidget(self.form)
        self.form.hide()

    def first_field(self) -> QWidget:
        raise NotImplementedError

    def clear_form(self) -> None:
        self.message.clear()

    def open_form(self) -> None:
        self.open_button.hide()
        self.form.show()
        self.first_field().setFocus()

    def close_form(self) -> None:
        self.clear_form()
        self.form.hide()
        self.open_button.show()

    def cancel(self) -> None:
        self.close_form()
        self.open_button.setFocus()
