"""Portable data: everything one unlocked partner can see, as a documented JSON file (version 2,
docs/data-format.md, schema workbook/assets/schemas/export-v2.schema.json), and bringing such a file
back (portable_import.py), into this workbook or a new one.

What a file holds is decided here, once: the exporter's own answers, check-ins (with their notes),
gratitude, ladder readiness and bookmarks, plus what the shared space shows them (shared answers,
milestones, ladder steps and their history, other partners' shared check-in numbers and
appreciations). Another partner's private file is never opened, even when both sit together.

The file is NOT encrypted; every way to write one says so first.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from workbook import __version__
from workbook.accounts import WorkbookService
from workbook.answers import AnswerKey, AnswerService
from workbook.content.model import Content
from workbook.portable_import import (  # noqa: F401  (the import side's public names live here too)
    FORMAT,
    VERSION,
    ImportPreview,
    InvalidImport,
    import_data,
    preview_import,
    read_import,
    start_from_export,
    validate,
)
from workbook.portable_values import field_of, to_native
from workbook.storage import portable_rows as rows
from workbook.text import InvalidText

NOT_ENCRYPTED = ("Warning: the exported file is NOT encrypted. Anyone who can open it can read "
                 "every answer in it, including your private ones. Keep it somewhere safe and "
                 "delete it when you no longer need it.")


# -- export ----------------------------------------------------------------------------------------
def export_data(service: WorkbookService, partner_id: str, content: Content) -> dict[str, Any]:
    """Everything `partner_id` can see, and nothing of another partner's private space."""
    session = service.current_session()
    own, shared = session.partner(partner_id).conn, session.shared_conn
    partners = service.partners()
    me = next(p for p in partners if p.id == partner_id)
    return {
        "format": FORMAT, "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "app_version": __version__,
        "partner": {"id": me.id, "name": me.name},
        "partners": [{"id": p.id, "name": p.name} for p in partners],
        **_answers(service, partner_id, content),
        "bookmarks": [{"name": name, "chapter": chapter, "worksheet": sheet} for name, (
            chapter, sheet) in sorted(AnswerService(service).bookmarks(partner_id).items())],
        "milestones": [_milestone(r) for r in rows.milestones(shared)],
        "ladder": _ladder(shared, own),
        "checkins": [{"day": day, "scores": json.loads(scores), "note": note,
                      "shared": bool(flag)} for day, scores, note, flag in rows.checkins(own)],
        "shared_checkins": [{"partner": pid, "day": day, "scores": json.loads(scores)}
                            for pid, day, scores in rows.shared_checkins(shared)
                            if pid != partner_id],
        "gratitude": [{"day": day, "grateful": grateful, "appreciation": appreciation,
                       "shared": bool(flag)}
                      for day, grateful, appreciation, flag in rows.gratitude(own)],
        "shared_appreciations": [{"partner": pid, "day": day, "text": text}
                                 for pid, day, text in rows.shared_appreciations(shared)
                                 if pid != partner_id],
    }


def _answers(service: WorkbookService, partner_id: str, content: Content) -> dict[str, list]:
    answers = AnswerService(service)
    shared = answers.shared_in_chapter(None)
    mine = [{**_answer(k, v, content), "shared": (partner_id, k) in shared}
            for k, v in sorted(answers.all_answers(partner_id).items(), key=_order)]
    others = [{"partner": owner, **_answer(k, v, content)}
              for (owner, k), v in sorted(shared.items(), key=lambda i: (i[0][0], _order(i)))
              if owner != partner_id]
    return {"answers": mine, "shared_answers": others}


def _order(item) -> tuple:
    key = item[0] if isinstance(item[0], AnswerKey) else item[0][1]
    return key.chapter_id, key.worksheet_id, key.field_id


def _answer(key: AnswerKey, stored: str, content: Content) -> dict[str, Any]:
    field = field_of(content, key)
    return {"chapter": key.chapter_id, "worksheet": key.worksheet_id, "field": key.field_id,
            "kind": field.kind.value if field else None,
            "question": field.prompt if field else None,
            "value": to_native(field, stored)}


def _milestone(row: tuple) -> dict[str, Any]:
    title, chapter, suggestion, notes, state, created, started, reached, owner = row
    return {"title": title, "chapter": chapter, "suggestion": suggestion, "notes": notes,
            "state": state, "created_on": created, "started_on": started, "reached_on": reached,
            "owner": owner}


def _ladder(shared, own) -> dict[str, list]:
    """Steps and their shared history; readiness is only the exporter's own."""
    steps = rows.ladder_steps(shared)
    known = {s[0] for s in steps}
    return {
        "steps": [{"ref": sid, "title": title, "description": description,
                   "suggestion": suggestion, "state": state, "round": round_,
                   "changed_on": changed}
                  for sid, _pos, title, description, suggestion, state, round_, changed in steps],
        "events": [{"step": sid, "event": event, "day": day}
                   for sid, event, day in rows.ladder_events(shared) if sid in known],
        "my_readiness": [{"step": sid, "round": round_, "ready": bool(ready)}
                         for sid, round_, ready in rows.readiness(own) if sid in known],
    }


def dumps(data: dict[str, Any]) -> str:
    # ensure_ascii=False keeps emoji and scripts readable; json escapes control characters.
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_export(path: Path, data: dict[str, Any]) -> None:
    write_private_text(Path(path), dumps(data))


def write_private_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write atomically, readable by this user only, and never over an existing file."""
    if path.exists():
        raise InvalidText(f"{path.name} already exists there; choose a new file name.")
    temp = path.with_name(f".{path.name}.part")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        raise InvalidText(f"{path.name} cannot be written there ({error.strerror}).") from None
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise InvalidText(f"{path.name} could not be written ({error.strerror}); nothing was "
                          "saved.") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
