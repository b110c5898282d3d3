"""The single gateway from text (the user's or the content's) to reportlab Paragraph markup.

reportlab's Paragraph parses a small XML-like markup, so a `<` or `&` in someone's answer
would be read as a tag, and a character the font has no glyph for prints as an empty box.
`to_markup` fixes both, and splits the text into lines so that a very long answer becomes many
small paragraphs (reportlab lays out one huge paragraph far more slowly than many small ones).

Characters are looked up in the face's own character map (the TTF cmap that reportlab read):
- in the face: printed as they are;
- missing there but in DejaVu Sans (Hebrew, Arabic, many symbols): printed in DejaVu Sans;
- emoji and other symbols in neither: a readable name in brackets, "[emoji: thumbs up sign]";
- other unprintable text (for example Chinese): "[5 characters not available in print]";
- invisible formatting characters (joiners, variation selectors): dropped if the font lacks them.

Lines with Hebrew or Arabic letters are also shaped and put into visual order (`bidi_text`).
Here that is done per logical line, which is right only for text that stays on one line;
`layout` sends user text with such letters to `rtl_flow.RtlParagraph`, which breaks the line
first, using `rtl_plain` and `line_markup` below (escaping happens after reordering).
"""

from __future__ import annotations

import unicodedata

from workbook.export.bidi_text import has_rtl, is_rtl_paragraph, shape, visual
from workbook.export.fonts import (
    MONO,
    SANS,
    SANS_BOLD,
    SERIF,
    SERIF_BOLD,
    SERIF_ITALIC,
    coverage,
    script_face,
)

# Where a face looks when it lacks a glyph. Sans faces have no fallback: they are the widest.
_FALLBACK = {SERIF: SANS, SERIF_ITALIC: SANS, SERIF_BOLD: SANS_BOLD, MONO: SANS}

# Longest line handed to one Paragraph; longer lines are cut at a space near this length.
MAX_LINE = 2000

_OK, _FALLBACK_RUN, _SYMBOL, _UNKNOWN, _INVISIBLE, _DROP = range(6)
_EMOJI_RANGES = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2B00, 0x2BFF))


def to_markup(text: str, font: str = SERIF) -> list[str]:
    """Paragraph-safe markup for `text` set in `font`: one string per line ("" for a blank one).

    Every string that reaches a reportlab Paragraph goes through here.
    """
    out: list[str] = []
    for piece in logical_lines(text):
        if has_rtl(piece):
            plain = rtl_plain(piece, font)
            piece = visual(plain, is_rtl_paragraph(plain))
        out.append(line_markup(piece, font))
    return out


def logical_lines(text: str) -> list[str]:
    """The person's lines, composed (NFC), tabs as spaces, over-long lines cut at a space."""
    # NFC first: reportlab does not position combining accents, so "e" + U+0301 would print
    # the accent beside the letter, while the composed "é" has a glyph of its own.
    lines = unicodedata.normalize("NFC", text).replace("\t", "    ").splitlines()
    return [piece for line in lines for piece in _cut(line)]


def line_markup(line: str, font: str = SERIF) -> str:
    """Markup for one line in drawing order: escaped, missing glyphs in the fallback face,
    emoji named, unprintable characters counted."""
    primary = coverage(font)
    if set(map(ord, line)) <= primary:  # the common case, done in C
        return _escape(line)
    fallback_font = _FALLBACK.get(font)
    return _render(_runs(line, primary, _fallback_coverage(font), _is_bold(font)),
                   fallback_font)


def rtl_plain(line: str, font: str = SERIF) -> str:
    """A logical line with right-to-left letters as plain text ready to break and reorder:
    emoji and unprintable characters already replaced by their bracketed names (so the names
    take part in the ordering as words), invisible characters dropped, Arabic joined."""
    primary, fallback = coverage(font), _fallback_coverage(font)
    parts = []
    for kind, chars in _runs(line, primary, fallback, _is_bold(font)):
        printable = kind in (_OK, _FALLBACK_RUN) or isinstance(kind, str)
        parts.append("".join(chars) if printable else _label(kind, chars))
    face = font if 0x627 in primary else (_FALLBACK.get(font) or font)
    return shape("".join(parts), coverage(face), face)


def fallback_font(font: str) -> str | None:
    return _FALLBACK.get(font)


def _is_bold(font: str) -> bool:
    return font in (SANS_BOLD, SERIF_BOLD)


def _fallback_coverage(font: str) -> frozenset[int]:
    fallback = _FALLBACK.get(font)
    return coverage(fallback) if fallback else frozenset()


