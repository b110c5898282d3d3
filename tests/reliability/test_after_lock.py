"""After locking, nothing on screen or in memory the UI owns still holds what anyone wrote: a
walk over every QObject (texts, titles, tooltips, models, undo stacks, cached Python strings)."""

from __future__ import annotations

from support.seed import everything_held, seed_everything, visit_everything
from support.vaults import NAME_ONE, NAME_TWO, PASSPHRASE_ONE, PASSPHRASE_TWO
from support.window import open_window, unlock

SENTINEL = "QJXV-afterlock-5521"


def test_nothing_is_held_after_lock(qtbot, vault_two, app_paths):
    service = vault_two.service()
    service.unlock(PASSPHRASE_ONE)
    service.unlock(PASSPHRASE_TWO)
    key = seed_everything(service, vault_two.ids, SENTINEL)
    service.lock()
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.service.unlock(PASSPHRASE_TWO)  # sitting together: both private spaces are open
    visit_everything(qtbot, window, key, SENTINEL)
    before, _ = everything_held(window)
    assert any(SENTINEL in t for t in before)  # the walk does see what the pages show
    assert any(NAME_TWO in t for t in before)

    window.lock()
    qtbot.wait(1)  # the event loop runs after a lock: widgets waiting for deletion go
    texts, undo = everything_held(window)
    for marker in (SENTINEL, NAME_ONE, NAME_TWO):
        assert [t for t in texts if marker in t] == [], marker
    assert undo == []
    assert window.windowTitle() == "Couples Workbook"
