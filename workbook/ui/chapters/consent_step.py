"""Asking before side by side: each partner who is here decides, with their own box, whether
their private answers are included this time. Answers they shared are shown either way; a
partner who does not agree is shown with what they shared only, and nothing on screen says why.
Agreement is never remembered: it is asked again every time side by side is opened."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox

from workbook.partners import PartnerInfo
from workbook.ui.common.widgets import Card, button_row, plain_button, primary_button

CHOICE = ("Side by side is a choice, each time. It shows what you have each written in this "
          "chapter next to each other. Each of you decides for yourself whether your private "
          "answers are included; answers you have shared are shown either way. Saying no is "
          "fine, and nobody has to give a reason.")


def agree_text(name: str) -> str:
    return f"{name}: I agree to show my private answers this time"


class ConsentStep(Card):
    """The question, one box per partner present, and the way on or back."""

    confirmed = Signal(object)  # frozenset of the ids of partners who agreed
    cancelled = Signal()

    def __init__(self, present: list[PartnerInfo]):
        super().__init__("Look at your answers side by side?", CHOICE)
        self.setAccessibleDescription(CHOICE)
        self.boxes: dict[str, QCheckBox] = {}
        for partner in present:
            box = QCheckBox(agree_text(partner.name))
            self.boxes[partner.id] = box
            self.body.addWidget(box)
        self.not_now = plain_button("Not now", "Not now: keep answering")
        self.show_button = primary_button("Show side by side")
        self.show_button.setAccessibleDescription(
            "Private answers appear only for those who agreed above")
        self.not_now.clicked.connect(self.cancel)
        self.show_button.clicked.connect(self._confirm)
        self.body.addLayout(button_row(self.not_now, self.show_button))

    def ask(self) -> None:
        """Start fresh: nobody has agreed yet."""
        self._reset()
        self.show()
        next(iter(self.boxes.values())).setFocus()

    def agreed(self) -> frozenset[str]:
        return frozenset(pid for pid, box in self.boxes.items() if box.isChecked())

    def _confirm(self) -> None:
        agreed = self.agreed()
        self._reset()  # the answer is used once, then forgotten
        self.hide()
        self.confirmed.emit(agreed)

    def cancel(self) -> None:
        self._reset()
        self.hide()
        self.cancelled.emit()

    def _reset(self) -> None:
        for box in self.boxes.values():
            box.setChecked(False)
