"""Flowables drawn with lines rather than text: answer space to write in by hand.

Each one can also place an AcroForm field over itself (`name` set), so the same page works on
paper and in a PDF viewer. Form fields are transparent and borderless, laid over the drawn
lines, so a filled-in form still prints like the paper version.
"""

from __future__ import annotations

import math

from reportlab.platypus import Flowable

from workbook.export.fonts import SANS
from workbook.export.layout import INK, MUTED, RULE, TINT, paragraph

LINE_GAP = 24  # points between handwriting lines, about 8.5 mm
_FIELD = dict(fillColor=None, borderColor=None, borderWidth=0, textColor=INK, fontSize=10,
              maxlen=0, relative=True)


class RuledLines(Flowable):
    """`count` lines across the frame, optionally numbered "1." "2." …, to write on."""

    def __init__(self, count: int, *, numbered: bool = False, name: str | None = None,
                 gap: float = LINE_GAP):
        super().__init__()
        self.count, self.numbered, self.name, self.gap = count, numbered, name, gap

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, self.count * self.gap + 4

    def draw(self):
        canv, indent = self.canv, 18 if self.numbered else 0
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        for i in range(self.count):
            y = (self.count - 1 - i) * self.gap + 4
            canv.line(indent, y, self.width, y)
            if self.numbered:
                canv.setFont(SANS, 9)
                canv.setFillColor(MUTED)
                canv.drawRightString(indent - 5, y + 2, f"{i + 1}.")
            if self.name and (self.numbered or self.count == 1):
                canv.acroForm.textfield(name=f"{self.name}:{i + 1}", x=indent, y=y + 1,
                                        width=self.width - indent, height=self.gap - 4, **_FIELD)
        if self.name and not self.numbered and self.count > 1:  # one box for the whole answer
            canv.acroForm.textfield(name=self.name, x=0, y=4, width=self.width,
                                    height=self.count * self.gap - 2, fieldFlags="multiline",
                                    **_FIELD)


class Mark(Flowable):
    """A tick box, a circle to fill in, or a wider box to write a rank number in."""

    DROP = 1.5  # sits this far below the top of its table cell, level with the text's x-height

    def __init__(self, shape: str, *, name: str | None = None, value: str = "", size=10):
        super().__init__()
        self.shape, self.name, self.value = shape, name, value
        self.size = size
        self.width = 22 if shape == "rank" else size
        self.height = 15 if shape == "rank" else size

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self):
        canv, form = self.canv, self.canv.acroForm
        canv.translate(0, -self.DROP)
        look = dict(borderColor=INK, fillColor=None, textColor=INK, borderWidth=0.8,
                    relative=True, x=0, y=0)
        if self.name and self.shape == "box":
            form.checkbox(name=self.name, size=self.size, fieldFlags="", **look)
        elif self.name and self.shape == "circle":
            form.radio(name=self.name, value=self.value, size=self.size, fieldFlags="radio",
                       **look)
        else:
            canv.setStrokeColor(INK)
            canv.setLineWidth(0.8)
            if self.shape == "circle":
                canv.circle(self.size / 2, self.size / 2, self.size / 2)
            else:
                canv.roundRect(0, 0, self.width, self.height, 1.5)
            if self.name:  # rank
                form.textfield(name=self.name, x=1, y=1, width=self.width - 2,
                               height=self.height - 2, **_FIELD)


class Blank(Flowable):
    """A text label followed by a line to the end of the frame, e.g. "Other: ______"."""

    def __init__(self, label: str, *, name: str | None = None, length: float | None = None):
        super().__init__()
        self.label = paragraph(label, "option") if label else None
        self.name, self.length = name, length

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.label_width = 0.0
        if self.label:
            # The label's own width (minWidth is only its longest word), at most half the line.
            natural = max(self.label.getActualLineWidths0() or [0]) \
                if self.label.wrap(avail_width / 2, avail_height) else 0
            self.label_width = min(natural + 6, avail_width / 2)
            self.label_height = self.label.wrap(self.label_width, avail_height)[1]
        return avail_width, 18

    def draw(self):
        canv = self.canv
        if self.label:  # top-aligned, like the option texts in the rows above it
            self.label.drawOn(canv, 0, 18 - self.label_height)
        start = self.label_width
        end = self.width if self.length is None else start + self.length
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(start, 3, end, 3)
        if self.name:
            canv.acroForm.textfield(name=self.name, x=start, y=4, width=end - start, height=15,
                                    **_FIELD)


