"""Our PDFs as page images, for the preview and for printing.

Printing draws the very pages of the PDF, so the screen's page count, the paper and the saved
file agree (the old QTextDocument print-out was a plainer, shorter version). Qt cannot draw a
PDF itself without QtPdf, which PySide6-Essentials lacks; pypdfium2 (PDFium, the engine in
Chromium; Apache-2.0/BSD-3-Clause, about 9 MB with its library) renders each page to pixels.

Runs on a worker thread: QImage and painting on a QPrinter are allowed off the GUI thread.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

PRINT_DPI_CAP = 300  # sharp on paper; beyond this only the print job grows
_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}


def page_images(pdf: bytes, dpi: float) -> Iterator[QImage]:
    """Each page of `pdf` as an image at `dpi`, white behind, form fields drawn."""
    import pypdfium2 as pdfium
    document = pdfium.PdfDocument(pdf)
    try:
        document.init_forms()  # fillable sheets: draw the (empty) fields like a viewer does
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72, may_draw_forms=True, prefer_bgrx=True,
                                 fill_color=(255, 255, 255, 255))
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB32)
            yield image.copy()  # own the pixels: the bitmap's buffer is freed below
            bitmap.close()
            page.close()
    finally:
        document.close()


def prepare_printer(printer: QPrinter, page_size: str) -> None:
    printer.setPageSize(QPageSize(_SIZES[page_size]))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF pages carry their own margins


def print_pdf(pdf: bytes, printer: QPrinter,
              progress: Callable[[int], None] | None = None) -> int:
    """Draw every page of `pdf` onto `printer`, scaled to the paper; return the page count.

    A printer set to print to a file gets a file only its owner can read, like our PDFs."""
    printer.setFullPage(True)
    dpi = min(printer.resolution(), PRINT_DPI_CAP)
    _private(printer.outputFileName(), create=True)  # private from its first byte
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    pages = 0
    try:
        for image in page_images(pdf, dpi):
            if pages:
                printer.newPage()
            painter.drawImage(_fit(image, printer), image)
            pages += 1
            if progress is not None:
                progress(pages)
    finally:
        painter.end()
    _private(printer.outputFileName())
    return pages


def _fit(image: QImage, printer: QPrinter) -> QRectF:
    """The paper's rectangle, shrunk to the page's proportions and centred (A4 on Letter)."""
    paper = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
    scale = min(paper.width() / image.width(), paper.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    return QRectF(paper.x() + (paper.width() - width) / 2,
                  paper.y() + (paper.height() - height) / 2, width, height)


def _private(path: str, create: bool = False) -> None:
    """Make a print-to-file target readable by its owner only (Qt writes it with the umask)."""
    if not path:
        return
    if create:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    if Path(path).is_file():
        os.chmod(path, 0o600)
