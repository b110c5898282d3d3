"""One chapter: an optional gentle content note first (with "Not today"), then the reading and
the worksheets for the partner who is answering. When both partners are here, either can answer,
and both can choose to see their answers side by side."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workbook.answers import AnswerKey, AnswerService
from workbook.content.model import Chapter
from workbook.session import PartnerInfo
from workbook.ui.chapters.autosave import SAVED, Autosaver
from workbook.ui.chapters.field_card import FieldCard
from workbook.ui.chapters.side_by_side import SideBySideView
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

SIDE_BY_SIDE_NOTE = ("You are both here, so you can look at everything you have each written in "
                     "this chapter, private answers included. Only do this if you both want to.")


class ContentNote(Card):
    """The note a sensitive chapter opens with, and a real way out."""

    def __init__(self) -> None:
        super().__init__("Before you begin")
        self.not_today = plain_button("Not today", "Not today: back to the chapter list")
        self.continue_button = primary_button("Continue")
        self.body.addLayout(button_row(self.not_today, self.continue_button))


class ChapterReader(Page):
    back = Signal()

    def __init__(self, answers: AnswerService, autosaver: Autosaver):
        super().__init__()
        self.setAccessibleName("Chapter")
        self._answers, self._autosaver = answers, autosaver
        self.chapter: Chapter | None = None
        self.partners: list[PartnerInfo] = []
        self.answering: str | None = None
        self.cards: list[FieldCard] = []
        self._waiting_worksheet = ""
        self._build()

    def _build(self) -> None:
        self.back_button = link_button("← All chapters", "Back to all chapters")
        self.back_button.clicked.connect(self.back)
        self.save_state = plain_label(role="muted")
        self.save_state.setAccessibleName("Save state")
        self._autosaver.state_changed.connect(self.save_state.setText)
        # A refused write (disk full, read-only) is said in words; the text stays in its editor
        # and the next save retries it. The message goes once a save succeeds.
        self.save_message = InlineMessage()
        self._autosaver.on_error = self.save_message.show_error
        self._autosaver.state_changed.connect(
            lambda state: state == SAVED and self.save_message.clear())
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.save_state)
        self.title = plain_label(role="heading")
        self.summary = plain_label(role="muted")
        self.note = ContentNote()
        self.note.not_today.clicked.connect(self.back)
        self.note.continue_button.clicked.connect(self.continue_past_note)
        self.content = QWidget()
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(0, 0, 0, 0)
        self.content_layout.setSpacing(14)
        self.body.addLayout(top)
        self.body.addWidget(self.save_message)
        for widget in (self.title, self.summary, self.note, self.content):
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
            self.note.text.setText(chapter.content_note.strip().replace("\n", " "))
            self.note.show()
            self.content.hide()
        else:
            self.continue_past_note()

    def continue_past_note(self) -> None:
        self.note.hide()
        self._build_content()
        self.content.show()
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
        present = [p for p in self.partners if p.unlocked]
        if len(present) > 1:
            self.content_layout.addWidget(self._together_bar(present))
        for paragraph in self.chapter.paragraphs:
            self.content_layout.addWidget(plain_label(paragraph))
        self.side_by_side = SideBySideView()
        self.side_by_side.hide()
        self.worksheets = QWidget()
        layout = QVBoxLayout(self.worksheets)
        layout.setContentsMargins(0, 8, 0, 0)
        self.content_layout.addWidget(self.worksheets)
        self.content_layout.addWidget(self.side_by_side)
        self._build_worksheets(layout)
        for index in range(self.content_layout.count() - 1):  # all but the side-by-side view
            # Shown now rather than from the event loop, so the page is whole when it returns.
            self.content_layout.itemAt(index).widget().show()

    def _together_bar(self, present: list[PartnerInfo]) -> QWidget:
        bar = Card("Answering as")
        self.partner_group = QButtonGroup(bar)
        row = QHBoxLayout()
        for partner in present:
            button = QRadioButton(partner.name)
            button.setChecked(partner.id == self.answering)
            button.toggled.connect(lambda on, pid=partner.id: on and self.answer_as(pid))
            self.partner_group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.side_button = plain_button("Show side by side")
        self.side_button.setCheckable(True)
        self.side_button.toggled.connect(self.show_side_by_side)
        row.addWidget(self.side_button)
        bar.body.addLayout(row)
        bar.body.addWidget(plain_label(SIDE_BY_SIDE_NOTE, role="muted"))
        return bar

    def _build_worksheets(self, layout: QVBoxLayout) -> None:
        self.cards = []
        chapter = self.chapter
        stored = self._answers.chapter_answers(self.answering, chapter.id)
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
                card.load(stored.get(key), shared)
                layout.addWidget(card)
                self.cards.append(card)

    # -- together ------------------------------------------------------------------------------
    def answer_as(self, partner_id: str) -> None:
        if partner_id == self.answering:
            return
        self._autosaver.flush()
        self.answering = partner_id
        self._answers.set_bookmark(partner_id, self.chapter.id)
        self._build_content()

    def show_side_by_side(self, on: bool) -> None:
        self._autosaver.flush()
        if on:
            present = [p for p in self.partners if p.unlocked]
            stored = {p.id: self._answers.chapter_answers(p.id, self.chapter.id) for p in present}
            self.side_by_side.show_chapter(self.chapter, present, stored)
        else:
            self.side_by_side.clear()
        self.side_button.setText("Back to answering" if on else "Show side by side")
        self.worksheets.setVisible(not on)
        self.side_by_side.setVisible(on)

    def show_worksheet(self, worksheet_id: str) -> None:
        """Bring a worksheet's first question into view (a search result leads here). While a
        chapter's content note shows, the note comes first and nothing is skipped."""
        if self.note.isVisibleTo(self):
            self._waiting_worksheet = worksheet_id
            return
        card = next((c for c in self.cards if c.key.worksheet_id == worksheet_id), None)
        if card is not None:
            scroll = self.findChild(QScrollArea)
            scroll.widget().layout().activate()  # the cards were just built: place them first
            scroll.ensureWidgetVisible(card, 0, 40)

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
        self.note.text.clear()

    def _clear_content(self) -> None:
        self.cards = []
        clear_layout(self.content_layout)
