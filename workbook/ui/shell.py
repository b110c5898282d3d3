"""The open workbook: navigation on the left, a header saying who is present with a Lock
button, and one page per part of the workbook."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workbook import APP_NAME
from workbook.accounts import WorkbookService
from workbook.ui.chapters.chapters_page import ChaptersPage
from workbook.ui.common.clock import SYSTEM_CLOCK, Clock
from workbook.ui.common.lazy_pages import LazyPages
from workbook.ui.common.prompts import Prompts
from workbook.ui.common.widgets import plain_button, plain_label
from workbook.ui.home import HomePage
from workbook.ui.search.search_page import search_field
from workbook.ui.settings.settings_page import SettingsPage
from workbook.ui.support.reading_page import SUPPORT as SUPPORT_PAGE
from workbook.ui.support.reading_page import ReadingPage
from workbook.ui.trackers.tracker_pages import gratitude_page, lazy_tracker_pages, open_target

if TYPE_CHECKING:
    from workbook.ui.trackers.reminder import Tray

HOME, CHAPTERS, SETTINGS, SUPPORT = "home", "chapters", "settings", "support"
# In navigation order, between Chapters and Settings.
TRACKERS = (("together", "Together"), ("milestones", "Milestones"), ("checkins", "Check-ins"),
            ("gratitude", "Gratitude"), ("export", "Print & export"))


def present_text(names: list[str]) -> str:
    if len(names) == 1:
        return f"{names[0]} is here"
    return f"{' and '.join(names)} are here together"


class ShellPage(QWidget):
    lock_requested = Signal()
    hide_requested = Signal()  # lock and minimise at once (privacy.py: quick hide)
    show_codes = Signal(object)  # list[CodeToShow]
    page_changed = Signal(str)

    def __init__(self, service: WorkbookService, prompts: Prompts, clock: Clock = SYSTEM_CLOCK,
                 tray: Tray | None = None):
        super().__init__()
        self._service = service
        self.setAccessibleName("Workbook")
        self.chapters = ChaptersPage(service)
        self.home = HomePage(service, self.chapters.answers, self.chapters.content)
        self.settings = SettingsPage(service, prompts)
        self.pages = QStackedWidget()
        self.trackers = LazyPages(self.pages)  # built on first visit, but for gratitude's
        builders = lazy_tracker_pages(service, prompts, self.chapters.content)
        self.nav = QListWidget()
        self._keys: list[str] = []
        self._add_page(HOME, "Home", self.home)
        self._add_page(CHAPTERS, "Chapters", self.chapters)
        for key, title in TRACKERS:
            self._add_nav(key, title)
            if key == "gratitude":
                self.trackers.add_built(key, gratitude_page(service, self.chapters.content,
                                                          clock, tray))
            else:
                self.trackers.add(key, builders[key])
        self._add_page(SETTINGS, "Settings", self.settings)
        self.support = ReadingPage(self.chapters.content)  # the introduction, and help (F1)
        self._add_page(SUPPORT, "Support", self.support)
        self.trackers.add("search", lambda: self._connect_search(builders["search"]()))
        self.reminder_banner = self.trackers["gratitude"].reminder.banner
        self.reminder_banner.open_requested.connect(lambda: self.show_section("gratitude"))
        for page in (self.home, self.settings):
            page.show_codes.connect(self.show_codes)
        self.settings.lock_requested.connect(self.lock_requested)
        self.home.join.joined.connect(lambda: self.nav.setFocus())  # the form that had it is gone
        self.home.continue_chapter.connect(self.continue_chapter)
        self.home.read.connect(self.show_reading)
        self.chapters.reader.support_requested.connect(lambda: self.show_reading(SUPPORT_PAGE))
        self._build()
        self.nav.currentRowChanged.connect(self._on_row)
        self.nav.setCurrentRow(0)

    def _add_page(self, key: str, title: str, page: QWidget) -> None:
        self._add_nav(key, title)
        self.pages.addWidget(page)

    def _add_nav(self, key: str, title: str) -> None:
        number = len(self._keys) + 1
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, f"Ctrl+{number}")
        item.setToolTip(f"{title} (Ctrl+{number})")
        item.setSizeHint(QSize(0, 38))  # stylesheet padding does not reach the row height
        self.nav.addItem(item)
        self._keys.append(key)
        shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
        shortcut.activated.connect(lambda row=number - 1: self.show_row(row))

    def _build(self) -> None:
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName("Sections")
        self.nav.setAccessibleDescription(
            f"Use the arrow keys, or Ctrl+1 to Ctrl+{len(self._keys)}")
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        panel = QWidget()
        panel.setObjectName("navigationPanel")
        panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        panel.setFixedWidth(210)
        side = QVBoxLayout(panel)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(plain_label(APP_NAME, role="appname"))
        side.addWidget(self.nav, 1)
        self.present_label = plain_label(role="present")
        self.present_label.setAccessibleDescription("Who is here")  # read as what it shows
        self.lock_button = plain_button("Lock", "Lock the workbook")
        self.lock_button.setAccessibleDescription("Closes everything. Ctrl+L")
        self.lock_button.setToolTip("Lock the workbook (Ctrl+L)")
        self.lock_button.clicked.connect(self.lock_requested)
        self.hide_button = plain_button("Hide", "Lock and hide the window")
        self.hide_button.setAccessibleDescription("Locks and minimises at once. Ctrl+Shift+H")
        self.hide_button.setToolTip("Lock and hide the window (Ctrl+Shift+H)")
        self.hide_button.clicked.connect(self.hide_requested)
        header = QFrame()
        header.setProperty("role", "header")
        row = QHBoxLayout(header)
        row.setContentsMargins(24, 10, 16, 10)
        row.addWidget(self.present_label, 1)
        self.search = search_field()
        self.search.returnPressed.connect(self.show_search)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)  # Ctrl+F from anywhere
        row.addWidget(self.search)
        row.addWidget(self.lock_button)
        row.addWidget(self.hide_button)
        right = QVBoxLayout()
        right.setSpacing(0)
        right.addWidget(header)
        right.addWidget(self.reminder_banner)  # hidden until a reminder is due
        right.addWidget(self.pages, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(panel)
        layout.addLayout(right, 1)
        self.setTabOrder(self.nav, self.search)  # then Lock, then the page: reading order
        self.setTabOrder(self.search, self.lock_button)

    def show_reading(self, page_id: str) -> None:
        """The introduction or Support and safety, in the Support section."""
        self.show_section(SUPPORT)
        self.support.show_page(page_id)
        self.support.other_button.setFocus()
    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def continue_chapter(self, chapter_id: str) -> None:
        self.show_section(CHAPTERS)
        self.chapters.open_chapter(chapter_id)

    def _on_row(self, row: int) -> None:
        if row < 0:
            return
        if self.pages.currentWidget() is self.chapters and self._keys[row] != CHAPTERS:
            self.chapters.flush()  # leaving the chapters: write what was typed now
        if self._keys[row] in self.trackers:
            self.trackers[self._keys[row]]
        self.pages.setCurrentIndex(row)
        if self._keys[row] == HOME and self._service.is_unlocked:
            self.home.refresh()  # where you left off, and whether "Start here" still applies
        self._refresh_tracker()
        self.page_changed.emit(self._keys[row])

    def _refresh_tracker(self) -> None:
        """Tracker pages read the vault, so only the one on screen is brought up to date."""
        page = self.pages.currentWidget()
        if page in self.trackers.built() and self._service.is_unlocked:
            page.refresh()

    @property
    def search_page(self):
        """Reached from the header field, not the list; built on the first search."""
        return self.trackers["search"]

    def _connect_search(self, page):
        page.open_result.connect(lambda target: open_target(self, target))
        return page

    def show_search(self) -> None:
        self.nav.setCurrentRow(-1)  # no section is current, and any section can be chosen again
        self.pages.setCurrentWidget(self.search_page)
        self.search_page.run(self.search.text())

    def show_row(self, row: int) -> None:
        self.nav.setCurrentRow(row)

    def show_section(self, key: str) -> None:
        if key in self._keys:
            self.show_row(self._keys.index(key))

    @property
    def current_key(self) -> str:
        search = self.trackers.peek("search")
        if search is not None and self.pages.currentWidget() is search:
            return search.key
        return self._keys[self.pages.currentIndex()]

    @property
    def keys(self) -> list[str]:
        return list(self._keys)

    def refresh(self) -> None:
        if not self._service.is_unlocked:
            return
        present = self._service.present_partners()
        self.present_label.setText(present_text([p.name for p in present]))
        self.home.refresh()
        self.chapters.refresh()
        self.settings.refresh()
        self._refresh_tracker()

    def use_settings(self, settings) -> None:
        """UI state the pages remember (the gratitude reminder's on/off choice)."""
        self.trackers["gratitude"].use_settings(settings)

    def flush(self) -> None:
        """Write every pending edit now (before locking or closing)."""
        self.chapters.flush()
        if (together := self.trackers.peek("together")) is not None:
            together.flush()  # a conversation's lines, typed in the last moment

    def clear(self) -> None:
        """Forget every name and everything typed (the workbook is being locked)."""
        self.present_label.clear()
        self.search.clear()
        self.home.join.text.clear()
        for page in [self.home, self.chapters, self.settings, *self.trackers.built()]:
            page.clear()
        self.home.greeting.clear()
        self.home.join.close_form()
        self.home.invite.close_form()
        self.settings.invite.close_form()
        self.settings.who.clear()
