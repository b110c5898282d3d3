"""Bringing an export back (docs/data-format.md, "Importing"): check the whole file first, show
what would change, then merge; or start a new workbook from it.

Rules, so that importing the same file twice changes nothing the second time:
- The exporter's own entries (answers, check-ins, gratitude, ladder readiness, bookmarks) are
  matched by their place (question, day, step); where the file differs, the file's version is
  written, sharing included.
- Shared items (milestones, ladder steps with their history) are matched by suggestion id or by
  title; one already in the workbook is left as it is, one missing is added.
- What another partner shared is theirs to share: left alone when merging. Starting a new
  workbook, it is kept as read-only history under their name (as after they leave the workbook).
Nothing is written until the whole file has passed every check.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbook.answers import AnswerKey, AnswerService
from workbook.changes import Change
from workbook.content.model import Content
from workbook.json_check import SchemaProblem, check
from workbook.portable_v1 import InvalidImport, check_fits, upgrade_v1, validate_v1
from workbook.portable_values import field_of, to_stored
from workbook.storage import portable_rows as rows
from workbook.storage.trackers import (
    CheckinRepository,
    GratitudeRepository,
    ReadinessRepository,
    SharedAppreciationRepository,
    SharedCheckinRepository,
)
from workbook.text import InvalidText, check_storable

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
FORMAT, VERSION = "couples-workbook-export", 2
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_TEXT = 1_000_000  # characters in any one text; answers are typed, not pasted books
ORIGIN = "imported_from"  # private meta: the exporter id this space was started from
__all__ = ["InvalidImport"]


@dataclass
class Tally:
    label: str
    added: int = 0
    changed: int = 0
    unchanged: int = 0

    @property
    def line(self) -> str:
        return (f"{self.label}: {self.added} new, {self.changed} changed, "
                f"{self.unchanged} already here")


@dataclass
class ImportPreview:
    """What an import would do (or did): counts per kind of entry, and notes in plain words."""

    tallies: list[Tally]
    notes: list[str] = field(default_factory=list)

    @property
    def changes(self) -> int:
        return sum(t.added + t.changed for t in self.tallies)

    def lines(self) -> list[str]:
        shown = [t.line for t in self.tallies if t.added or t.changed or t.unchanged]
        return (shown or ["The file holds no entries."]) + self.notes

    def tally(self, label: str) -> Tally:
        return next(t for t in self.tallies if t.label == label)


# -- reading and checking -------------------------------------------------------------------------
def read_import(path: Path, content: Content) -> dict[str, Any]:
    """The checked document (a version 1 file comes back in version 2's shape)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InvalidImport(f"{path.name} is larger than an export can be "
                                f"({MAX_FILE_BYTES // 2**20} MB).")
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidImport(f"{path.name} is not UTF-8 text.") from None
    except OSError as error:
        raise InvalidImport(f"{path.name} cannot be read ({error.strerror}).") from None
    try:
        data = json.loads(text)
    except RecursionError:  # Python's parser gives up on JSON nested thousands deep
        raise InvalidImport(f"{path.name} is nested far too deeply to be a Couples Workbook "
                            "export; nothing was imported.") from None
    except json.JSONDecodeError as error:
        raise InvalidImport(f"{path.name} is not valid JSON (line {error.lineno}, column "
                            f"{error.colno}).") from None
    return validate(data, content)


def validate(data: Any, content: Content) -> dict[str, Any]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidImport("This is not a Couples Workbook export (the 'format' is missing "
                            "or different).")
    if data.get("version") == 1:
        validate_v1(data, content)
        return upgrade_v1(data, content)
    if data.get("version") != VERSION:
        raise InvalidImport(f"Export version {data.get('version')!r} is not supported "
                            "(this app reads versions 1 and 2).")
    try:
        check(data)
    except SchemaProblem as problem:
        raise InvalidImport(f"{problem}.") from None
    _check_text(data, "")
    _check_meaning(data, content)
    return data


def _check_text(value: Any, where: str) -> None:
    """Every piece of text must be storable (no NUL, no lone surrogate)."""
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise InvalidImport(f"{where or 'the file'} is longer than {MAX_TEXT} characters.")
        try:
            check_storable(value)
        except InvalidText as error:
            raise InvalidImport(f"{where or 'the file'}: {error}") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key, where)
            _check_text(item, f"{where}.{key}" if where else key)
    elif isinstance(value, list):
        for n, item in enumerate(value):
            _check_text(item, f"{where}[{n}]")