class DateBlank(Flowable):
    """Three short lines with slashes between them, each labelled below: day / month / year.

    Labelled because the order of a numeric date differs from one country to the next."""

    _PARTS = (28, 28, 48)
    _LABELS = ("day", "month", "year")

    def __init__(self, *, name: str | None = None):
        super().__init__()
        self.name = name

    def wrap(self, avail_width, avail_height):
        return sum(self._PARTS) + 2 * 16, 30

    def draw(self):
        canv, x = self.canv, 0.0
        canv.translate(0, 8)
        for i, length in enumerate(self._PARTS):
            canv.setFont(SANS, 7)
            canv.setFillColor(MUTED)
            canv.drawCentredString(x + length / 2, -6, self._LABELS[i])
            canv.setStrokeColor(RULE)
            canv.setLineWidth(0.5)
            canv.line(x, 3, x + length, 3)
            if self.name:
                canv.acroForm.textfield(name=f"{self.name}:{i + 1}", x=x, y=4, width=length,
                                        height=15, **_FIELD)
            x += length
            if i < 2:
                canv.setFont(SANS, 12)
                canv.setFillColor(MUTED)
                canv.drawCentredString(x + 8, 5, "/")
                x += 16


class ScaleBar(Flowable):
    """A horizontal min–max scale: tick marks, a number over each, the worded ends below."""

    def __init__(self, low: int, high: int, low_label: str, high_label: str, *,
                 name: str | None = None):
        super().__init__()
        self.low, self.high, self.name = low, high, name
        self.ends = (paragraph(low_label, "scale_end"), paragraph(high_label, "scale_end_right"))
        # A wide range (0-100) would crowd the page: tick and number every few values instead.
        every = max(1, math.ceil((high - low) / 20))
        self.values = sorted({*range(low, high + 1, every), high})

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.inset = 8  # keeps the end numbers inside the frame
        label_width = avail_width * 0.42
        self.ends_height = max(p.wrap(label_width, avail_height)[1] for p in self.ends)
        self.axis_y = self.ends_height + 12
        return avail_width, self.axis_y + 30

    def tick_x(self, value: int) -> float:
        span = self.width - 2 * self.inset
        return self.inset + span * (value - self.low) / (self.high - self.low)

    def draw(self):
        canv, y = self.canv, self.axis_y
        canv.setStrokeColor(INK)
        canv.setLineWidth(0.8)
        canv.line(self.tick_x(self.low), y, self.tick_x(self.high), y)
        for value in self.values:
            self._tick(value, y)
        left, right = self.ends
        left.drawOn(canv, 0, y - 8 - self.ends_height)
        right.drawOn(canv, self.width - right.width, y - 8 - self.ends_height)

    def _tick(self, value: int, y: float) -> None:
        canv, x = self.canv, self.tick_x(value)
        canv.line(x, y - 4, x, y + 4)
        canv.setFont(SANS, 10)
        canv.setFillColor(INK)
        canv.drawCentredString(x, y + 10, str(value))
        if self.name:  # a round button over each number
            canv.acroForm.radio(name=self.name, value=str(value), x=x - 8, y=y + 6, size=16,  # type: ignore[arg-type]  # x, y: any number; the stubs say int
                                fieldFlags="radio", borderColor=None, fillColor=None,
                                textColor=INK, borderWidth=0, relative=True)


class NoteBox(Flowable):
    """A paragraph in a lightly tinted box, for a chapter's content note."""

    PAD = 6

    def __init__(self, para):
        super().__init__()
        self.para = para

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        _, height = self.para.wrap(avail_width - 2 * self.PAD, avail_height)
        self.height = height + 2 * self.PAD
        return self.width, self.height

    def draw(self):
        self.canv.setFillColor(TINT)
        self.canv.roundRect(0, 0, self.width, self.height, 3, stroke=0, fill=1)
        self.para.drawOn(self.canv, self.PAD, self.PAD)


class SheetMark(Flowable):
    """Invisible: records which worksheet the pages are in, so a page that a worksheet runs
    on to can say "<title> (continued)" at its top (layout._RunningHeads). None ends it."""

    def __init__(self, title: str | None):
        super().__init__()
        self.title = title

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        self.canv._doctemplate.current_sheet = self.title