def _cut(line: str) -> list[str]:
    """Split an over-long line at spaces, so no single Paragraph gets huge.

    Each cut shows as a line that ends early; only lines of thousands of characters get one.
    reportlab's layout time grows faster than linearly with a paragraph's length (measured:
    0.9 s for one 100 000-character paragraph, 0.1 s for the same text in pieces).
    """
    pieces = []
    while len(line) > MAX_LINE:
        at = line.rfind(" ", MAX_LINE // 2, MAX_LINE)
        at = MAX_LINE if at < 0 else at + 1
        pieces.append(line[:at])
        line = line[at:]
    return pieces + [line]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _runs(line: str, primary: frozenset[int], fallback: frozenset[int],
          bold: bool = False) -> list[list]:
    """Group characters into [kind, chars] runs; joiners after an emoji belong to that emoji.
    A run in a script face (Thai, Devanagari, CJK) has that face's name as its kind."""
    runs: list[list] = []
    for ch in line:
        kind = _kind(ch, primary, fallback, bold)
        if runs and isinstance(runs[-1][0], str) and _joins_script_run(ch, runs[-1][0]):
            kind = runs[-1][0]  # "धीरे-धीरे" stays one run: shaping needs the whole word
        if runs and runs[-1][0] == _SYMBOL and (kind == _SYMBOL or _is_joiner(ch)):
            kind = _SYMBOL if kind == _SYMBOL else _INVISIBLE  # absorb 👨‍👩 joiners, skin tones
        if kind in (_INVISIBLE, _DROP):
            continue
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(ch)
        else:
            runs.append([kind, [ch]])
    return runs


def _joins_script_run(ch: str, face: str) -> bool:
    """Punctuation, a digit or a space right after Thai, Devanagari or CJK text, that its
    face has: fewer, longer runs lay out much faster (a 100 000-character Korean answer)."""
    category = unicodedata.category(ch)
    return (category[0] in "PN" or category == "Zs") and ord(ch) in coverage(face)


def _kind(ch: str, primary: frozenset[int], fallback: frozenset[int],
          bold: bool = False) -> int | str:
    cp = ord(ch)
    category = unicodedata.category(ch)
    if category == "Cc":
        return _DROP  # control characters print as nothing, or as a box
    if cp in primary:
        return _OK
    if cp in fallback:
        return _FALLBACK_RUN
    face = script_face(cp, bold)
    if face:
        return face
    if _is_joiner(ch):
        return _INVISIBLE
    if category.startswith("S"):
        return _SYMBOL
    return _UNKNOWN


def _is_joiner(ch: str) -> bool:
    """Invisible parts of emoji sequences: ZWJ, variation selectors, skin-tone modifiers."""
    cp = ord(ch)
    return (unicodedata.category(ch) == "Cf" or 0xFE00 <= cp <= 0xFE0F
            or 0x1F3FB <= cp <= 0x1F3FF or 0xE0100 <= cp <= 0xE01EF or cp == 0x20E3)


def _render(runs: list[list], fallback_font: str | None) -> str:
    parts = []
    for kind, chars in runs:
        text = "".join(chars)
        if isinstance(kind, str):  # a script face: Thai, Devanagari, Chinese, Japanese, Korean
            parts.append(f'<font name="{kind}">{_escape(text)}</font>')
        elif kind == _OK:
            parts.append(_escape(text))
        elif kind == _FALLBACK_RUN:
            parts.append(f'<font name="{fallback_font}">{_escape(text)}</font>')
        else:
            parts.append(_label(kind, chars))
    return "".join(parts)


def _label(kind: int, chars: list[str]) -> str:
    if kind == _SYMBOL:
        return _symbol_label(chars)
    count = len(chars)
    return f"[{count} character{'s' if count > 1 else ''} not available in print]"


def _symbol_label(chars: list[str]) -> str:
    letters = [_flag_letter(ch) for ch in chars]
    if all(letters):  # regional indicator pairs are flags: 🇫🇷 -> [flag: FR]
        flags = ["".join(letters[i:i + 2]) for i in range(0, len(letters), 2)]
        return f"[flag: {', '.join(flags)}]"
    names = [unicodedata.name(ch, "").lower() for ch in chars if not _is_joiner(ch)]
    what = "emoji" if any(_is_emoji(ch) for ch in chars) else "symbol"
    named = ", ".join(n for n in names if n)
    return f"[{what}: {named}]" if named else f"[{what}]"


def _flag_letter(ch: str) -> str:
    cp = ord(ch)
    return chr(cp - 0x1F1E6 + ord("A")) if 0x1F1E6 <= cp <= 0x1F1FF else ""


def _is_emoji(ch: str) -> bool:
    cp = ord(ch)
    return any(low <= cp <= high for low, high in _EMOJI_RANGES)
