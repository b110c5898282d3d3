"""The session packet: what a client chooses to print for a therapy session, gathered from the
vault into plain Python objects that the PDF builder (workbook/export/packet.py) lays out.

Privacy rules, enforced here and nowhere else (the builder prints whatever it is given):
- Only partners who are unlocked in this session ("present") can be included. An absent
  partner's private file is closed and its key is not in memory, and their shared answers are
  left out too: printing someone's words needs them in the room.
- A private (unshared) answer is included only when its owner is present AND it was ticked one
  by one (`PacketRequest.private_keys`). Shared answers of chosen, present partners are included.
- Check-in numbers and gratitude entries are the present partner's own; check-in notes are
  never printed. Ladder readiness (private by design) is never printed, only the shared state.

Everything is gathered on the calling thread: SQLite connections belong to the thread that
opened them, so the UI gathers first and hands the frozen `Packet` to a worker to lay out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbook.accounts import WorkbookService
from workbook.answers import AnswerKey, AnswerService
from workbook.content.model import Content, Field
from workbook.dates import full_date
from workbook.errors import NotPresent
from workbook.field_kinds import is_answered_text, kind_of
from workbook.trackers.checkins import MONTH, WEEK, CheckinService
from workbook.trackers.gratitude import GratitudeService
from workbook.trackers.ladder import OPENED, PAUSED_EVENT, STEPPED_BACK, LadderService
from workbook.trackers.milestones import IN_PROGRESS, REACHED, STATE_WORDS, MilestoneService

ANSWERS, MILESTONES, TRENDS, GRATITUDE, QUESTIONS, NOTES = (
    "answers", "milestones", "trends", "gratitude", "questions", "notes")
CONVERSATIONS = "conversations"  # Together records both partners kept; only by choice
SECTIONS = (ANSWERS, MILESTONES, TRENDS, GRATITUDE, CONVERSATIONS, QUESTIONS, NOTES)
NAMES, INITIALS, NO_NAMES = "names", "initials", "none"
MAX_GRATITUDE = 50
_NEUTRAL_EVENTS = {OPENED: "opened", PAUSED_EVENT: "paused", STEPPED_BACK: "stepped back"}
_SCAN = 2000  # how many recent gratitude entries are searched for the date range


@dataclass(frozen=True)
class PacketRequest:
    """What the person chose on the Print & export screen (or on the command line)."""

    partner_ids: tuple[str, ...]
    chapter_ids: tuple[str, ...] | None = None  # None: every chapter
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sections: frozenset[str] = frozenset(SECTIONS) - {QUESTIONS, CONVERSATIONS}
    private_keys: frozenset[tuple[str, AnswerKey]] = frozenset()  # (owner id, field) ticked
    questions: str = ""
    names: str = NO_NAMES
    gratitude_count: int = 5
    notes_lines: int = 12

    def __repr__(self) -> str:  # the questions are the person's own words: never in a log
        return f"PacketRequest(partners={len(self.partner_ids)}, <hidden>)"


@dataclass(frozen=True)
class AnswerChoice:
    """An answer that could go into the packet; `private` ones need a tick to be included."""

    owner_id: str
    owner_name: str
    key: AnswerKey
    private: bool


@dataclass(frozen=True)
class PrintedAnswer:
    who: str  # "Alex", "A.", or "Partner 1"
    field: Field
    value: object  # decoded (field_kinds.py)
    private: bool


@dataclass(frozen=True)
class PrintedWorksheet:
    chapter_number: int
    chapter_title: str
    title: str
    questions: tuple[tuple[Field, tuple[PrintedAnswer, ...]], ...]
    # Each question's number on the blank sheet (1 = the sheet's first field), so the numbers
    # in a packet match the paper a couple filled in; empty: numbered 1, 2, 3 as printed.
    numbers: tuple[int, ...] = ()

    def numbered(self):
        """(number, field, answers) for each printed question."""
        numbers = self.numbers or range(1, len(self.questions) + 1)
        return [(n, f, a) for n, (f, a) in zip(numbers, self.questions, strict=True)]


@dataclass(frozen=True)
class PrintedTrend:
    who: str
    period: str  # WEEK or MONTH
    scales: tuple[tuple[str, tuple[tuple[dt.date, float], ...]], ...]  # (title, points)
    low: int = 0
    high: int = 10


@dataclass(frozen=True)
class PrintedMilestone:
    title: str
    whose: str  # "Both of you", a partner's name, or "Not recorded" (MilestoneService.whose)
    state: str  # state words: "Reached", "In progress"
    day: dt.date | None  # reached on, or started on


@dataclass(frozen=True)
class PrintedLadderEvent:
    day: dt.date
    step: str
    change: str  # neutral words: "opened", "paused", "stepped back"


@dataclass(frozen=True)
class Packet:
    """Everything to print, as plain values. Safe to hand to another thread."""

    sections: frozenset[str]
    label: str
    period_text: str
    worksheets: tuple[PrintedWorksheet, ...] = ()
    milestones: tuple[PrintedMilestone, ...] = ()
    ladder: tuple[tuple[str, str], ...] = ()  # (step title, state words)
    ladder_events: tuple[PrintedLadderEvent, ...] = ()
    trends: tuple[PrintedTrend, ...] = ()
    gratitude: tuple[tuple[str, dt.date, str], ...] = ()  # (who, day, text)
    conversations: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (heading, "who: line"s)
    questions: str = ""
    notes_lines: int = 0

    def __repr__(self) -> str:
        return f"Packet(worksheets={len(self.worksheets)}, <hidden>)"


def who_label(name: str, position: int, names: str) -> str:
    if names == NAMES:
        return name
    if names == INITIALS:
        return f"{name[:1].upper()}."
    return f"Partner {position}"


class PacketService:
    def __init__(self, workbook: WorkbookService, content: Content,
                 today=dt.date.today):
        self.workbook = workbook
        self.content = content
        self.today = today
        self.answers = AnswerService(workbook)

    # -- what may be chosen -------------------------------------------------------------------
    def choosable_partners(self):
        """Only partners who are here: the only ones whose words may be printed."""
        return self.workbook.present_partners()

    def answer_choices(self, partner_ids, chapter_ids=None) -> list[AnswerChoice]:
        """Answered fields of the chosen present partners, in content order."""
        names = {p.id: p.name for p in self.choosable_partners()}
        choices = []
        for owner in partner_ids:
            if owner not in names:
                continue
            mine = self.answers.all_answers(owner)
            shared = {k for (o, k) in self.answers.shared_in_chapter(None) if o == owner}
            for key, fld in self._fields(chapter_ids):
                if _answered(fld, mine.get(key)):
                    choices.append(AnswerChoice(owner, names[owner], key, key not in shared))
        return choices

    def _fields(self, chapter_ids):
        wanted = None if chapter_ids is None else set(chapter_ids)
        for chapter in self.content.chapters:
            if wanted is not None and chapter.id not in wanted:
                continue
            for sheet in chapter.worksheets:
                for fld in sheet.fields:
                    yield AnswerKey(chapter.id, sheet.id, fld.id), fld

    # -- gathering ----------------------------------------------------------------------------
    def gather(self, request: PacketRequest) -> Packet:
        present = {p.id: p for p in self.choosable_partners()}
        absent = [pid for pid in request.partner_ids if pid not in present]
        if absent or not request.partner_ids:
            raise NotPresent("Only partners who are here (unlocked) can be included.")
        order = {p.id: i for i, p in enumerate(self.workbook.partners(), 1)}
        who = {pid: who_label(present[pid].name, order[pid], request.names)
               for pid in request.partner_ids}
        wants = request.sections
        return Packet(
            sections=frozenset(wants), label=self._label(request, who),
            period_text=_period_text(request.date_from, request.date_to),
            worksheets=self._worksheets(request, who) if ANSWERS in wants else (),
            milestones=self._milestones(request, order) if MILESTONES in wants else (),
            ladder=self._ladder(request) if MILESTONES in wants else (),
            ladder_events=self._ladder_events(request) if MILESTONES in wants else (),
            trends=self._trends(request, who) if TRENDS in wants else (),
            gratitude=self._gratitude(request, who) if GRATITUDE in wants else (),
            conversations=self._conversations(request, who) if CONVERSATIONS in wants else (),
            questions=request.questions.strip() if QUESTIONS in wants else "",
            notes_lines=request.notes_lines if NOTES in wants else 0)

    @staticmethod
    def _label(request: PacketRequest, who: dict[str, str]) -> str:
        if request.names == NO_NAMES:
            return "Session pages"
        return " and ".join(who[pid] for pid in request.partner_ids)

    def _worksheets(self, request, who) -> tuple[PrintedWorksheet, ...]:
        ticked = request.private_keys
        chosen = {(c.owner_id, c.key): c for c in
                  self.answer_choices(request.partner_ids, request.chapter_ids)
                  if not c.private or (c.owner_id, c.key) in ticked}
        stored = {pid: self.answers.all_answers(pid) for pid in request.partner_ids}
        sheets = []
        wanted = request.chapter_ids
        for chapter in self.content.chapters:
            if wanted is not None and chapter.id not in wanted:
                continue
            for sheet in chapter.worksheets:
                questions, numbers = [], []
                for number, fld in enumerate(sheet.fields, 1):
                    key = AnswerKey(chapter.id, sheet.id, fld.id)
                    printed = tuple(
                        PrintedAnswer(who[pid], fld, kind_of(fld).decode(fld, stored[pid][key]),
                                      chosen[(pid, key)].private)
                        for pid in request.partner_ids if (pid, key) in chosen)
                    if printed:
                        questions.append((fld, printed))
                        numbers.append(number)
                if questions:
                    sheets.append(PrintedWorksheet(chapter.number, chapter.title, sheet.title,
                                                   tuple(questions), tuple(numbers)))
        return tuple(sheets)

    def _milestones(self, request, order: dict[str, int]) -> tuple[PrintedMilestone, ...]:
        """Milestones reached in the period, and those in progress that had started by its
        end, of the chosen chapters (the couple's own, chapterless ones only with every
        chapter); reached ones first, newest first."""
        service = MilestoneService(self.workbook)
        rows = service.page(0, 10_000)
        # whose, written as the header names them (a name, an initial, or "Partner 1")
        who = {p.id: who_label(p.name, order[p.id], request.names)
               for p in self.workbook.partners()}

        def whose(m) -> str:
            return who[m.owner] if m.owner in who else service.whose(m)

        wanted = None if request.chapter_ids is None else set(request.chapter_ids)
        reached, going = [], []
        for m in rows:
            if wanted is not None and m.chapter_id not in wanted:
                continue
            if m.state == REACHED and _in_range(m.reached_on, request):
                reached.append(PrintedMilestone(m.title, whose(m), STATE_WORDS[REACHED],
                                                _day(m.reached_on)))
            elif m.state == IN_PROGRESS and _started_by_end(m.started_on, request):
                going.append(PrintedMilestone(m.title, whose(m),
                                              STATE_WORDS[IN_PROGRESS], _day(m.started_on)))
        reached.sort(key=lambda m: m.day or dt.date.min, reverse=True)
        return tuple(reached + going)

    def _ladder(self, request) -> tuple[tuple[str, str], ...]:
        viewer = request.partner_ids[0]
        words = {"waiting": "Not open yet", "open": "Open", "paused": "Paused for now"}
        return tuple((s.title, words.get(s.state, s.state))
                     for s in LadderService(self.workbook).steps(viewer))

    def _ladder_events(self, request) -> tuple[PrintedLadderEvent, ...]:
        events = LadderService(self.workbook).events(limit=200)
        return tuple(PrintedLadderEvent(dt.date.fromisoformat(e.day[:10]), e.title,
                                        _NEUTRAL_EVENTS.get(e.event, ""))
                     for e in events if _in_range(e.day, request))

    def _trends(self, request, who) -> tuple[PrintedTrend, ...]:
        scales = self.content.checkin_scales
        service = CheckinService(self.workbook, scales)
        start = request.date_from
        end = request.date_to or self.today()
        period = WEEK if start and (end - start).days <= 200 else MONTH
        trends = []
        for pid in request.partner_ids:
            points = [p for p in service.trend(pid, pid, period, start) if p.start <= end]
            series = tuple((s.title, tuple((p.start, p.averages[s.id]) for p in points
                                           if s.id in p.averages)) for s in scales)
            if any(pts for _, pts in series):
                trends.append(PrintedTrend(who[pid], period, series, scales[0].min,
                                           scales[0].max))
        return tuple(trends)

    def _gratitude(self, request, who) -> tuple[tuple[str, dt.date, str], ...]:
        service = GratitudeService(self.workbook)
        count = max(0, min(request.gratitude_count, MAX_GRATITUDE))
        notes = []
        for pid in request.partner_ids:
            found = [e for e in service.page(pid, 0, _SCAN)
                     if _in_range(e.day.isoformat(), request)]
            for entry in found[:count]:
                text = "\n".join(t for t in (entry.grateful, entry.appreciation) if t.strip())
                notes.append((who[pid], entry.day, text))
        return tuple(notes)

    def _conversations(self, request, who) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Kept Together records in the date range, with the shared lines of the chosen
        partners and the lines written together; an unchosen partner's lines are left out."""
        from workbook.together.script import ScriptError, load_script
        from workbook.together.service import REPAIR, TURNS, WEEKLY, TogetherService
        try:
            script = load_script()
            titles = {TURNS: script.turns.title, WEEKLY: script.weekly.title,
                      REPAIR: script.repair.title}
        except ScriptError:
            titles = {}
        printed = []
        for record in TogetherService(self.workbook).records(0, 1000):
            talk = record.conversation
            if not _in_range(talk.started_on.isoformat(), request):
                continue
            lines = tuple(f"{who[x.partner_id] if x.partner_id else 'Together'}: {x.text}"
                          for x in record.lines if not x.partner_id or x.partner_id in who)
            heading = " · ".join(filter(None, (printed_day(talk.started_on),
                                               titles.get(talk.kind, talk.kind), talk.topic)))
            printed.append((heading, lines))
        return tuple(reversed(printed))  # oldest first, as a story


