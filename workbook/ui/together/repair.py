"""After a hard moment: a content note with "Not today"; then each partner writes privately,
one at a time (the other looks away); then, taking turns aloud, each describes their own
experience without debating the facts, names one thing they would do differently, and says
what would help now. Nothing is shared unless its writer ticks the box."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from workbook.partners import PartnerInfo
from workbook.together.service import REPAIR
from workbook.ui.common.widgets import Page, button_row, plain_button, plain_label, primary_button
from workbook.ui.together.flow import ConversationFlow
from workbook.ui.together.parts import PROMPT_POINTS, KeepRecordCard, TurnPage, big_label

NOTE, TOGETHER_STEP = 0, 3  # steps 1 and 2 are each partner writing alone


class RepairFlow(ConversationFlow):
    def __init__(self, together, script, partners, clock):
        super().__init__(REPAIR, script.repair.title, together, script, partners, clock)
        self.words = script.repair
        self.add_step(self._note())
        for number, partner in enumerate(partners):
            self.add_step(self._alone(partner, number + 1))
        self.add_step(self._aloud())
        self.add_step(self._end())
        self.speaking = 0
        self.show_step(NOTE)

    def _note(self) -> Page:
        page = Page()
        page.body.addWidget(big_label(self.words.title, 24))
        page.body.addWidget(plain_label(self.words.content_note, role="note"))
        self.about = QLineEdit()
        self.about.setAccessibleName("What it was about, in a few words (optional)")
        self.about.setPlaceholderText("What it was about, in a few words (optional)")
        page.body.addWidget(self.about)
        self.not_today = plain_button("Not today")
        self.begin_button = primary_button("We are ready to begin")
        self.not_today.clicked.connect(lambda: self.closed.emit(""))
        self.begin_button.clicked.connect(self._begin)
        page.body.addLayout(button_row(self.not_today, self.begin_button))
        page.finish()
        return page

    def _begin(self) -> None:
        if self.begin(self.about.text()):
            self.go(1)

    def _alone(self, partner: PartnerInfo, step: int) -> Page:
        page = Page()
        others = self.other(partner)
        page.body.addWidget(big_label(f"{partner.name}, on your own", 24))
        page.body.addWidget(plain_label(self.words.private_intro))
        page.body.addWidget(plain_label(f"{others.name}, this is a moment to look away.",
                                        role="muted"))
        slots = ("felt", "needed", "added")
        for prompt, slot in zip(self.words.private_prompts, slots, strict=True):
            page.body.addWidget(self.line(partner, prompt, slot))
        done = primary_button(f"Done, over to {others.name}" if step < len(self.partners)
                              else "Done, now together")
        done.clicked.connect(lambda: self.go(step + 1))
        page.body.addLayout(button_row(done))
        page.finish()
        return page

    def _aloud(self) -> Page:
        page = TurnPage()
        page.body.addWidget(plain_label(self.words.together_intro))
        self.whose_turn = big_label()
        page.body.addWidget(self.whose_turn)
        for prompt in self.words.together_prompts:
            page.body.addWidget(big_label(prompt, PROMPT_POINTS, bold=False))
        self.swap_button = primary_button("Swap turns")
        self.swap_button.setAccessibleDescription("Space")
        self.swap_button.setToolTip("Swap turns (Space)")
        self.both_spoke = plain_button("We have both spoken")
        self.swap_button.clicked.connect(self.swap)
        self.both_spoke.clicked.connect(lambda: self.go(TOGETHER_STEP + 1))
        page.swap_button = self.swap_button
        page.body.addLayout(button_row(self.both_spoke, self.swap_button))
        page.finish()
        return page

    def _end(self) -> Page:
        page = Page()
        page.body.addWidget(big_label("Thank you both", 24))
        page.body.addWidget(plain_label(
            "Repair takes courage. If something is still raw, it is fine to leave it for today "
            "and come back to it, or to bring it to a therapist."))
        self.keep = KeepRecordCard(self.partners)
        page.body.addWidget(self.keep)
        finish = primary_button("Finish")
        finish.clicked.connect(lambda: self.finish(self.keep))
        page.body.addLayout(button_row(finish))
        page.finish()
        return page

    def go(self, step: int) -> None:
        super().go(step)
        if step == TOGETHER_STEP:
            self._show_turn()

    def swap(self) -> None:
        self.speaking = 1 - self.speaking
        self._show_turn()

    def _show_turn(self) -> None:
        name = self.partners[self.speaking].name
        self.whose_turn.setText(f"{name}'s turn to speak")
