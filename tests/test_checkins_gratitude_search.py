"""Check-ins, gratitude and search services: privacy by default, sharing as an act, trends,
and a search that never shows another partner's private text."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from workbook.answers import AnswerKey, AnswerService
from workbook.content.loader import load_content
from workbook.search import SearchService, Target, match_expression
from workbook.trackers.checkins import MONTH, WEEK, CheckinService
from workbook.trackers.gratitude import GratitudeService
from workbook.trackers.milestones import MilestoneService
from workbook.trackers.tracking import TrackerError

TODAY = dt.date(2026, 5, 20)
SCALES = load_content().content.checkin_scales


def scores(v: int) -> dict[str, int]:
    return {s.id: v for s in SCALES}


def test_checkins_are_private_until_shared_and_the_note_never_is(together):
    service, (a, b) = together
    checkins = CheckinService(service, SCALES, today=lambda: TODAY)
    checkins.save(a, scores(4), note="rough day at work")
    assert checkins.trend(b, a) == []  # Sam sees nothing of Alex's unshared check-in
    checkins.save(a, scores(6), note="rough day at work", share=True)
    [point] = checkins.trend(b, a)
    assert point.averages == {s.id: 6 for s in SCALES}
    assert checkins.get(a).note == "rough day at work" and checkins.get(a).shared
    checkins.save(a, scores(6), share=False)  # unsharing removes the shared copy
    assert checkins.trend(b, a) == []
    with pytest.raises(TrackerError):
        checkins.save(a, {"safe": 11})
    with pytest.raises(TrackerError):
        checkins.save(a, {"unknown": 3})


def test_trend_by_week_and_month(together):
    service, (a, _) = together
    checkins = CheckinService(service, SCALES)
    for offset, value in enumerate([2, 4, 6, 8]):
        checkins.save(a, {"safe": value}, day=dt.date(2026, 1, 5) + dt.timedelta(days=offset * 4))
    weeks = checkins.trend(a, a, WEEK)
    assert [p.start for p in weeks] == [dt.date(2026, 1, 5), dt.date(2026, 1, 12)]
    assert [p.averages["safe"] for p in weeks] == [3, 7]
    [month] = checkins.trend(a, a, MONTH)
    assert month.averages["safe"] == 5 and month.count == 4
    assert checkins.trend(a, a, WEEK, since=dt.date(2026, 1, 15))[0].averages["safe"] == 8


def test_gratitude_sharing_calendar_and_rereading(together):
    service, (a, b) = together
    gratitude = GratitudeService(service, today=lambda: TODAY)
    gratitude.save(a, "the morning light", "you made tea", share=True, day=dt.date(2024, 5, 20))
    gratitude.save(a, "a slow walk", "you listened", day=dt.date(2026, 5, 2))
    gratitude.save(a, "rain", "", share=True)  # nothing to share: stays private
    assert gratitude.get(a).shared is False
    assert gratitude.days_in_month(a, 2026, 5) == [dt.date(2026, 5, 2), TODAY]
    assert gratitude.days_in_month(b, 2026, 5) == []
    [past] = gratitude.on_this_day(b)
    assert past.text == "you made tea" and past.by_partner
    assert [x.text for x in gratitude.on_this_day(a)] == ["the morning light"]
    reread = gratitude.random_appreciation(b, random.Random(1))
    assert reread.text == "you made tea" and reread.by_partner
    assert gratitude.random_appreciation(a, random.Random(1)).by_partner is False
    assert [e.day for e in gratitude.page(a, 0, 2)] == [TODAY, dt.date(2026, 5, 2)]


def plain(text: str) -> str:
    """A result's text without the «» around each match."""
    return text.replace("«", "").replace("»", "")


def test_search_finds_private_and_shared_text_but_never_the_partners_private(together):
    service, (a, b) = together
    gratitude = GratitudeService(service, today=lambda: TODAY)
    gratitude.save(a, "Alex private marigold", "Alex shared lighthouse", share=True)
    gratitude.save(b, "Sam private marigold", "Sam keeps lighthouse too")
    CheckinService(service, SCALES, today=lambda: TODAY).save(a, scores(5), "marigold note")
    MilestoneService(service, today=lambda: TODAY).add("Marigold picnic", notes="sunny")
    answers = AnswerService(service)
    answers.save(b, AnswerKey("c", "w", "f"), "Sam's secret marigold answer")
    answers.save(b, AnswerKey("c", "w", "g"), "Sam shared marigold answer")
    answers.share(b, AnswerKey("c", "w", "g"))
    search = SearchService(service)
    seen_by_alex = [plain(r.text) for r in search.search(a, "marigo")]
    assert any("Alex private marigold" in t for t in seen_by_alex)
    assert any("marigold note" in t for t in seen_by_alex)
    assert any("Marigold picnic" in t for t in seen_by_alex)
    assert any("Sam shared marigold answer" in t for t in seen_by_alex)
    assert not any("Sam private" in t or "secret" in t for t in seen_by_alex)
    seen_by_sam = [plain(r.text) for r in search.search(b, "lighthouse")]
    assert any(t.startswith("Appreciation from Alex") for t in seen_by_sam)
    assert any("keeps lighthouse" in t for t in seen_by_sam)
    assert len([t for t in search.search(a, "lighthouse")]) == 1  # no duplicate shared copy
    assert not any("Alex private" in plain(r.text) for r in search.search(b, "marigold"))


def test_each_result_says_where_to_open_it(together):
    service, (a, b) = together
    GratitudeService(service, today=lambda: TODAY).save(a, "Quince jam", "")
    CheckinService(service, SCALES, today=lambda: TODAY).save(a, scores(5), "quince walk")
    milestone = MilestoneService(service, today=lambda: TODAY).add("Quince tree")
    AnswerService(service).save(a, AnswerKey("safe-touch", "sheet", "f"), "quince answer")
    targets = {r.label: r.target for r in SearchService(service).search(a, "quince")}
    assert targets == {"Gratitude": Target("gratitude", "2026-05-20"),
                       "Check-in note": Target("checkins", "2026-05-20"),
                       "Milestone": Target("milestones", str(milestone)),
                       "My answer": Target("chapters", "safe-touch", "sheet")}


def test_search_treats_typed_text_as_words_only(together):
    service, (a, _) = together
    GratitudeService(service, today=lambda: TODAY).save(a, "café au lait", "")
    search = SearchService(service)
    assert match_expression('NEAR(" OR *') == '"NEAR"* "OR"*'
    assert search.search(a, "  ") == []
    assert search.search(a, 'cafe" OR x') == []  # both words must match; no syntax error
    assert len(search.search(a, "Cafe")) == 1  # diacritics and case do not matter
