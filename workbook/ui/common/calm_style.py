"""Fusion with check box and radio button outlines that stay visible on a dark window."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory

from workbook.ui.common.theme import LIGHT


class CalmStyle(QProxyStyle):
    """Fusion outlines check boxes and radio buttons with a darker shade of the window colour,
    which disappears on a dark window. Give those outlines a visible, muted colour instead."""

    INDICATORS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
                  QStyle.PrimitiveElement.PE_IndicatorRadioButton)

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.outline_base = QColor(LIGHT.window)

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        if element in self.INDICATORS:
            option = type(option)(option)
            palette = QPalette(option.palette)
            palette.setColor(QPalette.ColorRole.Window, self.outline_base)
            option.palette = palette
        super().drawPrimitive(element, option, painter, widget)
