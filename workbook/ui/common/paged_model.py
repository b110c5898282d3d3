"""A list model that fetches rows from a service in batches as the view scrolls, so a ten-year
workbook never builds thousands of rows (or widgets) up front."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from workbook.ui.common.plain import plain_tooltip

BATCH = 100
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class PagedListModel(QAbstractListModel):
    """`fetch(offset, limit)` returns items; `describe(item)` gives the plain text shown (and
    read by screen readers). Call `reload()` after anything changed."""

    def __init__(self, fetch: Callable[[int, int], list], describe: Callable[[Any], str],
                 batch: int = BATCH):
        super().__init__()
        self._fetch = fetch
        self._describe = describe
        self._batch = batch
        self._items: list = []
        self._more = True

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._describe(item)
        if role == Qt.ItemDataRole.ToolTipRole:  # Qt renders HTML-looking tooltips as HTML
            return plain_tooltip(self._describe(item))
        if role == ITEM_ROLE:
            return item
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or not self._more:
            return
        try:
            new = self._fetch(len(self._items), self._batch)
        except PermissionError:  # locked while a view was still asking: nothing more to show
            self._more = False
            return
        self._more = len(new) == self._batch
        if new:
            first = len(self._items)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._items.extend(new)
            self.endInsertRows()

    def item(self, row: int) -> Any:
        return self._items[row]

    def reload(self) -> None:
        self.beginResetModel()
        self._items, self._more = [], True
        self.endResetModel()
        self.fetchMore()

    def forget(self) -> None:
        """Drop every row (on lock) without fetching again."""
        self.beginResetModel()
        self._items, self._more = [], False
        self.endResetModel()
