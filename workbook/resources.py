"""Find the app's own files (content, fonts, icons) wherever the package is installed.

They live inside the package, in `workbook/assets/`, so every kind of install carries them: a
source checkout, an editable install, a wheel or sdist install, and a PyInstaller bundle (where
the spec copies them to `<bundle>/workbook/assets/`). Outside a bundle they are found with
`importlib.resources`; the files must be real files on disk (reportlab and Qt open them by
path), which is true for every install this project makes (no zip imports).
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

ASSETS = "assets"


def resource_root() -> Path:
    """The folder that holds `content/`, `fonts/` and `icons/`."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "workbook" / ASSETS
    root = resources.files("workbook") / ASSETS
    # A regular install gives a pathlib.Path; anything else (a zip) cannot be opened by path.
    return root if isinstance(root, Path) else Path(str(root))


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)
