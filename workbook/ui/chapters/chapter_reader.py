"""One chapter: an optional gentle content note first (with "Not today" and a way to Support and
safety), then the reading and the worksheets for the partner who is answering. When both
partners are here, either can answer, and they can look at their answers side by side: each
decides, every time, whether their private answers are included (consent_step.py)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workbook.answers import AnswerKey, AnswerService
from workbook.content.model import Chapter
from workbook.partners import PartnerInfo
from workbook.ui.chapters.autosave import SAVED, Autosaver
from workbook.ui.chapters.consent_step import ConsentStep
from workbook.ui.chapters.field_card import FieldCard
from workbook.ui.chapters.side_by_side import SideBySideView
from workbook.ui.common.focus_order import reveal_on_focus
from workbook.ui.common.widgets import (
    Card,
    InlineMessage,
    Page,
    button_row,
    clear_layout,
    link_button,
    plain_button,
    plain_label,
    primary_button,
)

SIDE_BY_SIDE_NOTE = ("You are both here, so you can look at your answers side by side. It is a "
                     "choice each of you makes for yourself, each time.")


class ContentNote(Card):
    """The note a sensitive chapter opens with, a real way out, and a way to help. The note's
    text is also the card's and Continue's accessible description, so a screen reader reads it
    when focus lands on Continue."""

    def __init__(self) -> None:
        super().__init__("Before you begin")
        self.support_button = link_button("Support and safety", "Open Support and safety")
        self.not_today = plain_button("Not today", "Not today: back to the chapter list")
        self.continue_button = primary_button("Continue")
        row = button_row(self.not_today, self.continue_button)
        row.insertWidget(0, self.support_button)
        self.body.addLayout(row)

    def set_note(self, text: str) -> None:
        self.text.setText(text)
        self.setAccessibleDescription(text)
        self.continue_button.setAccessibleDescription(text)


class ChapterReader(Page):
    back = Signal()
    support_requested = Signal()

    def __init__(self, answers: AnswerService, autosaver: Autosaver):
        super().__init__()
        self.setAccessibleName("Chapter")
        self._answers, self._autosaver = answers, autosaver
        self.chapter: Chapter | None = None
        self.partners: list[PartnerInfo] = []
        self.answering: str | None = None
        self.cards: list[FieldCard] = []
        self.consent: ConsentStep | None = None
        self._waiting_worksheet = ""
        self._build()

    def _build(self) -> None:
        self.back_button = reveal_on_focus(link_button("← All chapters", "Back to all chapters"))
        self.back_button.clicked.connect(self.back)
        self.save_state = plain_label(role="muted")
        self.save_state.setAccessibleDescription("Save state")
        self._autosaver.state_changed.connect(self.save_state.setText)
        # A refused write (disk full, read-only) is said in words; the text stays in its editor
        # and the next save retries it. The message goes once a save succeeds.
        self.save_message = InlineMessage()
        self._autosaver.on_error = self.save_message.show_error
        self._autosaver.state_changed.connect(
            lambda state: self.save_message.clear() if state == SAVED else None)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.save_state)
        self.title = plain_label(role="heading")
        self.summary = plain_label(role="muted")
        self.note = ContentNote()
        self.note.not_today.clicked.connect(self.back)
        self.note.support_button.clicked.connect(self.support_requested)
        self.note.continue_button.clicked.connect(self.continue_past_note)
        self.chapter_area = QWidget()  # not `content`: that is Page's scrolled content
        self.content_layout = QVBoxLayout(self.chapter_area)
        self.content_layout.setContentsMargins(0, 0, 0, 0)
        self.content_layout.setSpacing(14)
        self.body.addLayout(top)
        self.body.addWidget(self.save_message)
        for widget in (self.title, self.summary, self.note, self.chapter_area):
            self.body.addWidget(widget)
        self.finish()

    # -- opening ---------------------------------------------------------------------------------
    def open_chapter(self, chapter: Chapter, partners: list[PartnerInfo]) -> None:
        self.close_chapter()
        self._waiting_worksheet = ""  # where a search result leads, once past a content note
        self.chapter, self.partners = chapter, partners
        present = [p for p in partners if p.unlocked]
        self.answering = present[0].id
        self.title.setText(f"{chapter.number}. {chapter.title}")
        self.summary.setText(chapter.summary)
        self.save_state.setText(self._autosaver.state)
        for partner in present:
            self._answers.set_bookmark(partner.id, chapter.id)
        if chapter.content_note:
            self.note.set_note(" ".join(chapter.content_note.split()))
            self.note.show()
            self.chapter_area.hide()
        else:
            self.continue_past_note()

    def continue_past_note(self) -> None:
        self.note.hide()
        self._build_content()
        self.chapter_area.show()
        self.focus_first()
        waiting, self._waiting_worksheet = self._waiting_worksheet, ""
        if waiting:  # a search result led here: once past the note, go on to its worksheet
            QTimer.singleShot(0, self, lambda: self.show_worksheet(waiting))  # once laid out

    def focus_first(self) -> None:
        """Keyboard focus on "Continue" while the note shows, else on the way back."""
        target = self.note.continue_button if self.note.isVisibleTo(self) else self.back_button
        target.setFocus()

    def _build_content(self) -> None:
        self._clear_content()
        assert self.chapter is not None  # the reader builds only an open chapter
        present = [p for p in self.partners if p.unlocked]
        self.consent = None  # only when partners sit together; every widget lives in the page
        self.side_by_side = SideBySideView()
        if len(present) > 1:
            self.content_layout.addWidget(self._together_bar(present))
            self.consent = ConsentStep(present)  # right under the bar whose button opens it
            self.consent.confirmed.connect(self.show_side_by_side)
            self.consent.cancelled.connect(lambda: self.side_button.setFocus())
            self.content_layout.addWidget(self.consent)
        for paragraph in self.chapter.paragraphs:
            self.content_layout.addWidget(plain_label(paragraph))
        self.worksheets = QWidget()
        layout = QVBoxLayout(self.worksheets)
        layout.setContentsMargins(0, 8, 0, 0)
        self.content_layout.addWidget(self.worksheets)
        self.content_layout.addWidget(self.side_by_side)
        self._build_worksheets(layout)
        for index in range(self.content_layout.count()):
            # Shown now rather than from the event loop, so the page is whole when it returns.
            if (item := self.content_layout.itemAt(index)) and (widget := item.widget()):
                widget.show()
        if self.consent is not None:
            self.consent.hide()
        self.side_by_side.hide()

    def _together_bar(self, present: list[PartnerInfo]) -> QWidget:
        bar = Card("Answering as")
        self.partner_group = QButtonGroup(bar)
        row = QHBoxLayout()
        for partner in present:
            button = QRadioButton(partner.name)
            button.setChecked(partner.id == self.answering)
            button.toggled.connect(lambda on, pid=partner.id: self.answer_as(pid) if on else None)
            self.partner_group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.side_button = plain_button("Side by side…", "Look at your answers side by side")
        self.side_button.clicked.connect(self._side_button_clicked)
        row.addWidget(self.side_button)
        bar.body.addLayout(row)
        bar.body.addWidget(plain_label(SIDE_BY_SIDE_NOTE, role="muted"))
        return bar

    def _build_worksheets(self, layout: QVBoxLayout) -> None:
        self.cards = []
        chapter = self.chapter
        assert chapter is not None and self.answering is not None  # set by open_chapter
        values = self._answers.chapter_values(self.answering, chapter)
        shared = self._answers.shared_in_chapter(chapter.id)
        others = [p for p in self.partners if p.id != self.answering]
        for sheet in chapter.worksheets:
            layout.addWidget(plain_label(sheet.title, role="subheading"))
            if sheet.intro:
                layout.addWidget(plain_label(" ".join(sheet.intro.split()), role="muted"))
            for field in sheet.fields:
                key = AnswerKey(chapter.id, sheet.id, field.id)
                card = FieldCard(field, key, self.answering, self._answers, self._autosaver,
                                 others[0] if others else None)
                card.load(values[key], shared)
                layout.addWidget(card)
                self.cards.append(card)

    # -- together ------------------------------------------------------------------------------
    def answer_as(self, partner_id: str) -> None:
        if partner_id == self.answering:
            return
        self._autosaver.flush()
        self.answering = partner_id
        assert self.chapter is not None  # partners are offered only inside an open chapter
        self._answers.set_bookmark(partner_id, self.chapter.id)
        self._build_content()
        # The radio button that had focus was rebuilt: keep focus there, not on the navigation.
        if (button := self.partner_group.checkedButton()) is not None:
            button.setFocus()

    def _side_button_clicked(self) -> None:
        if self.side_by_side.isVisibleTo(self):
            self.close_side_by_side()
        elif self.consent is None:  # the button is there only with a consent step beside it
            return
        elif self.consent.isVisibleTo(self):
            self.consent.cancel()
        else:
            self._autosaver.flush()
            self.consent.ask()

    def show_side_by_side(self, agreed: frozenset[str]) -> None:
        """Each partner's column: all their answers if they agreed this time, else only what
        they have shared (an unshared answer then looks unanswered, and nothing says why)."""
        self._autosaver.flush()
        assert self.chapter is not None  # consent is asked only inside an open chapter
        present = [p for p in self.partners if p.unlocked]
        shared = self._answers.shared_in_chapter(self.chapter.id)
        stored = {}
        for partner in present:
            if partner.id in agreed:
                stored[partner.id] = self._answers.chapter_answers(partner.id, self.chapter.id)
            else:
                stored[partner.id] = {key: value for (owner, key), value in shared.items()
                                      if owner == partner.id}
        self.side_by_side.show_chapter(self.chapter, present, stored)
        self.side_button.setText("Back to answering")
        self.side_button.setAccessibleName("Back to answering")
        self.worksheets.hide()
        self.side_by_side.show()

    def close_side_by_side(self) -> None:
        self.side_by_side.clear()
        self.side_by_side.hide()
        self.side_button.setText("Side by side…")
        self.side_button.setAccessibleName("Look at your answers side by side")
        self.worksheets.show()

    def show_worksheet(self, worksheet_id: str) -> None:
        """Bring a worksheet's first question into view (a search result leads here). While a
        chapter's content note shows, the note comes first and nothing is skipped."""
        if self.note.isVisibleTo(self):
            self._waiting_worksheet = worksheet_id
            return
        card = next((c for c in self.cards if c.key.worksheet_id == worksheet_id), None)
        if card is not None:
            if (layout := self.content().layout()) is not None:
                layout.activate()  # the cards were just built: place them first
            self._scroll.ensureWidgetVisible(card, 0, 40)

    def card(self, worksheet_id: str, field_id: str) -> FieldCard:
        return next(c for c in self.cards
                    if (c.key.worksheet_id, c.key.field_id) == (worksheet_id, field_id))

    # -- closing ---------------------------------------------------------------------------------
    def close_chapter(self) -> None:
        """Save what is pending and forget what is on screen."""
        self._autosaver.flush()
        self._clear_content()
        self.chapter, self.partners, self.answering = None, [], None  # names go with it
        self.title.clear()
        self.summary.clear()
        self.note.set_note("")

    def _clear_content(self) -> None:
        self.cards, self.consent = [], None
        clear_layout(self.content_layout)
