"""Right-to-left text (Hebrew, Arabic) as plain strings: detection, Arabic joining, visual order.

reportlab draws every line left to right and knows neither the Unicode bidirectional
algorithm nor Arabic joining, so lines with right-to-left letters are prepared here:

- `shape` replaces Arabic letters by their joined presentation forms (arabic_reshaper), in
  logical order, using only forms and ligatures the printing face has (else the plain letter);
- `visual` puts ONE already-broken line into left-to-right drawing order (python-bidi, the
  Unicode algorithm) and mirrors brackets inside right-to-left runs.

Lines must be broken before `visual` runs: reordering a whole paragraph and then breaking it
would print a right-to-left paragraph's lines bottom-up (see `rtl_flow.py`). Only lines that
contain right-to-left letters come here (`has_rtl`), so other text pays nothing. The two
libraries are imported on first use, like reportlab.
"""

from __future__ import annotations

import re
from functools import cache

# Hebrew, Arabic, Syriac, Thaana, NKo ... up to Arabic Extended-A, and the presentation forms.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_LEVEL = re.compile(r"Level\(\s*(\d+)")


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def is_rtl_paragraph(text: str) -> bool:
    """True when the first strong letter is right-to-left (Unicode rules P2, P3)."""
    if not text:  # python-bidi refuses ""
        return False
    from bidi import get_base_level
    return get_base_level(text) == 1


def shape(text: str, printable: frozenset[int], face: str) -> str:
    """Arabic letters joined as in handwriting; `printable` is the cmap of `face`."""
    if not _ARABIC.search(text):
        return text  # Hebrew needs no shaping
    joined = _reshaper(face, printable).reshape(text)
    if set(map(ord, joined)) <= printable:
        return joined
    # A few letters (mostly Urdu and Persian extras) lack some forms in DejaVu Sans: the plain
    # letter prints unjoined rather than as "[1 character not available in print]".
    base = _base_letters()
    return "".join(ch if ord(ch) in printable else base.get(ch, ch) for ch in joined)


@cache
def _reshaper(face: str, printable: frozenset[int]):
    """A reshaper with only the ligatures the face can draw (DejaVu: the lam-alef ones)."""
    from arabic_reshaper import ArabicReshaper
    from arabic_reshaper.ligatures import LIGATURES

    # Harakat (short-vowel marks) are deleted, the library's default: reportlab cannot place
    # combining marks, so they would land beside their letter.
    config = {"delete_harakat": True, "support_ligatures": True}
    for name, (_, forms) in LIGATURES:
        config[name] = all(ord(ch) in printable for form in forms for ch in form)
    return ArabicReshaper(configuration=config)


@cache
def _base_letters() -> dict[str, str]:
    from arabic_reshaper.letters import LETTERS_ARABIC
    return {form: letter for letter, forms in LETTERS_ARABIC.items() for form in forms if form}


def visual(line: str, rtl: bool) -> str:
    """One line in drawing order; `rtl` is the direction of the whole paragraph it came from
    (a line of a Hebrew paragraph may start with an English word, and still runs right to left).
    """
    if not line:  # e.g. only an Arabic number sign (U+0600), dropped: python-bidi refuses ""
        return line
    from bidi import get_display
    base = "R" if rtl else "L"
    if not _mirrorable().search(line):
        return get_display(line, base_dir=base)
    # python-bidi 0.5+ (Rust) reorders but does not mirror (rule L4): "(" inside Hebrew must
    # print as ")". So the resolved levels are read and the line reordered here (rule L2).
    levels = _levels(line, base)
    if levels is None:
        return get_display(line, base_dir=base)
    mirror = _mirrors()
    return "".join(mirror.get(line[i], line[i]) if levels[i] % 2 else line[i]
                   for i in _reorder(levels))


@cache
def _mirrors() -> dict[str, str]:
    from bidi.mirror import MIRRORED
    return MIRRORED


@cache
def _mirrorable() -> re.Pattern:
    return re.compile("[" + re.escape("".join(_mirrors())) + "]")


def _levels(line: str, base: str) -> list[int] | None:
    """Embedding level of each character, or None if python-bidi's report changes shape.

    The Rust core reports a level per UTF-8 byte in its debug text; the first byte of each
    character carries the character's level.
    """
    from bidi import get_display
    found = _LEVEL.findall(get_display(line, base_dir=base, debug=True))
    size = len(line.encode("utf-8"))
    if len(found) < size:
        return None
    levels, offset = [], 0
    for ch in line:
        levels.append(int(found[offset]))
        offset += len(ch.encode("utf-8"))
    # Rule L1: whitespace at the end of the line goes back to the paragraph level.
    paragraph_level = 1 if base == "R" else 0
    end = len(line)
    while end and line[end - 1].isspace():
        end -= 1
        levels[end] = paragraph_level
    return levels


def _reorder(levels: list[int]) -> list[int]:
    """Rule L2: from the highest level down to the lowest odd one, reverse every run of
    characters at that level or higher. Returns source indexes in drawing order."""
    odd = [level for level in levels if level % 2]
    items = list(zip(levels, range(len(levels)), strict=True))
    if not odd:
        return [i for _, i in items]
    for level in range(max(levels), min(odd) - 1, -1):
        i = 0
        while i < len(items):
            if items[i][0] < level:
                i += 1
                continue
            j = i
            while j < len(items) and items[j][0] >= level:
                j += 1
            items[i:j] = items[i:j][::-1]
            i = j
    return [i for _, i in items]
