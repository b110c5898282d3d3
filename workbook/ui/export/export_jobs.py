"""PDF work off the UI thread: counting pages for the live preview, and saving.

A job receives a finished `Packet` (plain Python values, gathered on the UI thread) and never
touches the vault: SQLite connections belong to the thread that opened them. One worker thread
runs the jobs one after another, because reportlab keeps some module-level state and two
layouts at once are not something it promises to handle.

reportlab is imported inside `run`, so the app never loads it until a PDF is wanted.
Errors become calm sentences; reportlab's own messages (which can quote the text being laid
out) are never shown or logged.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from workbook.errors import WorkbookError
from workbook.packet import Packet

log = logging.getLogger(__name__)
FAILED = "The PDF could not be created. Nothing was saved."


PREVIEW_DPI = 28  # small page images for the preview strip


class JobSignals(QObject):
    progress = Signal(int, int)
    previewed = Signal(object)  # list of QImage: the counted PDF's pages, for the preview
    done = Signal(object)  # the page count
    failed = Signal(str)


class PdfJob(QRunnable):
    """Count pages (path None) or build and save the packet atomically (path given)."""

    failed_text = FAILED

    def __init__(self, packet: Packet, page_size: str, path: Path | None = None,
                 password: str | None = None):
        super().__init__()
        self.packet, self.page_size, self.path, self.password = (packet, page_size, path,
                                                                 password)
        self.signals = JobSignals()
        self.setAutoDelete(False)  # the page keeps it until its signals have arrived

    def run(self) -> None:
        try:
            pages = self._build()
        except WorkbookError as error:  # our own calm, text-free sentences
            self.signals.failed.emit(str(error))
        except Exception as error:
            log.warning("PDF job failed: %s", type(error).__name__)
            self.signals.failed.emit(f"{self.failed_text} ({type(error).__name__})")
        else:
            self.signals.done.emit(pages)

    def _build(self) -> int:
        if self.path is None:  # the live count: the exact PDF, in memory, and its pages
            from workbook.ui.export.packet_print import packet_pdf
            from workbook.ui.export.pdf_pages import page_images
            pdf = packet_pdf(self.packet, self.page_size)
            images = list(page_images(pdf, PREVIEW_DPI))
            self.signals.previewed.emit(images)
            return len(images)
        from workbook.export import build_session_packet
        return build_session_packet(self.path, self.packet, page_size=self.page_size,
                                    password=self.password,
                                    progress=self.signals.progress.emit)


class PrintJob(PdfJob):
    """Lay the packet out and draw its pages onto a printer chosen in the print dialog."""

    failed_text = ("The pages could not be printed. Check that the printer is on and ready, "
                   "or save a PDF instead.")

    def __init__(self, packet: Packet, page_size: str, printer):
        super().__init__(packet, page_size)
        self.printer = printer

    def _build(self) -> int:
        from workbook.ui.export.packet_print import print_packet
        return print_packet(self.packet, self.printer, self.page_size)


class BlankJob(PdfJob):
    """Save blank worksheets (no vault involved: they hold no one's words)."""

    def __init__(self, path: Path, chapter_ids: list[str], page_size: str, fillable: bool):
        super().__init__(None, page_size, path)  # type: ignore[arg-type]  # no packet: blank sheets hold no one's words
        self.chapter_ids, self.fillable, self.target = chapter_ids, fillable, path

    def _build(self) -> int:
        from workbook.export import build_blank_worksheets
        return build_blank_worksheets(self.target, self.chapter_ids, self.page_size,
                                      self.fillable)


def pdf_pool() -> QThreadPool:
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool
