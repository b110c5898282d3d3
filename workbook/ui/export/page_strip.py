"""The preview: small images of the exact PDF's pages, in a row that scrolls sideways."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem

_HEIGHT = 268  # the list's height: a page image plus its "Page N" caption


class PageStrip(QListWidget):
    def __init__(self):
        super().__init__()
        self.setAccessibleName("Preview of the PDF's pages")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.setIconSize(QSize(150, 212))
        self.setSpacing(6)
        self.setFixedHeight(_HEIGHT)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def show_pages(self, images) -> None:
        """Called on the UI thread with the worker's QImages (pixmaps belong to this thread)."""
        self.clear()
        for number, image in enumerate(images, 1):
            pixmap = QPixmap.fromImage(image).scaled(
                self.iconSize(), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation)
            item = QListWidgetItem(QIcon(pixmap), f"Page {number}")
            item.setToolTip(f"Page {number} of {len(images)}")
            self.addItem(item)
