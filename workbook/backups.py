"""Backups a person can carry to another computer, and the rolling automatic ones.

A backup is one zip of ciphertext (workbook/storage/backup.py explains the format). Verifying
and restoring both extract it into a fresh folder, unlock it with the passphrase or recovery
code given, and run the integrity checks on the files that secret opens; only then does a
restore rename the folder into place. An existing workbook is never replaced unless the caller
says so (the command line's `--replace`, the window's typed confirmation), and the old folder
is kept aside as `<dir>.replaced-<timestamp>` until the new one is in place.

Automatic backups live in the vault's own `backups/` folder as `auto-<timestamp>.zip`: taken
when someone unlocks, at most once a day, the newest five kept.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from glob import escape as glob_escape
from pathlib import Path
from typing import NoReturn

from workbook.errors import Locked
from workbook.passphrases import normalize_recovery_code
from workbook.storage import backup as container
from workbook.storage.errors import (
    DamagedFile,
    VaultError,
    VaultExists,
    VaultNotFound,
    WrongPassphrase,
)
from workbook.storage.keyslots import KeyMaterial
from workbook.storage.layout import make_private_dirs
from workbook.storage.lock import Held
from workbook.storage.vault import BACKUP_DIR, PASSPHRASE_SLOT, RECOVERY_SLOT, VaultFolder

log = logging.getLogger(__name__)
AUTO_PREFIX, AUTO_KEEP, AUTO_EVERY = "auto-", 5, timedelta(days=1)
WRONG_SECRET = ("That passphrase or recovery code does not open this backup. Check it and try "
                "again; nothing has been changed.")


@dataclass(frozen=True)
class BackupReport:
    created: str       # UTC timestamp from the backup's table of contents
    files: int
    partners: int      # keyslots for a passphrase found inside


# -- making one ---------------------------------------------------------------------------------
def create_backup(service, target: Path) -> Path:
    """Back up the whole vault of an unlocked service (every partner's files) to `target`."""
    session = service.session
    if session is None:
        raise Locked()
    conns = {"shared.db": session.shared_conn}
    conns.update({f"{pid}.db": p.conn for pid, p in session.present.items()})
    keys = {"shared.db": session.shared_key}
    keys.update({f"{pid}.db": p.material.private_key for pid, p in session.present.items()})
    target = Path(target)
    clean_leftovers(target.parent, glob_escape(target.name))
    path = container.write_backup(service.vault.folder, conns, target, keys)
    log.info("backup written")
    return path


def auto_backup_if_due(service, now: datetime | None = None) -> Path | None:
    """Take an automatic backup unless one was taken in the last day; keep the newest five."""
    now = now or datetime.now(UTC)
    folder = service.vault.folder / BACKUP_DIR
    latest = latest_auto_backup(service.vault.folder)
    if latest is not None and now - _stamp_time(latest) < AUTO_EVERY:
        return None
    folder.mkdir(mode=0o700, exist_ok=True)
    clean_leftovers(folder)
    path = create_backup(service, folder / f"{AUTO_PREFIX}{now.strftime('%Y%m%dT%H%M%SZ')}.zip")
    prune_auto_backups(service.vault.folder)
    return path


def clean_leftovers(folder: Path, name: str = f"{AUTO_PREFIX}*") -> None:
    """What a killed backup leaves (`.<name>.<random>.partial`) is removed; what a killed
    rewrite leaves (`.<name>.<random>.old`, a backup that still holds an old keyslot) is
    overwritten first. Both are only ever made while this workbook's lock is held."""
    from workbook.storage.removal import shred
    try:
        for path in folder.glob(f".{name}.*.partial"):
            path.unlink(missing_ok=True)
        for path in folder.glob(f".{name}.*.old"):
            shred(path)
        for path in folder.glob(".cw-rotate-*") if name == f"{AUTO_PREFIX}*" else ():
            shutil.rmtree(path, ignore_errors=True)
    except OSError as error:
        log.warning("leftovers not cleaned (%s)", type(error).__name__)


def prune_auto_backups(vault_folder: Path) -> None:
    """Keep the newest five, and also, for every file, the newest backup in which that file was
    checked with its key when the backup was made: a file damaged while its partner was away
    (so no later backup could check it) keeps its last good copy however many days pass."""
    found = auto_backups(vault_folder)
    keep = set(found[-AUTO_KEEP:])
    newest_good: dict[str, Path] = {}
    for path in found:  # oldest first, so later backups overwrite earlier ones
        for name in container.peek_verified(path):
            newest_good[name] = path
    keep.update(newest_good.values())
    for path in found:
        if path not in keep:
            path.unlink(missing_ok=True)


def forget_old_secrets(vault: VaultFolder, partner_ids: list[str],
                       rekeys: dict[str, tuple[bytes, bytes]] | None = None) -> None:
    """After a passphrase change, a recovery reset or a new recovery code (and after a
    re-encryption, `rekeys`: file name → (old key, new key)), rewrite every automatic backup so
    it holds these partners' current keyslots instead of the old ones, and its copies of the
    re-encrypted files under their new keys. A backup that cannot be rewritten still holds an
    old secret, so it is destroyed. Backup files saved elsewhere are beyond our reach."""
    from workbook.storage.removal import shred
    slots = {}
    for partner_id in partner_ids:
        for kind in (PASSPHRASE_SLOT, RECOVERY_SLOT):
            path = vault.slot(partner_id, kind)
            slots[path.name] = path.read_bytes()
    if (vault.folder / BACKUP_DIR).is_dir():
        clean_leftovers(vault.folder / BACKUP_DIR)
    for path in auto_backups(vault.folder):
        try:
            container.rewrite_backup(path, slots, rekeys or {})
        except (VaultError, OSError) as error:
            log.warning("an automatic backup could not be rewritten (%s); destroyed",
                        type(error).__name__)
            shred(path)


def auto_backups(vault_folder: Path) -> list[Path]:
    """Automatic backups, oldest first (their names sort by time)."""
    folder = Path(vault_folder) / BACKUP_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"{AUTO_PREFIX}*.zip") if _stamp_or_none(p))


