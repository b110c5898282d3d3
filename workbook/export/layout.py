"""Shared page furniture for every printed PDF: page sizes, styles, cover, header and footer.

Typography: DejaVu Serif for reading text, DejaVu Sans for headings and questions, in dark
grey-blue ink rather than pure black, with generous margins so pages can be hole-punched and
written on. Page one of a workbook is a neutral cover: file managers show it as the thumbnail,
so it never carries a chapter title or anything intimate.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from functools import cache
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from workbook.content import model as content_model
from workbook.export.bidi_text import has_rtl
from workbook.export.dates import long_date
from workbook.export.encryption import encryption_for
from workbook.export.fonts import (
    HAN_KANA,
    MONO,
    SANS,
    SANS_BOLD,
    SERIF,
    SERIF_ITALIC,
    SHAPED_FACES,
    ensure_fonts,
)
from workbook.export.markup import line_markup, logical_lines, to_markup

PAGE_SIZES = {"A4": A4, "Letter": LETTER}
INK = colors.HexColor("#1f2a36")
MUTED = colors.HexColor("#5b6774")
RULE = colors.HexColor("#9aa5b1")
TINT = colors.HexColor("#eef2f5")

MARGIN_X = 22 * mm
MARGIN_TOP = 24 * mm  # leaves room for the header above the text frame
MARGIN_BOTTOM = 22 * mm
_TOTAL_FORM = "pageTotal"


def page_dimensions(name: str) -> tuple[float, float]:
    try:
        return PAGE_SIZES[name]
    except KeyError:
        raise ValueError(f"unknown page size {name!r} (use 'A4' or 'Letter')") from None


def printed_date(day: _dt.date) -> str:
    return long_date(day)


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The named paragraph styles; built on first use because they need the fonts."""
    ensure_fonts()

    def style(name, font, size, leading, **kw):
        kw.setdefault("textColor", INK)
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, **kw)

    return {
        "cover_title": style("cover_title", SANS_BOLD, 30, 38, spaceAfter=14),
        "cover_line": style("cover_line", SERIF, 12, 18, textColor=MUTED),
        "cover_note": style("cover_note", SERIF_ITALIC, 9.5, 13, textColor=MUTED),
        "chapter_number": style("chapter_number", SANS, 9.5, 12, textColor=MUTED,
                                spaceAfter=3),
        "chapter_title": style("chapter_title", SANS_BOLD, 20, 25, spaceAfter=14),
        "worksheet_title": style("worksheet_title", SANS_BOLD, 14.5, 19, spaceAfter=6),
        "intro": style("intro", SERIF, 10.5, 15, spaceAfter=4),
        "prompt": style("prompt", SANS_BOLD, 10.5, 14, spaceBefore=12, spaceAfter=3,
                        leftIndent=16, bulletIndent=0, bulletFontName=SANS_BOLD,
                        bulletFontSize=10.5),
        "heading": style("heading", SANS_BOLD, 10.5, 14, spaceBefore=12, spaceAfter=3),
        "help": style("help", SERIF_ITALIC, 9.5, 13, textColor=MUTED, spaceAfter=2),
        "body": style("body", SERIF, 10.5, 15),
        "option": style("option", SERIF, 10, 13),
        # Numbered or bulleted lines; the bullet font is named, else reportlab uses Helvetica.
        "listed": style("listed", SERIF, 10.5, 15, leftIndent=16, bulletIndent=0,
                        bulletFontName=SERIF, bulletFontSize=10.5, spaceAfter=2),
        "column": style("column", SANS_BOLD, 9, 11.5),
        "scale_end": style("scale_end", SANS, 8.5, 10.5, textColor=MUTED),
        "scale_end_right": style("scale_end_right", SANS, 8.5, 10.5, textColor=MUTED,
                                 alignment=TA_RIGHT),
        "header": style("header", SANS, 8, 10, textColor=MUTED),
        "header_right": style("header_right", SANS, 8, 10, textColor=MUTED, alignment=TA_RIGHT),
        "sheet_title": style("sheet_title", SANS_BOLD, 18, 23, spaceAfter=10),
        "continued": style("continued", SANS_BOLD, 9.5, 12),
        "code": style("code", MONO, 24, 30, alignment=TA_CENTER),
    }


