"""The recovery-code sheet: one page, the code, the instructions, and nothing else."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess

import pytest
from pypdf import PdfReader

from workbook.export import build_recovery_sheet
from workbook.export.recovery import INSTRUCTIONS, TITLE
from workbook.passphrases import new_recovery_code


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def code() -> str:
    return new_recovery_code()


def test_one_page_with_the_code_and_the_instructions(tmp_path, code):
    path = tmp_path / "recovery.pdf"
    build_recovery_sheet(path, code)
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    text = flat(reader.pages[0].extract_text())
    assert code in text and flat(TITLE) in text
    for heading, body in INSTRUCTIONS:
        assert flat(heading) in text and flat(body) in text
    for phrase in ("forget your passphrase", "important papers", "Anyone who has this code",
                   "new one", "destroy", "photograph"):
        assert phrase in text


def test_the_sheet_holds_nothing_but_title_code_and_instructions(tmp_path, code):
    path = tmp_path / "recovery.pdf"
    build_recovery_sheet(path, code)
    reader = PdfReader(path)
    rest = flat(reader.pages[0].extract_text())
    for known in [TITLE, code, *(part for pair in INSTRUCTIONS for part in pair)]:
        rest = rest.replace(flat(known), " ", 1)
    assert rest.strip() == ""  # no name, no date, no page numbers, no other data
    assert not re.search(r"\b20\d\d\b", reader.pages[0].extract_text())
    info = reader.metadata
    assert str(info.title) == "Recovery code" and not info.get("/Author")
    assert reader.pages[0].extract_text().count(code) == 1


def test_letter_size_and_private_file(tmp_path, code):
    path = tmp_path / "recovery.pdf"
    build_recovery_sheet(path, code, page_size="Letter")
    box = PdfReader(path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_code_is_printed_in_the_bundled_monospace(tmp_path, code):
    path = tmp_path / "recovery.pdf"
    build_recovery_sheet(path, code)
    fonts = {str(f.get_object()["/BaseFont"])
             for f in PdfReader(path).pages[0]["/Resources"]["/Font"].values()}
    assert any(name.endswith("+DejaVuSansMono") for name in fonts)
    assert all("DejaVu" in name for name in fonts)


@pytest.mark.parametrize("groups", [8, 30])
def test_a_long_code_still_fits_on_one_page(tmp_path, groups):
    long_code = "-".join(["ABCDE"] * groups)
    path = tmp_path / "recovery.pdf"
    build_recovery_sheet(path, long_code)
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    # 8 groups shrink onto one line; far longer ones wrap, but every character is there.
    assert long_code in ("".join(text.split()) if groups > 8 else flat(text))


def test_bad_arguments_raise_before_anything_is_written(tmp_path, code):
    with pytest.raises(ValueError):
        build_recovery_sheet(tmp_path / "r.pdf", "   ")
    with pytest.raises(ValueError):
        build_recovery_sheet(tmp_path / "r.pdf", code, page_size="A3")
    with pytest.raises(ValueError):
        build_recovery_sheet(tmp_path / "r.pdf", code, password="")
    assert os.listdir(tmp_path) == []


def test_password_protected_sheet_opens_with_the_password(tmp_path, code):
    pytest.importorskip("pyaes")
    path = tmp_path / "recovery.pdf"
    build_recovery_sheet(path, code, password="kitchen drawer key")
    encrypt = PdfReader(path).trailer["/Encrypt"].get_object()
    assert encrypt["/V"] == 5
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils is needed to open the encrypted PDF")
    out = subprocess.run(["pdftotext", "-upw", "kitchen drawer key", str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    assert code in out
