"""One writer per workbook: an exclusive operating-system lock beside the workbook folder.

The lock file is `<parent>/.<folder name>.lock`, beside the folder rather than inside it, so a
restore that renames the folder away and another into place keeps the same lock. It holds no
secrets and nothing the user wrote (only the holder's process id, for a person looking at it).

The lock is `fcntl.flock` on POSIX and `msvcrt.locking` on Windows. The kernel releases either
when the process ends, however it ends (a crash, SIGKILL, a power cut), so a stale lock cannot
outlive its holder: a leftover lock file from a dead process is simply locked again.

Inside one process the lock is shared and counted (the window, its backup and its restore all
run in the same process and must not refuse each other); only another process is refused.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from workbook.storage.errors import VaultError
from workbook.storage.layout import make_private_dirs

BUSY_MESSAGE = ("This workbook is open in another window. Lock it or close it there first, then "
                "try again. Nothing has been changed.")


class WorkbookBusy(VaultError):
    def __init__(self) -> None:
        super().__init__(BUSY_MESSAGE)


_held: dict[Path, list] = {}  # lock path -> [fd, count]
_guard = threading.Lock()


def lock_path(folder: Path) -> Path:
    folder = Path(folder).absolute()
    return folder.with_name(f".{folder.name}.lock")


def acquire(folder: Path) -> Path:
    """Take (or, in this process, share) the workbook's lock. Raises WorkbookBusy when another
    process holds it. Returns the key to pass to `release`."""
    path = lock_path(folder)
    with _guard:
        entry = _held.get(path)
        if entry is not None:
            entry[1] += 1
            return path
        make_private_dirs(path.parent)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock_fd(fd)
        except OSError:
            os.close(fd)
            raise WorkbookBusy() from None
        try:  # over the old pid, then cut to length: truncating to nothing first can wait on
            # the file system's journal for milliseconds, at every unlock (benchmarks/README.md)
            pid = f"{os.getpid()}\n".encode("ascii")
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, pid)
            os.ftruncate(fd, len(pid))
        except OSError:
            pass  # the pid is only a courtesy; the lock itself is what counts
        _held[path] = [fd, 1]
        return path


def release(key: Path) -> None:
    with _guard:
        entry = _held.get(key)
        if entry is None:
            return
        entry[1] -= 1
        if entry[1] > 0:
            return
        del _held[key]
        fd = entry[0]
        try:
            if not _folder_of(key).exists():  # nothing left to guard (deleted, or a failed
                _forget(key)                  # restore into a new folder): leave no trace
            _unlock_fd(fd)
        finally:
            os.close(fd)


def _folder_of(key: Path) -> Path:
    return key.with_name(key.name[1:-len(".lock")])


def _forget(key: Path) -> None:
    try:
        key.unlink(missing_ok=True)
    except OSError:
        pass  # Windows keeps an open file; an empty lock file is harmless


def held_here(folder: Path) -> bool:
    with _guard:
        return lock_path(folder) in _held


class Held:
    """`with Held(folder):` for a command that writes without unlocking (restore)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.key: Path | None = None

    def __enter__(self) -> Held:
        self.key = acquire(self.folder)
        return self

    def __exit__(self, *exc) -> None:
        if self.key is not None:
            release(self.key)
            self.key = None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock_fd(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock_fd(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
