"""Blank worksheets to print and fill in by hand (or, with `fillable`, in a PDF viewer).

Each worksheet starts on a fresh page so a therapist can hand out single sheets; a question
always stays on the same page as the space for its answer.
"""

from __future__ import annotations

import datetime as _dt
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
from workbook.export.drawn import Blank, DateBlank, Mark, RuledLines, ScaleBar
from workbook.export.encryption import check_password
from workbook.export.fonts import SERIF
from workbook.export.layout import (
    INK,
    RULE,
    TINT,
    build_pdf,
    content_paragraphs,
    cover,
    page_dimensions,
    paragraph,
    printed_date,
)
from workbook.export.save import save_atomically

LONG_TEXT_LINES = 7
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
_FREE_RANK_HINT = "Most important first."
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
        story = _cover(len(chapters)) + _chapters(chapters, fillable)
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


def _chapters(chapters: list[Chapter], fillable: bool) -> list[Flowable]:
    story: list[Flowable] = []
    for chapter in chapters:
        for i, worksheet in enumerate(chapter.worksheets):
            if story:
                story.append(PageBreak())
            story += _chapter_heading(chapter, first=i == 0)
            story += _worksheet(chapter, worksheet, fillable)
    return story


def _chapter_heading(chapter: Chapter, first: bool) -> list[Flowable]:
    if first:
        return [paragraph(f"Chapter {chapter.number}", "chapter_number"),
                paragraph(chapter.title, "chapter_title")]
    return [paragraph(f"Chapter {chapter.number} · {chapter.title}", "chapter_number"),
            Spacer(1, 4)]


def _worksheet(chapter: Chapter, worksheet: Worksheet, fillable: bool) -> list[Flowable]:
    story: list[Flowable] = [paragraph(worksheet.title, "worksheet_title")]
    if worksheet.intro:
        story += content_paragraphs(worksheet.intro, "intro")
    for number, field in enumerate(worksheet.fields, 1):
        name = f"{chapter.id}:{worksheet.id}:{field.id}" if fillable else None
        story.append(KeepTogether(_question(number, field, name)))
    return story


def _question(number: int, field: Field, name: str | None) -> list[Flowable]:
    prompt = paragraph(field.prompt, "prompt", bullet=f"{number}.")
    hints = [paragraph(text, "help") for text in (field.help, _hint(field)) if text]
    # The prompt style hangs its number in the margin; everything below lines up with its text.
    return [prompt, Indenter(left=_INDENT), *hints, Spacer(1, 4), *_answer(field, name),
            Indenter(left=-_INDENT)]


def _hint(field: Field) -> str:
    if field.kind is FieldKind.RANKED_LIST:
        return _RANK_HINT if field.items else _FREE_RANK_HINT
    return _HINTS.get(field.kind, "")


def _answer(field: Field, name: str | None) -> list[Flowable]:
    kind = field.kind
    if kind is FieldKind.LONG_TEXT:
        return [RuledLines(LONG_TEXT_LINES, name=name)]
    if kind is FieldKind.SHORT_TEXT:
        return [RuledLines(SHORT_TEXT_LINES, name=name)]
    if kind in (FieldKind.CHECKLIST, FieldKind.SINGLE_CHOICE):
        return _choices(field, name)
    if kind is FieldKind.SCALE:
        return [Spacer(1, 2), ScaleBar(field.min, field.max, field.low_label, field.high_label,
                                       name=name)]
    if kind is FieldKind.REFRAME:
        return [_reframe(field, name)]
    if kind is FieldKind.RANKED_LIST:
        return _ranked(field, name)
    if kind is FieldKind.DATE:
        return [DateBlank(name=name)]
    raise ValueError(f"no printed layout for field kind {kind!r}")


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
    table = Table([header] + rows, colWidths=[None, None],
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


def _ranked(field: Field, name: str | None) -> list[Flowable]:
    if not field.items:
        count = field.max_items or FREE_RANK_LINES
        return [RuledLines(count, numbered=True, name=name)]
    cells = [[Mark("rank", name=f"{name}:{i}" if name else None), paragraph(item, "option")]
             for i, item in enumerate(field.items, 1)]
    return [_mark_table(cells, two_columns=False, mark_width=30)]


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

