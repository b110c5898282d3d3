"""Reading version 1 exports (answers only, values as stored text): the old checks, then the same
document in version 2's shape, so one merge serves both. docs/data-format.md keeps v1's layout."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from workbook.answers import AnswerKey
from workbook.content.model import Content
from workbook.field_kinds import InvalidValue, kind_of
from workbook.portable_values import field_of, to_native
from workbook.text import InvalidText, check_storable

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
ANSWER_KEYS = {"chapter", "worksheet", "field", "kind", "value", "shared"}
SHARED_KEYS = {"partner", "chapter", "worksheet", "field", "value"}
BOOKMARK_KEYS = {"name", "chapter", "worksheet"}


class InvalidImport(InvalidText):
    """The file cannot be imported; the message names the problem (never an answer's text)."""


def validate_v1(data: dict, content: Content) -> None:
    partner = data.get("partner")
    if not isinstance(partner, dict) or not isinstance(partner.get("id"), str):
        raise InvalidImport("'partner.id' is missing.")
    for n, entry in enumerate(_list(data, "answers")):
        _check_answer(f"answers[{n}]", entry, content)
    for n, entry in enumerate(_list(data, "shared_answers")):
        _entry(f"shared_answers[{n}]", entry, SHARED_KEYS)
    for n, entry in enumerate(_list(data, "bookmarks")):
        _entry(f"bookmarks[{n}]", entry, BOOKMARK_KEYS, optional=frozenset({"worksheet"}))


def upgrade_v1(data: dict, content: Content) -> dict[str, Any]:
    """A checked v1 document in version 2's shape (values native; nothing else to bring)."""
    me = data["partner"]["id"]
    partners = [p for p in data.get("partners", []) if isinstance(p, dict)
                and isinstance(p.get("id"), str) and isinstance(p.get("name"), str)]
    return {
        "format": data["format"], "version": 2, "exported_at": data.get("exported_at", ""),
        "partner": {"id": me, "name": str(data["partner"].get("name") or "")},
        "partners": partners,
        "answers": [{**_native(e, content), "shared": e["shared"]}
                    for e in data.get("answers", [])],
        "shared_answers": [{"partner": e["partner"], **_native(e, content)}
                           for e in data.get("shared_answers", []) if e["partner"] != me],
        "bookmarks": data.get("bookmarks", []),
    }


def _native(entry: dict, content: Content) -> dict:
    key = AnswerKey(entry["chapter"], entry["worksheet"], entry["field"])
    field = field_of(content, key)
    return {"chapter": key.chapter_id, "worksheet": key.worksheet_id, "field": key.field_id,
            "kind": field.kind.value if field else None,
            "question": field.prompt if field else None,
            "value": to_native(field, entry["value"])}


def _list(data: dict, name: str) -> list:
    value = data.get(name, [])
    if not isinstance(value, list):
        raise InvalidImport(f"'{name}' must be a list.")
    return value


def _entry(where: str, entry: Any, keys: set[str], optional: frozenset[str] = frozenset()) -> None:
    if not isinstance(entry, dict) or set(entry) != keys:
        raise InvalidImport(f"{where} must have exactly the keys {', '.join(sorted(keys))}.")
    for name in keys - {"shared", "kind"}:
        value = entry[name]
        if value is None and name in optional:
            continue
        if not isinstance(value, str):
            raise InvalidImport(f"{where}.{name} must be text.")
        try:
            check_storable(value)
        except InvalidText as error:
            raise InvalidImport(f"{where}.{name}: {error}") from None
        if name in {"chapter", "worksheet", "field"} and not ID.match(value):
            raise InvalidImport(f"{where}.{name} is not a valid id.")


def _check_answer(where: str, entry: Any, content: Content) -> None:
    _entry(where, entry, ANSWER_KEYS)
    if not isinstance(entry["shared"], bool):
        raise InvalidImport(f"{where}.shared must be true or false.")
    field = field_of(content, AnswerKey(entry["chapter"], entry["worksheet"], entry["field"]))
    if field is None:
        return  # content this version does not ship: kept as text, as export keeps it
    check_fits(where, entry, field, lambda f, stored: kind_of(f).decode(f, stored))


def check_fits(where: str, entry: Any, field, convert: Callable[[Any, Any], Any]) -> None:
    """An answer's kind is its question's, and its value converts (the kind's `decode` for
    version 1's stored text, `to_stored` for version 2's native values); v1 and v2 imports share
    this."""
    if field is not None and entry["kind"] != field.kind.value:
        raise InvalidImport(f"{where}.kind is {entry['kind']!r}, but field {field.id!r} is a "
                            f"{field.kind.value}.")
    try:
        convert(field, entry["value"])
    except InvalidValue as error:
        raise InvalidImport(f"{where}: {error}.") from None
