"""Printable PDFs: blank worksheets, session packets and the recovery sheet (docs/printing.md).

reportlab takes about 130 ms to import, so nothing here imports it until a PDF is built:
`import workbook.export` is cheap, and the names below load their module on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from workbook.export.errors import ExportError

_LAZY = {
    "build_blank_worksheets": "workbook.export.blank",
    "build_recovery_sheet": "workbook.export.recovery",
    "build_session_packet": "workbook.export.packet",
    "count_pages": "workbook.export.packet",
    "save_atomically": "workbook.export.save",
    "to_markup": "workbook.export.markup",
}

__all__ = ["ExportError", *_LAZY]

if TYPE_CHECKING:  # for type checkers only; at run time __getattr__ loads them
    from workbook.export.blank import build_blank_worksheets  # noqa: F401
    from workbook.export.markup import to_markup  # noqa: F401
    from workbook.export.packet import build_session_packet, count_pages  # noqa: F401
    from workbook.export.recovery import build_recovery_sheet  # noqa: F401
    from workbook.export.save import save_atomically  # noqa: F401


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'workbook.export' has no attribute {name!r}")
