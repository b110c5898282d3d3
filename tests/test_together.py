"""Together conversations (issue 19): the service, its storage, the words file and the timer."""

from __future__ import annotations

import datetime as dt

import pytest
from support.vaults import PASSPHRASE_ONE

from workbook.answers import AnswerService
from workbook.content.loader import load_content
from workbook.search import SearchService
from workbook.storage.repositories import AnswerKey
from workbook.together.script import ScriptError, load_script
from workbook.together.service import (
    BOTH_ANSWERED,
    REPAIR,
    SHARED,
    SUGGESTED,
    TURNS,
    WEEKLY,
    TogetherService,
)
from workbook.together.timer import TurnTimer
from workbook.trackers.tracking import TrackerError

TODAY = dt.date(2026, 3, 14)


@pytest.fixture
def together_service(together):
    service, ids = together
    return TogetherService(service, lambda: TODAY), service, ids


def shared_lines(service):
    return service.current_session().shared_conn.execute(
        "SELECT partner_id, slot, text FROM conversation_lines").fetchall()


def private_notes(service, partner_id):
    return service.current_session().partner(partner_id).conn.execute(
        "SELECT slot, text, shared FROM conversation_notes").fetchall()


def test_the_shipped_words_load_and_have_every_part():
    script = load_script()
    assert script.turns.listener_prompts == ("What I heard is…", "Did I get that right?",
                                             "Is there more?")
    assert len(script.weekly.steps) == 5 and len(script.repair.private_prompts) == 3
    assert "twenty minutes" in script.pause.why
    chapters = {c.id for c in load_content().chapters}
    assert {s.chapter for s in script.suggestions} <= chapters


@pytest.mark.parametrize("change,expected", [
    (('title = "Take turns"\n', ""), "[turns]: missing required key 'title'"),
    (('[pause]\n', '[pause]\ncolour = "red"\n'), "[pause]: unknown key 'colour'"),
    (('  "One small plan",\n', ""), "[weekly]: 'steps' must list exactly 5 texts"),
    (('type = "together"', 'type = "chapter"'), "'type' must be \"together\""),
    (('[repair]', '[repair'), "not valid TOML"),
])
def test_a_broken_words_file_is_named_calmly(tmp_path, change, expected):
    text = load_script.__globals__["resource_path"](
        "content", "together", "conversations.toml").read_text(encoding="utf-8")
    assert change[0] in text
    bad = tmp_path / "conversations.toml"
    bad.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(ScriptError) as caught:
        load_script(bad)
    assert str(caught.value).startswith("conversations.toml") and expected in str(caught.value)


def test_conversations_need_both_partners(vault_two):
    service = vault_two.service()
    service.unlock(PASSPHRASE_ONE)
    together = TogetherService(service)
    assert not together.both_present()
    with pytest.raises(PermissionError, match="needs you both"):
        together.start(TURNS, "Us")
    service.lock()


def test_private_lines_stay_in_their_writers_file_until_shared(together_service):
    together, service, (alex, sam) = together_service
    talk = together.start(TURNS, "What helps me feel safe with you")
    assert (talk.kind, talk.started_on, talk.state) == (TURNS, TODAY, "open")
    together.write(talk.id, alex, "understood", "You need slower evenings 🙂")
    together.write(talk.id, sam, "appreciated", "שלום — you listened")
    assert private_notes(service, alex) == [("understood", "You need slower evenings 🙂", 0)]
    assert private_notes(service, sam) == [("appreciated", "שלום — you listened", 0)]
    assert shared_lines(service) == []
    together.write(talk.id, sam, "appreciated", "שלום — you listened", share=True)
    assert shared_lines(service) == [(sam, "appreciated", "שלום — you listened")]
    assert together.notes(talk.id, sam)["appreciated"].shared
    together.write(talk.id, sam, "appreciated", "שלום — you listened", share=False)
    assert shared_lines(service) == []
    together.write(talk.id, alex, "understood", "  ")
    assert private_notes(service, alex) == []


def test_a_record_is_kept_only_when_both_agree(together_service):
    together, service, (alex, sam) = together_service
    first = together.start(WEEKLY)
    together.write(first.id, alex, "went-well", "Our Sunday walk", share=True)
    together.write(first.id, sam, "went-well", "Cooking together")
    together.write_together(first.id, "plan", "Walk on Sunday again")
    assert together.finish(first.id, [alex, sam]) is True
    [record] = together.records()
    assert record.conversation.kind == WEEKLY and record.conversation.state == "kept"
    assert [(x.partner_id, x.slot, x.text) for x in record.lines] == [
        (alex, "went-well", "Our Sunday walk"), ("", "plan", "Walk on Sunday again")]
    with pytest.raises(TrackerError, match="already ended"):
        together.write(first.id, alex, "went-well", "more")

    second = together.start(REPAIR, "Saturday")
    together.write(second.id, alex, "felt", "Alone", share=True)
    assert together.finish(second.id, [alex]) is False  # Sam did not agree
    assert [r.conversation.id for r in together.records()] == [first.id]
    assert (alex, "felt", "Alone") not in shared_lines(service)
    assert together.notes(second.id, alex)["felt"].text == "Alone"
    assert not together.notes(second.id, alex)["felt"].shared  # kept privately, no longer shared


