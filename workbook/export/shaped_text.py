"""Copying shaped Thai and Devanagari out of a PDF: the letters behind each shaped glyph.

HarfBuzz turns "स्" into one half-form glyph and moves Thai tone marks to smaller variants.
Such glyphs have no character in the font's own map, so reportlab gives each a private-use
code (U+E000…) and the PDF's ToUnicode map says just that: copying or searching the text
then loses those letters. Here, after reportlab shapes a word, each private glyph is matched
with the letters of its cluster that no other glyph stands for, and the ToUnicode map then
names those letters. Thai, whose marks are not reordered, copies out exactly; a Devanagari
vowel sign drawn before its consonant (ि) copies out before it too (only marked content with
/ActualText could fix that, which reportlab's paragraphs cannot write).

Two reportlab functions are wrapped (pdfbase.ttfonts.makeToUnicodeCMap and the
shapeFragWord that platypus.paragraph imported); if reportlab changes them, the wrappers fall
back to the original result, and tests/test_export_scripts.py notices the lost letters.
"""

from __future__ import annotations

import threading

_PRIVATE = range(0xE000, 0xF900)
_texts: dict[str, dict[int, str]] = {}  # face name -> {private code: the letters it draws}
_lock = threading.Lock()


def install() -> None:
    """Wrap reportlab's shaping and ToUnicode functions, once."""
    from reportlab.pdfbase import ttfonts
    from reportlab.platypus import paragraph
    with _lock:
        if getattr(paragraph.shapeFragWord, "workbook_wrapped", False):  # type: ignore[attr-defined]  # imported there, not in its stubs
            return
        shape_word, unicode_map = paragraph.shapeFragWord, ttfonts.makeToUnicodeCMap  # type: ignore[attr-defined]  # as above

        def shape(word, *args, **kwargs):
            shaped = shape_word(word, *args, **kwargs)
            if shaped is not word:
                try:
                    _remember(word, shaped)
                except Exception:  # copying text out is a nicety: printing goes on regardless
                    pass
            return shaped

        def cmap(font_name, subset):
            text = unicode_map(font_name, subset)
            known = _texts.get(font_name.split("+", 1)[-1])
            if not known:
                return text
            swap = {f"<{i:02X}> <{code:04X}>": f"<{i:02X}> <{_utf16(known[code])}>"
                    for i, code in enumerate(subset) if code in known}
            return "\n".join(swap.get(line, line) for line in text.split("\n"))

        shape.workbook_wrapped = True  # type: ignore[attr-defined]  # a mark on our own wrapper
        paragraph.shapeFragWord = shape  # type: ignore[attr-defined]  # as above
        ttfonts.makeToUnicodeCMap = cmap


def _utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _remember(word, shaped) -> None:
    """Note, for each private glyph in `shaped`, the letters of `word` it stands for."""
    from reportlab.pdfbase.pdfmetrics import getFont
    text = "".join(s for frag, s in word[1:] if not hasattr(frag, "cbDefn"))
    glyphs = []  # (face name, character, cluster)
    for frag, piece in shaped[1:]:
        data = getattr(piece, "__shapeData__", None)
        if data is None or hasattr(frag, "cbDefn"):
            continue
        face = getFont(frag.fontName).face.name  # type: ignore[attr-defined]  # stubs omit Font.face
        face = face.decode("latin-1") if isinstance(face, bytes) else face
        glyphs += [(face, ch, d.cluster) for ch, d in zip(piece, data, strict=False)]
    starts = sorted({cluster for _, _, cluster in glyphs}) + [len(text)]
    following = dict(zip(starts, starts[1:], strict=False))
    for start in starts[:-1]:
        members = [(face, ch) for face, ch, cluster in glyphs if cluster == start]
        letters = text[start:following[start]]
        for _, ch in members:
            if ord(ch) not in _PRIVATE:
                letters = letters.replace(ch, "", 1)
        private = [(face, ch) for face, ch in members if ord(ch) in _PRIVATE]
        if private and letters:
            face, ch = private[0]
            with _lock:
                _texts.setdefault(face, {}).setdefault(ord(ch), letters)
