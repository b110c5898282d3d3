"""A small checker for the JSON Schema subset the export schema uses
(workbook/assets/schemas/export-v2.schema.json), so the app needs no schema library to check an
import.

Keywords: $ref (to #/$defs/...), type, const, enum, properties, required, additionalProperties,
items, maxItems, maxProperties, minLength, maxLength, pattern, minimum, maximum. The tests check
every export with the `jsonschema` package too, so this subset and the full standard agree on
what the app writes. Messages name the place (`answers[3].shared`), never the value found there.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from workbook.errors import InvalidInput
from workbook.resources import resource_path

_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


class SchemaProblem(InvalidInput):
    """Where a document departs from the schema; the message holds no document text."""


@cache
def export_schema() -> dict:
    return json.loads(resource_path("schemas", "export-v2.schema.json").read_text("utf-8"))


def check(document: Any, schema: dict | None = None) -> None:
    root = schema or export_schema()
    _check(document, root, root, "")


def _check(value: Any, schema: dict, root: dict, where: str) -> None:
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        _check(value, root["$defs"][name], root, where)
    place = where or "the file"
    if "const" in schema and (value != schema["const"] or type(value) is not type(schema["const"])):
        raise SchemaProblem(f"{place} is not {json.dumps(schema['const'])}")
    if "enum" in schema and not any(value == e and type(value) is type(e) for e in schema["enum"]):
        allowed = ", ".join(json.dumps(e) for e in schema["enum"])
        raise SchemaProblem(f"{place} must be one of {allowed}")
    if "type" in schema:
        _check_type(value, schema["type"], place)
    if isinstance(value, dict):
        _check_object(value, schema, root, where, place)
    elif isinstance(value, list):
        if len(value) > schema.get("maxItems", len(value)):
            raise SchemaProblem(f"{place} has more than {schema['maxItems']} entries")
        if "items" in schema:
            for n, item in enumerate(value):
                _check(item, schema["items"], root, f"{where}[{n}]")
    elif isinstance(value, str):
        _check_string(value, schema, place)
    elif isinstance(value, int) and not isinstance(value, bool):
        if not schema.get("minimum", value) <= value <= schema.get("maximum", value):
            raise SchemaProblem(f"{place} is out of range")


def _check_type(value: Any, wanted: str | list, place: str) -> None:
    names = wanted if isinstance(wanted, list) else [wanted]
    for name in names:
        if name == "integer" and isinstance(value, int) and not isinstance(value, bool):
            return
        if name in _TYPES and isinstance(value, _TYPES[name]) and (
                name == "boolean" or not isinstance(value, bool)):
            return
    raise SchemaProblem(f"{place} must be {' or '.join(_word(n) for n in names)}")


def _word(name: str) -> str:
    return {"object": "an object", "array": "a list", "string": "text", "boolean": "true or false",
            "null": "null", "integer": "a whole number"}[name]


def _check_object(value: dict, schema: dict, root: dict, where: str, place: str) -> None:
    for name in schema.get("required", ()):
        if name not in value:
            raise SchemaProblem(f"{place} is missing '{name}'")
    if len(value) > schema.get("maxProperties", len(value)):
        raise SchemaProblem(f"{place} has too many entries")
    properties = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    for name, item in value.items():
        inner = f"{where}.{name}" if where else name
        if name in properties:
            _check(item, properties[name], root, inner)
        elif extra is False:
            raise SchemaProblem(f"{place} has an unexpected key")
        elif isinstance(extra, dict):
            _check(item, extra, root, f"{where}[…]")


def _check_string(value: str, schema: dict, place: str) -> None:
    if len(value) < schema.get("minLength", 0):
        raise SchemaProblem(f"{place} is empty")
    if len(value) > schema.get("maxLength", len(value)):
        raise SchemaProblem(f"{place} is longer than {schema['maxLength']} characters")
    if "pattern" in schema and not _pattern(schema["pattern"]).search(value):
        raise SchemaProblem(f"{place} is not in the expected form")


@cache
def _pattern(text: str) -> re.Pattern:
    return re.compile(text)
