"""Settings → Appearance: follow the system's light or dark look, or keep one. Kept per computer
as a number (theme.py: APPEARANCE_KEY), like every other setting, never as text."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton

from workbook.ui.common.theme import APPEARANCE_KEY, APPEARANCES, saved_appearance, use_appearance
from workbook.ui.common.widgets import Card

LABELS = {"system": "Follow the computer", "light": "Light", "dark": "Dark"}


class AppearanceCard(Card):
    def __init__(self, settings: QSettings):
        super().__init__("Appearance", "Light or dark: the computer's choice, or one you keep.")
        self._settings = settings
        self.group = QButtonGroup(self)
        row = QHBoxLayout()
        chosen = saved_appearance(settings)
        for number, name in enumerate(APPEARANCES):
            button = QRadioButton(LABELS[name])
            button.setChecked(name == chosen)
            self.group.addButton(button, number)
            row.addWidget(button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.group.idToggled.connect(self._chosen)

    def _chosen(self, number: int, on: bool) -> None:
        if on:
            self._settings.setValue(APPEARANCE_KEY, number)
            use_appearance(APPEARANCES[number])
