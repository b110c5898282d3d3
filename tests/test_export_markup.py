"""Text to reportlab markup: escaping, line splitting, scripts and the emoji stand-ins."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from workbook.export.fonts import SANS, SANS_BOLD, SERIF, SERIF_BOLD, coverage
from workbook.export.layout import build_pdf, cover, styles, user_paragraphs
from workbook.export.markup import MAX_LINE, to_markup

ROOT = Path(__file__).resolve().parents[1]
TRICKY = ("Plain <b>not bold</b> & <3 and a </para> tag\n"
          "Γειά σου κόσμε — Привет, мир\n"
          "שלום and مرحبا\n"
          "Thumbs 👍 and family 👨‍👩‍👧 and flag 🇫🇷 and heart ❤\n"
          "ሰላ text")


def pdf_text(story) -> tuple[str, int]:
    buf = io.BytesIO()
    pages = build_pdf(buf, cover("Workbook pages", []) + story)
    reader = PdfReader(buf)
    return "\n".join(page.extract_text() for page in reader.pages), pages


def test_markup_characters_are_escaped():
    assert to_markup("a <b>x</b> & <3 >") == ["a &lt;b&gt;x&lt;/b&gt; &amp; &lt;3 &gt;"]


def test_each_line_is_its_own_paragraph_and_blank_lines_are_kept():
    assert to_markup("one\ntwo\r\n\nthree\rfour") == ["one", "two", "", "three", "four"]
    assert to_markup("") == []


def test_scripts_the_serif_lacks_fall_back_to_sans():
    # Hebrew comes out in drawing order (reversed), see tests/test_export_rtl.py.
    (line,) = to_markup("Γειά Привет שלום")
    assert line == f'Γειά Привет <font name="{SANS}">םולש</font>'
    (bold,) = to_markup("שלום", SERIF_BOLD)
    assert bold == f'<font name="{SANS_BOLD}">םולש</font>'  # stays bold


def test_missing_emoji_become_readable_names():
    assert to_markup("ok 👍") == ["ok [emoji: thumbs up sign]"]
    # A joined sequence with a skin tone is one bracket, not a row of boxes.
    assert to_markup("👨‍👩‍👧 👋🏽") == ["[emoji: man, woman, girl] [emoji: waving hand sign]"]
    assert to_markup("🇫🇷🇩🇪") == ["[flag: FR, DE]"]
    assert to_markup("ሰላም") == ["[3 characters not available in print]"]  # Ethiopic
    assert to_markup("中文字") == ['<font name="DroidSansFallbackFull">中文字</font>']


def test_decomposed_accents_are_composed_so_they_print_in_place():
    assert to_markup("Tie\u0302\u0301ng cafe\u0301") == ["Tiếng café"]


def test_control_characters_and_lone_surrogates_do_not_break_markup():
    assert to_markup("a\x00b\x07c\td") == ["abc    d"]
    assert to_markup("x\ud800y") == ["x[1 character not available in print]y"]


def test_long_lines_are_cut_at_spaces_without_losing_text():
    line = " ".join(["word"] * 3000)
    pieces = to_markup(line)
    assert len(pieces) > 5 and all(len(p) <= MAX_LINE for p in pieces)
    assert "".join(pieces) == line
    unbroken = "x" * (3 * MAX_LINE + 5)
    assert "".join(to_markup(unbroken)) == unbroken


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60))
def test_any_text_gives_valid_markup_with_only_printable_characters(text):
    printable = coverage(SERIF) | coverage(SANS) | _script_faces()
    for markup in to_markup(text):
        Paragraph(markup, styles()["body"])  # raises on broken markup
        plain = re.sub(r"<[^>]+>", "", markup)
        assert {ord(c) for c in plain} <= printable


def _script_faces() -> frozenset[int]:
    from workbook.export.fonts import DEVANAGARI, HAN_KANA, HANGUL, THAI
    return frozenset().union(*(coverage(faces[0]) for faces in (THAI, DEVANAGARI, HAN_KANA,
                                                                HANGUL)))


def test_tricky_text_comes_out_of_the_pdf_literally():
    text, _ = pdf_text(user_paragraphs(TRICKY, "body"))
    flat = " ".join(text.split())
    assert "Plain <b>not bold</b> & <3 and a </para> tag" in flat
    assert "Γειά σου κόσμε — Привет, мир" in flat
    assert "[emoji: thumbs up sign]" in flat and "[flag: FR]" in flat and "❤" in flat
    assert "[emoji: man, woman, girl]" in flat
    assert "[2 characters not available in print]" in flat
    # Hebrew prints; Arabic prints joined (presentation forms). Order: test_export_rtl.py.
    assert set("שלום") <= set(text) and "\ufee3\ufeae\ufea3\ufe92\ufe8e" in text


def test_a_100000_character_answer_becomes_many_paragraphs_and_many_pages():
    sentence = "We sat by the window and talked about the week, slowly and kindly. "
    text = ""
    while len(text) < 100_000:
        text += sentence * 5 + "\n"
    text = text[:100_000]
    flowables = user_paragraphs(text, "body")
    assert len(flowables) > 200
    extracted, pages = pdf_text(flowables)
    assert pages > 10
    assert extracted.count("talked about the week") > 1000


def test_one_unbroken_100000_character_line_also_lays_out():
    _, pages = pdf_text(user_paragraphs("word " * 20_000, "body"))
    assert pages > 10


def test_importing_the_package_does_not_import_reportlab():
    code = "import sys, workbook.export; print('reportlab' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_only_the_export_package_imports_reportlab():
    package = ROOT / "workbook"
    offenders = [str(p.relative_to(package)) for p in package.rglob("*.py")
                 if "export" not in p.relative_to(package).parts
                 and re.search(r"^\s*(from|import)\s+reportlab\b", p.read_text("utf-8"), re.M)]
    assert offenders == []


def test_font_families_make_our_own_bold_tags_work():
    para = Paragraph("<b>bold</b> <i>italic</i>", styles()["body"])
    assert [f.fontName for f in para.frags] == [SERIF_BOLD, SERIF, "DejaVuSerif-Italic"]
    sans = Paragraph("<b>bold</b>", styles()["scale_end"])
    assert sans.frags[0].fontName == SANS_BOLD
