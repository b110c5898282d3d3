"""Window geometry and the last section, kept per workbook folder (issue 17).

A computer may hold more than one workbook (a portable one on a stick, a demo beside the real
one), and each should open where it was left, not where the last one was. So these two values
live in a settings group named after the workbook folder. The group's name is a keyed hash of
the folder's resolved path, never the path itself: a folder's name can say something ("Alex and
Sam"), and the settings file must not. The key is a random salt kept in the same file, so the
names cannot be looked up in a table made elsewhere; someone at this computer who guesses a
path can still test the guess, which tells them only what they already guessed.

Nothing here is user text: the geometry is Qt's bytes, the section is one of the shell's keys.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings

SALT_KEY = "workbooks/salt"
LEGACY_GEOMETRY, LEGACY_PAGE = "window/geometry", "window/page"  # per computer, until 2026
FRAME_ALLOWANCE = (16, 48)  # a title bar and borders, which resize() does not count
NOT_REMEMBERED = frozenset({"support"})  # the file must not say that someone looked for help


def first_size(default: tuple[int, int], room: QRect) -> tuple[int, int]:
    """The size of a window opened for the first time: the default, or less on a small screen,
    so that the whole window, title bar included, fits (at 800×600 the bottom row of buttons
    would otherwise sit under the screen's edge)."""
    return (min(default[0], room.width() - FRAME_ALLOWANCE[0]),
            min(default[1], room.height() - FRAME_ALLOWANCE[1]))


def folder_id(folder: Path, salt: bytes) -> str:
    resolved = str(Path(folder).expanduser().resolve()).encode("utf-8", "surrogateescape")
    return hashlib.blake2b(resolved, key=salt, digest_size=10).hexdigest()


class WorkbookState:
    """`geometry()`/`save_geometry()` and `section()`/`remember_section()` for one folder."""

    def __init__(self, settings: QSettings, folder: Path):
        self._settings = settings
        self._group = f"workbooks/{folder_id(folder, self._salt())}"
        self._adopt_legacy()

    def _salt(self) -> bytes:
        try:
            salt = bytes.fromhex(str(self._settings.value(SALT_KEY, "")))
        except ValueError:
            salt = b""
        if len(salt) != 16:
            salt = os.urandom(16)
            self._settings.setValue(SALT_KEY, salt.hex())
        return salt

    def _key(self, name: str) -> str:
        return f"{self._group}/{name}"

    def _adopt_legacy(self) -> None:
        """Versions before this one kept both values per computer: the first workbook opened
        after the update takes them over, and the computer-wide copies go."""
        for old, new in ((LEGACY_GEOMETRY, "geometry"), (LEGACY_PAGE, "page")):
            if self._settings.contains(old):
                if not self._settings.contains(self._key(new)):
                    self._settings.setValue(self._key(new), self._settings.value(old))
                self._settings.remove(old)

    def geometry(self) -> QByteArray | None:
        saved = self._settings.value(self._key("geometry"))
        return saved if isinstance(saved, QByteArray) and not saved.isEmpty() else None

    def save_geometry(self, geometry: QByteArray) -> None:
        self._settings.setValue(self._key("geometry"), geometry)
        self._settings.sync()

    def section(self, default: str) -> str:
        saved = self._settings.value(self._key("page"), default)
        return saved if isinstance(saved, str) and saved.isidentifier() else default

    def remember_section(self, key: str) -> None:
        if key not in NOT_REMEMBERED and key.isidentifier():
            self._settings.setValue(self._key("page"), key)
