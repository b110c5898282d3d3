"""Blank worksheets: content, page sizes, fonts, a neutral first page, forms and passwords."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess

import pytest
from pypdf import PdfReader

from workbook.content import load_content
from workbook.content.model import Chapter, Content, Field, FieldKind, Worksheet
from workbook.export import ExportError, build_blank_worksheets

# Words that must never be on page one, the page a file manager shows as the thumbnail.
INTIMATE = ("sex", "intima", "betray", "trauma", "reject", "affair", "infidel", "touch",
            "consent", "abuse", "naked", "desire", "body", "hurt", "shame", "couple")
CONTENT = load_content().content


def flat(text: str) -> str:
    return " ".join(text.split())


def page_texts(path) -> list[str]:
    return [flat(page.extract_text()) for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def workbook_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("blank") / "blank.pdf"
    pages = build_blank_worksheets(path)
    return path, pages


def test_every_chapter_and_worksheet_title_is_printed(workbook_pdf):
    path, _ = workbook_pdf
    text = " ".join(page_texts(path))
    for chapter in CONTENT.chapters:
        assert flat(chapter.title) in text, chapter.id
        assert f"Chapter {chapter.number}" in text
        for worksheet in chapter.worksheets:
            assert flat(worksheet.title) in text, worksheet.id
            for field in worksheet.fields:
                assert flat(field.prompt) in text, field.id


def test_pages_are_counted_in_the_footer(workbook_pdf):
    path, pages = workbook_pdf
    texts = page_texts(path)
    assert pages == len(texts) > len(CONTENT.chapters)
    assert "Page 1 of" in texts[0]
    assert f"Page {pages} of" in texts[-1]
    if shutil.which("pdftotext"):  # poppler also draws the total, which sits in a form XObject
        first = subprocess.run(["pdftotext", "-l", "1", str(path), "-"], capture_output=True,
                               text=True, check=True).stdout
        assert f"Page 1 of {pages}" in first


def test_page_one_is_neutral(workbook_pdf):
    path, _ = workbook_pdf
    reader = PdfReader(path)
    first = reader.pages[0].extract_text().lower()
    assert "workbook pages" in first
    assert [w for w in INTIMATE if w in first] == []
    assert [w for w in INTIMATE if w in str(reader.metadata.title).lower()] == []


def test_fonts_are_embedded_subsets_of_the_bundled_dejavu(workbook_pdf):
    path, _ = workbook_pdf
    fonts = {}
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert fonts and all("DejaVu" in name for name in fonts)
    for name, font in fonts.items():
        assert "/FontFile2" in font["/FontDescriptor"], name
    if shutil.which("pdffonts"):
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                                 check=True).stdout.splitlines()[2:]
        assert listing and all(line.split()[-5] == "yes" for line in listing), listing


def test_page_sizes(tmp_path):
    chapter = [CONTENT.chapters[0].id]
    a4, letter = tmp_path / "a4.pdf", tmp_path / "letter.pdf"
    build_blank_worksheets(a4, chapter, page_size="A4")
    build_blank_worksheets(letter, chapter, page_size="Letter")
    box = PdfReader(a4).pages[1].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    box = PdfReader(letter).pages[1].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_a_chapter_filter_prints_only_that_chapter(tmp_path):
    chosen, *others = CONTENT.chapters
    path = tmp_path / "one.pdf"
    pages = build_blank_worksheets(path, [chosen.id])
    text = " ".join(page_texts(path))
    assert pages == len(PdfReader(path).pages)
    assert flat(chosen.title) in text and "1 chapter ·" in text
    assert [c.id for c in others if flat(c.title) in text] == []


def test_bad_arguments_raise_before_anything_is_written(tmp_path):
    path = tmp_path / "x.pdf"
    with pytest.raises(ValueError, match="no-such-chapter"):
        build_blank_worksheets(path, ["no-such-chapter"])
    with pytest.raises(ValueError, match="A5"):
        build_blank_worksheets(path, page_size="A5")
    with pytest.raises(ValueError):
        build_blank_worksheets(path, [])
    with pytest.raises(ValueError):
        build_blank_worksheets(path, password="")
    assert os.listdir(tmp_path) == []


def test_the_saved_file_is_private(tmp_path):
    path = tmp_path / "blank.pdf"
    build_blank_worksheets(path, [CONTENT.chapters[0].id])
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def every_kind() -> Content:
    """One worksheet with every field kind and the awkward cases of each."""
    fields = (
        Field("story", FieldKind.LONG_TEXT, "Long <answer> & more", help="A hint"),
        Field("line", FieldKind.SHORT_TEXT, "One line"),
        Field("ticks", FieldKind.CHECKLIST, "Ticks", options=tuple(f"Option {i}" for i in
                                                                    range(1, 9)),
              allow_other=True),
        Field("one", FieldKind.SINGLE_CHOICE, "Pick one", options=("Yes", "No")),
        Field("small", FieldKind.SCALE, "Small scale", low_label="Low end", high_label="High end",
              min=1, max=5),
        Field("wide", FieldKind.SCALE, "Wide scale", low_label="None", high_label="All",
              min=0, max=100),
        Field("pairs", FieldKind.REFRAME, "Reframe it", left_label="Left label",
              right_label="Right label"),
        Field("given", FieldKind.RANKED_LIST, "Rank these", items=("Alpha", "Beta", "Gamma")),
        Field("free", FieldKind.RANKED_LIST, "Your own list", max_items=3),
        Field("when", FieldKind.DATE, "When?"),
    )
    worksheet = Worksheet("all", "Every kind Γειά שלום", fields, intro="Line one\nwrapped.")
    return Content(chapters=(Chapter("kinds", 1, "Kinds", "s", "r", (worksheet,)),))


def test_every_field_kind_prints(tmp_path):
    path = tmp_path / "kinds.pdf"
    build_blank_worksheets(path, content=every_kind())
    text = " ".join(page_texts(path))
    for expected in ("Long <answer> & more", "Line one wrapped.", "Option 8", "Other:",
                     "Low end", "High end", "Left label", "Right label", "Alpha", "Gamma",
                     "Circle one number.", "Tick any that apply.", "Choose one.", "Γειά"):
        assert expected in text, expected
    assert "100" in text and " 5 " in text


def test_fillable_pages_have_form_fields(tmp_path):
    path = tmp_path / "form.pdf"
    build_blank_worksheets(path, content=every_kind(), fillable=True)
    fields = PdfReader(path).get_fields()
    kinds = {str(f.get("/FT")) for f in fields.values()}
    assert {"/Tx", "/Btn"} <= kinds
    assert "kinds:all:story" in fields and "kinds:all:ticks:1" in fields
    assert "kinds:all:one" in fields and "kinds:all:pairs:r1c2" in fields
    plain = tmp_path / "plain.pdf"
    build_blank_worksheets(plain, content=every_kind())
    assert not PdfReader(plain).get_fields()


def test_password_gives_aes_256_that_opens_with_the_password(tmp_path):
    pytest.importorskip("pyaes")
    path = tmp_path / "locked.pdf"
    password = "a long pass phrase é"
    build_blank_worksheets(path, [CONTENT.chapters[0].id], password=password)
    reader = PdfReader(path)
    assert reader.is_encrypted
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert encrypt["/V"] == 5 and encrypt["/Length"] == 256
    assert encrypt["/CF"]["/StdCF"]["/CFM"] == "/AESV3"
    assert len(encrypt["/UE"]) == len(encrypt["/OE"]) == 32 and len(encrypt["/Perms"]) == 16
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils is needed to open the encrypted PDF")
    opened = subprocess.run(["pdftotext", "-upw", password, str(path), "-"],
                            capture_output=True, text=True)
    assert opened.returncode == 0 and "Workbook pages" in opened.stdout
    refused = subprocess.run(["pdftotext", "-upw", "wrong", str(path), "-"],
                             capture_output=True, text=True)
    assert refused.returncode != 0 and "Workbook pages" not in refused.stdout


def test_without_pyaes_a_password_is_a_calm_error(tmp_path, monkeypatch):
    from reportlab.lib import pdfencrypt
    monkeypatch.setattr(pdfencrypt, "pyaes", None)
    with pytest.raises(ExportError, match="pyaes"):
        build_blank_worksheets(tmp_path / "x.pdf", password="secret")
    assert os.listdir(tmp_path) == []


def test_every_sheet_stands_alone(workbook_pdf):
    """No page without its worksheet's title; a name and date line, the chapter's summary and
    (for sensitive chapters) its content note on every worksheet's first page."""
    path, _ = workbook_pdf
    texts = page_texts(path)[1:]
    sheets = [(c, w) for c in CONTENT.chapters for w in c.worksheets]
    for number, text in enumerate(texts, 2):
        assert any(flat(w.title) in text for _, w in sheets), f"page {number} has no title"
    firsts = [t for t in texts if "(continued)" not in t]
    assert len(firsts) == len(sheets)
    for (chapter, worksheet), text in zip(sheets, firsts, strict=True):
        assert flat(worksheet.title) in text
        assert "Name or initials:" in text and "Date:" in text
        assert flat(chapter.summary) in text
        if chapter.content_note:
            assert "Content note: " + flat(chapter.content_note) in text


