"""Printing a session packet directly, through the system's print dialog.

The packet is laid out as the very PDF that "Save PDF…" writes, in memory, and its pages are
drawn onto the printer (pdf_pages.py), so the paper matches the page count on the screen and
the saved file. The work runs on the export worker thread (PrintJob); the dialog does not.
"""

from __future__ import annotations

import io

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from workbook.packet import Packet
from workbook.ui.export.pdf_pages import prepare_printer, print_pdf


def choose_printer(parent: QWidget, page_size: str) -> QPrinter | None:
    """The system print dialog; the chosen printer, or None if it was cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer, page_size)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def packet_pdf(packet: Packet, page_size: str) -> bytes:
    from workbook.export.packet import write_session_packet
    buffer = io.BytesIO()
    write_session_packet(buffer, packet, page_size)
    return buffer.getvalue()


def print_packet(packet: Packet, printer: QPrinter, page_size: str = "A4") -> int:
    """Lay the packet out and print its pages onto `printer` as it is set up (paper chosen in
    the dialog; a different paper gets the pages scaled to fit); return the page count."""
    return print_pdf(packet_pdf(packet, page_size), printer)
