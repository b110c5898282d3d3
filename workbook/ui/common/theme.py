"""Palette and style: Fusion, a warm paper-like light theme and a soft dark one, both with a calm
sage accent. The theme follows the system colour scheme and updates when it changes.

`COUPLES_WORKBOOK_THEME=dark` (or `light`) forces a scheme, which screenshots use.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:  # imported when first used, after the first paint
    from workbook.ui.common.calm_style import CalmStyle

THEME_ENV = "COUPLES_WORKBOOK_THEME"


class Colors(NamedTuple):
    window: str
    panel: str       # navigation background, slightly apart from the window
    base: str        # fields and cards
    text: str
    muted: str
    border: str
    button: str
    accent: str
    on_accent: str
    link: str
    error: str       # soft terracotta: clear, not alarming
    success: str
    disabled: str


LIGHT = Colors(window="#f7f4ef", panel="#efe9e1", base="#fffdf9", text="#2e2a27",
               muted="#6b635b", border="#d9d1c6", button="#f1ece5", accent="#4a786e",
               on_accent="#ffffff", link="#3d6b62", error="#9a4a2e", success="#3c6b4c",
               disabled="#a39b92")
DARK = Colors(window="#1f1d1b", panel="#262421", base="#2b2927", text="#ece6de",
              muted="#b3aaa0", border="#45403b", button="#34312d", accent="#8dbfb2",
              on_accent="#1a1918", link="#9fd0c3", error="#f0a88e", success="#a5d6b0",
              disabled="#6f685f")


def palette_for(c: Colors) -> QPalette:
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window, QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.base, QPalette.ColorRole.AlternateBase: c.panel,
        QPalette.ColorRole.Text: c.text, QPalette.ColorRole.Button: c.button,
        QPalette.ColorRole.ButtonText: c.text, QPalette.ColorRole.Highlight: c.accent,
        QPalette.ColorRole.HighlightedText: c.on_accent, QPalette.ColorRole.Link: c.link,
        QPalette.ColorRole.LinkVisited: c.link, QPalette.ColorRole.ToolTipBase: c.base,
        QPalette.ColorRole.ToolTipText: c.text, QPalette.ColorRole.PlaceholderText: c.muted,
        QPalette.ColorRole.Mid: c.border, QPalette.ColorRole.Midlight: c.panel,
        QPalette.ColorRole.Accent: c.accent,
    }
    for role, color in roles.items():
        pal.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(c.disabled))
    return pal


def style_sheet(c: Colors) -> str:
    """Widgets opt in through a `role` property, so plain Qt widgets keep Fusion's look."""
    return f"""
    QLabel[role="heading"] {{ font-size: 20pt; font-weight: 600; }}
    QLabel[role="subheading"] {{ font-size: 13pt; font-weight: 600; }}
    QLabel[role="lead"] {{ font-weight: 600; }}
    QLabel[role="muted"] {{ color: {c.muted}; }}
    QLabel[role="error"] {{ color: {c.error}; }}
    QLabel[role="success"] {{ color: {c.success}; }}
    QLabel[role="note"] {{ border-width: 0 0 0 3px; border-style: solid; border-color: {c.accent};
                          padding: 4px 0 4px 14px; }}
    QLabel[role="present"] {{ color: {c.muted}; }}
    QLabel[role="code"] {{
        font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace; font-size: 19pt;
        padding: 18px; background: {c.base}; border: 1px solid {c.border}; border-radius: 10px;
    }}
    QFrame[role="card"] {{ background: {c.base}; border: 1px solid {c.border};
                           border-radius: 12px; }}
    QFrame[role="card"] QLabel {{ background: transparent; }}
    QFrame[role="field"] {{ border: none; border-bottom: 1px solid {c.border}; }}
    QFrame[role="partner-answer"] {{ border: none; border-left: 3px solid {c.accent}; }}
    QLabel[role="difference"] {{ background: {c.button}; color: {c.text}; font-weight: 600;
                                 border-left: 3px solid {c.error}; padding: 2px 6px; }}
    QPlainTextEdit {{ border: 1px solid {c.border}; border-radius: 6px;
                      background: {c.base}; padding: 4px;
                      selection-background-color: {c.accent};
                      selection-color: {c.on_accent}; }}
    QPlainTextEdit:focus {{ border: 2px solid {c.accent}; padding: 3px; }}
    QListView#chapterList {{ background: transparent; }}
    QFrame[role="header"] {{ border: none; border-bottom: 1px solid {c.border}; }}
    QLineEdit, QComboBox {{ padding: 6px 8px; border: 1px solid {c.border}; border-radius: 6px;
                            background: {c.base}; selection-background-color: {c.accent};
                            selection-color: {c.on_accent}; }}
    QComboBox {{ combobox-popup: 0; }} /* a list below the box, sized to show every choice */
    QLineEdit:focus, QComboBox:focus {{ border: 2px solid {c.accent}; padding: 5px 7px; }}
    QPushButton {{ padding: 7px 16px; border: 1px solid {c.border}; border-radius: 7px;
                   background: {c.button}; color: {c.text}; }}
    QPushButton:hover {{ border-color: {c.accent}; }}
    QPushButton:focus {{ border: 2px solid {c.accent}; padding: 6px 15px; }}
    QPushButton:disabled {{ color: {c.disabled}; }}
    QPushButton[primary="true"] {{ background: {c.accent}; color: {c.on_accent};
                                   border-color: {c.accent}; font-weight: 600; }}
    QPushButton[primary="true"]:focus {{ border: 2px solid {c.text}; }}
    QPushButton[primary="true"]:disabled {{ background: {c.border}; color: {c.disabled};
                                            border-color: {c.border}; }}
    QPushButton[danger="true"] {{ color: {c.error}; border-color: {c.error}; }}
    QPushButton[danger="true"]:disabled {{ color: {c.disabled}; border-color: {c.border}; }}
    QPushButton[flat="true"] {{ border: none; background: transparent; color: {c.link};
                                padding: 4px 2px; text-decoration: underline; }}
    QPushButton[flat="true"]:focus {{ border: 1px dashed {c.accent}; padding: 3px 1px; }}
    QToolButton {{ padding: 4px 8px; border: 1px solid {c.border}; border-radius: 6px;
                   background: {c.button}; color: {c.text}; }}
    QToolButton:focus {{ border: 2px solid {c.accent}; padding: 3px 7px; }}
    QWidget#navigationPanel {{ background: {c.panel}; border-right: 1px solid {c.border}; }}
    QListWidget#navigation {{ background: transparent; border: none; padding: 4px 10px;
                              outline: none; }}
    QListWidget#navigation::item {{ padding: 0 12px; margin: 1px 0; border-radius: 7px;
                                    color: {c.text}; border: 2px solid transparent; }}
    QListWidget#navigation::item:hover {{ background: {c.button}; }}
    QListWidget#navigation::item:selected {{ background: {c.accent}; color: {c.on_accent}; }}
    QListWidget#navigation::item:selected:focus {{ border: 2px solid {c.text}; }}
    QLabel[role="appname"] {{ color: {c.muted}; font-weight: 600; padding: 18px 22px 8px 22px; }}
    QScrollBar:vertical {{ background: transparent; width: 10px; margin: 2px; }}
    QScrollBar::handle:vertical {{ background: {c.border}; border-radius: 3px; min-height: 32px; }}
    QScrollBar::handle:vertical:hover {{ background: {c.muted}; }}
    QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
    QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
    QProgressBar {{ border: none; background: {c.border}; border-radius: 3px; max-height: 6px; }}
    QProgressBar::chunk {{ background: {c.accent}; border-radius: 3px; }}
    QScrollArea {{ border: none; background: transparent; }}
    QScrollArea > QWidget > QWidget {{ background: transparent; }}
    QCheckBox, QRadioButton {{ spacing: 8px; padding: 3px 6px; border: 1px solid transparent;
                               border-radius: 6px; }}
    QCheckBox:focus, QRadioButton:focus {{ border-color: {c.accent}; }}
    """


