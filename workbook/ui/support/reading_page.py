"""The introduction and Support and safety as pages to read. Their text comes from the content
folder (00-introduction.toml, support.toml); nothing here is personal, so the same page serves
the open workbook (the Support section, F1, a content note's link, Home's "Start here") and the
screens before unlocking, where someone in distress must find help without a passphrase."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from workbook.changes import Change
from workbook.content.model import Content
from workbook.content.model import Page as ContentPage
from workbook.ui.common.widgets import (
    Page,
    button_row,
    clear_layout,
    link_button,
    plain_label,
)

INTRODUCTION, SUPPORT = "introduction", "support"
TITLES = {INTRODUCTION: "Introduction", SUPPORT: "Support and safety"}
MISSING = ("This page could not be loaded. If you need help right now, please call your local "
           "emergency number or a crisis line in your country.")
BULLET = "•"


class ReadingPage(Page):
    """Shows one of the two pages, with a link to the other. `back` is offered only where the
    page was opened over another screen (before unlocking)."""

    back = Signal()
    follows = Change(0)  # the same words for everyone, whatever was written

    def __init__(self, content: Content, with_back: bool = False):
        super().__init__()
        self._content = content
        self.page_id = SUPPORT
        self.setAccessibleName("Support and safety")
        self.back_button = link_button("← Back", "Back to where you were")
        self.back_button.clicked.connect(self.back)
        self.other_button = link_button("")
        self.other_button.clicked.connect(self._show_other)
        self.body.addLayout(button_row(self.back_button, self.other_button, align_left=True))
        self.back_button.setVisible(with_back)  # once it has a parent: never a window of its own
        self.title = plain_label(role="heading")
        self.summary = plain_label(role="muted")
        self.body.addWidget(self.title)
        self.body.addWidget(self.summary)
        holder = QWidget()
        self.sections_layout = QVBoxLayout(holder)
        self.sections_layout.setContentsMargins(0, 0, 0, 0)
        self.sections_layout.setSpacing(12)
        self.body.addWidget(holder)
        self.finish()
        self.show_page(SUPPORT)

    def show_page(self, page_id: str) -> None:
        self.page_id = page_id
        other = INTRODUCTION if page_id == SUPPORT else SUPPORT
        self.other_button.setText(f"{TITLES[other]} →")
        self.other_button.setAccessibleName(f"Open {TITLES[other]}")
        self.setAccessibleName(TITLES[page_id])
        clear_layout(self.sections_layout)
        page = self._page(page_id)
        if page is None:
            self.title.setText(TITLES[page_id])
            self.summary.setText("")
            self.sections_layout.addWidget(plain_label(MISSING))
            return
        self.title.setText(page.title)
        self.summary.setText(page.summary)
        self.summary.setVisible(bool(page.summary))
        for section in page.sections:
            self._add_section(section)
        for layout in (self.sections_layout, self.body, self.content().layout()):
            if layout is not None:
                layout.activate()  # laid out now, inner to outer: the page is whole when it returns
        self._scroll.verticalScrollBar().setValue(0)

    def _page(self, page_id: str) -> ContentPage | None:
        try:
            return self._content.page(page_id)
        except KeyError:  # a damaged content file is skipped by the loader
            return None

    def _add_section(self, section) -> None:
        labels = [plain_label(section.title, role="subheading")] if section.title else []
        labels += [plain_label(paragraph) for paragraph in section.paragraphs]
        for point in section.points:
            label = plain_label(f"{BULLET}  {' '.join(point.split())}")
            label.setAccessibleName(" ".join(point.split()))
            label.setContentsMargins(14, 0, 0, 0)
            labels.append(label)
        if section.title:
            self.sections_layout.addSpacing(8)
        for label in labels:
            # Selectable with the mouse (to copy a service's name), but no tab stop per paragraph
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.sections_layout.addWidget(label)
            label.show()  # now, not from the event loop: the page is whole when it returns

    def _show_other(self) -> None:
        self.show_page(INTRODUCTION if self.page_id == SUPPORT else SUPPORT)
        self.other_button.setFocus()

    def refresh(self, changes: Change = Change.EVERYTHING) -> None:
        """Nothing here depends on the workbook's entries (page_changes.py)."""

    def clear(self) -> None:
        """Nothing personal is shown here; only typed fields would need forgetting."""
        super().clear()
