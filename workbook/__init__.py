"""Couples Workbook: a private, encrypted workbook for couples.

Layers (enforced by tests/test_architecture.py):
    workbook/storage/  encrypted vault, keyslots, schema and migrations. No Qt.
    workbook/          domain and services the UI calls. No Qt widgets.
    workbook/ui/       PySide6 widgets. Calls services, never SQL.
"""

__version__ = "0.1.0"
APP_NAME = "Couples Workbook"
APP_ID = "couples-workbook"
