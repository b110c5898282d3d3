"""Driving the tracker pages and search in the main window: show a page, let the second partner
join, search, pick a row and open a result."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def open_page(window, key: str):
    """Show a tracker page and let its layout settle, as it would before anyone could click."""
    window.shell.show_section(key)
    for _ in range(3):  # nested layouts settle one level per pass
        QApplication.processEvents()
    return window.shell.trackers[key]


def join(qtbot, window, passphrase: str) -> None:
    """The second partner joins from Home's "Sitting together?" card."""
    home = window.shell.home
    window.shell.show_section("home")
    home.join.open_form()
    home.join.field.setText(passphrase)
    home.join.submit()
    assert len(window.service.present_partners()) == 2


def select_row(view, model, text: str) -> None:
    """Make the first row whose text contains `text` the current one."""
    rows = [i for i in range(model.rowCount()) if text in model.index(i).data()]
    view.setCurrentIndex(model.index(rows[0]))


def search(qtbot, shell, words: str):
    """Type `words` in the header's search field and press Enter; returns the results page."""
    shell.search.setText(words)
    qtbot.keyClick(shell.search, Qt.Key.Key_Return)
    return shell.search_page


def activate(qtbot, page, text: str) -> None:
    """Enter on the result whose text contains `text`."""
    select_row(page.list, page.model, text)
    qtbot.keyClick(page.list, Qt.Key.Key_Return)
