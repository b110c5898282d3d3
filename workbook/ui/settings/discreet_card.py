"""Settings → Privacy → Discreet mode (discreet.py): a plain title and icon for the window and
the taskbar, and plain names for files the app suggests. Explained honestly: it hides the name
from a glance, not from someone who looks closer."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout

from workbook.ui.common.discreet import NEUTRAL_TITLES, DiscreetMode
from workbook.ui.common.responsive import narrow_combo
from workbook.ui.common.wheel_guard import wheel_only_when_focused
from workbook.ui.common.widgets import Card, form_label

DISCREET_TEXT = (
    "On a computer others use too, the window and the taskbar can show a plain title and icon "
    "instead of this app's name, and backups you save get a plain name. This hides the name from "
    "a glance, not from someone who looks closer: the app's shortcut, the list of programs and "
    "its folders still say what it is. It changes nothing about how your entries are protected.")


class DiscreetCard(Card):
    def __init__(self, mode: DiscreetMode):
        super().__init__("Discreet mode", DISCREET_TEXT)
        self._mode = mode
        self.enabled = QCheckBox("Use a plain title and icon")
        self.title_choice = narrow_combo(wheel_only_when_focused(QComboBox()), 10)
        self.title_choice.setAccessibleName("Plain title")
        self.title_choice.addItems(NEUTRAL_TITLES)
        self.enabled.setChecked(mode.on)
        self.title_choice.setCurrentIndex(max(mode.title_index, 0))
        self.title_choice.setEnabled(mode.on)
        self.enabled.toggled.connect(self._chosen)
        self.title_choice.currentIndexChanged.connect(lambda _: self._chosen())
        row = QHBoxLayout()
        row.addWidget(form_label("Title:", self.title_choice))
        row.addWidget(self.title_choice)
        row.addStretch(1)
        self.body.addWidget(self.enabled)
        self.body.addLayout(row)

    def _chosen(self, *_args) -> None:
        on = self.enabled.isChecked()
        self.title_choice.setEnabled(on)
        self._mode.title_index = self.title_choice.currentIndex() if on else -1
