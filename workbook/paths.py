"""Where the app keeps things. One object, passed explicitly, so tests never patch globals.

On Linux platformdirs follows XDG_DATA_HOME, XDG_CONFIG_HOME and XDG_STATE_HOME, which is how
tests run the command line against a throw-away home.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import platformdirs

from workbook import APP_ID


class AppPaths(NamedTuple):
    data_dir: Path     # the vault folder
    config_dir: Path   # settings.ini: window geometry and other UI state, never user text
    log_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.ini"

    @classmethod
    def default(cls, data_dir: Path | None = None) -> AppPaths:
        vault = data_dir or Path(platformdirs.user_data_dir(APP_ID, appauthor=False)) / "vault"
        return cls(
            data_dir=Path(vault).expanduser(),
            config_dir=Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
        )

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """Everything inside one folder (tests, portable use)."""
        root = Path(root)
        return cls(root / "vault", root / "config", root / "logs")
