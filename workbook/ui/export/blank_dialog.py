"""Blank worksheets to print and fill in by hand: choose chapters, paper and whether the PDF
can also be filled in on screen, then save it. They hold nobody's words, so nothing here
touches the vault, and the dialog works the same before anyone has unlocked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbook.content.model import Content
from workbook.ui.common.prompts import Prompts
from workbook.ui.common.widgets import InlineMessage, button_row, plain_label, primary_button
from workbook.ui.export.export_jobs import BlankJob, pdf_pool

INTRO = ("Empty worksheets to fill in by hand, for a session or to share with a therapist. "
         "Each worksheet starts on its own page with a line for a name and the date.")
_KEY = Qt.ItemDataRole.UserRole


class BlankSheetsDialog(QDialog):
    def __init__(self, parent: QWidget | None, content: Content, prompts: Prompts):
        super().__init__(parent)
        self.setWindowTitle("Blank worksheets")
        self.setAccessibleName("Blank worksheets")
        self.setObjectName("blank-sheets")
        self.prompts = prompts
        self.pool = pdf_pool()
        self._job: BlankJob | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label("Blank worksheets", role="heading"))
        layout.addWidget(plain_label(INTRO))
        self.chapters = QListWidget()
        self.chapters.setAccessibleName("Chapters to print")
        for chapter in content.chapters:
            if not chapter.worksheets:
                continue
            item = QListWidgetItem(f"{chapter.number}. {chapter.title}")
            item.setData(_KEY, chapter.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.chapters.addItem(item)
        self.chapters.itemChanged.connect(self._chosen_changed)
        layout.addWidget(self.chapters)
        form = QFormLayout()
        self.page_size = QComboBox()
        self.page_size.addItems(["A4", "Letter"])
        self.page_size.setAccessibleName("Paper size")
        form.addRow("Paper", self.page_size)
        layout.addLayout(form)
        self.fillable = QCheckBox("Can also be filled in on screen, in a PDF viewer")
        layout.addWidget(self.fillable)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName("Saving the PDF")
        self.progress.hide()
        self.message = InlineMessage()
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.reject)
        self.save_button = primary_button("Save PDF…")
        self.save_button.clicked.connect(self.save)
        layout.addLayout(button_row(self.close_button, self.save_button))
        self.resize(520, 560)

    def chapter_ids(self) -> list[str]:
        return [self.chapters.item(i).data(_KEY) for i in range(self.chapters.count())
                if self.chapters.item(i).checkState() == Qt.CheckState.Checked]

    def _chosen_changed(self, *_) -> None:
        self.save_button.setEnabled(bool(self.chapter_ids()) and self._job is None)

    def save(self) -> None:
        chosen = self.chapter_ids()
        if not chosen:
            return
        target = self.prompts.save_file(self, "Save blank worksheets",
                                        Path.home() / "blank-worksheets.pdf",
                                        "PDF files (*.pdf)")
        if target is None:
            return
        job = BlankJob(Path(target), chosen, self.page_size.currentText(),
                       self.fillable.isChecked())
        job.signals.done.connect(lambda pages: self._finished(
            f"Saved {pages} pages to {Path(target).name}.", error=False))
        job.signals.failed.connect(lambda text: self._finished(text, error=True))
        self._job = job
        self.message.clear()
        self.progress.show()
        self.save_button.setEnabled(False)
        self.pool.start(job)

    def _finished(self, text: str, error: bool) -> None:
        self._job = None
        self.progress.hide()
        self._chosen_changed()
        if error:
            self.message.show_error(text)
        else:
            self.message.show_success(text)
