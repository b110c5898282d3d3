"""Nothing the user writes lands in plaintext: a sentinel written through the services must not
appear in any file of the vault folder, the log folder or the settings file, in UTF-8 or UTF-16."""

from __future__ import annotations

import logging

import pytest
from support.files import files_containing
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO

from workbook.accounts import NewPartner, WorkbookService
from workbook.answers import AnswerKey, AnswerService
from workbook.logs import setup_logging
from workbook.storage.errors import WrongPassphrase

SENTINEL = "ZQXJ-sentinel-7781"
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")


def test_the_scan_would_find_plaintext(tmp_path):
    (tmp_path / "a.txt").write_text(f"x {SENTINEL} y", encoding="utf-16")
    assert files_containing(tmp_path, SENTINEL)


@pytest.fixture
def logged(app_paths):
    setup_logging(app_paths.log_dir, level=logging.DEBUG)
    yield app_paths
    for handler in [h for h in logging.getLogger().handlers if getattr(h, "_workbook", False)]:
        logging.getLogger().removeHandler(handler)
        handler.close()


def test_a_full_session_leaves_no_plaintext(logged):
    paths = logged
    name = f"Name{SENTINEL}"
    service = WorkbookService(paths.data_dir)
    [one] = service.create([NewPartner(name, PASSPHRASE_ONE)])
    answers = AnswerService(service)
    key = AnswerKey("chapter", "sheet", "field")
    answers.save(one.info.id, key, f"private {SENTINEL} 🙂 <b>")
    answers.share(one.info.id, key)
    answers.save(one.info.id, AnswerKey("chapter", "sheet", "long"), SENTINEL * 5000)
    two = service.add_partner(NewPartner("Partner", PASSPHRASE_TWO))
    answers.save(two.info.id, key, f"second {SENTINEL}")
    service.lock()
    with pytest.raises(WrongPassphrase):
        service.unlock(f"wrong {SENTINEL}")
    service.unlock(PASSPHRASE_TWO)
    service.change_passphrase(two.info.id, PASSPHRASE_TWO, f"new {SENTINEL} phrase")
    service.lock()

    assert (paths.log_dir / "couples-workbook.log").read_text().count("unlocked") >= 1
    for folder in (paths.data_dir, paths.log_dir):
        assert files_containing(folder, SENTINEL) == []
        assert files_containing(folder, "Partner") == []
    for phrase in (PASSPHRASE_ONE, PASSPHRASE_TWO):
        assert files_containing(paths.data_dir, phrase) == []
        assert files_containing(paths.log_dir, phrase) == []


def test_the_window_writes_no_user_text_to_settings(logged, qtbot):
    from support.window import open_window, unlock

    paths = logged
    WorkbookService(paths.data_dir).create([NewPartner(f"Name{SENTINEL}", PASSPHRASE_ONE)])
    window = open_window(qtbot, paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    for key in ("chapters", "gratitude", "settings", "home"):
        window.shell.show_section(key)
    window.close()
    assert paths.settings_file.exists()
    for folder in (paths.config_dir, paths.data_dir, paths.log_dir):
        assert files_containing(folder, SENTINEL) == []
        assert files_containing(folder, PASSPHRASE_ONE) == []
