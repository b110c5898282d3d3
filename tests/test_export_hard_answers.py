"""Every answer prints, whatever it holds: huge reframe cells, many short lines, unbroken links,
100 000 characters. Packets are built straight from plain `Packet` objects (no vault needed)."""

from __future__ import annotations

import re

from pypdf import PdfReader
from support.vaults import PASSPHRASE_ONE

from workbook.answer_values import Reframe
from workbook.answers import AnswerKey, AnswerService
from workbook.content import load_content
from workbook.content.model import FieldKind
from workbook.export import build_session_packet
from workbook.export import packet as packet_pdf
from workbook.packet import (
    ANSWERS,
    SECTIONS,
    Packet,
    PacketRequest,
    PacketService,
    PrintedAnswer,
    PrintedWorksheet,
)

CONTENT = load_content().content
URL = "https://example.org/" + "a1b2c3d4e5" * 38  # 400 characters, not a space in it


def field_of(kind: FieldKind):
    for chapter in CONTENT.chapters:
        for sheet in chapter.worksheets:
            for fld in sheet.fields:
                if fld.kind is kind:
                    return fld
    raise LookupError(kind)


def packet_of(*answers) -> Packet:
    """One worksheet whose questions are `answers`: (field, value) pairs, numbered 1, 2, …"""
    questions = tuple((fld, (PrintedAnswer("Alex", fld, value, False),))
                      for fld, value in answers)
    sheet = PrintedWorksheet(1, "A chapter", "A worksheet", questions)
    return Packet(sections=frozenset(SECTIONS), label="Alex", period_text="all dates",
                  worksheets=(sheet,))


def page_texts(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def squeezed(text: str) -> str:
    return "".join(text.split())


def test_a_huge_reframe_cell_splits_across_pages_without_a_blank_one(tmp_path):
    reframe = field_of(FieldKind.REFRAME)
    thought = " ".join(f"thought{i}" for i in range(330))  # about 3 000 characters, one line
    kinder = "\n".join(f"kinder line {i}" for i in range(100))
    path = tmp_path / "p.pdf"
    pages = build_session_packet(path, packet_of((reframe, [Reframe(thought, kinder)])))
    texts = page_texts(path)
    assert pages == len(texts) >= 3
    joined = " ".join(texts)
    assert all(f"thought{i}" in joined.split() for i in range(330))
    assert all(f"kinder line {i}" in joined for i in range(100))
    for number, text in enumerate(texts[1:], 2):  # every page after the cover has answer text
        body = re.sub(r"Printed .*|Page \d+ of \d+|Alex", "", text)
        assert len(body.split()) > 5, f"page {number} is (almost) blank"


def test_a_long_link_does_not_squeeze_the_other_column(tmp_path):
    reframe = field_of(FieldKind.REFRAME)
    link = "https://example.org/" + "q" * 130
    path = tmp_path / "p.pdf"
    build_session_packet(path, packet_of(
        (reframe, [Reframe(link, "a kinder thought that is fairly long and wraps")])))
    text = " ".join(" ".join(page_texts(path)).split())
    assert "a kinder thought that is fairly long" in text  # not one letter per line
    assert link in squeezed(text)


def test_unbroken_text_many_lines_and_huge_answers_all_print(tmp_path):
    long_text = field_of(FieldKind.LONG_TEXT)
    reframe = field_of(FieldKind.REFRAME)
    lines = "\n".join(f"short {i}" for i in range(100))
    huge = " ".join(f"w{i}" for i in range(20_000))  # > 100 000 characters
    path = tmp_path / "p.pdf"
    build_session_packet(path, packet_of((long_text, URL), (long_text, lines),
                                         (reframe, [Reframe(URL, lines)]), (long_text, huge)))
    text = " ".join(page_texts(path))
    assert squeezed(text).count(URL) == 2
    assert all(f"short {i}" in text for i in range(100))
    words = set(text.split())
    assert all(f"w{i}" in words for i in range(20_000))


def test_an_answer_that_cannot_be_drawn_leaves_a_placeholder_not_a_failure(tmp_path,
                                                                           monkeypatch):
    from reportlab.platypus import Spacer

    long_text = field_of(FieldKind.LONG_TEXT)
    real = packet_pdf.answer_flowables

    def one_too_tall(fld, value):  # stands in for an answer reportlab cannot lay out
        if value == "CANNOT-BE-DRAWN":
            return [Spacer(1, 5000)]
        return real(fld, value)

    monkeypatch.setattr(packet_pdf, "answer_flowables", one_too_tall)
    path = tmp_path / "p.pdf"
    build_session_packet(path, packet_of((long_text, "first answer prints"),
                                         (long_text, "CANNOT-BE-DRAWN"),
                                         (long_text, "third answer prints")))
    text = " ".join(" ".join(page_texts(path)).split())
    assert "first answer prints" in text and "third answer prints" in text
    assert "Question 2 of “A worksheet” could not be laid out on paper" in text
    assert "CANNOT-BE-DRAWN" not in text


def test_packet_question_numbers_match_the_blank_sheet(vault_one, tmp_path):
    service = vault_one.service()
    me = service.unlock(PASSPHRASE_ONE)
    chapter, sheet = next((c, s) for c in CONTENT.chapters for s in c.worksheets
                          if len(s.fields) >= 3 and s.fields[2].kind is FieldKind.LONG_TEXT)
    third = sheet.fields[2]
    key = AnswerKey(chapter.id, sheet.id, third.id)
    AnswerService(service).save(me.id, key, "only the third question is answered")
    packet = PacketService(service, CONTENT).gather(PacketRequest(
        (me.id,), chapter_ids=(chapter.id,), sections=frozenset({ANSWERS}),
        private_keys=frozenset({(me.id, key)})))
    path = tmp_path / "p.pdf"
    build_session_packet(path, packet)
    text = " ".join(" ".join(page_texts(path)).split())
    assert f"3. {' '.join(third.prompt.split())}" in text
    assert f"1. {' '.join(third.prompt.split())}" not in text


def test_a_worksheet_running_onto_more_pages_says_continued(tmp_path):
    long_text = field_of(FieldKind.LONG_TEXT)
    lines = "\n".join(f"line {i}" for i in range(150))
    path = tmp_path / "p.pdf"
    build_session_packet(path, packet_of((long_text, lines)))
    texts = page_texts(path)[2:]  # after the cover and the summary
    assert len(texts) >= 3
    assert "A worksheet (continued)" not in texts[0]
    assert all("A worksheet (continued)" in text for text in texts[1:])
