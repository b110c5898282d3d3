"""Backup files: one zip holding a consistent copy of every file of a vault.

Why a plain (stored, uncompressed) zip and no extra encryption: every member is already
SQLCipher ciphertext (`shared.db`, each `<id>.db`, each keyslot) or the non-secret `vault.json`,
and a small `backup.json` that lists the members with their SHA-256 and says nothing about who
uses the workbook. Whoever holds the file learns what a copy of the vault folder would tell
them, and nothing more. Reading what is inside still needs a partner's passphrase or recovery
code, because restoring and verifying both unlock a keyslot and check every page's HMAC.

Consistency: a data file we hold an open connection for is checkpointed (`wal_checkpoint(
TRUNCATE)`) and copied while a read transaction pins its snapshot, so no checkpoint can rewrite
the main file under us. A file we have no key for (an absent partner's private space) is not
open anywhere in this process; it is copied with its `-wal` if one was left by a crash, which
is exactly the pair SQLite would recover from.

`backups/` (migration copies and automatic backups) is never included, so backups do not nest.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3

from workbook.storage.errors import VaultError
from workbook.storage.manifest import MANIFEST_NAME, Manifest
from workbook.storage.sqlcipher import (
    describe_unreadable,
    fsync_dir,
    open_existing,
    raw_key_literal,
    storage_error,
)

FORMAT, FORMAT_VERSION = "couples-workbook-backup", 1
INDEX_NAME = "backup.json"
PREFIX = "vault/"
# Only names a vault can contain: no folders, no "..", nothing a zip could use to escape.
MEMBER = re.compile(  # \Z, not $: "$" would also accept a name ending in a newline
    r"^(vault\.json|shared\.db(-wal)?|[0-9a-f]{12}(\.keys|\.recovery)?\.db(-wal)?)\Z")
MAX_MEMBER_BYTES = 4 << 30
MAX_INDEX_BYTES = 1 << 20


class NotABackup(VaultError):
    def __init__(self, reason: str):
        super().__init__(f"This is not a usable Couples Workbook backup: {reason} "
                         "Nothing has been changed.")


@dataclass(frozen=True)
class BackupIndex:
    created: str
    files: dict[str, str]  # member name → SHA-256
    verified: tuple[str, ...] = ()  # members integrity-checked with their key when written


def utc_stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


# -- writing ------------------------------------------------------------------------------------
def write_backup(folder: Path, open_conns: dict[str, sqlcipher3.Connection], target: Path,
                 keys: dict[str, bytes] | None = None, *, created: str | None = None,
                 verified_before: tuple[str, ...] = ()) -> Path:
    """Write a backup of the vault in `folder` to `target`, atomically, mode 0600.

    `open_conns` maps file names (`shared.db`, `<id>.db`) to connections this process holds, and
    `keys` those files' raw keys: the written backup is read back and every file we hold a key
    for must pass its integrity checks before the backup is renamed into place (it counts only
    then). The names verified that way are recorded in the index as `verified`."""
    staged = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
    keys = keys or {}
    try:
        fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            with zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED) as archive:
                files = _add_members(archive, folder, open_conns)
                index = {"format": FORMAT, "format_version": FORMAT_VERSION,
                         "created": created or utc_stamp(), "files": files,
                         "verified": sorted(name for name in {*keys, *verified_before}
                                            if name in files)}
                archive.writestr(INDEX_NAME, json.dumps(index, indent=2, sort_keys=True))
            handle.flush()
            os.fsync(handle.fileno())
        check_written(staged, keys)
        os.replace(staged, target)
        fsync_dir(target.parent)
    except OSError as error:
        staged.unlink(missing_ok=True)
        raise storage_error(error) from None
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    return target


def _add_members(archive: zipfile.ZipFile, folder: Path,
                 open_conns: dict[str, sqlcipher3.Connection]) -> dict[str, str]:
    files: dict[str, str] = {}
    for path in sorted(folder.iterdir()):
        if not (path.is_file() and MEMBER.match(path.name)) or path.name.endswith("-wal"):
            continue
        conn = open_conns.get(path.name)
        data = _snapshot(conn, path) if conn is not None else path.read_bytes()
        _add(archive, files, path.name, data)
        wal = path.with_name(path.name + "-wal")
        if conn is None and wal.is_file() and wal.stat().st_size:
            _add(archive, files, wal.name, wal.read_bytes())
    return files


def _add(archive: zipfile.ZipFile, files: dict[str, str], name: str, data: bytes) -> None:
    archive.writestr(PREFIX + name, data)
    files[name] = hashlib.sha256(data).hexdigest()


def _snapshot(conn: sqlcipher3.Connection, path: Path) -> bytes:
    """The main file's bytes as of one committed state (see the module docstring)."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("BEGIN")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # takes the read mark
        return path.read_bytes()
    finally:
        conn.execute("COMMIT")


