"""Write a file so that it is either complete or not there at all, readable only by its owner.

A PDF built straight into its target would leave half a file behind if building fails (or the
computer loses power) and would replace a good earlier copy with it. So: write a private temp
file beside the target, flush it to disk, then rename it over the target in one step.
"""

from __future__ import annotations

import logging
import os
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from workbook.export.errors import ExportError

log = logging.getLogger(__name__)
_TEMP_PREFIX = ".workbook-export-"


def save_atomically(out_path: str | Path, write_fn: Callable[[BinaryIO], object]) -> None:
    """Call `write_fn(file)` on a private temp file, then move it to `out_path`.

    The saved file has mode 0o600. On any failure the temp file is removed, an existing file at
    `out_path` is left untouched, and an ExportError is raised whose message names only the
    kind of problem: exception texts from the PDF library can quote the person's answers, so
    they are neither shown nor chained (`from None`).
    """
    target = Path(out_path)
    temp: str | None = None
    try:
        # mkstemp creates the file with mode 0o600 whatever the umask.
        fd, temp = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            write_fn(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
        temp = None
        _sync_folder(target.parent)
    except ExportError:
        raise
    except Exception as exc:
        log.warning("PDF export failed: %s at %s", type(exc).__name__, _where(exc))
        raise ExportError(_message(exc)) from None
    finally:
        if temp is not None:
            _remove(temp)


def _message(exc: Exception) -> str:
    kind = type(exc).__name__
    if isinstance(exc, PermissionError):
        return ("The PDF could not be saved there. If a file with that name is open in another "
                f"program, close it and try again, or choose another folder. ({kind})")
    if isinstance(exc, FileNotFoundError):
        return f"The PDF could not be saved: that folder does not exist any more. ({kind})"
    if isinstance(exc, OSError):
        return f"The PDF could not be saved. The disk may be full or unavailable. ({kind})"
    return f"The PDF could not be created. Nothing was saved. ({kind})"


def _where(exc: BaseException) -> str:
    """Where it failed, as file:line:function only; the message and locals are never shown."""
    frames = traceback.extract_tb(exc.__traceback__)[-3:]
    return " <- ".join(f"{Path(f.filename).name}:{f.lineno}:{f.name}" for f in reversed(frames))


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass  # already gone, or the folder vanished: nothing left to clean


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open folders, and needs not."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass  # the file is saved; only its durability across a power cut is less certain
