"""Print & export: choose what goes into a session packet, see its pages, then save a PDF
(optionally with a password) or print those same pages. Blank worksheets have a dialog.

What may be chosen comes from `PacketService`: only partners who are here, and their private
answers only when ticked one by one. The "questions to bring" box is never stored: it lives in
this screen until the PDF is made and is wiped on lock.

Preview: a moment after each change the worker lays the exact PDF out in memory and renders
its pages small (pdf_pages.py); the strip shows them and the count, with a text outline.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
)

from workbook.accounts import WorkbookService
from workbook.changes import Change
from workbook.content.model import Content
from workbook.packet import (
    ANSWERS,
    CONVERSATIONS,
    GRATITUDE,
    INITIALS,
    MILESTONES,
    NAMES,
    NO_NAMES,
    NOTES,
    QUESTIONS,
    TRENDS,
    PacketRequest,
    PacketService,
    outline,
)
from workbook.ui.common.date_field import DateField
from workbook.ui.common.focus_order import highlight_first_on_focus
from workbook.ui.common.prompts import Prompts
from workbook.ui.common.wheel_guard import wheel_only_when_focused
from workbook.ui.common.widgets import (
    Card,
    InlineMessage,
    Page,
    button_row,
    discard_widget,
    plain_label,
    primary_button,
)
from workbook.ui.export.export_actions import NOT_ENCRYPTED, SavingAndPrinting
from workbook.ui.export.export_jobs import PdfJob, pdf_pool
from workbook.ui.export.page_strip import PageStrip

INTRO = ("Make a tidy packet to bring to a session. Only partners who are here can be "
         "included, and private answers only when you tick them one by one.")
SECTION_LABELS = ((ANSWERS, "Answers"), (MILESTONES, "Milestones and the ladder"),
                  (TRENDS, "Check-in trends (as a chart)"), (GRATITUDE, "A few gratitude notes"),
                  (CONVERSATIONS, "Conversations we had (Together)"),
                  (QUESTIONS, "Questions to bring"),
                  (NOTES, "Lined space for the therapist's notes"))
NAME_CHOICES = (("No names in the header", NO_NAMES), ("Initials", INITIALS),
                ("First names", NAMES))
_KEY = Qt.ItemDataRole.UserRole


class ExportPage(SavingAndPrinting, Page):
    follows = Change.ENTRIES | Change.WHO  # the outline counts what is in the packet

    def __init__(self, service: WorkbookService, content: Content, prompts: Prompts,
                 today=dt.date.today):
        super().__init__()
        self.key = "export"
        self.setAccessibleName("Print & export")
        self._service, self._content, self.prompts, self._today = service, content, prompts, today
        self.packets = PacketService(service, content, today)
        self.pool = pdf_pool()
        self._jobs: set[PdfJob] = set()
        self._generation = 0
        self._timer = QTimer(self, singleShot=True, interval=400)
        self._timer.timeout.connect(self.update_preview)
        self._build()

    # -- building the screen --------------------------------------------------------------------
    def _build(self) -> None:
        self.body.addWidget(plain_label("Print & export", role="heading"))
        self.body.addWidget(plain_label(INTRO))
        self.blank_button = QPushButton("Print blank worksheets…")
        self.blank_button.clicked.connect(self.open_blank_sheets)
        self.body.addLayout(button_row(self.blank_button, align_left=True))
        self.partners_row = QHBoxLayout()
        self.partner_boxes: dict[str, QCheckBox] = {}
        self.body.addWidget(plain_label("Whose pages", role="subheading"))
        self.body.addLayout(self.partners_row)
        self.body.addWidget(plain_label("Chapters", role="subheading"))
        self.chapters = self._check_list("Chapters to include", 150)
        for chapter in self._content.chapters:
            self._add_item(self.chapters, f"{chapter.number}. {chapter.title}", chapter.id, True)
        self.body.addWidget(self.chapters)
        self._build_sections()
        self.body.addWidget(plain_label("Private answers", role="subheading"))
        self.body.addWidget(plain_label("Left out unless you tick them here, one by one.",
                                        role="muted"))
        self.private = self._check_list("Private answers to include", 120)
        self.body.addWidget(self.private)
        self._build_options()
        self._build_output()
        self.finish()

    def _build_sections(self) -> None:
        self.body.addWidget(plain_label("What to include", role="subheading"))
        self.sections: dict[str, QCheckBox] = {}
        for key, label in SECTION_LABELS:
            box = QCheckBox(label)
            box.setChecked(key not in (QUESTIONS, CONVERSATIONS))
            box.toggled.connect(self.schedule_preview)
            self.sections[key] = box
            self.body.addWidget(box)
        self.questions = QPlainTextEdit()
        self.questions.setAccessibleName("Questions to bring")
        self.questions.setPlaceholderText("Questions to bring to the session. Not saved in the "
                                          "workbook: they go only into this PDF.")
        self.questions.setMaximumHeight(90)
        self.questions.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.questions.textChanged.connect(self._questions_typed)
        self.body.addWidget(self.questions)

    def _build_options(self) -> None:
        form = QFormLayout()
        # The app's one date field (ui/common/date_field.py): typed or picked, and empty means
        # no limit on that side. "All dates" sets both aside without forgetting them.
        self.date_from = DateField("From date")
        self.date_to = DateField("To date")
        for field, empty in ((self.date_from, "From the beginning"),
                             (self.date_to, "Up to the latest")):
            field.edit.setPlaceholderText(empty)  # what an empty field means here
            field.date_changed.connect(self.schedule_preview)
        self._dates_set = False
        self.all_dates = QCheckBox("All dates")
        self.all_dates.toggled.connect(self._dates_toggled)
        form.addRow("From", self.date_from)  # one above the other: side by side, two date
        form.addRow("To", self.date_to)      # fields are wider than an 800 px window's page
        form.addRow("", self.all_dates)
        self.names = wheel_only_when_focused(QComboBox())
        self.names.setAccessibleName("Names in the header")
        for label, value in NAME_CHOICES:
            self.names.addItem(label, value)
        self.page_size = wheel_only_when_focused(QComboBox())
        self.page_size.addItems(["A4", "Letter"])
        self.page_size.setAccessibleName("Paper size")
        for combo in (self.names, self.page_size):
            combo.currentIndexChanged.connect(self.schedule_preview)
        form.addRow("Names", self.names)
        form.addRow("Paper", self.page_size)
        self.body.addLayout(form)
        self.body.addWidget(plain_label("Dates choose check-ins, milestones and gratitude notes; "
                                        "answers are printed as they stand today.",
                                        role="muted"))

    def _build_output(self) -> None:
        self.warning = Card("PDFs are not encrypted", NOT_ENCRYPTED)
        self.body.addWidget(self.warning)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Optional PDF password")
        self.password.setPlaceholderText("Optional password for the PDF (a few words)")
        self.password.textChanged.connect(self._password_changed)
        self.body.addWidget(self.password)
        self.page_count = plain_label(role="lead")
        self.page_count.setAccessibleDescription("Page count")  # read by what it shows
        self.pages = PageStrip()
        self.preview = QPlainTextEdit(readOnly=True)
        self.preview.setAccessibleName("Outline of the PDF")
        self.preview.setMaximumHeight(110)
        self.preview.setTabChangesFocus(True)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Saving the PDF")
        self.progress.hide()
        self.message = InlineMessage()
        self.print_button = QPushButton("Print…")
        self.save_button = primary_button("Save PDF…")
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_packet)
        for widget in (self.page_count, self.pages, self.preview, self.progress, self.message):
            self.body.addWidget(widget)
        self.body.addLayout(button_row(self.print_button, self.save_button))

    def _check_list(self, name: str, height: int) -> QListWidget:
        widget = highlight_first_on_focus(QListWidget())  # the first Tab in shows an item
        widget.setAccessibleName(name)
        widget.setMaximumHeight(height)
        widget.setWordWrap(True)  # long questions wrap instead of scrolling sideways
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.itemChanged.connect(self._item_changed)
        return widget

    @staticmethod
    def _add_item(widget: QListWidget, text: str, data, checked: bool) -> None:
        item = QListWidgetItem(text)  # list items show plain text: names are never markup
        item.setData(_KEY, data)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        widget.addItem(item)

    # -- state ----------------------------------------------------------------------------------
    def refresh(self, changes: Change = Change.EVERYTHING) -> None:
        """When the page is shown after who is here, or what it could print, changed."""
        chosen = {pid for pid, box in self.partner_boxes.items() if box.isChecked()}
        for box in self.partner_boxes.values():
            discard_widget(box)
        self.partner_boxes.clear()
        for partner in self.packets.choosable_partners():
            box = QCheckBox(partner.name)
            box.setChecked(not chosen or partner.id in chosen)
            box.toggled.connect(self._partners_changed)
            self.partner_boxes[partner.id] = box
            self.partners_row.addWidget(box)
        if not self._dates_set:  # the last three months, until the person says otherwise
            self.date_to.set_value(self._today())
            self.date_from.set_value(self._today() - dt.timedelta(days=91))
            self._dates_set = True
        self._fill_private()
        self.update_preview()

    def _fill_private(self) -> None:
        ticked = set(self._checked(self.private))
        self.private.blockSignals(True)
        self.private.clear()
        titles = {c.id: c for c in self._content.chapters}
        for choice in self.packets.answer_choices(self._partner_ids(), self._chapter_ids()):
            if not choice.private:
                continue
            chapter = titles[choice.key.chapter_id]
            prompt = chapter.worksheet(choice.key.worksheet_id).field(choice.key.field_id).prompt
            data = (choice.owner_id, choice.key)
            self._add_item(self.private, f"{choice.owner_name} · {chapter.number}. {prompt}",
                           data, data in ticked)
        self.private.blockSignals(False)

    def _partner_ids(self) -> tuple[str, ...]:
        return tuple(pid for pid, box in self.partner_boxes.items() if box.isChecked())

    def _chapter_ids(self) -> tuple[str, ...]:
        return tuple(self._checked(self.chapters))

    @staticmethod
    def _checked(widget: QListWidget) -> list:
        return [widget.item(i).data(_KEY) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    def request(self) -> PacketRequest:
        dates = not self.all_dates.isChecked()
        return PacketRequest(
            partner_ids=self._partner_ids(), chapter_ids=self._chapter_ids(),
            date_from=self.date_from.value() if dates else None,
            date_to=self.date_to.value() if dates else None,
            sections=frozenset(k for k, box in self.sections.items() if box.isChecked()),
            private_keys=frozenset(self._checked(self.private)),
            questions=self.questions.toPlainText(), names=self.names.currentData())

    # -- reacting -----------------------------------------------------------------------------
    def _partners_changed(self) -> None:
        self._fill_private()
        self.schedule_preview()

    def _item_changed(self, item: QListWidgetItem) -> None:
        if item.listWidget() is self.chapters:
            self._fill_private()
        self.schedule_preview()

    def _questions_typed(self) -> None:
        if self.questions.toPlainText().strip():
            self.sections[QUESTIONS].setChecked(True)
        self.schedule_preview()

    def _dates_toggled(self, everything: bool) -> None:
        self.date_from.setEnabled(not everything)
        self.date_to.setEnabled(not everything)
        self.schedule_preview()

    def schedule_preview(self, *_) -> None:
        self.page_count.setText("Counting pages…")
        self._timer.start()

    def gather(self):
        """The packet, read from the vault here on the UI thread; None when nothing fits."""
        if not self._service.is_unlocked or self._not_ready() is not None:
            return None
        return self.packets.gather(self.request())

    def _not_ready(self) -> str | None:
        """Why there is no packet to show yet, in words."""
        if not self._partner_ids():
            return "Choose at least one partner who is here."
        request = self.request()
        if request.date_from and request.date_to and request.date_from > request.date_to:
            return "The From date is after the To date. Choose dates in order, or All dates."
        return None

    def update_preview(self) -> None:
        packet = self.gather()
        self.save_button.setEnabled(packet is not None)
        self.print_button.setEnabled(packet is not None)
        if packet is None:
            self.preview.setPlainText(self._not_ready() or "")
            self.page_count.setText("")
            return
        self.preview.setPlainText(outline(packet))
        self._generation += 1
        generation = self._generation
        job = PdfJob(packet, self.page_size.currentText())
        job.signals.previewed.connect(lambda images: self._previewed(generation, images))
        job.signals.done.connect(lambda pages: self._counted(generation, pages))
        job.signals.failed.connect(lambda text: self._counted(generation, None))
        self._start(job)

    def _previewed(self, generation: int, images) -> None:
        if generation == self._generation:
            self.pages.show_pages(images)

    def _counted(self, generation: int, pages: int | None) -> None:
        if generation != self._generation:
            return  # an older choice finished late; a newer count is on its way
        self.page_count.setText(f"{pages} page{'s' if pages != 1 else ''}, including the cover"
                                if pages else "The page count is not available.")

    def _start(self, job: PdfJob) -> None:
        self._jobs.add(job)
        for signal in (job.signals.done, job.signals.failed):
            signal.connect(lambda *_: self._jobs.discard(job))
        self.pool.start(job)

    def clear(self) -> None:
        """On lock: forget the questions, the private list and the outline."""
        super().clear()
        self._timer.stop()
        self._generation += 1
        self.questions.clear()
        self.private.clear()
        self.preview.clear()
        self.pages.clear()
        self.page_count.clear()
        for box in self.partner_boxes.values():
            discard_widget(box)
        self.partner_boxes.clear()
