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
from workbook.changes import Change
from workbook.ui.chapters.chapters_page import ChaptersPage
from workbook.ui.common.clock import SYSTEM_CLOCK, Clock
from workbook.ui.common.lazy_pages import LazyPages
from workbook.ui.common.page_changes import ChangePage, PageChanges
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
    settings_built = Signal(object)  # SettingsPage: the main window adds its own cards to it

    def __init__(self, service: WorkbookService, prompts: Prompts, clock: Clock = SYSTEM_CLOCK,
                 tray: Tray | None = None):
        super().__init__()
        self._service = service
        self.setAccessibleName("Workbook")
        self.chapters = ChaptersPage(service)
        self.home = HomePage(service, self.chapters.answers, self.chapters.content)
        self._prompts = prompts
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
                self.gratitude = gratitude_page(service, self.chapters.content, clock, tray)
                self.trackers.add_built(key, self.gratitude)
            else:
                self.trackers.add(key, builders[key])
        # Settings and the introduction and help (F1) are built on their first visit, like the
        # trackers, not at unlock: Home is what unlocking shows (benchmarks/README.md).
        self._later = LazyPages(self.pages)
        self._add_nav(SETTINGS, "Settings")
        self._later.add(SETTINGS, self._build_settings)
        self._add_nav(SUPPORT, "Support")
        self._later.add(SUPPORT, lambda: ReadingPage(self.chapters.content))
        self.trackers.add("search", lambda: self._connect_search(builders["search"]()))
        self.reminder_banner = self.gratitude.reminder.banner
        self.reminder_banner.open_requested.connect(lambda: self.show_section("gratitude"))
        self.home.show_codes.connect(self.show_codes)
        self.home.join.joined.connect(lambda: self.nav.setFocus())  # the form that had it is gone
        self.home.continue_chapter.connect(self.continue_chapter)
        self.home.read.connect(self.show_reading)
        self.chapters.reader.support_requested.connect(lambda: self.show_reading(SUPPORT_PAGE))
        self._build()
        self._changes = PageChanges(self._built_pages, self.pages.currentWidget)
        self._clock = clock
        self._day = clock.now().date()
        self.nav.currentRowChanged.connect(self._on_row)
        self.nav.setCurrentRow(0)

    def _build_settings(self) -> SettingsPage:
        page = SettingsPage(self._service, self._prompts)
        page.show_codes.connect(self.show_codes)
        page.lock_requested.connect(self.lock_requested)
        self.settings_built.emit(page)
        return page  # drawn when first shown, from everything it follows (page_changes.py)

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
        for lazy in (self.trackers, self._later):
            if self._keys[row] in lazy:
                lazy[self._keys[row]]  # built on this first visit
        self.pages.setCurrentIndex(row)
        self.bring_up_to_date()
        self.page_changed.emit(self._keys[row])

    @property
    def settings(self) -> SettingsPage:
        return self._later[SETTINGS]

    @property
    def support(self) -> ReadingPage:
        return self._later[SUPPORT]

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
        self.bring_up_to_date()
        self.search_page.run(self.search.text())

    def show_row(self, row: int) -> None:
        self.nav.setCurrentRow(row)

    def show_section(self, key: str) -> None:
        if key in self._keys:
            self.show_row(self._keys.index(key))

    @property
    def current_key(self) -> str:
        search = self.trackers.peek("search")
        if search is not None and self.pages.indexOf(search) == self.pages.currentIndex():
            return search.key
        return self._keys[self.pages.currentIndex()]

    @property
    def keys(self) -> list[str]:
        return list(self._keys)

    # -- what changed (changes.py; ui/common/page_changes.py) --------------------------------------
    def _built_pages(self) -> list[ChangePage]:
        return [self.home, self.chapters, *self._later.built(), *self.trackers.built()]

    def refresh(self, changes: Change) -> None:
        """Something changed in the workbook (the window hands on every announcement): the
        header and the page on screen follow who is here at once, other pages when shown."""
        if changes & Change.WHO and self._service.is_unlocked:
            self._show_present()
        self._changes.changed(changes)

    def bring_up_to_date(self) -> None:
        """The page on screen redraws from whatever changed since it last did."""
        if not self._service.is_unlocked:
            return
        # "today" on the tracker pages moves on
        if (today := self._clock.now().date()) != self._day:
            self._day = today
            self._changes.changed(Change.DAY)
        self._show_present()
        built = {id(page): page for page in self._built_pages()}
        # None for the placeholder of a page still to be built
        if (page := built.get(id(self.pages.currentWidget()))) is not None:
            self._changes.shown(page)

    def _show_present(self) -> None:
        present = self._service.present_partners()
        self.present_label.setText(present_text([p.name for p in present]))

    def use_settings(self, settings) -> None:
        """UI state the pages remember (the gratitude reminder's on/off choice)."""
        self.gratitude.use_settings(settings)

    def flush(self) -> None:
        """Write every pending edit now (before locking or closing)."""
        self.chapters.flush()
        if (together := self.trackers.peek("together")) is not None:
            together.flush()  # a conversation's lines, typed in the last moment

    def clear(self) -> None:
        """Forget every name and everything typed (the workbook is being locked): the header
        here, and each page its own (a page that was never built has nothing to forget)."""
        self.present_label.clear()
        self.search.clear()
        self._changes.clear()
