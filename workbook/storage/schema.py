"""Schemas of the shared and private databases, as numbered migrations.

`PRAGMA user_version` holds the number of migrations applied. Migration N (1-based) turns a
version N-1 database into version N, inside one transaction with the version bump, so a crash
leaves the database at N-1 or N. Before migrating a database that already holds data, the caller
takes a backup (an encrypted copy; see vault.py). Append new migrations; never edit old ones.
"""

from __future__ import annotations

from typing import Callable

import sqlcipher3

from .errors import VaultError

SHARED_MIGRATIONS: list[str] = [
    # 1: who is in this workbook. Names live only here, encrypted.
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE partners (
        id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL
    );
    """,
    # 2: answers a partner has chosen to share (their private copy stays in their own file).
    """
    CREATE TABLE shared_answers (
        partner_id TEXT NOT NULL REFERENCES partners(id),
        chapter_id TEXT NOT NULL,
        worksheet_id TEXT NOT NULL,
        field_id TEXT NOT NULL,
        value TEXT NOT NULL,
        shared_at TEXT NOT NULL,
        PRIMARY KEY (partner_id, chapter_id, worksheet_id, field_id)
    );
    """,
]

PRIVATE_MIGRATIONS: list[str] = [
    # 1: a partner's own answers, private by default.
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE answers (
        chapter_id TEXT NOT NULL,
        worksheet_id TEXT NOT NULL,
        field_id TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (chapter_id, worksheet_id, field_id)
    );
    """,
    # 2: where this partner left off, so Home can offer to continue.
    """
    CREATE TABLE bookmarks (
        name TEXT PRIMARY KEY,
        chapter_id TEXT NOT NULL,
        worksheet_id TEXT,
        updated_at TEXT NOT NULL
    );
    """,
]


def schema_version(conn: sqlcipher3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlcipher3.Connection, migrations: list[str],
            backup: Callable[[int], None], upto: int | None = None) -> tuple[int, int]:
    """Bring `conn` to the latest version (or `upto`, for tests). Returns (from, to)."""
    target = len(migrations) if upto is None else upto
    current = schema_version(conn)
    if current > len(migrations):
        raise VaultError("This workbook was saved by a newer version of Couples Workbook. "
                         "Please update the app; nothing has been changed.")
    if current >= target:
        return current, current
    if current > 0:
        backup(current)
    for number in range(current + 1, target + 1):
        # The version is an int we own, not user data, so formatting it into SQL is safe.
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{migrations[number - 1]}\n"
                               f"PRAGMA user_version = {number};\nCOMMIT;")
        except sqlcipher3.DatabaseError:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return current, target