def check_written(path: Path, keys: dict[str, bytes]) -> None:
    """Read a freshly written backup back: the container and every checksum, then each file we
    hold a key for opened from a scratch copy with `cipher_integrity_check` and `quick_check`;
    a file we hold no key for must at least look like one of ours."""
    import tempfile
    index = read_index(path)
    with tempfile.TemporaryDirectory(prefix="cw-check-") as scratch:
        folder = Path(scratch) / "vault"
        extract(path, index, folder)
        for name in index.files:
            if name.endswith("-wal") or name == MANIFEST_NAME:
                continue
            reason = describe_unreadable(folder / name)
            if reason:
                raise BackupNotVerified(name, reason)
            key = keys.get(name)
            if key is not None:
                try:
                    open_existing(folder / name, raw_key_literal(key)).close()
                except VaultError:
                    raise BackupNotVerified(name, "its copy did not pass the integrity "
                                            "check.") from None


class BackupNotVerified(VaultError):
    def __init__(self, name: str, reason: str):
        self.file_name = name
        super().__init__(f"The backup was not kept: the copy of '{name}' in it could not be "
                         f"verified ({reason.rstrip('.')}). Your workbook is unchanged.")


def rewrite_backup(path: Path, new_members: dict[str, bytes],
                   rekeys: dict[str, tuple[bytes, bytes]]) -> bool:
    """Rewrite a backup so it holds no old secret: the members named in `new_members` (the
    current keyslots) are replaced where the backup has them, and each file in `rekeys` is
    re-encrypted from its old raw key to its new one (`PRAGMA rekey`, then checked). The old
    file is overwritten with random bytes once the new one is in place. Returns whether the
    backup held anything to change."""
    from workbook.storage.removal import shred
    index = read_index(path)
    touched = [n for n in (*new_members, *rekeys) if n in index.files]
    if not touched:
        return False
    with tempfile.TemporaryDirectory(prefix=".cw-rotate-", dir=path.parent) as scratch:
        folder = Path(scratch) / "vault"
        extract(path, index, folder)
        manifest = Manifest.load(folder)
        for name, data in new_members.items():
            if name in index.files:
                (folder / name).write_bytes(data)
                manifest.checksums[name] = [hashlib.sha256(data).hexdigest()]
        manifest.save()
        keys = {}
        for name, (old_key, new_key) in rekeys.items():
            if name in index.files:
                _rekey_file(folder / name, old_key, new_key)
                keys[name] = new_key
        aside = path.with_name(f".{path.name}.{secrets.token_hex(4)}.old")
        os.replace(path, aside)
        try:
            write_backup(folder, {}, path, keys, created=index.created,
                         verified_before=index.verified)
        except BaseException:
            os.replace(aside, path)
            raise
        shred(aside)
    return True


def _rekey_file(path: Path, old_key: bytes, new_key: bytes) -> None:
    conn = open_existing(path, raw_key_literal(old_key))
    try:
        conn.reset_key(raw_key_literal(new_key))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


# -- reading ------------------------------------------------------------------------------------
def read_index(path: Path) -> BackupIndex:
    """Check the container without any key: it is a zip, ours, complete, and every member's
    checksum matches. Raises NotABackup with a reason a person can act on."""
    if path.is_dir():
        raise NotABackup("a folder was given instead of a file.")
    if not path.is_file():
        raise NotABackup("the file does not exist.")
    try:
        with zipfile.ZipFile(path) as archive:
            index = _parse_index(archive)
            for name, digest in index.files.items():
                if _read_member(archive, name) != digest:
                    raise NotABackup("a file inside it does not match its checksum, so it is "
                                     "damaged.")
            return index
    except (zipfile.BadZipFile, EOFError, NotImplementedError, ValueError):
        raise NotABackup("it is truncated, damaged, or not a backup file.") from None
    except OSError as error:
        mapped = storage_error(error)
        if mapped is error:  # a damaged end record makes zipfile seek before the start
            raise NotABackup("it is truncated, damaged, or not a backup file.") from None
        raise mapped from None