def printed_day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _answered(fld: Field, text: str | None) -> bool:
    # A value that no longer fits its field is not printed rather than guessed.
    return is_answered_text(fld, text)


def _day(day: str | None) -> dt.date | None:
    return dt.date.fromisoformat(day[:10]) if day else None


def _started_by_end(day: str | None, request: PacketRequest) -> bool:
    started = _day(day)
    return request.date_to is None or (started is not None and started <= request.date_to)


def _in_range(day: str | None, request: PacketRequest) -> bool:
    if not day:
        return False
    when = dt.date.fromisoformat(day[:10])
    return ((request.date_from is None or when >= request.date_from)
            and (request.date_to is None or when <= request.date_to))


def _period_text(start: dt.date | None, end: dt.date | None) -> str:
    if start and end:
        return f"{full_date(start)} to {full_date(end)}"
    if start:
        return f"since {full_date(start)}"
    if end:
        return f"until {full_date(end)}"
    return "all dates"


def outline(packet: Packet) -> str:
    """A plain-text preview of what the PDF will hold, section by section (for the screen)."""
    lines = [f"Page 1: a neutral cover (no names), covering {packet.period_text}.",
             "Page 2: a summary of the period and of what each part holds."]
    for sheet in packet.worksheets:
        answers = sum(len(a) for _, a in sheet.questions)
        private = sum(x.private for _, a in sheet.questions for x in a)
        extra = f", {private} private" if private else ""
        lines.append(f"Chapter {sheet.chapter_number} · {sheet.title}: {answers} "
                     f"answer{'s' if answers != 1 else ''}{extra}")
    if packet.milestones or packet.ladder:
        lines.append(f"Milestones: {len(packet.milestones)}; ladder steps: {len(packet.ladder)}")
    for trend in packet.trends:
        points = max((len(p) for _, p in trend.scales), default=0)
        unit = trend.period if points == 1 else f"{trend.period}s"  # "1 week", "3 weeks"
        lines.append(f"Check-in trend for {trend.who}: {points} {unit}")
    if packet.gratitude:
        lines.append(f"Gratitude notes: {len(packet.gratitude)}")
    if packet.conversations:
        lines.append(f"Conversations we had: {len(packet.conversations)}")
    if packet.questions:
        lines.append("Questions to bring")
    if packet.notes_lines:
        lines.append("Lined space for notes from the session")
    if len(lines) == 2:
        lines.append("Nothing else chosen yet.")
    return "\n".join(lines)
