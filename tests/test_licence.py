"""The licence: LICENSE is the GPL-3.0 text, the metadata says GPL-3.0-or-later, every runtime
dependency is listed in the third-party notices with its licence text, and Settings → About shows
the version, where the workbook is kept, and those notices."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from support.vaults import PASSPHRASE_ONE
from support.window import click, open_window, unlock

from workbook import __version__, notices
from workbook.ui.common.prompts import ScriptedPrompts

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# What each licence allows with GPL-3.0-or-later is written down in packaging/README.md.
ALLOWED = ("MIT", "BSD", "Zlib", "LGPL", "Apache", "PSF-2.0", "Unicode", "Bitstream Vera",
           "public domain", "OFL-1.1", "Bootloader-exception")


def test_licence_file_and_metadata():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 3, 29 June 2007" in text
    assert "END OF TERMS AND CONDITIONS" in text  # the full text, not a stub
    project = PYPROJECT["project"]
    assert project["license"] == "GPL-3.0-or-later" and project["license-files"] == ["LICENSE"]
    assert project["authors"] == [{"name": "Couples Workbook contributors"}]
    assert "Homepage" in project["urls"]
    assert {"Programming Language :: Python :: 3.11", "Programming Language :: Python :: 3.12",
            "Programming Language :: Python :: 3.13"} <= set(project["classifiers"])
    # PEP 639's `license` expression needs setuptools 77 or later to build.
    assert "setuptools>=77" in PYPROJECT["build-system"]["requires"]


def test_notices_list_every_runtime_distribution_with_its_licence_text():
    text = notices.generate()
    dists = notices.runtime_distributions()
    names = {d.metadata["Name"].lower().replace("_", "-") for d in dists}
    assert {"pyside6-essentials", "shiboken6", "sqlcipher3", "reportlab", "platformdirs", "pyaes",
            "python-bidi", "arabic-reshaper", "pillow"} <= names
    for dist in dists:
        assert f"\n{dist.metadata['Name']} {dist.version}\n" in text
        licence = notices.licence_of(dist)
        assert any(word.lower() in licence.lower() for word in ALLOWED), (dist, licence)
    fonts = notices.font_licences()
    assert any(what.startswith("DejaVu") for what, _, _ in fonts)
    for what, licence, _ in notices.EMBEDDED + fonts:
        assert f"\n{what}\nLicence: {licence}\n" in text
        assert any(word.lower() in licence.lower() for word in ALLOWED), (what, licence)
    for licence_text in ("GNU LESSER GENERAL PUBLIC LICENSE", "Apache License", "ZETETIC LLC",
                         "Unicode, Inc.", "Bitstream", "PYTHON SOFTWARE FOUNDATION LICENSE"):
        assert licence_text in text, licence_text


def test_bundle_notices_add_the_pyinstaller_bootloader():
    pytest.importorskip("PyInstaller")  # installed where bundles are built (build-deb.sh)
    text = notices.generate(bundle=True)
    assert "pyinstaller" in text and "GPL-2.0-or-later WITH Bootloader-exception" in text
    assert "pyinstaller" not in notices.generate()  # a pip install ships no bootloader


def test_about_shows_version_folder_and_the_licences(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths, ScriptedPrompts())
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.shell.show_section("settings")
    about = window.shell.settings.about
    assert about.isVisibleTo(window)
    assert about.version.text() == f"Couples Workbook {__version__}"
    assert about.folder.isVisibleTo(window)
    assert about.folder.text() == str(app_paths.data_dir)
    assert "GNU General Public License, version 3 or later" in about.licence.text()
    assert not about.notices.isVisibleTo(window)
    qtbot.wait(50)
    click(qtbot, about.licences_button)
    assert about.notices.isVisibleTo(window)
    assert about.licences_button.text() == "Hide the licences"
    shown = about.notices.toPlainText()
    assert "PySide6" in shown and "GNU LESSER GENERAL PUBLIC LICENSE" in shown
    assert about.notices.accessibleName() == "Licences"
    click(qtbot, about.licences_button)
    assert not about.notices.isVisibleTo(window)
