"""Property tests over every kind of user text: anything Unicode can hold comes back exactly
(tracker texts are trimmed of surrounding spaces by design); lone surrogates and NUL are refused
with a message, never a crash, and nothing is written."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.vaults import PASSPHRASE_ONE

from workbook.answers import AnswerKey, AnswerService
from workbook.content.loader import load_content
from workbook.text import InvalidText
from workbook.trackers.checkins import CheckinService
from workbook.trackers.gratitude import GratitudeService
from workbook.trackers.ladder import LadderService
from workbook.trackers.milestones import MilestoneService

FAST = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
TEXT = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
               max_size=300)
TITLE = TEXT.filter(lambda t: 0 < len(t.strip()) <= 200)
SURROGATE = st.builds(lambda a, s, b: a + s + b, TEXT, st.characters(categories=["Cs"]), TEXT)


@pytest.fixture
def opened(vault_one):
    service = vault_one.service()
    me = service.unlock(PASSPHRASE_ONE)
    yield service, me.id
    service.lock()


def test_answers_round_trip_exactly(opened):
    service, me = opened
    answers = AnswerService(service)

    @FAST
    @given(TEXT)
    def check(text):
        key = AnswerKey("c", "w", "f")
        answers.save(me, key, text)
        answers.share(me, key)
        assert answers.get(me, key) == text and answers.shared_value(me, key) == text
    check()


def test_tracker_texts_round_trip(opened):
    service, me = opened
    content = load_content().content
    gratitude, checkins = GratitudeService(service), CheckinService(service, content.checkin_scales)
    milestones, ladder = MilestoneService(service), LadderService(service)
    day = [dt.date(2020, 1, 1)]

    @FAST
    @given(TEXT, TEXT, TITLE)
    def check(first, second, title):
        day[0] += dt.timedelta(days=1)
        gratitude.save(me, first, second, share=True, day=day[0])
        entry = gratitude.get(me, day[0])
        assert (entry.grateful, entry.appreciation) == (first.strip(), second.strip())
        checkins.save(me, {}, note=first, day=day[0])
        assert checkins.get(me, day[0]).note == first.strip()
        milestone = milestones.get(milestones.add(title, notes=second))
        assert milestone.title == title.strip()
        step = ladder.add(title, second)
        assert step > 0
    check()


def test_lone_surrogates_are_refused_with_a_message(opened):
    service, me = opened
    answers, gratitude = AnswerService(service), GratitudeService(service)

    @FAST
    @given(SURROGATE)
    def check(text):
        for write in (lambda: answers.save(me, AnswerKey("c", "w", "s"), text),
                      lambda: gratitude.save(me, text, "", day=dt.date(2001, 1, 1)),
                      lambda: MilestoneService(service).add(text + "x")):
            with pytest.raises(InvalidText) as caught:
                write()
            assert "character" in str(caught.value)
        assert answers.get(me, AnswerKey("c", "w", "s")) is None
    check()
