"""What the three conversations share: a conversation in the service, saving each partner's
lines as they are typed (and on lock), moving between steps, finishing, and stopping to carry on
another day."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout

from workbook.partners import PartnerInfo
from workbook.together.script import Script
from workbook.together.service import Conversation, TogetherService
from workbook.ui.common.widgets import InlineMessage, attempt
from workbook.ui.together.parts import FlowFrame, KeepRecordCard, PartnerLine

SAVE_DELAY_MS = 600
PAUSED = ("Your conversation is paused. It waits on this page under “Carry on where you "
          "stopped”, for whenever you are both ready.")
KEPT = "Thank you for talking. The record of this conversation is kept below."
NOT_KEPT = ("Thank you for talking. No shared record was kept; anything you wrote for yourself "
            "stays in your own space.")


class ConversationFlow(FlowFrame):
    closed = Signal(str)  # back to the Together menu, with a line to show there

    def __init__(self, kind: str, title: str, together: TogetherService, script: Script,
                 partners: list[PartnerInfo], clock: Callable[[], float]):
        super().__init__(title, script.pause, clock)
        self.kind, self.together, self.script = kind, together, script
        self.partners = partners
        self.conversation: Conversation | None = None
        self.lines: list[PartnerLine] = []
        self.together_fields: dict[str, Callable[[], str]] = {}
        self.message = InlineMessage()
        column = self.layout()
        assert isinstance(column, QVBoxLayout)  # FlowFrame's own
        column.insertWidget(1, self.message)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)
        self.stopped.connect(self.stop_for_today)

    def other(self, partner: PartnerInfo) -> PartnerInfo:
        return next(p for p in self.partners if p.id != partner.id)

    def line(self, partner: PartnerInfo, prompt: str, slot: str) -> PartnerLine:
        """A private line that saves itself shortly after typing stops."""
        line = PartnerLine(partner, self.other(partner), prompt, slot)
        line.changed.connect(self._save_timer.start)
        self.lines.append(line)
        return line

    def begin(self, topic: str = "") -> bool:
        ok, conversation = attempt(self.message.show_error,
                                   lambda: self.together.start(self.kind, topic))
        if ok and conversation is not None:
            self.conversation = conversation
            self.set_topic(conversation.topic)
            self.message.clear()
        return ok

    def resume(self, conversation: Conversation) -> None:
        self.conversation = conversation
        self.set_topic(conversation.topic)
        by_partner = {p.id: self.together.notes(conversation.id, p.id) for p in self.partners}
        for line in self.lines:
            line.load(by_partner.get(line.partner.id, {}).get(line.slot))
        self.load_together(self.together.together_lines(conversation.id))
        self.go(conversation.step)

    def load_together(self, lines: dict[str, str]) -> None:
        """Subclasses fill fields written together (the weekly plan)."""

    def go(self, step: int) -> None:
        self.flush()
        self.show_step(step)
        if (conversation := self.conversation) is not None:
            attempt(self.message.show_error,
                    lambda: self.together.set_step(conversation.id, step))
        self.focus_step()

    def flush(self) -> None:
        """Write every line now: on a timer after typing, between steps and before locking."""
        self._save_timer.stop()
        if self.conversation is None or self.conversation.state != "open":
            return
        cid = self.conversation.id
        for line in self.lines:
            text, share = line.value()
            if not attempt(self.message.show_error, partial(
                    self.together.write, cid, line.partner.id, line.slot, text, share))[0]:
                return
        for slot, read in self.together_fields.items():
            attempt(self.message.show_error,
                    partial(self.together.write_together, cid, slot, read()))

    def finish(self, keep: KeepRecordCard) -> None:
        self.flush()
        conversation = self.conversation
        if conversation is None:  # finished already
            return
        ok, kept = attempt(self.message.show_error,
                           lambda: self.together.finish(conversation.id, keep.agreed()))
        if ok:
            self.conversation = None
            self.closed.emit(KEPT if kept else NOT_KEPT)

    def stop_for_today(self) -> None:
        self.flush()
        self.closed.emit(PAUSED if self.conversation is not None else "")

    def tick(self) -> None:
        """Called once a second by the page (tests call it after moving their clock)."""
        if self.on_break:
            self.pause.tick()

