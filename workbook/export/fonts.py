"""Register the bundled DejaVu fonts with reportlab, once, on first use.

reportlab's built-in fonts (Helvetica, Times) cover Latin-1 only, so a Greek or Cyrillic answer
would print as empty boxes; DejaVu covers far more. Fonts are registered by absolute path from
`resource_path`, so printing works the same from a checkout and from a PyInstaller bundle, and
never picks up whatever fonts happen to be installed on the computer.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from workbook.export.errors import ExportError
from workbook.resources import MissingResources, resource_path

SERIF = "DejaVuSerif"
SERIF_BOLD = "DejaVuSerif-Bold"
SERIF_ITALIC = "DejaVuSerif-Italic"
SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
MONO = "DejaVuSansMono"

_FILES = (SERIF, SERIF_BOLD, SERIF_ITALIC, SANS, SANS_BOLD, MONO)

# Scripts DejaVu lacks, each with the bundled face that draws it (regular, bold). They are
# loaded only when a text first needs them: the CJK faces are 4-5 MB and take 0.1-0.2 s each.
THAI = ("NotoSansThai-Regular", "NotoSansThai-Bold")
DEVANAGARI = ("NotoSansDevanagari-Regular", "NotoSansDevanagari-Bold")
HAN_KANA = ("DroidSansFallbackFull", "DroidSansFallbackFull")  # Chinese, Japanese, Hanja
HANGUL = ("NanumGothic", "NanumGothic")  # Korean (Droid Sans Fallback has no Hangul)
_SCRIPTS = (  # (first, last code point, faces)
    (0x0E00, 0x0E7F, THAI),
    (0x0900, 0x097F, DEVANAGARI), (0xA8E0, 0xA8FF, DEVANAGARI), (0x1CD0, 0x1CFF, DEVANAGARI),
    (0x1100, 0x11FF, HANGUL), (0x3130, 0x318F, HANGUL), (0xA960, 0xA97F, HANGUL),
    (0xAC00, 0xD7FF, HANGUL),
    (0x2E80, 0x2FDF, HAN_KANA), (0x3000, 0x312F, HAN_KANA), (0x31A0, 0x4DBF, HAN_KANA),
    (0x4E00, 0x9FFF, HAN_KANA), (0xF900, 0xFAFF, HAN_KANA), (0xFE30, 0xFE4F, HAN_KANA),
    (0xFF00, 0xFFEF, HAN_KANA),
)
# Scripts whose letters change shape or order with their neighbours: set with HarfBuzz.
SHAPED_FACES = frozenset(THAI + DEVANAGARI)

# family -> (normal, bold, italic, bold italic). Faces we do not ship map to the nearest one we
# do, so <i> inside sans text stays upright instead of failing.
_FAMILIES = {
    SERIF: (SERIF, SERIF_BOLD, SERIF_ITALIC, SERIF_BOLD),
    SANS: (SANS, SANS_BOLD, SANS, SANS_BOLD),
    MONO: (MONO, MONO, MONO, MONO),
}

_lock = threading.Lock()
_coverage: dict[str, frozenset[int]] = {}


def ensure_fonts() -> None:
    """Register every bundled font and its family. Cheap after the first call."""
    if _coverage:
        return
    with _lock:  # exports may run off the UI thread
        if _coverage:
            return
        faces = {name: _load(name) for name in _FILES}
        for font in faces.values():
            pdfmetrics.registerFont(font)
        for family, (normal, bold, italic, bold_italic) in _FAMILIES.items():
            # addMapping also records face -> style, last call winning: plain styles go last
            # so that DejaVuSans reads as "regular", not as the stand-in for italic.
            addMapping(family, 1, 1, bold_italic)
            addMapping(family, 0, 1, italic)
            addMapping(family, 1, 0, bold)
            addMapping(family, 0, 0, normal)
        # Filled last: a non-empty dict is what tells other threads the work is done.
        _coverage.update({name: _bmp(font) for name, font in faces.items()})


def coverage(font_name: str) -> frozenset[int]:
    """Code points the bundled face `font_name` has a glyph for."""
    ensure_fonts()
    if font_name not in _coverage:
        _load_script_face(font_name)
    return _coverage[font_name]


@lru_cache(maxsize=65_536)  # called for every such character of an answer
def script_face(cp: int, bold: bool = False) -> str | None:
    """The bundled face for a character of a script DejaVu lacks (Thai, Devanagari, Chinese,
    Japanese, Korean), if it has the glyph; None otherwise."""
    for first, last, faces in _SCRIPTS:
        if first <= cp <= last:
            face = faces[1 if bold else 0]
            return face if cp in coverage(face) else None
    return None


def _load_script_face(name: str) -> None:
    with _lock:
        if name in _coverage:
            return
        font = _load(name)
        pdfmetrics.registerFont(font)
        addMapping(name, 0, 0, name)  # <font name=...> inside bold or italic text keeps it
        addMapping(name, 1, 0, name)
        addMapping(name, 0, 1, name)
        addMapping(name, 1, 1, name)
        _coverage[name] = _bmp(font)


def _bmp(font: TTFont) -> frozenset[int]:
    """The face's characters, less those beyond U+FFFF (emoji such as U+1F600).

    reportlab draws those but writes them into the PDF's ToUnicode map as odd-length hex, so
    copying or searching the text breaks; treating them as missing prints their name instead.
    """
    return frozenset(cp for cp in font.face.charToGlyph if cp <= 0xFFFF)


def _load(name: str) -> TTFont:
    path = resource_path("fonts", f"{name}.ttf")
    if not path.is_file():
        raise ExportError(MissingResources.MESSAGE)  # the wheel, sdist and bundles carry them
    kind = TTFont if name in SHAPED_FACES else _UnshapedFont
    return kind(name, str(path.resolve()))


class _UnshapedFont(TTFont):
    """A face reportlab never shapes, even inside a shaped paragraph.

    reportlab shapes every word of a paragraph whose style asks for it, with the face of the
    word's first run; only Thai and Devanagari need it, and shaping Korean with NanumGothic
    gives glyphs its subsetter drops (boxes). reportlab skips a word whose face raises
    AttributeError here (pdfbase/ttfonts.py, shapeFragWord).
    """

    def hbFont(self, fontSize=10):
        raise AttributeError("shaping is kept for Thai and Devanagari")
