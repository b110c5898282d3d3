"""For the reliability tests: put a marker string into every kind of user text through the
services, visit every page as a person would, and find every string the UI still holds."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from workbook.answers import AnswerKey, AnswerService
from workbook.content.loader import load_content
from workbook.content.model import FieldKind
from workbook.trackers.checkins import CheckinService
from workbook.trackers.gratitude import GratitudeService
from workbook.trackers.ladder import LadderService
from workbook.trackers.milestones import MilestoneService
from workbook.ui.chapters.chapters_page import ChaptersPage


def first_text_field() -> AnswerKey:
    for chapter in load_content().content.chapters:
        for sheet in chapter.worksheets:
            for field in sheet.fields:
                if field.kind == FieldKind.LONG_TEXT:
                    return AnswerKey(chapter.id, sheet.id, field.id)
    raise AssertionError("no long text field in the content")


def seed_everything(service, partner_ids: list[str], marker: str) -> AnswerKey:
    """Write `marker` into answers (private and shared), gratitude, a check-in note, a
    milestone and a ladder step, for each present partner. Returns the answer's key."""
    content = load_content().content
    key = first_text_field()
    answers = AnswerService(service)
    scale = content.checkin_scales[0]
    for partner_id in partner_ids:
        answers.save(partner_id, key, f"answer {marker} of {partner_id}")
        answers.share(partner_id, key)
        GratitudeService(service).save(partner_id, f"grateful {marker}", f"thanks {marker}",
                                       share=True)
        CheckinService(service, content.checkin_scales).save(
            partner_id, {scale.id: scale.min}, note=f"note {marker}", share=True)
    MilestoneService(service).add(f"milestone {marker}", notes=f"notes {marker}")
    LadderService(service).add(f"step {marker}", f"described {marker}")
    return key


ROLES = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
         Qt.ItemDataRole.StatusTipRole, Qt.ItemDataRole.WhatsThisRole,
         Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.AccessibleDescriptionRole,
         *range(Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 24)]


def _safe(call, default):
    """Some of Qt's internal models (QListWidget's) keep these methods private to Python."""
    try:
        return call()
    except TypeError:
        return default


def _cell_strings(model: QAbstractItemModel, index: QModelIndex) -> list[str]:
    """Every role of one cell. Qt's own models go through itemData(): PySide6 6.12 drops a
    reference to None when data() of a C++ model returns nothing, which crashes after a while."""
    if type(model).__module__.startswith("PySide6"):
        return [repr(v) for v in model.itemData(index).values()]
    return [repr(model.data(index, role)) for role in ROLES]


def model_strings(model: QAbstractItemModel, parent: QModelIndex = QModelIndex()) -> list[str]:
    found = []
    for row in range(model.rowCount(parent)):
        for column in range(max(1, _safe(lambda: model.columnCount(parent), 1))):
            index = model.index(row, column, parent)
            found += _cell_strings(model, index)
            if _safe(lambda index=index: model.hasChildren(index), False):
                found += model_strings(model, index)
    return found


def qt_strings(obj: QObject) -> list[str]:
    """What Qt itself holds for one object: texts, titles, tips, documents, model data."""
    found = [obj.objectName()]
    if isinstance(obj, QWidget):
        found += [obj.windowTitle(), obj.toolTip(), obj.statusTip(), obj.whatsThis(),
                  obj.accessibleName(), obj.accessibleDescription(), obj.windowIconText()]
    if isinstance(obj, (QLabel, QAbstractButton, QLineEdit)):
        found.append(obj.text())
    if isinstance(obj, QLineEdit):
        found.append(obj.placeholderText())
    if isinstance(obj, (QPlainTextEdit, QTextEdit)):
        found.append(obj.toPlainText())
    if isinstance(obj, QTextDocument):
        found.append(obj.toPlainText())
    if isinstance(obj, QAction):
        found += [obj.text(), obj.toolTip(), obj.statusTip()]
    if isinstance(obj, QAbstractItemView) and obj.model() is not None:
        found += model_strings(obj.model())
    if isinstance(obj, QAbstractItemModel):
        found += model_strings(obj)
    return found


def undo_left(obj: QObject) -> bool:
    """True when a text widget could still bring back earlier text with Undo or Redo."""
    if isinstance(obj, QLineEdit):
        return obj.isUndoAvailable() or obj.isRedoAvailable()
    if isinstance(obj, QTextDocument):
        return obj.isUndoAvailable() or obj.isRedoAvailable()
    return False


def python_strings(value, seen: set[int], depth: int = 0) -> list[str]:
    """Strings cached in Python attributes (lists, dicts, dataclasses), a few levels deep."""
    if depth > 6 or id(value) in seen:
        return []
    seen.add(id(value))
    if isinstance(value, (str, bytes)):
        return [value if isinstance(value, str) else value.decode("utf-8", "replace")]
    if isinstance(value, dict):
        items = [*value.keys(), *value.values()]
    elif isinstance(value, (list, tuple, set, frozenset)):
        items = list(value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        items = [getattr(value, f.name, None) for f in dataclasses.fields(value)]
    elif hasattr(value, "__dict__") and not isinstance(value, type) and \
            type(value).__module__.startswith(("workbook", "builtins")):
        items = list(vars(value).values())
    else:
        return []
    return [s for item in items for s in python_strings(item, seen, depth + 1)]


def everything_held(root: QWidget) -> tuple[list[str], list[QObject]]:
    """(every string the window and all app widgets hold, objects with undo history left)."""
    objects = [root, *root.findChildren(QObject), *QApplication.allWidgets()]
    texts, undo, seen = [], [], set()
    for obj in objects:
        texts += qt_strings(obj)
        texts += python_strings(vars(obj) if hasattr(obj, "__dict__") else {}, seen)
        if undo_left(obj):
            undo.append(obj)
    return [t for t in texts if t], undo


def visit_everything(qtbot, window, key, marker: str) -> None:
    """Visit every section, open the chapter of `key`, type `marker` into its card and search it."""
    shell = window.shell
    for section in shell.keys:
        shell.show_section(section)
        qtbot.wait(1)
    shell.show_section("chapters")
    chapters: ChaptersPage = shell.chapters
    chapters.open_chapter(key.chapter_id)
    reader = chapters.reader
    if reader.note.isVisibleTo(reader):
        reader.continue_past_note()
    card = reader.card(key.worksheet_id, key.field_id)
    card.editor.edit.insertPlainText(f" typed {marker} ")
    shell.search.setText(marker)
    shell.show_search()
    QApplication.clipboard().clear()
