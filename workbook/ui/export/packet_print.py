"""Printing a session packet directly, through the system's print dialog.

QtPdf (which could draw our PDF's pages onto a printer) is not part of PySide6-Essentials, so
printing lays the same `Packet` out as a QTextDocument: the same sections, texts and order as
the PDF, in simpler typography (scales and checklists as words, the trend as its numbers).
Every text is HTML-escaped, so an answer containing "<b>" prints literally.
"""

from __future__ import annotations

import html

from PySide6.QtGui import QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from workbook.answer_values import describe
from workbook.export.dates import long_date
from workbook.packet import Packet

_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}


def print_with_dialog(parent: QWidget, packet: Packet, page_size: str) -> bool:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(_SIZES[page_size]))
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    print_packet(packet, printer)
    return True


def print_packet(packet: Packet, printer: QPrinter) -> None:
    document = QTextDocument()
    document.setHtml(packet_html(packet))
    document.print_(printer)


def _p(text: str, tag: str = "p") -> str:
    lines = html.escape(text).splitlines() or [""]
    return f"<{tag}>{'<br>'.join(lines)}</{tag}>"


def packet_html(packet: Packet) -> str:
    parts = [_p("Workbook pages", "h1"), _p(f"Pages prepared for a session, covering "
                                           f"{packet.period_text}.")]
    for sheet in packet.worksheets:
        parts.append(_p(f"Chapter {sheet.chapter_number} · {sheet.chapter_title}", "h2"))
        parts.append(_p(sheet.title, "h3"))
        for number, field, answers in sheet.numbered():
            parts.append(_p(f"{number}. {field.prompt}", "h4"))
            for answer in answers:
                parts.append(_p(answer.who, "i"))
                parts.append(_p(describe(field, answer.value)))
    parts += _trackers(packet)
    if packet.questions:
        parts += [_p("Questions to bring", "h2"), _p(packet.questions)]
    if packet.notes_lines:
        parts += [_p("Notes from the session", "h2")]
        parts += ["<p>" + "_" * 70 + "</p>"] * min(packet.notes_lines, 20)
    return "".join(parts)


def _trackers(packet: Packet) -> list[str]:
    parts = []
    if packet.milestones or packet.ladder:
        parts.append(_p("Milestones and the ladder", "h2"))
        parts += [_p(f"• {m.title} — {m.state} {long_date(m.day)}") for m in packet.milestones]
        parts += [_p(f"{n}. {t} — {s}") for n, (t, s) in enumerate(packet.ladder, 1)]
    for trend in packet.trends:
        parts.append(_p(f"Check-in trends: {trend.who}", "h2"))
        for title, points in trend.scales:
            if points:
                parts.append(_p(f"{title}: {points[0][1]:.1f} at first, {points[-1][1]:.1f} "
                                f"most recently"))
    if packet.gratitude:
        parts.append(_p("A few gratitude notes", "h2"))
        for who, day, text in packet.gratitude:
            parts += [_p(f"{long_date(day)} · {who}", "i"), _p(text)]
    return parts
