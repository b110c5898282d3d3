"""The mouse wheel scrolls the page instead of changing the slider, list or date under the
pointer, unless that control has been clicked or tabbed to first."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QSlider

from workbook.ui.common.wheel_guard import wheel_only_when_focused
from workbook.ui.common.widgets import Page


def _wheel_down(widget) -> bool:
    """Returns whether the widget kept the event. One it leaves unaccepted goes on to the page
    behind (for real, spontaneous wheel events; Qt does not pass on synthesised ones)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def _page_with(qtbot, *controls):
    page = Page()
    for control in controls:
        page.body.addWidget(control)
    page.body.addSpacing(3000)  # taller than the window, so the page can scroll
    page.finish()
    qtbot.addWidget(page)
    page.resize(500, 400)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_the_wheel_passes_over_an_unfocused_slider_and_list(qtbot):
    slider = wheel_only_when_focused(QSlider(Qt.Orientation.Horizontal))
    slider.setRange(0, 10)
    slider.setValue(5)
    combo = wheel_only_when_focused(QComboBox())
    combo.addItems(["one", "two", "three"])
    page = _page_with(qtbot, slider, combo)  # kept: the page owns the controls
    assert not _wheel_down(slider) and not _wheel_down(combo)  # left for the page to scroll
    assert slider.value() == 5 and combo.currentIndex() == 0 and page.isVisible()


def test_a_focused_slider_takes_the_wheel(qtbot):
    slider = wheel_only_when_focused(QSlider(Qt.Orientation.Horizontal))
    slider.setRange(0, 10)
    slider.setValue(5)
    page = _page_with(qtbot, slider)
    assert slider.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel alone gives no focus
    page.activateWindow()
    slider.setFocus()
    qtbot.waitUntil(slider.hasFocus)
    assert _wheel_down(slider)
    assert slider.value() != 5
