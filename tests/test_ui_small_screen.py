"""Issue 17, item 6: at 800×600 every tracker page and Settings fit the width (no sideways
scrolling, no button cut off), chart dates never overlap, and a drop-down shows all its items.
The app's own style sheet and font are applied, as in the real app, since they set the sizes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
)
from support.tracker_pages import join, open_page
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO
from support.window import click, open_window, unlock

from workbook.ui.common.calm_style import CalmStyle
from workbook.ui.common.theme import LIGHT, style_sheet
from workbook.ui.trackers.trend_chart import Series, TrendChart


@pytest.fixture
def themed():
    app = QApplication.instance()
    old_sheet, old_font, old_style = app.styleSheet(), app.font(), app.style().name()
    font = app.font()
    font.setPointSizeF(max(font.pointSizeF(), 10.5))
    app.setFont(font)
    app.setStyle(CalmStyle())
    app.setStyleSheet(style_sheet(LIGHT))
    yield
    app.setStyleSheet(old_sheet)
    app.setStyle(old_style)
    app.setFont(old_font)


def settle() -> None:
    for _ in range(6):
        QApplication.processEvents()


def clipped_buttons(page) -> list[str]:
    """Buttons on the page whose right edge lies beyond the visible width of the page."""
    scroll = page.findChild(QScrollArea)
    viewport = scroll.viewport()
    cut = []
    for button in page.findChildren(QAbstractButton):
        if button.isVisibleTo(page) and button.width() > 0:
            right = button.mapTo(viewport, button.rect().topRight()).x()
            if right > viewport.width():
                cut.append(button.text() or button.accessibleName())
    return cut


@pytest.mark.parametrize("section", ["milestones", "checkins", "gratitude", "settings"])
def test_sections_fit_800_by_600(qtbot, vault_two, app_paths, themed, section):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    join(qtbot, window, PASSPHRASE_TWO)
    window.resize(800, 600)
    page = open_page(window, "milestones")
    page.form.title.setText("A walk after dinner")
    click(qtbot, page.add_button)
    click(qtbot, page.state_buttons["reached"])  # the reached day appears
    window.shell.show_section(section)
    page = window.shell.pages.currentWidget()
    settle()
    scroll = page.findChild(QScrollArea)
    assert not scroll.horizontalScrollBar().isVisible()
    assert scroll.widget().width() <= scroll.viewport().width()
    assert clipped_buttons(page) == []


def test_milestone_columns_stack_when_narrow_and_sit_side_by_side_when_wide(
        qtbot, vault_one, app_paths, themed):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.resize(800, 600)
    page = open_page(window, "milestones")
    settle()
    assert page.columns.stacked()
    assert page.form.mapTo(page, page.form.rect().topLeft()).y() > \
        page.details.mapTo(page, page.details.rect().bottomLeft()).y() - 1
    window.resize(1400, 900)
    settle()
    assert not page.columns.stacked()


def test_chart_dates_never_overlap(qtbot, themed):
    chart = TrendChart()
    qtbot.addWidget(chart)
    start = dt.date(2016, 1, 4)
    points = tuple((start + dt.timedelta(days=30 * i), 5.0) for i in range(120))
    chart.set_series([Series("Safe", points)])
    for width in (300, 420, 560, 900):
        chart.resize(width, 240)
        rect = QRectF(48, 10, width - 60, 180)
        boxes = chart.date_labels(rect, points[0][0], points[-1][0])
        assert len(boxes) >= 2 or width < 400
        lefts = [b.left() for b, _ in boxes]
        assert lefts == sorted(lefts)
        for (a, _), (b, _) in zip(boxes, boxes[1:], strict=False):
            assert a.right() < b.left(), (width, boxes)
        assert all(chart.fontMetrics().horizontalAdvance(t) <= b.width() for b, t in boxes)
        assert all("2016" in t or "20" in t for _, t in boxes)  # long spans show years


def test_the_period_drop_down_shows_every_choice(qtbot, vault_one, app_paths, themed):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    page = open_page(window, "checkins")
    combo: QComboBox = page.range
    # A list below the box, not Fusion's popup laid over it (which lost half an item to its
    # scroll arrows on a real screen).
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    assert not combo.style().styleHint(QStyle.StyleHint.SH_ComboBox_Popup, option, combo)
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    last = view.visualRect(combo.model().index(combo.count() - 1, 0))
    combo.hidePopup()
    assert last.bottom() <= view.viewport().height()


def test_a_first_window_fits_a_small_screen(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)  # fresh settings: no remembered size
    room = window.screen().availableGeometry()
    assert window.width() <= room.width() and window.height() <= room.height()
