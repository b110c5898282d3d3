"""What the search index holds for an answer, and reading hits back with their place.

Answers of structured kinds are stored as JSON (field_kinds.py). The index must hold only the
words a person wrote or chose — typed text, checked options, "other", reframe thoughts, list
items — never JSON keys such as "kinder", "rows" or "checked". Today's triggers ask the field's
kind for those words through the SQL function `answer_words` (answer_words.py, `kind_words`
below). The triggers of the first search-text migration used `plain_text`, SQL that reads every
string inside a JSON object, one per line, and anything else as it is; it stays as it was, because
a migration that has shipped is never rewritten.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import sqlcipher3

from workbook.errors import VaultError
from workbook.storage.trackers import (
    ANSWER,
    APPRECIATION,
    CHECKIN_NOTE,
    CONVERSATION_LINE,
    CONVERSATION_NOTE,
    GRATITUDE,
    KIND_SHIFT,
    MILESTONE,
    SHARED_ANSWER,
)

MARK_START, MARK_END = "\ue000", "\ue001"  # private-use characters around a match in a snippet


def plain_text(column: str) -> str:
    """SQL for the words of a stored answer in `column` (for example `new.value`)."""
    return (f"CASE WHEN json_valid({column}) AND json_type({column}) = 'object' "
            f"THEN coalesce((SELECT group_concat(j.value, char(10)) FROM json_tree({column}) AS j "
            f"WHERE j.type = 'text'), '') ELSE {column} END")


def json_strings(row: str) -> str:
    """SQL for the words of an answer in `row` (new, or the table): the strings in its JSON."""
    return plain_text(f"{row}.value")


def kind_words(row: str) -> str:
    """SQL for the words of an answer in `row`, as its field's kind gives them."""
    return f"answer_words({row}.chapter_id, {row}.worksheet_id, {row}.field_id, {row}.value)"


def answer_index_sql(table: str, kind: int, prefix: str, words=json_strings) -> str:
    """Triggers that index `table`'s answers as `words`, and a rebuild of their entries."""
    low, high = kind << KIND_SHIFT, (kind + 1) << KIND_SHIFT
    body = f"""
    DROP TRIGGER IF EXISTS {prefix}_ai;
    DROP TRIGGER IF EXISTS {prefix}_au;
    CREATE TRIGGER {prefix}_ai AFTER INSERT ON {table} BEGIN
        DELETE FROM search_index WHERE rowid = ({kind} << 40) + new.rowid;
        INSERT INTO search_index(rowid, body)
        VALUES (({kind} << 40) + new.rowid, {words('new')}); END;
    CREATE TRIGGER {prefix}_au AFTER UPDATE OF value ON {table} BEGIN
        DELETE FROM search_index WHERE rowid = ({kind} << 40) + new.rowid;
        INSERT INTO search_index(rowid, body)
        VALUES (({kind} << 40) + new.rowid, {words('new')}); END;
    DELETE FROM search_index WHERE rowid >= {low} AND rowid < {high};
    INSERT INTO search_index(rowid, body)
        SELECT ({kind} << 40) + rowid, {words(table)} FROM {table};
    INSERT INTO search_index(search_index) VALUES ('optimize');
    """
    return body


@dataclass(frozen=True)
class Hit:
    kind: int
    rowid: int
    snippet: str  # with MARK_START / MARK_END around each matched term
    rank: float


# What each kind's hit refers to: (owner or NULL, day or chapter, worksheet or title, field/'')
_PLACES = {
    GRATITUDE: "SELECT NULL, day, '', '' FROM gratitude WHERE id = ?",
    CHECKIN_NOTE: "SELECT NULL, day, '', '' FROM checkins WHERE id = ?",
    ANSWER: "SELECT NULL, chapter_id, worksheet_id, field_id FROM answers WHERE rowid = ?",
    MILESTONE: "SELECT NULL, coalesce(reached_on, created_on), title, '' FROM milestones "
               "WHERE id = ?",
    APPRECIATION: "SELECT partner_id, day, '', '' FROM shared_appreciations WHERE id = ?",
    SHARED_ANSWER: "SELECT partner_id, chapter_id, worksheet_id, field_id FROM shared_answers "
                   "WHERE rowid = ?",
    CONVERSATION_NOTE: "SELECT NULL, day, '', '' FROM conversation_notes WHERE id = ?",
    CONVERSATION_LINE: "SELECT l.partner_id, c.started_on, '', '' FROM conversation_lines l "
                       "JOIN conversations c ON c.id = l.conversation_id WHERE l.id = ?",
}
# Entries of a shared index that belong to the searching partner (their own shared copies).
_OWN_SHARED = ("SELECT count(*) FROM search_index WHERE search_index MATCH ? AND ("
               "rowid IN (SELECT (6 << 40) + rowid FROM shared_answers WHERE partner_id = ?) OR "
               "rowid IN (SELECT (5 << 40) + id FROM shared_appreciations WHERE partner_id = ?) OR "
               "rowid IN (SELECT (8 << 40) + id FROM conversation_lines WHERE partner_id = ?))")


class SearchTooSlow(VaultError):
    def __init__(self) -> None:
        super().__init__("That search was taking too long, so it was stopped. Try fewer or "
                         "longer words.")


class SearchText:
    """Queries one database's `search_index` (the shared file, or one partner's own)."""

    BUDGET_SECONDS = 0.4  # a search runs while the window waits: it must never hang it

    def __init__(self, conn: sqlcipher3.Connection):
        self.conn = conn

    def match(self, expression: str, limit: int) -> list[Hit]:
        with self._bounded():
            rows = self.conn.execute(
                "SELECT rowid, snippet(search_index, 0, ?, ?, '…', 16), rank FROM search_index "
                "WHERE search_index MATCH ? ORDER BY rank LIMIT ?",
                (MARK_START, MARK_END, expression, limit)).fetchall()
        mask = (1 << KIND_SHIFT) - 1
        return [Hit(r[0] >> KIND_SHIFT, r[0] & mask, r[1], r[2]) for r in rows]

    def count(self, expression: str, not_owned_by: str | None = None) -> int:
        """Matches in this index; in the shared one, without `not_owned_by`'s own copies."""
        with self._bounded():
            total = self.conn.execute("SELECT count(*) FROM search_index WHERE search_index "
                                      "MATCH ?", (expression,)).fetchone()[0]
            if not_owned_by and total:
                total -= self.conn.execute(_OWN_SHARED, (expression, not_owned_by, not_owned_by,
                                                         not_owned_by)).fetchone()[0]
        return total

    @contextmanager
    def _bounded(self) -> Iterator[None]:
        """SQLite calls the handler every few thousand steps; a true result interrupts."""
        deadline = time.monotonic() + self.BUDGET_SECONDS
        self.conn.set_progress_handler(lambda: time.monotonic() > deadline, 2000)
        try:
            yield
        except sqlcipher3.OperationalError as error:
            if "interrupt" in str(error).lower():
                raise SearchTooSlow() from None
            raise
        finally:
            self.conn.set_progress_handler(None, 0)

    def place(self, hit: Hit) -> tuple | None:
        """(owner, first, second, field) of the row a hit came from, or None if it is gone."""
        return self.conn.execute(_PLACES[hit.kind], (hit.rowid,)).fetchone()
