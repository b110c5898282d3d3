"""Settings cards that act on the whole vault: backups (save one, restore one) and deleting
(your private space, or the whole workbook). They call backups.py and deletion.py; every
question goes through Prompts, and every destructive step needs a word typed by the person."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal

from workbook import backups, deletion, portable
from workbook.accounts import WorkbookService
from workbook.ui.common.discreet import file_stem
from workbook.ui.common.prompts import Prompts
from workbook.ui.common.question_dialogs import mark_destructive
from workbook.ui.common.responsive import flow_row
from workbook.ui.common.widgets import (
    Card,
    InlineMessage,
    attempt,
    busy,
    plain_button,
)

BACKUP_TEXT = ("A backup is one file holding the whole workbook, still encrypted: it opens only "
               "with one of your passphrases or recovery codes. Keep it on a USB stick or "
               "another disk. The app also keeps its own daily copies inside the workbook folder.")
RESTORE_WARNING = ("Restoring replaces everything in this workbook, for both of you, with what "
                   "the backup holds. Anything written since the backup was made is lost, and "
                   "passphrases and recovery codes go back to what they were then: one changed "
                   "since will not open it, the old one will. Type REPLACE to continue.")
BACKUP_FILTER = "Workbook backups (*.zip)"
DELETE_TEXT = ("Leaving the workbook deletes your private space: your private answers, notes and "
               "keys. Your passphrase and recovery code will open nothing afterwards.")
DELETE_ALL_TEXT = ("Deleting the whole workbook removes everything for both of you, and needs "
                   "both of you here.")


class BackupCard(Card):
    lock_requested = Signal()  # the vault is about to be replaced: close every database first

    def __init__(self, service: WorkbookService, prompts: Prompts):
        super().__init__("Backups", BACKUP_TEXT)
        self._service, self._prompts = service, prompts
        self.message = InlineMessage()
        self.save_button = plain_button("Save a backup…")
        self.restore_button = plain_button("Restore from a backup…")
        self.save_button.clicked.connect(self.save_backup)
        self.restore_button.clicked.connect(self.restore)
        self.body.addWidget(self.message)
        self.body.addWidget(flow_row(self.save_button, self.restore_button))

    def save_backup(self) -> None:
        self.message.clear()
        suggested = Path.home() / f"{file_stem()}-backup-{date.today().isoformat()}.zip"
        target = self._prompts.save_file(self, "Save a backup", suggested, BACKUP_FILTER)
        if target is None:
            return
        with busy(self.save_button, "Saving…", self.restore_button):
            ok, _ = attempt(self.message.show_error,
                            lambda: backups.create_backup(self._service, target))
        if ok:
            self.message.show_success("Backup saved. It opens only with a passphrase or "
                                      "recovery code of this workbook.")

    def restore(self) -> None:
        self.message.clear()
        source = self._prompts.open_file(self, "Choose a backup", BACKUP_FILTER)
        if source is None:
            return
        typed = self._prompts.ask_text(self, "Replace this workbook?", RESTORE_WARNING,
                                       yes="Replace", expected="REPLACE")
        if (typed or "").strip().upper() != "REPLACE":
            return
        secret = self._prompts.ask_text(self, "Open the backup", "The passphrase or recovery "
                                        "code that opens the backup:", secret=True)
        if not secret:
            return
        show = lambda text: self._prompts.error(self, "The backup was not restored", text)  # noqa
        ok, _ = attempt(show, lambda: backups.restore_backup(
            source, secret, self._service.data_dir, replace=True,
            before_swap=self.lock_requested.emit))
        if ok:
            self._prompts.info(self, "Backup restored", "The backup is in place. Unlock it with "
                               "your passphrase.")


class DeleteCard(Card):
    def __init__(self, service: WorkbookService, prompts: Prompts,
                 chosen: Callable[[], tuple[str, str]], content=None):
        super().__init__("Leave or delete", DELETE_TEXT)
        self._service, self._prompts, self._chosen = service, prompts, chosen
        self._content = content
        self.message = InlineMessage()
        self.leave_button = mark_destructive(plain_button("Delete my private space…"))
        self.delete_all_button = mark_destructive(plain_button("Delete the whole workbook…"))
        self.leave_button.clicked.connect(self.delete_private)
        self.delete_all_button.clicked.connect(self.delete_all)
        self.body.addWidget(self.message)
        self.body.addWidget(flow_row(self.leave_button, self.delete_all_button))

    def delete_private(self) -> None:
        self.message.clear()
        partner_id, name = self._chosen()
        save_first = self._prompts.confirm(
            self, "Save your entries first?", f"Before deleting, you can save {name}'s own "
            "answers to a file. " + portable.NOT_ENCRYPTED, yes="Save a copy first",
            no="Don't save", cancel="Cancel")
        if save_first is None or (save_first and not self._export(partner_id)):
            return
        remove_shared = self._prompts.confirm(
            self, "What you shared", "Remove what you shared too? If you keep it, your partner "
            "still sees it, under your name.", yes="Remove it too", no="Leave it for my partner",
            cancel="Cancel", destructive=True)
        if remove_shared is None:
            return
        if not self._typed("Delete your private space", f"{DELETE_TEXT} Backup files you saved "
                           "elsewhere still hold it; delete those yourself."):
            return
        attempt(self.message.show_error, lambda: deletion.delete_private_space(
            self._service, partner_id, remove_shared))

    def delete_all(self) -> None:
        self.message.clear()
        if not all(p.unlocked for p in self._service.partners()):
            self.message.show_error("Deleting the whole workbook needs both of you here: the "
                                    "other partner unlocks first, from Home.")
            return
        if self._typed("Delete the whole workbook", DELETE_ALL_TEXT):
            attempt(self.message.show_error, lambda: deletion.delete_workbook(self._service))

    def _typed(self, title: str, text: str) -> bool:
        typed = self._prompts.ask_text(self, title, f"{text} Type DELETE to confirm.",
                                       yes="Delete", expected="DELETE")
        return deletion.typed_confirmation_ok(typed)

    def _export(self, partner_id: str) -> bool:
        target = self._prompts.save_file(self, "Save your entries", Path.home() /
                                         f"{file_stem()}-entries.json", "JSON files (*.json)")
        if target is None:
            return False
        content = self._content or _load_content()
        ok, _ = attempt(self.message.show_error, lambda: portable.write_export(
            target, portable.export_data(self._service, partner_id, content)))
        return ok


def _load_content():
    from workbook.content.loader import load_content
    return load_content().content