def _check_meaning(data: dict, content: Content) -> None:
    """What a schema cannot say: values fit their questions, partners and steps exist."""
    for section in ("answers", "shared_answers"):
        for n, entry in enumerate(data.get(section, [])):
            where = f"{section}[{n}]"
            check_fits(where, entry, field_of(content, _key(entry)), to_stored)
    partner_ids = {p["id"] for p in data["partners"]} - {data["partner"]["id"]}
    for section in ("shared_answers", "shared_checkins", "shared_appreciations"):
        for n, entry in enumerate(data.get(section, [])):
            if entry["partner"] not in partner_ids:  # the exporter's own are in their sections
                raise InvalidImport(f"{section}[{n}].partner is not one of the other "
                                    "'partners'.")
    scales = {s.id: s for s in content.checkin_scales}
    for section in ("checkins", "shared_checkins"):
        for n, entry in enumerate(data.get(section, [])):
            for scale_id, value in entry["scores"].items():
                scale = scales.get(scale_id)
                if scale and not scale.min <= value <= scale.max:
                    raise InvalidImport(f"{section}[{n}].scores has a value outside its scale.")
    ladder = data.get("ladder", {"steps": [], "events": [], "my_readiness": []})
    refs = [s["ref"] for s in ladder["steps"]]
    if len(set(refs)) != len(refs):
        raise InvalidImport("ladder.steps has the same 'ref' twice.")
    for section in ("events", "my_readiness"):
        for n, entry in enumerate(ladder[section]):
            if entry["step"] not in refs:
                raise InvalidImport(f"ladder.{section}[{n}].step is not one of the steps.")


def _key(entry: dict) -> AnswerKey:
    return AnswerKey(entry["chapter"], entry["worksheet"], entry["field"])


# -- merging --------------------------------------------------------------------------------------
def preview_import(service, partner_id: str, data: dict, content: Content) -> ImportPreview:
    """What import_data would do now; writes nothing."""
    return _Plan(service, partner_id, validate(data, content), content).preview


def import_data(service, partner_id: str, data: dict, content: Content,
                progress: Progress | None = None) -> ImportPreview:
    """Merge a checked export into `partner_id`'s space (see the module's rules). `progress`
    hears (done, total) between bounded steps, so a window can paint meanwhile."""
    plan = _Plan(service, partner_id, validate(data, content), content)
    plan.apply(progress)
    return plan.preview


def start_from_export(service, data: dict, content: Content, passphrase: str,
                      name: str | None = None, progress: Progress | None = None):
    """A new workbook, in the folder of `service` (a WorkbookService), whose one partner (the
    importer: new passphrase, new recovery code) holds everything in the file. Returns (created
    partner, what was brought in); the workbook is left unlocked."""
    from workbook.accounts import NewPartner
    doc = validate(data, content)
    if service.exists():
        raise InvalidImport("There is already a workbook in that folder; starting from an "
                            "export needs an empty one.")
    created = service.create([NewPartner(name or doc["partner"]["name"], passphrase)])[0]
    me = created.info.id
    session = service.current_session()
    with session.partner(me).conn as own:
        own.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (ORIGIN, doc["partner"]["id"]))
    for partner in doc["partners"]:
        if partner["id"] != doc["partner"]["id"]:
            rows.add_partner_history(session.shared_conn, partner["id"], partner["name"])
    plan = _Plan(service, me, doc, content, keep_others=True)
    plan.apply(progress)
    log.info("workbook started from an export (%d entries)", plan.preview.changes)
    service.announce(Change.PARTNERS)
    return created, plan.preview


