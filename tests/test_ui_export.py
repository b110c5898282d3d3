"""The Print & export screen, driven through its widgets in the main window."""

from __future__ import annotations

import subprocess
import sys

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from support.packets import fill_three_answers
from support.vaults import PASSPHRASE_ONE
from support.window import click, open_window, unlock

from workbook.content import load_content
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


def test_printing_sends_the_packets_own_pages(qtbot, vault_two, tmp_path):
    """Print… draws the very PDF pages the screen counted: same count, same paper."""
    from PySide6.QtPrintSupport import QPrinter

    from workbook.content import load_content
    from workbook.export import count_pages
    from workbook.ui.export.packet_print import print_packet
    from workbook.ui.export.pdf_pages import prepare_printer
    fill(vault_two)
    service = vault_two.service()
    alex = service.unlock(PASSPHRASE_ONE).id
    packet = PacketService(service, load_content().content).gather(PacketRequest((alex,)))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)
    prepare_printer(printer, "Letter")
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printed = print_packet(packet, printer, "Letter")
    pages = PdfReader(out).pages
    assert printed == len(pages) == count_pages(packet, "Letter") > 3
    width, height = float(pages[1].mediabox.width), float(pages[1].mediabox.height)
    assert abs(width - 612) < 2 and abs(height - 792) < 2  # US Letter, as chosen
    assert (out.stat().st_mode & 0o777) == 0o600  # "print to file" is private too


def test_preview_shows_the_pdfs_pages_and_the_warning_follows_the_password(
        qtbot, vault_two, app_paths, tmp_path):
    fill(vault_two)
    target = tmp_path / "locked.pdf"
    prompts = ScriptedPrompts(True, str(target))
    window, page = open_export(qtbot, app_paths, prompts)
    qtbot.waitUntil(lambda: page.pages.count() > 0, timeout=20000)
    count = int(page.page_count.text().split()[0])
    assert page.pages.count() == count and page.pages.isVisibleTo(window)
    assert page.pages.item(count - 1).text() == f"Page {count}"
    assert "not encrypted" in page.warning.text.text()
    page.password.setText("three quiet words")
    assert page.warning.text.isVisibleTo(window)
    assert "not encrypted" not in page.warning.text.text()
    assert "locked with the password" in page.warning.text.text()
    save_and_wait(qtbot, page)
    assert "not encrypted" not in prompts.shown[0].text
    assert "locked with the password" in prompts.shown[0].text


def test_blank_worksheets_from_print_and_export(qtbot, vault_two, app_paths, tmp_path):
    target = tmp_path / "blank.pdf"
    prompts = ScriptedPrompts(str(target))
    window, page = open_export(qtbot, app_paths, prompts)
    assert page.blank_button.isVisibleTo(window)
    click(qtbot, page.blank_button)
    dialog = page.findChild(QDialog, "blank-sheets")
    qtbot.waitUntil(dialog.isVisible)
    for i in range(1, dialog.chapters.count()):  # only the first chapter
        dialog.chapters.item(i).setCheckState(Qt.CheckState.Unchecked)
    dialog.page_size.setCurrentText("Letter")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(dialog.message.isVisible, timeout=20000)
    assert dialog.message.text().startswith("Saved ") and target.exists()
    text = text_of(target)
    first = load_content().content.chapters[0]
    assert first.worksheets[0].title in text
    assert load_content().content.chapters[1].worksheets[0].title not in text
    assert abs(float(PdfReader(target).pages[0].mediabox.width) - 612) < 2


def test_the_export_screen_does_not_load_reportlab():
    code = ("import sys; import workbook.ui.shell, workbook.ui.export.export_page; "
            "print('reportlab' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_a_print_that_fails_says_so_calmly(qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from workbook.packet import SECTIONS, Packet
    from workbook.ui.export.export_jobs import PrintJob
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "no-such-folder" / "out.pdf"))
    job = PrintJob(Packet(frozenset(SECTIONS), "Alex", "all dates", questions="private words"),
                   "A4", printer)
    failures = []
    job.signals.failed.connect(failures.append)
    job.run()
    assert len(failures) == 1 and failures[0].startswith("The pages could not be printed.")
    assert "private words" not in failures[0]


