"""The open workbook: navigation on the left, a header saying who is present with a Lock
button, and one page per part of the workbook."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget,
                               QVBoxLayout, QWidget)

from .. import APP_NAME
from ..accounts import WorkbookService
from .chapters_page import ChaptersPage
from .coming_soon import UPCOMING, ComingSoonPage
from .home import HomePage
from .prompts import Prompts
from .settings_page import SettingsPage
from .widgets import plain_button, plain_label

HOME, CHAPTERS, SETTINGS = "home", "chapters", "settings"


def present_text(names: list[str]) -> str:
    if len(names) == 1:
        return f"{names[0]} is here"
    return f"{' and '.join(names)} are here together"


class ShellPage(QWidget):
    lock_requested = Signal()
    show_codes = Signal(object)  # list[CodeToShow]
    page_changed = Signal(str)

    def __init__(self, service: WorkbookService, prompts: Prompts):
        super().__init__()
        self._service = service
        self.setAccessibleName("Workbook")
        self.chapters = ChaptersPage(service)
        self.home = HomePage(service, self.chapters.answers, self.chapters.content)
        self.settings = SettingsPage(service, prompts)
        self.upcoming = [ComingSoonPage(u) for u in UPCOMING]
        self.pages = QStackedWidget()
        self.nav = QListWidget()
        self._keys: list[str] = []
        self._add_page(HOME, "Home", self.home)
        self._add_page(CHAPTERS, "Chapters", self.chapters)
        for page in self.upcoming:
            self._add_page(page.key, page.accessibleName(), page)
        self._add_page(SETTINGS, "Settings", self.settings)
        for page in (self.home, self.settings):
            page.show_codes.connect(self.show_codes)
        self.home.join.joined.connect(lambda: self.nav.setFocus())  # the form that had it is gone
        self.home.continue_chapter.connect(self.continue_chapter)
        self._build()
        self.nav.currentRowChanged.connect(self._on_row)
        self.nav.setCurrentRow(0)

    def _add_page(self, key: str, title: str, page: QWidget) -> None:
        number = len(self._keys) + 1
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, f"Ctrl+{number}")
        item.setToolTip(f"{title} (Ctrl+{number})")
        item.setSizeHint(QSize(0, 38))  # stylesheet padding does not reach the row height
        self.nav.addItem(item)
        self.pages.addWidget(page)
        self._keys.append(key)
        shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
        shortcut.activated.connect(lambda row=number - 1: self.show_row(row))

    def _build(self) -> None:
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName("Sections")
        self.nav.setAccessibleDescription("Use the arrow keys, or Ctrl+1 to Ctrl+7")
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
        self.present_label.setAccessibleName("Who is here")
        self.lock_button = plain_button("Lock", "Lock the workbook")
        self.lock_button.setAccessibleDescription("Closes everything. Ctrl+L")
        self.lock_button.setToolTip("Lock the workbook (Ctrl+L)")
        self.lock_button.clicked.connect(self.lock_requested)
        header = QFrame()
        header.setProperty("role", "header")
        row = QHBoxLayout(header)
        row.setContentsMargins(24, 10, 16, 10)
        row.addWidget(self.present_label, 1)
        row.addWidget(self.lock_button)
        right = QVBoxLayout()
        right.setSpacing(0)
        right.addWidget(header)
        right.addWidget(self.pages, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(panel)
        layout.addLayout(right, 1)
        self.setTabOrder(self.nav, self.lock_button)  # then the page: reading order

    def continue_chapter(self, chapter_id: str) -> None:
        self.show_section(CHAPTERS)
        self.chapters.open_chapter(chapter_id)

    def _on_row(self, row: int) -> None:
        if row < 0:
            return
        if self._keys[self.pages.currentIndex()] == CHAPTERS and self._keys[row] != CHAPTERS:
            self.chapters.flush()  # leaving the chapters: write what was typed now
        self.pages.setCurrentIndex(row)
        self.page_changed.emit(self._keys[row])

    def show_row(self, row: int) -> None:
        self.nav.setCurrentRow(row)

    def show_section(self, key: str) -> None:
        if key in self._keys:
            self.show_row(self._keys.index(key))

    @property
    def current_key(self) -> str:
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

    def flush(self) -> None:
        """Write every pending edit now (before locking or closing)."""
        self.chapters.flush()

    def clear(self) -> None:
        """Forget every name and everything typed (the workbook is being locked)."""
        self.present_label.clear()
        self.home.join.text.clear()
        for page in [self.home, self.chapters, self.settings, *self.upcoming]:
            page.clear()
        self.home.greeting.clear()
        self.home.join.close_form()
        self.home.invite.close_form()
        self.settings.invite.close_form()
        self.settings.who.clear()
