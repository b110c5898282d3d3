"""The command line, run as a user would: a separate process, passphrases on standard input."""

from __future__ import annotations

import subprocess
import sys

import pytest
from support.cli import run_cli
from support.vaults import PASSPHRASE_ONE

from workbook import __version__


def test_version(tmp_path):
    result = run_cli("--version", home=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"Couples Workbook {__version__}"


def test_version_loads_no_qt():
    code = ("import sys; from workbook.cli.commands import main\n"
            "try: main(['--version'])\nexcept SystemExit: pass\n"
            "print([m for m in sys.modules if m.startswith(('PySide6', 'reportlab'))])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip().endswith("[]")


def test_self_test_passes(tmp_path):
    result = run_cli("self-test", home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert "FAILED" not in result.stdout


def test_demo_creates_a_vault_with_the_documented_passphrases(tmp_path):
    folder = tmp_path / "demo"
    result = run_cli("demo", "--data-dir", str(folder), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "demo-partner-one" in result.stdout and "demo-partner-two" in result.stdout
    for phrase in ("demo-partner-one", "demo-partner-two"):
        check = run_cli("check", "--data-dir", str(folder), stdin=phrase + "\n", home=tmp_path)
        assert check.returncode == 0, check.stderr
        assert "2 partner(s)" in check.stdout


def test_demo_refuses_an_existing_vault(vault_one, tmp_path):
    before = sorted(p.name for p in vault_one.folder.iterdir())
    result = run_cli("demo", "--data-dir", str(vault_one.folder), home=tmp_path)
    assert result.returncode == 2
    assert "already holds a workbook" in result.stderr
    assert sorted(p.name for p in vault_one.folder.iterdir()) == before


@pytest.mark.parametrize("case", ["right", "wrong", "missing", "damaged"])
def test_check_exit_codes_and_one_line_errors(vault_one, tmp_path, case):
    folder = vault_one.folder if case != "missing" else tmp_path / "nowhere"
    if case == "damaged":
        shared = folder / "shared.db"
        shared.write_bytes(shared.read_bytes()[:3000])
    phrase = PASSPHRASE_ONE if case != "wrong" else "not the passphrase"
    result = run_cli("--data-dir", str(folder), "check", stdin=phrase + "\n", home=tmp_path)
    if case == "right":
        assert result.returncode == 0
        assert PASSPHRASE_ONE not in result.stdout
        return
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert {"wrong": "passphrase", "missing": "no workbook", "damaged": "cannot be read"}[case] \
        in lines[0]


def test_passphrases_are_never_accepted_as_arguments(tmp_path):
    result = run_cli("check", "--passphrase", "x", home=tmp_path)
    assert result.returncode == 2
    assert "unrecognized arguments" in result.stderr


def test_blank_worksheets_without_a_workbook(tmp_path):
    out = tmp_path / "blank.pdf"
    result = run_cli("blank", "--chapter", "safe-touch", "-o", str(out), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    from pypdf import PdfReader
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Safe touch" in text or "safe touch" in text.lower()


@pytest.mark.parametrize("args,expected", [(["--chapter", "no-such-chapter"], "no-such-chapter"),
                                           (["--page-size", "A4"], "")])
def test_blank_worksheets_bad_input(tmp_path, args, expected):
    out = tmp_path / "missing-folder" / "blank.pdf" if not expected else tmp_path / "b.pdf"
    result = run_cli("blank", *args, "-o", str(out), home=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert expected in result.stderr
    assert not out.exists()