class _Plan:
    """Compares the file with the workbook once, recording counts and the writes to make."""

    def __init__(self, service, partner_id: str, doc: dict, content: Content,
                 keep_others: bool = False):
        session = service.current_session()
        self.own, self.shared = session.partner(partner_id).conn, session.shared_conn
        self.me, self.doc, self.content, self.service = partner_id, doc, content, service
        self._check_owner()
        # Called with no arguments; `...` because the lambdas bind loop values as defaults.
        self.actions: list[Callable[..., None]] = []
        self.preview = ImportPreview([Tally(label) for label in (
            "Answers", "Check-ins", "Gratitude entries", "Milestones", "Ladder steps",
            "Your ladder readiness", "What your partner shared")])
        self._answers()
        self._checkins()
        self._gratitude()
        self._milestones()
        self._ladder()
        self._others(keep_others)
        self._bookmarks()

    def apply(self, progress: Progress | None = None, size: int = 400) -> None:
        """Write in bounded steps, telling `progress` (done, total) after each.
        Thousands of small writes: WAL with synchronous=NORMAL cannot corrupt the file and skips
        an fsync per row; the closing checkpoint under FULL makes it all durable."""
        conns = (self.own, self.shared)
        for conn in conns:
            conn.execute("PRAGMA synchronous = NORMAL")
        try:
            for start in range(0, len(self.actions), size):
                for action in self.actions[start:start + size]:
                    action()
                if progress is not None:
                    progress(min(start + size, len(self.actions)), len(self.actions))
        finally:
            for conn in conns:
                conn.execute("PRAGMA synchronous = FULL")
                conn.execute("PRAGMA wal_checkpoint(FULL)")
            if self.actions:  # much of it is written as rows, which announce nothing
                self.service.announce(Change.ENTRIES)

    def _count(self, label: str, state: str, action: Callable[..., None] | None = None) -> None:
        tally = self.preview.tally(label)
        setattr(tally, state, getattr(tally, state) + 1)
        if action is not None:
            self.actions.append(action)

    def _check_owner(self) -> None:
        origin = self.own.execute("SELECT value FROM meta WHERE key = ?", (ORIGIN,)).fetchone()
        if self.doc["partner"]["id"] not in {self.me, origin[0] if origin else None}:
            raise InvalidImport("This file was exported by someone else (or from another "
                                "workbook); only the partner who exported it can import it. "
                                "To begin again from it, start a new workbook from the export.")

    def _answers(self) -> None:
        answers = AnswerService(self.service)
        current, shared = answers.all_answers(self.me), answers.shared_in_chapter(None)
        unknown = 0
        for entry in self.doc["answers"]:
            key, found = _key(entry), field_of(self.content, _key(entry))
            unknown += found is None
            stored = to_stored(found, entry["value"])
            copy = shared.get((self.me, key))  # what is shared now, if anything
            wanted = stored if entry["shared"] else None
            if current.get(key) == stored and copy == wanted:
                self._count("Answers", "unchanged")
                continue

            def write(key=key, stored=stored, share=entry["shared"], was_shared=copy is not None):
                answers.save(self.me, key, stored)
                if share:
                    answers.share(self.me, key)
                elif was_shared:
                    answers.unshare(self.me, key)
            self._count("Answers", "added" if key not in current else "changed", write)
        if unknown:
            self.preview.notes.append(f"{unknown} answers are to questions this version of the "
                                      "app does not have; they are kept as written.")

    def _checkins(self) -> None:
        scales = {s.id for s in self.content.checkin_scales}
        current = {day: (_sorted_json(scores), note, bool(flag))
                   for day, scores, note, flag in rows.checkins(self.own)}
        dropped = 0
        for entry in self.doc.get("checkins", []):
            scores = {k: v for k, v in entry["scores"].items() if k in scales}
            dropped += len(entry["scores"]) - len(scores)
            new = (json.dumps(scores, sort_keys=True), entry["note"], entry["shared"])
            old = current.get(entry["day"])
            if old == new:
                self._count("Check-ins", "unchanged")
                continue
            self._count("Check-ins", "added" if old is None else "changed",
                        lambda day=entry["day"], new=new: self._write_checkin(day, *new))
        if dropped:
            self.preview.notes.append(f"{dropped} check-in numbers are for scales this version "
                                      "does not have; they are left out.")

    def _write_checkin(self, day: str, scores: str, note: str, shared: bool) -> None:
        CheckinRepository(self.own).save(day, scores, note, shared)
        if shared:
            SharedCheckinRepository(self.shared).share(self.me, day, scores)
        else:
            SharedCheckinRepository(self.shared).unshare(self.me, day)

    def _gratitude(self) -> None:
        current = {day: (g, a, bool(s)) for day, g, a, s in rows.gratitude(self.own)}
        for entry in self.doc.get("gratitude", []):
            new = (entry["grateful"], entry["appreciation"],
                   entry["shared"] and bool(entry["appreciation"]))
            old = current.get(entry["day"])
            if old == new:
                self._count("Gratitude entries", "unchanged")
                continue
            self._count("Gratitude entries", "added" if old is None else "changed",
                        lambda day=entry["day"], new=new: self._write_gratitude(day, *new))

    def _write_gratitude(self, day: str, grateful: str, appreciation: str, shared: bool) -> None:
        GratitudeRepository(self.own).save(day, grateful, appreciation, shared)
        if shared:
            SharedAppreciationRepository(self.shared).share(self.me, day, appreciation)
        else:
            SharedAppreciationRepository(self.shared).unshare(self.me, day)

    def _milestones(self) -> None:
        have = {_milestone_key(r[2], r[0], r[5]) for r in rows.milestones(self.shared)}
        for m in self.doc.get("milestones", []):
            key = _milestone_key(m["suggestion"], m["title"], m["created_on"])
            if key in have:
                self._count("Milestones", "unchanged")
                continue
            have.add(key)
            row = (m["title"].strip(), m["chapter"], m["suggestion"], m["notes"], m["state"],
                   m["created_on"], m["started_on"], m["reached_on"], self._owner(m))
            self._count("Milestones", "added", lambda row=row: rows.add_milestone(self.shared, row))

    def _owner(self, milestone: dict) -> str | None:
        """Whose a milestone is, in this workbook: the file's exporter is whoever imports it;
        "" is both of you; an unknown partner (or a file without owners) is "not recorded"."""
        owner = milestone.get("owner")
        if owner == self.doc["partner"]["id"]:
            return self.me
        known = {p.id for p in self.service.partners()}
        return owner if owner == "" or owner in known else None

    def _ladder(self) -> None:
        ladder = self.doc.get("ladder", {"steps": [], "events": [], "my_readiness": []})
        have = {_step_key(s[4], s[2]): (s[0], s[6]) for s in rows.ladder_steps(self.shared)}
        ids: dict[int, int] = {}  # the file's step refs -> this workbook's step ids
        rounds: dict[int, int] = {}
        for step in ladder["steps"]:
            key = _step_key(step["suggestion"], step["title"])
            if key in have:
                ids[step["ref"]], rounds[step["ref"]] = have[key]
                self._count("Ladder steps", "unchanged")
                continue
            have[key] = (0, step["round"])
            events = [(e["event"], e["day"]) for e in ladder["events"] if e["step"] == step["ref"]]
            self._count("Ladder steps", "added", lambda s=step, ev=events: ids.__setitem__(
                s["ref"], rows.add_step(self.shared, s["title"].strip(), s["description"],
                                        s["suggestion"], s["state"], s["round"], s["changed_on"],
                                        ev)))
        readiness = ReadinessRepository(self.own)
        for mark in ladder["my_readiness"]:
            ref, wanted = mark["step"], (mark["round"], mark["ready"])
            if ref in rounds:  # a step already here: only a missing mark for its round is added
                if readiness.get(ids[ref]) is not None or rounds[ref] != mark["round"]:
                    self._count("Your ladder readiness", "unchanged")
                    continue
            self._count("Your ladder readiness", "added", lambda ref=ref, w=wanted: (
                rows.set_readiness(self.own, ids[ref], *w)))

    def _others(self, keep: bool) -> None:
        label = "What your partner shared"
        entries = [("answer", e) for e in self.doc.get("shared_answers", [])]
        entries += [("checkin", e) for e in self.doc.get("shared_checkins", [])]
        entries += [("appreciation", e) for e in self.doc.get("shared_appreciations", [])]
        if not keep:
            if entries:
                self.preview.notes.append(f"{len(entries)} entries your partner shared are left "
                                          "as they are: only they can share their own.")
            return
        for kind, entry in entries:
            self._count(label, "added", lambda k=kind, e=entry: self._keep_shared(k, e))

    def _keep_shared(self, kind: str, entry: dict) -> None:
        owner = entry["partner"]
        if kind == "answer":
            key = _key(entry)
            stored = to_stored(field_of(self.content, key), entry["value"])
            rows.share_answer(self.shared, owner, (key.chapter_id, key.worksheet_id,
                                                   key.field_id), stored)
        elif kind == "checkin":
            SharedCheckinRepository(self.shared).share(owner, entry["day"],
                                                       json.dumps(entry["scores"], sort_keys=True))
        else:
            SharedAppreciationRepository(self.shared).share(owner, entry["day"], entry["text"])

    def _bookmarks(self) -> None:
        answers = AnswerService(self.service)
        current = answers.bookmarks(self.me)
        chapters = {c.id for c in self.content.chapters}
        for mark in self.doc.get("bookmarks", []):
            place = (mark["chapter"], mark["worksheet"])
            if mark["chapter"] in chapters and current.get(mark["name"]) != place:
                self.actions.append(lambda m=mark: answers.set_bookmark(
                    self.me, m["chapter"], m["worksheet"], m["name"]))


def _sorted_json(text: str) -> str:
    return json.dumps(json.loads(text), sort_keys=True)


def _milestone_key(suggestion: str | None, title: str, created_on: str) -> tuple:
    return ("s", suggestion) if suggestion else ("t", title.strip().casefold(), created_on)


def _step_key(suggestion: str | None, title: str) -> tuple:
    return ("s", suggestion) if suggestion else ("t", title.strip().casefold())
