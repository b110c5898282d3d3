"""Answer values as native JSON for export version 2 (docs/data-format.md, "Values").

The app stores every answer as text (answer_values.py); a v2 file holds the value itself, so a
person or another program reads `7`, `["walk", "cook"]` or `{"checked": [...], "other": ""}`
instead of JSON inside a string. Both directions go through answer_values, so an imported value
is checked exactly like one typed in the window.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from workbook.answer_values import ChecklistValue, InvalidValue, Reframe, decode, encode
from workbook.answers import AnswerKey
from workbook.content.model import Content, Field, FieldKind


def field_of(content: Content, key: AnswerKey) -> Field | None:
    try:
        return content.worksheet(key.chapter_id, key.worksheet_id).field(key.field_id)
    except KeyError:
        return None  # an answer to content that is no longer shipped: kept, kind unknown


def to_native(field: Field | None, stored: str) -> Any:
    """The JSON value for a stored answer. For a field the content no longer has, stored JSON
    objects come out as objects and text as text (the kind is unknown, so nothing is lost)."""
    if field is None:
        return _unknown_to_native(stored)
    try:
        value = decode(field, stored)
    except InvalidValue:
        return _unknown_to_native(stored)  # an old value the field no longer accepts: as stored
    kind = field.kind
    if kind == FieldKind.DATE:
        return value.isoformat() if value else None
    if kind == FieldKind.CHECKLIST:
        return {"checked": list(value.checked), "other": value.other}
    if kind == FieldKind.REFRAME:
        return [{"thought": r.thought, "kinder": r.kinder} for r in value]
    if kind == FieldKind.RANKED_LIST:
        return list(value)
    return value  # text, single choice (str or None), scale (int or None)


def to_stored(field: Field | None, native: Any) -> str:
    """The stored text for a value from a file; raises InvalidValue when it does not fit."""
    if field is None:
        if isinstance(native, str):
            return native
        if isinstance(native, dict):
            return json.dumps(native, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        raise InvalidValue("an answer to a question this version does not have must be text "
                           "or an object")
    return encode(field, _from_native(field, native))


def _from_native(field: Field, native: Any) -> Any:
    kind = field.kind
    if kind == FieldKind.DATE:
        if native is None:
            return None
        if not (isinstance(native, str) and len(native) == 10):
            raise InvalidValue(f"field {field.id!r} (date) expects a YYYY-MM-DD date or null")
        try:
            return dt.date.fromisoformat(native)
        except ValueError:
            raise InvalidValue(f"field {field.id!r} (date) expects a YYYY-MM-DD date") from None
    if kind == FieldKind.CHECKLIST:
        if not (isinstance(native, dict) and set(native) == {"checked", "other"}
                and isinstance(native["checked"], list)):
            raise InvalidValue(f"field {field.id!r} (checklist) expects an object with "
                               "'checked' and 'other'")
        return ChecklistValue(tuple(native["checked"]), native["other"])
    if kind == FieldKind.REFRAME:
        if not (isinstance(native, list) and all(
                isinstance(r, dict) and set(r) == {"thought", "kinder"} for r in native)):
            raise InvalidValue(f"field {field.id!r} (reframe) expects rows with 'thought' and "
                               "'kinder'")
        return tuple(Reframe(r["thought"], r["kinder"]) for r in native)
    if kind == FieldKind.RANKED_LIST:
        if not isinstance(native, list):
            raise InvalidValue(f"field {field.id!r} (ranked_list) expects a list")
        return tuple(native)
    return native  # validate() in encode checks text, choices and scales


def _unknown_to_native(stored: str) -> Any:
    if stored.startswith("{"):
        try:
            value = json.loads(stored)
        except ValueError:
            return stored
        if isinstance(value, dict) and to_stored(None, value) == stored:
            return value  # only when it round-trips byte-exact
    return stored
