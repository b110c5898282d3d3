"""The demo fills every field kind, using the one documented encoding."""

from __future__ import annotations

from workbook.answer_values import decode, is_answered
from workbook.answers import AnswerService
from workbook.content import load_content
from workbook.demo import DEMO_PARTNERS, create_demo


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
    assert len(kinds) == 8
    service.lock()
