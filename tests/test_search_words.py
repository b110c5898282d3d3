"""Search reads like people write: the index holds the words a person typed or chose, never the
JSON the app stores (so "kinder", "rows", "checked" or a chapter id match nothing that does not
say so), results say where an entry lives in words with a snippet of the person's own words, and
a capped list says how many there are in all."""

from __future__ import annotations

import secrets

import pytest
from support.demanding_answers import every_kind

from workbook.answers import AnswerKey, AnswerService
from workbook.content import load_content
from workbook.search import SearchService
from workbook.storage.schema import PRIVATE_MIGRATIONS, SHARED_MIGRATIONS, migrate
from workbook.storage.sqlcipher import create_new, raw_key_literal
from workbook.trackers.gratitude import GratitudeService

CONTENT = load_content().content
JSON_WORDS = ["kinder", "thought", "rows", "checked", "other", "items", "choice", "value"]


def reframe_key() -> AnswerKey:
    return next(AnswerKey(c.id, w.id, f.id) for c in CONTENT.chapters for w in c.worksheets
                for f in w.fields if f.kind.value == "reframe")


def test_json_keys_and_ids_match_no_answer(together):
    service, (alex, sam) = together
    answers = AnswerService(service)
    for key, text in every_kind().items():
        answers.save(alex, key, text)
        answers.save(sam, key, text)
        answers.share(sam, key)
    search = SearchService(service)
    for word in [*JSON_WORDS, *{k.chapter_id for k in every_kind()}]:
        for result in search.search(alex, word, 500):
            assert word.lower() in result.snippet.replace("«", "").replace("»", "").lower(), (
                word, result.text)
    typed = reframe_key()
    answers.save(alex, typed, '{"rows":[{"kinder":"I am learning slowly","thought":"Hopeless"}]}')
    found = search.search(alex, "learning")
    assert [r.where.split(" · ")[0] for r in found] == [
        f"Chapter {CONTENT.chapter(typed.chapter_id).number}"]
    assert "{" not in found[0].text and typed.chapter_id not in found[0].text
    assert "«learning»" in found[0].snippet


def test_a_result_says_where_it_lives_in_words(vault_one):
    service = vault_one.service()
    me = service.unlock("river stone lantern 1").id
    key = reframe_key()
    chapter = CONTENT.chapter(key.chapter_id)
    sheet = chapter.worksheet(key.worksheet_id)
    AnswerService(service).save(me, key, '{"rows":[{"kinder":"gentle harbour","thought":"x"}]}')
    [result] = SearchService(service).search(me, "harbour")
    assert result.label == "My answer" and result.group == "Answers"
    assert result.where.startswith(f"Chapter {chapter.number} · {sheet.title} · ")
    assert result.text.splitlines()[1] == "gentle «harbour» / x"
    service.lock()


def test_a_capped_search_says_how_many_there_are(vault_one):
    import datetime as dt
    service = vault_one.service()
    me = service.unlock("river stone lantern 1").id
    gratitude = GratitudeService(service)
    for n in range(30):
        gratitude.save(me, f"pebble number {n}", "", day=dt.date(2025, 1, 1) + dt.timedelta(n))
    found = SearchService(service).find(me, "pebble", limit=10)
    assert (len(found.results), found.total, found.capped) == (10, 30, True)
    assert found.summary() == "Showing the first 10 of 30 matches"
    assert found.results[0].where.endswith("2025")  # a day in words, not an ISO id
    assert SearchService(service).find(me, "pebble " * 50_000, limit=5).total == 30
    service.lock()


