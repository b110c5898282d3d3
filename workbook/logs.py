"""Logging to a rotating file in the platform's log folder.

Log lines describe what the app did ("partner unlocked"), never what anyone wrote: no answers, no
names, no passphrases, no file paths chosen for exports, and no exception messages from libraries
that might echo user text (only their type names). Keep it that way when adding log calls.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

LOG_NAME = "couples-workbook.log"


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = log_dir / LOG_NAME
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=512_000, backupCount=3,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_workbook", False)]:
        root.removeHandler(old)
        old.close()
    handler._workbook = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    if path.exists():
        os.chmod(path, 0o600)
    return path