def latest_auto_backup(vault_folder: Path) -> Path | None:
    found = auto_backups(vault_folder)
    return found[-1] if found else None


def _stamp_or_none(path: Path) -> datetime | None:
    try:
        return _stamp_time(path)
    except ValueError:
        return None


_STAMP = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z")  # as auto_backup_if_due


def _stamp_time(path: Path) -> datetime:
    """The time in an automatic backup's name. Not `strptime`: its first use costs every
    unlock about 5 ms (benchmarks/README.md). ValueError for a name the app did not write."""
    found = _STAMP.fullmatch(path.stem[len(AUTO_PREFIX):])
    if found is None:
        raise ValueError("not an automatic backup's name")
    year, month, day, hour, minute, second = (int(part) for part in found.groups())
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


# -- checking and restoring ---------------------------------------------------------------------
def verify_backup(path: Path, secret: str) -> BackupReport:
    """Check a backup completely (container, checksums, unlock, integrity); write nothing."""
    index = container.read_index(Path(path))
    with tempfile.TemporaryDirectory(prefix="cw-verify-") as scratch:
        folder = Path(scratch) / "vault"
        container.extract(Path(path), index, folder)
        _unlock_and_check(folder, secret)
        partners = len(VaultFolder(folder).slots(PASSPHRASE_SLOT))
    return BackupReport(index.created, len(index.files), partners)


def restore_backup(path: Path, secret: str, target: Path, *, replace: bool = False,
                   keep_backups: bool = False,
                   before_swap: Callable[[], None] | None = None) -> BackupReport:
    """Restore `path` into `target` atomically. Refuses to replace an existing workbook unless
    `replace`. `before_swap` runs once the backup is verified, just before the rename (the
    window locks there, so no open database points into the folder being replaced)."""
    target = Path(target)
    with Held(target):  # another process writing this workbook would lose its writes
        _check_target(target, replace)
        index = container.read_index(Path(path))
        staged = container.staging_folder(target)
        make_private_dirs(target.parent)
        try:
            container.extract(Path(path), index, staged)
            _unlock_and_check(staged, secret)
            if before_swap is not None:
                before_swap()
            aside = container.swap_into_place(staged, target)
        except BaseException:
            container.remove_folder(staged)
            raise
        if aside is not None:
            _finish_replacing(aside, target, keep_backups)
        log.info("backup restored")
        partners = len(VaultFolder(target).slots(PASSPHRASE_SLOT))
    return BackupReport(index.created, len(index.files), partners)


def restore_latest_auto(vault_folder: Path, secret: str) -> BackupReport:
    """After a damaged file: put the newest automatic backup in place, keeping the others."""
    found = auto_backups(vault_folder)
    if not found:
        raise VaultNotFound("There is no automatic backup of this workbook.")
    first_error: VaultError | None = None
    for candidate in reversed(found):  # the newest whose files this secret opens intact
        try:
            return _restore_auto(vault_folder, candidate, secret)
        except (container.NotABackup, DamagedFile) as error:
            first_error = first_error or error
    raise first_error or VaultNotFound("There is no automatic backup of this workbook.")


def _restore_auto(vault_folder: Path, backup: Path, secret: str) -> BackupReport:
    with tempfile.TemporaryDirectory(prefix="cw-auto-", dir=Path(vault_folder).parent) as tmp:
        copy = Path(tmp) / backup.name  # the original is inside the folder being replaced
        shutil.copyfile(backup, copy)
        return restore_backup(copy, secret, Path(vault_folder), replace=True, keep_backups=True)


def _check_target(target: Path, replace: bool) -> None:
    if VaultFolder(target).exists():
        if not replace:
            raise VaultExists("A workbook already exists in that folder; it was left untouched. "
                              "Replacing it needs an explicit confirmation.")
    elif target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise VaultExists("That folder is not empty and holds no workbook; it was left untouched.")


def _finish_replacing(aside: Path, target: Path, keep_backups: bool) -> None:
    old_backups = aside / BACKUP_DIR
    if keep_backups and old_backups.is_dir() and not (target / BACKUP_DIR).exists():
        old_backups.rename(target / BACKUP_DIR)
    container.remove_folder(aside)


def _unlock_and_check(folder: Path, secret: str) -> KeyMaterial:
    """Unlock the extracted copy; opening runs cipher_integrity_check and quick_check on the
    shared file and on the private file this secret opens (and migrates an older backup)."""
    vault = VaultFolder(folder)
    material = _find_keys(vault, secret)
    vault.open_shared(material.shared_key, material.previous_shared).close()
    vault.open_private(material).close()
    return material


def _find_keys(vault: VaultFolder, secret: str) -> KeyMaterial:
    try:
        return vault.find_keys(secret, PASSPHRASE_SLOT)
    except WrongPassphrase:
        pass
    code = normalize_recovery_code(secret)
    try:
        return vault.find_keys(code, RECOVERY_SLOT) if code else _wrong()
    except WrongPassphrase:
        _wrong()


def _wrong() -> NoReturn:
    raise WrongPassphrase(WRONG_SECRET)
