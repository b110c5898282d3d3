"""Issue 17, item 7: one date format on every tracker screen of a ten-year workbook. No ISO
dates, no abbreviated months, no zero-padded days in what the screens write (labels, lists,
tables, the chart's axis); every line of the long timeline carries its year."""

from __future__ import annotations

import random
import re

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QApplication, QLabel
from support.tracker_pages import join, open_page
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO
from support.window import open_window, unlock

from workbook.demo.trackers import fill_trackers

ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
SHORT_MONTH = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b")
PADDED_DAY = re.compile(r"\b0\d (January|February|March|April|May|June|July|August|September|"
                        r"October|November|December)\b")


def model_texts(model, column: int = 0) -> list[str]:
    return [str(model.index(row, column).data(Qt.ItemDataRole.DisplayRole) or "")
            for row in range(model.rowCount())]


def written_dates_problems(texts: list[str]) -> list[str]:
    return [t for t in texts if ISO.search(t) or SHORT_MONTH.search(t) or PADDED_DAY.search(t)]


@pytest.fixture(scope="module")
def ten_years(_templates, tmp_path_factory):
    """A copy of the two-partner template with ten years of tracker entries, built once."""
    import shutil
    folder, ids, _ = _templates[2]
    copy = tmp_path_factory.mktemp("ten-years") / "vault"
    shutil.copytree(folder, copy)
    from workbook.accounts import WorkbookService
    service = WorkbookService(copy)
    service.unlock(PASSPHRASE_ONE)
    service.unlock(PASSPHRASE_TWO)
    fill_trackers(service, ids, 10, random.Random(17))
    service.lock()
    return copy


def test_every_tracker_screen_writes_dates_one_way(qtbot, ten_years, app_paths):
    import shutil
    shutil.copytree(ten_years, app_paths.data_dir)
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    join(qtbot, window, PASSPHRASE_TWO)
    texts: list[str] = []
    for key in ("milestones", "checkins", "gratitude"):
        page = open_page(window, key)
        texts += [label.text() for label in page.findChildren(QLabel)
                  if label.isVisibleTo(window)]
    milestones = window.shell.trackers["milestones"]
    texts += model_texts(milestones.model) + model_texts(milestones.timeline_model)
    timeline = model_texts(milestones.timeline_model)
    assert len(timeline) > 20
    assert all(re.match(r"\d{1,2} [A-Z][a-z]+ \d{4}: ", line) for line in timeline), timeline[:3]
    checkins = window.shell.trackers["checkins"]
    for index in range(checkins.range.count()):
        checkins.range.setCurrentIndex(index)
        QApplication.processEvents()
        texts += model_texts(checkins.table_model)
        chart = checkins.chart
        first, last = chart._date_range()
        rect = QRectF(48, 10, 500, 180)
        texts += [label for _, label in chart.date_labels(rect, first, last)]
    gratitude = window.shell.trackers["gratitude"]
    texts += model_texts(gratitude.history_model)
    texts += [gratitude.entry_card.title.text()]
    assert texts and written_dates_problems(texts) == []
