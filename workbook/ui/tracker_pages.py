"""Builds the tracker pages (milestones and ladder, check-ins, gratitude, search) with their
services, so the shell needs only a couple of lines to include them."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..accounts import WorkbookService
from ..checkins import CheckinService
from ..content.loader import load_content
from ..gratitude import GratitudeService
from ..ladder import LadderService
from ..milestones import MilestoneService
from ..search import SearchService
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
