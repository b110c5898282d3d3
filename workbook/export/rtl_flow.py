"""A paragraph with Hebrew or Arabic in it, broken into lines first and reordered line by line.

reportlab breaks a Paragraph's text into lines itself, in the order the characters come. If a
right-to-left paragraph were reordered for display first, its end would print on the first
line and its start on the last. So `RtlParagraph` breaks the logical text itself, measuring
words with reportlab's own metrics at the width the frame or table cell offers, reorders each
line (`bidi_text.visual`), and sets each as a one-line Paragraph: right-aligned when the
paragraph runs right to left, with the style's font, colour and indents. Splitting across
pages is by whole lines, like a Paragraph. Cost is linear in the text's length.
"""

from __future__ import annotations

from itertools import groupby

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from workbook.export.bidi_text import is_rtl_paragraph, visual
from workbook.export.fonts import coverage
from workbook.export.markup import fallback_font, line_markup, rtl_plain

# Lines are broken a little short of the width, so reportlab never wraps a line we measured
# as fitting (its sums of the same widths can differ in the last decimal).
_SLACK = 1.0


class _Lines(Flowable):
    """One-line Paragraphs stacked; splits between lines."""

    def __init__(self, lines: list[Paragraph], leading: float, before: float, after: float):
        super().__init__()
        self.lines, self.leading = lines, leading
        self.space_before, self.space_after = before, after

    def getSpaceBefore(self):
        return self.space_before

    def getSpaceAfter(self):
        return self.space_after

    def wrap(self, avail_width, avail_height):
        self.width, self.height = avail_width, self.leading * len(self.lines)
        return self.width, self.height

    def split(self, avail_width, avail_height):
        self.wrap(avail_width, avail_height)
        fit = int((avail_height + 1e-6) // self.leading)
        if fit <= 0:
            return []
        if fit >= len(self.lines):
            return [self]
        return [_Lines(self.lines[:fit], self.leading, self.space_before, 0),
                _Lines(self.lines[fit:], self.leading, 0, self.space_after)]

    def draw(self):
        for n, line in enumerate(self.lines, 1):
            line.drawOn(self.canv, 0, self.height - n * self.leading)


class RtlParagraph(_Lines):
    """`text` (one logical line of a person's text or a title) in `style`, right to left."""

    def __init__(self, text: str, style: ParagraphStyle, bullet: str | None = None):
        super().__init__([], style.leading, style.spaceBefore, style.spaceAfter)
        self.style, self.bullet = style, bullet
        self.plain = rtl_plain(text, style.fontName)
        self.rtl = is_rtl_paragraph(self.plain)
        self.face = _one_face(self.plain, style.fontName)
        self._laid_for: float | None = None

    def wrap(self, avail_width, avail_height):
        self._lay_out(avail_width)
        return super().wrap(avail_width, avail_height)

    def split(self, avail_width, avail_height):
        self._lay_out(avail_width)
        return super().split(avail_width, avail_height)

    def _lay_out(self, avail_width: float) -> None:
        if self._laid_for == avail_width:
            return
        style = self.style
        text_width = avail_width - style.leftIndent - style.rightIndent
        line_style = style.clone(f"{style.name}_line", spaceBefore=0, spaceAfter=0,
                                 fontName=self.face,
                                 alignment=TA_RIGHT if self.rtl else style.alignment)
        broken = break_lines(self.plain, text_width - _SLACK, self.face, style.fontSize)
        self.lines = []
        for n, logical in enumerate(broken):
            markup = line_markup(visual(logical, self.rtl), self.face)
            line = Paragraph(markup, line_style, bulletText=self.bullet if n == 0 else None)
            line.wrap(avail_width, style.leading * 2)
            self.lines.append(line)
        self._laid_for = avail_width


def _one_face(text: str, font: str) -> str:
    """The whole line in the fallback face (DejaVu Sans) when it has every character: else
    each space and comma between Hebrew words would switch faces, which looks uneven and
    makes reportlab several times slower on long answers."""
    fallback = fallback_font(font)
    if fallback and set(map(ord, text)) <= coverage(fallback):
        return fallback
    return font


def break_lines(text: str, width: float, font: str, size: float) -> list[str]:
    """Greedy line breaking at spaces, in logical order; a word wider than the line is cut."""
    measure = _Measure(font, size)
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    for word in text.split(" "):
        word_width = measure(word)
        gap = measure.space if current else 0.0
        if current and used + gap + word_width > width:
            lines.append(" ".join(current))
            current, used, gap = [], 0.0, 0.0
        if word_width > width:
            pieces = _cut_word(word, width, measure)
            lines += pieces[:-1]
            word, word_width = pieces[-1], measure(pieces[-1])
        current.append(word)
        used += gap + word_width
    lines.append(" ".join(current))
    return lines


def _cut_word(word: str, width: float, measure: _Measure) -> list[str]:
    pieces, start, used = [], 0, 0.0
    for i, ch in enumerate(word):
        ch_width = measure(ch)
        if used + ch_width > width and i > start:
            pieces.append(word[start:i])
            start, used = i, 0.0
        used += ch_width
    return pieces + [word[start:]]


class _Measure:
    """Width of a word as `line_markup` will set it: the face, or its fallback per character."""

    def __init__(self, font: str, size: float):
        self.font, self.size = font, size
        self.fallback = fallback_font(font) or font
        self.covered = coverage(font)
        self.space = stringWidth(" ", font, size)

    def __call__(self, word: str) -> float:
        if set(map(ord, word)) <= self.covered:
            return stringWidth(word, self.font, self.size)
        return sum(stringWidth("".join(run), self.font if inside else self.fallback, self.size)
                   for inside, run in groupby(word, lambda ch: ord(ch) in self.covered))
