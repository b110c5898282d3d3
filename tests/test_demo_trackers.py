"""The demo filler writes realistic tracker data through the services."""

from __future__ import annotations

import random

from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO

from workbook.content.loader import load_content
from workbook.demo.trackers import fill_trackers
from workbook.trackers.checkins import MONTH, CheckinService
from workbook.trackers.ladder import LadderService
from workbook.trackers.milestones import MilestoneService


def test_one_year_of_trackers(vault_two):
    service = vault_two.service()
    service.unlock(PASSPHRASE_ONE)
    service.unlock(PASSPHRASE_TWO)
    a, b = vault_two.ids
    counts = fill_trackers(service, [a, b], 1, random.Random(7))
    assert 600 < counts["checkins"] <= 732 and 600 < counts["gratitude"] <= 732
    assert MilestoneService(service).count() == counts["milestones"] > 50
    assert MilestoneService(service).timeline(0, 5)
    ladder = LadderService(service)
    assert "open" in {s.state for s in ladder.steps(a)}
    assert "stepped_back" in {e.event for e in ladder.events()}  # a step back on the way
    trend = CheckinService(service, load_content().content.checkin_scales).trend(a, b, MONTH)
    assert 11 <= len(trend) <= 13  # Sam shared some check-ins every month
    service.lock()