def test_a_paused_conversation_resumes_at_its_step_or_is_let_go(together_service):
    together, _service, (alex, _sam) = together_service
    talk = together.start(TURNS, "Evenings")
    together.set_step(talk.id, 2)
    together.write(talk.id, alex, "understood", "Later", share=True)
    [waiting] = together.unfinished()
    assert (waiting.id, waiting.step, waiting.topic) == (talk.id, 2, "Evenings")
    together.let_go(talk.id)
    assert together.unfinished() == [] and together.records() == []
    assert together.notes(talk.id, alex)["understood"].text == "Later"


def test_topics_come_from_both_answers_shared_answers_and_suggestions(together_service):
    together, service, (alex, sam) = together_service
    content = load_content().content
    answers = AnswerService(service)
    chapter = content.chapters[1]
    sheet = chapter.worksheets[0]
    field = sheet.fields[0]
    for partner in (alex, sam):
        answers.save(partner, AnswerKey(chapter.id, sheet.id, field.id), "secret words")
    answers.share(sam, AnswerKey(chapter.id, sheet.id, field.id))
    topics = together.topics(content, load_script())
    assert (BOTH_ANSWERED, f"{sheet.title} (chapter {chapter.number})") in [
        (t.source, t.title) for t in topics]
    assert (SHARED, field.prompt) in [(t.source, t.title) for t in topics]
    assert sum(t.source == SUGGESTED for t in topics) == len(load_script().suggestions)
    assert not any("secret" in t.title for t in topics)  # questions, never what was written


def test_topics_refuse_empty_or_long_titles_calmly(together_service):
    together, _service, _ids = together_service
    with pytest.raises(TrackerError, match="under 200"):
        together.start(TURNS, "x" * 201)
    assert together.start(TURNS, "  a\n  topic ").topic == "a topic"


def test_search_finds_shared_lines_and_your_own_notes(together_service):
    together, service, (alex, sam) = together_service
    talk = together.start(TURNS, "Evenings")
    together.write(talk.id, alex, "understood", "lanterns in the garden", share=True)
    together.write(talk.id, sam, "appreciated", "lanterns privately")
    search = SearchService(service)
    found_by_sam = [(r.label, r.snippet) for r in search.search(sam, "lanterns")]
    # a match is marked «» in a result (issue 16)
    assert ("Conversation from Alex", "«lanterns» in the garden") in found_by_sam
    assert ("My conversation note", "«lanterns» privately") in found_by_sam
    found_by_alex = [r.snippet for r in search.search(alex, "lanterns")]
    assert found_by_alex == ["«lanterns» in the garden"]  # Sam's private note is not Alex's
    assert {r.target.section for r in search.search(sam, "lanterns")} == {"together"}


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_the_turn_timer_counts_down_pauses_and_can_be_off():
    clock = FakeClock()
    timer = TurnTimer(2, clock)
    timer.start_turn()
    assert timer.text() == "2:00 left in this turn"
    clock.now += 61
    assert timer.text() == "0:59 left in this turn"
    timer.pause()
    clock.now += 600
    assert timer.remaining == 59
    timer.resume()
    clock.now += 59
    assert timer.text().startswith("Time is up") and timer.fraction_left == 0
    timer.set_minutes(None)
    assert timer.text() == "No timer this time" and timer.remaining is None
    with pytest.raises(ValueError):
        timer.set_minutes(9)


def test_the_session_packet_prints_kept_conversations_only_by_choice(together_service,
                                                                     tmp_path):
    from pypdf import PdfReader

    from workbook.export import build_session_packet
    from workbook.packet import CONVERSATIONS, PacketRequest, PacketService

    together, service, (alex, sam) = together_service
    kept = together.start(WEEKLY)
    together.write(kept.id, alex, "went-well", "ALEX-SHARED-WALK", share=True)
    together.write(kept.id, sam, "went-well", "SAM-SHARED-COOKING", share=True)
    together.write(kept.id, alex, "appreciation", "ALEX-PRIVATE-NOTE")
    together.write_together(kept.id, "plan", "A walk on Sunday")
    together.finish(kept.id, [alex, sam])
    dropped = together.start(TURNS, "DROPPED-TOPIC")
    together.write(dropped.id, alex, "line", "DROPPED-LINE", share=True)
    together.finish(dropped.id, [alex])
    packets = PacketService(service, load_content().content, today=lambda: TODAY)

    assert packets.gather(PacketRequest((alex,))).conversations == ()  # not by default
    packet = packets.gather(PacketRequest((alex,), sections=frozenset({CONVERSATIONS})))
    [(heading, lines)] = packet.conversations
    assert heading == f"{TODAY.day} March 2026 · How are we doing?"
    assert lines == ("Partner 1: ALEX-SHARED-WALK", "Together: A walk on Sunday")
    path = tmp_path / "packet.pdf"
    build_session_packet(path, packet)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)
    assert "Conversations we had" in text and "ALEX-SHARED-WALK" in text
    for never in ("SAM-SHARED-COOKING", "ALEX-PRIVATE-NOTE", "DROPPED"):
        assert never not in text


def test_leaving_the_workbook_takes_your_shared_lines_with_you(together_service):
    from workbook.deletion import delete_private_space

    together, service, (alex, sam) = together_service
    talk = together.start(TURNS, "Evenings")
    together.write(talk.id, alex, "line", "Alex's words", share=True)
    together.write(talk.id, sam, "line", "Sam's words", share=True)
    together.finish(talk.id, [alex, sam])
    delete_private_space(service, sam, remove_shared=True)
    assert shared_lines(service) == [(alex, "line", "Alex's words")]