def user_paragraphs(text: str, style_name: str) -> list[Flowable]:
    """Someone's own text: one Paragraph per line (their line breaks are kept), and a blank
    line becomes half a line of space. Lines with Hebrew or Arabic are set right to left."""
    style = styles()[style_name]
    return [_line(line, style) if line.strip() else Spacer(1, style.leading / 2)
            for line in logical_lines(text)]


def _line(line: str, style: ParagraphStyle, bullet: str | None = None) -> Flowable:
    if has_rtl(line):  # only these take the slower path (rtl_flow.py)
        from workbook.export.rtl_flow import RtlParagraph
        return RtlParagraph(line, style, bullet)
    markup = line_markup(line, style.fontName)
    if _SHAPED.search(markup):
        style = _shaping(style)
    if _HAN_KANA in markup:
        # Chinese and Japanese break between characters (English words stay whole); split at
        # spaces only, a line of them would be one long word, laid out far more slowly.
        style = style.clone(f"{style.name}-cjk", wordWrap="CJK")
    return Paragraph(markup, style, bulletText=bullet)


# A paragraph with Thai or Devanagari is shaped with HarfBuzz (vowel signs placed and
# reordered, conjuncts joined); others are not: shaping costs time and changes nothing there.
_HAN_KANA = f'<font name="{HAN_KANA[0]}">'
_SHAPED = re.compile("|".join(f'<font name="{face}">' for face in sorted(SHAPED_FACES)))


def _shaping(style: ParagraphStyle) -> ParagraphStyle:
    if not _harfbuzz_available():
        return style  # the letters still print, unshaped
    from workbook.export.shaped_text import install
    install()  # so the shaped letters can be copied out of the PDF too
    return style.clone(f"{style.name}-shaped", shaping=1)


@cache
def _harfbuzz_available() -> bool:
    try:
        import uharfbuzz  # noqa: F401
    except ImportError:
        return False
    return True


def content_paragraphs(text: str, style_name: str) -> list[Flowable]:
    """Workbook content: blank lines separate paragraphs, single breaks are only TOML wrapping."""
    return [paragraph(block, style_name) for block in content_model.paragraphs(text)]


def paragraph(text: str, style: str | ParagraphStyle, bullet: str | None = None) -> Flowable:
    """A single Paragraph, for short texts such as titles (line breaks become spaces).

    `style` is a name from `styles()` or a ParagraphStyle made from one of them.
    """
    if isinstance(style, str):
        style = styles()[style]
    bullet_markup = " ".join(to_markup(bullet, style.fontName)) if bullet else None
    return _line(" ".join(logical_lines(text)), style, bullet_markup)


def cover(title: str, lines: list[str], note: str = "") -> list[Flowable]:
    """A neutral first page, with `note` at its foot; what follows starts on a fresh page."""
    story: list[Flowable] = [Spacer(1, 70 * mm), paragraph(title, "cover_title")]
    story += [paragraph(line, "cover_line") for line in lines]
    if note:
        story.append(_AtFoot(paragraph(note, "cover_note")))
    return story + [NextPageTemplate("body"), PageBreak()]


class _AtFoot(Flowable):
    """Takes the rest of the frame and sets its paragraph at the bottom of it."""

    def __init__(self, para: Flowable):
        super().__init__()
        self.para = para

    def wrap(self, avail_width, avail_height):
        self.para_height = self.para.wrap(avail_width, avail_height)[1]
        self.width, self.height = avail_width, max(avail_height, self.para_height)
        return self.width, self.height

    def draw(self):
        self.para.drawOn(self.canv, 0, 0)


