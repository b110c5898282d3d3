"""Opening SQLCipher files safely.

Rules every connection in the app follows:
- the library must report a `cipher_version`, so a silent fallback to plain sqlite3 is impossible;
- keys go in through `set_key` (bytes), never formatted into SQL text;
- a file is checked (`cipher_integrity_check`) before anything may write to it, so a damaged file
  is reported and left byte-identical;
- data files run in WAL with `synchronous=FULL`, temp data in memory, and `secure_delete` on.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import sqlcipher3

from workbook.storage import answer_words
from workbook.storage.errors import DamagedFile, EncryptionUnavailable, StorageFull, WrongPassphrase

KEY_BYTES = 32
PAGE_SIZE = 4096
KDF_ITERATIONS = 256_000  # SQLCipher 4 default, PBKDF2-HMAC-SHA512
SQLITE_HEADER = b"SQLite format 3\x00"

DatabaseError = sqlcipher3.DatabaseError

_quiet = False


def _silence_library_log() -> None:
    """SQLCipher prints HMAC failures to stderr by default: no user text, but they alarm people."""
    global _quiet
    if not _quiet:
        conn = sqlcipher3.connect(":memory:")
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.close()
        _quiet = True


def raw_key_literal(key: bytes) -> bytes:
    """SQLCipher's raw-key form x'…': 256 bits used directly, no KDF (the key is already random)."""
    if len(key) != KEY_BYTES:
        raise ValueError("raw keys are 32 bytes")
    return b"x'" + key.hex().encode("ascii") + b"'"


def passphrase_bytes(passphrase: str) -> bytes:
    """NFC so the same passphrase typed through different input methods opens the same file."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def describe_unreadable(path: Path) -> str | None:
    """Why `path` cannot be one of our files, judged without any key; None if it might be."""
    if path.is_dir():
        return "a folder is where this file should be."
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(16)
    except FileNotFoundError:
        return "the file is missing."
    except OSError:
        return "the file could not be read (check its permissions)."
    if size == 0:
        return "the file is empty."
    if head == SQLITE_HEADER:
        return "it is an unencrypted database, not a Couples Workbook file."
    if size % 1024:
        return "the file is truncated or is not a Couples Workbook file."
    return None


# SQLite's words for a write that the disk refused: full, over a size limit (EFBIG arrives as an
# I/O error), or read-only. Repositories then raise StorageFull, whose message the UI shows.
_REFUSED_WRITES = ("database or disk is full", "disk i/o error", "readonly database")


def _refused_write(error: Exception) -> bool:
    return isinstance(error, sqlcipher3.OperationalError) and any(
        words in str(error).lower() for words in _REFUSED_WRITES)


class GuardedConnection(sqlcipher3.Connection):
    """A connection whose refused writes surface as StorageFull, on every road SQL can take."""

    def execute(self, *args):
        return _guarded(super().execute, *args)

    def executemany(self, *args):
        return _guarded(super().executemany, *args)

    def executescript(self, *args):  # migrations use it
        return _guarded(super().executescript, *args)

    def commit(self):
        return _guarded(super().commit)

    def __exit__(self, *exc):
        return _guarded(super().__exit__, *exc)


def _guarded(call, *args):
    try:
        return call(*args)
    except sqlcipher3.OperationalError as error:
        if _refused_write(error):
            raise StorageFull() from None
        raise


def _connect(path: Path, key: bytes, readonly: bool) -> sqlcipher3.Connection:
    _silence_library_log()
    if readonly:
        conn = sqlcipher3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                  isolation_level=None, factory=GuardedConnection)
    else:
        conn = sqlcipher3.connect(str(path), isolation_level=None, factory=GuardedConnection)
    conn.set_key(key)
    answer_words.register(conn)  # the search-index triggers of answers call it
    version = conn.execute("PRAGMA cipher_version").fetchone()
    if not version or not version[0]:
        conn.close()
        raise EncryptionUnavailable("The encryption library is missing, so the workbook "
                                    "will not be opened or written.")
    return conn


def _check_integrity(conn: sqlcipher3.Connection) -> list[str]:
    """Every page's HMAC, then SQLite's own structure check. Empty list when healthy."""
    problems = [row[0] for row in conn.execute("PRAGMA cipher_integrity_check")]
    if problems:
        return problems
    result = conn.execute("PRAGMA quick_check").fetchone()
    return [] if result and result[0] == "ok" else [str(result)]


def open_existing(path: Path, key: bytes, *, readonly: bool = False,
                  wrong_key_means_damage: bool = True) -> sqlcipher3.Connection:
    """Open an existing encrypted file, verifying it before anything can write.

    `key` is a raw-key literal or passphrase bytes. With `wrong_key_means_damage` (raw keys we
    took from a keyslot, so the key is known good) a failure to decrypt is reported as damage;
    otherwise as a wrong passphrase.
    """
    reason = describe_unreadable(path)
    if reason:
        raise DamagedFile(path.name, reason)
    conn = None
    try:
        conn = _connect(path, key, readonly)
        problems = _check_integrity(conn)
    except DatabaseError as error:
        if conn is not None:
            conn.close()
        if wrong_key_means_damage or "malformed" in str(error):
            raise DamagedFile(path.name, "its contents do not match its checksums.") from None
        raise WrongPassphrase() from None
    if problems:
        conn.close()
        if not wrong_key_means_damage and problems[0].endswith("page 1"):
            raise WrongPassphrase()
        raise DamagedFile(path.name, "its contents do not match its checksums.")
    if not readonly:
        apply_data_pragmas(conn)
    return conn


def create_new(path: Path, key: bytes, *, wal: bool = True) -> sqlcipher3.Connection:
    """Create a new encrypted file. Refuses to touch one that exists."""
    fd = _create_private_file(path)
    os.close(fd)
    conn = _connect(path, key, readonly=False)
    conn.execute(f"PRAGMA kdf_iter = {KDF_ITERATIONS}")  # a constant, not user data
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    apply_data_pragmas(conn)
    return conn


def apply_data_pragmas(conn: sqlcipher3.Connection) -> None:
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA foreign_keys = ON")


def _create_private_file(path: Path) -> int:
    try:
        return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        raise storage_error(error) from None


def storage_error(error: OSError) -> Exception:
    """Map disk-full and read-only conditions to a message; others pass through."""
    import errno
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EFBIG, errno.EACCES):
        return StorageFull()
    return error


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
