"""The recovery-code screen offers a printable one-page sheet, saying first that a PDF is not
encrypted."""

from __future__ import annotations

from pypdf import PdfReader
from support.vaults import PASSPHRASE_ONE
from support.window import click, fill_partner, open_window

from workbook.ui.common.prompts import ScriptedPrompts


def reach_codes_page(qtbot, app_paths, prompts):
    window = open_window(qtbot, app_paths, prompts)
    click(qtbot, window.welcome.create_button)
    fill_partner(qtbot, window.create_page.first, "Alex", PASSPHRASE_ONE)
    click(qtbot, window.create_page.create_button)
    assert window.current_page is window.codes_page
    return window


def test_saving_the_sheet_warns_then_writes_the_code_alone(qtbot, app_paths, tmp_path):
    target = tmp_path / "sheet.pdf"
    prompts = ScriptedPrompts(True, str(target), None)
    window = reach_codes_page(qtbot, app_paths, prompts)
    code = window.codes_page.current_code
    click(qtbot, window.codes_page.sheet_button)

    assert [s.kind for s in prompts.shown] == ["confirm", "save_file", "info"]
    assert "not encrypted" in prompts.shown[0].text
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert code in text and "Alex" not in text
    assert window.codes_page.current_code == code  # still on screen to write down too


def test_declining_the_warning_saves_nothing(qtbot, app_paths, tmp_path):
    prompts = ScriptedPrompts(False)
    window = reach_codes_page(qtbot, app_paths, prompts)
    click(qtbot, window.codes_page.sheet_button)
    assert [s.kind for s in prompts.shown] == ["confirm"]
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_failed_save_says_so_calmly(qtbot, app_paths, tmp_path):
    target = tmp_path / "no-such-folder" / "sheet.pdf"
    prompts = ScriptedPrompts(True, str(target), None)
    window = reach_codes_page(qtbot, app_paths, prompts)
    click(qtbot, window.codes_page.sheet_button)
    assert [s.kind for s in prompts.shown] == ["confirm", "save_file", "error"]
    assert "Traceback" not in prompts.shown[2].text
    assert not target.exists()
