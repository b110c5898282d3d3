"""Locking by itself: after the chosen idle time, on minimising (when chosen), and the quick-hide
shortcut and button; the choices live in the settings file as numbers, never as text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from support.clocks import FakeClock
from support.vaults import PASSPHRASE_ONE
from support.window import TITLE, click, open_window, unlock

from workbook.ui.common.privacy import (
    DEFAULT_IDLE_MINUTES,
    IDLE_KEY,
    MINIMISE_KEY,
    scrub_text_history,
)

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_idle_time_locks_and_input_postpones_it(qtbot, vault_one, app_paths):
    clock = FakeClock()
    window = open_window(qtbot, app_paths, clock=clock)
    assert window.privacy.idle_minutes == DEFAULT_IDLE_MINUTES
    assert not window.idle_lock.running  # nothing to lock yet
    unlock(qtbot, window, PASSPHRASE_ONE)
    assert window.idle_lock.running
    for _ in range(4):  # keep typing for longer than the idle time: still open
        clock.advance(minutes=DEFAULT_IDLE_MINUTES - 1)
        qtbot.keyClick(window.shell.search, Qt.Key.Key_A)
        window.idle_lock.check()
    assert window.service.is_unlocked
    clock.advance(minutes=DEFAULT_IDLE_MINUTES - 1)
    window.idle_lock.check()
    assert window.service.is_unlocked
    clock.advance(minutes=1)  # the idle time, with no key pressed
    window.idle_lock.check()
    assert not window.service.is_unlocked
    assert window.current_page is window.unlock_page
    assert not window.idle_lock.running


def test_the_idle_timer_checks_often_enough_for_short_times(qtbot):
    """The one test that waits on the real timer (300 ms): it shows the timer drives `check`;
    the others move a FakeClock and call `check` themselves."""
    from PySide6.QtWidgets import QApplication

    from workbook.ui.common.privacy import IdleLock
    idle = IdleLock(QApplication.instance())
    idle.arm(True)
    idle.set_interval_ms(300)
    fired = []
    idle.idle.connect(lambda: fired.append(True))
    qtbot.waitUntil(lambda: fired == [True], timeout=3000)
    assert not idle.running
    idle.set_minutes(5)
    assert idle.running and idle.interval_seconds == 300
    idle.arm(False)
    assert not idle.running


def test_the_privacy_choices_are_kept_as_numbers(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    card = window.shell.settings.privacy
    card.idle.setCurrentIndex(card.idle.findData(15))
    card.minimise.setChecked(True)
    assert window.idle_lock.interval_seconds == 15 * 60
    text = app_paths.settings_file.read_text()
    assert f"{IDLE_KEY.split('/')[1]}=15" in text and "lock_on_minimise=true" in text
    window.close()
    again = open_window(qtbot, app_paths)
    assert again.privacy.idle_minutes == 15 and again.privacy.lock_on_minimise
    again.privacy.idle_minutes = 0  # never
    unlock(qtbot, again, PASSPHRASE_ONE)
    assert not again.idle_lock.running


def test_a_hand_edited_setting_falls_back_to_the_default(qtbot, app_paths):
    app_paths.config_dir.mkdir(parents=True)
    app_paths.settings_file.write_text(f"[privacy]\nidle_minutes=lots\n{MINIMISE_KEY}=maybe\n")
    window = open_window(qtbot, app_paths)
    assert window.privacy.idle_minutes == DEFAULT_IDLE_MINUTES
    assert not window.privacy.lock_on_minimise


def test_minimising_locks_only_when_chosen(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.showMinimized()
    qtbot.wait(20)
    assert window.service.is_unlocked
    window.showNormal()
    window.privacy.lock_on_minimise = True
    window.showMinimized()
    qtbot.waitUntil(lambda: not window.service.is_unlocked)
    assert window.current_page is window.unlock_page


def test_quick_hide_shortcut_locks_and_minimises(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_H, CTRL_SHIFT)
    assert not window.service.is_unlocked and window.isMinimized()
    assert window.windowTitle() == TITLE


def test_hide_button_locks_and_minimises(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    assert "Ctrl+Shift+H" in window.shell.hide_button.toolTip()
    click(qtbot, window.shell.hide_button)
    assert not window.service.is_unlocked and window.isMinimized()


def test_screen_lock_signal_locks(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.screen_watcher.on_active_changed(False)  # the screen saver ending: nothing to do
    assert window.service.is_unlocked
    window.screen_watcher.on_active_changed(True)
    assert not window.service.is_unlocked


def test_settings_explain_what_is_and_is_not_protected(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    from PySide6.QtWidgets import QLabel
    words = " ".join(label.text() for label in window.shell.settings.privacy.findChildren(QLabel))
    for needed in ("encrypted", "private answers", "spyware", "print", "PDF", "JSON",
                   "own account"):
        assert needed in words, needed


def test_scrub_keeps_text_but_drops_undo(qtbot):
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget
    root = QWidget()
    qtbot.addWidget(root)
    line, plain = QLineEdit(root), QPlainTextEdit(root)
    line.setText("kept")
    line.insert(" typed")
    plain.insertPlainText("typed")
    scrub_text_history(root)
    assert line.text() == "kept typed" and not line.isUndoAvailable()
    assert not plain.document().isUndoAvailable()
