"""One stored encoding per field kind, used by the UI, the demo and the JSON export.

Every answer is stored as text (`answers.value`). Text kinds store exactly what was typed.
Structured kinds store compact JSON (UTF-8, not ASCII-escaped, keys sorted) so the stored text is
stable and a value round-trips byte-exact:

| kind          | stored text                                        | decoded value      |
|---------------|----------------------------------------------------|--------------------|
| long_text     | the text as typed                                  | str                |
| short_text    | the text as typed                                  | str                |
| date          | ISO date `YYYY-MM-DD`, or `""` for no date         | date or None       |
| checklist     | `{"checked":[option,...],"other":"text"}`          | ChecklistValue     |
| single_choice | `{"choice":"option"}` or `{"choice":null}`         | str or None        |
| scale         | `{"value":7}` or `{"value":null}`                  | int or None        |
| reframe       | `{"rows":[{"kinder":"...","thought":"..."},...]}`  | tuple of Reframe   |
| ranked_list   | `{"items":["first","second",...]}`                 | tuple of str       |

Options are stored by their text, not their position, so reordering options in the content keeps
answers meaning the same thing. docs/data-format.md repeats this table for people reading exports.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from typing import Any, NoReturn

from workbook.content.model import Field, FieldKind
from workbook.dates import WEEKDAYS, full_date
from workbook.text import InvalidText, check_storable

TEXT_KINDS = frozenset({FieldKind.LONG_TEXT, FieldKind.SHORT_TEXT})


class InvalidValue(InvalidText):
    """A stored or imported value does not fit its field. The message never repeats the text."""


@dataclass(frozen=True)
class ChecklistValue:
    checked: tuple[str, ...] = ()
    other: str = ""


@dataclass(frozen=True)
class Reframe:
    thought: str = ""
    kinder: str = ""


def empty_value(field: Field) -> Any:
    return {
        FieldKind.LONG_TEXT: "", FieldKind.SHORT_TEXT: "", FieldKind.DATE: None,
        FieldKind.CHECKLIST: ChecklistValue(), FieldKind.SINGLE_CHOICE: None,
        FieldKind.SCALE: None, FieldKind.REFRAME: (), FieldKind.RANKED_LIST: (),
    }[field.kind]


# -- encode -------------------------------------------------------------------------------------
def encode(field: Field, value: Any) -> str:
    """The stored text for `value`; raises InvalidValue when it does not fit the field."""
    validate(field, value)
    kind = field.kind
    if kind in TEXT_KINDS:
        return value
    if kind == FieldKind.DATE:
        return value.isoformat() if value else ""
    return _dump(_to_json(kind, value))


def _to_json(kind: FieldKind, value: Any) -> dict:
    if kind == FieldKind.CHECKLIST:
        return {"checked": list(value.checked), "other": value.other}
    if kind == FieldKind.SINGLE_CHOICE:
        return {"choice": value}
    if kind == FieldKind.SCALE:
        return {"value": value}
    if kind == FieldKind.REFRAME:
        return {"rows": [{"thought": r.thought, "kinder": r.kinder} for r in value]}
    return {"items": list(value)}  # ranked list


def _dump(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# -- decode -------------------------------------------------------------------------------------
def decode(field: Field, text: str | None) -> Any:
    """The value stored as `text` (None means never answered); raises InvalidValue."""
    if text is None:
        return empty_value(field)
    if not isinstance(text, str):
        raise InvalidValue(f"field {field.id!r}: the stored value must be text")
    kind = field.kind
    value: Any
    if kind in TEXT_KINDS:
        value = text
    elif kind == FieldKind.DATE:
        value = _parse_date(field, text)
    else:
        value = _from_json(field, _load(field, text))
    validate(field, value)
    return value


def _parse_date(field: Field, text: str) -> _dt.date | None:
    if text == "":
        return None
    try:
        if len(text) == 10:  # fromisoformat also takes "20261122", which we never write
            return _dt.date.fromisoformat(text)
    except ValueError:
        pass
    _bad(field, "a YYYY-MM-DD date")


def _load(field: Field, text: str) -> dict:
    try:
        obj = json.loads(text)
    except ValueError:
        _bad(field, "JSON")
    if not isinstance(obj, dict):
        _bad(field, "a JSON object")
    return obj


def _member(field: Field, obj: dict, name: str, kind: type | tuple) -> Any:
    if set(obj) != {name} and not (field.kind == FieldKind.CHECKLIST
                                   and set(obj) == {"checked", "other"}):
        _bad(field, f"an object with the key {name!r} only")
    value = obj.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        _bad(field, f"{name!r} of the right type")
    return value


def _from_json(field: Field, obj: dict) -> Any:
    kind = field.kind
    if kind == FieldKind.CHECKLIST:
        checked = _member(field, obj, "checked", list)
        other = _member(field, obj, "other", str)
        return ChecklistValue(tuple(checked), other)
    if kind == FieldKind.SINGLE_CHOICE:
        return _member(field, obj, "choice", (str, type(None)))
    if kind == FieldKind.SCALE:
        return _member(field, obj, "value", (int, type(None)))
    if kind == FieldKind.REFRAME:
        rows = _member(field, obj, "rows", list)
        if not all(isinstance(r, dict) and set(r) == {"thought", "kinder"} for r in rows):
            _bad(field, "rows with 'thought' and 'kinder'")
        return tuple(Reframe(r["thought"], r["kinder"]) for r in rows)
    return tuple(_member(field, obj, "items", list))


# -- validate -------------------------------------------------------------------------------------
def validate(field: Field, value: Any) -> None:
    kind = field.kind
    if kind in TEXT_KINDS:
        _text(field, value)
    elif kind == FieldKind.DATE:
        if value is not None and not isinstance(value, _dt.date):
            _bad(field, "a date")
    elif kind == FieldKind.CHECKLIST:
        _checklist(field, value)
    elif kind == FieldKind.SINGLE_CHOICE:
        if value is not None and value not in field.options:
            _bad(field, "one of its options")
    elif kind == FieldKind.SCALE:
        whole = isinstance(value, int) and not isinstance(value, bool)
        if value is not None and not (whole and field.min <= value <= field.max):
            _bad(field, f"a whole number from {field.min} to {field.max}")
    elif kind == FieldKind.REFRAME:
        for row in _sequence(field, value, Reframe):
            _text(field, row.thought)
            _text(field, row.kinder)
    else:
        _ranked(field, value)


def _checklist(field: Field, value: Any) -> None:
    if not isinstance(value, ChecklistValue):
        _bad(field, "a checklist")
    for item in value.checked:
        if item not in field.options:
            _bad(field, "options from its list")
    if len(set(value.checked)) != len(value.checked):
        _bad(field, "each option once")
    _text(field, value.other)
    if value.other and not field.allow_other:
        _bad(field, "no 'other' entry")


def _ranked(field: Field, value: Any) -> None:
    items = _sequence(field, value, str)
    for item in items:
        _text(field, item)
    if field.items and items and sorted(items) != sorted(field.items):
        _bad(field, "each given item exactly once")
    if field.max_items is not None and len(items) > field.max_items:
        _bad(field, f"at most {field.max_items} items")


def _sequence(field: Field, value: Any, item_type: type) -> tuple:
    if not isinstance(value, tuple) or not all(isinstance(v, item_type) for v in value):
        _bad(field, "a list")
    return value


def _text(field: Field, value: Any) -> str:
    if not isinstance(value, str):
        _bad(field, "text")
    return check_storable(value)


def _bad(field: Field, expected: str) -> NoReturn:
    raise InvalidValue(f"field {field.id!r} ({field.kind.value}) expects {expected}")


# -- reading values -------------------------------------------------------------------------------
def is_answered(field: Field, value: Any) -> bool:
    """Whether a decoded value counts as answered for progress."""
    kind = field.kind
    if kind in TEXT_KINDS:
        return bool(value.strip())
    if kind == FieldKind.CHECKLIST:
        return bool(value.checked or value.other.strip())
    if kind == FieldKind.REFRAME:
        return any(r.thought.strip() or r.kinder.strip() for r in value)
    if kind == FieldKind.RANKED_LIST:
        return any(item.strip() for item in value)
    return value is not None


def is_answered_text(field: Field, text: str | None) -> bool:
    try:
        return is_answered(field, decode(field, text))
    except InvalidValue:
        return False


def describe(field: Field, value: Any) -> str:
    """A plain-text rendering for read-only views (a partner's shared answer, side by side)."""
    if not is_answered(field, value):
        return "(not answered yet)"
    kind = field.kind
    if kind in TEXT_KINDS:
        return value
    if kind == FieldKind.DATE:
        return f"{WEEKDAYS[value.weekday()]} {full_date(value)}"  # workbook/dates.py
    if kind == FieldKind.CHECKLIST:
        lines = [f"• {item}" for item in value.checked]
        return "\n".join(lines + ([f"• Other: {value.other}"] if value.other.strip() else []))
    if kind == FieldKind.SCALE:
        return f"{value} of {field.max} ({field.low_label} … {field.high_label})"
    if kind == FieldKind.REFRAME:
        return "\n".join(f"{r.thought} → {r.kinder}" for r in value)
    if kind == FieldKind.RANKED_LIST:
        return "\n".join(f"{n}. {item}" for n, item in enumerate(value, 1) if item.strip())
    return value  # single choice
