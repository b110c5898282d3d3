"""Markup in anything a person writes (names, answers, tracker texts) is shown literally: every
label showing it is plain text, and no tooltip or window title carries it (Qt renders tooltips
as rich text when they look like HTML)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget
from support.seed import seed_everything, visit_everything
from support.vaults import PASSPHRASE_ONE
from support.window import open_window, unlock

from workbook.accounts import NewPartner, WorkbookService

MARKUP = '<b>B</b><img src="file:///etc/hostname"><a href="https://x.invalid">L</a>'
NAME = "<b>Al</b><a href='y'>x</a>"


def shown_as_rich(obj: QObject) -> list[str]:
    problems = []
    if isinstance(obj, QLabel) and "<b>" in obj.text():
        if obj.textFormat() != Qt.TextFormat.PlainText:
            problems.append(f"label {obj.text()[:40]!r}")
    if isinstance(obj, QWidget):
        for what, text in (("tooltip", obj.toolTip()), ("title", obj.windowTitle())):
            if "<b>" in text:
                problems.append(f"{what} {text[:40]!r}")
    if isinstance(obj, QAbstractItemView) and obj.model() is not None:
        model = obj.model()
        for row in range(model.rowCount()):
            tip = model.itemData(model.index(row, 0)).get(Qt.ItemDataRole.ToolTipRole) \
                if type(model).__module__.startswith("PySide6") else \
                model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and "<b>" in tip:
                problems.append(f"item tooltip {tip[:40]!r}")
    return problems


def test_markup_is_shown_literally_everywhere(qtbot, app_paths):
    service = WorkbookService(app_paths.data_dir)
    [me] = service.create([NewPartner(NAME, PASSPHRASE_ONE)])
    key = seed_everything(service, [me.info.id], MARKUP)
    service.lock()
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    visit_everything(qtbot, window, key, MARKUP)
    window.shell.search.setText("B")
    window.shell.show_search()
    objects = [window, *window.findChildren(QObject), *QApplication.allWidgets()]
    labels = [o for o in objects if isinstance(o, QLabel) and "<b>" in o.text()]
    assert labels  # the markup is on screen, literally
    assert [p for o in objects for p in shown_as_rich(o)] == []
    window.lock()
