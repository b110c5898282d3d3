"""The one error exports raise. Kept free of reportlab so the UI can import it cheaply."""

from __future__ import annotations


class ExportError(Exception):
    """A PDF could not be made or saved.

    The message is calm, meant for the person, and never repeats their text: reportlab's own
    error messages can quote the paragraph that failed, so they are never passed on.
    """
