"""Remembered UI state (geometry, last page), the theme, prompts, and the app entry points."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMessageBox
from support.vaults import NAME_ONE, NAME_TWO, PASSPHRASE_ONE, PASSPHRASE_TWO
from support.window import open_window, unlock

from workbook.ui.app import create_main_window, run_gui
from workbook.ui.common import theme
from workbook.ui.common.prompts import Prompts, ScriptedPrompts
from workbook.ui.main_window import MainWindow


def test_geometry_and_page_are_remembered_without_names(qtbot, vault_two, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.service.unlock(PASSPHRASE_TWO)
    window.shell.show_section("gratitude")
    window.setGeometry(QRect(40, 50, 700, 500))
    window.close()

    saved = app_paths.settings_file.read_bytes()
    assert b"geometry" in saved and b"gratitude" in saved
    for secret in (NAME_ONE, NAME_TWO, PASSPHRASE_ONE, PASSPHRASE_TWO):
        assert secret.encode() not in saved
    again = open_window(qtbot, app_paths)
    assert (again.width(), again.height()) == (700, 500)
    unlock(qtbot, again, PASSPHRASE_ONE)
    assert again.shell.current_key == "gratitude"


def test_create_main_window_uses_real_prompts_by_default(qtbot, app_paths):
    from workbook.accounts import WorkbookService
    window = create_main_window(WorkbookService(app_paths.data_dir), app_paths)
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow) and type(window.prompts) is Prompts
    assert window.windowTitle() == "Couples Workbook"


def test_scripted_prompts_answer_in_order_and_record():
    prompts = ScriptedPrompts(True)
    prompts.queue_answers(False)
    assert prompts.confirm(None, "One", "first") is True
    assert prompts.confirm(None, "Two", "second") is False
    prompts.info(None, "Three", "said")
    assert [(s.kind, s.title) for s in prompts.shown] == [
        ("confirm", "One"), ("confirm", "Two"), ("info", "Three")]
    try:
        prompts.confirm(None, "Unexpected", "no answer queued")
    except AssertionError as error:
        assert "Unexpected" in str(error)
    else:
        raise AssertionError("an unanswered prompt must fail the test")


def test_message_boxes_show_names_as_plain_text(qtbot):
    box = Prompts._box(None, QMessageBox.Icon.Information, "Title", "<b>Bo</b>",
                       QMessageBox.StandardButton.Ok)
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText


def test_dark_theme_can_be_forced(qtbot, monkeypatch):
    app = QApplication.instance()
    old_palette, old_sheet = app.palette(), app.styleSheet()  # the style is Fusion anyway
    try:
        monkeypatch.setenv(theme.THEME_ENV, "dark")
        controller = theme.apply_theme(app)
        assert app.palette().color(QPalette.ColorRole.Window).name() == theme.DARK.window
        assert theme.DARK.accent in app.styleSheet()
        monkeypatch.setenv(theme.THEME_ENV, "light")
        controller.apply()  # what a system light/dark switch triggers
        assert app.palette().color(QPalette.ColorRole.Window).name() == theme.LIGHT.window
        controller.deleteLater()
    finally:
        app.setPalette(old_palette)
        app.setStyleSheet(old_sheet)


def test_run_gui_shows_the_window_and_returns_the_exit_code(qtbot, app_paths, monkeypatch):
    app = QApplication.instance()
    old_palette, old_sheet = app.palette(), app.styleSheet()  # the style is Fusion anyway
    shown = []

    def fake_exec() -> int:
        shown.extend(w for w in app.topLevelWidgets()
                     if isinstance(w, MainWindow) and w.isVisible())
        for window in shown:
            window.close()
        return 0

    monkeypatch.setattr(app, "exec", fake_exec)
    try:
        assert run_gui(app_paths, ["couples-workbook"]) == 0
    finally:
        app.setPalette(old_palette)
        app.setStyleSheet(old_sheet)
    assert len(shown) == 1 and shown[0].current_page is shown[0].welcome
    assert app.applicationName() == "Couples Workbook"


def test_after_the_first_paint_the_rest_of_the_app_loads(qtbot, vault_one, app_paths):
    """The unlock window paints first; the clipboard guard, the screen-lock watcher and the
    workbook's pages follow at once, before anyone has typed a passphrase."""
    window = create_main_window(vault_one.service(), app_paths, ScriptedPrompts())
    qtbot.addWidget(window)
    assert window.screen_watcher is None and not hasattr(window, "lock_action")
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        window.show()
    qtbot.waitUntil(lambda: window._shell is not None)
    assert window.screen_watcher is not None and window.clipboard_guard is not None
    assert "Ctrl+L" in window.lock_action.shortcut().toString()  # the shortcuts are in place
    assert window.current_page is window.unlock_page


def test_the_calm_style_can_come_after_the_first_paint(qtbot):
    from workbook.ui.common.calm_style import CalmStyle
    app = QApplication.instance()
    old_palette, old_sheet = app.palette(), app.styleSheet()
    try:
        controller = theme.apply_theme(app, calm_style=False)
        assert app.palette().color(QPalette.ColorRole.Window).name() in (theme.LIGHT.window,
                                                                        theme.DARK.window)
        assert controller.style is None
        controller.use_calm_style()
        assert isinstance(controller.style, CalmStyle)
        expected = theme.DARK.muted if controller.colors is theme.DARK else theme.LIGHT.window
        assert controller.style.outline_base.name() == expected
        controller.deleteLater()
    finally:
        app.setPalette(old_palette)
        app.setStyleSheet(old_sheet)


def test_the_default_page_key_names_the_home_section():
    from workbook.ui.main_window import HOME_KEY
    from workbook.ui.shell import HOME
    assert HOME_KEY == HOME


def test_an_unexpected_error_shows_a_calm_box_with_details_but_no_user_text(qtbot, app_paths):
    import sys

    from workbook.ui.app import _install_crash_handling
    window = open_window(qtbot, app_paths, ScriptedPrompts())
    handlers = _install_crash_handling(window, app_paths)
    try:
        raise ValueError("what she wrote: SENTINEL-4411")
    except ValueError:
        error = sys.exc_info()
    try:
        sys.excepthook(*error)
        qtbot.waitUntil(lambda: any(s.kind == "crash" for s in window.prompts.shown))
    finally:
        handlers.uninstall()
    [shown] = [s for s in window.prompts.shown if s.kind == "crash"]
    assert "ValueError" in shown.text and "SENTINEL-4411" not in shown.text
    logged = "".join(p.read_text() for p in app_paths.log_dir.glob("*.log"))
    assert "SENTINEL-4411" not in logged


def test_the_app_icon_has_every_size():
    from workbook.ui.app import app_icon
    sizes = {s.width() for s in app_icon().availableSizes()}
    assert {16, 32, 48, 256} <= sizes


def test_a_window_opened_on_an_unlocked_workbook_shows_it(qtbot, vault_one, app_paths):
    service = vault_one.service()
    service.unlock(PASSPHRASE_ONE)
    window = create_main_window(service, app_paths, ScriptedPrompts())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        window.show()
    assert window.current_page is window.shell
    window.close()
