"""Milestones and the consent ladder: every state change, pausing, going back, and privacy of
each partner's readiness."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO

from workbook.content.loader import load_content
from workbook.trackers.ladder import OPEN, PAUSED, WAITING, LadderService
from workbook.trackers.milestones import IN_PROGRESS, NOT_STARTED, REACHED, STATES, MilestoneService
from workbook.trackers.tracking import TrackerError

DAY = dt.date(2025, 3, 14)


@pytest.fixture
def milestones(together):
    return MilestoneService(together[0], today=lambda: DAY)


@pytest.mark.parametrize("start,end", [p for p in itertools.permutations(STATES, 2)])
def test_every_milestone_state_change_is_allowed(milestones, start, end):
    mid = milestones.add("Holding hands on a walk")
    if start != NOT_STARTED:
        milestones.set_state(mid, start)
    after = milestones.set_state(mid, end, on=dt.date(2025, 4, 1))
    assert after.state == end
    assert (after.reached_on == "2025-04-01") == (end == REACHED)
    if end == NOT_STARTED:
        assert after.started_on is None
    if end in (IN_PROGRESS, REACHED) and start in (NOT_STARTED,):
        assert after.started_on == "2025-04-01"


@pytest.mark.parametrize("state", STATES)
def test_same_state_again_is_refused_gently(milestones, state):
    mid = milestones.add("A calm talk")
    if state != NOT_STARTED:
        milestones.set_state(mid, state)
    with pytest.raises(TrackerError, match="already"):
        milestones.set_state(mid, state)


def test_timeline_and_start_date_survive_a_pause(milestones):
    first = milestones.add("First walk")
    second = milestones.add("Second walk", notes="by the river")
    milestones.set_state(first, IN_PROGRESS, on=dt.date(2025, 1, 1))
    milestones.set_state(first, "paused", on=dt.date(2025, 1, 5))
    assert milestones.get(first).started_on == "2025-01-01"
    milestones.set_state(first, REACHED, on=dt.date(2025, 2, 1))
    milestones.set_state(second, REACHED, on=dt.date(2025, 3, 1))
    assert [m.title for m in milestones.timeline(0, 10)] == ["Second walk", "First walk"]
    milestones.set_state(second, IN_PROGRESS)  # working on it again: gone from the timeline
    assert [m.title for m in milestones.timeline(0, 10)] == ["First walk"]


def test_suggestions_come_from_content_and_disappear_once_added(milestones):
    content = load_content().content
    suggestions = milestones.suggestions(content)
    assert len(suggestions) == sum(len(c.milestones) for c in content.chapters)
    milestones.add_suggestion(suggestions[0])
    assert suggestions[0] not in milestones.suggestions(content)
    [added] = milestones.page(0, 10)
    assert added.chapter_id == suggestions[0].chapter_id
    assert added.suggestion_id == suggestions[0].id


def test_titles_are_checked_and_edits_kept(milestones):
    with pytest.raises(TrackerError):
        milestones.add("   ")
    mid = milestones.add("Ünïcode 🙂 walk")
    milestones.edit(mid, "A walk", "<b>not html</b>")
    assert milestones.get(mid).notes == "<b>not html</b>"
    milestones.delete(mid)
    with pytest.raises(TrackerError):
        milestones.get(mid)


def test_reached_day_can_be_adjusted_but_not_ahead(milestones):
    mid = milestones.add("A slow morning")
    with pytest.raises(TrackerError):
        milestones.set_reached_on(mid, DAY)  # not reached yet
    milestones.set_state(mid, REACHED)
    after = milestones.set_reached_on(mid, dt.date(2025, 3, 1))
    assert after.reached_on == "2025-03-01" and after.started_on <= "2025-03-01"
    with pytest.raises(TrackerError):
        milestones.set_reached_on(mid, DAY + dt.timedelta(days=1))
    assert [m.id for m in milestones.timeline(0, 10)] == [mid]


# -- consent ladder ----------------------------------------------------------------------------

def ladder_for(service):
    return LadderService(service, today=lambda: DAY)


def test_a_step_opens_only_when_both_are_ready(together):
    service, (a, b) = together
    ladder = ladder_for(service)
    step = ladder.add("Holding hands")
    assert ladder.set_ready(a, step, True).state == WAITING
    view = ladder.set_ready(b, step, True)
    assert view.state == OPEN and view.my_ready
    assert [e.event for e in ladder.events()] == ["opened"]


def test_readiness_is_private_until_both_are_ready(vault_two):
    service = vault_two.service()
    a, b = vault_two.ids
    service.unlock(PASSPHRASE_ONE)
    ladder = ladder_for(service)
    step = ladder.add("A long hug")
    ladder.set_ready(a, step, True)
    assert ladder.steps(a)[0].state == WAITING  # alone: nothing can open
    service.lock()
    service.unlock(PASSPHRASE_TWO)  # Sam alone sees only Sam's own readiness
    [seen] = ladder.steps(b)
    assert seen.state == WAITING and not seen.my_ready
    with pytest.raises(PermissionError):
        ladder.steps(a)  # Alex's private file is closed; the app cannot read it
    service.unlock(PASSPHRASE_ONE)  # together now, but Sam is not ready: still waiting
    assert ladder.open_ready_steps() == []
    assert not ladder.steps(b)[0].my_ready and ladder.steps(b)[0].state == WAITING
    ladder.set_ready(b, step, True)
    assert ladder.steps(b)[0].state == OPEN
    service.lock()


def test_being_ready_alone_opens_when_you_sit_together(vault_two):
    service = vault_two.service()
    a, b = vault_two.ids
    ladder = ladder_for(service)
    service.unlock(PASSPHRASE_ONE)
    step = ladder.add("Sitting close")
    ladder.set_ready(a, step, True)
    service.lock()
    service.unlock(PASSPHRASE_TWO)
    ladder.set_ready(b, step, True)
    assert ladder.steps(b)[0].state == WAITING
    service.unlock(PASSPHRASE_ONE)
    assert ladder.open_ready_steps() == [step]
    service.lock()


def test_either_partner_can_pause_alone_and_both_say_ready_afresh(vault_two):
    service = vault_two.service()
    a, b = vault_two.ids
    service.unlock(PASSPHRASE_ONE)
    service.unlock(PASSPHRASE_TWO)
    ladder = ladder_for(service)
    step = ladder.add("Lying close")
    ladder.set_ready(a, step, True)
    ladder.set_ready(b, step, True)
    service.lock()
    service.unlock(PASSPHRASE_TWO)  # Sam alone pauses, no reason asked
    ladder.pause(step)
    assert ladder.steps(b)[0].state == PAUSED and not ladder.steps(b)[0].my_ready
    ladder.pause(step)  # pausing again is simply honoured
    service.unlock(PASSPHRASE_ONE)
    assert not ladder.steps(a)[0].my_ready  # the old "ready" was for the earlier round
    assert ladder.open_ready_steps() == []
    ladder.set_ready(a, step, True)
    assert ladder.set_ready(b, step, True).state == OPEN
    assert [e.event for e in ladder.events()] == ["opened", "paused", "opened"]
    assert all("who" not in e.sentence and "reason" not in e.sentence for e in ladder.events())
    service.lock()


def test_withdrawing_readiness_from_an_open_step_pauses_it(together):
    service, (a, b) = together
    ladder = ladder_for(service)
    step = ladder.add("A kiss on the cheek")
    ladder.set_ready(a, step, True)
    ladder.set_ready(b, step, True)
    assert ladder.set_ready(a, step, False).state == PAUSED


def test_going_back_a_step_is_neutral(together):
    service, (a, b) = together
    ladder = ladder_for(service)
    with pytest.raises(TrackerError, match="nothing to step back"):
        ladder.step_back()
    first, second = ladder.add("Sitting close"), ladder.add("Holding hands")
    for step in (first, second):
        ladder.set_ready(a, step, True)
        ladder.set_ready(b, step, True)
    assert ladder.step_back() == second
    states = [s.state for s in ladder.steps(a)]
    assert states == [OPEN, PAUSED]
    sentence = ladder.events()[0].sentence
    assert "normal" in sentence and "fail" not in sentence


def test_waiting_step_can_be_paused_too(together):
    service, (a, _) = together
    ladder = ladder_for(service)
    step = ladder.add("Talking about next steps")
    ladder.set_ready(a, step, True)
    ladder.pause(step)
    assert ladder.steps(a)[0].state == PAUSED and not ladder.steps(a)[0].my_ready


def test_steps_are_ordered_moved_and_suggested(together):
    service, (a, _) = together
    ladder = ladder_for(service)
    suggested = load_content().content.ladder_steps
    for s in ladder.suggestions(suggested)[:3]:
        ladder.add_suggestion(s)
    assert len(ladder.suggestions(suggested)) == len(suggested) - 3
    ids = [s.id for s in ladder.steps(a)]
    ladder.move(ids[2], -1)
    ladder.move(ids[0], -1)  # already first: nothing changes
    assert [s.id for s in ladder.steps(a)] == [ids[0], ids[2], ids[1]]
    ladder.delete(ids[1])
    assert [s.id for s in ladder.steps(a)] == [ids[0], ids[2]]


def test_a_locked_workbook_cannot_change_the_ladder(vault_two):
    service = vault_two.service()
    ladder = ladder_for(service)
    with pytest.raises(PermissionError):
        ladder.pause(1)


def test_own_steps_are_renamed_and_removed_until_they_open(together):
    service, (a, b) = together
    ladder = ladder_for(service)
    step = ladder.add("Ünïcode 🙂 cuddle")
    ladder.rename(step, "  A long cuddle  ")
    assert ladder.steps(a)[0].title == "A long cuddle"
    with pytest.raises(TrackerError):
        ladder.rename(step, " ")
    opened = ladder.add("Holding hands")
    ladder.set_ready(a, opened, True)
    ladder.set_ready(b, opened, True)
    ladder.pause(opened)
    assert ladder.can_remove(step) and not ladder.can_remove(opened)
    with pytest.raises(TrackerError):
        ladder.delete(opened)  # opened together once: it stays, and can be paused
    ladder.delete(step)
    assert [s.title for s in ladder.steps(a)] == ["Holding hands"]


def test_a_removed_steps_id_is_never_reused(vault_two):
    """Sam's readiness for a removed step must never count for a step written later."""
    service = vault_two.service()
    a, b = vault_two.ids
    service.unlock(PASSPHRASE_TWO)
    ladder = ladder_for(service)
    old = ladder.add("A step Sam was ready for")
    ladder.set_ready(b, old, True)
    service.lock()
    service.unlock(PASSPHRASE_ONE)  # Sam is away: their mark for `old` stays in their file
    ladder.delete(old)
    new = ladder.add("A new step")
    assert new != old
    service.unlock(PASSPHRASE_TWO)
    assert ladder.open_ready_steps() == []
    assert not ladder.steps(b)[0].my_ready
    service.lock()
