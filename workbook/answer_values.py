"""The stored encoding of answers, as functions over a field: a thin façade over the table of
field kinds (workbook/field_kinds.py), which holds the encoding and its documentation. New code
looks the kind up there (`kind_of(field)`); these names stay for callers that want a function."""

from __future__ import annotations

from typing import Any

from workbook.content.model import Field
from workbook.field_kinds import (
    ChecklistValue,
    InvalidValue,
    Reframe,
    is_answered_text,
    kind_of,
)

__all__ = ["ChecklistValue", "InvalidValue", "Reframe", "decode", "describe", "empty_value",
           "encode", "is_answered", "is_answered_text", "validate"]


def empty_value(field: Field) -> Any:
    return kind_of(field).empty(field)


def encode(field: Field, value: Any) -> str:
    return kind_of(field).encode(field, value)


def decode(field: Field, text: str | None) -> Any:
    return kind_of(field).decode(field, text)


def validate(field: Field, value: Any) -> None:
    kind_of(field).validate(field, value)


def is_answered(field: Field, value: Any) -> bool:
    return kind_of(field).is_answered(field, value)


def describe(field: Field, value: Any) -> str:
    return kind_of(field).describe(field, value)
