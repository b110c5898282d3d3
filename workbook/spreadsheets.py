"""Spreadsheets: check-ins, gratitude and milestones as CSV files a spreadsheet opens directly.

Built from the export document (portable.export_data), so a spreadsheet never holds more than the
JSON export would. UTF-8 with a byte order mark (so Excel reads accents and scripts), ISO dates,
one row per entry. A cell that a spreadsheet would run as a formula (starting with = + - @, a tab
or a carriage return) gets a leading apostrophe, so an entry can never become a formula. Like the
JSON export, these files are NOT encrypted.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from workbook.content.model import Content
from workbook.portable import write_private_text
from workbook.text import InvalidText
from workbook.trackers.milestones import STATE_WORDS

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FILES = ("checkins.csv", "gratitude.csv", "milestones.csv")


def safe_cell(value: Any) -> Any:
    """Text a spreadsheet would evaluate is kept as text; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def tables(doc: dict[str, Any], content: Content) -> dict[str, list[list[Any]]]:
    """File name -> rows (the first row is the header)."""
    scales = [s for s in content.checkin_scales]
    known = {s.id for s in scales}
    extra = sorted({k for c in doc.get("checkins", []) for k in c["scores"]} - known)
    checkins = [["Date", *(s.title for s in scales), *extra, "Note", "Shared numbers"]]
    for c in doc.get("checkins", []):
        checkins.append([c["day"], *(c["scores"].get(s.id, "") for s in scales),
                         *(c["scores"].get(k, "") for k in extra), c["note"],
                         "yes" if c["shared"] else "no"])
    gratitude = [["Date", "Grateful for", "Appreciated about you", "Appreciation shared"]]
    gratitude += [[g["day"], g["grateful"], g["appreciation"], "yes" if g["shared"] else "no"]
                  for g in doc.get("gratitude", [])]
    chapters = {c.id: c.title for c in content.chapters}
    milestones = [["Milestone", "Chapter", "State", "Added", "Started", "Reached", "Notes"]]
    milestones += [[m["title"], chapters.get(m["chapter"], m["chapter"] or ""),
                    STATE_WORDS.get(m["state"], m["state"]), m["created_on"],
                    m["started_on"] or "", m["reached_on"] or "", m["notes"]]
                   for m in doc.get("milestones", [])]
    return dict(zip(FILES, (checkins, gratitude, milestones), strict=True))


def to_csv(rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # "excel" dialect: CRLF line ends, quotes where needed
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()


def write_spreadsheets(folder: Path, doc: dict[str, Any], content: Content) -> list[Path]:
    """Write the three files into `folder` (made if missing); never over an existing file."""
    folder = Path(folder)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise InvalidText(f"The folder {folder.name} cannot be made ({error.strerror}).") from None
    taken = [name for name in FILES if (folder / name).exists()]
    if taken:
        raise InvalidText(f"{taken[0]} already exists in {folder.name}; choose another folder.")
    written = []
    for name, rows in tables(doc, content).items():
        write_private_text(folder / name, to_csv(rows), encoding="utf-8-sig")
        written.append(folder / name)
    return written
