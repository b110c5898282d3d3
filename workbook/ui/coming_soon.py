"""One honest page for each part of the workbook that a later version builds."""

from __future__ import annotations

from dataclasses import dataclass

from .widgets import Card, Page, plain_label

LATER = ("This part of the workbook is coming in a later version. Nothing is missing: it will "
         "appear here, inside your encrypted workbook, when it is ready.")


@dataclass(frozen=True)
class Upcoming:
    key: str
    title: str
    holds: str


UPCOMING = [
    Upcoming("milestones", "Milestones",
             "Small steps worth noticing, from a first honest conversation to holding hands "
             "again. Mark them when they happen; there is no schedule and no score."),
    Upcoming("checkins", "Check-ins",
             "A short, gentle check-in on how each of you feels, such as closeness, safety and "
             "stress, so you can see how things move over weeks rather than judge a single day."),
    Upcoming("gratitude", "Gratitude",
             "A place for small thank-yous and things you appreciated about each other, to read "
             "back on harder days."),
    Upcoming("export", "Print & export",
             "Print a tidy packet for a therapy session (chosen worksheets, milestones reached, "
             "check-in trends, a few gratitude notes) or blank worksheets to fill in by hand. "
             "Printed pages and exported files are not encrypted, so you will always see exactly "
             "what is included first."),
]


class ComingSoonPage(Page):
    def __init__(self, upcoming: Upcoming):
        super().__init__()
        self.key = upcoming.key
        self.setAccessibleName(upcoming.title)
        self.setAccessibleDescription(LATER)
        self.body.addWidget(plain_label(upcoming.title, role="heading"))
        self.body.addWidget(plain_label(upcoming.holds))
        self.body.addWidget(Card("Coming in a later version", LATER))
        self.finish()
