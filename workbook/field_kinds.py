"""One table of field kinds: everything the app knows about a kind of answer lives in its class.

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

A new kind is one class here and one entry in KINDS, plus its editor (ui/chapters/editors.py)
and its printed forms (export/blank.py, export/filled.py); tests/test_field_kinds.py checks that
every FieldKind has all four.
"""

from __future__ import annotations

import datetime as _dt
import json
import random
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

from workbook.content.model import Content, Field, FieldKind
from workbook.dates import WEEKDAYS, full_date
from workbook.storage.answer_words import stored_words
from workbook.text import InvalidText, check_storable

NOT_ANSWERED = "(not answered yet)"


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


@dataclass(frozen=True)
class SampleWords:
    """What the demo writes with: `sentences(n)` gives n plausible sentences (drawing on `rng`),
    `pairs` thought → kinder thought examples, `other` a checklist's own entry."""

    rng: random.Random
    sentences: Callable[[int], str]
    pairs: tuple[tuple[str, str], ...]
    other: str


def _bad(field: Field, expected: str):
    raise InvalidValue(f"field {field.id!r} ({field.kind.value}) expects {expected}")


def _text(field: Field, value: Any) -> str:
    if not isinstance(value, str):
        _bad(field, "text")
    return check_storable(value)


def _sequence(field: Field, value: Any, item_type: type) -> tuple:
    if not isinstance(value, tuple) or not all(isinstance(v, item_type) for v in value):
        _bad(field, "a list")
    return value


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _lines(texts) -> str:
    return "\n".join(t for t in texts if t)


class Kind:
    """How one kind of answer is stored, checked, read and written out. Values are immutable."""

    kind: ClassVar[FieldKind]

    def empty(self, field: Field) -> Any:
        return None

    def validate(self, field: Field, value: Any) -> None:
        raise NotImplementedError

    def encode(self, field: Field, value: Any) -> str:
        """The stored text for `value`; raises InvalidValue when it does not fit the field."""
        self.validate(field, value)
        return self._encode(value)

    def decode(self, field: Field, text: str | None) -> Any:
        """The value stored as `text` (None means never answered); raises InvalidValue."""
        if text is None:
            return self.empty(field)
        if not isinstance(text, str):
            raise InvalidValue(f"field {field.id!r}: the stored value must be text")
        value = self._decode(field, text)
        self.validate(field, value)
        return value

    def is_answered(self, field: Field, value: Any) -> bool:
        """Whether a decoded value counts as answered for progress."""
        return value is not None

    def words(self, field: Field, value: Any) -> str:
        """The words a person wrote or chose, one per line, for search: no labels, no keys."""
        return ""

    def describe(self, field: Field, value: Any) -> str:
        """A plain-text rendering for read-only views (a partner's shared answer, side by side)."""
        return self._describe(field, value) if self.is_answered(field, value) else NOT_ANSWERED

    def to_native(self, value: Any) -> Any:
        """The value as plain JSON for export version 2 (docs/data-format.md, "Values")."""
        return value

    def from_native(self, field: Field, native: Any) -> Any:
        """A value from an export file; `encode` then checks it like one typed in the window."""
        return native

    def sample(self, field: Field, words: SampleWords) -> Any:
        """A plausible answer for the demo workbook."""
        raise NotImplementedError

    # -- per kind ---------------------------------------------------------------------------------
    def _encode(self, value: Any) -> str:
        raise NotImplementedError

    def _decode(self, field: Field, text: str) -> Any:
        raise NotImplementedError

    def _describe(self, field: Field, value: Any) -> str:
        return str(value)


class TextKind(Kind):
    """Long and short text: stored exactly as typed."""

    def empty(self, field):
        return ""

    def validate(self, field, value):
        _text(field, value)

    def _encode(self, value):
        return value

    def _decode(self, field, text):
        return text

    def is_answered(self, field, value):
        return bool(value.strip())

    def words(self, field, value):
        return value

    def _describe(self, field, value):
        return value



class LongTextKind(TextKind):
    kind = FieldKind.LONG_TEXT

    def sample(self, field, words):
        return words.sentences(words.rng.randint(2, 5))


class ShortTextKind(TextKind):
    kind = FieldKind.SHORT_TEXT

    def sample(self, field, words):
        return words.sentences(1)