def peek_verified(path: Path) -> tuple[str, ...]:
    """The members a backup's index says were checked with their key; () if unreadable."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _parse_index(archive).verified
    except (NotABackup, zipfile.BadZipFile, EOFError, OSError):
        return ()


def _parse_index(archive: zipfile.ZipFile) -> BackupIndex:
    try:
        info = archive.getinfo(INDEX_NAME)
        if info.file_size > MAX_INDEX_BYTES:
            raise NotABackup("its table of contents is implausibly large.")
        data = json.loads(archive.read(info).decode("utf-8"))
    except KeyError:
        raise NotABackup("it is a zip file, but not one made by Couples Workbook.") from None
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise NotABackup("its table of contents is damaged.") from None
    _check_stored(archive)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise NotABackup("it is a zip file, but not one made by Couples Workbook.")
    if data.get("format_version") != FORMAT_VERSION:
        raise NotABackup("it was made by a newer version of Couples Workbook; please update.")
    files = data.get("files")
    if not isinstance(files, dict) or "shared.db" not in files or MANIFEST_NAME not in files:
        raise NotABackup("its table of contents is incomplete.")
    if not all(isinstance(n, str) and MEMBER.match(n) and isinstance(h, str)
               for n, h in files.items()):
        raise NotABackup("it lists files a workbook never has.")
    verified = data.get("verified", [])
    if not isinstance(verified, list):
        verified = []
    return BackupIndex(str(data.get("created", "")), dict(files),
                       tuple(n for n in verified if isinstance(n, str) and n in files))


def _check_stored(archive: zipfile.ZipFile) -> None:
    """We write every member stored, never compressed, so what a member claims to hold can be no
    more than the file's own size: a compressed member (a possible "zip bomb"), or sizes that
    add up to more than the file, mean it is not ours."""
    total = 0
    for info in archive.infolist():
        if info.compress_type != zipfile.ZIP_STORED or info.compress_size != info.file_size:
            raise NotABackup("it holds compressed files, and ours never do.")
        total += info.file_size
    if archive.fp is not None and total > os.fstat(archive.fp.fileno()).st_size:
        raise NotABackup("the sizes it lists do not fit in the file, so it is damaged.")


def _read_member(archive: zipfile.ZipFile, name: str) -> str:
    try:
        info = archive.getinfo(PREFIX + name)
    except KeyError:
        raise NotABackup("a file it lists is missing, so it is incomplete.") from None
    if info.file_size > MAX_MEMBER_BYTES:
        raise NotABackup("a file inside it is implausibly large.")
    digest = hashlib.sha256()
    with archive.open(info) as member:
        for block in iter(lambda: member.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def extract(path: Path, index: BackupIndex, folder: Path) -> None:
    """Write the members into `folder` (which must be new), each 0600 in a 0700 folder."""
    try:
        folder.mkdir(mode=0o700)
        with zipfile.ZipFile(path) as archive:
            for name in index.files:
                fd = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as out, archive.open(PREFIX + name) as member:
                    shutil.copyfileobj(member, out, 1 << 20)
                    out.flush()
                    os.fsync(out.fileno())
        fsync_dir(folder)
    except (zipfile.BadZipFile, EOFError):
        raise NotABackup("it is truncated, damaged, or not a backup file.") from None
    except OSError as error:
        raise storage_error(error) from None


# -- putting a restored folder in place ---------------------------------------------------------
def staging_folder(target: Path) -> Path:
    """A fresh name beside the target, so the final rename never crosses file systems."""
    return target.with_name(f".{target.name}.restoring-{secrets.token_hex(4)}")


def swap_into_place(staged: Path, target: Path) -> Path | None:
    """Rename `staged` to `target`. An existing `target` is first renamed aside to
    `<target>.replaced-<timestamp>` and returned, so the caller removes it only after success;
    if the second rename fails, the old folder is put back."""
    aside = None
    try:
        if target.exists():
            aside = target.with_name(f"{target.name}.replaced-{utc_stamp()}")
            os.rename(target, aside)
        try:
            os.rename(staged, target)
        except OSError:
            if aside is not None:
                os.rename(aside, target)
            raise
        fsync_dir(target.parent)
    except OSError as error:
        raise storage_error(error) from None
    return aside


def remove_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
