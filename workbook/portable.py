"""Portable data: everything one unlocked partner can see, as a documented JSON file, and merging
such a file back. docs/data-format.md describes the format for people and other programs.

The file is NOT encrypted; the command line says so before writing. Import checks the whole file
before it writes anything, so a malformed file changes nothing; importing the same file twice
changes nothing the second time (identical values are not rewritten).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from workbook.accounts import WorkbookService
from workbook.answer_values import InvalidValue, decode
from workbook.answers import AnswerKey, AnswerService
from workbook.content.model import Content
from workbook.text import InvalidText, check_storable

FORMAT, VERSION = "couples-workbook-export", 1
NOT_ENCRYPTED = ("Warning: the exported file is NOT encrypted. Anyone who can open it can read "
                 "every answer in it, including your private ones. Keep it somewhere safe and "
                 "delete it when you no longer need it.")
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
ANSWER_KEYS = {"chapter", "worksheet", "field", "kind", "value", "shared"}
SHARED_KEYS = {"partner", "chapter", "worksheet", "field", "value"}
BOOKMARK_KEYS = {"name", "chapter", "worksheet"}


class InvalidImport(InvalidText):
    """The file cannot be imported; the message names the problem (never an answer's text)."""


@dataclass(frozen=True)
class ImportReport:
    written: int
    unchanged: int
    ignored: int  # other partners' shared answers: only they can share their own


# -- export ----------------------------------------------------------------------------------------
def export_data(service: WorkbookService, partner_id: str, content: Content) -> dict[str, Any]:
    """Everything `partner_id` can see: their private answers, and what anyone has shared."""
    answers = AnswerService(service)
    me = next(p for p in service.partners() if p.id == partner_id)
    shared = answers.shared_in_chapter(None)
    mine = answers.all_answers(partner_id)
    return {
        "format": FORMAT, "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "partner": {"id": me.id, "name": me.name},
        "partners": [{"id": p.id, "name": p.name} for p in service.partners()],
        "answers": [_answer_entry(k, v, (partner_id, k) in shared, content)
                    for k, v in mine.items()],
        "shared_answers": [{"partner": owner, "chapter": k.chapter_id, "worksheet": k.worksheet_id,
                            "field": k.field_id, "value": v} for (owner, k), v in shared.items()],
        "bookmarks": [{"name": name, "chapter": chapter, "worksheet": sheet}
                      for name, (chapter, sheet) in answers.bookmarks(partner_id).items()],
    }


def _answer_entry(key: AnswerKey, value: str, shared: bool, content: Content) -> dict[str, Any]:
    return {"chapter": key.chapter_id, "worksheet": key.worksheet_id, "field": key.field_id,
            "kind": _kind(content, key), "value": value, "shared": shared}


def _kind(content: Content, key: AnswerKey) -> str | None:
    try:
        return content.worksheet(key.chapter_id, key.worksheet_id).field(key.field_id).kind.value
    except KeyError:
        return None  # an answer to content that is no longer shipped: kept, kind unknown


def dumps(data: dict[str, Any]) -> str:
    # ensure_ascii=False keeps emoji and scripts readable; json escapes control characters.
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_export(path: Path, data: dict[str, Any]) -> None:
    """Write atomically, readable by this user only, and never over an existing file."""
    path = Path(path)
    if path.exists():
        raise InvalidText(f"{path} already exists; choose a new file name.")
    temp = path.with_name(f".{path.name}.part")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(dumps(data))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


# -- import ----------------------------------------------------------------------------------------
def read_import(path: Path, content: Content) -> dict[str, Any]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InvalidImport(f"{path} is not UTF-8 text.") from None
    except OSError as error:
        raise InvalidImport(f"{path} cannot be read ({error.strerror}).") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidImport(f"{path} is not valid JSON (line {error.lineno}, "
                            f"column {error.colno}).") from None
    validate(data, content)
    return data


def validate(data: Any, content: Content) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidImport("This is not a Couples Workbook export (the 'format' is missing "
                            "or different).")
    if data.get("version") != VERSION:
        raise InvalidImport(f"Export version {data.get('version')!r} is not supported "
                            f"(this app reads version {VERSION}).")
    partner = data.get("partner")
    if not isinstance(partner, dict) or not isinstance(partner.get("id"), str):
        raise InvalidImport("'partner.id' is missing.")
    for n, entry in enumerate(_list(data, "answers")):
        _check_answer(f"answers[{n}]", entry, content)
    for n, entry in enumerate(_list(data, "shared_answers")):
        _entry(f"shared_answers[{n}]", entry, SHARED_KEYS)
    for n, entry in enumerate(_list(data, "bookmarks")):
        _entry(f"bookmarks[{n}]", entry, BOOKMARK_KEYS, optional={"worksheet"})


def _list(data: dict, name: str) -> list:
    value = data.get(name, [])
    if not isinstance(value, list):
        raise InvalidImport(f"'{name}' must be a list.")
    return value


def _entry(where: str, entry: Any, keys: set[str], optional: set[str] = frozenset()) -> None:
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
    key = AnswerKey(entry["chapter"], entry["worksheet"], entry["field"])
    try:
        field = content.worksheet(key.chapter_id, key.worksheet_id).field(key.field_id)
    except KeyError:
        return  # content this version does not ship: kept as text, as export keeps it
    if entry["kind"] != field.kind.value:
        raise InvalidImport(f"{where}.kind is {entry['kind']!r}, but field {field.id!r} is a "
                            f"{field.kind.value}.")
    try:
        decode(field, entry["value"])
    except InvalidValue as error:
        raise InvalidImport(f"{where}: {error}.") from None


def import_data(service: WorkbookService, partner_id: str, data: dict[str, Any],
                content: Content) -> ImportReport:
    """Merge a validated export into `partner_id`'s space (their answers, sharing, bookmarks)."""
    validate(data, content)
    if data["partner"]["id"] != partner_id:
        raise InvalidImport("This file was exported by someone else (or from another workbook); "
                            "only the partner who exported it can import it.")
    answers = AnswerService(service)
    current = answers.all_answers(partner_id)
    shared = answers.shared_in_chapter(None)
    written = unchanged = 0
    for entry in data.get("answers", []):
        key = AnswerKey(entry["chapter"], entry["worksheet"], entry["field"])
        same_value = current.get(key) == entry["value"]
        same_share = not entry["shared"] or shared.get((partner_id, key)) == entry["value"]
        if same_value and same_share:
            unchanged += 1
            continue
        if not same_value:
            answers.save(partner_id, key, entry["value"])
        if entry["shared"]:
            answers.share(partner_id, key)
        written += 1
    for entry in data.get("bookmarks", []):
        answers.set_bookmark(partner_id, entry["chapter"], entry["worksheet"], entry["name"])
    ignored = sum(1 for e in data.get("shared_answers", []) if e["partner"] != partner_id)
    return ImportReport(written, unchanged, ignored)
