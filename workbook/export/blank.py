"""Blank worksheets to print and fill in by hand (or, with `fillable`, in a PDF viewer).

Each worksheet starts on a fresh page so a therapist can hand out single sheets; a question
always stays on the same page as the space for its answer.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import (
    Flowable,
    Indenter,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from workbook.content.model import Chapter, Content, Field, FieldKind, Worksheet
from workbook.export.drawn import (
    Blank,
    DateBlank,
    Mark,
    NoteBox,
    RuledLines,
    ScaleBar,
    SheetMark,
)
from workbook.export.encryption import check_password
from workbook.export.fonts import SERIF
from workbook.export.layout import (
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    RULE,
    TINT,
    build_pdf,
    content_paragraphs,
    cover,
    page_dimensions,
    paragraph,
    printed_date,
    styles,
)
from workbook.export.save import save_atomically

LONG_TEXT_LINES = 7
COMPACT_LONG_TEXT_LINES = 5  # when that keeps a worksheet on one page
SHORT_TEXT_LINES = 1
REFRAME_ROWS = 4
REFRAME_ROW_HEIGHT = 50
FREE_RANK_LINES = 5
_INDENT = 16  # answers line up with the question text, past its number

_HINTS = {
    FieldKind.CHECKLIST: "Tick any that apply.",
    FieldKind.SINGLE_CHOICE: "Choose one.",
    FieldKind.SCALE: "Circle one number.",
}
PRIVACY_NOTE = ("Printed pages are not protected by the app's encryption. Once you have written "
                "on them, keep them somewhere private, and shred them when you no longer "
                "need them.")
_RANK_HINT = "Write 1 beside the one that matters most to you, then 2, and so on."
_FREE_RANK_HINT = "One on each line, in the order the question asks."
# Empty table cells are drawn as text in reportlab's default Helvetica, which would add an
# unembedded font to the PDF; naming a bundled font keeps every font embedded.
_CELL_FONT = [("FONTNAME", (0, 0), (-1, -1), SERIF)]


def build_blank_worksheets(out_path: Path, chapter_ids: list[str] | None = None,
                           page_size: str = "A4", fillable: bool = False,
                           content: Content | None = None, password: str | None = None) -> int:
    """Write the chosen chapters' worksheets (all if `chapter_ids` is None); return the page count.

    Raises ValueError for an unknown chapter id, page size or an empty password (before
    anything is written) and ExportError if the PDF cannot be made or saved.
    """
    page_dimensions(page_size)  # bad arguments fail here, before any file is touched
    check_password(password)
    if content is None:
        from workbook.content import load_content
        content = load_content().content
    chapters = choose_chapters(content, chapter_ids)
    pages: list[int] = []

    def write(handle) -> None:
        story = _cover(len(chapters)) + _chapters(chapters, fillable, page_size)
        pages.append(build_pdf(handle, story, size=page_size, label="Blank worksheets",
                               password=password))

    save_atomically(out_path, write)
    return pages[0]


def choose_chapters(content: Content, chapter_ids: list[str] | None) -> list[Chapter]:
    if chapter_ids is None:
        return list(content.chapters)
    known = {ch.id: ch for ch in content.chapters}
    unknown = [cid for cid in chapter_ids if cid not in known]
    if unknown:
        raise ValueError(f"unknown chapter id {unknown[0]!r} "
                         f"(known ids: {', '.join(known) or 'none'})")
    if not chapter_ids:
        raise ValueError("no chapters chosen: pass at least one chapter id, or None for all")
    return [known[cid] for cid in dict.fromkeys(chapter_ids)]  # keeps order, drops repeats


def _cover(chapter_count: int) -> list[Flowable]:
    plural = "s" if chapter_count != 1 else ""
    return cover("Workbook pages", [
        "Blank pages to fill in by hand",
        f"{chapter_count} chapter{plural} · printed {printed_date(_dt.date.today())}",
    ], note=PRIVACY_NOTE)


def _chapters(chapters: list[Chapter], fillable: bool, page_size: str) -> list[Flowable]:
    """Each worksheet on its own sheet(s): it stands alone when handed out one by one. One
    that would spill a little onto one more page gets a little less writing space instead."""
    width, height = page_dimensions(page_size)
    frame = (width - 2 * MARGIN_X, height - MARGIN_TOP - MARGIN_BOTTOM)
    story: list[Flowable] = []
    for chapter in chapters:
        for worksheet in chapter.worksheets:
            if story:
                story.append(PageBreak())
            sheet = _chapter_heading(chapter) + _worksheet(chapter, worksheet, fillable)
            pages = _pages(sheet, *frame)
            if pages > 1:
                compact = _chapter_heading(chapter) + _worksheet(chapter, worksheet, fillable,
                                                                 compact=True)
                if _pages(compact, *frame) < pages:
                    sheet = compact
            story += sheet
    return story


def _pages(story: list[Flowable], width: float, height: float) -> int:
    """About how many pages `story` takes: each flowable goes on the page if it fits, else
    starts the next (questions are kept together)."""
    pages, left = 1, height
    need: float
    for flowable in story:
        if isinstance(flowable, KeepTogether):  # a question; its own wrap needs a canvas
            # At the exact width the frame will give it (inside the indent): a table keeps the
            # column widths of its first wrap.
            need = sum(f.wrap(width - _INDENT, 10_000)[1] + f.getSpaceBefore()
                       + f.getSpaceAfter() for f in flowable._content)  # type: ignore[attr-defined]  # no public accessor
        else:
            need = (flowable.wrap(width, 10_000)[1] + flowable.getSpaceBefore()
                    + flowable.getSpaceAfter())
        if need > left and left < height:
            pages, left = pages + 1, height
        left -= need
    return pages


def _chapter_heading(chapter: Chapter) -> list[Flowable]:
    """Every sheet says which chapter it belongs to, what the chapter is for and, for a
    sensitive chapter, its content note: a single sheet may be all someone is given."""
    story = [paragraph(f"Chapter {chapter.number} · {chapter.title}", "chapter_number")]
    if chapter.summary:
        story.append(paragraph(chapter.summary, "help"))
    if chapter.content_note:
        story.append(NoteBox(paragraph(f"Content note: {' '.join(chapter.content_note.split())}",
                                       "help")))
    return story + [Spacer(1, 6)]


def _worksheet(chapter: Chapter, worksheet: Worksheet, fillable: bool,
               compact: bool = False) -> list[Flowable]:
    prefix = f"{chapter.id}:{worksheet.id}" if fillable else None
    story: list[Flowable] = [SheetMark(worksheet.title),
                             paragraph(worksheet.title, "worksheet_title"),
                             _name_and_date(prefix)]
    if worksheet.intro:
        story += content_paragraphs(worksheet.intro, "intro")
    if chapter.ladder_steps and any(f.kind is FieldKind.RANKED_LIST and not f.items
                                    for f in worksheet.fields):
        story += _ladder_steps(chapter)
    for number, field in enumerate(worksheet.fields, 1):
        name = f"{prefix}:{field.id}" if prefix else None
        # Lines to order the chapter's ladder steps: one for each step.
        steps = len(chapter.ladder_steps) or None
        # The indent is outside the KeepTogether: inside one, reportlab sizes a table's
        # columns before the indent applies, and an "Other: ____" line ran past the margin.
        story += [Indenter(left=_INDENT),
                  KeepTogether(_question(number, field, name, compact, steps)),
                  Indenter(left=-_INDENT)]
    return story + [SheetMark(None)]


def _name_and_date(prefix: str | None) -> Table:
    """Name or initials, and the day it was filled in: loose sheets get mixed up."""
    who = Blank("Name or initials:", name=f"{prefix}:name" if prefix else None)
    day = Blank("Date:", name=f"{prefix}:date" if prefix else None)
    table = Table([[who, day]], colWidths=["60%", "40%"], hAlign="LEFT")
    table.setStyle(TableStyle([*_CELL_FONT, ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (0, 0), 14),
                               ("RIGHTPADDING", (1, 0), (1, 0), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return table


def _ladder_steps(chapter: Chapter) -> list[Flowable]:
    """The chapter's suggested ladder steps, which the ladder sheet asks to order."""
    steps = sorted(chapter.ladder_steps, key=lambda s: s.order)
    return [paragraph("The suggested steps", "heading"),
            *[paragraph(step.title, "listed", bullet="•") for step in steps]]


