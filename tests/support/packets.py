"""Session packets: vaults filled with answers, trackers and secrets to print (the `filled`
fixture in conftest uses `fill_for_packets`), and reading the text of the PDF made."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO
from workbook.answer_values import ChecklistValue, Reframe, encode
from workbook.answers import AnswerKey, AnswerService
from workbook.content import load_content
from workbook.content.model import FieldKind
from workbook.packet import SECTIONS, PacketRequest
from workbook.trackers.checkins import CheckinService
from workbook.trackers.gratitude import GratitudeService
from workbook.trackers.milestones import REACHED, MilestoneService

CONTENT = load_content().content
TODAY = dt.date(2026, 3, 1)
TRICKY = "I said <b>no</b> & meant it <3 💛\nשלום עולם\nSecond line café"
SECRET_B = "SAM-PRIVATE-NEVER-PRINT"
SHARED_B = "SAM-SHARED-ONLY-WHEN-HERE"
PRIVATE_A = "ALEX-PRIVATE-TICK-ME"


def flat(text: str) -> str:
    return " ".join(text.split())


def pdf_text(path) -> str:
    return flat(" ".join(p.extract_text() for p in PdfReader(path).pages))


def first_of(kind: FieldKind):
    for chapter in CONTENT.chapters:
        for sheet in chapter.worksheets:
            for fld in sheet.fields:
                if fld.kind is kind:
                    return AnswerKey(chapter.id, sheet.id, fld.id), fld
    raise LookupError(kind)


def long_fields(count: int):
    found = [(AnswerKey(c.id, s.id, f.id), f) for c in CONTENT.chapters for s in c.worksheets
             for f in s.fields if f.kind is FieldKind.LONG_TEXT]
    return found[:count]


def fill_three_answers(vault_two, shared: str, private: str, partner: str,
                       partner_shared: str | None = None) -> str:
    """Alex shares one answer and keeps one private; Sam keeps one private (and may share one
    where Alex shared). Returns the chapter of the shared answer."""
    service = vault_two.service()
    service.unlock(PASSPHRASE_ONE)
    service.unlock(PASSPHRASE_TWO)
    alex, sam = vault_two.ids
    (k1, _), (k2, _), (k3, _) = long_fields(3)
    answers = AnswerService(service)
    answers.save(alex, k1, shared)
    answers.share(alex, k1)
    answers.save(alex, k2, private)
    answers.save(sam, k3, partner)
    if partner_shared is not None:
        answers.save(sam, k1, partner_shared)
        answers.share(sam, k1)
    service.lock()
    return k1.chapter_id


def fill_for_packets(vault_two):
    """Alex and Sam both here; a spread of answers, trackers and secrets; Sam then leaves."""
    service = vault_two.service()
    service.unlock(PASSPHRASE_ONE)
    service.unlock(PASSPHRASE_TWO)
    alex, sam = vault_two.ids
    answers = AnswerService(service)
    (k_tricky, _), (k_private, _), (k_sam, _) = long_fields(3)
    answers.save(alex, k_tricky, TRICKY)
    answers.share(alex, k_tricky)
    answers.save(alex, k_private, PRIVATE_A)
    answers.save(sam, k_sam, SECRET_B)
    answers.save(sam, k_tricky, SHARED_B)
    answers.share(sam, k_tricky)
    for kind, value in _structured():
        key, fld = first_of(kind)
        answers.save(alex, key, encode(fld, value(fld)))
        answers.share(alex, key)
    _trackers(service, alex, sam)
    service.lock()
    service.unlock(PASSPHRASE_ONE)  # Sam is not here any more
    return service, alex, sam, dict(tricky=k_tricky, private=k_private, sam=k_sam)


def _structured():
    return [
        (FieldKind.CHECKLIST, lambda f: ChecklistValue(
            (f.options[1],), "my own & <other>" if f.allow_other else "")),
        (FieldKind.SCALE, lambda f: f.max - 3),
        (FieldKind.REFRAME, lambda f: (Reframe("I am too much", "I am allowed to need"),)),
        (FieldKind.RANKED_LIST, lambda f: f.items or ("first thing", "second thing")),
        (FieldKind.SINGLE_CHOICE, lambda f: f.options[0]),
        (FieldKind.DATE, lambda f: dt.date(2026, 2, 14)),
    ]


def _trackers(service, alex, sam):
    checkins = CheckinService(service, CONTENT.checkin_scales)
    gratitude = GratitudeService(service)
    for i in range(40):
        day = TODAY - dt.timedelta(days=2 * i)
        scores = {s.id: 3 + (i * 7 + n) % 6 for n, s in enumerate(CONTENT.checkin_scales)}
        checkins.save(alex, scores, note="CHECKIN-NOTE-NEVER", day=day)
        checkins.save(sam, scores, note="", share=True, day=day)
    gratitude.save(alex, "the tea you made", "you listened", day=TODAY)
    gratitude.save(sam, "SAM-GRATITUDE-PRIVATE", "", day=TODAY)
    milestones = MilestoneService(service)
    mid = milestones.add("Held hands on a walk")
    milestones.set_state(mid, REACHED, on=TODAY - dt.timedelta(days=3))


def request(alex, **kw) -> PacketRequest:
    kw.setdefault("sections", frozenset(SECTIONS))
    return PacketRequest(partner_ids=(alex,), **kw)
