"""Schemas of the shared and private databases, as numbered migrations.

`PRAGMA user_version` holds the number of migrations applied. Migration N (1-based) turns a
version N-1 database into version N, inside one transaction with the version bump, so a crash
leaves the database at N-1 or N. Before migrating a database that already holds data, the caller
takes a backup (an encrypted copy; see vault.py). Append new migrations; never edit old ones.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlcipher3

from workbook.storage.errors import VaultError
from workbook.storage.search_text import answer_index_sql, kind_words

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
    # 3 (issue 4): trackers both partners see. Milestones, the consent ladder's steps (never
    # anyone's readiness: that stays private until a step opens), check-in values and
    # appreciations a partner chose to share, and a full-text index over this file's text.
    # Index rowids are (kind << 40) + source rowid so a trigger finds its row in O(log n). Triggers
    # delete then insert: an upsert's conflict policy would override INSERT OR REPLACE in them.
    """
    CREATE TABLE milestones (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        chapter_id TEXT,
        suggestion_id TEXT,
        notes TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT 'not_started'
            CHECK (state IN ('not_started', 'in_progress', 'reached', 'paused')),
        created_on TEXT NOT NULL,
        started_on TEXT,
        reached_on TEXT,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX milestones_by_reached ON milestones(reached_on) WHERE reached_on IS NOT NULL;
    CREATE TABLE ladder_steps (
        id INTEGER PRIMARY KEY,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        suggestion_id TEXT,
        state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'open', 'paused')),
        round INTEGER NOT NULL DEFAULT 1,
        changed_on TEXT NOT NULL
    );
    CREATE TABLE ladder_events (
        id INTEGER PRIMARY KEY,
        step_id INTEGER NOT NULL,
        event TEXT NOT NULL CHECK (event IN ('opened', 'paused', 'stepped_back')),
        day TEXT NOT NULL
    );
    CREATE TABLE shared_checkins (
        partner_id TEXT NOT NULL REFERENCES partners(id),
        day TEXT NOT NULL,
        scores TEXT NOT NULL,
        shared_at TEXT NOT NULL,
        PRIMARY KEY (partner_id, day)
    );
    CREATE TABLE shared_appreciations (
        id INTEGER PRIMARY KEY,
        partner_id TEXT NOT NULL REFERENCES partners(id),
        day TEXT NOT NULL,
        text TEXT NOT NULL,
        shared_at TEXT NOT NULL,
        UNIQUE (partner_id, day)
    );
    CREATE VIRTUAL TABLE search_index USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
    CREATE TRIGGER milestones_ai AFTER INSERT ON milestones BEGIN
        DELETE FROM search_index WHERE rowid = (4 << 40) + new.id;
        INSERT INTO search_index(rowid, body)
        VALUES ((4 << 40) + new.id, new.title || char(10) || new.notes); END;
    CREATE TRIGGER milestones_au AFTER UPDATE OF title, notes ON milestones BEGIN
        DELETE FROM search_index WHERE rowid = (4 << 40) + new.id;
        INSERT INTO search_index(rowid, body)
        VALUES ((4 << 40) + new.id, new.title || char(10) || new.notes); END;
    CREATE TRIGGER milestones_ad AFTER DELETE ON milestones BEGIN
        DELETE FROM search_index WHERE rowid = (4 << 40) + old.id; END;
    CREATE TRIGGER appreciations_ai AFTER INSERT ON shared_appreciations BEGIN
        DELETE FROM search_index WHERE rowid = (5 << 40) + new.id;
        INSERT INTO search_index(rowid, body) VALUES ((5 << 40) + new.id, new.text); END;
    CREATE TRIGGER appreciations_au AFTER UPDATE OF text ON shared_appreciations BEGIN
        DELETE FROM search_index WHERE rowid = (5 << 40) + new.id;
        INSERT INTO search_index(rowid, body) VALUES ((5 << 40) + new.id, new.text); END;
    CREATE TRIGGER appreciations_ad AFTER DELETE ON shared_appreciations BEGIN
        DELETE FROM search_index WHERE rowid = (5 << 40) + old.id; END;
    CREATE TRIGGER shared_answers_ai AFTER INSERT ON shared_answers BEGIN
        DELETE FROM search_index WHERE rowid = (6 << 40) + new.rowid;
        INSERT INTO search_index(rowid, body) VALUES ((6 << 40) + new.rowid, new.value); END;
    CREATE TRIGGER shared_answers_au AFTER UPDATE OF value ON shared_answers BEGIN
        DELETE FROM search_index WHERE rowid = (6 << 40) + new.rowid;
        INSERT INTO search_index(rowid, body) VALUES ((6 << 40) + new.rowid, new.value); END;
    CREATE TRIGGER shared_answers_ad AFTER DELETE ON shared_answers BEGIN
        DELETE FROM search_index WHERE rowid = (6 << 40) + old.rowid; END;
    INSERT INTO search_index(rowid, body) SELECT (6 << 40) + rowid, value FROM shared_answers;
    """,
    # (issue 16): index the words of shared answers, not their stored JSON (search_text.py).
    answer_index_sql("shared_answers", 6, "shared_answers"),
    # 5 (issue 19): Together conversations. A conversation's record (kind, topic, day) and the
    # lines each partner chose to share; partner_id '' marks a line written together (the
    # weekly plan). AUTOINCREMENT so an id is never reused: private notes refer to it. A record
    # whose partners did not both agree to keep it is deleted when the conversation ends.
    """
    CREATE TABLE conversations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('turns', 'weekly', 'repair')),
        topic TEXT NOT NULL DEFAULT '',
        started_on TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'kept')),
        step INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE conversation_lines (
        id INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL,
        partner_id TEXT NOT NULL,
        slot TEXT NOT NULL,
        text TEXT NOT NULL,
        shared_at TEXT NOT NULL,
        UNIQUE (conversation_id, partner_id, slot)
    );
    CREATE TRIGGER conversation_lines_ai AFTER INSERT ON conversation_lines BEGIN
        DELETE FROM search_index WHERE rowid = (8 << 40) + new.id;
        INSERT INTO search_index(rowid, body) VALUES ((8 << 40) + new.id, new.text); END;
    CREATE TRIGGER conversation_lines_au AFTER UPDATE OF text ON conversation_lines BEGIN
        DELETE FROM search_index WHERE rowid = (8 << 40) + new.id;
        INSERT INTO search_index(rowid, body) VALUES ((8 << 40) + new.id, new.text); END;
    CREATE TRIGGER conversation_lines_ad AFTER DELETE ON conversation_lines BEGIN
        DELETE FROM search_index WHERE rowid = (8 << 40) + old.id; END;
    """,
    # 6: whose a milestone is, so an "I…" one says so on screen and paper: a partner's id, ''
    # for both of you, NULL for one added before the app asked.
    "ALTER TABLE milestones ADD COLUMN owner TEXT;",
    # (issue 12): shared answers are indexed with the words their field's kind gives
    # (`answer_words`, storage/answer_words.py), rebuilt for the answers already here.
    answer_index_sql("shared_answers", 6, "shared_answers", words=kind_words),
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
    # 3 (issue 4): this partner's own tracker entries. Readiness for consent-ladder steps lives
    # only here (keyed by the shared step id and its round), so it is nobody else's until a step
    # opens. Check-in scores and notes, and gratitude entries, are private unless shared.
    """
    CREATE TABLE ladder_readiness (
        step_id INTEGER PRIMARY KEY,
        round INTEGER NOT NULL,
        ready INTEGER NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE checkins (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL UNIQUE,
        scores TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        shared INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE gratitude (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL UNIQUE,
        grateful TEXT NOT NULL DEFAULT '',
        appreciation TEXT NOT NULL DEFAULT '',
        shared INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE search_index USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
    CREATE TRIGGER gratitude_ai AFTER INSERT ON gratitude BEGIN
        DELETE FROM search_index WHERE rowid = (1 << 40) + new.id;
        INSERT INTO search_index(rowid, body)
        VALUES ((1 << 40) + new.id, new.grateful || char(10) || new.appreciation); END;
    CREATE TRIGGER gratitude_au AFTER UPDATE OF grateful, appreciation ON gratitude BEGIN
        DELETE FROM search_index WHERE rowid = (1 << 40) + new.id;
        INSERT INTO search_index(rowid, body)
        VALUES ((1 << 40) + new.id, new.grateful || char(10) || new.appreciation); END;
    CREATE TRIGGER gratitude_ad AFTER DELETE ON gratitude BEGIN
        DELETE FROM search_index WHERE rowid = (1 << 40) + old.id; END;
    CREATE TRIGGER checkins_ai AFTER INSERT ON checkins BEGIN
        DELETE FROM search_index WHERE rowid = (2 << 40) + new.id;
        INSERT INTO search_index(rowid, body) VALUES ((2 << 40) + new.id, new.note); END;
    CREATE TRIGGER checkins_au AFTER UPDATE OF note ON checkins BEGIN
        DELETE FROM search_index WHERE rowid = (2 << 40) + new.id;
        INSERT INTO search_index(rowid, body) VALUES ((2 << 40) + new.id, new.note); END;
    CREATE TRIGGER checkins_ad AFTER DELETE ON checkins BEGIN
        DELETE FROM search_index WHERE rowid = (2 << 40) + old.id; END;
    CREATE TRIGGER answers_ai AFTER INSERT ON answers BEGIN
        DELETE FROM search_index WHERE rowid = (3 << 40) + new.rowid;
        INSERT INTO search_index(rowid, body) VALUES ((3 << 40) + new.rowid, new.value); END;
    CREATE TRIGGER answers_au AFTER UPDATE OF value ON answers BEGIN
        DELETE FROM search_index WHERE rowid = (3 << 40) + new.rowid;
        INSERT INTO search_index(rowid, body) VALUES ((3 << 40) + new.rowid, new.value); END;
    CREATE TRIGGER answers_ad AFTER DELETE ON answers BEGIN
        DELETE FROM search_index WHERE rowid = (3 << 40) + old.rowid; END;
    INSERT INTO search_index(rowid, body) SELECT (3 << 40) + rowid, value FROM answers;
    """,
    # (issue 16): index the words of answers, not their stored JSON (search_text.py).
    answer_index_sql("answers", 3, "answers"),
    # 5 (issue 19): this partner's own lines from Together conversations (private unless
    # shared). Kind, topic and day are copied here so a note still makes sense if the couple
    # chose not to keep the conversation's shared record.
    """
    CREATE TABLE conversation_notes (
        id INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        topic TEXT NOT NULL DEFAULT '',
        day TEXT NOT NULL,
        slot TEXT NOT NULL,
        text TEXT NOT NULL,
        shared INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        UNIQUE (conversation_id, slot)
    );
    CREATE TRIGGER conversation_notes_ai AFTER INSERT ON conversation_notes BEGIN
        DELETE FROM search_index WHERE rowid = (7 << 40) + new.id;
        INSERT INTO search_index(rowid, body) VALUES ((7 << 40) + new.id, new.text); END;
    CREATE TRIGGER conversation_notes_au AFTER UPDATE OF text ON conversation_notes BEGIN
        DELETE FROM search_index WHERE rowid = (7 << 40) + new.id;
        INSERT INTO search_index(rowid, body) VALUES ((7 << 40) + new.id, new.text); END;
    CREATE TRIGGER conversation_notes_ad AFTER DELETE ON conversation_notes BEGIN
        DELETE FROM search_index WHERE rowid = (7 << 40) + old.id; END;
    """,
    # (issue 12): answers are indexed with the words their field's kind gives (`answer_words`,
    # storage/answer_words.py), rebuilt for the answers already here.
    answer_index_sql("answers", 3, "answers", words=kind_words),
]


def schema_version(conn: sqlcipher3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlcipher3.Connection, migrations: list[str],
            backup: Callable[[int], object], upto: int | None = None) -> tuple[int, int]:
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


def erase_deleted_search_entries(conn: sqlcipher3.Connection) -> None:
    """Turn on FTS5's `secure-delete` for the full-text index, once per file (and again after
    any migration that rebuilds the index). Without it FTS5 only marks a deleted or un-shared
    entry as deleted, and its words stay in the index pages until segments happen to merge;
    with it they are removed at once, and `secure_delete` zeroes the freed pages. The first
    time, `optimize` rewrites the index so that words deleted before stay gone too."""
    try:
        row = conn.execute("SELECT v FROM search_index_config WHERE k = 'secure-delete'").fetchone()
    except sqlcipher3.OperationalError:
        return  # this file has no full-text index
    if row is not None and row[0] == 1:
        return
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO search_index(search_index, rank) VALUES ('secure-delete', 1)")
        conn.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
