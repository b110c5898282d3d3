"""The session packet PDF: chosen answers, milestones and the ladder, check-in trends, a few
gratitude notes, questions to bring, and lined space for the therapist's notes.

The builder prints exactly the `Packet` it is given; deciding what may be included is done by
`workbook.packet.PacketService`, where the privacy rules live. Page one is the same neutral
cover as the blank worksheets (it is the thumbnail a file manager shows).
"""

from __future__ import annotations

import datetime as _dt
import functools
import io
import logging
from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Indenter,
    KeepTogether,
    PageBreak,
    Spacer,
)

from workbook.export.blank import PRIVACY_NOTE
from workbook.export.charts import trend_flowables
from workbook.export.drawn import RuledLines, SheetMark
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
from workbook.export.packet_sections import milestones_and_ladder, summary
from workbook.export.save import save_atomically
from workbook.packet import Packet

_INDENT = 16
_KEEP_HEIGHT = 110  # points: a question starts a page unless its first lines fit under it
log = logging.getLogger(__name__)
CONFIDENTIAL = "Confidential: written for the couple and their therapist"
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
    """Lay the packet out into `handle`. A packet is never refused for what someone wrote: if
    it cannot be laid out, the questions that cannot are found and printed as a placeholder,
    and the rest is laid out again."""
    width = page_dimensions(page_size)[0] - 2 * MARGIN_X
    build = functools.partial(build_pdf, handle, size=page_size,
                              label=f"{packet.label} · {packet.period_text}",
                              footer_note=CONFIDENTIAL, password=password, progress=progress)
    start = handle.tell()
    try:
        return build(_cover(packet) + _body(packet, width))
    except Exception:
        unprintable = _find_unprintable(packet, page_size)
        if not unprintable:
            raise
        log.warning("%d question(s) could not be laid out; printed as placeholders",
                    len(unprintable))
        handle.seek(start)
        handle.truncate()
        return build(_cover(packet) + _body(packet, width, unprintable))


def _cover(packet: Packet) -> list[Flowable]:
    # No names and no section words here: only what any visitor could be shown.
    return cover("Workbook pages", [
        "Pages prepared for a session",
        f"Printed {printed_date(_dt.date.today())} · covering {packet.period_text}",
    ], note=PRIVACY_NOTE)


def _body(packet: Packet, width: float, unprintable: frozenset = frozenset()) -> list[Flowable]:
    # The summary (with the questions to bring) first, then the answers and what follows.
    parts = [summary(packet, width), _answers(packet, unprintable),
             milestones_and_ladder(packet, width), _trends(packet, width), _gratitude(packet),
             _conversations(packet), _notes(packet)]
    story: list[Flowable] = []
    for part in filter(None, parts):
        if story:
            story.append(PageBreak())
        story += part
    return story or [paragraph("Nothing was chosen to print.", "intro")]


# -- answers ------------------------------------------------------------------------------------
def _answers(packet: Packet, unprintable: frozenset = frozenset()) -> list[Flowable]:
    """Each chosen worksheet's answers; a question in `unprintable` ((sheet index, number))
    gets a calm placeholder instead (see `_find_unprintable`)."""
    story: list[Flowable] = []
    last_chapter = None
    for index, sheet in enumerate(packet.worksheets):
        if sheet.chapter_number != last_chapter:
            if story:
                story.append(PageBreak())
            story += [paragraph(f"Chapter {sheet.chapter_number}", "chapter_number"),
                      paragraph(sheet.chapter_title, "chapter_title")]
            last_chapter = sheet.chapter_number
        # SheetMark: a page the worksheet runs on to says "<title> (continued)" at its top.
        title = [SheetMark(sheet.title), paragraph(sheet.title, "worksheet_title")]
        for i, (number, field, answers) in enumerate(sheet.numbered()):
            lead = title if i == 0 else []
            if (index, number) in unprintable:
                story += [*lead, _placeholder(number, sheet.title)]
            else:
                story += _question(number, field, answers, lead)
        story.append(SheetMark(None))
    return story


def _question(number: int, field, answers, lead: list[Flowable]) -> list[Flowable]:
    """The prompt, then each person's answer; a long answer (text, a reframe table whose rows
    may split) flows on across pages."""
    # Room for the title, the prompt and the start of an answer, else a new page: the question
    # never sits alone at a page's foot. (KeepTogether would push a tall answer, title and all,
    # to the next page and leave a near-empty page behind.)
    story: list[Flowable] = [CondPageBreak(_KEEP_HEIGHT + (40 if lead else 0)), *lead,
                             paragraph(field.prompt, "prompt", bullet=f"{number}.")]
    for i, answer in enumerate(answers):
        who = answer.who + (" (private, included by choice)" if answer.private else "")
        if i:
            story.append(CondPageBreak(_KEEP_HEIGHT))
        story += [Indenter(left=_INDENT), paragraph(who, "help"),
                  *answer_flowables(field, answer.value), Spacer(1, 6), Indenter(left=-_INDENT)]
    return story


def _placeholder(number: int, sheet_title: str) -> Flowable:
    # Names the question, never quotes the answer (it may be what could not be drawn).
    return paragraph(f"Question {number} of “{sheet_title}” could not be laid out on paper. "
                     "The answer is kept safely in the app; please read it there.", "intro")


def _find_unprintable(packet: Packet, page_size: str) -> frozenset[tuple[int, int]]:
    """The questions that cannot be laid out alone, found by trying each one in memory.

    Only run after a whole packet failed, so the usual build pays nothing for it.
    """
    bad = set()
    for index, sheet in enumerate(packet.worksheets):
        for number, field, answers in sheet.numbered():
            try:
                build_pdf(io.BytesIO(), _question(number, field, answers, []), size=page_size)
            except Exception:  # reportlab's errors can quote the text; only the place is kept
                bad.add((index, number))
    return frozenset(bad)


# -- trackers -----------------------------------------------------------------------------------
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
        # The date first: a right-to-left name first would make the line right to left and
        # put the date's words in reverse order.
        story.append(KeepTogether([paragraph(f"{printed_date(day)} · {who}", "help"),
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


def _notes(packet: Packet) -> list[Flowable]:
    if packet.notes_lines <= 0:
        return []
    return [paragraph("Notes from the session", "chapter_title"),
            paragraph("For the therapist or for you, during the session.", "help"),
            Spacer(1, 6), RuledLines(packet.notes_lines)]
