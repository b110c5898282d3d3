"""Draws a chapter row as a soft card: the title in bold, the summary, then each partner's progress
in a muted colour. Qt's default delegate does not size wrapped text, so rows measure themselves
against the view's width here. Text is drawn with QPainter.drawText, which never reads markup."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QPalette, QPen
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate

from workbook.ui.chapters.chapter_model import ChapterRole, ProgressRole, progress_text

PAD, GAP, MARGIN = 14, 4, 4
WRAP = int(Qt.TextFlag.TextWordWrap)


class ChapterDelegate(QStyledItemDelegate):
    def _parts(self, option, index) -> list[tuple[QFont, QPalette.ColorRole, str]]:
        chapter = index.data(ChapterRole)
        bold = QFont(option.font)
        bold.setBold(True)
        parts = [(bold, QPalette.ColorRole.Text, f"{chapter.number}. {chapter.title}"),
                 (option.font, QPalette.ColorRole.Text, chapter.summary)]
        progress = index.data(ProgressRole) or []
        if progress:
            parts.append((option.font, QPalette.ColorRole.PlaceholderText,
                          "   ·   ".join(progress_text(p, g) for p, g in progress)))
        return parts

    def _row_width(self, option) -> int:
        view = self.parent()
        if not isinstance(view, QListView):
            return option.rect.width()
        return view.viewport().width() - 2 * view.spacing()

    def _text_width(self, option) -> int:
        return max(self._row_width(option) - 2 * (PAD + MARGIN), 120)

    def _heights(self, option, index, width: int) -> list[int]:
        return [QFontMetrics(font).boundingRect(QRect(0, 0, width, 10_000), WRAP, text).height()
                for font, _, text in self._parts(option, index)]

    def sizeHint(self, option, index) -> QSize:
        heights = self._heights(option, index, self._text_width(option))
        return QSize(self._row_width(option),
                     sum(heights) + GAP * (len(heights) - 1) + 2 * (PAD + MARGIN))

    def paint(self, painter, option, index) -> None:
        palette = QGuiApplication.palette()  # the view's own base is transparent (see theme)
        painter.save()
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        card = option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focus = palette.color(QPalette.ColorRole.Highlight)
        border = focus if selected else palette.color(QPalette.ColorRole.Mid)
        painter.setPen(QPen(border, 2 if selected else 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(card, 10, 10)
        width = card.width() - 2 * PAD
        top = card.top() + PAD
        for (font, role, text), height in zip(self._parts(option, index),
                                              self._heights(option, index, width), strict=True):
            painter.setFont(font)
            painter.setPen(palette.color(role))
            painter.drawText(QRect(card.left() + PAD, top, width, height), WRAP, text)
            top += height + GAP
        painter.restore()
