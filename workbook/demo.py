"""`couples-workbook demo`: a realistic two-partner workbook to try the app with.

The passphrases are public on purpose (printed, and in the README): this vault is for trying the
app, for therapists evaluating it, and for the benchmarks. Never keep real entries in it.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Callable

from .accounts import NewPartner, WorkbookService
from .answers import AnswerKey, AnswerService
from .content.loader import load_content
from .content.model import FieldKind
from .storage.errors import VaultExists

DEMO_PARTNERS = (("Alex", "demo-partner-one"), ("Sam", "demo-partner-two"))
TEXT_KINDS = {FieldKind.LONG_TEXT, FieldKind.SHORT_TEXT}

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
    service = WorkbookService(folder)
    if service.exists():
        raise VaultExists(f"{folder} already holds a workbook; the demo never touches one.")
    created = service.create([NewPartner(name, phrase) for name, phrase in DEMO_PARTNERS])
    answered = _fill_answers(service, [c.info.id for c in created], random.Random(seed))
    service.lock()
    say(f"Demo workbook created in {folder} with {answered} answers over {years} year(s).")
    for name, phrase in DEMO_PARTNERS:
        say(f"  {name}: passphrase '{phrase}'")
    say("Open it with: couples-workbook --data-dir " + str(folder))
    return service


def _fill_answers(service: WorkbookService, partner_ids: list[str], rng: random.Random) -> int:
    answers = AnswerService(service)
    count = 0
    for chapter in load_content().content.chapters:
        for sheet in chapter.worksheets:
            for field in sheet.fields:
                if field.kind not in TEXT_KINDS:
                    continue  # structured kinds get demo values with their editors (issue 3)
                for partner_id in partner_ids:
                    if rng.random() < 0.25:
                        continue  # nobody answers everything
                    key = AnswerKey(chapter.id, sheet.id, field.id)
                    length = 1 if field.kind == FieldKind.SHORT_TEXT else rng.randint(2, 5)
                    answers.save(partner_id, key, demo_sentence(rng, length))
                    if rng.random() < 0.4:
                        answers.share(partner_id, key)
                    count += 1
    return count
