"""Answers as they were given, laid out like the blank worksheet they came from: ticked boxes
for checklists, a drawn scale with the chosen value ringed, a two-column table for reframes,
a numbered list for ranked items. Every text goes through `to_markup` (via layout helpers).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from workbook.content.model import Field, FieldKind
from workbook.export.drawn import ScaleBar
from workbook.export.fonts import SERIF, SERIF_BOLD
from workbook.export.layout import (
    INK,
    MARGIN_X,
    RULE,
    TINT,
    paragraph,
    printed_date,
    styles,
    user_paragraphs,
)
from workbook.field_kinds import ChecklistValue

_CELL_FONT = [("FONTNAME", (0, 0), (-1, -1), SERIF)]  # keeps reportlab's Helvetica out


def answer_flowables(field: Field, value) -> list[Flowable]:
    """The printed form of one decoded answer (workbook/field_kinds.py), drawn by the field
    kind's entry in FILLED_DRAWERS."""
    return FILLED_DRAWERS[field.kind](field, value)


def _text(_field: Field, value: str) -> list[Flowable]:
    return user_paragraphs(value, "body")


def _scale(field: Field, value: int | None) -> list[Flowable]:
    return [paragraph(f"Chosen: {value} of {field.max}", "help"), Spacer(1, 2),
            MarkedScale(field, value)]


def _date(_field: Field, value) -> list[Flowable]:
    return [paragraph(printed_date(value) if isinstance(value, _dt.date) else "", "body")]


def _checklist(field: Field, value: ChecklistValue) -> list[Flowable]:
    story = _marks(field.options, set(value.checked), "box")
    if value.other.strip():
        story.append(paragraph("Other:", "column"))
        story += user_paragraphs(value.other, "body")
    return story


def _marks(options, chosen: set, shape: str) -> list[Flowable]:
    """Every option with its box or circle, the chosen ones filled: the therapist sees what was
    left unticked too. "(chosen)" follows a chosen circle so the text reads right when copied."""
    rows = []
    for option in options:
        picked = option in chosen
        label = f"{option}  (chosen)" if picked and shape == "circle" else option
        style = "option_bold" if picked else "option"
        rows.append([Choice(shape, picked), _option(label, style)])
    table = Table(rows, colWidths=[18, None], hAlign="LEFT")
    table.setStyle(TableStyle([*_CELL_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 2),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return [table]


def _option(text: str, style: str):
    base = styles()["option"]
    if style == "option_bold":
        base = base.clone("option_bold", fontName=SERIF_BOLD)
    return paragraph(text, base)


def _reframe(field: Field, rows) -> Table:
    header = [paragraph(field.left_label, "column"), paragraph(field.right_label, "column")]
    body = [[user_paragraphs(r.thought, "option"), user_paragraphs(r.kinder, "option")]
            for r in rows if r.thought.strip() or r.kinder.strip()]
    # Half each, whatever a cell holds (a long link must not squeeze the other column), and a
    # row may split across pages. reportlab mis-measures the repeated header row of a table
    # whose row splits, so its height is set: the labels wrapped at the narrowest column we
    # print (A4, under an answer's indent), plus the paddings.
    narrowest = (A4[0] - 2 * MARGIN_X - 16) / 2 - 12
    header_height = max(cell.wrap(narrowest, 1000)[1] for cell in header) + 11
    table = Table([header, *body], colWidths=["50%", "50%"], repeatRows=1, splitInRow=1,
                  rowHeights=[header_height] + [None] * len(body))
    table.setStyle(TableStyle([
        *_CELL_FONT,
        ("BACKGROUND", (0, 0), (-1, 0), TINT),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def _ranked(items) -> list[Flowable]:
    kept = [item for item in items if item.strip()]
    return [paragraph(item, "listed", bullet=f"{n}.") for n, item in enumerate(kept, 1)]


# How each field kind's answer is printed: (field, decoded value) -> flowables. One entry per
# kind (tests/test_field_kinds.py).
FILLED_DRAWERS: dict[FieldKind, Callable[[Field, Any], list[Flowable]]] = {
    FieldKind.LONG_TEXT: _text,
    FieldKind.SHORT_TEXT: _text,
    FieldKind.CHECKLIST: _checklist,
    FieldKind.SINGLE_CHOICE: lambda field, value: _marks(field.options, {value}, "circle"),
    FieldKind.SCALE: _scale,
    FieldKind.REFRAME: lambda field, value: [_reframe(field, value)],
    FieldKind.RANKED_LIST: lambda _field, value: _ranked(value),
    FieldKind.DATE: _date,
}


class Choice(Flowable):
    """A tick box with a tick drawn in it, or a circle filled in, or either left empty."""

    DROP = 1.5

    def __init__(self, shape: str, picked: bool, size: float = 10):
        super().__init__()
        self.shape, self.picked, self.size = shape, picked, size
        self.width = self.height = size

    def wrap(self, avail_width, avail_height):
        return self.size, self.size

    def draw(self):
        canv, s = self.canv, self.size
        canv.translate(0, -self.DROP)
        canv.setStrokeColor(INK)
        canv.setFillColor(INK)
        canv.setLineWidth(0.8)
        if self.shape == "circle":
            canv.circle(s / 2, s / 2, s / 2)
            if self.picked:
                canv.circle(s / 2, s / 2, s / 4, stroke=0, fill=1)
            return
        canv.roundRect(0, 0, s, s, 1.5)
        if self.picked:  # a drawn tick, not a glyph: it never depends on a font
            canv.setLineWidth(1.4)
            path = canv.beginPath()
            path.moveTo(s * 0.2, s * 0.5)
            path.lineTo(s * 0.42, s * 0.22)
            path.lineTo(s * 0.82, s * 0.82)
            canv.drawPath(path, stroke=1, fill=0)


class MarkedScale(ScaleBar):
    """The blank worksheet's scale with the chosen number ringed."""

    def __init__(self, field: Field, value: int | None):
        super().__init__(field.min, field.max, field.low_label, field.high_label)
        self.chosen = value

    def draw(self):
        super().draw()
        if self.chosen is None:
            return
        canv, x = self.canv, self.tick_x(self.chosen)
        canv.setStrokeColor(INK)
        canv.setLineWidth(1.2)
        canv.circle(x, self.axis_y + 13.5, 8.5)
        canv.setFillColor(INK)
        canv.circle(x, self.axis_y, 3, stroke=0, fill=1)
