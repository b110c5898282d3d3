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
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from workbook.export.dates import long_date
from workbook.export.fonts import SANS, SERIF
from workbook.export.layout import MUTED, RULE, TINT, paragraph
from workbook.packet import WEEK, PrintedTrend

LINES = tuple(colors.HexColor(c) for c in ("#3f7a6c", "#4f67a6", "#9a6f1f", "#7b5592"))
DASHES = (None, (6, 3), (1.5, 2.5), (6, 2, 1.5, 2))
MARKERS = ("FilledCircle", "FilledSquare", "FilledDiamond", "FilledTriangle")
CHART_HEIGHT = 190
MAX_POINTS = 60  # more than five years of months are drawn as quarters
_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def trend_flowables(trend: PrintedTrend, width: float) -> list[Flowable]:
    """Chart, legend and the numbers, for one partner's check-ins."""
    series = [(title, pts) for title, pts in trend.scales if pts]
    unit = "week" if trend.period == WEEK else "month"
    if max(len(pts) for _, pts in series) > MAX_POINTS:  # years of months: a tangle
        series, unit = [(title, _quarters(pts)) for title, pts in series], "quarter"
    story: list[Flowable] = [paragraph(f"{trend.who}: average per {unit}", "heading"),
                             _chart(series, trend.low, trend.high, width, unit),
                             _legend(series)]
    story += [Spacer(1, 8), paragraph("First and most recent averages", "column")]
    story.append(_numbers(series))
    return story


def _chart(series, low: int, high: int, width: float, unit: str) -> Drawing:
    drawing = _drawing(width, CHART_HEIGHT)
    plot = LinePlot()
    plot.x, plot.y = 30, 34
    plot.width, plot.height = width - 44, CHART_HEIGHT - 50  # type: ignore[assignment]  # any number; the stubs say int
    plot.data = [[(d.toordinal(), v) for d, v in pts] for _, pts in series]
    few = max(len(pts) for _, pts in series) <= 12  # a week or two: points, not only lines
    for i in range(len(series)):
        line = plot.lines[i]
        line.strokeColor = LINES[i % len(LINES)]
        line.strokeWidth = 1.6
        line.strokeDashArray = DASHES[i % len(DASHES)]
        if few:
            line.symbol = makeMarker(MARKERS[i % len(MARKERS)], size=5,
                                     fillColor=LINES[i % len(LINES)],
                                     strokeColor=LINES[i % len(LINES)])
    _axes(plot, series, low, high)
    drawing.add(plot)
    drawing.add(Line(plot.x, plot.y, plot.x + plot.width, plot.y, strokeColor=RULE,
                     strokeWidth=0.6))
    # Axis titles: what the numbers are, and what each point stands for.
    drawing.add(String(0, CHART_HEIGHT - 9, f"Average ({low} low to {high} high)",
                       fontName=SANS, fontSize=8, fillColor=MUTED))
    drawing.add(String(plot.x + plot.width / 2, 2, f"Each point: one {unit}'s average",
                       fontName=SANS, fontSize=8, fillColor=MUTED, textAnchor="middle"))
    return drawing


def _axes(plot: LinePlot, series, low: int, high: int) -> None:
    days = [d.toordinal() for _, pts in series for d, _ in pts]
    first, last = min(days), max(days)
    y, x = plot.yValueAxis, plot.xValueAxis
    y.valueMin, y.valueMax, y.valueStep = low, high, max(1, (high - low) // 5)
    y.visibleGrid, y.gridStrokeColor, y.gridStrokeWidth = True, TINT, 0.6
    pad = max(3, (last - first) // 40)
    x.valueMin, x.valueMax = first - pad, last + pad
    ticks, label = _date_ticks(first - pad, last + pad)
    x.valueSteps = ticks
    x.labelTextFormat = lambda v: label(_dt.date.fromordinal(int(v)))
    for axis in (x, y):  # a bundled font: reportlab's default Helvetica is not embedded
        axis.labels.fontName, axis.labels.fontSize, axis.labels.fillColor = SANS, 8, MUTED
        axis.strokeColor = RULE
    plot.lineLabelFormat = None


def _drawing(width: float, height: float) -> Drawing:
    # The renderer starts every drawing in reportlab's Helvetica, which is not embedded.
    drawing = Drawing(width, height, initialFontName=SANS)
    return drawing


def _date_ticks(first: int, last: int):
    """Ticks on month starts (every 1, 2, 3, 6 or 12 months, at most 8 of them) with labels
    such as "Jun 2026"; a span under two months gets weekly ticks labelled "3 Jun"."""
    start, end = _dt.date.fromordinal(first), _dt.date.fromordinal(last)
    if last - first < 60:
        return list(range(first + (7 - start.weekday()) % 7, last + 1, 7)) or [first], \
            lambda d: f"{d.day} {_SHORT[d.month - 1]}"
    months = (end.year - start.year) * 12 + end.month - start.month
    step = next((s for s in (1, 2, 3, 6, 12, 24, 60) if months / s <= 8), 120)
    ticks, month = [], start.year * 12 + start.month  # the first month start after `start`
    while month <= end.year * 12 + end.month - 1:
        if month % step == 0:
            ticks.append(_dt.date(month // 12, month % 12 + 1, 1).toordinal())
        month += 1
    if step >= 12:
        return ticks, lambda d: str(d.year)
    return ticks, lambda d: f"{_SHORT[d.month - 1]} {d.year}"


def _quarters(points):
    """Monthly averages folded into quarter averages, dated at each quarter's first day."""
    groups: dict[_dt.date, list[float]] = {}
    for day, value in points:
        groups.setdefault(_dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1), []).append(value)
    return tuple((day, sum(vals) / len(vals)) for day, vals in sorted(groups.items()))


def _legend(series) -> Drawing:
    drawing = _drawing(0, 16)
    x = 28.0
    for i, (title, _) in enumerate(series):
        drawing.add(Line(x, 6, x + 22, 6, strokeColor=LINES[i % len(LINES)], strokeWidth=1.6,
                         strokeDashArray=DASHES[i % len(DASHES)]))  # type: ignore[arg-type]  # None: solid, as at runtime
        drawing.add(String(x + 27, 3, title, fontName=SANS, fontSize=8, fillColor=MUTED))
        x += 40 + len(title) * 4.6
    drawing.width = x
    return drawing


def _numbers(series) -> Table:
    rows = [[paragraph(title, "option"),
             paragraph(f"{pts[0][1]:.1f} (from {long_date(pts[0][0])})", "option"),
             paragraph(f"{pts[-1][1]:.1f} (from {long_date(pts[-1][0])})", "option")]
            for title, pts in series]
    table = Table(rows, colWidths=["28%", "36%", "36%"], hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SERIF),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.4, TINT),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table
