"""'Writing as': when both partners sit together, each tracker page asks whose entry this is.
With one partner present it is hidden, and that partner is always the one writing."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from workbook.accounts import WorkbookService
from workbook.errors import NotPresent
from workbook.ui.common.wheel_guard import wheel_only_when_focused
from workbook.ui.common.widgets import form_label


class PartnerPicker(QWidget):
    changed = Signal()

    def __init__(self, service: WorkbookService, label: str = "Writing as:"):
        super().__init__()
        self._service = service
        self.combo = wheel_only_when_focused(QComboBox())
        self.combo.setAccessibleName(label.rstrip(":"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(form_label(label, self.combo))
        row.addWidget(self.combo)
        row.addStretch(1)
        self.combo.currentIndexChanged.connect(lambda _: self.changed.emit())

    def refresh(self) -> None:
        present = self._service.present_partners() if self._service.is_unlocked else []
        keep = self.current_id()
        self.combo.blockSignals(True)
        self.combo.clear()
        for partner in present:
            self.combo.addItem(partner.name, partner.id)
        index = self.combo.findData(keep)
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        self.setVisible(len(present) > 1)

    def current_id(self) -> str | None:
        return self.combo.currentData()

    def chosen_id(self) -> str:
        """The partner writing; NotPresent (a calm message) when there is none, as after locking."""
        partner = self.current_id()
        if partner is None:
            raise NotPresent()
        return partner

    def current_name(self) -> str:
        return self.combo.currentText()

    def other_name(self) -> str | None:
        """The other partner's name (present or not), for 'share with …' wording."""
        others = [p.name for p in self._service.partners() if p.id != self.current_id()]
        return others[0] if others else None

    def other_id(self) -> str | None:
        others = [p.id for p in self._service.partners() if p.id != self.current_id()]
        return others[0] if others else None

    def clear(self) -> None:
        self.combo.clear()
