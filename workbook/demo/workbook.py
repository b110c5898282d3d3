"""`couples-workbook demo`: a realistic two-partner workbook to try the app with.

The passphrases are public on purpose (printed, and in the README): this vault is for trying the
app, for therapists evaluating it, and for the benchmarks. Never keep real entries in it.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from pathlib import Path

from workbook.accounts import NewPartner, WorkbookService
from workbook.answers import AnswerKey, AnswerService
from workbook.content.loader import load_content
from workbook.content.model import Field, FieldKind
from workbook.demo.trackers import fill_trackers
from workbook.field_kinds import SampleWords, kind_of
from workbook.resources import verify_installation
from workbook.storage.errors import VaultExists
from workbook.storage.trackers import bulk_writes

DEMO_PARTNERS = (("Alex", "demo-partner-one"), ("Sam", "demo-partner-two"))
_THOUGHTS = (("I always get it wrong.", "I got one thing wrong, and I'm learning."),
             ("They don't want me.", "They are tired and scared, and still here with me."),
             ("It will never change.", "Small things have already changed."))

_OPENINGS = ["Honestly,", "When I think about it,", "Lately", "Some days", "I've noticed that",
             "It surprised me that", "If I'm kind to myself,", "Looking back,"]
_MIDDLES = ["work stress follows me home", "I pull away before I mean to",
            "a quiet evening together helps more than I expected",
            "I'm scared of getting it wrong again", "we laugh more when we walk together",
            "I want to feel chosen, not just tolerated", "talking slowly makes it easier",
            "my body needs time to feel safe", "small kindnesses add up for me",
            "I still carry some of that hurt"]
_ENDINGS = ["and I want us to keep trying.", "and that's okay for now.",
            "and I'd like to talk about it on Sunday.", "which I hadn't said out loud before.",
            "and I'm proud we're doing this.", "so I'm going gently."]


def demo_sentence(rng: random.Random, sentences: int = 2) -> str:
    return " ".join(f"{rng.choice(_OPENINGS)} {rng.choice(_MIDDLES)}, {rng.choice(_ENDINGS)}"
                    for _ in range(sentences))


def create_demo(folder: Path, years: int = 1, say: Callable[[str], None] = print,
                seed: int = 2026) -> WorkbookService:
    """Create the demo vault in `folder`, which must not hold a workbook already."""
    verify_installation()  # a broken install fails here, before a single file is written
    service = WorkbookService(folder)
    if service.exists():
        raise VaultExists(f"{folder} already holds a workbook; the demo never touches one.")
    created = service.create([NewPartner(name, phrase) for name, phrase in DEMO_PARTNERS])
    ids = [c.info.id for c in created]
    rng = random.Random(seed)
    answered, revisited = _fill_answers(service, ids, rng, years)
    _leave_bookmarks(AnswerService(service), ids, random.Random(seed + 1))
    tracked = fill_trackers(service, ids, years, rng)
    service.lock()
    entries = ", ".join(f"{count} {kind}" for kind, count in tracked.items())
    say(f"Demo workbook created in {folder} over {years} year(s): {answered} answers "
        f"({revisited} revisited later), {entries}.")
    for name, phrase in DEMO_PARTNERS:
        say(f"  {name}: passphrase '{phrase}'")
    say("Open it with: couples-workbook --data-dir " + str(folder))
    return service


def _fill_answers(service: WorkbookService, partner_ids: list[str], rng: random.Random,
                  years: int = 1) -> tuple[int, int]:
    """Most fields for both partners, some shared, and some revisited over the years the way
    people return to a worksheet (a later reflection added, a scale moved). The workbook keeps
    the latest answer per field, so revisits change the text rather than add rows. Returns
    (answers, revisits)."""
    answers = AnswerService(service)
    start = dt.date.today() - dt.timedelta(days=365 * years)
    answered = revisited = 0
    with bulk_writes(service.session):  # hundreds of small writes; demo data only
        for chapter in load_content().content.chapters:
            for sheet in chapter.worksheets:
                for field in sheet.fields:
                    for partner_id in partner_ids:
                        if rng.random() < 0.08:
                            continue  # nobody answers everything
                        key = AnswerKey(chapter.id, sheet.id, field.id)
                        revisited += _answer(answers, partner_id, key, field, rng, start, years)
                        answered += 1
    return answered, revisited


def _leave_bookmarks(answers: AnswerService, partner_ids: list[str], rng: random.Random) -> None:
    """Each partner was last in some chapter, as after real use, so Home offers "Where you left
    off" rather than the first-time "Start here". (Its own rng: the rest of the demo stays the
    same for a given seed.)"""
    chapters = [c for c in load_content().content.chapters[1:] if c.worksheets]  # past the first
    for partner_id in partner_ids:
        chapter = rng.choice(chapters)
        answers.set_bookmark(partner_id, chapter.id, chapter.worksheets[0].id)


def _answer(answers: AnswerService, partner_id: str, key: AnswerKey, field: Field,
            rng: random.Random, start: dt.date, years: int) -> int:
    """Write one answer, then its revisits (about one every eight years). Returns revisits."""
    value = demo_value(field, rng)
    answers.save_value(partner_id, key, field, value)
    if rng.random() < 0.45:
        answers.share(partner_id, key)
    days = sorted(start + dt.timedelta(days=rng.randrange(365 * years))
                  for _ in range(years) if rng.random() < 0.12)
    for day in days:
        value = _revised(field, value, day, rng)
        answers.save_value(partner_id, key, field, value)
    return len(days)


def _revised(field: Field, value, day: dt.date, rng: random.Random):
    if field.kind == FieldKind.LONG_TEXT:  # a later reflection, dated, below the first one
        return f"{value}\n\n{day:%B %Y}: {demo_sentence(rng, rng.randint(1, 2))}"
    return demo_value(field, rng)


def demo_words(rng: random.Random) -> SampleWords:
    return SampleWords(rng, lambda count: demo_sentence(rng, count), _THOUGHTS,
                       "Being too tired to talk")


def demo_value(field: Field, rng: random.Random):
    """A plausible answer of the right shape for any field kind: each kind makes its own
    (field_kinds.py) from the demo's words."""
    return kind_of(field).sample(field, demo_words(rng))
