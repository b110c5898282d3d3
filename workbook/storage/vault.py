"""The vault folder: which files exist, and how they are created, found and opened.

    vault.json              plaintext marker + keyslot checksums (manifest.py); no names, no keys
    shared.db               raw random key S: everything both partners see
    <id>.db                 raw random key P: one partner's private space
    <id>.keys.db            opened by that partner's passphrase: holds S and P
    <id>.recovery.db        opened by that partner's recovery code: holds S and P
    backups/                encrypted copies taken before schema migrations, and the daily
                            automatic backups auto-<timestamp>.zip (backups.py)

<id> is random hex, so the folder's listing says nothing about who uses it. Unlocking tries every
keyslot, because nothing outside the encrypted files says which slot is whose.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3

from workbook.storage.errors import (
    DamagedFile,
    VaultError,
    VaultExists,
    VaultNotFound,
    WrongPassphrase,
)
from workbook.storage.keyslots import KeyMaterial, read_keyslot, write_keyslot
from workbook.storage.layout import (
    BACKUP_DIR,
    PASSPHRASE_SLOT,
    RECOVERY_SLOT,
    SHARED_DB,
    make_private_dirs,
    workbook_exists,
)
from workbook.storage.manifest import Manifest, file_sha256
from workbook.storage.schema import (
    PRIVATE_MIGRATIONS,
    SHARED_MIGRATIONS,
    erase_deleted_search_entries,
    migrate,
)
from workbook.storage.sqlcipher import (
    KEY_BYTES,
    create_new,
    describe_unreadable,
    fsync_dir,
    open_existing,
    raw_key_literal,
    storage_error,
)

_PARTNER_ID = re.compile(r"^[0-9a-f]{12}$")


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_partner_id() -> str:
    return secrets.token_hex(6)


class VaultFolder:
    """Paths and file-level operations of one vault. Holds no keys and no open connections."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    # -- layout -------------------------------------------------------------------------------
    @property
    def shared_db(self) -> Path:
        return self.folder / SHARED_DB

    def private_db(self, partner_id: str) -> Path:
        return self.folder / f"{partner_id}.db"

    def slot(self, partner_id: str, kind: str) -> Path:
        return self.folder / f"{partner_id}.{kind}.db"

    def slots(self, kind: str) -> list[Path]:
        suffix = f".{kind}.db"
        return sorted(p for p in self.folder.glob(f"*{suffix}")
                      if _PARTNER_ID.match(p.name[: -len(suffix)]))

    def exists(self) -> bool:
        return workbook_exists(self.folder)

    def files(self) -> list[Path]:
        return sorted(p for p in self.folder.rglob("*") if p.is_file())

    # -- creation -----------------------------------------------------------------------------
    def create(self) -> tuple[bytes, sqlcipher3.Connection]:
        """Create the folder, `shared.db` and the manifest. Returns S and an open connection."""
        if self.exists():
            raise VaultExists("A workbook already exists in that folder; it was left untouched.")
        try:
            make_private_dirs(self.folder)
            os.chmod(self.folder, 0o700)
            shared_key = new_key()
            conn = create_new(self.shared_db, raw_key_literal(shared_key))
            migrate(conn, SHARED_MIGRATIONS, backup=lambda v: None)
            erase_deleted_search_entries(conn)  # from the start, so opening never writes
            Manifest(self.folder).save()
        except OSError as error:
            raise storage_error(error) from None
        return shared_key, conn

    def create_partner(self, shared_key: bytes, passphrase: str,
                       recovery_code: str) -> tuple[KeyMaterial, sqlcipher3.Connection]:
        """Create a partner's private database, passphrase keyslot and recovery keyslot."""
        material = KeyMaterial(new_partner_id(), shared_key, new_key())
        try:
            conn = create_new(self.private_db(material.partner_id),
                              raw_key_literal(material.private_key))
            migrate(conn, PRIVATE_MIGRATIONS, backup=lambda v: None)
            erase_deleted_search_entries(conn)
            manifest = Manifest.load(self.folder)
            for kind, secret in ((PASSPHRASE_SLOT, passphrase), (RECOVERY_SLOT, recovery_code)):
                path = self.slot(material.partner_id, kind)
                write_keyslot(path, secret, material)
                manifest.record(path.name, file_sha256(path))
        except OSError as error:
            raise storage_error(error) from None
        return material, conn

    # -- unlocking ----------------------------------------------------------------------------
    def find_keys(self, secret: str, kind: str = PASSPHRASE_SLOT) -> KeyMaterial:
        """Try `secret` against every keyslot of `kind`. Never writes anything.

        vault.json is a hint, never a lock: every slot is tried whatever the manifest says, and
        a checksum that does not match only shapes the message when no slot opens."""
        if not self.exists():
            raise VaultNotFound("There is no workbook in this folder yet.")
        manifest = Manifest.load(self.folder)
        damaged: list[tuple[Path, str]] = []
        changed: list[Path] = []
        for path in self.slots(kind):
            reason = describe_unreadable(path)
            if reason:
                damaged.append((path, reason))
                continue
            try:
                return read_keyslot(path, secret)
            except WrongPassphrase:
                if manifest.looks_damaged(path):
                    changed.append(path)
            except DamagedFile:
                damaged.append((path, "its contents do not match its checksums."))
        if damaged or changed:
            path, reason = damaged[0] if damaged else (changed[0], "")
            raise DamagedFile(path.name, (reason or "what you typed opened no key file, and "
                              "this one does not match the checksum kept in vault.json, so "
                              "either it or vault.json has changed since it was saved.")
                              + " Check what you typed; if you are sure of it, use your "
                              "recovery code, or restore the workbook from a backup.")
        if kind == RECOVERY_SLOT:
            raise WrongPassphrase("That recovery code did not open this workbook. "
                                  "Check each group of letters and try again.")
        raise WrongPassphrase()

    def refresh_manifest(self, proven: KeyMaterial) -> None:
        """After an unlock, put right what vault.json says: the checksums of the slots this
        partner just opened, and of any slot it does not know (or all, if it was unreadable).
        Writes only when something differs."""
        manifest = Manifest.load(self.folder)
        try:
            changed = False
            for kind in (PASSPHRASE_SLOT, RECOVERY_SLOT):
                for path in self.slots(kind):
                    own = path.name.startswith(proven.partner_id + ".")
                    if own and kind == RECOVERY_SLOT:
                        continue  # not opened by this unlock: keep what the manifest knows
                    if own or not manifest.readable or path.name not in manifest.checksums:
                        digest = file_sha256(path)
                        if manifest.checksums.get(path.name) != [digest]:
                            manifest.checksums[path.name] = [digest]
                            changed = True
            if changed or not manifest.readable:
                manifest.save()
        except OSError:
            pass  # a hint we could not refresh costs nothing now; the next unlock tries again

    def open_shared(self, shared_key: bytes, previous: bytes = b"") -> sqlcipher3.Connection:
        return self._open_data(self.shared_db, shared_key, SHARED_MIGRATIONS, previous)

    def open_private(self, material: KeyMaterial) -> sqlcipher3.Connection:
        return self._open_data(self.private_db(material.partner_id), material.private_key,
                               PRIVATE_MIGRATIONS, material.previous_private)

    def _open_data(self, path: Path, key: bytes, migrations: list[str],
                   previous: bytes = b"") -> sqlcipher3.Connection:
        try:
            conn = open_existing(path, raw_key_literal(key))
        except DamagedFile:
            if not previous or previous == key:
                raise
            # A re-encryption was interrupted after the new keyslots were in place (their
            # previous keys are still there for this): finish it now, then carry on.
            conn = open_existing(path, raw_key_literal(previous))
            conn.reset_key(raw_key_literal(key))
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try:
            migrate(conn, migrations, backup=lambda version: self.backup_file(conn, path, version))
        except BaseException:
            conn.close()
            raise
        return conn

    @staticmethod
    def erase_deleted_search_entries(conn: sqlcipher3.Connection) -> None:
        """Turn on FTS5 secure-delete (schema.py) on a file once it is known to open: it may
        write, so it waits until every file of an unlock has passed its checks."""
        erase_deleted_search_entries(conn)

    def backup_file(self, conn: sqlcipher3.Connection, path: Path, version: int) -> Path:
        """Copy an (encrypted) database aside before migrating it from `version`."""
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target_dir = self.folder / BACKUP_DIR
        try:
            target_dir.mkdir(mode=0o700, exist_ok=True)
            target = target_dir / f"{path.stem}.v{version}.{stamp}.db"
            shutil.copyfile(path, target)
            os.chmod(target, 0o600)
        except OSError as error:
            raise storage_error(error) from None
        return target

    # -- changing secrets ---------------------------------------------------------------------
    def replace_slot(self, material: KeyMaterial, kind: str, new_secret: str) -> None:
        """Write a fresh keyslot for `new_secret`; the old secret stops working. Data files are
        untouched: only the small keyslot file is replaced."""
        self.replace_slots(material, {kind: new_secret})

    def replace_slots(self, material: KeyMaterial, secrets_by_kind: dict[str, str]) -> None:
        """Replace several of one partner's keyslots together: every new slot is written and
        verified beside its old one before the first rename, so a failure while writing (a full
        disk) leaves every slot as it was."""
        paths = {kind: self.slot(material.partner_id, kind) for kind in secrets_by_kind}
        staged = {kind: path.with_name(path.name + ".new") for kind, path in paths.items()}
        manifest = Manifest.load(self.folder)
        try:
            try:
                for kind, secret in secrets_by_kind.items():
                    staged[kind].unlink(missing_ok=True)  # left by an interrupted change
                    write_keyslot(staged[kind], secret, material)
                for kind, path in paths.items():
                    old = [file_sha256(path)] if path.exists() else []
                    manifest.checksums[path.name] = [*old, file_sha256(staged[kind])]
                manifest.save()
            except BaseException:
                for path in staged.values():
                    path.unlink(missing_ok=True)
                raise
            for kind, path in paths.items():
                os.replace(staged[kind], path)
            fsync_dir(self.folder)
            for path in paths.values():
                manifest.checksums[path.name] = [file_sha256(path)]
            manifest.save()
        except OSError as error:
            raise storage_error(error) from None


__all__ = ["VaultFolder", "KeyMaterial", "VaultError", "PASSPHRASE_SLOT", "RECOVERY_SLOT"]
