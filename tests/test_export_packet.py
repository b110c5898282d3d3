"""Session packets: what may be included (privacy), text fidelity, layout, sizes, password."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader
from support.packets import (
    CONTENT,
    PRIVATE_A,
    SECRET_B,
    SHARED_B,
    TODAY,
    flat,
    long_fields,
    pdf_text,
    request,
)
from support.vaults import PASSPHRASE_ONE

from workbook.answers import AnswerService
from workbook.export import build_session_packet, count_pages
from workbook.packet import (
    ANSWERS,
    INITIALS,
    MILESTONES,
    NAMES,
    NOTES,
    QUESTIONS,
    TRENDS,
    PacketRequest,
    PacketService,
)
from workbook.trackers.milestones import REACHED, MilestoneService


def test_an_absent_partners_words_never_appear(filled, tmp_path):
    service, alex, sam, keys = filled
    packets = PacketService(service, CONTENT, today=lambda: TODAY)
    assert [p.id for p in packets.choosable_partners()] == [alex]
    with pytest.raises(PermissionError):
        packets.gather(PacketRequest(partner_ids=(alex, sam)))
    # Even a forged tick for Sam's private answer cannot bring it in.
    forged = request(alex, private_keys=frozenset({(sam, keys["sam"]), (alex, keys["private"])}))
    path = tmp_path / "p.pdf"
    build_session_packet(path, packets.gather(forged))
    text = pdf_text(path)
    for secret in (SECRET_B, SHARED_B, "SAM-GRATITUDE-PRIVATE", "CHECKIN-NOTE-NEVER", "Sam"):
        assert secret not in text
    assert PRIVATE_A in text


def test_private_answers_need_a_tick_one_by_one(filled, tmp_path):
    service, alex, _, keys = filled
    packets = PacketService(service, CONTENT)
    choices = packets.answer_choices([alex])
    private = [c for c in choices if c.private]
    assert [c.key for c in private] == [keys["private"]]
    path = tmp_path / "p.pdf"
    build_session_packet(path, packets.gather(request(alex)))
    assert PRIVATE_A not in pdf_text(path)


def test_text_prints_exactly_as_written(filled, tmp_path):
    service, alex, _, _ = filled
    packet = PacketService(service, CONTENT).gather(request(alex, names=NAMES))
    path = tmp_path / "p.pdf"
    pages = build_session_packet(path, packet)
    text = pdf_text(path)
    assert "I said <b>no</b> & meant it <3 [emoji: yellow heart]" in text
    assert "Second line café" in text
    assert set("שלוםעולם") <= set(text)  # the letters print (order: docs/printing.md)
    assert "my own & <other>" in text and "I am allowed to need" in text
    assert "Held hands on a walk" in text and "you listened" in text
    assert "Page 1 of" in text and len(PdfReader(path).pages) == pages
    chapter = next(c for c in CONTENT.chapters if c.id == long_fields(1)[0][0].chapter_id)
    assert flat(chapter.title) in text
    assert "Alex" in text


def test_page_one_is_neutral_and_names_are_an_option(filled, tmp_path):
    service, alex, _, _ = filled
    packets = PacketService(service, CONTENT)
    path = tmp_path / "p.pdf"
    build_session_packet(path, packets.gather(request(alex, names=INITIALS)))
    reader = PdfReader(path)
    first = reader.pages[0].extract_text()
    assert "Workbook pages" in first and "Alex" not in first and "A." not in first
    assert "Alex" not in pdf_text(path) and "A." in reader.pages[1].extract_text()
    build_session_packet(path, packets.gather(request(alex)))
    assert "Alex" not in pdf_text(path) and "Partner 1" in pdf_text(path)


def test_sections_can_be_left_out(filled, tmp_path):
    service, alex, _, _ = filled
    packets = PacketService(service, CONTENT)
    path = tmp_path / "p.pdf"
    chosen = frozenset({QUESTIONS, NOTES})
    build_session_packet(path, packets.gather(request(alex, sections=chosen,
                                                      questions="Ask about <Sunday> & sleep")))
    text = pdf_text(path)
    assert "Ask about <Sunday> & sleep" in text and "Notes from the session" in text
    assert "Check-in trends" not in text and "Held hands" not in text
    assert "I said" not in text


def test_date_range_limits_trackers(filled):
    service, alex, _, _ = filled
    packets = PacketService(service, CONTENT)
    none = packets.gather(request(alex, date_from=TODAY + dt.timedelta(days=1)))
    assert none.milestones == () and none.gratitude == () and none.trends == ()
    some = packets.gather(request(alex, date_from=TODAY - dt.timedelta(days=30), date_to=TODAY))
    assert some.milestones and some.gratitude and some.trends
    assert all(d >= TODAY - dt.timedelta(days=37) for _, pts in some.trends[0].scales
               for d, _ in pts)


def test_fonts_embedded_and_page_sizes(filled, tmp_path):
    service, alex, _, _ = filled
    packet = PacketService(service, CONTENT).gather(request(alex))
    for size, expected in (("A4", (595, 842)), ("Letter", (612, 792))):
        path = tmp_path / f"{size}.pdf"
        pages = build_session_packet(path, packet, page_size=size)
        reader = PdfReader(path)
        assert pages == len(reader.pages) == count_pages(packet, size)
        box = reader.pages[-1].mediabox
        assert (round(float(box.width)), round(float(box.height))) == expected
        for page in reader.pages:
            for font in page["/Resources"].get("/Font", {}).values():
                font = font.get_object()
                assert "DejaVu" in str(font["/BaseFont"]), path
                assert "/FontFile2" in font["/FontDescriptor"]
    if shutil.which("pdffonts"):
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                                 check=True).stdout.splitlines()[2:]
        assert listing and all(line.split()[-5] == "yes" for line in listing), listing


def test_a_long_answer_flows_across_pages(vault_one, tmp_path):
    service = vault_one.service()
    me = service.unlock(PASSPHRASE_ONE)
    key, _ = long_fields(1)[0]
    lines = [f"Line {i} of a long answer." for i in range(400)]
    AnswerService(service).save(me.id, key, "\n".join(lines))
    packets = PacketService(service, CONTENT)
    packet = packets.gather(PacketRequest((me.id,), sections=frozenset({ANSWERS}),
                                          private_keys=frozenset({(me.id, key)})))
    path = tmp_path / "long.pdf"
    pages = build_session_packet(path, packet)
    assert pages >= 5
    text = pdf_text(path)
    assert "Line 0 of a long answer." in text and "Line 399 of a long answer." in text


def test_password_gives_aes_256(filled, tmp_path):
    pytest.importorskip("pyaes")
    service, alex, _, _ = filled
    packet = PacketService(service, CONTENT).gather(request(alex))
    path = tmp_path / "locked.pdf"
    build_session_packet(path, packet, password="three quiet words")
    reader = PdfReader(path)
    assert reader.is_encrypted
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert encrypt["/V"] == 5 and encrypt["/CF"]["/StdCF"]["/CFM"] == "/AESV3"
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils is needed to open the encrypted PDF")
    opened = subprocess.run(["pdftotext", "-upw", "three quiet words", str(path), "-"],
                            capture_output=True, text=True)
    assert opened.returncode == 0 and "I said <b>no</b>" in opened.stdout


def test_progress_is_reported(filled, tmp_path):
    service, alex, _, _ = filled
    packet = PacketService(service, CONTENT).gather(request(alex))
    seen = []
    build_session_packet(tmp_path / "p.pdf", packet, progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]


def _pages(path) -> list[str]:
    return [flat(p.extract_text()) for p in PdfReader(path).pages]


def test_page_two_is_a_summary_that_tells_empty_from_left_out(filled, tmp_path):
    service, alex, _, _ = filled
    packets = PacketService(service, CONTENT)
    path = tmp_path / "p.pdf"
    start = TODAY - dt.timedelta(days=30)
    chosen = frozenset({ANSWERS, MILESTONES, TRENDS, QUESTIONS})
    build_session_packet(path, packets.gather(request(
        alex, sections=chosen, date_from=start, date_to=TODAY, questions="How do we pause?",
        chapter_ids=(CONTENT.chapters[-1].id,))))
    summary = _pages(path)[1]
    assert summary.startswith("Printed") and "Summary" in summary
    assert "Period covered: 30 January 2026 to 1 March 2026" in summary
    assert "Gratitude notes Not included" in summary and "Notes page Not included" in summary
    assert "Answers No answers chosen" in summary  # chosen, but nothing in that chapter
    assert "Check-in averages" in summary and "How do we pause?" in summary
    assert "Held hands on a walk (26 February 2026)" not in summary  # a chapterless milestone
    assert "Milestones reached in this period None recorded in this period" in summary


def test_milestones_outside_the_dates_or_chapters_are_left_out(filled, tmp_path):
    service, alex, _, _ = filled
    milestones = MilestoneService(service)
    first, second = CONTENT.chapters[1].id, CONTENT.chapters[2].id
    for title, chapter, day in (("IN-RANGE-IN-CHAPTER", first, TODAY - dt.timedelta(days=5)),
                                ("TOO-OLD", first, TODAY - dt.timedelta(days=400)),
                                ("OTHER-CHAPTER", second, TODAY - dt.timedelta(days=5))):
        mid = milestones.add(title, chapter)
        milestones.set_state(mid, REACHED, on=day)
    mid = milestones.add("I asked for a hug", first, owner=alex)  # an "I…" one says whose
    milestones.set_state(mid, REACHED, on=TODAY - dt.timedelta(days=2))
    path = tmp_path / "p.pdf"
    build_session_packet(path, PacketService(service, CONTENT).gather(request(
        alex, chapter_ids=(first,), date_from=TODAY - dt.timedelta(days=30), date_to=TODAY)))
    text = pdf_text(path)
    assert "IN-RANGE-IN-CHAPTER" in text and "I asked for a hug" in text
    assert "TOO-OLD" not in text and "OTHER-CHAPTER" not in text
    assert "Milestone Whose State Date" in text
    # the header shows no names by default, so whose is "Partner 1" there too
    assert "I asked for a hug Partner 1 Reached 27 February 2026" in text
    assert "IN-RANGE-IN-CHAPTER Both of you Reached 24 February 2026" in text


def test_inner_pages_carry_confidentiality_period_and_one_date_format(filled, tmp_path):
    service, alex, _, _ = filled
    path = tmp_path / "p.pdf"
    build_session_packet(path, PacketService(service, CONTENT).gather(request(
        alex, date_from=TODAY - dt.timedelta(days=60), date_to=TODAY)))
    pages = _pages(path)
    assert "Confidential" not in pages[0]  # the cover stays neutral
    for text in pages[1:]:
        assert "Confidential: written for the couple and their therapist" in text
        assert "31 December 2025 to 1 March 2026" in text
    everything = " ".join(pages)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", everything)  # no ISO dates beside long ones


def test_the_outline_counts_a_single_week_in_the_singular():
    from workbook.packet import Packet, PrintedTrend, outline
    one = PrintedTrend("Partner 1", "week", (("Safe", ((TODAY, 7.0),)),))
    three = PrintedTrend("Partner 2", "week", (("Safe", tuple((TODAY, 7.0) for _ in range(3))),))
    text = outline(Packet(sections=frozenset(), label="", period_text="all dates",
                          trends=(one, three)))
    assert "Partner 1: 1 week\n" in text + "\n" and "Partner 2: 3 weeks" in text