@pytest.mark.parametrize("kind", ["shared", "private"])
def test_the_upgrade_rebuilds_the_index_from_words(tmp_path, kind):
    migrations = {"shared": SHARED_MIGRATIONS, "private": PRIVATE_MIGRATIONS}[kind]
    table = {"shared": "shared_answers", "private": "answers"}[kind]
    key = secrets.token_bytes(32)
    path = tmp_path / f"{kind}.db"
    conn = create_new(path, raw_key_literal(key))
    migrate(conn, migrations, backup=lambda v: None, upto=3)
    value = '{"rows":[{"kinder":"tender words","thought":"old fear"}]}'
    if kind == "shared":
        conn.execute("INSERT INTO partners VALUES ('aaaaaaaaaaaa', 'A', 0, 't')")
        conn.execute(f"INSERT INTO {table} VALUES ('aaaaaaaaaaaa', 'c', 'w', 'f', ?, 't')",
                     (value,))
    else:
        conn.execute(f"INSERT INTO {table} VALUES ('c', 'w', 'f', ?, 't')", (value,))
    count = "SELECT count(*) FROM search_index WHERE search_index MATCH ?"
    assert conn.execute(count, ("kinder",)).fetchone()[0] == 1  # the old index: JSON keys
    migrate(conn, migrations, backup=lambda v: None)
    assert conn.execute(count, ("kinder",)).fetchone()[0] == 0
    assert conn.execute(count, ("tender",)).fetchone()[0] == 1
    conn.close()


def test_results_are_grouped_by_kind_and_counted(vault_one):
    import datetime as dt
    service = vault_one.service()
    me = service.unlock("river stone lantern 1").id
    for n in range(3):
        GratitudeService(service).save(me, f"heron {n} " * (n + 1), "",
                                       day=dt.date(2025, 5, 1) + dt.timedelta(n))
    AnswerService(service).save(me, reframe_key(), '{"rows":[{"kinder":"a heron","thought":""}]}')
    found = SearchService(service).find(me, "heron")
    assert [r.group for r in found.results] == ["Answers", "Gratitude", "Gratitude", "Gratitude"]
    assert found.summary() == "4 matches (answers 1, gratitude 3)"
    service.lock()


def long_text_key() -> AnswerKey:
    return next(AnswerKey(c.id, w.id, f.id) for c in CONTENT.chapters for w in c.worksheets
                for f in w.fields if f.kind.value == "long_text")


@pytest.mark.parametrize("kind", ["shared", "private"])
def test_the_upgrade_reindexes_answers_with_their_kinds_words(tmp_path, kind):
    """Before issue 12 the index read the strings inside any JSON-looking answer, so a long
    answer someone wrote as `{"note": "tender"}` could not be found by "note". The upgrade asks
    each field's kind for its words, for the answers already there and for every later one;
    structured answers keep the words they had (a reframe is still found by its thoughts)."""
    import workbook.session  # noqa: F401  (installs the kinds' words, as unlocking does)

    migrations = {"shared": SHARED_MIGRATIONS, "private": PRIVATE_MIGRATIONS}[kind]
    key = secrets.token_bytes(32)
    conn = create_new(tmp_path / f"{kind}.db", raw_key_literal(key))
    migrate(conn, migrations, backup=lambda v: None, upto=len(migrations) - 1)
    typed, reframe = long_text_key(), reframe_key()
    rows = [(typed, '{"note":"tender"}'),
            (reframe, '{"rows":[{"kinder":"gentle harbour","thought":"old fear"}]}')]
    if kind == "shared":
        conn.execute("INSERT INTO partners VALUES ('aaaaaaaaaaaa', 'A', 0, 't')")
        insert = "INSERT INTO shared_answers VALUES ('aaaaaaaaaaaa', ?, ?, ?, ?, 't')"
    else:
        insert = "INSERT INTO answers VALUES (?, ?, ?, ?, 't')"
    for k, value in rows:
        conn.execute(insert, (k.chapter_id, k.worksheet_id, k.field_id, value))

    def count(word: str) -> int:
        return conn.execute("SELECT count(*) FROM search_index WHERE search_index MATCH ?",
                            (word,)).fetchone()[0]

    assert (count("note"), count("tender"), count("harbour")) == (0, 1, 1)  # the old index
    migrate(conn, migrations, backup=lambda v: None)
    assert (count("note"), count("tender"), count("harbour"), count("fear")) == (1, 1, 1, 1)
    assert (count("kinder"), count("rows")) == (0, 0)
    table = "shared_answers" if kind == "shared" else "answers"
    conn.execute(f"UPDATE {table} SET value = ? WHERE field_id = ?",
                 ('{"later":"words"}', typed.field_id))
    assert (count("later"), count("note")) == (1, 0)  # a later write: the trigger, same words
    conn.close()
