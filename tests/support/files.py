"""What is on disk: a folder's bytes or hashes (to show a failed step changed nothing), and the
files that contain a marker in plaintext (UTF-8 or UTF-16)."""

from __future__ import annotations

import hashlib
from pathlib import Path

ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")


def snapshot(folder) -> dict[str, str]:
    """Each file's path under `folder` and the SHA-256 of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def files_containing(folder, needle: str) -> list[str]:
    """The files under `folder` holding `needle` in UTF-8 or UTF-16."""
    patterns = [needle.encode(enc) for enc in ENCODINGS]
    return [str(p) for p in folder.rglob("*") if p.is_file()
            and any(pat in p.read_bytes() for pat in patterns)]


def file_bytes(folder: Path) -> dict[str, bytes]:
    """Each file's path under `folder` and its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}