def _question(number: int, field: Field, name: str | None, compact: bool = False,
              free_lines: int | None = None) -> list[Flowable]:
    """Set inside an indent of _INDENT, with the number hanging out to the left of it, so
    the hints and the answer space line up with the question's text."""
    hanging = styles()["prompt"].clone("prompt_hanging", leftIndent=0, bulletIndent=-_INDENT)
    prompt = paragraph(field.prompt, hanging, bullet=f"{number}.")
    hints = [paragraph(text, "help") for text in (field.help, _hint(field)) if text]
    return [prompt, *hints, Spacer(1, 4), *_answer(field, name, compact, free_lines)]


def _hint(field: Field) -> str:
    if field.kind is FieldKind.RANKED_LIST:
        return _RANK_HINT if field.items else _FREE_RANK_HINT
    return _HINTS.get(field.kind, "")


def _answer(field: Field, name: str | None, compact: bool = False,
            free_lines: int | None = None) -> list[Flowable]:
    """The space to answer in, drawn by the field kind's entry in BLANK_DRAWERS."""
    return BLANK_DRAWERS[field.kind](field, name, compact, free_lines)


def _long_text_lines(field: Field, compact: bool) -> int:
    """Writing space that fits the question: one asking how someone would like things to be
    invites a fuller answer than one asking for a fact."""
    roomy = "would you like" in field.prompt.lower()
    return (COMPACT_LONG_TEXT_LINES if compact else LONG_TEXT_LINES) + (2 if roomy else 0)