class DateKind(Kind):
    kind = FieldKind.DATE

    def validate(self, field, value):
        if value is not None and not isinstance(value, _dt.date):
            _bad(field, "a date")

    def _encode(self, value):
        return value.isoformat() if value else ""

    def _decode(self, field, text):
        if text == "":
            return None
        try:
            if len(text) == 10:  # fromisoformat also takes "20261122", which we never write
                return _dt.date.fromisoformat(text)
        except ValueError:
            pass
        _bad(field, "a YYYY-MM-DD date")

    def words(self, field, value):
        return value.isoformat() if value else ""  # as the index has always held it

    def _describe(self, field, value):
        return f"{WEEKDAYS[value.weekday()]} {full_date(value)}"  # workbook/dates.py

    def to_native(self, value):
        return value.isoformat() if value else None

    def from_native(self, field, native):
        if native is None:
            return None
        if not (isinstance(native, str) and len(native) == 10):
            raise InvalidValue(f"field {field.id!r} (date) expects a YYYY-MM-DD date or null")
        try:
            return _dt.date.fromisoformat(native)
        except ValueError:
            raise InvalidValue(f"field {field.id!r} (date) expects a YYYY-MM-DD date") from None

    def sample(self, field, words):
        return _dt.date(2026, 1, 1) + _dt.timedelta(days=words.rng.randint(0, 364))


class JsonKind(Kind):
    """A kind stored as a JSON object with one member (`key`), except where `_members` says."""

    key: ClassVar[str]
    member_type: ClassVar[type | tuple] = (str, type(None))

    def _encode(self, value):
        return _dump(self._to_json(value))

    def _to_json(self, value) -> dict:
        return {self.key: value}

    def _decode(self, field, text):
        try:
            obj = json.loads(text)
        except ValueError:
            _bad(field, "JSON")
        if not isinstance(obj, dict):
            _bad(field, "a JSON object")
        return self._from_json(field, obj)

    def _from_json(self, field, obj: dict):
        return self._member(field, obj, self.key, self.member_type)

    def _member(self, field: Field, obj: dict, name: str, kind: type | tuple) -> Any:
        if set(obj) != self._members(name):
            _bad(field, f"an object with the key {name!r} only")
        value = obj.get(name)
        if not isinstance(value, kind) or isinstance(value, bool):
            _bad(field, f"{name!r} of the right type")
        return value

    def _members(self, name: str) -> set[str]:
        return {name}


class ChecklistKind(JsonKind):
    kind = FieldKind.CHECKLIST

    def empty(self, field):
        return ChecklistValue()

    def validate(self, field, value):
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

    def _to_json(self, value):
        return {"checked": list(value.checked), "other": value.other}

    def _members(self, name):
        return {"checked", "other"}

    def _from_json(self, field, obj):
        checked = self._member(field, obj, "checked", list)
        other = self._member(field, obj, "other", str)
        return ChecklistValue(tuple(checked), other)

    def is_answered(self, field, value):
        return bool(value.checked or value.other.strip())

    def words(self, field, value):
        return _lines((*value.checked, value.other))

    def _describe(self, field, value):
        lines = [f"• {item}" for item in value.checked]
        return "\n".join(lines + ([f"• Other: {value.other}"] if value.other.strip() else []))

    def to_native(self, value):
        return self._to_json(value)

    def from_native(self, field, native):
        if not (isinstance(native, dict) and set(native) == {"checked", "other"}
                and isinstance(native["checked"], list)):
            raise InvalidValue(f"field {field.id!r} (checklist) expects an object with "
                               "'checked' and 'other'")
        return ChecklistValue(tuple(native["checked"]), native["other"])

    def sample(self, field, words):
        picked = [o for o in field.options if words.rng.random() < 0.4]
        other = words.other if field.allow_other and words.rng.random() < 0.3 else ""
        return ChecklistValue(tuple(picked), other)


class SingleChoiceKind(JsonKind):
    kind = FieldKind.SINGLE_CHOICE
    key = "choice"

    def validate(self, field, value):
        if value is not None and value not in field.options:
            _bad(field, "one of its options")

    def words(self, field, value):
        return value or ""

    def sample(self, field, words):
        return words.rng.choice(field.options)


class ScaleKind(JsonKind):
    kind = FieldKind.SCALE
    key = "value"
    member_type = (int, type(None))

    def validate(self, field, value):
        whole = isinstance(value, int) and not isinstance(value, bool)
        if value is not None and not (whole and field.min <= value <= field.max):
            _bad(field, f"a whole number from {field.min} to {field.max}")

    def _describe(self, field, value):
        return f"{value} of {field.max} ({field.low_label} … {field.high_label})"

    def sample(self, field, words):
        return words.rng.randint(field.min, field.max)


