"""A calm line chart drawn with QPainter, and a table model holding the same numbers as text.

The chart takes its colours from the application palette, so it reads well in light and dark.
Lines differ by dash pattern as well as hue, for colour-blind readers and print. A dip is just a
line going down: there is no red and no "target" line, because healing is not linear. Keyboard
and screen-reader users get the table beside it, and a one-line summary as the description.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from workbook.dates import long_date, month_year

LIGHT_LINES = ("#3f7a6c", "#4f67a6", "#9a6f1f", "#7b5592")
DARK_LINES = ("#8dcbbb", "#a6b8ee", "#e3c27c", "#cfade3")
DASHES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine,
          Qt.PenStyle.DashDotLine)
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 40, 16, 34, 30


@dataclass(frozen=True)
class Series:
    label: str
    points: tuple[tuple[dt.date, float], ...]


def line_colors(palette: QPalette) -> tuple[str, ...]:
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return DARK_LINES if dark else LIGHT_LINES


def summary(series: list[Series]) -> str:
    """One sentence per line: where it started and where it is now, without judging."""
    parts = [f"{s.label}: {s.points[0][1]:.1f} at first, {s.points[-1][1]:.1f} most recently"
             for s in series if s.points]
    return "; ".join(parts) + "." if parts else "No check-ins in this view yet."


class TrendChart(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.series: list[Series] = []
        self.low, self.high = 0, 10
        self.setAccessibleName("Trend chart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(220)

    def sizeHint(self) -> QSize:
        return QSize(560, 260)

    def set_series(self, series: list[Series]) -> None:
        self.series = series
        self.setAccessibleDescription(summary(series))
        self.update()

    # -- drawing -------------------------------------------------------------------------------
    def _plot_rect(self) -> QRectF:
        return QRectF(MARGIN_LEFT, MARGIN_TOP, self.width() - MARGIN_LEFT - MARGIN_RIGHT,
                      self.height() - MARGIN_TOP - MARGIN_BOTTOM)

    def _date_range(self) -> tuple[dt.date, dt.date]:
        days = [d for s in self.series for d, _ in s.points]
        return min(days), max(days)

    def _x(self, day: dt.date, rect: QRectF, first: dt.date, last: dt.date) -> float:
        span = max((last - first).days, 1)
        return rect.left() + rect.width() * (day - first).days / span

    def _y(self, value: float, rect: QRectF) -> float:
        return rect.bottom() - rect.height() * (value - self.low) / (self.high - self.low)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self._plot_rect()
        self._draw_grid(painter, rect)
        if not any(s.points for s in self.series):
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "No check-ins in this view yet.")
            return
        first, last = self._date_range()
        self._draw_dates(painter, rect, first, last)
        colors = line_colors(self.palette())
        for number, series in enumerate(self.series):
            self._draw_series(painter, rect, series, QColor(colors[number % len(colors)]),
                              DASHES[number % len(DASHES)], first, last)
        self._draw_legend(painter, colors)

    def _draw_grid(self, painter: QPainter, rect: QRectF) -> None:
        grid = QColor(self.palette().color(QPalette.ColorRole.Mid))
        text = self.palette().color(QPalette.ColorRole.PlaceholderText)
        for value in range(self.low, self.high + 1, 5):
            y = self._y(value, rect)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            painter.setPen(text)
            painter.drawText(QRectF(0, y - 9, MARGIN_LEFT - 8, 18),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             str(value))

    def _draw_dates(self, painter: QPainter, rect: QRectF, first: dt.date,
                    last: dt.date) -> None:
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        for i, (box, label) in enumerate(boxes := self.date_labels(rect, first, last)):
            align = (Qt.AlignmentFlag.AlignLeft if i == 0 else Qt.AlignmentFlag.AlignRight
                     if i == len(boxes) - 1 else Qt.AlignmentFlag.AlignHCenter)
            painter.drawText(box, align | Qt.AlignmentFlag.AlignTop, label)

    def date_labels(self, rect: QRectF, first: dt.date,
                    last: dt.date) -> list[tuple[QRectF, str]]:
        """The dates under the chart: as many as fit side by side without touching."""
        long_span = (last - first).days > 120
        metrics = self.fontMetrics()
        most = 5 if (last - first).days > 20 else 2
        for ticks in range(most, 0, -1):
            days = [first + (last - first) * i / ticks for i in range(ticks + 1)]
            labels = [month_year(d) if long_span else long_date(d, last) for d in days]
            width = max(metrics.horizontalAdvance(t) for t in labels) + 12
            boxes = []
            for i, day in enumerate(days):
                x = self._x(day, rect, first, last)
                left = x if i == 0 else x - width if i == ticks else x - width / 2
                boxes.append(QRectF(left, rect.bottom() + 6, width, 20))
            if all(a.right() < b.left() for a, b in zip(boxes, boxes[1:], strict=False)):
                return list(zip(boxes, labels, strict=True))
        return [(boxes[0], labels[0])]

    def _draw_series(self, painter: QPainter, rect: QRectF, series: Series, color: QColor,
                     dash: Qt.PenStyle, first: dt.date, last: dt.date) -> None:
        points = [QPointF(self._x(d, rect, first, last), self._y(v, rect))
                  for d, v in series.points]
        if not points:  # a partner who shared nothing yet: no line, and no crash while painting
            return
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        pen = QPen(color, 2.2, dash)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        if len(points) <= 60:  # dots help on short views and only clutter long ones
            painter.setPen(QPen(color, 1))
            painter.setBrush(color)
            for point in points:
                painter.drawEllipse(point, 2.8, 2.8)

    def _draw_legend(self, painter: QPainter, colors: tuple[str, ...]) -> None:
        metrics = QFontMetrics(self.font())
        x = float(MARGIN_LEFT)
        for number, series in enumerate(self.series):
            color = QColor(colors[number % len(colors)])
            painter.setPen(QPen(color, 2.2, DASHES[number % len(DASHES)]))
            painter.drawLine(QPointF(x, 14), QPointF(x + 22, 14))
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            painter.drawText(QPointF(x + 28, 14 + metrics.ascent() / 2 - 1), series.label)
            x += 28 + metrics.horizontalAdvance(series.label) + 18


Index = QModelIndex | QPersistentModelIndex


class TrendTableModel(QAbstractTableModel):
    """Rows: periods, newest first. Columns: the period, then one column per line. Rows are
    revealed in batches as the view scrolls (a ten-year view by week has ~520 rows)."""

    BATCH = 60

    def __init__(self) -> None:
        super().__init__()
        self._headers: list[str] = []
        self._rows: list[tuple[str, list[float | None]]] = []
        self._shown = 0

    def set_data(self, period_label: str, series: list[Series],
                 label: Callable[[dt.date], str]) -> None:
        self.beginResetModel()
        self._headers = [period_label] + [s.label for s in series]
        days = sorted({d for s in series for d, _ in s.points}, reverse=True)
        lookup = [dict(s.points) for s in series]
        self._rows = [(label(d), [values.get(d) for values in lookup]) for d in days]
        self._shown = min(self.BATCH, len(self._rows))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        end = min(self._shown + self.BATCH, len(self._rows))
        self.beginInsertRows(QModelIndex(), self._shown, end - 1)
        self._shown = end
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._shown:
            return None
        label, values = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if index.column() == 0:
                return label
            value = values[index.column() - 1]
            return "–" if value is None else f"{value:.1f}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def clear(self) -> None:
        self.set_data("", [], str)
