"""`couples-workbook export`: a session packet from the command line, passphrase on stdin."""

from __future__ import annotations

from pypdf import PdfReader
from support.cli import run_cli
from support.packets import fill_three_answers
from support.vaults import PASSPHRASE_ONE

PRIVATE = "MY-PRIVATE-LINE & <more>"
SHARED = "MY-SHARED-LINE"
PARTNER = "PARTNER-PRIVATE-LINE"


def fill(vault_two) -> str:
    return fill_three_answers(vault_two, SHARED, PRIVATE, PARTNER)


def text_of(path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def test_export_writes_only_what_the_unlocker_may_print(vault_two, tmp_path):
    fill(vault_two)
    out = tmp_path / "packet.pdf"
    result = run_cli("export", "--data-dir", str(vault_two.folder), "-o", str(out),
                     stdin=PASSPHRASE_ONE + "\n", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "NOT encrypted" in result.stderr
    text = text_of(out)
    assert SHARED in text and PRIVATE not in text and PARTNER not in text
    assert "Page 1 of" in text

    result = run_cli("export", "--data-dir", str(vault_two.folder), "-o", str(out),
                     "--include-private", "--names", "names", "--page-size", "Letter",
                     stdin=PASSPHRASE_ONE + "\n", home=tmp_path)
    assert result.returncode == 0, result.stderr
    text = text_of(out)
    assert PRIVATE in text and PARTNER not in text and "Alex" in text
    assert round(float(PdfReader(out).pages[0].mediabox.width)) == 612


def test_chapter_and_date_filters(vault_two, tmp_path):
    chapter = fill(vault_two)
    out = tmp_path / "packet.pdf"
    result = run_cli("export", "--data-dir", str(vault_two.folder), "-o", str(out),
                     "--chapter", chapter, "--from", "2020-01-01", "--to", "2020-12-31",
                     stdin=PASSPHRASE_ONE + "\n", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert SHARED in text_of(out) and "1 January 2020 to 31 December 2020" in text_of(out)
    bad = run_cli("export", "--data-dir", str(vault_two.folder), "-o", str(out),
                  "--chapter", "no-such-chapter", stdin=PASSPHRASE_ONE + "\n", home=tmp_path)
    assert bad.returncode == 2 and "no-such-chapter" in bad.stderr


def test_wrong_passphrase_is_one_clear_line(vault_two, tmp_path):
    out = tmp_path / "packet.pdf"
    result = run_cli("export", "--data-dir", str(vault_two.folder), "-o", str(out),
                     stdin="not the passphrase\n", home=tmp_path)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines[-1].startswith("couples-workbook: ") and "Traceback" not in result.stderr
    assert not out.exists()
