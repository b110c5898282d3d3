"""Load the workbook's TOML content and validate it, with errors a non-programmer can act on.

Every `*.toml` file in the content folder declares what it holds with a top-level `type`
("chapter", "page", "checkins" or "gratitude"); the schema is documented in
docs/content-schema.md. A file with any problem is skipped as a whole (half a chapter would be
worse than none) and the rest still load, so one typo in a folder being written never blanks
it; the app's own bundled content must load without any error (see `load_content`). Unknown
keys are errors rather than ignored, because a misspelt optional key would otherwise vanish
silently.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from workbook.content.model import (
    DEFAULT_REFRAME_LEFT,
    DEFAULT_REFRAME_RIGHT,
    Chapter,
    CheckinScale,
    Content,
    Field,
    FieldKind,
    LadderStep,
    Milestone,
    Page,
    Section,
    Worksheet,
)
from workbook.resources import MissingResources, resource_path


@dataclass(frozen=True)
class ContentError:
    """One problem in one file. `str()` gives the full message, for example:

    08-safe-touch.toml: chapter 'safe-touch', worksheet 'ladder', field 'readiness':
    unknown kind 'slider'   (all on one line)
    """

    file: str
    message: str
    chapter: str | None = None
    path: tuple[str, ...] = ()

    def __str__(self) -> str:
        where = ([f"chapter '{self.chapter}'"] if self.chapter else []) + list(self.path)
        return f"{self.file}: {', '.join(where) + ': ' if where else ''}{self.message}"


@dataclass(frozen=True)
class LoadResult:
    content: Content
    errors: tuple[ContentError, ...]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def chapters(self) -> tuple[Chapter, ...]:
        return self.content.chapters


def load_content(folder: str | Path | None = None) -> LoadResult:
    """Load every `*.toml` in `folder` (default: the bundled workbook/assets/content).

    The bundled content is what the app was tested with, so any problem in it means a broken
    install: it raises MissingResources (the CLI exits 2, the window says so calmly) instead of
    opening with chapters or check-in scales silently missing."""
    bundled = folder is None
    folder = Path(folder) if folder is not None else resource_path("content")
    errors: list[ContentError] = []
    if not folder.is_dir():
        errors.append(ContentError(str(folder), "content folder not found"))
    loaded = [_load_file(path, errors) for path in sorted(folder.glob("*.toml"))]
    result = LoadResult(_assemble([x for x in loaded if x], errors), tuple(errors))
    if bundled and (errors or not result.chapters or not result.content.checkin_scales):
        raise MissingResources(str(errors[0]) if errors else "content/: no chapters or scales")
    return result


# --- validation context -------------------------------------------------------------------


@dataclass(frozen=True)
class _Ctx:
    """Where we are in a file; errors go to one list shared by every context of a load."""

    file: str
    errors: list[ContentError] = field(compare=False)
    chapter: str | None = None
    path: tuple[str, ...] = ()

    def at(self, part: str) -> _Ctx:
        return replace(self, path=self.path + (part,))

    def error(self, message: str) -> None:
        self.errors.append(ContentError(self.file, message, self.chapter, self.path))


# A rule is (required, check); check(key, value) returns a message or None.
Check = Callable[[str, Any], "str | None"]
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _text(key: str, v: Any) -> str | None:
    if not isinstance(v, str):
        return f"'{key}' must be text"
    return None if v.strip() else f"'{key}' must not be empty"


def _slug(key: str, v: Any) -> str | None:
    if _text(key, v) or not _SLUG.match(v):
        return (f"'{key}' must be lowercase letters, digits and hyphens "
                f"(like 'safe-touch'), got {v!r}")
    return None


def _int(key: str, v: Any) -> str | None:
    # TOML booleans are Python bools, which are ints; `number = true` must not pass.
    if isinstance(v, int) and not isinstance(v, bool):
        return None
    return f"'{key}' must be a whole number"


def _positive(key: str, v: Any) -> str | None:
    return _int(key, v) or (None if v > 0 else f"'{key}' must be 1 or more")


def _bool(key: str, v: Any) -> str | None:
    return None if isinstance(v, bool) else f"'{key}' must be true or false"


def _texts(least: int) -> Check:
    def check(key: str, v: Any) -> str | None:
        if not isinstance(v, list) or any(_text(key, x) for x in v):
            return f"'{key}' must be a list of non-empty texts"
        if len(v) < least:
            return f"'{key}' must not be empty" if least == 1 else f"'{key}' needs {least} or more"
        dupes = sorted({x for x in v if v.count(x) > 1})
        return f"'{key}' lists {dupes[0]!r} twice" if dupes else None

    return check


def _tables(key: str, v: Any) -> str | None:
    if not isinstance(v, list) or not all(isinstance(x, dict) for x in v):
        return f"'{key}' must be a list of tables (written [[{key}]])"
    return None if v else f"'{key}' must not be empty"


def _kind(key: str, v: Any) -> str | None:
    if isinstance(v, str) and v in _KIND_KEYS:
        return None
    return f"unknown kind {v!r} (use one of: {', '.join(_KIND_KEYS)})"


REQ, OPT = True, False
_TYPES = ("chapter", "page", "checkins", "gratitude")
_CHAPTER = {
    "type": (REQ, _text), "id": (REQ, _slug), "number": (REQ, _positive), "title": (REQ, _text),
    "summary": (REQ, _text), "reading": (REQ, _text), "content_note": (OPT, _text),
    "worksheets": (REQ, _tables), "milestones": (OPT, _tables), "ladder_steps": (OPT, _tables),
}
_WORKSHEET = {"id": (REQ, _slug), "title": (REQ, _text), "intro": (OPT, _text),
              "fields": (REQ, _tables)}
_FIELD = {"id": (REQ, _slug), "kind": (REQ, _kind), "prompt": (REQ, _text), "help": (OPT, _text)}
_RANGE = {"min": (OPT, _int), "max": (OPT, _int)}
_KIND_KEYS: dict[str, dict] = {
    "long_text": {},
    "short_text": {},
    "checklist": {"options": (REQ, _texts(1)), "allow_other": (OPT, _bool)},
    "single_choice": {"options": (REQ, _texts(2))},
    "scale": {"low_label": (REQ, _text), "high_label": (REQ, _text), **_RANGE},
    "reframe": {"left_label": (OPT, _text), "right_label": (OPT, _text)},
    "ranked_list": {"items": (OPT, _texts(2)), "max_items": (OPT, _positive)},
    "date": {},
}
_ANY_KIND_KEY = {k: (OPT, lambda key, v: None) for spec in _KIND_KEYS.values() for k in spec}
_STEP = {"id": (REQ, _slug), "title": (REQ, _text), "description": (OPT, _text)}
_PAGE = {"type": (REQ, _text), "id": (REQ, _slug), "title": (REQ, _text), "summary": (OPT, _text),
         "sections": (REQ, _tables)}
_SECTION = {"title": (OPT, _text), "body": (REQ, _text), "points": (OPT, _texts(1))}
_CHECKINS = {"type": (REQ, _text), "scales": (REQ, _tables)}
_SCALE = {"id": (REQ, _slug), "title": (REQ, _text), "question": (REQ, _text),
          "help": (OPT, _text), "low_label": (REQ, _text), "high_label": (REQ, _text), **_RANGE}
_GRATITUDE = {"type": (REQ, _text), "prompts": (REQ, _texts(1))}


def _check_keys(ctx: _Ctx, table: dict, spec: dict, kind: str | None = None) -> bool:
    before = len(ctx.errors)
    for key in sorted(table.keys() - spec.keys()):
        ctx.error(f"unknown key '{key}'{_hint(key, spec, kind)}")
    for key, (required, check) in spec.items():
        if key not in table:
            if required:
                ctx.error(f"missing required key '{key}'")
        elif problem := check(key, table[key]):
            ctx.error(problem)
    return len(ctx.errors) == before


def _hint(key: str, spec: dict, kind: str | None) -> str:
    if kind and key in _ANY_KIND_KEY:
        return f" (not used by kind '{kind}')"
    close = difflib.get_close_matches(key, list(spec), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _each(ctx: _Ctx, items: Any, label: str, build: Callable) -> tuple | None:
    """Build each table of a list; report duplicate ids. None if anything failed."""
    if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
        return None  # _check_keys already reported the wrong type
    built, seen = [], set()
    for i, item in enumerate(items, 1):
        item_id = item.get("id")
        here = ctx.at(f"{label} '{item_id}'" if isinstance(item_id, str) else f"{label} #{i}")
        if isinstance(item_id, str) and item_id in seen:
            here.error(f"duplicate {label} id '{item_id}'")
        seen.add(item_id if isinstance(item_id, str) else None)
        built.append(build(here, item, i))
    return tuple(built) if None not in built else None


# --- files --------------------------------------------------------------------------------


def _load_file(path: Path, errors: list[ContentError]):
    ctx = _Ctx(path.name, errors)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        ctx.error(f"not valid TOML: {exc}")
        return None
    except OSError as exc:
        ctx.error(f"could not be read: {exc.strerror or exc}")
        return None
    kind = data.get("type")
    if kind not in _TYPES:
        ctx.error("missing required key 'type'" if kind is None
                  else f"unknown type {kind!r} (use one of: {', '.join(_TYPES)})")
        return None
    before = len(errors)
    result = _BUILDERS[kind](ctx, data)
    # Anything reported means the file is skipped, even if a builder returned something.
    return (path.name, kind, result) if len(errors) == before and result is not None else None


def _chapter(ctx: _Ctx, data: dict) -> Chapter | None:
    if isinstance(data.get("id"), str):
        ctx = replace(ctx, chapter=data["id"])
    ok = _check_keys(ctx, data, _CHAPTER)
    worksheets = _each(ctx, data.get("worksheets"), "worksheet", _worksheet)
    milestones = _each(ctx, data.get("milestones", []), "milestone", _milestone)
    steps = _each(ctx, data.get("ladder_steps", []), "ladder step", _ladder_step)
    if not ok or worksheets is None or milestones is None or steps is None:
        return None
    return Chapter(data["id"], data["number"], data["title"].strip(), data["summary"].strip(),
                   data["reading"].strip(), worksheets, milestones, steps,
                   data.get("content_note", "").strip() or None)


def _worksheet(ctx: _Ctx, data: dict, _i: int) -> Worksheet | None:
    ok = _check_keys(ctx, data, _WORKSHEET)
    fields = _each(ctx, data.get("fields"), "field", _field)
    if not ok or fields is None:
        return None
    return Worksheet(data["id"], data["title"].strip(), fields, data.get("intro", "").strip())


def _field(ctx: _Ctx, data: dict, _i: int) -> Field | None:
    kind = data.get("kind", "")
    known = isinstance(kind, str) and kind in _KIND_KEYS
    # With an unknown kind, accept any kind's keys so the one real mistake is the one reported.
    spec = _FIELD | (_KIND_KEYS[kind] if known else _ANY_KIND_KEY)
    keys_ok = _check_keys(ctx, data, spec, kind if known else None)
    if not (keys_ok and known and _range_ok(ctx, data)):
        return None
    items = tuple(data.get("items", ()))
    return Field(
        id=data["id"], kind=FieldKind(kind), prompt=data["prompt"].strip(),
        help=data.get("help", "").strip(), options=tuple(data.get("options", ())),
        allow_other=data.get("allow_other", False), low_label=data.get("low_label", ""),
        high_label=data.get("high_label", ""), min=data.get("min", 0), max=data.get("max", 10),
        left_label=data.get("left_label", DEFAULT_REFRAME_LEFT),
        right_label=data.get("right_label", DEFAULT_REFRAME_RIGHT),
        items=items, max_items=data.get("max_items"),
    )


def _range_ok(ctx: _Ctx, data: dict) -> bool:
    low, high = data.get("min", 0), data.get("max", 10)
    if low >= high:
        ctx.error(f"'min' ({low}) must be smaller than 'max' ({high})")
        return False
    return True


def _milestone(ctx: _Ctx, data: dict, _i: int) -> Milestone | None:
    if not _check_keys(ctx, data, _STEP):
        return None
    return Milestone(data["id"], data["title"].strip(), data.get("description", "").strip())


def _ladder_step(ctx: _Ctx, data: dict, order: int) -> LadderStep | None:
    if not _check_keys(ctx, data, _STEP):
        return None
    return LadderStep(data["id"], order, data["title"].strip(), data.get("description", "").strip())


def _page(ctx: _Ctx, data: dict) -> Page | None:
    ok = _check_keys(ctx, data, _PAGE)
    sections = _each(ctx, data.get("sections"), "section", _section)
    if not ok or sections is None:
        return None
    return Page(data["id"], data["title"].strip(), sections, data.get("summary", "").strip())


def _section(ctx: _Ctx, data: dict, _i: int) -> Section | None:
    if not _check_keys(ctx, data, _SECTION):
        return None
    points = tuple(p.strip() for p in data.get("points", ()))
    return Section(data["body"].strip(), data.get("title", "").strip(), points)


def _checkins(ctx: _Ctx, data: dict) -> tuple[CheckinScale, ...] | None:
    ok = _check_keys(ctx, data, _CHECKINS)
    scales = _each(ctx, data.get("scales"), "scale", _scale)
    return scales if ok else None


def _scale(ctx: _Ctx, data: dict, _i: int) -> CheckinScale | None:
    if not _check_keys(ctx, data, _SCALE) or not _range_ok(ctx, data):
        return None
    return CheckinScale(data["id"], data["title"].strip(), data["question"].strip(),
                        data["low_label"], data["high_label"],
                        data.get("min", 0), data.get("max", 10),
                        " ".join(data.get("help", "").split()))


def _gratitude(ctx: _Ctx, data: dict) -> tuple[str, ...] | None:
    if not _check_keys(ctx, data, _GRATITUDE):
        return None
    return tuple(p.strip() for p in data["prompts"])


_BUILDERS = {"chapter": _chapter, "page": _page, "checkins": _checkins, "gratitude": _gratitude}


# --- across files -------------------------------------------------------------------------


def _assemble(loaded: list[tuple[str, str, Any]], errors: list[ContentError]) -> Content:
    """Combine files; a file that clashes with an earlier one (by name order) is skipped."""
    chapters: list[tuple[str, Chapter]] = []
    pages: list[tuple[str, Page]] = []
    scales: list[tuple[str, CheckinScale]] = []
    prompts: list[str] = []
    for name, kind, item in loaded:
        if kind == "chapter" and _number_free(name, item, chapters, errors):
            _add_unique(name, [item], chapters, errors)
        elif kind == "page":
            _add_unique(name, [item], pages, errors)
        elif kind == "checkins":
            _add_unique(name, item, scales, errors)
        elif kind == "gratitude":
            prompts.extend(item)
    ordered = sorted((c for _, c in chapters), key=lambda c: c.number)
    return Content(tuple(ordered), tuple(p for _, p in pages), tuple(s for _, s in scales),
                   tuple(dict.fromkeys(prompts)))


def _add_unique(name: str, items, taken: list, errors: list[ContentError]) -> None:
    """Add all of a file's items, or none if any id is already taken by an earlier file."""
    owners = {other.id: f for f, other in taken}
    clashes = [i for i in items if i.id in owners]
    for item in clashes:
        chapter = item.id if isinstance(item, Chapter) else None
        message = f"id '{item.id}' is already used in {owners[item.id]}"
        errors.append(ContentError(name, message, chapter))
    if not clashes:
        taken.extend((name, i) for i in items)


def _number_free(name: str, ch: Chapter, taken: list, errors: list[ContentError]) -> bool:
    clash = next((f for f, other in taken if other.number == ch.number), None)
    if clash:
        message = f"chapter number {ch.number} is already used in {clash}"
        errors.append(ContentError(name, message, ch.id))
    return clash is None
