"""Both partners' answers to a chapter, side by side. Only offered while both are unlocked
together, and only after one of them asks for it: the private answers of both are shown.

Checklists are laid out option by option, and the options on which the two differ are
highlighted, because those are the ones worth talking about.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from workbook.answers import AnswerKey
from workbook.content.model import Chapter, Field, FieldKind
from workbook.field_kinds import ChecklistValue, decoded_or_empty, kind_of
from workbook.partners import PartnerInfo
from workbook.ui.common.widgets import clear_layout, plain_label

TICK, NO_TICK = "✓", "–"
LEGEND = ("Checklist options are highlighted where your answers differ. A difference is not a "
          "problem to fix, just something you might talk about.")
TOP = Qt.AlignmentFlag.AlignTop


def checklist_rows(field: Field, values: list[ChecklistValue]) -> list[tuple[str, list[str], bool]]:
    """(option, marks per partner, differs) for each option, then each partner's "other"."""
    rows = []
    for option in field.options:
        marks = [TICK if option in v.checked else NO_TICK for v in values]
        rows.append((option, marks, len(set(marks)) > 1))
    others = [v.other.strip() for v in values]
    if any(others):
        rows.append(("Other", [o or NO_TICK for o in others], len(set(others)) > 1))
    return rows


class SideBySideView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Side by side")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(12)
        self.differences: list[QLabel] = []

    def show_chapter(self, chapter: Chapter, partners: list[PartnerInfo],
                     stored: dict[str, dict[AnswerKey, str]]) -> None:
        self.clear()
        self.body.addWidget(plain_label(LEGEND, role="note"))
        for sheet in chapter.worksheets:
            self.body.addWidget(plain_label(sheet.title, role="subheading"))
            for field in sheet.fields:
                key = AnswerKey(chapter.id, sheet.id, field.id)
                values = [decoded_or_empty(field, stored[p.id].get(key)) for p in partners]
                self.body.addWidget(self._field(field, partners, values))

    def _field(self, field: Field, partners: list[PartnerInfo], values: list) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 4, 0, 8)
        grid.setHorizontalSpacing(16)
        checklist = field.kind == FieldKind.CHECKLIST
        offset = 1 if checklist else 0  # a checklist's first column names the option
        grid.addWidget(plain_label(field.prompt, role="lead"), 0, 0, 1, offset + len(partners))
        for column, partner in enumerate(partners, offset):
            grid.addWidget(plain_label(partner.name, role="muted"), 1, column)
            grid.setColumnStretch(column, 3)
        if checklist:
            grid.setColumnStretch(0, 3)
            self._checklist(grid, field, values)
        else:
            kind = kind_of(field)
            for column, value in enumerate(values):
                text = kind.describe(field, value)
                grid.addWidget(plain_label(text, selectable=True), 2, column, TOP)
        return box

    def _checklist(self, grid: QGridLayout, field: Field, values: list) -> None:
        for row, (option, marks, differs) in enumerate(checklist_rows(field, values), 2):
            mark_role = "lead" if differs else None  # the option itself carries the highlight
            cells = [plain_label(option, role="difference" if differs else None)]
            cells += [plain_label(m, role=mark_role) for m in marks]
            for column, cell in enumerate(cells):
                grid.addWidget(cell, row, column, TOP)
            if differs:
                cells[0].setAccessibleDescription("Your answers differ here")
                self.differences.append(cells[0])

    def clear(self) -> None:
        self.differences = []
        clear_layout(self.body)
