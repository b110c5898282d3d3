"""Answer values as native JSON for export version 2 (docs/data-format.md, "Values").

The app stores every answer as text (field_kinds.py); a v2 file holds the value itself, so a
person or another program reads `7`, `["walk", "cook"]` or `{"checked": [...], "other": ""}`
instead of JSON inside a string. Both directions go through the field's kind (`to_native`,
`from_native`, then `encode`), so an imported value is checked exactly like one typed in the window.
"""

from __future__ import annotations

import json
from typing import Any

from workbook.answers import AnswerKey
from workbook.content.model import Content, Field
from workbook.field_kinds import InvalidValue, kind_of


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
        value = kind_of(field).decode(field, stored)
    except InvalidValue:
        return _unknown_to_native(stored)  # an old value the field no longer accepts: as stored
    return kind_of(field).to_native(value)


def to_stored(field: Field | None, native: Any) -> str:
    """The stored text for a value from a file; raises InvalidValue when it does not fit."""
    if field is None:
        if isinstance(native, str):
            return native
        if isinstance(native, dict):
            return json.dumps(native, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        raise InvalidValue("an answer to a question this version does not have must be text "
                           "or an object")
    kind = kind_of(field)
    return kind.encode(field, kind.from_native(field, native))


def _unknown_to_native(stored: str) -> Any:
    if stored.startswith("{"):
        try:
            value = json.loads(stored)
        except ValueError:
            return stored
        if isinstance(value, dict) and to_stored(None, value) == stored:
            return value  # only when it round-trips byte-exact
    return stored
