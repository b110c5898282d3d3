"""Take turns: one of you talks, the other listens and reflects back, then you swap (Space).

Steps: choose a topic, who starts and the turn length; the talking itself, in large type with a
quiet timer; and one private line each at the end, shared only if its writer ticks the box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit

from workbook.content.model import Content
from workbook.together.service import BOTH_ANSWERED, SHARED, SUGGESTED, TURNS, Topic
from workbook.together.timer import DEFAULT_MINUTES, MINUTE_CHOICES, TurnTimer
from workbook.ui.common.wheel_guard import wheel_only_when_focused
from workbook.ui.common.widgets import (
    Card,
    Page,
    attempt,
    button_row,
    form_label,
    plain_button,
    plain_label,
    primary_button,
)
from workbook.ui.together.flow import ConversationFlow
from workbook.ui.together.parts import (
    PROMPT_POINTS,
    TIMER_POINTS,
    KeepRecordCard,
    TurnPage,
    big_label,
    gentle_bar,
)

SOURCES = ((BOTH_ANSWERED, "A worksheet you have both answered"),
           (SHARED, "An answer one of you shared"), (SUGGESTED, "A suggested topic"),
           ("own", "In your own words"))
TALK, END = 1, 2


def _combo(name: str) -> QComboBox:
    combo = wheel_only_when_focused(QComboBox())
    combo.setAccessibleName(name)
    # A long question as a topic must not widen the page past a small screen.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    return combo


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def timer_choices(combo: QComboBox) -> None:
    for minutes in MINUTE_CHOICES:
        combo.addItem(f"{minutes} minutes", minutes)
    combo.addItem("No timer", None)
    combo.setCurrentIndex(MINUTE_CHOICES.index(DEFAULT_MINUTES))


class TopicStep(Page):
    def __init__(self, intro: str, topics: list[Topic], names: list[str]):
        super().__init__()
        self.topics = topics
        self.source = _combo("Where the topic comes from")
        for key, words in SOURCES:
            if key == "own" or any(t.source == key for t in topics):
                self.source.addItem(words, key)
        self.topic = _combo("Topic")
        self.own = QLineEdit()
        self.own.setAccessibleName("Your topic, in your own words")
        self.own.setPlaceholderText("What would you like to talk about?")
        self.first = _combo("Who talks first")
        self.first.addItems(names)
        self.minutes = _combo("Length of each turn")
        timer_choices(self.minutes)
        self.begin_button = primary_button("Begin")
        self.back_button = plain_button("Back", "Back to Together")
        form = QFormLayout()
        for text, widget in (("Where from:", self.source), ("Topic:", self.topic),
                             ("Your words:", self.own), ("Who talks first:", self.first),
                             ("Each turn:", self.minutes)):
            form.addRow(form_label(text, widget), widget)
        self.form = form
        self.body.addWidget(plain_label(intro))
        self.body.addLayout(form)
        self.body.addLayout(button_row(self.back_button, self.begin_button))
        self.finish()
        self.source.currentIndexChanged.connect(lambda _: self._fill())
        self._fill()

    def _fill(self) -> None:
        key = self.source.currentData()
        self.topic.clear()
        for topic in self.topics:
            if topic.source == key:
                self.topic.addItem(topic.title)
        self.form.setRowVisible(self.topic, key != "own")
        self.form.setRowVisible(self.own, key == "own")

    def chosen_topic(self) -> str:
        return self.own.text() if self.source.currentData() == "own" else self.topic.currentText()


class TalkStep(TurnPage):
    def __init__(self, speaker_hints: tuple[str, ...], listener_prompts: tuple[str, ...]):
        super().__init__()
        self.turn = plain_label(role="muted")
        self.speaker = big_label()
        self.listener = big_label(points=22)
        self.speaker_hint = plain_label(" ".join(speaker_hints))
        self.speaker_hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.listener_card = Card()
        self.prompts = [big_label(p, PROMPT_POINTS, bold=False) for p in listener_prompts]
        self.for_listener = plain_label(role="lead")
        self.listener_card.body.addWidget(self.for_listener)
        for prompt in self.prompts:
            self.listener_card.body.addWidget(prompt)
        self.time_left = big_label("", TIMER_POINTS, bold=False)
        self.time_left.setAccessibleName("Time left in this turn")
        self.bar = gentle_bar("Turn time left")
        self.minutes = _combo("Length of each turn")
        timer_choices(self.minutes)
        self.swap_button = primary_button("Swap turns", "Swap turns")
        self.swap_button.setAccessibleDescription("Space")
        self.swap_button.setToolTip("Swap turns (Space)")
        self.done_button = plain_button("We have finished talking")
        for widget in (self.turn, self.speaker, self.listener, self.speaker_hint,
                       self.listener_card, self.time_left, self.bar):
            self.body.addWidget(widget)
        length = button_row(form_label("Each turn:", self.minutes), self.minutes)
        self.body.addLayout(length)  # its own row: all in one is too wide at 800 x 600
        self.body.addLayout(button_row(self.done_button, self.swap_button))
        self.finish()


class EndStep(Page):
    def __init__(self, intro: str):
        super().__init__()
        self.body.addWidget(plain_label(intro))
        self.finish_button = primary_button("Finish")


class TurnsFlow(ConversationFlow):
    def __init__(self, together, script, partners, clock, content: Content):
        super().__init__(TURNS, script.turns.title, together, script, partners, clock)
        words = script.turns
        ok, topics = attempt(self.message.show_error, lambda: together.topics(content, script))
        self.choose = TopicStep(words.intro, topics or [], [p.name for p in partners])
        self.talk = TalkStep(words.speaker_prompts, words.listener_prompts)
        self.end = self._end_step()
        for step in (self.choose, self.talk, self.end):
            self.add_step(step)
        self.timer = TurnTimer(DEFAULT_MINUTES, clock)
        self.speaking = 0
        self.turn_number = 1
        self.choose.begin_button.clicked.connect(self._begin)
        self.choose.back_button.clicked.connect(self.stop_for_today)
        self.talk.swap_button.clicked.connect(self.swap)
        self.talk.done_button.clicked.connect(lambda: self.go(END))
        self.talk.minutes.currentIndexChanged.connect(self._set_minutes)
        self.break_started.connect(self.timer.pause)
        self.break_ended.connect(self.timer.resume)
        self.show_step(0)

    def _end_step(self) -> EndStep:
        step = EndStep(self.script.turns.end_intro)
        first, second = self.script.turns.end_prompts
        prompt = f"one line, {_lower_first(first)} or {_lower_first(second)}"
        for partner in self.partners:
            step.body.addWidget(self.line(partner, prompt, "line"))
        self.keep = KeepRecordCard(self.partners)
        step.body.addWidget(self.keep)
        step.body.addLayout(button_row(step.finish_button))
        step.finish()
        step.finish_button.clicked.connect(lambda: self.finish(self.keep))
        return step

    def _begin(self) -> None:
        topic = self.choose.chosen_topic()
        if not topic.strip():
            self.message.show_error("Please choose a topic, or write one in your own words.")
            return
        if self.begin(topic):
            self.speaking = self.choose.first.currentIndex()
            self.talk.minutes.setCurrentIndex(self.choose.minutes.currentIndex())
            self.go(TALK)

    def go(self, step: int) -> None:
        super().go(step)
        if step == TALK:
            self.timer.start_turn()
            self._show_roles()

    def _set_minutes(self, _index: int) -> None:
        self.timer.set_minutes(self.talk.minutes.currentData())
        self.tick()

    def swap(self) -> None:
        self.speaking = 1 - self.speaking
        self.turn_number += 1
        self.timer.start_turn()
        self._show_roles()

    def _show_roles(self) -> None:
        speaker = self.partners[self.speaking]
        listener = self.other(speaker)
        words = self.script.turns
        self.talk.turn.setText(f"Turn {self.turn_number}")
        self.talk.speaker.setText(f"{speaker.name} {words.speaker}")
        self.talk.listener.setText(f"{listener.name} {words.listener}")
        self.talk.for_listener.setText(f"For {listener.name}, when {speaker.name} pauses:")
        self.talk.setAccessibleName(f"{speaker.name} {words.speaker}, "
                                    f"{listener.name} {words.listener}")
        self.tick()

    def tick(self) -> None:
        super().tick()
        self.talk.time_left.setText(self.timer.text())
        self.talk.bar.setVisible(self.timer.minutes is not None)
        self.talk.bar.setValue(int(self.timer.fraction_left * 1000))

