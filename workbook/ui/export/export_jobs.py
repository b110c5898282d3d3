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


class JobSignals(QObject):
    progress = Signal(int, int)
    done = Signal(object)  # the page count
    failed = Signal(str)


class PdfJob(QRunnable):
    """Count pages (path None) or build and save the packet atomically (path given)."""

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
            self.signals.failed.emit(f"{FAILED} ({type(error).__name__})")
        else:
            self.signals.done.emit(pages)

    def _build(self) -> int:
        from workbook.export import build_session_packet, count_pages
        if self.path is None:
            return count_pages(self.packet, self.page_size)
        return build_session_packet(self.path, self.packet, page_size=self.page_size,
                                    password=self.password,
                                    progress=self.signals.progress.emit)


def pdf_pool() -> QThreadPool:
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool
