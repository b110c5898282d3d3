"""Hebrew and Arabic in print: visual order per wrapped line, Arabic joined, LTR untouched."""

from __future__ import annotations

import io
import re

from bidi import get_display
from pypdf import PdfReader
from reportlab.lib.enums import TA_RIGHT
from reportlab.platypus import Paragraph
from support.packets import CONTENT, request

from workbook.export import build_session_packet
from workbook.export.bidi_text import visual
from workbook.export.layout import build_pdf, cover, paragraph, user_paragraphs
from workbook.export.markup import to_markup
from workbook.export.rtl_flow import RtlParagraph
from workbook.packet import NAMES, PacketService

# Distinct Hebrew words (letters only), so each can be found on exactly one line.
_ONES = ["אחת", "שתיים", "שלוש", "ארבע", "חמש", "שש", "שבע", "שמונה", "תשע", "עשר"]
_TENS = ["אלף", "בית", "גימל", "דלת", "הא", "וו", "זין", "חית", "טית", "יוד"]
WORDS = [one + ten for ten in _TENS for one in _ONES]


def plain(markup: str) -> str:
    return re.sub(r"<[^>]+>", "", markup).replace("&lt;", "<").replace("&gt;", ">") \
        .replace("&amp;", "&")


def line_texts(flowable, width: float = 300) -> list[str]:
    flowable.wrap(width, 10_000)
    return [plain(line.text) for line in flowable.lines]


def test_a_hebrew_line_is_set_in_visual_order_and_right_aligned():
    (flow,) = user_paragraphs("שלום עולם", "body")
    assert isinstance(flow, RtlParagraph)
    assert line_texts(flow) == [get_display("שלום עולם")] == ["םלוע םולש"]
    assert flow.lines[0].style.alignment == TA_RIGHT


def test_a_long_hebrew_paragraph_keeps_its_lines_in_reading_order():
    text = " ".join(WORDS)
    (flow,) = user_paragraphs(text, "body")
    lines = line_texts(flow)
    assert len(lines) >= 3
    # Pure Hebrew: each visual line is its logical line reversed, and the logical lines, top to
    # bottom, are the text from its first word to its last.
    assert " ".join(line[::-1] for line in lines) == text
    assert lines[0].endswith(WORDS[0][::-1]) and lines[-1].startswith(WORDS[-1][::-1])


def test_in_the_pdf_the_first_words_are_on_the_top_line():
    rows: list[tuple[float, str]] = []
    buf = io.BytesIO()
    build_pdf(buf, cover("x", []) + user_paragraphs(" ".join(WORDS), "body"))
    page = PdfReader(buf).pages[1]
    page.extract_text(visitor_text=lambda text, cm, tm, *_: rows.append((tm[5] + cm[5], text))
                      if re.search("[\u05d0-\u05ea]", text) else None)
    rows.sort(reverse=True)  # top of the page first
    top, bottom = rows[0][1], rows[-1][1]
    first, last = WORDS[0], WORDS[-1]
    assert first in top or first[::-1] in top
    assert last in bottom or last[::-1] in bottom
    assert first not in bottom and first[::-1] not in bottom


def test_mixed_hebrew_english_and_numbers_come_out_in_the_right_order():
    text = "פגשנו את Dr. Cohen ב-3 במרץ 2026, והיא אמרה (בעדינות) שזה בסדר."
    (flow,) = user_paragraphs(text, "body")
    (line,) = line_texts(flow, 1000)
    assert line == ".רדסב הזש (תונידעב) הרמא איהו ,2026 ץרמב 3-ב Dr. Cohen תא ונשגפ"
    # Brackets inside Hebrew are mirrored so they still open toward their words.
    assert "(תונידעב)" in line


def test_english_with_a_hebrew_phrase_stays_left_to_right():
    (flow,) = user_paragraphs("I said שלום עולם to her.", "body")
    assert line_texts(flow, 1000) == ["I said םלוע םולש to her."]
    assert flow.lines[0].style.alignment != TA_RIGHT


def test_arabic_is_joined_into_presentation_forms():
    (flow,) = user_paragraphs("مرحبا بكم، لا بأس", "body")
    (line,) = line_texts(flow, 1000)
    assert all(0xFE70 <= ord(ch) <= 0xFEFC or ch in " ،" for ch in line)
    assert "\ufefb" in line  # lam-alef drawn as its ligature
    assert line.endswith("\ufee3\ufeae\ufea3\ufe92\ufe8e"[::-1])  # مرحبا joined, at the right


def test_escaping_happens_after_reordering():
    (flow,) = user_paragraphs("שלום <b>x</b> & <3", "body")
    (line,) = line_texts(flow, 1000)
    assert line == visual("שלום <b>x</b> & <3", rtl=True)
    markup = flow.lines[0].text
    assert "&lt;" in markup and "&amp;" in markup and "<b>" not in markup


def test_emoji_in_hebrew_are_named():
    (line,) = line_texts(user_paragraphs("תודה 👍", "body")[0], 1000)
    assert "[emoji: thumbs up sign]" in line and "הדות" in line


def test_left_to_right_text_is_unchanged():
    text = "Plain <b>words</b> & Γειά — Привет\nSecond line"
    flows = user_paragraphs(text, "body")
    assert all(type(f) is Paragraph for f in flows)
    assert [f.text for f in flows] == to_markup(text)


def test_titles_and_list_items_in_hebrew_also_reorder():
    item = paragraph("רשימה ממוספרת", "listed", bullet="1.")
    assert isinstance(item, RtlParagraph)
    assert line_texts(item) == ["תרפסוממ המישר"]
    assert item.lines[0].bulletText == "1."


def test_a_100000_character_hebrew_answer_is_printed_whole():
    """How long it takes is measured by benchmarks/ ("the same in Hebrew"), not asserted here."""
    sentence = "אני מרגישה שהדברים משתנים לאט, ואני רוצה לדבר על זה בפגישה הבאה. "
    text = ((sentence * 5 + "\n") * 400)[:100_000]
    one_line = (sentence * 1500)[:100_000]
    for answer in (text, one_line):
        out = io.BytesIO()
        pages = build_pdf(out, cover("x", []) + user_paragraphs(answer, "body"))
        assert pages > 10
        words = " ".join(p.extract_text() for p in PdfReader(out).pages)
        assert words.count("בפגישה") >= answer.count("בפגישה") - 1  # nothing dropped


def test_a_hebrew_answer_in_a_session_packet_reads_right_to_left(filled, tmp_path):
    service, alex, _, _ = filled  # its long answer has the line "שלום עולם"
    packet = PacketService(service, CONTENT).gather(request(alex, names=NAMES))
    path = tmp_path / "p.pdf"
    build_session_packet(path, packet)
    text = " ".join(p.extract_text() for p in PdfReader(path).pages)
    # pypdf reads a right-to-left run drawn in visual order back into reading order; the old
    # logical-order drawing came out of it mirrored ("םולש").
    assert "שלום עולם" in text
    assert "םולש" not in text and "I said <b>no</b>" in text
