"""SQL for the trackers (issue 4): milestones, the consent ladder, check-ins, gratitude and the
full-text search index. Services call these; the UI never does.

Shared repositories take the `shared.db` connection; private ones take one partner's own
connection, and so can never read another partner's text.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import sqlcipher3

from workbook.storage.repositories import utc_now

KIND_SHIFT = 40  # search_index rowid = (kind << 40) + source rowid; see schema.py migration 3
GRATITUDE, CHECKIN_NOTE, ANSWER = 1, 2, 3  # private kinds
MILESTONE, APPRECIATION, SHARED_ANSWER = 4, 5, 6  # shared kinds
CONVERSATION_NOTE, CONVERSATION_LINE = 7, 8  # Together (migrations 4): private, shared


@dataclass(frozen=True)
class MilestoneRow:
    id: int
    title: str
    chapter_id: str | None
    suggestion_id: str | None
    notes: str
    state: str
    created_on: str
    started_on: str | None
    reached_on: str | None
    owner: str | None = None  # a partner's id, "" for both of you, None when never asked


@dataclass(frozen=True)
class StepRow:
    id: int
    position: int
    title: str
    description: str
    suggestion_id: str | None
    state: str
    round: int
    changed_on: str


@dataclass(frozen=True)
class LadderEventRow:
    step_id: int
    title: str
    event: str
    day: str


@dataclass(frozen=True)
class CheckinRow:
    day: str
    scores: str  # JSON object: scale id -> 0..10
    note: str
    shared: bool


@dataclass(frozen=True)
class GratitudeRow:
    day: str
    grateful: str
    appreciation: str
    shared: bool


class _Repo:
    def __init__(self, conn: sqlcipher3.Connection):
        self.conn = conn

    def _one(self, sql: str, args: tuple = ()):
        return self.conn.execute(sql, args).fetchone()

    def _all(self, sql: str, args: tuple = ()) -> list:
        return self.conn.execute(sql, args).fetchall()

    def _write(self, sql: str, args: tuple = ()) -> int:
        with self.conn:
            return self.conn.execute(sql, args).lastrowid


_MILESTONE_COLS = ("id, title, chapter_id, suggestion_id, notes, state, created_on, started_on, "
                   "reached_on, owner")


class MilestoneRepository(_Repo):
    def add(self, title: str, chapter_id: str | None, suggestion_id: str | None, notes: str,
            day: str, owner: str | None = "") -> int:
        return self._write(
            "INSERT INTO milestones (title, chapter_id, suggestion_id, notes, created_on, "
            "updated_at, owner) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (title, chapter_id, suggestion_id, notes, day, utc_now(), owner))

    def get(self, milestone_id: int) -> MilestoneRow | None:
        row = self._one(f"SELECT {_MILESTONE_COLS} FROM milestones WHERE id = ?", (milestone_id,))
        return MilestoneRow(*row) if row else None

    def edit(self, milestone_id: int, title: str, notes: str) -> None:
        self._write("UPDATE milestones SET title = ?, notes = ?, updated_at = ? WHERE id = ?",
                    (title, notes, utc_now(), milestone_id))

    def set_state(self, milestone_id: int, state: str, started_on: str | None,
                  reached_on: str | None) -> None:
        self._write("UPDATE milestones SET state = ?, started_on = ?, reached_on = ?, "
                    "updated_at = ? WHERE id = ?",
                    (state, started_on, reached_on, utc_now(), milestone_id))

    def delete(self, milestone_id: int) -> None:
        self._write("DELETE FROM milestones WHERE id = ?", (milestone_id,))

    def page(self, offset: int, limit: int) -> list[MilestoneRow]:
        """Being worked on first, then not started, paused, and reached (newest first)."""
        rows = self._all(
            f"SELECT {_MILESTONE_COLS} FROM milestones ORDER BY CASE state "
            "WHEN 'in_progress' THEN 0 WHEN 'not_started' THEN 1 WHEN 'paused' THEN 2 ELSE 3 END, "
            "reached_on DESC, id LIMIT ? OFFSET ?", (limit, offset))
        return [MilestoneRow(*r) for r in rows]

    def reached(self, offset: int, limit: int) -> list[MilestoneRow]:
        rows = self._all(f"SELECT {_MILESTONE_COLS} FROM milestones WHERE reached_on IS NOT NULL "
                         "ORDER BY reached_on DESC, id DESC LIMIT ? OFFSET ?", (limit, offset))
        return [MilestoneRow(*r) for r in rows]

    def count(self) -> int:
        return self._one("SELECT count(*) FROM milestones")[0]

    def suggestion_ids(self) -> set[str]:
        rows = self._all("SELECT suggestion_id FROM milestones WHERE suggestion_id IS NOT NULL")
        return {r[0] for r in rows}


_STEP_COLS = "id, position, title, description, suggestion_id, state, round, changed_on"


_LAST_STEP_ID = "ladder_last_step_id"


class LadderRepository(_Repo):
    """Step ids are never reused, even after a removal: an absent partner's private readiness
    is keyed by step id, and must never count for a different step written later. The highest
    id ever given is kept in `meta` (plain rowids would reuse the id of a removed last step)."""

    def add(self, title: str, description: str, suggestion_id: str | None, day: str) -> int:
        position = self._one("SELECT coalesce(max(position), 0) + 1 FROM ladder_steps")[0]
        step_id = max(self._one("SELECT coalesce(max(id), 0) FROM ladder_steps")[0],
                      self._last_id()) + 1
        with self.conn:
            self.conn.execute(
                "INSERT INTO ladder_steps (id, position, title, description, suggestion_id, "
                "changed_on) VALUES (?, ?, ?, ?, ?, ?)",
                (step_id, position, title, description, suggestion_id, day))
            self._remember_id(step_id)
        return step_id

    def _last_id(self) -> int:
        row = self._one("SELECT value FROM meta WHERE key = ?", (_LAST_STEP_ID,))
        return int(row[0]) if row else 0

    def _remember_id(self, step_id: int) -> None:
        self.conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO "
                          "UPDATE SET value = excluded.value", (_LAST_STEP_ID, str(step_id)))

    def rename(self, step_id: int, title: str) -> None:
        self._write("UPDATE ladder_steps SET title = ? WHERE id = ?", (title, step_id))

    def ever_opened(self, step_id: int) -> bool:
        return self._one("SELECT 1 FROM ladder_events WHERE step_id = ? AND event = 'opened' "
                         "LIMIT 1", (step_id,)) is not None

    def steps(self) -> list[StepRow]:
        return [StepRow(*r) for r in self._all(
            f"SELECT {_STEP_COLS} FROM ladder_steps ORDER BY position")]

    def get(self, step_id: int) -> StepRow | None:
        row = self._one(f"SELECT {_STEP_COLS} FROM ladder_steps WHERE id = ?", (step_id,))
        return StepRow(*row) if row else None

    def set_state(self, step_id: int, state: str, round_: int, day: str,
                  event: str | None) -> None:
        """Change a step and record the event in one transaction."""
        with self.conn:
            self.conn.execute("UPDATE ladder_steps SET state = ?, round = ?, changed_on = ? "
                              "WHERE id = ?", (state, round_, day, step_id))
            if event:
                self.conn.execute("INSERT INTO ladder_events (step_id, event, day) "
                                  "VALUES (?, ?, ?)", (step_id, event, day))

    def swap(self, a: StepRow, b: StepRow) -> None:
        with self.conn:
            self.conn.execute("UPDATE ladder_steps SET position = ? WHERE id = ?",
                              (b.position, a.id))
            self.conn.execute("UPDATE ladder_steps SET position = ? WHERE id = ?",
                              (a.position, b.id))

    def delete(self, step_id: int) -> None:
        with self.conn:
            self.conn.execute("DELETE FROM ladder_events WHERE step_id = ?", (step_id,))
            self.conn.execute("DELETE FROM ladder_steps WHERE id = ?", (step_id,))

    def events(self, limit: int = 20) -> list[LadderEventRow]:
        rows = self._all("SELECT e.step_id, s.title, e.event, e.day FROM ladder_events e "
                         "JOIN ladder_steps s ON s.id = e.step_id ORDER BY e.id DESC LIMIT ?",
                         (limit,))
        return [LadderEventRow(*r) for r in rows]


class ReadinessRepository(_Repo):
    """One partner's private readiness per ladder step; it counts only for the step's round."""

    def get(self, step_id: int) -> tuple[int, bool] | None:
        row = self._one("SELECT round, ready FROM ladder_readiness WHERE step_id = ?", (step_id,))
        return (row[0], bool(row[1])) if row else None

    def forget(self, step_id: int) -> None:
        self._write("DELETE FROM ladder_readiness WHERE step_id = ?", (step_id,))

    def set(self, step_id: int, round_: int, ready: bool) -> None:
        self._write("INSERT INTO ladder_readiness VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
                    "round = excluded.round, ready = excluded.ready, "
                    "updated_at = excluded.updated_at", (step_id, round_, int(ready), utc_now()))


class CheckinRepository(_Repo):
    def save(self, day: str, scores: str, note: str, shared: bool) -> None:
        self._write("INSERT INTO checkins (day, scores, note, shared, updated_at) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (day) DO UPDATE SET "
                    "scores = excluded.scores, note = excluded.note, shared = excluded.shared, "
                    "updated_at = excluded.updated_at",
                    (day, scores, note, int(shared), utc_now()))

    def get(self, day: str) -> CheckinRow | None:
        row = self._one("SELECT day, scores, note, shared FROM checkins WHERE day = ?", (day,))
        return CheckinRow(row[0], row[1], row[2], bool(row[3])) if row else None

    def scores_since(self, day: str) -> list[tuple[str, str]]:
        return self._all("SELECT day, scores FROM checkins WHERE day >= ? ORDER BY day", (day,))

    def count(self) -> int:
        return self._one("SELECT count(*) FROM checkins")[0]


class SharedCheckinRepository(_Repo):
    def share(self, partner_id: str, day: str, scores: str) -> None:
        self._write("INSERT INTO shared_checkins VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
                    "scores = excluded.scores, shared_at = excluded.shared_at",
                    (partner_id, day, scores, utc_now()))

    def unshare(self, partner_id: str, day: str) -> None:
        self._write("DELETE FROM shared_checkins WHERE partner_id = ? AND day = ?",
                    (partner_id, day))

    def scores_since(self, partner_id: str, day: str) -> list[tuple[str, str]]:
        return self._all("SELECT day, scores FROM shared_checkins WHERE partner_id = ? AND "
                         "day >= ? ORDER BY day", (partner_id, day))


_GRATITUDE_COLS = "day, grateful, appreciation, shared"


def _gratitude(row) -> GratitudeRow:
    return GratitudeRow(row[0], row[1], row[2], bool(row[3]))


class GratitudeRepository(_Repo):
    def save(self, day: str, grateful: str, appreciation: str, shared: bool) -> None:
        self._write("INSERT INTO gratitude (day, grateful, appreciation, shared, updated_at) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (day) DO UPDATE SET "
                    "grateful = excluded.grateful, appreciation = excluded.appreciation, "
                    "shared = excluded.shared, updated_at = excluded.updated_at",
                    (day, grateful, appreciation, int(shared), utc_now()))

    def get(self, day: str) -> GratitudeRow | None:
        row = self._one(f"SELECT {_GRATITUDE_COLS} FROM gratitude WHERE day = ?", (day,))
        return _gratitude(row) if row else None

    def days_between(self, first: str, last: str) -> list[str]:
        return [r[0] for r in self._all("SELECT day FROM gratitude WHERE day BETWEEN ? AND ? "
                                        "ORDER BY day", (first, last))]

    def on_this_day(self, month_day: str, before: str) -> list[GratitudeRow]:
        rows = self._all(f"SELECT {_GRATITUDE_COLS} FROM gratitude WHERE substr(day, 6) = ? "
                         "AND day < ? ORDER BY day DESC", (month_day, before))
        return [_gratitude(r) for r in rows]

    def page(self, offset: int, limit: int) -> list[GratitudeRow]:
        rows = self._all(f"SELECT {_GRATITUDE_COLS} FROM gratitude ORDER BY day DESC "
                         "LIMIT ? OFFSET ?", (limit, offset))
        return [_gratitude(r) for r in rows]

    def count(self) -> int:
        return self._one("SELECT count(*) FROM gratitude")[0]

    def appreciation_at(self, index: int) -> GratitudeRow | None:
        """The index-th entry with an appreciation (the caller picks index at random)."""
        row = self._one(f"SELECT {_GRATITUDE_COLS} FROM gratitude WHERE appreciation != '' "
                        "ORDER BY day LIMIT 1 OFFSET ?", (index,))
        return _gratitude(row) if row else None

    def appreciation_count(self, before: str) -> int:
        return self._one("SELECT count(*) FROM gratitude WHERE appreciation != '' AND day < ?",
                         (before,))[0]


class SharedAppreciationRepository(_Repo):
    def share(self, partner_id: str, day: str, text: str) -> None:
        self._write("INSERT INTO shared_appreciations (partner_id, day, text, shared_at) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET text = excluded.text, "
                    "shared_at = excluded.shared_at", (partner_id, day, text, utc_now()))

    def unshare(self, partner_id: str, day: str) -> None:
        self._write("DELETE FROM shared_appreciations WHERE partner_id = ? AND day = ?",
                    (partner_id, day))

    def from_partner(self, partner_id: str, offset: int, limit: int) -> list[tuple[str, str]]:
        return self._all("SELECT day, text FROM shared_appreciations WHERE partner_id = ? "
                         "ORDER BY day DESC LIMIT ? OFFSET ?", (partner_id, limit, offset))

    def count_from(self, partner_id: str, before: str) -> int:
        return self._one("SELECT count(*) FROM shared_appreciations WHERE partner_id = ? "
                         "AND day < ?", (partner_id, before))[0]

    def on_this_day(self, partner_id: str, month_day: str, before: str) -> list[tuple[str, str]]:
        return self._all("SELECT day, text FROM shared_appreciations WHERE partner_id = ? AND "
                         "substr(day, 6) = ? AND day < ? ORDER BY day DESC",
                         (partner_id, month_day, before))


@contextmanager
def bulk_writes(session) -> Iterator[None]:
    """For the demo filler only: skip the per-commit fsync while writing thousands of rows,
    then restore FULL durability. A crash meanwhile loses only demo data."""
    conns = [session.shared_conn, *(p.conn for p in session.present.values())]
    for conn in conns:
        conn.execute("PRAGMA synchronous = OFF")
    try:
        yield
    finally:
        for conn in conns:
            conn.execute("PRAGMA synchronous = FULL")
