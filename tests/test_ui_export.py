"""The Print & export screen, driven through its widgets in the main window."""

from __future__ import annotations

import subprocess
import sys

from conftest import PASSPHRASE_ONE
from pypdf import PdfReader
from PySide6.QtCore import Qt
from test_export_packet import fill_three_answers
from test_ui_support import click, open_window, unlock

from workbook.packet import PacketRequest, PacketService
from workbook.ui.common.prompts import ScriptedPrompts

SHARED = "Shared <b>words</b> & <3"
PRIVATE = "ALEX-PRIVATE-ANSWER"
PARTNER = "SAM-PRIVATE-ANSWER"


def fill(vault_two) -> None:
    fill_three_answers(vault_two, SHARED, PRIVATE, PARTNER, partner_shared="SAM-SHARED")


def open_export(qtbot, app_paths, prompts):
    window = open_window(qtbot, app_paths, prompts)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.shell.show_section("export")
    page = window.shell.trackers["export"]
    qtbot.waitUntil(lambda: "page" in page.page_count.text(), timeout=20000)
    return window, page


def text_of(path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def save_and_wait(qtbot, page) -> None:
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.message.isVisible() or page.prompts.shown[-1].kind == "error",
                    timeout=30000)


def test_only_what_is_here_and_ticked_is_saved(qtbot, vault_two, app_paths, tmp_path):
    fill(vault_two)
    target = tmp_path / "packet.pdf"
    prompts = ScriptedPrompts(True, str(target), True, str(target))
    window, page = open_export(qtbot, app_paths, prompts)
    assert [b.text() for b in page.partner_boxes.values()] == ["Alex"]
    assert page.private.count() == 1 and PRIVATE not in page.private.item(0).text()
    assert "Chapter" in page.preview.toPlainText()
    save_and_wait(qtbot, page)
    assert [s.kind for s in prompts.shown] == ["confirm", "save_file"]
    assert "not encrypted" in prompts.shown[0].text
    text = text_of(target)
    assert SHARED in text and PRIVATE not in text and "SAM" not in text

    page.private.item(0).setCheckState(Qt.CheckState.Checked)  # tick it, one by one
    page.message.clear()
    save_and_wait(qtbot, page)
    assert PRIVATE in text_of(target) and "SAM" not in text_of(target)


def test_declining_the_warning_saves_nothing(qtbot, vault_two, app_paths, tmp_path):
    fill(vault_two)
    prompts = ScriptedPrompts(False)
    _, page = open_export(qtbot, app_paths, prompts)
    click(qtbot, page.save_button)
    assert [s.kind for s in prompts.shown] == ["confirm"]
    assert list(tmp_path.glob("*.pdf")) == []


def test_questions_and_password_and_page_count(qtbot, vault_two, app_paths, tmp_path):
    fill(vault_two)
    target = tmp_path / "locked.pdf"
    prompts = ScriptedPrompts(True, str(target))
    window, page = open_export(qtbot, app_paths, prompts)
    page.questions.setPlainText("Can we talk about Sunday? שלום")
    assert page.sections["questions"].isChecked()
    qtbot.waitUntil(lambda: "Questions to bring" in page.preview.toPlainText(), timeout=5000)
    before = page.page_count.text()
    page.sections["notes"].setChecked(False)
    qtbot.waitUntil(lambda: page.page_count.text() not in ("", before, "Counting pages…"),
                    timeout=20000)
    page.password.setText("three quiet words")
    save_and_wait(qtbot, page)
    assert PdfReader(target).is_encrypted
    click(qtbot, window.shell.lock_button)
    assert page.questions.toPlainText() == "" and page.password.text() == ""
    assert page.private.count() == 0 and page.preview.toPlainText() == ""


def test_printing_uses_the_same_selection(qtbot, vault_two, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from workbook.content import load_content
    from workbook.ui.export.packet_print import print_packet
    fill(vault_two)
    service = vault_two.service()
    alex = service.unlock(PASSPHRASE_ONE).id
    packet = PacketService(service, load_content().content).gather(PacketRequest((alex,)))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    print_packet(packet, printer)
    text = text_of(out)
    assert SHARED in text and PRIVATE not in text and "SAM" not in text


def test_the_export_screen_does_not_load_reportlab():
    code = ("import sys; import workbook.ui.shell, workbook.ui.export.export_page; "
            "print('reportlab' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
