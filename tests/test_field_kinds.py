"""One table of field kinds (workbook/field_kinds.py): every FieldKind has exactly one entry
there, one editor, a blank drawer and a filled drawer, so a new kind is one entry plus those three;
and every kind round-trips hostile values (markup, emoji, CJK and Arabic, 100 000 characters)
through its stored text, its export value, its search words, its printed forms and its editor."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest
from reportlab.lib.pagesizes import A4

from workbook.content.model import Field, FieldKind
from workbook.export.blank import BLANK_DRAWERS
from workbook.export.filled import FILLED_DRAWERS
from workbook.field_kinds import KINDS, ChecklistValue, Kind, Reframe, kind_of
from workbook.storage.answer_words import stored_words

MARKUP = "<b>bold</b> &amp; <script>x</script> [link](x) {\"rows\": 1}"
EMOJI = "🙂👩🏽‍❤️‍👨🏿 ✨"
CJK = "今日は少し話せた。你好，慢慢来。"
ARABIC = "مرحبا، نحن نحاول من جديد"
LONG = ("abc🙂 שלום " * 12_000)[:100_000]
HOSTILE = (MARKUP, EMOJI, CJK, ARABIC)

FIELDS = {
    FieldKind.LONG_TEXT: (Field("l", FieldKind.LONG_TEXT, "Long?"), f"{MARKUP}\n\n{ARABIC}"),
    FieldKind.SHORT_TEXT: (Field("s", FieldKind.SHORT_TEXT, "Short?"), f"{CJK} {EMOJI}"),
    FieldKind.CHECKLIST: (Field("c", FieldKind.CHECKLIST, "Tick?", options=HOSTILE,
                                allow_other=True), ChecklistValue((EMOJI, ARABIC), MARKUP)),
    FieldKind.SINGLE_CHOICE: (Field("o", FieldKind.SINGLE_CHOICE, "One?", options=HOSTILE), CJK),
    FieldKind.SCALE: (Field("n", FieldKind.SCALE, "How much?", low_label=ARABIC,
                            high_label=MARKUP), 7),
    FieldKind.REFRAME: (Field("r", FieldKind.REFRAME, "Kinder?"),
                        (Reframe(MARKUP, CJK), Reframe(ARABIC, EMOJI))),
    FieldKind.RANKED_LIST: (Field("k", FieldKind.RANKED_LIST, "Order?", items=HOSTILE),
                            (ARABIC, CJK, MARKUP, EMOJI)),
    FieldKind.DATE: (Field("d", FieldKind.DATE, "When?"), dt.date(2027, 2, 14)),
}
# Each kind's longest answer: 100 000 characters wherever a person can type.
LONGEST = {
    FieldKind.LONG_TEXT: LONG, FieldKind.SHORT_TEXT: LONG,
    FieldKind.CHECKLIST: ChecklistValue((), LONG), FieldKind.REFRAME: (Reframe(LONG, LONG),),
}
FREE_RANKED = Field("f", FieldKind.RANKED_LIST, "Yours?", max_items=3)


def test_every_kind_has_one_entry_one_editor_and_two_drawers():
    from workbook.ui.chapters.editors import EDITORS
    assert set(KINDS) == set(FieldKind) and len(KINDS) == len(FieldKind)
    assert all(isinstance(entry, Kind) and entry.kind is kind for kind, entry in KINDS.items())
    assert len({type(entry) for entry in KINDS.values()}) == len(FieldKind)  # a class per kind
    for table in (EDITORS, BLANK_DRAWERS, FILLED_DRAWERS, FIELDS):
        assert set(table) == set(FieldKind), table


@pytest.mark.parametrize("kind", list(FieldKind))
def test_each_kind_round_trips_hostile_values(kind):
    field, value = FIELDS[kind]
    entry = kind_of(field)
    for answer in (value, LONGEST.get(kind, value), entry.empty(field)):
        stored = entry.encode(field, answer)
        assert entry.decode(field, stored) == answer
        native = entry.to_native(answer)
        assert entry.from_native(field, json.loads(json.dumps(native))) == answer
        words = entry.words(field, answer)
        # What indexes made before the kinds gave the words hold the same words (structured
        # kinds: every string in the stored JSON), so an upgraded workbook searches the same.
        assert Counter(words.splitlines()) == Counter(stored_words(stored).splitlines())
    assert entry.is_answered(field, value) and not entry.is_answered(field, entry.empty(field))
    shown = entry.describe(field, value)
    for text in HOSTILE:
        if text in repr(value):
            assert text in entry.words(field, value) and text in shown
    assert '"' not in entry.words(field, value).replace(MARKUP, "")  # words, never JSON


@pytest.mark.parametrize("kind", list(FieldKind))
def test_each_kind_prints_blank_and_filled(kind):
    field, value = FIELDS[kind]
    width = A4[0] - 100
    blank = BLANK_DRAWERS[kind](field, None, False, None)
    filled = FILLED_DRAWERS[kind](field, value)
    for flowable in (*blank, *filled):
        w, h = flowable.wrap(width, 10_000)
        assert 0 <= w <= width + 1 and h >= 0
    assert filled and blank


@pytest.mark.parametrize("kind", list(FieldKind))
def test_each_kinds_editor_shows_and_returns_hostile_values(qtbot, kind):
    from workbook.ui.chapters.editors import editor_for
    field, value = FIELDS[kind]
    for answer in (value, LONGEST.get(kind, value)):
        editor = editor_for(field)
        qtbot.addWidget(editor)
        editor.set_value(answer)
        assert editor.value() == answer
    free = editor_for(FREE_RANKED)
    qtbot.addWidget(free)
    free.set_value((LONG[:50_000], CJK))
    assert free.value() == (LONG[:50_000], CJK)
