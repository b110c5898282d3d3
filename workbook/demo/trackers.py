"""Fill a demo workbook's trackers with years of realistic, fictional entries: check-ins and
gratitude on most days for each partner, hundreds of milestones, and a consent ladder that
opens, pauses and steps back as real ones do. Called from `demo.py` after the answers.

Only for demo vaults (whose passphrases are public); it writes through the same services as the
app, so the data it makes is exactly what the app would make.
"""

from __future__ import annotations

import datetime as dt
import random

from workbook.accounts import WorkbookService
from workbook.content.loader import load_content
from workbook.storage.trackers import bulk_writes
from workbook.trackers.checkins import CheckinService
from workbook.trackers.gratitude import GratitudeService
from workbook.trackers.ladder import LadderService
from workbook.trackers.milestones import (
    BOTH,
    IN_PROGRESS,
    PAUSED,
    REACHED,
    MilestoneService,
    written_as_i,
)

_GRATEFUL = ["the quiet morning coffee", "a walk in the rain", "the kids laughing at dinner",
             "a good night's sleep", "sunlight on the kitchen table", "a friend who called",
             "finishing a hard week", "soup on a cold evening", "the smell of fresh bread",
             "music while we cooked", "a slow Sunday", "my sister's message"]
_APPRECIATED = ["you listened without fixing", "you made me tea", "you held my hand in the car",
                "you said sorry first", "you laughed at my terrible joke", "you gave me space",
                "you planned our evening", "you asked how I really was", "you waited for me",
                "you were patient when I was tired", "you told me you were proud of me"]
_OWN_MILESTONES = ["A whole evening without phones", "We talked about the hard thing calmly",
                   "A weekend away, just us", "Cooked a new recipe together",
                   "Said 'I need a pause' and it felt fine", "Walked the long way home",
                   "Told a friend we are doing better", "Slept close without worry"]


def _mood(day_index: int, total: int, rng: random.Random, partner: int) -> dict[str, int]:
    """A slow upward drift with seasons and setbacks, never a straight line."""
    progress = day_index / max(total, 1)
    wave = 1.4 if (day_index // 45 + partner) % 5 == 0 else 0.0  # an occasional harder stretch
    base = 3.5 + 4.0 * progress - wave
    def around(x: float) -> int:
        return max(0, min(10, round(x + rng.gauss(0, 1.1))))
    return {"safe": around(base + 0.5), "close": around(base), "hopeful": around(base + 1),
            "stressed": around(7.5 - 3.5 * progress + wave)}


def fill_trackers(service: WorkbookService, partner_ids: list[str], years: int,
                  rng: random.Random, today: dt.date | None = None) -> dict[str, int]:
    """All partners must be unlocked. Returns how many entries of each kind were written."""
    today = today or dt.date.today()
    start = today - dt.timedelta(days=365 * years)
    content = load_content().content
    counts = {"checkins": 0, "gratitude": 0, "milestones": 0, "ladder steps": 0}
    with bulk_writes(service.session):
        counts["checkins"], counts["gratitude"] = _daily(service, content, partner_ids, start,
                                                         today, rng)
        counts["milestones"] = _milestones(service, content, start, today, years, rng)
        counts["ladder steps"] = _ladder(service, content, partner_ids, start, today, rng)
    return counts


def _daily(service, content, partner_ids, start, today, rng) -> tuple[int, int]:
    checkins = CheckinService(service, content.checkin_scales)
    gratitude = GratitudeService(service)
    total = (today - start).days
    made_checkins = made_gratitude = 0
    for offset in range(total + 1):
        day = start + dt.timedelta(days=offset)
        for number, partner in enumerate(partner_ids):
            if rng.random() < 0.95:
                note = rng.choice(["", "", "", "Long day, but we talked after dinner.",
                                   "Felt a bit distant today.", "A good, easy evening."])
                checkins.save(partner, _mood(offset, total, rng, number), note,
                              share=rng.random() < 0.6, day=day)
                made_checkins += 1
            if rng.random() < 0.95:
                gratitude.save(partner, rng.choice(_GRATEFUL), rng.choice(_APPRECIATED),
                               share=rng.random() < 0.5, day=day)
                made_gratitude += 1
    return made_checkins, made_gratitude


def _milestones(service, content, start, today, years, rng) -> int:
    milestones = MilestoneService(service, today=lambda: today)
    span = (today - start).days
    partners = [p.id for p in service.partners()]
    for suggestion in milestones.suggestions(content):
        # an "I…" suggestion belongs to one of them (chosen at random); the rest to both
        mine = written_as_i(suggestion.title)
        milestones.add_suggestion(suggestion, rng.choice(partners) if mine else BOTH)
    for number in range(30 * years):
        milestones.add(f"{rng.choice(_OWN_MILESTONES)} ({number + 1})")
    made = milestones.page(0, 100_000)
    for m in made:
        roll = rng.random()
        when = start + dt.timedelta(days=rng.randrange(max(span, 1)))
        if roll < 0.6:
            milestones.set_state(m.id, IN_PROGRESS, on=when)
            milestones.set_state(m.id, REACHED, on=min(today, when + dt.timedelta(days=30)))
        elif roll < 0.75:
            milestones.set_state(m.id, IN_PROGRESS, on=when)
        elif roll < 0.82:
            milestones.set_state(m.id, PAUSED, on=when)
    return len(made)


def _ladder(service, content, partner_ids, start, today, rng) -> int:
    gap = max(1, (today - start).days // 40)  # about forty ladder changes fit in the span
    days = iter(min(today, start + dt.timedelta(days=gap * n + rng.randrange(gap)))
                for n in range(1, 10_000))
    ladder = LadderService(service, today=lambda: next(days))  # each change on a later day
    suggested = content.ladder_steps
    steps = [ladder.add_suggestion(s) for s in suggested]
    reachable = max(2, int(len(steps) * 0.6))
    for step in steps[:reachable]:
        for partner in partner_ids:
            ladder.set_ready(partner, step, True)
    ladder.step_back()  # a pause on the way, as happens
    ladder.set_ready(partner_ids[0], steps[reachable - 1], True)
    if rng.random() < 0.5:
        for partner in partner_ids:
            ladder.set_ready(partner, steps[reachable - 1], True)
    return len(steps)
