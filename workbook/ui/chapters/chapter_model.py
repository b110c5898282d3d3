"""The chapter list as a Qt model: one row per chapter, with each partner's progress.

A present partner's progress counts their private answers. An absent partner's private space is
locked, so for them only what they have shared is counted, and the text says "shared".
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from workbook.answers import AnswerService, Progress
from workbook.content.model import Chapter
from workbook.partners import PartnerInfo

ChapterRole = Qt.ItemDataRole.UserRole + 1
ProgressRole = Qt.ItemDataRole.UserRole + 2  # list of (PartnerInfo, Progress)

AnyIndex = QModelIndex | QPersistentModelIndex


def progress_text(partner: PartnerInfo, progress: Progress) -> str:
    if progress.private:
        return f"{partner.name}: {progress.answered} of {progress.total} answered"
    return f"{partner.name}: {progress.answered} shared"


class ChapterListModel(QAbstractListModel):
    def __init__(self, chapters: tuple[Chapter, ...], answers: AnswerService, parent=None):
        super().__init__(parent)
        self._chapters = chapters
        self._answers = answers
        self._progress: list[list[tuple[PartnerInfo, Progress]]] = [[] for _ in chapters]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._chapters)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._chapters):
            return None
        chapter = self._chapters[index.row()]
        progress = self._progress[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            lines = [f"{chapter.number}. {chapter.title}", chapter.summary]
            if progress:
                lines.append("   ·   ".join(progress_text(p, g) for p, g in progress))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Chapter {chapter.number}: {chapter.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return chapter.summary
        if role == ChapterRole:
            return chapter
        if role == ProgressRole:
            return list(progress)
        return None

    def chapter_at(self, row: int) -> Chapter:
        return self._chapters[row]

    def row_of(self, chapter_id: str) -> int:
        return next((n for n, c in enumerate(self._chapters) if c.id == chapter_id), -1)

    def refresh(self, partners: list[PartnerInfo]) -> None:
        """Recount progress (after unlocking, joining, or closing a chapter)."""
        self._progress = [[(p, self._answers.progress(p.id, c)) for p in partners]
                          for c in self._chapters]
        if self._chapters:
            self.dataChanged.emit(self.index(0), self.index(len(self._chapters) - 1))

    def forget(self) -> None:
        """Drop every name and count (the workbook is being locked)."""
        self._progress = [[] for _ in self._chapters]
        if self._chapters:
            self.dataChanged.emit(self.index(0), self.index(len(self._chapters) - 1))
