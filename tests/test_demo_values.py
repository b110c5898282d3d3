"""The demo fills every field kind, using the one documented encoding."""

from __future__ import annotations

from workbook.answer_values import decode, is_answered
from workbook.answers import AnswerService
from workbook.content import load_content
from workbook.demo.workbook import DEMO_PARTNERS, create_demo


def test_the_demo_answers_every_kind_with_valid_values(tmp_path):
    content = load_content().content
    service = create_demo(tmp_path / "demo", say=lambda line: None)
    me = service.unlock(DEMO_PARTNERS[0][1])
    kinds = set()
    for key, text in AnswerService(service).all_answers(me.id).items():
        field = content.worksheet(key.chapter_id, key.worksheet_id).field(key.field_id)
        kinds.add(field.kind)
        decode(field, text)  # raises if the demo wrote anything off-format
        assert is_answered(field, decode(field, text)) or field.kind == "checklist"
        if field.kind == "ranked_list" and not field.items:  # own items: never cut mid-word
            assert all(item.endswith(("…", ".", "!", "?")) for item in decode(field, text))
    assert len(kinds) == 8
    for name, phrase in DEMO_PARTNERS:  # each was last somewhere, so Home says where
        partner = service.unlock(phrase) if name != me.name else me
        chapter_id, sheet_id = AnswerService(service).bookmark(partner.id)
        assert content.worksheet(chapter_id, sheet_id) is not None
    service.lock()


def test_the_demo_answers_most_fields_for_both_and_revisits_some(vault_two):
    import random

    from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO

    from workbook.demo.workbook import _fill_answers
    service = vault_two.service()
    service.unlock(PASSPHRASE_ONE)
    service.unlock(PASSPHRASE_TWO)
    fields = sum(len(s.fields) for c in load_content().content.chapters for s in c.worksheets)
    answered, revisited = _fill_answers(service, vault_two.ids, random.Random(3), years=10)
    assert answered > 0.85 * 2 * fields and revisited > 100
    stored = AnswerService(service).all_answers(vault_two.ids[0])
    assert len(stored) > 0.85 * fields
    assert any("\n\n" in text and ": " in text.split("\n\n")[1] for text in stored.values())
    service.lock()
