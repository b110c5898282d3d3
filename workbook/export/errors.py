"""The one error exports raise (defined with the others in `workbook.errors`). Kept free of
reportlab so the UI can import it cheaply."""

from __future__ import annotations

from workbook.errors import ExportError

__all__ = ["ExportError"]
