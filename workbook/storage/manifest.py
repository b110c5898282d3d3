"""`vault.json`: the one plaintext file of a vault.

It marks the folder as a workbook and records the SHA-256 of each keyslot file. A keyslot that
refuses a passphrase is indistinguishable, from inside SQLCipher, from one whose first page was
damaged; comparing its checksum tells the two apart, so a person with a damaged file is not told
their passphrase is wrong. It holds no names, no keys and nothing the user wrote: only file names
made of random ids, and checksums of ciphertext.

During a keyslot change both the old and the new checksum are accepted for a moment, so a crash
between the rename and the manifest update never makes a good file look damaged.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from workbook.storage.layout import MANIFEST_NAME
from workbook.storage.sqlcipher import fsync_dir

FORMAT = "couples-workbook-vault"
FORMAT_VERSION = 1


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Manifest:
    def __init__(self, folder: Path):
        self.path = folder / MANIFEST_NAME
        self.checksums: dict[str, list[str]] = {}
        self.readable = False

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        manifest = cls(folder)
        try:
            data = json.loads(manifest.path.read_text("utf-8"))
            if data.get("format") == FORMAT and isinstance(data.get("checksums"), dict):
                manifest.checksums = {str(k): [str(h) for h in v]
                                      for k, v in data["checksums"].items()}
                manifest.readable = True
        except (OSError, ValueError, AttributeError, TypeError):
            pass  # a missing or damaged manifest only costs us the damage diagnosis
        return manifest

    def looks_damaged(self, keyslot: Path) -> bool:
        """True only when we know the file's checksum and it does not match."""
        known = self.checksums.get(keyslot.name)
        return bool(known and file_sha256(keyslot) not in known)

    def record(self, name: str, *checksums: str) -> None:
        self.checksums[name] = list(checksums)
        self.save()

    def forget(self, name: str) -> None:
        self.checksums.pop(name, None)
        self.save()

    def save(self) -> None:
        text = json.dumps({"format": FORMAT, "format_version": FORMAT_VERSION,
                           "checksums": self.checksums}, indent=2, sort_keys=True)
        staged = self.path.with_name(self.path.name + ".new")
        fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(staged, self.path)
        fsync_dir(self.path.parent)
        self.readable = True
