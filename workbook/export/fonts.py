"""Register the bundled DejaVu fonts with reportlab, once, on first use.

reportlab's built-in fonts (Helvetica, Times) cover Latin-1 only, so a Greek or Cyrillic answer
would print as empty boxes; DejaVu covers far more. Fonts are registered by absolute path from
`resource_path`, so printing works the same from a checkout and from a PyInstaller bundle, and
never picks up whatever fonts happen to be installed on the computer.
"""

from __future__ import annotations

import threading

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
            for is_bold, is_italic, face in ((1, 1, bold_italic), (0, 1, italic),
                                             (1, 0, bold), (0, 0, normal)):
                addMapping(family, is_bold, is_italic, face)
        # Filled last: a non-empty dict is what tells other threads the work is done.
        _coverage.update({name: _bmp(font) for name, font in faces.items()})


def coverage(font_name: str) -> frozenset[int]:
    """Code points the bundled face `font_name` has a glyph for."""
    ensure_fonts()
    return _coverage[font_name]


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
    return TTFont(name, str(path.resolve()))