def _choices(field: Field, name: str | None) -> list[Flowable]:
    single = field.kind is FieldKind.SINGLE_CHOICE
    shape = "circle" if single else "box"

    def mark(i: int) -> Mark:
        if name is None:
            return Mark(shape)
        return Mark(shape, name=name, value=f"o{i}") if single else Mark(shape, name=f"{name}:{i}")

    cells = [[mark(i), paragraph(option, "option")] for i, option in enumerate(field.options, 1)]
    story: list[Flowable] = [_mark_table(cells, two_columns=_fits_two_columns(field.options))]
    if field.allow_other:
        other = Blank("Other:", name=f"{name}:other" if name else None)
        story.append(_mark_table([[mark(len(cells) + 1), other]], two_columns=False))
    return story


def _fits_two_columns(options: tuple[str, ...]) -> bool:
    # Long lists fold into two columns to save paper, but only when the options are short.
    return len(options) > 5 and max(len(o) for o in options) <= 44


def _mark_table(cells: list[list], two_columns: bool, mark_width: float = 18) -> Table:
    if two_columns:
        half = (len(cells) + 1) // 2  # read down the left column first, then the right
        right = cells[half:] + [["", ""]] * (2 * half - len(cells))
        cells = [left + r for left, r in zip(cells[:half], right, strict=True)]
    widths = [mark_width, None] * (2 if two_columns else 1)
    table = Table(cells, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle([
        *_CELL_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (-1, 0), (-1, -1), 0),  # the "Other" line reaches the margin
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _reframe(field: Field, name: str | None) -> Table:
    header = [paragraph(field.left_label, "column"), paragraph(field.right_label, "column")]
    rows = [[_cell(name, r, c) for c in (1, 2)] for r in range(1, REFRAME_ROWS + 1)]
    table = Table([header, *rows], colWidths=[None, None],
                  rowHeights=[None] + [REFRAME_ROW_HEIGHT] * REFRAME_ROWS, repeatRows=1)
    table.setStyle(TableStyle([
        *_CELL_FONT,
        ("BACKGROUND", (0, 0), (-1, 0), TINT),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, 0), 5),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 5),
    ]))
    return table


def _cell(name: str | None, row: int, column: int) -> Flowable | str:
    if name is None:
        return ""
    return _Area(f"{name}:r{row}c{column}", REFRAME_ROW_HEIGHT - 8)


def _ranked(field: Field, name: str | None, free_lines: int | None = None) -> list[Flowable]:
    if not field.items:
        count = field.max_items or free_lines or FREE_RANK_LINES
        return [RuledLines(count, numbered=True, name=name)]
    cells = [[Mark("rank", name=f"{name}:{i}" if name else None), paragraph(item, "option")]
             for i, item in enumerate(field.items, 1)]
    return [_mark_table(cells, two_columns=False, mark_width=30)]


def _long_text(field: Field, name: str | None, compact: bool, _lines) -> list[Flowable]:
    return [RuledLines(_long_text_lines(field, compact), name=name)]


def _short_text(field: Field, name: str | None, _compact, _lines) -> list[Flowable]:
    return [RuledLines(SHORT_TEXT_LINES, name=name)]


def _scale(field: Field, name: str | None, _compact, _lines) -> list[Flowable]:
    return [Spacer(1, 2), ScaleBar(field.min, field.max, field.low_label, field.high_label,
                                   name=name)]


# How each field kind is printed blank: (field, form-field name or None, compact, lines for a
# free list) -> flowables. One entry per kind (tests/test_field_kinds.py).
BlankDrawer = Callable[[Field, str | None, bool, int | None], list[Flowable]]
BLANK_DRAWERS: dict[FieldKind, BlankDrawer] = {
    FieldKind.LONG_TEXT: _long_text,
    FieldKind.SHORT_TEXT: _short_text,
    FieldKind.CHECKLIST: lambda field, name, _compact, _lines: _choices(field, name),
    FieldKind.SINGLE_CHOICE: lambda field, name, _compact, _lines: _choices(field, name),
    FieldKind.SCALE: _scale,
    FieldKind.REFRAME: lambda field, name, _compact, _lines: [_reframe(field, name)],
    FieldKind.RANKED_LIST: lambda field, name, _compact, lines: _ranked(field, name, lines),
    FieldKind.DATE: lambda _field, name, _compact, _lines: [DateBlank(name=name)],
}


class _Area(Flowable):
    """An invisible multi-line form field filling a table cell."""

    def __init__(self, name: str, height: float):
        super().__init__()
        self.name, self.height = name, height

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, self.height

    def draw(self):
        self.canv.acroForm.textfield(name=self.name, x=0, y=0, width=self.width,
                                     height=self.height, fieldFlags="multiline", fillColor=None,
                                     borderColor=None, borderWidth=0, textColor=INK,
                                     fontSize=10, maxlen=0, relative=True)

