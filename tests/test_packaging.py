"""Fast checks of the packaging files (no build): they parse, validate, and say what the installers
rely on. The real build and install run in packaging/linux/build-deb.sh and smoke-test.sh."""

from __future__ import annotations

import configparser
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from workbook import APP_ID, APP_NAME, __version__
from workbook.resources import resource_path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "workbook" / "assets" / "icons"
METAINFO_ID = "io.github.couplesworkbook.CouplesWorkbook"
DESKTOP = PACKAGING / "linux" / f"{METAINFO_ID}.desktop"  # named after the app id
METAINFO = PACKAGING / "linux" / f"{METAINFO_ID}.metainfo.xml"
NSIS = PACKAGING / "windows" / f"{APP_ID}.nsi"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Words that must never show in a taskbar, launcher, menu or software centre listing: the app
# is used on shared computers, and its name and blurb are seen by anyone who looks.
NOT_IN_PUBLIC_TEXT = ("sex", "betray", "trauma", "reject", "affair", "infidel", "porn", "abuse")


def test_spec_and_launcher_compile():
    for path in (PACKAGING / f"{APP_ID}.spec", PACKAGING / "launcher.py"):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")


def test_spec_builds_one_folder_with_resources_where_resource_path_looks():
    spec = (PACKAGING / f"{APP_ID}.spec").read_text(encoding="utf-8")
    assert "exclude_binaries=True" in spec and "COLLECT(" in spec  # onedir, not onefile
    assert 'Path("workbook", "assets")' in spec
    assert "sqlcipher3" in spec
    for excluded in ("QtWebEngineCore", "QtQml", "QtQuick", "QtMultimedia", "QtNetwork", "tkinter"):
        assert f'"{excluded}"' in spec


