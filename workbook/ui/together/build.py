"""Builds the Together page with its services; a damaged words file becomes a calm page."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QWidget

from workbook.accounts import WorkbookService
from workbook.content.model import Content
from workbook.together.script import ScriptError, load_script
from workbook.ui.common.widgets import Page, plain_label

log = logging.getLogger(__name__)
BROKEN = ("This section cannot open: the file that holds its words is damaged or missing. "
          "Everything you wrote is safe. Reinstalling Couples Workbook should bring it back.")


def together_page(service: WorkbookService, content: Content) -> QWidget:
    from workbook.together.service import TogetherService
    from workbook.trackers.checkins import CheckinService
    from workbook.trackers.gratitude import GratitudeService
    from workbook.trackers.milestones import MilestoneService
    from workbook.ui.together.together_page import TogetherPage
    try:
        script = load_script()
    except ScriptError as error:
        log.warning("together words not loaded: %s", error)  # names a file, no user text
        return _broken_page()
    services = (TogetherService(service), GratitudeService(service),
                CheckinService(service, content.checkin_scales), MilestoneService(service))
    return TogetherPage(service, content, script, services)


class _BrokenPage(Page):
    """Together's place in the window when its words did not load: nothing to refresh."""

    key = "together"

    def refresh(self) -> None:
        pass

    def flush(self) -> None:
        pass

    def open_day(self, _day) -> None:
        pass


def _broken_page() -> QWidget:
    page = _BrokenPage()
    page.body.addWidget(plain_label("Together", role="heading"))
    page.body.addWidget(plain_label(BROKEN))
    page.finish()
    return page
