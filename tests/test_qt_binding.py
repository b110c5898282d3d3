"""The Qt binding must not leak references: PySide6 6.12.0 on CPython 3.11 dropped one reference
to None per void call and aborted the app after a few thousand calls ("deallocating None")."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def test_void_qt_calls_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    app = QApplication.instance()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        app.processEvents()
    # Other code may take or drop a few references meanwhile; a leak loses thousands.
    assert sys.getrefcount(None) > before - 100
