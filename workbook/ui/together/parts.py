"""Pieces every Together conversation uses: large calm type, the frame with "I need a break",
the break itself, a partner's private line with its share box, and the keep-a-record question."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workbook.partners import PartnerInfo
from workbook.together.script import PauseText
from workbook.together.service import Line
from workbook.together.timer import TurnTimer
from workbook.ui.common.widgets import (
    Card,
    Page,
    button_row,
    plain_button,
    plain_label,
    primary_button,
)

ROLE_POINTS = 30  # "Alex is talking": about 40 px high, readable from a sofa
PROMPT_POINTS = 18
TIMER_POINTS = 15
BREAK_MINUTES = 20


def big_label(text: str = "", points: int = ROLE_POINTS, bold: bool = True) -> QLabel:
    """Large type for reading at arm's length (no stylesheet role sets a font size here)."""
    label = plain_label(text)
    font = QFont(label.font())
    font.setPointSize(points)
    font.setWeight(QFont.Weight.DemiBold if bold else QFont.Weight.Normal)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return label


def gentle_bar(accessible: str) -> QProgressBar:
    """A thin bar that empties slowly; it never changes colour or blinks."""
    bar = QProgressBar()
    bar.setRange(0, 1000)
    bar.setTextVisible(False)
    bar.setAccessibleName(accessible)
    return bar


class TurnPage(Page):
    """A page where Space swaps turns: a key press nothing focused has used (a button takes
    its own Space, a list box opens) comes up to the page, which presses `swap_button`."""

    swap_button: QPushButton

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and self.swap_button.isVisible():
            self.swap_button.click()
            return
        super().keyPressEvent(event)


class BreakScreen(Page):
    """A twenty-minute pause: why it helps, a quiet count, and a way back."""

    back = Signal()
    stop = Signal()

    def __init__(self, words: PauseText, clock: Callable[[], float]):
        super().__init__()
        self.timer = TurnTimer(BREAK_MINUTES, clock)
        self.title = big_label(words.title)
        self.why = big_label(words.why, PROMPT_POINTS, bold=False)
        self.left = big_label("", TIMER_POINTS, bold=False)
        self.left.setAccessibleName("Time left in the break")
        self.bar = gentle_bar("Break time left")
        self.back_button = primary_button(words.back)
        self.stop_button = plain_button("Stop here for today",
                                        "Stop here for today and carry on another time")
        self.back_button.clicked.connect(self.back)
        self.stop_button.clicked.connect(self.stop)
        for widget in (self.title, self.why, self.left, self.bar):
            self.body.addWidget(widget)
        self.body.addWidget(plain_label(words.body))
        self.body.addLayout(button_row(self.stop_button, self.back_button))
        self.finish()

    def begin(self) -> None:
        self.timer.start_turn()
        self.tick()

    def tick(self) -> None:
        remaining = self.timer.remaining or 0
        minutes = int(remaining + 59) // 60
        self.left.setText("Take all the time you need." if remaining <= 0 else
                          f"About {minutes} minute{'s' if minutes != 1 else ''} to go")
        self.bar.setValue(int(self.timer.fraction_left * 1000))


class FlowFrame(QWidget):
    """A conversation's frame: its title and topic, "I need a break" (Esc) at every moment,
    and a stack of steps. Taking a break stops the turn timer until you come back."""

    stopped = Signal()  # "Stop here for today": the conversation waits to be resumed
    break_started = Signal()
    break_ended = Signal()

    def __init__(self, title: str, pause: PauseText, clock: Callable[[], float]):
        super().__init__()
        self.heading = plain_label(title, role="subheading")
        self.topic = plain_label(role="muted")
        self.break_button = plain_button("I need a break", "I need a break")
        self.break_button.setAccessibleDescription("Pauses the conversation. Esc")
        self.break_button.setToolTip("Pause for a while (Esc)")
        self.break_button.clicked.connect(self.take_break)
        self.steps = QStackedWidget()
        self.pause = BreakScreen(pause, clock)
        self.pause.back.connect(self.come_back)
        self.pause.stop.connect(self.stopped)
        self.outer = QStackedWidget()
        self.outer.addWidget(self.steps)
        self.outer.addWidget(self.pause)
        header = QHBoxLayout()
        header.setContentsMargins(24, 12, 24, 0)
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.topic)
        header.addLayout(titles, 1)
        header.addWidget(self.break_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.outer, 1)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.take_break)

    def set_topic(self, topic: str) -> None:
        self.topic.setText(f"About: {topic}" if topic else "")
        self.topic.setVisible(bool(topic))

    def add_step(self, page: QWidget) -> int:
        return self.steps.addWidget(page)

    def show_step(self, index: int) -> None:
        self.steps.setCurrentIndex(index)

    @property
    def on_break(self) -> bool:
        return self.outer.currentWidget() is self.pause

    def take_break(self) -> None:
        if self.on_break:
            return
        self.outer.setCurrentWidget(self.pause)
        self.break_button.hide()
        self.pause.begin()
        self.break_started.emit()
        self.pause.back_button.setFocus()

    def come_back(self) -> None:
        self.outer.setCurrentWidget(self.steps)
        self.break_button.show()
        self.break_ended.emit()
        self.focus_step()

    def focus_step(self) -> None:
        """Put the keyboard on the current step (its main button, where it has one)."""
        page = self.steps.currentWidget()
        main = getattr(page, "swap_button", None)
        if main is not None and main.isVisible():
            main.setFocus()
        elif page is not None:
            page.setFocus()
            page.focusNextChild()


class PartnerLine(QWidget):
    """One partner's line: a prompt with their name, the text, and "share with …" (off by
    default). Used one partner at a time or side by side."""

    changed = Signal()

    def __init__(self, partner: PartnerInfo, other: PartnerInfo, prompt: str, slot: str):
        super().__init__()
        self.partner, self.slot = partner, slot
        self.edit = QLineEdit()
        self.edit.setAccessibleName(f"{partner.name}: {prompt}")
        self.share = QCheckBox(f"Share this with {other.name}")
        self.share.setAccessibleName(f"{partner.name}: share this with {other.name}")
        self.edit.textChanged.connect(lambda _: self.changed.emit())
        self.share.toggled.connect(lambda _: self.changed.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addWidget(plain_label(f"{partner.name}: {prompt}", role="lead"))
        layout.addWidget(self.edit)
        layout.addWidget(self.share)

    def load(self, line: Line | None) -> None:
        for widget in (self.edit, self.share):
            widget.blockSignals(True)
        self.edit.setText(line.text if line else "")
        self.share.setChecked(bool(line and line.shared))
        for widget in (self.edit, self.share):
            widget.blockSignals(False)

    def value(self) -> tuple[str, bool]:
        return self.edit.text(), self.share.isChecked()


class KeepRecordCard(Card):
    """Asked at the end: the record stays in the shared space only if both tick their box."""

    def __init__(self, partners: list[PartnerInfo]):
        super().__init__("Keep a record of this conversation?",
                         "If you both agree, the day, the topic and the lines you chose to share "
                         "are kept, so you can look back on them and bring them to a session. "
                         "Otherwise only your own private lines are kept, each in your own "
                         "space.")
        self.boxes: dict[str, QCheckBox] = {}
        for partner in partners:
            box = QCheckBox(f"{partner.name} would like to keep it")
            box.setAccessibleName(f"{partner.name} would like to keep a record")
            self.boxes[partner.id] = box
            self.body.addWidget(box)

    def agreed(self) -> list[str]:
        return [pid for pid, box in self.boxes.items() if box.isChecked()]
