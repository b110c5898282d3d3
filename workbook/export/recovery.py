"""The printed recovery-code sheet: one page, the code, and what to do with it. Nothing else.

No name, no date, no headers: whoever finds the sheet learns only that a recovery code exists.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from workbook.export.encryption import check_password
from workbook.export.fonts import MONO
from workbook.export.layout import INK, TINT, build_pdf, page_dimensions, paragraph, styles
from workbook.export.save import save_atomically

TITLE = "Recovery code — Couples Workbook"
INSTRUCTIONS = (
    ("What this code does",
     "If you forget your passphrase, this code lets you set a new one and get back into your "
     "private space in the workbook. It works only for the person it was made for."),
    ("Keep it private",
     "Put this sheet somewhere private and safe, for example with your important papers. "
     "Anyone who has this code and can use the computer could open your private space."),
    ("Do not copy it onto a device",
     "Please do not photograph it, scan it, or save it on the computer or your phone. Paper "
     "kept in a safe place is the point."),
    ("Typing it in",
     "Capital or small letters, spaces and dashes do not matter, and the letter O counts as the "
     "number 0."),
    ("When you use it",
     "After the code has been used, the workbook gives you a new one to print. This sheet then "
     "no longer works, and you can shred or otherwise destroy it."),
    ("If this sheet is lost",
     "Open the workbook with your passphrase and make a new recovery code. The old code, and "
     "this sheet, stop working at once."),
)
_CODE_SIZE = 26  # points; shrunk only if a code would not fit across the page
_CODE_WIDTH = 430  # points inside the box on A4 and Letter, less the cell padding


def build_recovery_sheet(out_path: Path, recovery_code: str, page_size: str = "A4",
                         password: str | None = None) -> None:
    """Write the one-page recovery sheet for `recovery_code` to `out_path`.

    Raises ValueError for an empty code, an unknown page size or an empty password, and
    ExportError if the PDF cannot be made or saved.
    """
    _check(recovery_code, page_size, password)

    def write(handle) -> None:
        build_pdf(handle, _story(recovery_code.strip()), size=page_size, password=password,
                  running_heads=False, title="Recovery code")

    save_atomically(out_path, write)


def _check(code: str, size: str, password: str | None) -> None:
    if not isinstance(code, str) or not code.strip():
        raise ValueError("the recovery code must be a non-empty text")
    page_dimensions(size)
    check_password(password)


def _story(code: str) -> list[Flowable]:
    story: list[Flowable] = [paragraph(TITLE, "sheet_title"), Spacer(1, 6), _code_box(code),
                             Spacer(1, 18)]
    for heading, text in INSTRUCTIONS:
        story += [paragraph(heading, "heading"), paragraph(text, "body")]
    return story


def _code_box(code: str) -> Table:
    style = styles()["code"]
    size = _fitting_size(code, usable=_CODE_WIDTH)
    code_style = style.clone("code_fitted", fontSize=size, leading=size * 1.25)
    table = Table([[paragraph(code, code_style)]], colWidths=["100%"])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), MONO),  # else reportlab adds unembedded Helvetica
        ("BACKGROUND", (0, 0), (-1, -1), TINT),
        ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("TOPPADDING", (0, 0), (-1, -1), 18),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 18),
    ]))
    return table


def _fitting_size(code: str, usable: float) -> float:
    """The code prints on one line when it can: a wrapped code is easy to mistype."""
    width = stringWidth(code, MONO, _CODE_SIZE)
    return _CODE_SIZE if width <= usable else max(11.0, _CODE_SIZE * usable / width)