APPEARANCE_KEY = "appearance/scheme"  # Settings → Appearance: 0 system, 1 light, 2 dark
APPEARANCES = ("system", "light", "dark")


def wanted_scheme(choice: str = "system") -> Qt.ColorScheme:
    """The person's choice in Settings first, then the environment variable, then the system."""
    forced = choice if choice != "system" else os.environ.get(THEME_ENV, "").strip().lower()
    if forced == "dark":
        return Qt.ColorScheme.Dark
    if forced == "light":
        return Qt.ColorScheme.Light
    return QGuiApplication.styleHints().colorScheme()


def colors_for(scheme: Qt.ColorScheme) -> Colors:
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


class ThemeController(QObject):
    """Applies the theme now and again whenever the system switches light/dark.

    The calm style (calm_style.py) can come a moment later (`calm_style=False`, then
    `use_calm_style()`): it overrides a drawing function in Python, and the first call of it
    costs several milliseconds of PySide type set-up, which the app spends after the unlock
    window's first paint instead of before. Until then the app runs plain Fusion, which the
    calm style is a thin layer over, so nothing moves when it arrives."""

    def __init__(self, app: QApplication, calm_style: bool = True):
        super().__init__(app)
        self._app = app
        self.choice = "system"  # Settings → Appearance (set_choice)
        self.style: CalmStyle | None = None  # the calm style, once in place
        font = app.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.5))  # calm, readable body text
        app.setFont(font)
        app.styleHints().colorSchemeChanged.connect(self.apply)
        if calm_style:
            self.use_calm_style()
        else:
            self.apply()

    def use_calm_style(self) -> None:
        if self.style is None:
            from workbook.ui.common.calm_style import CalmStyle
            self.style = CalmStyle()
            self._app.setStyle(self.style)
            self.apply()

    def set_choice(self, choice: str) -> None:
        if choice in APPEARANCES and choice != self.choice:
            self.choice = choice
            self.apply()

    def apply(self, *_args) -> None:
        colors = colors_for(wanted_scheme(self.choice))
        self.colors = colors
        if self.style is not None:
            # Fusion draws the outline 40% darker than this colour.
            self.style.outline_base = QColor(colors.muted if colors is DARK else colors.window)
        self._app.setPalette(palette_for(colors))
        self._app.setStyleSheet(style_sheet(colors))


def apply_theme(app: QApplication, calm_style: bool = True) -> ThemeController:
    return ThemeController(app, calm_style)


def saved_appearance(settings) -> str:
    try:
        index = int(settings.value(APPEARANCE_KEY, 0))
    except (TypeError, ValueError):
        index = 0
    return APPEARANCES[index] if 0 <= index < len(APPEARANCES) else "system"


def use_appearance(choice: str) -> None:
    """Tell the app's theme (when there is one: tests run without) about a choice."""
    app = QApplication.instance()
    controller = app.findChild(ThemeController) if app is not None else None
    if controller is not None:
        controller.set_choice(choice)
