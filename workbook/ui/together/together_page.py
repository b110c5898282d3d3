"""The Together section: three guided conversations for two people at one screen, open only
when both partners have joined the session. The menu lists conversations that are waiting to be
carried on and the ones both of you chose to keep; a conversation fills the whole page."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from workbook.accounts import WorkbookService
from workbook.changes import Change
from workbook.content.model import Content
from workbook.together.script import Script
from workbook.together.service import REPAIR, TURNS, WEEKLY, Conversation, Record
from workbook.ui.common.widgets import (
    Card,
    InlineMessage,
    Page,
    attempt,
    button_row,
    clear_layout,
    discard_widget,
    plain_button,
    plain_label,
    primary_button,
)
from workbook.ui.together.flow import ConversationFlow
from workbook.ui.together.repair import RepairFlow
from workbook.ui.together.turns import TurnsFlow
from workbook.ui.together.weekly import WeeklyFlow

RECORDS_SHOWN = 10


class TogetherPage(QWidget):
    follows = Change.TOGETHER | Change.WHO  # conversations waiting and kept; both here?

    def __init__(self, service: WorkbookService, content: Content, script: Script, services):
        """`services` holds together, gratitude, checkins and milestones (tracker_pages.py)."""
        super().__init__()
        self.key = "together"
        self.setAccessibleName("Together")
        self._service, self._content, self.script = service, content, script
        self.together, self.gratitude, self.checkins, self.milestones = services
        self.clock: Callable[[], float] = time.monotonic  # tests set a hand-moved clock
        self.flow: ConversationFlow | None = None
        self.stack = QStackedWidget()
        self.needs_both = self._needs_both_page()
        self.menu = self._menu_page()
        self.stack.addWidget(self.needs_both)
        self.stack.addWidget(self.menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self.tick)

    def _needs_both_page(self) -> Page:
        page = Page()
        page.body.addWidget(plain_label(self.script.title, role="heading"))
        page.body.addWidget(plain_label(self.script.needs_both))
        page.finish()
        return page

    def _menu_page(self) -> Page:
        page = Page()
        page.body.addWidget(plain_label(self.script.title, role="heading"))
        page.body.addWidget(plain_label(self.script.intro))
        self.message = InlineMessage()
        page.body.addWidget(self.message)
        self.start_buttons = {}
        for kind, words, button_text in (
                (TURNS, self.script.turns, "Start taking turns"),
                (WEEKLY, self.script.weekly, "Start the weekly check-in"),
                (REPAIR, self.script.repair, "Start, after a hard moment")):
            card = Card(words.title, words.summary)
            button = primary_button(button_text)
            button.clicked.connect(lambda _=False, k=kind: self.start(k))
            card.body.addLayout(button_row(button, align_left=True))
            self.start_buttons[kind] = button
            page.body.addWidget(card)
        self.waiting = Card("Carry on where you stopped")
        self.kept = Card("Conversations we kept")
        self.kept_rows = QVBoxLayout()
        self.kept.body.addLayout(self.kept_rows)
        self.waiting_rows = QVBoxLayout()
        self.waiting.body.addLayout(self.waiting_rows)
        page.body.addWidget(self.waiting)
        page.body.addWidget(self.kept)
        page.finish()
        return page

    # -- showing ---------------------------------------------------------------------
    def refresh(self, changes: Change = Change.EVERYTHING) -> None:
        if not self._service.is_unlocked:
            return
        if not self.together.both_present():
            self.stack.setCurrentWidget(self.needs_both)
            return
        if self.flow is None:
            self.stack.setCurrentWidget(self.menu)
            self._fill_lists()

    def _titles(self) -> dict[str, str]:
        return {TURNS: self.script.turns.title, WEEKLY: self.script.weekly.title,
                REPAIR: self.script.repair.title}

    def _fill_lists(self) -> None:
        clear_layout(self.waiting_rows)
        clear_layout(self.kept_rows)
        ok, waiting = attempt(self.message.show_error, self.together.unfinished)
        for conversation in waiting or []:
            self.waiting_rows.addWidget(self._waiting_row(conversation))
        self.waiting.setVisible(bool(waiting))
        ok, records = attempt(self.message.show_error,
                              lambda: self.together.records(0, RECORDS_SHOWN))
        for record in records or []:
            self.kept_rows.addWidget(self._record_view(record))
        self.kept.setVisible(bool(records))

    def describe(self, conversation: Conversation) -> str:
        day = conversation.started_on
        parts = [f"{day.day} {day:%B %Y}", self._titles()[conversation.kind]]
        return " · ".join(parts + ([conversation.topic] if conversation.topic else []))

    def _waiting_row(self, conversation: Conversation) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        text = self.describe(conversation)
        line.addWidget(plain_label(text), 1)
        carry_on = plain_button("Carry on", f"Carry on: {text}")
        let_go = plain_button("Let it go", f"Let it go: {text}")
        carry_on.clicked.connect(lambda: self.resume(conversation))
        let_go.clicked.connect(lambda: self._let_go(conversation))
        line.addWidget(carry_on)
        line.addWidget(let_go)
        return row

    def _record_view(self, record: Record) -> QWidget:
        view = QWidget()
        lines = QVBoxLayout(view)
        lines.setContentsMargins(0, 0, 0, 8)
        lines.addWidget(plain_label(self.describe(record.conversation), role="lead"))
        names = {p.id: p.name for p in self._service.partners()}
        for shared in record.lines:
            who = names.get(shared.partner_id, "Together") if shared.partner_id else "Together"
            lines.addWidget(plain_label(f"{who}: {shared.text}", selectable=True))
        if not record.lines:
            lines.addWidget(plain_label("No lines were shared.", role="muted"))
        return view

    # -- conversations ---------------------------------------------------------------
    def _new_flow(self, kind: str) -> ConversationFlow:
        partners = self._service.present_partners()[:2]
        if kind == TURNS:
            return TurnsFlow(self.together, self.script, partners, self.clock, self._content)
        if kind == WEEKLY:
            return WeeklyFlow(self.together, self.script, partners, self.clock, self.gratitude,
                              self.checkins, self.milestones)
        return RepairFlow(self.together, self.script, partners, self.clock)

    def start(self, kind: str) -> ConversationFlow | None:
        if not self.together.both_present():
            self.refresh()
            return None
        flow = self._show_flow(self._new_flow(kind))
        if kind == WEEKLY:  # no topic to choose: it begins at once
            flow.begin()
            flow.go(0)
        return flow

    def resume(self, conversation: Conversation) -> ConversationFlow:
        flow = self._show_flow(self._new_flow(conversation.kind))
        flow.resume(conversation)
        return flow

    def _show_flow(self, flow: ConversationFlow) -> ConversationFlow:
        self.message.clear()
        self.flow = flow
        flow.closed.connect(self._flow_closed)
        self.stack.addWidget(flow)
        self.stack.setCurrentWidget(flow)
        self.ticker.start()
        first = flow.steps.currentWidget()
        if first is not None:
            first.setFocus()
            first.focusNextChild()
        return flow

    def _flow_closed(self, message: str) -> None:
        self._drop_flow()
        self.refresh()
        if message:
            self.message.show_success(message)
        self.start_buttons[TURNS].setFocus()

    def _let_go(self, conversation: Conversation) -> None:
        if attempt(self.message.show_error, lambda: self.together.let_go(conversation.id))[0]:
            self.refresh()
            self.message.show_success("That conversation has been let go. Your own notes from "
                                      "it stay in your own space.")

    def _drop_flow(self) -> None:
        self.ticker.stop()
        if self.flow is not None:
            self.stack.removeWidget(self.flow)
            discard_widget(self.flow)
            self.flow = None

    def tick(self) -> None:
        if self.flow is not None:
            self.flow.tick()

    # -- the shell's hooks -------------------------------------------------------------
    def open_day(self, _day) -> None:
        """A search result: show the menu with its kept conversations."""
        self.refresh()
        if self.stack.currentWidget() is self.menu and self.kept.isVisible():
            self.menu._scroll.ensureWidgetVisible(self.kept)

    def flush(self) -> None:
        if self.flow is not None and self._service.is_unlocked:
            self.flow.flush()

    def clear(self) -> None:
        """Locked: forget every line on screen; the conversation waits in the vault."""
        self._drop_flow()
        clear_layout(self.waiting_rows)
        clear_layout(self.kept_rows)
        self.message.clear()
        self.stack.setCurrentWidget(self.needs_both)
