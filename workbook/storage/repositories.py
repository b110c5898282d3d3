"""All SQL the app runs outside migrations lives here. Services call these; the UI never does."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlcipher3


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class PartnerRow:
    id: str
    display_name: str
    position: int


@dataclass(frozen=True)
class AnswerKey:
    chapter_id: str
    worksheet_id: str
    field_id: str


class PartnerRepository:
    def __init__(self, conn: sqlcipher3.Connection):
        self.conn = conn

    def add(self, partner_id: str, display_name: str) -> PartnerRow:
        position = self.conn.execute("SELECT COUNT(*) FROM partners").fetchone()[0]
        with self.conn:
            self.conn.execute("INSERT INTO partners VALUES (?, ?, ?, ?)",
                              (partner_id, display_name, position, utc_now()))
        return PartnerRow(partner_id, display_name, position)

    def all(self) -> list[PartnerRow]:
        rows = self.conn.execute("SELECT id, display_name, position FROM partners "
                                 "ORDER BY position").fetchall()
        return [PartnerRow(*row) for row in rows]

    def rename(self, partner_id: str, display_name: str) -> None:
        with self.conn:
            self.conn.execute("UPDATE partners SET display_name = ? WHERE id = ?",
                              (display_name, partner_id))


class AnswerRepository:
    """One partner's private answers (in that partner's own database)."""

    def __init__(self, conn: sqlcipher3.Connection):
        self.conn = conn

    def save(self, key: AnswerKey, value: str) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT INTO answers VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE "
                "SET value = excluded.value, updated_at = excluded.updated_at",
                (key.chapter_id, key.worksheet_id, key.field_id, value, utc_now()))

    def get(self, key: AnswerKey) -> str | None:
        row = self.conn.execute(
            "SELECT value FROM answers WHERE chapter_id = ? AND worksheet_id = ? AND field_id = ?",
            (key.chapter_id, key.worksheet_id, key.field_id)).fetchone()
        return row[0] if row else None

    def count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM answers").fetchone()[0]

    def all(self, chapter_id: str | None = None) -> dict[AnswerKey, str]:
        """Every answer, or one chapter's, keyed by field."""
        rows = self.conn.execute(
            "SELECT chapter_id, worksheet_id, field_id, value FROM answers "
            "WHERE ? IS NULL OR chapter_id = ? ORDER BY chapter_id, worksheet_id, field_id",
            (chapter_id, chapter_id)).fetchall()
        return {AnswerKey(c, w, f): value for c, w, f, value in rows}


class BookmarkRepository:
    """Where a partner left off, in their own database (it says what they were reading)."""

    def __init__(self, conn: sqlcipher3.Connection):
        self.conn = conn

    def set(self, name: str, chapter_id: str, worksheet_id: str | None) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT INTO bookmarks VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE "
                "SET chapter_id = excluded.chapter_id, worksheet_id = excluded.worksheet_id, "
                "updated_at = excluded.updated_at",
                (name, chapter_id, worksheet_id, utc_now()))

    def get(self, name: str) -> tuple[str, str | None] | None:
        row = self.conn.execute("SELECT chapter_id, worksheet_id FROM bookmarks WHERE name = ?",
                                (name,)).fetchone()
        return (row[0], row[1]) if row else None

    def all(self) -> dict[str, tuple[str, str | None]]:
        rows = self.conn.execute("SELECT name, chapter_id, worksheet_id FROM bookmarks "
                                 "ORDER BY name").fetchall()
        return {name: (chapter, sheet) for name, chapter, sheet in rows}


class SharedAnswerRepository:
    """Answers partners chose to share, in `shared.db`."""

    def __init__(self, conn: sqlcipher3.Connection):
        self.conn = conn

    def share(self, partner_id: str, key: AnswerKey, value: str) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT INTO shared_answers VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE "
                "SET value = excluded.value, shared_at = excluded.shared_at",
                (partner_id, key.chapter_id, key.worksheet_id, key.field_id, value, utc_now()))

    def unshare(self, partner_id: str, key: AnswerKey) -> None:
        with self.conn:
            self.conn.execute(
                "DELETE FROM shared_answers WHERE partner_id = ? AND chapter_id = ? "
                "AND worksheet_id = ? AND field_id = ?",
                (partner_id, key.chapter_id, key.worksheet_id, key.field_id))

    def get(self, partner_id: str, key: AnswerKey) -> str | None:
        row = self.conn.execute(
            "SELECT value FROM shared_answers WHERE partner_id = ? AND chapter_id = ? "
            "AND worksheet_id = ? AND field_id = ?",
            (partner_id, key.chapter_id, key.worksheet_id, key.field_id)).fetchone()
        return row[0] if row else None

    def all(self, chapter_id: str | None = None) -> dict[tuple[str, AnswerKey], str]:
        """Every shared answer, or one chapter's, keyed by (owner, field)."""
        rows = self.conn.execute(
            "SELECT partner_id, chapter_id, worksheet_id, field_id, value FROM shared_answers "
            "WHERE ? IS NULL OR chapter_id = ? "
            "ORDER BY partner_id, chapter_id, worksheet_id, field_id",
            (chapter_id, chapter_id)).fetchall()
        return {(p, AnswerKey(c, w, f)): value for p, c, w, f, value in rows}
