"""Which editor answers which field kind: one entry per kind (tests/test_field_kinds.py checks
that every kind in workbook/field_kinds.py has one)."""

from __future__ import annotations

from workbook.content.model import Field, FieldKind
from workbook.ui.chapters.editor_base import FieldEditor
from workbook.ui.chapters.field_editors import (
    ChecklistEditor,
    DateEditor,
    LongTextEditor,
    ScaleEditor,
    ShortTextEditor,
    SingleChoiceEditor,
)
from workbook.ui.chapters.list_editors import RankedListEditor, ReframeEditor

EDITORS: dict[FieldKind, type[FieldEditor]] = {
    FieldKind.LONG_TEXT: LongTextEditor, FieldKind.SHORT_TEXT: ShortTextEditor,
    FieldKind.CHECKLIST: ChecklistEditor, FieldKind.SINGLE_CHOICE: SingleChoiceEditor,
    FieldKind.SCALE: ScaleEditor, FieldKind.REFRAME: ReframeEditor,
    FieldKind.RANKED_LIST: RankedListEditor, FieldKind.DATE: DateEditor,
}


def editor_for(field: Field) -> FieldEditor:
    return EDITORS[field.kind](field)
