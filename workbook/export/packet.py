"""The session packet PDF: chosen answers, milestones and the ladder, check-in trends, a few
gratitude notes, questions to bring, and lined space for the therapist's notes.

The builder prints exactly the `Packet` it is given; deciding what may be included is done by
`workbook.packet.PacketService`, where the privacy rules live. Page one is the same neutral
cover as the blank worksheets (it is the thumbnail a file manager shows).
"""

from __future__ import annotations

import datetime as _dt
import io
from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import Flowable, Indenter, KeepTogether, PageBreak, Spacer

from workbook.export.blank import PRIVACY_NOTE
from workbook.export.charts import trend_flowables
from workbook.export.drawn import RuledLines
from workbook.export.encryption import check_password
from workbook.export.filled import answer_flowables
from workbook.export.layout import (
    MARGIN_X,
    build_pdf,
    cover,
    page_dimensions,
    paragraph,
    printed_date,
    user_paragraphs,
)
from workbook.export.save import save_atomically
from workbook.packet import Packet

_INDENT = 16
_KEEP_LINES = 4  # a question stays with at least this many of its answer's first lines
Progress = Callable[[int, int], None]


def build_session_packet(out_path: Path, packet: Packet, page_size: str = "A4",
                         password: str | None = None, progress: Progress | None = None) -> int:
    """Write the packet to `out_path` atomically; return the page count.

    ValueError for a bad page size or an empty password (nothing written); ExportError when the
    PDF cannot be made or saved.
    """
    page_dimensions(page_size)
    check_password(password)
    pages: list[int] = []
    save_atomically(out_path, lambda handle: pages.append(
        write_session_packet(handle, packet, page_size, password, progress)))
    return pages[0]


def count_pages(packet: Packet, page_size: str = "A4") -> int:
    """Lay the packet out in memory only, for the live page count on the export screen."""
    return write_session_packet(io.BytesIO(), packet, page_size)


def write_session_packet(handle, packet: Packet, page_size: str = "A4",
                         password: str | None = None, progress: Progress | None = None) -> int:
    width = page_dimensions(page_size)[0] - 2 * MARGIN_X
    story = _cover(packet) + _body(packet, width)
    return build_pdf(handle, story, size=page_size, label=packet.label, password=password,
                     progress=progress)


def _cover(packet: Packet) -> list[Flowable]:
    # No names and no section words here: only what any visitor could be shown.
    return cover("Workbook pages", [
        "Pages prepared for a session",
        f"Printed {printed_date(_dt.date.today())} · covering {packet.period_text}",
    ], note=PRIVACY_NOTE)


def _body(packet: Packet, width: float) -> list[Flowable]:
    parts = [_answers(packet), _milestones(packet), _trends(packet, width),
             _gratitude(packet), _conversations(packet), _questions(packet), _notes(packet)]
    story: list[Flowable] = []
    for part in filter(None, parts):
        if story:
            story.append(PageBreak())
        story += part
    return story or [paragraph("Nothing was chosen to print.", "intro")]


# -- answers ------------------------------------------------------------------------------------
def _answers(packet: Packet) -> list[Flowable]:
    story: list[Flowable] = []
    last_chapter = None
    for sheet in packet.worksheets:
        if sheet.chapter_number != last_chapter:
            if story:
                story.append(PageBreak())
            story += [paragraph(f"Chapter {sheet.chapter_number}", "chapter_number"),
                      paragraph(sheet.chapter_title, "chapter_title")]
            last_chapter = sheet.chapter_number
        title = [paragraph(sheet.title, "worksheet_title")]
        for number, (field, answers) in enumerate(sheet.questions, 1):
            # The worksheet title travels with its first question, never alone at a page foot.
            story += _question(number, field, answers, lead=title if number == 1 else [])
    return story


def _question(number: int, field, answers, lead: list[Flowable]) -> list[Flowable]:
    prompt = paragraph(field.prompt, "prompt", bullet=f"{number}.")
    story: list[Flowable] = []
    for i, answer in enumerate(answers):
        who = answer.who + (" (private, included by choice)" if answer.private else "")
        printed = [paragraph(who, "help"), *answer_flowables(field, answer.value), Spacer(1, 6)]
        head = ((lead + [prompt] if i == 0 else []) + [Indenter(left=_INDENT)]
                + printed[:_KEEP_LINES])
        # The question is kept with the start of each answer; the rest of a long answer flows
        # on across pages, one paragraph per line of the person's text.
        story.append(KeepTogether(head + [Indenter(left=-_INDENT)]))
        if printed[_KEEP_LINES:]:
            story += [Indenter(left=_INDENT), *printed[_KEEP_LINES:], Indenter(left=-_INDENT)]
    return story


# -- trackers -----------------------------------------------------------------------------------
def _milestones(packet: Packet) -> list[Flowable]:
    if not (packet.milestones or packet.ladder or packet.ladder_events):
        return []
    story: list[Flowable] = [paragraph("Milestones and the ladder", "chapter_title")]
    if packet.milestones:
        story.append(paragraph("Milestones", "worksheet_title"))
        for title, state, day in packet.milestones:
            when = f" · {day}" if day else ""
            story.append(paragraph(f"{title} — {state}{when}", "listed", bullet="•"))
    if packet.ladder:
        story += [Spacer(1, 8), paragraph("Consent ladder", "worksheet_title")]
        for n, (title, state) in enumerate(packet.ladder, 1):
            story.append(paragraph(f"{title} — {state}", "listed", bullet=f"{n}."))
    if packet.ladder_events:
        story += [Spacer(1, 8), paragraph("Changes on the ladder", "worksheet_title")]
        story += [paragraph(event, "option") for event in packet.ladder_events]
    return story


def _trends(packet: Packet, width: float) -> list[Flowable]:
    if not packet.trends:
        return []
    story: list[Flowable] = [paragraph("Check-in trends", "chapter_title")]
    for trend in packet.trends:
        story.append(KeepTogether(trend_flowables(trend, width)))
    return story


def _gratitude(packet: Packet) -> list[Flowable]:
    if not packet.gratitude:
        return []
    story: list[Flowable] = [paragraph("A few gratitude notes", "chapter_title")]
    for who, day, text in packet.gratitude:
        story.append(KeepTogether([paragraph(f"{who} · {printed_date(day)}", "help"),
                                   *user_paragraphs(text, "body"), Spacer(1, 8)]))
    return story


def _conversations(packet: Packet) -> list[Flowable]:
    if not packet.conversations:
        return []
    story: list[Flowable] = [paragraph("Conversations we had", "chapter_title")]
    for heading, lines in packet.conversations:
        said = [p for line in lines for p in user_paragraphs(line, "body")]
        story.append(KeepTogether([paragraph(heading, "help"), *said, Spacer(1, 8)]))
    return story


def _questions(packet: Packet) -> list[Flowable]:
    if not packet.questions:
        return []
    return [paragraph("Questions to bring", "chapter_title"),
            *user_paragraphs(packet.questions, "body")]


def _notes(packet: Packet) -> list[Flowable]:
    if packet.notes_lines <= 0:
        return []
    return [paragraph("Notes from the session", "chapter_title"),
            paragraph("For the therapist or for you, during the session.", "help"),
            Spacer(1, 6), RuledLines(packet.notes_lines)]
