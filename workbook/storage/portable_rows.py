"""Whole-table reads for the data export and the inserts its import needs (portable.py).

The tracker repositories page through rows for screens; an export wants every row of a table at
once, and an import must recreate rows with their history (a milestone reached years ago, a ladder
step that was opened and paused). Kept apart from trackers.py so the screens' SQL stays small.
Shared functions take the `shared.db` connection; private ones take one partner's own.
"""

from __future__ import annotations

from typing import TypeAlias

import sqlcipher3

from workbook.storage.repositories import utc_now
from workbook.storage.trackers import LadderRepository

Conn: TypeAlias = sqlcipher3.Connection


# -- reading, for the export --------------------------------------------------------------------
def milestones(conn: Conn) -> list[tuple]:
    """(title, chapter_id, suggestion_id, notes, state, created_on, started_on, reached_on,
    owner)."""
    return conn.execute("SELECT title, chapter_id, suggestion_id, notes, state, created_on, "
                        "started_on, reached_on, owner FROM milestones ORDER BY id").fetchall()


def ladder_steps(conn: Conn) -> list[tuple]:
    """(id, position, title, description, suggestion_id, state, round, changed_on)."""
    return conn.execute("SELECT id, position, title, description, suggestion_id, state, round, "
                        "changed_on FROM ladder_steps ORDER BY position").fetchall()


def ladder_events(conn: Conn) -> list[tuple]:
    """(step_id, event, day), oldest first."""
    return conn.execute("SELECT step_id, event, day FROM ladder_events ORDER BY id").fetchall()


def readiness(conn: Conn) -> list[tuple]:
    """(step_id, round, ready) from one partner's own file."""
    return conn.execute("SELECT step_id, round, ready FROM ladder_readiness "
                        "ORDER BY step_id").fetchall()


def checkins(conn: Conn) -> list[tuple]:
    """(day, scores JSON, note, shared) from one partner's own file."""
    return conn.execute("SELECT day, scores, note, shared FROM checkins ORDER BY day").fetchall()


def gratitude(conn: Conn) -> list[tuple]:
    """(day, grateful, appreciation, shared) from one partner's own file."""
    return conn.execute("SELECT day, grateful, appreciation, shared FROM gratitude "
                        "ORDER BY day").fetchall()


def shared_checkins(conn: Conn) -> list[tuple]:
    """(partner_id, day, scores JSON) for every partner."""
    return conn.execute("SELECT partner_id, day, scores FROM shared_checkins "
                        "ORDER BY partner_id, day").fetchall()


def shared_appreciations(conn: Conn) -> list[tuple]:
    """(partner_id, day, text) for every partner."""
    return conn.execute("SELECT partner_id, day, text FROM shared_appreciations "
                        "ORDER BY partner_id, day").fetchall()


# -- writing, for the import ----------------------------------------------------------------------
def add_milestone(conn: Conn, row: tuple) -> None:
    """`row` as milestones() returns it."""
    with conn:
        conn.execute("INSERT INTO milestones (title, chapter_id, suggestion_id, notes, state, "
                     "created_on, started_on, reached_on, owner, updated_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (*row, utc_now()))


def add_step(conn: Conn, title: str, description: str, suggestion_id: str | None, state: str,
             round_: int, changed_on: str, events: list[tuple[str, str]]) -> int:
    """A step with its state and its history of (event, day); returns its new id."""
    step_id = LadderRepository(conn).add(title, description, suggestion_id, changed_on)
    with conn:
        conn.execute("UPDATE ladder_steps SET state = ?, round = ? WHERE id = ?",
                     (state, round_, step_id))
        conn.executemany("INSERT INTO ladder_events (step_id, event, day) VALUES (?, ?, ?)",
                         [(step_id, event, day) for event, day in events])
    return step_id


def set_readiness(conn: Conn, step_id: int, round_: int, ready: bool) -> None:
    with conn:
        conn.execute("INSERT INTO ladder_readiness VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
                     "round = excluded.round, ready = excluded.ready, "
                     "updated_at = excluded.updated_at", (step_id, round_, int(ready), utc_now()))


def add_partner_history(conn: Conn, partner_id: str, name: str) -> None:
    """A partner who is not in this workbook any more: their name stays beside what they shared
    (as after leaving with "Leave it for my partner"); no keyslot, so they can never unlock."""
    position = conn.execute("SELECT count(*) FROM partners").fetchone()[0]
    with conn:
        conn.execute("INSERT INTO partners VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                     (partner_id, name, position, utc_now()))


def share_answer(conn: Conn, partner_id: str, key: tuple[str, str, str], value: str) -> None:
    with conn:
        conn.execute("INSERT INTO shared_answers VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE "
                     "SET value = excluded.value", (partner_id, *key, value, utc_now()))
