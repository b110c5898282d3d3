"""The Chapters section: the list of chapters with each partner's progress, and the reader."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workbook.accounts import WorkbookService
from workbook.answers import AnswerService
from workbook.changes import Change
from workbook.content.loader import load_content
from workbook.content.model import Content
from workbook.ui.chapters.autosave import Autosaver
from workbook.ui.chapters.chapter_delegate import ChapterDelegate
from workbook.ui.chapters.chapter_model import ChapterListModel
from workbook.ui.chapters.chapter_reader import ChapterReader
from workbook.ui.common.focus_order import highlight_first_on_focus
from workbook.ui.common.widgets import plain_label

LIST_WIDTH = 760
INTRO = ("Short readings, each with a few worksheets. Work through them in any order and at your "
         "own pace. What you write is private until you choose to share it.")


class ChapterListPage(QWidget):
    """Not a scrolling `Page`: the list itself scrolls, so every row stays reachable."""

    def __init__(self, model: ChapterListModel):
        super().__init__()
        self.setAccessibleName("Chapters")
        self.view = highlight_first_on_focus(QListView())  # the first Tab in shows a chapter
        self.view.setObjectName("chapterList")
        self.view.setAccessibleName("Chapters")
        self.view.setModel(model)
        self.view.setItemDelegate(ChapterDelegate(self.view))
        self.view.setWordWrap(True)
        self.view.setSpacing(4)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Rows wrap to the width instead of scrolling sideways, and re-wrap on resize.
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        column = QWidget()
        column.setMaximumWidth(LIST_WIDTH)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(32, 32, 32, 16)
        layout.setSpacing(12)
        layout.addWidget(plain_label("Chapters", role="heading"))
        layout.addWidget(plain_label(INTRO))
        layout.addWidget(self.view, 1)
        centre = QHBoxLayout(self)
        centre.setContentsMargins(0, 0, 0, 0)
        centre.addStretch(1)
        centre.addWidget(column, 100)
        centre.addStretch(1)


class ChaptersPage(QStackedWidget):
    follows = Change.ANSWERS | Change.SHARING | Change.WHO  # progress; who is answering

    def __init__(self, service: WorkbookService, content: Content | None = None):
        super().__init__()
        self.key = "chapters"
        self.setAccessibleName("Chapters")
        self._service = service
        self.content = content or load_content().content
        self.answers = AnswerService(service)
        self.autosaver = Autosaver(self.answers, self)
        self.model = ChapterListModel(self.content.chapters, self.answers, self)
        self.list_page = ChapterListPage(self.model)
        self.reader = ChapterReader(self.answers, self.autosaver)
        self.addWidget(self.list_page)
        self.addWidget(self.reader)
        self.list_page.view.activated.connect(self._activated)
        self.list_page.view.clicked.connect(self._activated)
        self.reader.back.connect(self.show_list)

    def _activated(self, index: QModelIndex) -> None:
        self.open_chapter(self.model.chapter_at(index.row()).id)

    def open_chapter(self, chapter_id: str) -> None:
        self.reader.open_chapter(self.content.chapter(chapter_id), self._service.partners())
        self.setCurrentWidget(self.reader)
        self.reader.focus_first()

    def show_list(self) -> None:
        chapter = self.reader.chapter
        self.reader.close_chapter()
        self.refresh()
        self.setCurrentWidget(self.list_page)
        row = self.model.row_of(chapter.id) if chapter else 0
        self.list_page.view.setCurrentIndex(self.model.index(max(row, 0)))
        self.list_page.view.setFocus()

    def refresh(self, changes: Change = Change.EVERYTHING) -> None:
        """Recount progress; an open chapter is rebuilt when someone joins or leaves."""
        if not self._service.is_unlocked:
            return
        partners = self._service.partners()
        self.model.refresh(partners)
        if not changes & Change.WHO:
            return
        chapter = self.reader.chapter
        present = [p.id for p in partners if p.unlocked]
        if chapter and [p.id for p in self.reader.partners if p.unlocked] != present:
            self.open_chapter(chapter.id)

    def flush(self) -> None:
        self.autosaver.flush()

    def clear(self) -> None:
        """Save what can still be saved, then forget everything shown (locking)."""
        if self._service.is_unlocked:
            self.autosaver.flush()
        self.reader.close_chapter()
        self.autosaver.discard()
        self.model.forget()
        self.setCurrentWidget(self.list_page)
