"""Check-in trends as vector charts (reportlab.graphics LinePlot), for the session packet.

Neutral colours matching the app's light chart (workbook/ui/trackers/trend_chart.py), never red;
each
line also has its own dash pattern so it reads in black-and-white print. There is no target
line: a dip is just a line going down. The same numbers follow as a small table, because a
therapist may want the figures and a screen reader gets nothing from a drawing.
"""

from __future__ import annotations

import datetime as _dt

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from workbook.export.fonts import SANS, SERIF
from workbook.export.layout import MUTED, RULE, TINT, paragraph
from workbook.packet import WEEK, PrintedTrend

LINES = tuple(colors.HexColor(c) for c in ("#3f7a6c", "#4f67a6", "#9a6f1f", "#7b5592"))
DASHES = (None, (6, 3), (1.5, 2.5), (6, 2, 1.5, 2))
CHART_HEIGHT = 170


def trend_flowables(trend: PrintedTrend, width: float) -> list[Flowable]:
    """Chart, legend and the numbers, for one partner's check-ins."""
    series = [(title, pts) for title, pts in trend.scales if pts]
    unit = "week" if trend.period == WEEK else "month"
    story: list[Flowable] = [paragraph(f"{trend.who}: average per {unit}", "heading"),
                             _chart(series, trend.low, trend.high, width), _legend(series)]
    story += [Spacer(1, 8), paragraph("First and most recent averages", "column")]
    story.append(_numbers(series))
    return story


def _chart(series, low: int, high: int, width: float) -> Drawing:
    drawing = _drawing(width, CHART_HEIGHT)
    plot = LinePlot()
    plot.x, plot.y = 28, 22
    plot.width, plot.height = width - 40, CHART_HEIGHT - 32
    plot.data = [[(d.toordinal(), v) for d, v in pts] for _, pts in series]
    for i in range(len(series)):
        line = plot.lines[i]
        line.strokeColor = LINES[i % len(LINES)]
        line.strokeWidth = 1.6
        line.strokeDashArray = DASHES[i % len(DASHES)]
    _axes(plot, series, low, high)
    drawing.add(plot)
    drawing.add(Line(plot.x, plot.y, plot.x + plot.width, plot.y, strokeColor=RULE,
                     strokeWidth=0.6))
    return drawing


def _axes(plot: LinePlot, series, low: int, high: int) -> None:
    days = [d.toordinal() for _, pts in series for d, _ in pts]
    first, last = min(days), max(days)
    y, x = plot.yValueAxis, plot.xValueAxis
    y.valueMin, y.valueMax, y.valueStep = low, high, max(1, (high - low) // 5)
    y.visibleGrid, y.gridStrokeColor, y.gridStrokeWidth = True, TINT, 0.6
    x.valueMin, x.valueMax = first - 1, last + 1
    x.valueSteps = _date_ticks(first, last)
    x.labelTextFormat = lambda v: _dt.date.fromordinal(int(v)).strftime("%d %b %y")
    for axis in (x, y):  # a bundled font: reportlab's default Helvetica is not embedded
        axis.labels.fontName, axis.labels.fontSize, axis.labels.fillColor = SANS, 7, MUTED
        axis.strokeColor = RULE
    plot.lineLabelFormat = None


def _drawing(width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    # The renderer starts every drawing in reportlab's Helvetica, which is not embedded.
    drawing.initialFontName = SANS
    return drawing


def _date_ticks(first: int, last: int, count: int = 5) -> list[int]:
    if last == first:
        return [first]
    step = (last - first) / (count - 1)
    return sorted({round(first + i * step) for i in range(count)})


def _legend(series) -> Drawing:
    drawing = _drawing(0, 16)
    x = 28.0
    for i, (title, _) in enumerate(series):
        drawing.add(Line(x, 6, x + 22, 6, strokeColor=LINES[i % len(LINES)], strokeWidth=1.6,
                         strokeDashArray=DASHES[i % len(DASHES)]))
        drawing.add(String(x + 27, 3, title, fontName=SANS, fontSize=8, fillColor=MUTED))
        x += 40 + len(title) * 4.6
    drawing.width = x
    return drawing


def _numbers(series) -> Table:
    rows = [[paragraph(title, "option"),
             paragraph(f"{pts[0][1]:.1f} (from {pts[0][0].isoformat()})", "option"),
             paragraph(f"{pts[-1][1]:.1f} (from {pts[-1][0].isoformat()})", "option")]
            for title, pts in series]
    table = Table(rows, colWidths=[None, None, None], hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SERIF),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.4, TINT),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table
