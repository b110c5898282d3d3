"""After a full scripted session that includes backups and restores, no byte of anything written
(vault and its automatic backups, backup files, the restored copy, logs, settings, temp folder)
holds what was written, a name or a passphrase, in UTF-8 or UTF-16."""

from __future__ import annotations

import logging
import tempfile

from support.files import files_containing

from workbook import backups
from workbook.accounts import NewPartner, WorkbookService
from workbook.answers import AnswerKey, AnswerService
from workbook.logs import setup_logging

SENTINEL = "ZQXJ-backup-sentinel-4412"
PASSPHRASE = "sentinel session passphrase 3"


def test_backup_and_restore_leave_no_plaintext(tmp_path, app_paths, monkeypatch):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    setup_logging(app_paths.log_dir, level=logging.DEBUG)
    try:
        folders = run_session(app_paths.data_dir, tmp_path)
    finally:
        for handler in [h for h in logging.getLogger().handlers if getattr(h, "_workbook", 0)]:
            logging.getLogger().removeHandler(handler)
            handler.close()
    assert backups.auto_backups(app_paths.data_dir)
    for folder in (*folders, app_paths.log_dir, scratch, tmp_path):
        for needle in (SENTINEL, PASSPHRASE, "Partner"):
            assert files_containing(folder, needle) == [], (folder, needle)


def run_session(data_dir, tmp_path):
    service = WorkbookService(data_dir, auto_backups=True)
    [me] = service.create([NewPartner(f"Partner{SENTINEL}", PASSPHRASE)])
    AnswerService(service).save(me.info.id, AnswerKey("c", "s", "f"), SENTINEL * 200)
    service.lock()
    service.unlock(PASSPHRASE)  # takes the automatic backup
    exports = tmp_path / "exports"
    exports.mkdir()
    backups.create_backup(service, exports / "b.zip")
    service.lock()
    backups.verify_backup(exports / "b.zip", PASSPHRASE)
    restored = tmp_path / "restored"
    backups.restore_backup(exports / "b.zip", me.recovery_code, restored)
    backups.restore_backup(exports / "b.zip", PASSPHRASE, data_dir, replace=True,
                           keep_backups=True)
    WorkbookService(restored).unlock(PASSPHRASE)
    return data_dir, exports, restored
