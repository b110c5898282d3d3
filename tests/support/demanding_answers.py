"""Answers that are hard to keep intact: 100 000 characters, emoji, right-to-left scripts, markup,
control characters; and one such answer for every kind of field."""

from __future__ import annotations

import datetime as dt

from workbook.answer_values import ChecklistValue, Reframe, encode
from workbook.answers import AnswerKey
from workbook.content import FieldKind, load_content

CONTENT = load_content().content
NASTY = "Ünïcode 🙂👩🏽‍❤️‍👨🏿 שלום עליכם مرحبا <b>bold</b> &amp; & \t\x01\x1f\x7f\u200f end"
LONG = ("abc🙂 " * 20_000)[:100_000]


def value_for(field):
    """A demanding value of the right shape for any real field."""
    kind = field.kind
    if kind == FieldKind.LONG_TEXT:
        return LONG + NASTY
    if kind == FieldKind.SHORT_TEXT:
        return NASTY
    if kind == FieldKind.CHECKLIST:
        return ChecklistValue(field.options[:2], NASTY if field.allow_other else "")
    if kind == FieldKind.SINGLE_CHOICE:
        return field.options[-1]
    if kind == FieldKind.SCALE:
        return field.max
    if kind == FieldKind.REFRAME:
        return (Reframe(NASTY, "kinder"), Reframe("", LONG))
    if kind == FieldKind.RANKED_LIST:
        return tuple(reversed(field.items)) if field.items else (NASTY, "<b>&")[:field.max_items]
    return dt.date(2027, 3, 1)


def every_kind() -> dict[AnswerKey, str]:
    chosen: dict[FieldKind, tuple[AnswerKey, str]] = {}
    for chapter in CONTENT.chapters:
        for sheet in chapter.worksheets:
            for field in sheet.fields:
                key = AnswerKey(chapter.id, sheet.id, field.id)
                chosen.setdefault(field.kind, (key, encode(field, value_for(field))))
    assert set(chosen) == set(FieldKind)
    return dict(chosen.values())
