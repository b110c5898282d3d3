"""The words of the Together conversations, read from workbook/assets/content/together/*.toml.

Like the chapters, the text is data and is checked on load: a missing key, an unknown key or a
value of the wrong kind raises ScriptError naming the file and the table, so whoever edits the
words can fix them without reading Python.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, get_type_hints

from workbook.errors import WorkbookError
from workbook.resources import resource_path


class ScriptError(WorkbookError):
    """A problem in a conversation file; the message names file, table and key."""


@dataclass(frozen=True)
class TurnsText:
    title: str
    summary: str
    intro: str
    speaker: str
    listener: str
    speaker_prompts: tuple[str, ...]
    listener_prompts: tuple[str, ...]
    end_prompts: tuple[str, ...]
    end_intro: str


@dataclass(frozen=True)
class PauseText:
    title: str
    why: str
    body: str
    back: str


@dataclass(frozen=True)
class WeeklyText:
    title: str
    summary: str
    intro: str
    steps: tuple[str, ...]
    appreciations: str
    numbers: str
    went_well: str
    gentle_start: str
    gentle_parts: tuple[str, ...]
    plan: str


@dataclass(frozen=True)
class RepairText:
    title: str
    summary: str
    content_note: str
    private_intro: str
    private_prompts: tuple[str, ...]
    together_intro: str
    together_prompts: tuple[str, ...]


@dataclass(frozen=True)
class Suggestion:
    chapter: str
    title: str


@dataclass(frozen=True)
class Script:
    title: str
    intro: str
    needs_both: str
    turns: TurnsText
    pause: PauseText
    weekly: WeeklyText
    repair: RepairText
    suggestions: tuple[Suggestion, ...]


# Lists that must have exactly this many entries, because screens are built around them.
_EXACT = {("weekly", "steps"): 5, ("weekly", "gentle_parts"): 3, ("turns", "end_prompts"): 2,
          ("repair", "private_prompts"): 3, ("repair", "together_prompts"): 3}


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ScriptError(f"{where} must be non-empty text")
    return " ".join(value.split())  # the TOML is wrapped for editing, not for display


def _build(cls, table: Any, file: str, name: str):
    where = f"{file}: [{name}]" if name else file
    if not isinstance(table, dict):
        raise ScriptError(f"{where} must be a table")
    hints = get_type_hints(cls)
    wanted = {f.name for f in fields(cls)}
    for key in sorted(table.keys() - wanted - {"type"}):
        raise ScriptError(f"{where}: unknown key '{key}'")
    values = {}
    for key in sorted(wanted):
        if key not in table:
            raise ScriptError(f"{where}: missing required key '{key}'")
        values[key] = _value(hints[key], table[key], f"{where}: '{key}'", file, (name, key))
    return cls(**values)


def _value(hint: Any, raw: Any, where: str, file: str, path: tuple[str, str]):
    if hint is str:
        return _text(raw, where)
    if hint == tuple[str, ...]:
        if not isinstance(raw, list) or not raw:
            raise ScriptError(f"{where} must be a non-empty list of texts")
        if path in _EXACT and len(raw) != _EXACT[path]:
            raise ScriptError(f"{where} must list exactly {_EXACT[path]} texts")
        return tuple(_text(item, where) for item in raw)
    if hint == tuple[Suggestion, ...]:
        if not isinstance(raw, list) or not raw:
            raise ScriptError(f"{where} must be a list of tables (written [[suggestions]])")
        return tuple(_build(Suggestion, item, file, f"suggestions {i + 1}")
                     for i, item in enumerate(raw))
    return _build(hint, raw, file, path[1])


def load_script(path: str | Path | None = None) -> Script:
    path = Path(path) if path is not None else resource_path("content", "together",
                                                             "conversations.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError:
        raise ScriptError(f"{path.name}: the file could not be read") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ScriptError(f"{path.name}: not valid TOML ({error})") from None
    if data.get("type") != "together":
        raise ScriptError(f"{path.name}: 'type' must be \"together\"")
    return _build(Script, data, path.name, "")