def test_ladder_sheet_prints_its_steps_and_hints_agree(workbook_pdf):
    path, _ = workbook_pdf
    text = " ".join(page_texts(path))
    chapter = next(c for c in CONTENT.chapters if c.ladder_steps)
    assert "The suggested steps" in text
    assert all(flat(step.title) in text for step in chapter.ladder_steps)
    assert "Most important first" not in text
    dates = sum(f.kind is FieldKind.DATE for c in CONTENT.chapters for w in c.worksheets
                for f in w.fields)
    assert text.count("day / month / year") == dates


def test_the_ladder_sheet_has_a_line_for_each_step(tmp_path):
    chapter = next(c for c in CONTENT.chapters if c.ladder_steps)
    path = tmp_path / "ladder.pdf"
    build_blank_worksheets(path, [chapter.id])
    text = " ".join(page_texts(path))
    count = len(chapter.ladder_steps)
    assert f"{count}. " in text.split("first step first.")[1]


def test_other_lines_end_at_the_margin(tmp_path, monkeypatch):
    """The "Other: ____" line is drawn to the width it is given: that must be the indented
    column, not the whole frame (it once ran 16 points past the right margin)."""
    from reportlab.lib.pagesizes import A4

    from workbook.export import drawn
    from workbook.export.layout import MARGIN_X
    widths = []
    real = drawn.Blank.wrap

    def wrap(self, avail_width, avail_height):
        if self.label is not None and "Other" in self.label.text:
            widths.append(avail_width)
        return real(self, avail_width, avail_height)

    monkeypatch.setattr(drawn.Blank, "wrap", wrap)
    build_blank_worksheets(tmp_path / "b.pdf", [c.id for c in CONTENT.chapters
                                                  if any(f.allow_other for w in c.worksheets
                                                         for f in w.fields)][:2])
    column = A4[0] - 2 * MARGIN_X - 16 - 18  # frame, the answer's indent, the tick box
    assert widths and max(widths) <= column + 0.01


def test_writing_space_fits_the_question():
    from workbook.export.blank import LONG_TEXT_LINES, _long_text_lines
    fields = [f for c in CONTENT.chapters for w in c.worksheets for f in w.fields
              if f.kind is FieldKind.LONG_TEXT]
    roomy = [f for f in fields if "would you like" in f.prompt.lower()]
    plain = [f for f in fields if f not in roomy]
    assert roomy and plain
    assert all(_long_text_lines(f, False) > LONG_TEXT_LINES for f in roomy)
    assert all(_long_text_lines(f, False) == LONG_TEXT_LINES for f in plain)
