"""Schema migrations: from every earlier version to the latest, with a backup taken first."""

from __future__ import annotations

import hashlib
import secrets

import pytest
import sqlcipher3

from workbook.storage.errors import VaultError
from workbook.storage.schema import PRIVATE_MIGRATIONS, SHARED_MIGRATIONS, migrate, schema_version
from workbook.storage.sqlcipher import create_new, open_existing, raw_key_literal
from workbook.storage.vault import BACKUP_DIR, VaultFolder

SCHEMAS = {"shared": SHARED_MIGRATIONS, "private": PRIVATE_MIGRATIONS}

# Rows a database at each version can hold: inserted before migrating, checked after.
SEED = {
    "shared": {1: ["INSERT INTO partners VALUES ('aaaaaaaaaaaa', 'Ünïcode 🙂', 0, 't')"],
               2: ["INSERT INTO shared_answers VALUES ('aaaaaaaaaaaa', 'c', 'w', 'f', 'v', 't')"],
               3: ["INSERT INTO milestones (title, state, created_on, updated_at) "
                   "VALUES ('Ünïcode walk', 'reached', '2024-01-02', 't')",
                   "INSERT INTO ladder_steps (position, title, changed_on) VALUES (1, 'x', 'd')",
                   "INSERT INTO ladder_events (step_id, event, day) VALUES (1, 'paused', 'd')",
                   "INSERT INTO shared_checkins VALUES ('aaaaaaaaaaaa', 'd', '{}', 't')",
                   "INSERT INTO shared_appreciations (partner_id, day, text, shared_at) "
                   "VALUES ('aaaaaaaaaaaa', 'd', 'kind', 't')"],
               4: ["INSERT INTO shared_answers VALUES ('aaaaaaaaaaaa', 'c', 'w', 'g', "
                   "'{\"rows\":[{\"kinder\":\"gentler\",\"thought\":\"harsh\"}]}', 't')"],
               5: ["INSERT INTO conversations (kind, started_on, updated_at) "
                   "VALUES ('turns', 'd', 't')",
                   "INSERT INTO conversation_lines (conversation_id, partner_id, slot, text, "
                   "shared_at) VALUES (1, 'aaaaaaaaaaaa', 'end-0', 'heard', 't')"],
               6: ["INSERT INTO milestones (title, state, created_on, updated_at, owner) "
                   "VALUES ('I asked for a hug', 'reached', '2024-01-03', 't', 'aaaaaaaaaaaa')"],
               7: ["INSERT INTO shared_answers VALUES ('aaaaaaaaaaaa', 'c', 'w', 'h', "
                   "'{\"items\":[\"ranked words\"]}', 't')"]},
    "private": {1: ["INSERT INTO answers VALUES ('c', 'w', 'f', 'kept <b>', 't')"],
                2: ["INSERT INTO bookmarks VALUES ('last', 'c', NULL, 't')"],
                3: ["INSERT INTO ladder_readiness VALUES (1, 1, 1, 't')",
                    "INSERT INTO checkins (day, scores, note, updated_at) "
                    "VALUES ('d', '{}', 'n', 't')",
                    "INSERT INTO gratitude (day, grateful, updated_at) VALUES ('d', 'sun', 't')"],
                4: ["INSERT INTO answers VALUES ('c', 'w', 'g', "
                    "'{\"checked\":[\"Tiredness\"],\"other\":\"kids\"}', 't')"],
                5: ["INSERT INTO conversation_notes (conversation_id, kind, day, slot, text, "
                    "updated_at) VALUES (1, 'turns', 'd', 'end-0', 'mine', 't')"],
                6: ["INSERT INTO answers VALUES ('c', 'w', 'h', "
                    "'{\"items\":[\"ranked words\"]}', 't')"]},
}
CHECK = {
    "shared": ("SELECT display_name FROM partners", "Ünïcode 🙂"),
    "private": ("SELECT value FROM answers", "kept <b>"),
}


def make_db_at(path, key, kind, version):
    conn = create_new(path, raw_key_literal(key))
    migrate(conn, SCHEMAS[kind], backup=lambda v: None, upto=version)
    for number in range(1, version + 1):
        for statement in SEED[kind].get(number, []):
            conn.execute(statement)
    conn.close()


@pytest.mark.parametrize("kind", ["shared", "private"])
def test_every_migration_has_seed_rows(kind):
    assert set(SEED[kind]) == set(range(1, len(SCHEMAS[kind]) + 1)), \
        "add seed rows for the new migration so its upgrade is tested with data"


@pytest.mark.parametrize("kind,start", [(k, v) for k in SCHEMAS for v in range(len(SCHEMAS[k]))])
def test_migrates_from_every_earlier_version_with_a_backup(tmp_path, kind, start):
    key = secrets.token_bytes(32)
    folder = VaultFolder(tmp_path)
    path = tmp_path / f"{kind}.db"
    make_db_at(path, key, kind, start)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    conn = folder._open_data(path, key, SCHEMAS[kind])
    assert schema_version(conn) == len(SCHEMAS[kind])
    if start >= 1:
        query, expected = CHECK[kind]
        assert conn.execute(query).fetchone()[0] == expected
    conn.close()
    backups = list((tmp_path / BACKUP_DIR).glob("*.db")) if start else []
    if start == 0:
        assert not (tmp_path / BACKUP_DIR).exists()  # nothing to protect in an empty file
    else:
        [backup] = backups
        assert f".v{start}." in backup.name
        assert hashlib.sha256(backup.read_bytes()).hexdigest() == before
        old = open_existing(backup, raw_key_literal(key), readonly=True)
        assert schema_version(old) == start
        old.close()


def test_a_failing_migration_rolls_back(tmp_path):
    key = secrets.token_bytes(32)
    conn = create_new(tmp_path / "x.db", raw_key_literal(key))
    broken = [SHARED_MIGRATIONS[0], "CREATE TABLE ok (x); CREATE TABLE partners (oops);"]
    with pytest.raises(sqlcipher3.dbapi2.OperationalError):
        migrate(conn, broken, backup=lambda v: None)
    assert schema_version(conn) == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'ok'").fetchone()[0] == 0
    conn.close()


def test_a_newer_database_is_refused_untouched(tmp_path):
    key = secrets.token_bytes(32)
    path = tmp_path / "new.db"
    conn = create_new(path, raw_key_literal(key))
    conn.execute(f"PRAGMA user_version = {len(SHARED_MIGRATIONS) + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(VaultError, match="newer version"):
        VaultFolder(tmp_path)._open_data(path, key, SHARED_MIGRATIONS)
    assert path.read_bytes() == before


@pytest.mark.parametrize("kind,word", [("shared", "v"), ("private", "kept")])
def test_search_index_holds_text_written_before_the_upgrade(tmp_path, kind, word):
    """Migration 3 indexes answers that existed before it, and later rows through triggers."""
    key = secrets.token_bytes(32)
    path = tmp_path / f"{kind}.db"
    make_db_at(path, key, kind, 2)
    conn = VaultFolder(tmp_path)._open_data(path, key, SCHEMAS[kind])
    hits = conn.execute("SELECT count(*) FROM search_index WHERE search_index MATCH ?",
                        (word,)).fetchone()[0]
    assert hits == 1
    conn.close()
