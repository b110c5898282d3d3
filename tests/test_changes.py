"""Every service that writes announces what it changed, as a typed `Change`, through the one
subscription on the workbook service (workbook/changes.py); a refused write announces nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO

from workbook import portable
from workbook.accounts import NewPartner
from workbook.answers import AnswerKey, AnswerService
from workbook.changes import Change
from workbook.content.loader import load_content
from workbook.deletion import delete_private_space
from workbook.together.service import TURNS, TogetherService
from workbook.trackers.checkins import CheckinService
from workbook.trackers.gratitude import GratitudeService
from workbook.trackers.ladder import LadderService
from workbook.trackers.milestones import IN_PROGRESS, MilestoneService
from workbook.trackers.tracking import TrackerError

CONTENT = load_content().content
KEY = AnswerKey("first-chapter", "sheet", "field")
DAY = dt.date(2026, 3, 14)


class Heard(list):
    """What a listener heard, in order: the subscriber a window or a test would register."""

    def __call__(self, change: Change) -> None:
        self.append(change)

    def kinds(self) -> Change:
        found = Change(0)
        for change in self:
            found |= change
        return found


def listening(service) -> Heard:
    heard = Heard()
    service.subscribe(heard)
    return heard


@pytest.fixture
def alone(vault_one):
    service = vault_one.service()
    service.unlock(PASSPHRASE_ONE)
    yield service, vault_one.ids[0]
    service.lock()


def test_a_checkin_announces_checkins(alone):
    service, me = alone
    heard = listening(service)
    CheckinService(service, CONTENT.checkin_scales, lambda: DAY).save(me, {"safe": 7})
    assert heard == [Change.CHECKINS]


def test_a_gratitude_entry_announces_gratitude(alone):
    service, me = alone
    heard = listening(service)
    GratitudeService(service, lambda: DAY).save(me, "tea in the garden", "")
    assert heard == [Change.GRATITUDE]


def test_each_milestone_write_announces_milestones(alone):
    service, _ = alone
    milestones = MilestoneService(service, lambda: DAY)
    heard = listening(service)
    new_id = milestones.add("We talked for ten minutes")
    milestones.edit(new_id, "We talked for twenty minutes", "")
    milestones.set_state(new_id, IN_PROGRESS)
    milestones.delete(new_id)
    assert heard == [Change.MILESTONES] * 4


def test_each_ladder_write_announces_ladder(alone):
    service, me = alone
    ladder = LadderService(service, lambda: DAY)
    heard = listening(service)
    step = ladder.add("Holding hands on a walk")
    ladder.rename(step, "Holding hands at home")
    ladder.set_ready(me, step, True)
    ladder.pause(step)
    assert heard.kinds() == Change.LADDER and len(heard) >= 4


def test_a_together_conversation_announces_together(together):
    service, (alex, _sam) = together
    conversations = TogetherService(service, lambda: DAY)
    heard = listening(service)
    talk = conversations.start(TURNS, "Sundays")
    conversations.write(talk.id, alex, "heard", "you want more rest")
    conversations.finish(talk.id, [])
    assert heard == [Change.TOGETHER] * 3


def test_answers_sharing_and_where_you_left_off_each_have_their_own_kind(alone):
    service, me = alone
    answers = AnswerService(service)
    heard = listening(service)
    answers.save(me, KEY, "private words")
    answers.share(me, KEY)
    answers.save(me, KEY, "new words")  # the shared copy follows
    answers.unshare(me, KEY)
    answers.set_bookmark(me, "first-chapter")
    assert heard == [Change.ANSWERS, Change.SHARING, Change.ANSWERS | Change.SHARING,
                     Change.SHARING, Change.BOOKMARKS]


def test_a_refused_write_announces_nothing(alone):
    service, me = alone
    heard = listening(service)
    with pytest.raises(TrackerError):
        CheckinService(service, CONTENT.checkin_scales).save(me, {"safe": 99})
    with pytest.raises(TrackerError):
        MilestoneService(service).add("   ")
    assert heard == []


def test_an_import_announces_the_entries_it_wrote(alone):
    service, me = alone
    gratitude = GratitudeService(service, lambda: DAY)
    gratitude.save(me, "the first words", "")
    data = portable.export_data(service, me, CONTENT)
    gratitude.save(me, "other words", "")
    heard = listening(service)
    preview = portable.import_data(service, me, data, CONTENT)
    assert preview.changes == 1 and heard[-1] == Change.ENTRIES
    heard.clear()
    portable.import_data(service, me, data, CONTENT)  # nothing left to change
    assert heard == []


def test_who_is_here_and_locking_are_announced_in_order(vault_two):
    service = vault_two.service()
    heard = listening(service)
    service.unlock(PASSPHRASE_ONE)
    service.unlock(PASSPHRASE_TWO)
    delete_private_space(service, vault_two.ids[1], remove_shared=False)
    service.lock()
    assert heard == [Change.UNLOCKED, Change.UNLOCKED, Change.PARTNERS, Change.LOCKING,
                     Change.LOCKED]


def test_adding_a_partner_announces_partners_and_unsubscribing_stops_it(alone):
    service, _ = alone
    heard = listening(service)
    service.add_partner(NewPartner("Sam", PASSPHRASE_TWO))
    service.unsubscribe(heard)
    service.lock()
    assert heard == [Change.PARTNERS]