def test_resource_path_points_into_the_bundle_when_frozen(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    expected = tmp_path / "workbook" / "assets" / "icons" / f"{APP_ID}-256.png"
    assert resource_path("icons", f"{APP_ID}-256.png") == expected


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_fields():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Exec"].split()[0] == APP_ID
    assert entry["Icon"] == METAINFO_ID
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == APP_ID


def test_desktop_entry_validates():
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (apt-get install desktop-file-utils)")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def test_metainfo_is_well_formed_and_names_the_app():
    root = _metainfo()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == METAINFO_ID
    assert root.findtext("name") == APP_NAME
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("icon") == METAINFO_ID
    assert root.find("provides/binary").text == APP_ID


def test_metainfo_lists_the_current_version():
    versions = [release.get("version") for release in _metainfo().iter("release")]
    assert __version__ in versions, ("add a <release> for the new version to " + METAINFO.name)


def test_metainfo_validates():
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed (apt-get install appstream)")
    result = subprocess.run([tool, "validate", "--strict", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr  # infos, warnings, errors fail


def test_metainfo_has_homepage_screenshots_and_release_notes():
    root = _metainfo()
    urls = {url.get("type"): url.text for url in root.findall("url")}
    assert urls["homepage"].startswith("https://") and urls["bugtracker"].startswith("https://")
    images = [shot.findtext("image") for shot in root.iter("screenshot")]
    assert images and all(i.startswith("https://") for i in images)
    for image in images:  # the URLs point at screenshots kept in the repository
        assert (ROOT / "docs" / "screenshots" / image.rsplit("/", 1)[-1]).is_file(), image
    release = next(r for r in root.iter("release") if r.get("version") == __version__)
    assert release.get("date") and release.find("description/p").text.strip()


def test_man_page_describes_every_command():
    from workbook.cli.commands import build_parser
    page = (PACKAGING / "linux" / f"{APP_ID}.1").read_text(encoding="utf-8")
    assert page.startswith(".\\\" ") and f".TH {APP_ID.upper()} 1" in page
    commands = next(a for a in build_parser()._actions if a.dest == "command").choices
    for command in commands:
        assert f"\n.B {command}" in page or f"\n.BI \"{command} " in page, command
    man = shutil.which("man")
    if man:
        result = subprocess.run([man, "--warnings", "-l", "-Tutf8", "-Z",
                                 str(PACKAGING / "linux" / f"{APP_ID}.1")],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0 and not result.stderr, result.stderr


def test_deb_ships_notices_changelog_and_man_page_without_xinerama():
    script = (PACKAGING / "linux" / "build-deb.sh").read_text(encoding="utf-8")
    for target in ("THIRD-PARTY-NOTICES.txt.gz", "changelog.gz", "man/man1/$APP.1.gz"):
        assert target in script, target
    assert "libxcb-xinerama0" not in script  # nothing in the bundle links or opens it
    assert "patchelf" in script and "chmod 0644" in script


def test_bundle_carries_licence_and_generated_notices():
    spec = (PACKAGING / f"{APP_ID}.spec").read_text(encoding="utf-8")
    assert "notices.main(" in spec and '(str(ROOT / "LICENSE"), ".")' in spec


def test_public_names_are_discreet():
    entry = _desktop_entry()
    root = _metainfo()
    shown = [entry[key] for key in ("Name", "GenericName", "Comment", "Keywords") if key in entry]
    shown += [root.findtext("name"), root.findtext("summary")]
    shown += [k.text for k in root.iter("keyword")]
    for text in shown:
        for word in NOT_IN_PUBLIC_TEXT:
            assert word not in text.lower(), f"{word!r} in public text {text!r}"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("size", PNG_SIZES)
def test_icon_png_sizes(size):
    path = ICONS / f"{APP_ID}-{size}.png"
    assert path.exists(), f"missing {path.name}: run packaging/render-icons.sh"
    assert _png_size(path) == (size, size)
    assert resource_path("icons", path.name).exists()


def test_icon_svg_is_well_formed_and_square():
    root = ET.parse(ICONS / f"{APP_ID}.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    x, y, width, height = (float(v) for v in root.get("viewBox").split())
    assert (x, y) == (0, 0) and width == height
    assert not root.findall(".//{http://www.w3.org/2000/svg}text"), "text in an icon does not scale"


def test_windows_and_macos_icons():
    ico = (ICONS / f"{APP_ID}.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 4
    widths = {ico[6 + 16 * i] or 256 for i in range(count)}  # 0 means 256
    assert {16, 32, 48, 256} <= widths
    icns = (ICONS / f"{APP_ID}.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_nsis_installs_per_user_with_an_uninstaller():
    script = NSIS.read_text(encoding="utf-8")
    assert re.search(r"^RequestExecutionLevel user$", script, re.M)
    assert r'InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"' in script
    assert "WriteUninstaller" in script and 'Section "Uninstall"' in script
    assert r'"$INSTDIR\uninstall.exe"' in script
    assert "$SMPROGRAMS" in script
    assert "HKLM" not in script and "RequestExecutionLevel admin" not in script
    # The uninstaller removes the program, never the workbook data folder.
    uninstall = script.split('Section "Uninstall"', 1)[1]
    assert "couples-workbook\"" not in uninstall and "$LOCALAPPDATA" not in uninstall


def test_nsis_refuses_to_replace_a_running_app_and_shows_the_licence():
    script = NSIS.read_text(encoding="utf-8")
    for init in ("Function .onInit", "Function un.onInit"):
        body = script.split(init, 1)[1].split("FunctionEnd", 1)[0]
        assert "RefuseWhileRunning" in body, init
    assert "is open. Please close it first" in script
    assert 'MUI_PAGE_LICENSE "..\\..\\LICENSE"' in script
    assert "!uninstfinalize" in script and "!finalize" in script  # both .exe files signed


@pytest.mark.parametrize("version", [__version__, "0.2.0rc1", "1.4.2.dev3"])
def test_nsis_compiles(tmp_path, version):
    makensis = shutil.which("makensis")
    if makensis is None:
        pytest.skip("makensis is not installed (apt-get install nsis)")
    dist = tmp_path / "dist"
    (dist / "_internal").mkdir(parents=True)
    (dist / f"{APP_ID}.exe").write_bytes(b"MZ dummy")
    (dist / "_internal" / "python311.dll").write_bytes(b"dummy")
    out = tmp_path / f"{APP_ID}-{version}-setup.exe"  # a bare "setup.exe" draws a warning
    signed = tmp_path / "signed.txt"
    signer = tmp_path / "sign.sh"  # stands in for signtool: records what it signs
    signer.write_text(f'echo "$1" >> "{signed}"\n')
    sign = f"sh {signer}"
    result = subprocess.run([makensis, "-V2", "-WX", f"-DVERSION={version}",
                             f"-DDIST_DIR={dist}", f"-DOUTFILE={out}", f"-DSIGN_COMMAND={sign}",
                             str(NSIS)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.stat().st_size > 0
    signed_files = signed.read_text().split()
    assert len(signed_files) == 2 and signed_files[-1] == str(out)  # uninstaller, then setup


def test_shell_scripts_parse_and_lint():
    scripts = sorted(PACKAGING.rglob("*.sh"))
    assert len(scripts) >= 4
    for script in scripts:
        subprocess.run(["bash", "-n", str(script)], check=True, timeout=30)
        assert script.read_text().startswith("#!/usr/bin/env bash\n")
        assert "set -euo pipefail" in script.read_text()
    shellcheck = shutil.which("shellcheck")
    if shellcheck:
        result = subprocess.run([shellcheck, *map(str, scripts)], capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 0, result.stdout