class ReframeKind(JsonKind):
    kind = FieldKind.REFRAME
    key = "rows"

    def empty(self, field):
        return ()

    def validate(self, field, value):
        for row in _sequence(field, value, Reframe):
            _text(field, row.thought)
            _text(field, row.kinder)

    def _to_json(self, value):
        return {"rows": self.to_native(value)}

    def _from_json(self, field, obj):
        return self._rows(field, self._member(field, obj, "rows", list),
                          "rows with 'thought' and 'kinder'")

    @staticmethod
    def _rows(field: Field, rows: Any, expected: str) -> tuple[Reframe, ...]:
        if not (isinstance(rows, list) and all(
                isinstance(r, dict) and set(r) == {"thought", "kinder"} for r in rows)):
            _bad(field, expected)
        return tuple(Reframe(r["thought"], r["kinder"]) for r in rows)

    def is_answered(self, field, value):
        return any(r.thought.strip() or r.kinder.strip() for r in value)

    def words(self, field, value):
        # The kinder thought first in each row: it is the one worth finding again, and it is
        # the order the index has always held (the stored JSON's sorted keys).
        return _lines(text for r in value for text in (r.kinder, r.thought))

    def _describe(self, field, value):
        return "\n".join(f"{r.thought} → {r.kinder}" for r in value)

    def to_native(self, value):
        return [{"thought": r.thought, "kinder": r.kinder} for r in value]

    def from_native(self, field, native):
        return self._rows(field, native, "rows with 'thought' and 'kinder'")

    def sample(self, field, words):
        pairs = words.rng.sample(list(words.pairs), words.rng.randint(1, 3))
        return tuple(Reframe(*pair) for pair in pairs)


class RankedListKind(JsonKind):
    kind = FieldKind.RANKED_LIST
    key = "items"
    member_type = list

    def empty(self, field):
        return ()

    def validate(self, field, value):
        items = _sequence(field, value, str)
        for item in items:
            _text(field, item)
        if field.items and items and sorted(items) != sorted(field.items):
            _bad(field, "each given item exactly once")
        if field.max_items is not None and len(items) > field.max_items:
            _bad(field, f"at most {field.max_items} items")

    def _to_json(self, value):
        return {"items": list(value)}

    def _from_json(self, field, obj):
        return tuple(super()._from_json(field, obj))

    def is_answered(self, field, value):
        return any(item.strip() for item in value)

    def words(self, field, value):
        return _lines(value)

    def _describe(self, field, value):
        return "\n".join(f"{n}. {item}" for n, item in enumerate(value, 1) if item.strip())

    def to_native(self, value):
        return list(value)

    def from_native(self, field, native):
        if not isinstance(native, list):
            raise InvalidValue(f"field {field.id!r} (ranked_list) expects a list")
        return tuple(native)

    def sample(self, field, words):
        if field.items:
            return tuple(words.rng.sample(field.items, len(field.items)))
        # an item is a line in the list and on paper: cut at a word, and say it was cut
        return tuple(textwrap.shorten(words.sentences(1), 60, placeholder="…")
                     for _ in range(min(3, field.max_items or 3)))


KINDS: dict[FieldKind, Kind] = {k.kind: k for k in (
    LongTextKind(), ShortTextKind(), ChecklistKind(), SingleChoiceKind(), ScaleKind(),
    ReframeKind(), RankedListKind(), DateKind(),
)}


def kind_of(field: Field) -> Kind:
    return KINDS[field.kind]


def is_answered_text(field: Field, text: str | None) -> bool:
    """Whether stored text counts as answered; text that no longer fits the field does not."""
    kind = kind_of(field)
    try:
        return kind.is_answered(field, kind.decode(field, text))
    except InvalidValue:
        return False


def decoded_or_empty(field: Field, text: str | None) -> Any:
    """The stored value, or the empty one when it does not fit this version of the field."""
    kind = kind_of(field)
    try:
        return kind.decode(field, text)
    except InvalidValue:
        return kind.empty(field)


@cache
def _bundled_content() -> Content:
    from workbook.content.loader import load_content
    return load_content().content


def indexed_words(chapter_id: str, worksheet_id: str, field_id: str, stored: str) -> str:
    """What the search index holds for a stored answer: the words its field's kind gives; for a
    question this version does not have, or a value that no longer fits it, the strings stored
    (storage/answer_words.py). The session installs it before any file is opened (session.py)."""
    try:
        field = _bundled_content().worksheet(chapter_id, worksheet_id).field(field_id)
    except KeyError:
        return stored_words(stored)
    kind = kind_of(field)
    try:
        return kind.words(field, kind.decode(field, stored))
    except InvalidValue:
        return stored_words(stored)
