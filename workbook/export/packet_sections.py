"""The parts of a session packet a therapist reads first or looks things up in: the one-page
summary, the milestone table and the consent ladder.

The summary says, for every part of a packet, either what it holds, "none recorded in this
period" (chosen, but nothing happened) or "not included" (left out on purpose), so an empty
section is never mistaken for a missing one.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from workbook.export.dates import long_date
from workbook.export.fonts import SERIF
from workbook.export.layout import RULE, TINT, paragraph, user_paragraphs
from workbook.packet import (
    ANSWERS,
    GRATITUDE,
    MILESTONES,
    NOTES,
    QUESTIONS,
    TRENDS,
    WEEK,
    Packet,
    PrintedTrend,
)

NONE_RECORDED = "None recorded in this period"
NOT_INCLUDED = "Not included"
_SUMMARY_MILESTONES = 8  # more are counted, and listed in full under "Milestones"
_CELL_FONT = [("FONTNAME", (0, 0), (-1, -1), SERIF)]


# -- summary ------------------------------------------------------------------------------------
def summary(packet: Packet, width: float) -> list[Flowable]:
    story: list[Flowable] = [paragraph("Summary", "chapter_title"),
                             paragraph(f"Period covered: {packet.period_text}", "intro"),
                             Spacer(1, 4), paragraph("In this packet", "heading"),
                             _table([[paragraph(a, "column"), paragraph(b, "option")]
                                     for a, b in _contents(packet)], width, (0.3, 0.7))]
    if packet.trends:
        story += [paragraph("Check-in averages", "heading"), *_averages(packet.trends, width)]
    reached = [m for m in packet.milestones if m.state == "Reached"]
    if MILESTONES in packet.sections:
        story.append(paragraph("Milestones reached in this period", "heading"))
        story += [paragraph(f"{m.title} ({long_date(m.day)})", "listed", bullet="•")
                  for m in reached[:_SUMMARY_MILESTONES]]
        if len(reached) > _SUMMARY_MILESTONES:
            story.append(paragraph(f"and {len(reached) - _SUMMARY_MILESTONES} more, listed "
                                   "under Milestones", "help"))
        if not reached:
            story.append(paragraph(NONE_RECORDED + ".", "option"))
    story.append(paragraph("Questions to bring", "heading"))
    if packet.questions:
        story += user_paragraphs(packet.questions, "body")
    else:
        story.append(paragraph("None written." if QUESTIONS in packet.sections
                               else NOT_INCLUDED + ".", "option"))
    return story


def _contents(packet: Packet) -> list[tuple[str, str]]:
    chosen = packet.sections

    def state(section: str, text: str) -> str:
        return NOT_INCLUDED if section not in chosen else (text or NONE_RECORDED)

    answers = sum(len(a) for sheet in packet.worksheets for _, a in sheet.questions)
    sheets = len(packet.worksheets)
    reached = sum(m.state == "Reached" for m in packet.milestones)
    going = len(packet.milestones) - reached
    trend_text = "; ".join(f"{t.who}: {_span(t)}" for t in packet.trends)
    ladder = f"{len(packet.ladder)} ladder steps, {len(packet.ladder_events)} changes" \
        if packet.ladder else ""
    milestones = ", ".join(filter(None, [f"{reached} reached" if reached else "",
                                         f"{going} in progress" if going else "", ladder]))
    return [
        ("Answers", state(ANSWERS, f"{_n(answers, 'answer')} from {_n(sheets, 'worksheet')}"
                          if answers else "No answers chosen")),
        ("Milestones and ladder", state(MILESTONES, milestones)),
        ("Check-ins", state(TRENDS, trend_text)),
        ("Gratitude notes", state(GRATITUDE, _n(len(packet.gratitude), "note")
                                  if packet.gratitude else "")),
        ("Notes page", state(NOTES, "Ruled lines at the end" if packet.notes_lines else "")),
    ]


def _span(trend: PrintedTrend) -> str:
    days = [d for _, pts in trend.scales for d, _ in pts]
    unit = "week" if trend.period == WEEK else "month"
    count = max(len(pts) for _, pts in trend.scales)
    return f"{_n(count, unit)}, {long_date(min(days))} to {long_date(max(days))}"


def _averages(trends, width: float) -> list[Flowable]:
    """First and latest averages with the change in plain words, not judged: on some scales
    (stress) lower is the better direction, and the therapist reads them with the couple."""
    rows = [[paragraph(t, "column") for t in ("Who", "Scale", "First", "Latest", "Change")]]
    for trend in trends:
        for title, pts in trend.scales:
            if not pts:
                continue
            first, latest = pts[0][1], pts[-1][1]
            rows.append([paragraph(trend.who, "option"), paragraph(title, "option"),
                         paragraph(f"{first:.1f}", "option"), paragraph(f"{latest:.1f}", "option"),
                         paragraph(_change(first, latest, len(pts)), "option")])
    return [_table(rows, width, (0.22, 0.22, 0.14, 0.14, 0.28), header=True),
            paragraph(f"Averages on a scale of {trends[0].low} to {trends[0].high}; the charts "
                      "follow under Check-in trends.", "help")]


def _change(first: float, latest: float, points: int) -> str:
    if points < 2:
        return "one period only"
    diff = latest - first
    if abs(diff) < 0.5:
        return "about the same"
    return f"{'up' if diff > 0 else 'down'} {abs(diff):.1f}"


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


# -- milestones and the ladder ------------------------------------------------------------------
def milestones_and_ladder(packet: Packet, width: float) -> list[Flowable]:
    if MILESTONES not in packet.sections or not (packet.milestones or packet.ladder):
        return []  # the summary says "none recorded in this period": no page for nothing
    story: list[Flowable] = [paragraph("Milestones and the ladder", "chapter_title"),
                             paragraph("Milestones", "worksheet_title")]
    if packet.milestones:
        rows = [[paragraph(t, "column") for t in ("Milestone", "Whose", "State", "Date")]]
        rows += [[paragraph(m.title, "option"), paragraph(m.whose, "option"),
                  paragraph(m.state, "option"), paragraph(long_date(m.day), "option")]
                 for m in packet.milestones]
        story.append(_table(rows, width, (0.44, 0.15, 0.17, 0.24), header=True))
        if any(m.whose == "Not recorded" for m in packet.milestones):
            story.append(paragraph("“Not recorded”: added before the workbook asked whose a "
                                   "milestone is.", "help"))
    else:
        story.append(paragraph(NONE_RECORDED + ".", "option"))
    story += [Spacer(1, 10), paragraph("Consent ladder", "worksheet_title")]
    if not packet.ladder:
        return story + [paragraph("No steps on the ladder yet.", "option")]
    number = {title: n for n, (title, _) in enumerate(packet.ladder, 1)}
    rows = [[paragraph(t, "column") for t in ("No.", "Step", "Where it stands")]]
    rows += [[paragraph(f"{n}.", "option"), paragraph(title, "option"),
              paragraph(state, "option")] for n, (title, state) in enumerate(packet.ladder, 1)]
    story.append(_table(rows, width, (0.08, 0.62, 0.3), header=True))
    heading = paragraph("Changes on the ladder in this period", "heading")
    if not packet.ladder_events:
        return story + [Spacer(1, 10), KeepTogether([heading,
                                                     paragraph(NONE_RECORDED + ".", "option")])]
    rows = [[paragraph(t, "column") for t in ("Date", "No.", "Step", "Change")]]
    rows += [[paragraph(long_date(e.day), "option"),
              paragraph(f"{number[e.step]}." if e.step in number else "", "option"),
              paragraph(e.step, "option"), paragraph(e.change, "option")]
             for e in packet.ladder_events]
    # The heading travels with the table (or its first rows, when it runs on).
    table = _table(rows, width, (0.23, 0.07, 0.52, 0.18), header=True)
    return story + [Spacer(1, 10), CondPageBreak(90), heading, table]


def _table(rows, width: float, fractions, header: bool = False) -> Table:
    table = Table(rows, colWidths=[width * f for f in fractions], repeatRows=1 if header else 0,
                  hAlign="LEFT")
    style: list[tuple] = [*_CELL_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
             ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
             ("LEFTPADDING", (0, 0), (-1, -1), 4)]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), TINT))
    table.setStyle(TableStyle(style))
    return table