def test_blank_worksheets_from_the_unlock_screen(qtbot, vault_two, app_paths, tmp_path):
    target = tmp_path / "blank.pdf"
    prompts = ScriptedPrompts(str(target))
    window = open_window(qtbot, app_paths, prompts)
    unlock_page = window.unlock_page
    assert window.current_page is unlock_page
    assert unlock_page.blank_button.isVisibleTo(window)
    click(qtbot, unlock_page.blank_button)
    dialog = unlock_page.findChild(QDialog, "blank-sheets")
    qtbot.waitUntil(dialog.isVisible)
    dialog.fillable.setChecked(True)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(dialog.message.isVisible, timeout=60000)
    assert dialog.message.text().startswith("Saved ") and dialog.message.isVisibleTo(dialog)
    reader = PdfReader(target)
    assert len(reader.pages) > len(load_content().content.chapters) and reader.get_fields()
    assert not window.service.is_unlocked  # nothing was opened to make them


def test_the_dates_are_typed_in_the_apps_date_field_and_tab_moves_on(qtbot, vault_two,
                                                                      app_paths):
    """Issue 17, item 3: the packet's date range uses the one date field: a typed date is
    understood and written out, Tab leaves the field, and an empty side means no limit."""
    import datetime as dt

    from PySide6.QtWidgets import QApplication
    from support.window import type_date

    from workbook.dates import full_date
    window, page = open_export(qtbot, app_paths, ScriptedPrompts())
    assert page.date_from.edit.isVisibleTo(window) and page.date_to.edit.isVisibleTo(window)
    today = full_date(dt.date.today())
    assert page.date_to.edit.text() == today  # the last three months until told otherwise

    type_date(qtbot, page.date_from, "01022024")  # 1 February 2024 (the tests' locale)
    assert page.date_from.edit.text() == "1 February 2024"
    assert QApplication.focusWidget() is page.date_to.edit  # one Tab: on to the next field
    qtbot.waitUntil(lambda: f"covering 1 February 2024 to {today}"
                    in page.preview.toPlainText(), timeout=20000)
    assert page.preview.isVisibleTo(window)

    page.date_to.edit.selectAll()  # emptied: no end date
    qtbot.keyClick(page.date_to.edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(page.date_to.edit, Qt.Key.Key_Tab)
    assert page.date_to.value() is None and page.date_to.edit.placeholderText()
    qtbot.waitUntil(lambda: "covering since 1 February 2024" in page.preview.toPlainText(),
                    timeout=20000)
    qtbot.waitUntil(lambda: "page" in page.page_count.text(), timeout=20000)

    page.date_from.edit.setFocus()
    qtbot.keyClick(page.date_from.edit, Qt.Key.Key_F4)  # the calendar, from the keyboard
    popup = page.date_from._popup
    qtbot.waitUntil(lambda: popup is not None and popup.isVisible())
    assert popup.calendar.selectedDate().toPython() == dt.date(2024, 2, 1)
    qtbot.keyClick(popup.calendar.focusWidget() or popup.calendar, Qt.Key.Key_Escape)

    click(qtbot, page.all_dates)
    assert not page.date_from.isEnabled() and page.request().date_from is None
    qtbot.waitUntil(lambda: "covering all dates" in page.preview.toPlainText(), timeout=20000)


def test_tab_leaves_the_questions_box(qtbot, vault_two, app_paths):
    """Found driving the page by keyboard: Tab in "Questions to bring" typed a tab character
    and kept the focus there, so nothing below it could be reached by Tab."""
    from PySide6.QtWidgets import QApplication
    window, page = open_export(qtbot, app_paths, ScriptedPrompts())
    page.questions.setFocus()
    qtbot.waitUntil(page.questions.hasFocus)
    qtbot.keyClick(page.questions, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not page.questions
    assert page.questions.toPlainText() == ""
    assert not page.sections["questions"].isChecked()


def test_dates_out_of_order_are_said_and_nothing_is_saved(qtbot, vault_two, app_paths):
    from support.window import type_date
    window, page = open_export(qtbot, app_paths, ScriptedPrompts())
    type_date(qtbot, page.date_from, "01032026")
    type_date(qtbot, page.date_to, "01022026")
    qtbot.waitUntil(lambda: "after the To date" in page.preview.toPlainText(), timeout=20000)
    assert page.preview.isVisibleTo(window) and page.page_count.text() == ""
    assert not page.save_button.isEnabled() and not page.print_button.isEnabled()
    type_date(qtbot, page.date_to, "01042026")  # in order again: the packet comes back
    qtbot.waitUntil(lambda: "including the cover" in page.page_count.text(), timeout=20000)
    assert page.save_button.isEnabled()
