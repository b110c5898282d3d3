"""Builds the tracker pages (milestones and ladder, check-ins, gratitude, search) with their
services, and opens a search result's entry, so the shell needs only a few lines for them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from ..accounts import WorkbookService
from ..checkins import CheckinService
from ..content.loader import load_content
from ..gratitude import GratitudeService
from ..ladder import LadderService
from ..milestones import MilestoneService
from ..search import SearchService, Target
from .checkins_page import CheckinsPage
from .gratitude_page import GratitudePage
from .milestones_page import MilestonesPage
from .prompts import Prompts
from .search_page import SearchPage


def tracker_pages(service: WorkbookService, prompts: Prompts) -> dict[str, QWidget]:
    """Pages keyed like the navigation entries they replace."""
    content = load_content().content
    return {
        "milestones": MilestonesPage(service, MilestoneService(service), LadderService(service),
                                     content, prompts),
        "checkins": CheckinsPage(service, CheckinService(service, content.checkin_scales)),
        "gratitude": GratitudePage(service, GratitudeService(service), content),
    }


def search_page(service: WorkbookService) -> SearchPage:
    return SearchPage(service, SearchService(service))


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
