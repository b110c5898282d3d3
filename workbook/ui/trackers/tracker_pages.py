"""Builds the tracker pages (milestones and ladder, check-ins, gratitude, search, export) with
their services, and opens a search result's entry, so the shell needs only a few lines for them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from workbook.accounts import WorkbookService
from workbook.ui.common.prompts import Prompts

if TYPE_CHECKING:
    from workbook.content.model import Content
    from workbook.search import Target
    from workbook.ui.common.clock import Clock
    from workbook.ui.trackers.gratitude_page import GratitudePage
    from workbook.ui.trackers.reminder import Tray


def gratitude_page(service: WorkbookService, content: Content, clock: Clock,
                   tray: Tray | None) -> GratitudePage:
    """Built with the shell, not on first visit: its daily reminder shows on every page."""
    from workbook.trackers.gratitude import GratitudeService
    from workbook.ui.trackers.gratitude_page import GratitudePage
    return GratitudePage(service, GratitudeService(service), content, clock, tray)


def lazy_tracker_pages(service: WorkbookService, prompts: Prompts,
                       content: Content) -> dict[str, Callable[[], QWidget]]:
    """How to build the other tracker pages, keyed like their navigation entries; each one
    loads its modules only when first built (lazy_pages.py)."""

    def milestones() -> QWidget:
        from workbook.trackers.ladder import LadderService
        from workbook.trackers.milestones import MilestoneService
        from workbook.ui.trackers.milestones_page import MilestonesPage
        return MilestonesPage(service, MilestoneService(service), LadderService(service),
                              content, prompts)

    def checkins() -> QWidget:
        from workbook.trackers.checkins import CheckinService
        from workbook.ui.trackers.checkins_page import CheckinsPage
        return CheckinsPage(service, CheckinService(service, content.checkin_scales))

    def export() -> QWidget:
        from workbook.ui.export.export_page import ExportPage
        return ExportPage(service, content, prompts)

    def together() -> QWidget:
        from workbook.ui.together.build import together_page
        return together_page(service, content)

    def search() -> QWidget:
        from workbook.search import SearchService
        from workbook.ui.search.search_page import SearchPage
        return SearchPage(service, SearchService(service))

    return {"milestones": milestones, "checkins": checkins, "export": export, "search": search,
            "together": together}


def open_target(shell, target: Target) -> None:
    """Go to the section a search result came from, then to the entry itself there."""
    if target.section == "chapters":
        shell.continue_chapter(target.ref)
        shell.chapters.reader.show_worksheet(target.detail)
        return
    shell.show_section(target.section)
    page = shell.trackers[target.section]
    if target.section == "milestones":
        page.open_milestone(int(target.ref))
    else:  # gratitude and check-ins open on the entry's day
        page.open_day(dt.date.fromisoformat(target.ref))
