"""Home: a warm greeting for whoever is present, the second partner joining when you sit
together, and inviting a partner when the workbook has only one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from workbook.accounts import WorkbookService
from workbook.answers import AnswerService
from workbook.changes import Change
from workbook.content.model import Content
from workbook.partners import PartnerInfo
from workbook.ui.access.invite import InviteCard
from workbook.ui.access.unlock import clear_error_when_typing, unlock_from_field
from workbook.ui.common.focus_order import tab_in_reading_order
from workbook.ui.common.folding_card import FoldingFormCard
from workbook.ui.common.widgets import (
    Card,
    Page,
    PassphraseField,
    button_row,
    clear_layout,
    link_button,
    plain_button,
    plain_label,
    primary_button,
)

PACE = ("Take your time. There is no right pace here, and going back a step is part of the "
        "work, not a failure.")
TOGETHER = ("You are both here. In any chapter you can take turns answering, and look at "
            "your answers side by side; each of you chooses, every time, whether your private "
            "answers are included. The Together section can guide a conversation: taking turns "
            "to talk, a weekly check-in, or repair after a hard moment.")
GENTLE = ("This workbook is not a substitute for therapy. If something feels too heavy, it is "
          "fine to stop and come back another day, or to bring it to a therapist.")


START_HERE = ("New to the workbook? Begin with the introduction: how it works, how to use it "
              "together, and what it can and cannot do. Support and safety is there whenever "
              "you need it, under Support on the left or with F1.")


class StartHereCard(Card):
    """A pointer to the introduction while nobody present has opened a chapter yet."""

    read = Signal(str)  # a reading page id (ui/support/reading_page.py)

    def __init__(self) -> None:
        super().__init__("Start here", START_HERE)
        self.intro_button = primary_button("Read the introduction")
        self.support_button = link_button("Support and safety", "Open Support and safety")
        self.intro_button.clicked.connect(lambda: self.read.emit("introduction"))
        self.support_button.clicked.connect(lambda: self.read.emit("support"))
        self.body.addLayout(button_row(self.intro_button, self.support_button, align_left=True))


def names_together(partners: list[PartnerInfo]) -> str:
    return " and ".join(p.name for p in partners)


class JoinCard(FoldingFormCard):
    """"Sitting together?": the absent partner types their own passphrase to join."""

    joined = Signal()

    def __init__(self, service: WorkbookService):
        super().__init__("Sitting together?", "", "Join this session",
                         "Not now, close the join form")
        self._service = service
        self.field = PassphraseField("Your partner's passphrase")
        self.join_button = primary_button("Join")
        self.field.returnPressed.connect(self.submit)
        self.join_button.clicked.connect(self.submit)
        clear_error_when_typing(self.message, self.field.edit)
        self.form_layout.addWidget(self.field)
        self.form_layout.addWidget(self.message)
        self.form_layout.addLayout(button_row(self.cancel_button, self.join_button))

    def set_absent(self, absent: PartnerInfo) -> None:
        self.text.setText(f"If {absent.name} is here with you, they can join with their own "
                          "passphrase. Then you can see what you have each chosen to share, "
                          "side by side.")
        self.open_button.setAccessibleDescription(f"{absent.name} types their passphrase")

    def first_field(self) -> QWidget:
        return self.field

    def clear_form(self) -> None:
        super().clear_form()
        self.field.clear()

    def submit(self) -> None:
        if unlock_from_field(self._service, self.field, self.message, self.join_button,
                             "Joining…", self.cancel_button):
            self.close_form()
            self.joined.emit()


class LeftOffCard(Card):
    """Where each present partner left off, with a button to carry on from there."""

    continue_chapter = Signal(str)

    def __init__(self, answers: AnswerService, content: Content):
        super().__init__("Where you left off")
        self._answers, self._content = answers, content
        self.rows = QVBoxLayout()
        self.body.addLayout(self.rows)

    def refresh(self, present: list[PartnerInfo]) -> None:
        self.clear()
        for partner in present:
            chapter = self._chapter_for(partner)
            if chapter is None:
                continue
            label = plain_label(f"{partner.name} was last in chapter {chapter.number}, "
                                f"“{chapter.title}”.")
            button = plain_button("Continue", f"Continue chapter {chapter.number} "
                                  f"where {partner.name} left off")
            button.clicked.connect(lambda _=False, cid=chapter.id: self.continue_chapter.emit(cid))
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(label, 1)
            line.addWidget(button)
            self.rows.addWidget(row)
        self.setVisible(self.rows.count() > 0)

    def _chapter_for(self, partner: PartnerInfo):
        mark = self._answers.bookmark(partner.id)
        try:
            return self._content.chapter(mark[0]) if mark else None
        except KeyError:
            return None  # a chapter that is no longer in the content

    def clear(self) -> None:
        clear_layout(self.rows)
        self.hide()


class HomePage(Page):
    follows = Change.WHO | Change.BOOKMARKS  # the greeting and cards; where each left off
    show_codes = Signal(object)  # list[CodeToShow]
    continue_chapter = Signal(str)
    read = Signal(str)  # the introduction or Support and safety

    def __init__(self, service: WorkbookService, answers: AnswerService, content: Content):
        super().__init__()
        self._service = service
        self.setAccessibleName("Home")
        self.greeting = plain_label(role="heading")
        self.left_off = LeftOffCard(answers, content)
        self.left_off.continue_chapter.connect(self.continue_chapter)
        self.start_here = StartHereCard()
        self.start_here.read.connect(self.read)
        self.join = JoinCard(service)
        self.invite = InviteCard(service)
        self.together = Card("Together", TOGETHER)
        self.invite.added.connect(lambda code: self.show_codes.emit([code]))
        self.body.addWidget(self.greeting)
        self.body.addWidget(plain_label(PACE))
        for card in (self.start_here, self.left_off, self.join, self.invite, self.together):
            self.body.addWidget(card)
        self.body.addWidget(plain_label(GENTLE, role="muted"))
        self.finish()

    def refresh(self, changes: Change = Change.EVERYTHING) -> None:
        if not self._service.is_unlocked:
            return
        if not changes & Change.WHO:  # only where someone is reading moved on
            self._show_left_off(self._service.present_partners())
            return
        partners = self._service.partners()
        present = [p for p in partners if p.unlocked]
        absent = [p for p in partners if not p.unlocked and self._service.can_join(p.id)]
        self.greeting.setText(f"Welcome, {names_together(present)}")
        self.join.setVisible(bool(absent))
        if absent:
            self.join.set_absent(absent[0])
        else:
            self.join.close_form()
        self.invite.setVisible(len(partners) == 1)
        self.together.setVisible(len(present) == 2)
        self._show_left_off(present)

    def _show_left_off(self, present: list[PartnerInfo]) -> None:
        self.left_off.refresh(present)
        self.start_here.setVisible(self.left_off.rows.count() == 0)
        # "Continue" buttons are made after the cards below them: Tab follows the page instead.
        tab_in_reading_order(self.left_off, self.join, self.invite)

    def clear(self) -> None:
        """Locking: no name and nothing typed stays on Home, and both forms close."""
        super().clear()
        self.greeting.clear()
        self.join.text.clear()  # it named the absent partner
        self.join.open_button.setAccessibleDescription("")
        self.join.close_form()
        self.invite.close_form()
        self.left_off.clear()
