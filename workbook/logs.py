"""Logging to a file in the platform's log folder, rotated when the app starts.

Log lines describe what the app did ("partner unlocked"), never what anyone wrote: no answers, no
names, no passphrases, no file paths chosen for exports, and no exception messages from libraries
that might echo user text (only their type names). Keep it that way when adding log calls.

The file is rotated once, at start-up, rather than by `logging.handlers.RotatingFileHandler`:
a session writes a few dozen lines, and importing `logging.handlers` (sockets, pickle, queues)
costs several milliseconds before the first window (benchmarks/README.md).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

LOG_NAME = "couples-workbook.log"
MAX_BYTES = 512_000
KEEP_OLD = 3


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = log_dir / LOG_NAME
    rotate_if_large(path)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_workbook", False)]:
        root.removeHandler(old)
        old.close()
    handler._workbook = True  # type: ignore[attr-defined]  # our mark, to replace it next time
    root.addHandler(handler)
    root.setLevel(level)
    if path.exists():
        os.chmod(path, 0o600)
    return path


def rotate_if_large(path: Path, max_bytes: int = MAX_BYTES, keep: int = KEEP_OLD) -> None:
    """log -> log.1 -> log.2 ... when the log has grown past `max_bytes`; the oldest goes."""
    try:
        if path.stat().st_size < max_bytes:
            return
    except FileNotFoundError:
        return
    for number in range(keep - 1, 0, -1):
        older = path.with_name(f"{path.name}.{number}")
        if older.exists():
            os.replace(older, path.with_name(f"{path.name}.{number + 1}"))
    os.replace(path, path.with_name(f"{path.name}.1"))