def build_pdf(out: BinaryIO, story: list[Flowable], *, size: str = "A4",
              label: str | None = None, password: str | None = None,
              running_heads: bool = True, title: str = "Workbook pages",
              progress: Callable[[int, int], None] | None = None,
              footer_note: str | None = None) -> int:
    """Lay out `story` into `out`; return the number of pages.

    With running_heads, page one has a footer only and later pages also a header (the date
    and `label`, and `footer_note` at the foot); without, pages are bare (the recovery sheet
    carries nothing but the code).
    `progress(done, total)` hears how many of the story's flowables are laid out.
    """
    ensure_fonts()
    pages: list[int] = []
    doc = BaseDocTemplate(out, pagesize=page_dimensions(size), title=title, author="", subject="",
                          creator="Workbook", initialFontName=SANS,
                          leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                          topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
                          encrypt=encryption_for(password))
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="text",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    heads = _RunningHeads(label, _dt.date.today(), footer_note) if running_heads else None
    cover_page: dict[str, Any] = dict(onPage=heads.footer) if heads else {}
    body_page: dict[str, Any] = dict(onPage=heads.header_and_footer) if heads else {}
    doc.addPageTemplates([PageTemplate("cover", [frame], **cover_page),
                          PageTemplate("body", [frame], **body_page)])
    if progress is not None:
        doc.setProgressCallBack(_progress_adapter(progress))
    doc.build(story, canvasmaker=lambda *a, **kw: _TotalCanvas(*a, pages=pages, **kw))
    return pages[0]


def _progress_adapter(progress: Callable[[int, int], None]):
    """reportlab reports ("SIZE_EST", n) once, then ("PROGRESS", i) as flowables are laid out."""
    total = [1]

    def callback(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            total[0] = max(1, value)
        elif kind == "PROGRESS":
            progress(min(value, total[0]), total[0])
    return callback


class _RunningHeads:
    """Draws the header (date, label) and footer (Page N of M) on each page."""

    def __init__(self, label: str | None, day: _dt.date, note: str | None = None):
        self.left = paragraph(f"Printed {printed_date(day)}", "header")
        self.right = paragraph(label, "header_right") if label else None
        centred = styles()["header"].clone("footer_note", alignment=TA_CENTER)
        self.note = paragraph(note, centred) if note else None

    def header_and_footer(self, canv: Canvas, doc) -> None:
        top = doc.pagesize[1] - 13 * mm
        for para in filter(None, (self.left, self.right)):
            # The label (names and period) keeps clear of the date on the left.
            width = doc.width if para is self.left else doc.width * 0.62
            _, height = para.wrap(width, 20 * mm)
            x = doc.leftMargin + (doc.width - width if para is self.right else 0)
            para.drawOn(canv, x, top - height)
        sheet = getattr(doc, "current_sheet", None)
        if sheet:  # this page continues a worksheet begun on an earlier one (drawn.SheetMark)
            para = paragraph(f"{sheet} (continued)", "continued")
            _, height = para.wrap(doc.width, 20 * mm)
            para.drawOn(canv, doc.leftMargin, doc.pagesize[1] - MARGIN_TOP + 3)
        if self.note:  # a discreet line under the page number
            _, height = self.note.wrap(doc.width, 10 * mm)
            self.note.drawOn(canv, doc.leftMargin, 12 * mm - height - 1)
        self.footer(canv, doc)

    def footer(self, canv: Canvas, doc) -> None:
        text = f"Page {canv.getPageNumber()} of "
        canv.saveState()
        canv.setFont(SANS, 8)
        canv.setFillColor(MUTED)
        # The total is unknown until the end: it is a form drawn later (see _TotalCanvas).
        width = canv.stringWidth(text + "00", SANS, 8)
        x = (doc.pagesize[0] - width) / 2
        canv.drawString(x, 12 * mm, text)
        canv.translate(x + canv.stringWidth(text, SANS, 8), 12 * mm)
        canv.doForm(_TOTAL_FORM)
        canv.restoreState()


class _TotalCanvas(Canvas):
    """A canvas that, once every page is done, defines the "M" of "Page N of M".

    PDF lets a page use a form XObject that is defined later, so this takes one pass instead
    of laying the whole document out twice; `pages` receives the page count.
    """

    def __init__(self, *args, pages: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self._pages_out = pages

    def save(self) -> None:
        total = self.getPageNumber() - 1
        self._pages_out.append(total)
        self.beginForm(_TOTAL_FORM)
        self.setFont(SANS, 8)
        self.setFillColor(MUTED)
        self.drawString(0, 0, str(total))
        self.endForm()
        super().save()
