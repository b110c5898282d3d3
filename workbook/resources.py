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

from workbook.errors import WorkbookError

ASSETS = "assets"

# What every install must carry besides the content files (checked by `missing_files`).
FONT_FILES = tuple(f"fonts/{face}.ttf" for face in (
    "DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic", "DejaVuSans", "DejaVuSans-Bold",
    "DejaVuSansMono"))
ICON_FILES = tuple(f"icons/couples-workbook-{size}.png" for size in (16, 24, 32, 48, 64, 128, 256))


class MissingResources(WorkbookError):
    """The app's own files are missing or damaged: a broken install, never the person's doing.
    The CLI exits 2 with the message, the window shows it in a calm box and closes."""

    MESSAGE = ("The app's own files are missing or damaged. Please reinstall Couples Workbook; "
               "your workbook itself is not affected.")

    def __init__(self, detail: str = "") -> None:
        super().__init__(self.MESSAGE)
        self.detail = detail  # which file, for the log and developers; never user text


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


def missing_files() -> list[str]:
    """The required files that are not there (names relative to the assets folder). Cheap:
    only looks at the file system, so the window can ask before its first paint."""
    root = resource_root()
    missing = [name for name in FONT_FILES + ICON_FILES if not (root / name).is_file()]
    if not any((root / "content").glob("*.toml")):
        missing.insert(0, "content/*.toml")
    return missing


def require_files() -> None:
    """Raise MissingResources when a required file is absent."""
    missing = missing_files()
    if missing:
        raise MissingResources(", ".join(missing[:3]) + (" ..." if len(missing) > 3 else ""))


def verify_installation() -> None:
    """Everything the app ships is there and the content loads without a single error; raise
    MissingResources otherwise. Costs a content load (~50 ms), so it runs before commands that
    would otherwise fail half way (demo, self-test), not before the first window."""
    require_files()
    from workbook.content.loader import load_content
    load_content()  # the bundled content raises MissingResources unless it loads cleanly
