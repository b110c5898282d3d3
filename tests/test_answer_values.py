"""The stored encoding of every field kind: round trips through the store byte-exact, and
anything that does not fit its field is refused with a message naming the field."""

from __future__ import annotations

import datetime as dt

import pytest
from support.demanding_answers import LONG, NASTY
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO

from workbook.answer_values import (
    ChecklistValue,
    InvalidValue,
    Reframe,
    decode,
    describe,
    encode,
    is_answered,
)
from workbook.answers import AnswerKey, AnswerService
from workbook.content.model import Field, FieldKind
from workbook.text import InvalidText

CHECK = Field("c", FieldKind.CHECKLIST, "p", options=("One", "Two <b>", "Three &"),
              allow_other=True)
CHOICE = Field("s", FieldKind.SINGLE_CHOICE, "p", options=("Yes", "No 🙂"))
SCALE = Field("n", FieldKind.SCALE, "p", low_label="low", high_label="high")
REFRAME = Field("r", FieldKind.REFRAME, "p")
RANK_FREE = Field("f", FieldKind.RANKED_LIST, "p", max_items=3)
RANK_GIVEN = Field("g", FieldKind.RANKED_LIST, "p", items=("a", "b", "c"))
DATE = Field("d", FieldKind.DATE, "p")
LONG_TEXT = Field("l", FieldKind.LONG_TEXT, "p")
SHORT_TEXT = Field("t", FieldKind.SHORT_TEXT, "p")

EXAMPLES = [
    (LONG_TEXT, NASTY), (LONG_TEXT, LONG), (LONG_TEXT, ""), (SHORT_TEXT, NASTY),
    (CHECK, ChecklistValue(("Two <b>", "Three &"), NASTY)), (CHECK, ChecklistValue()),
    (CHOICE, "No 🙂"), (CHOICE, None), (SCALE, 0), (SCALE, 10), (SCALE, None),
    (REFRAME, (Reframe(NASTY, "kinder 🙂"), Reframe("", LONG))), (REFRAME, ()),
    (RANK_FREE, (NASTY, "second")), (RANK_GIVEN, ("c", "a", "b")), (RANK_GIVEN, ()),
    (DATE, dt.date(2026, 2, 28)), (DATE, None),
]


@pytest.mark.parametrize("field,value", EXAMPLES)
def test_every_kind_round_trips_through_the_store(vault_one, field, value):
    service = vault_one.service()
    service.unlock(PASSPHRASE_ONE)
    answers = AnswerService(service)
    key = AnswerKey("chapter", "sheet", field.id)
    text = encode(field, value)
    answers.save(vault_one.ids[0], key, text)
    service.lock()
    service.unlock(PASSPHRASE_ONE)
    stored = answers.get(vault_one.ids[0], key)
    assert stored.encode("utf-8") == text.encode("utf-8")
    assert decode(field, stored) == value
    service.lock()


def test_structured_kinds_are_compact_sorted_json():
    assert encode(CHECK, ChecklistValue(("One",), "x")) == '{"checked":["One"],"other":"x"}'
    assert encode(SCALE, 7) == '{"value":7}'
    assert encode(REFRAME, (Reframe("a", "b"),)) == '{"rows":[{"kinder":"b","thought":"a"}]}'
    assert encode(DATE, dt.date(2026, 1, 2)) == "2026-01-02"
    assert encode(LONG_TEXT, NASTY) == NASTY  # text kinds store exactly what was typed


@pytest.mark.parametrize("field,value", [
    (CHECK, ChecklistValue(("Four",))), (CHECK, ChecklistValue(("One", "One"))),
    (CHOICE, "Maybe"), (SCALE, 11), (SCALE, -1), (SCALE, True), (RANK_FREE, ("1", "2", "3", "4")),
    (RANK_GIVEN, ("a", "b")), (LONG_TEXT, "nul \x00 inside"), (LONG_TEXT, "lone \ud800"),
    (DATE, "2026-01-01"), (REFRAME, [Reframe()]),
])
def test_values_that_do_not_fit_are_refused(field, value):
    with pytest.raises(InvalidText):  # InvalidValue, or the store's own text check
        encode(field, value)


@pytest.mark.parametrize("field,text", [
    (CHECK, "not json"), (CHECK, "[]"), (CHECK, '{"checked":"One","other":""}'),
    (SCALE, '{"value":"7"}'), (SCALE, '{"value":7,"extra":1}'), (DATE, "2026-13-01"),
    (DATE, "20260101"), (REFRAME, '{"rows":[{"thought":"a"}]}'), (CHOICE, '{"choice":"Maybe"}'),
])
def test_malformed_stored_text_is_refused_naming_the_field(field, text):
    with pytest.raises(InvalidValue, match=f"field '{field.id}'"):
        decode(field, text)


def test_never_answered_decodes_to_empty_and_is_not_answered():
    for field, _ in EXAMPLES:
        assert not is_answered(field, decode(field, None))
        assert describe(field, decode(field, None)) == "(not answered yet)"


def test_describe_is_plain_text():
    assert describe(CHECK, ChecklistValue(("One",), "mine")) == "• One\n• Other: mine"
    assert describe(SCALE, 3) == "3 of 10 (low … high)"
    assert describe(REFRAME, (Reframe("a", "b"),)) == "a → b"
    assert describe(RANK_FREE, ("x", "y")) == "1. x\n2. y"


def test_a_private_answer_never_reaches_shared_db(vault_two):
    service = vault_two.service()
    service.unlock(PASSPHRASE_ONE)
    service.unlock(PASSPHRASE_TWO)
    answers = AnswerService(service)
    one, two = vault_two.ids
    private, shared = AnswerKey("c", "w", "private"), AnswerKey("c", "w", "shared")
    answers.save(one, private, "only mine")
    answers.save(one, shared, "ours")
    answers.share(one, shared)
    assert answers.shared_in_chapter(None) == {(one, shared): "ours"}
    assert answers.chapter_answers(two, "c") == {}
    answers.unshare(one, shared)
    assert answers.shared_in_chapter(None) == {}
    assert answers.get(one, shared) == "ours"  # unsharing keeps the private copy
    service.lock()


def test_the_service_encodes_the_values_it_is_handed(vault_one):
    """The windows and the demo hand values to AnswerService.save_value; it encodes them with
    the field's kind, refuses one that does not fit (storing nothing), and reads them back."""
    from workbook.content import load_content
    content = load_content().content
    chapter = content.chapter("intimacy-beyond-sex")
    sheet = chapter.worksheet("ways-to-connect")
    ranked = sheet.field("top-three")
    key = AnswerKey(chapter.id, sheet.id, ranked.id)
    service = vault_one.service()
    me = service.unlock(PASSPHRASE_ONE).id
    answers = AnswerService(service)
    answers.save_value(me, key, ranked, (NASTY, "二番目"))
    assert answers.get(me, key) == encode(ranked, (NASTY, "二番目"))
    with pytest.raises(InvalidValue, match="at most 3 items"):
        answers.save_value(me, key, ranked, ("1", "2", "3", "4"))
    with pytest.raises(InvalidValue):
        answers.save_value(me, key, ranked, '{"items":["as JSON"]}')  # values, never JSON
    values = answers.chapter_values(me, chapter)
    assert values[key] == (NASTY, "二番目")
    assert values[AnswerKey(chapter.id, sheet.id, "felt-closest")] == ""  # not answered: empty
    service.lock()
