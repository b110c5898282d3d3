"""The app's own files (workbook/assets: content, fonts, icons) travel inside the package, and an
install without them, or with them damaged, fails at once and clearly: the command line exits 2
with one line, `demo` writes nothing, self-test names the file, the window shows one calm box.

A broken install is simulated the way a PyInstaller bundle finds its files: `sys._MEIPASS`
pointing at a folder whose `workbook/assets` is missing or altered."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

import workbook
from workbook.cli.commands import main
from workbook.resources import (
    FONT_FILES,
    ICON_FILES,
    MissingResources,
    missing_files,
    resource_root,
    verify_installation,
)

ASSETS = Path(workbook.__file__).resolve().parent / "assets"
ONE_LINE = "couples-workbook: " + MissingResources.MESSAGE


def test_assets_are_found_inside_the_package_not_beside_it():
    assert resource_root().resolve() == ASSETS
    assert missing_files() == []
    verify_installation()  # raises if anything is missing or the content has an error


def test_the_required_files_match_what_printing_and_the_window_use():
    from workbook.export import fonts
    assert {f"fonts/{face}.ttf" for face in fonts._FILES} == set(FONT_FILES)
    assert all((ASSETS / name).is_file() for name in FONT_FILES + ICON_FILES)


@pytest.fixture
def bundle(tmp_path, monkeypatch) -> Path:
    """A stand-in install whose assets folder a test may damage; returns that folder."""
    assets = tmp_path / "bundle" / "workbook" / "assets"
    shutil.copytree(ASSETS, assets)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "bundle"), raising=False)
    assert resource_root() == assets
    return assets


def _damage_content(assets: Path) -> None:
    scales = assets / "content" / "checkins.toml"
    scales.write_text(scales.read_text(encoding="utf-8").replace("[[scales]]", "[[scale]]", 1),
                      encoding="utf-8")


def test_bundled_content_with_any_error_is_a_broken_install(bundle):
    _damage_content(bundle)
    with pytest.raises(MissingResources) as raised:
        from workbook.content import load_content
        load_content()
    assert "checkins.toml" in raised.value.detail
    # A folder given by name is still loaded leniently, for people writing content.
    from workbook.content import load_content
    assert load_content(bundle / "content").errors


@pytest.mark.parametrize("damage", ["no assets", "no fonts", "bad content"])
def test_cli_says_in_one_line_that_the_apps_files_are_missing(bundle, tmp_path, capsys,
                                                               monkeypatch, damage):
    if damage == "no assets":
        shutil.rmtree(bundle)
    elif damage == "no fonts":
        shutil.rmtree(bundle / "fonts")
        from workbook.export import fonts
        monkeypatch.setattr(fonts, "_coverage", {})  # as in a fresh process: nothing loaded yet
    else:
        _damage_content(bundle)
    out = tmp_path / "blank.pdf"
    assert main(["--data-dir", str(tmp_path / "data"), "blank", "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == ONE_LINE, err
    assert not out.exists()


def test_demo_checks_everything_before_writing_a_single_file(bundle, tmp_path, capsys):
    _damage_content(bundle)
    folder = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(folder)]) == 2
    assert capsys.readouterr().err.strip() == ONE_LINE
    assert not folder.exists()


def test_self_test_fails_first_and_names_the_missing_file(bundle, capsys):
    (bundle / "fonts" / "DejaVuSans.ttf").unlink()
    assert main(["self-test"]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("FAILED  the app's own files")
    assert "fonts/DejaVuSans.ttf" in lines[0]


def test_the_window_shows_one_calm_message_instead_of_empty_pages(bundle, qapp, app_paths,
                                                                  monkeypatch):
    from workbook.ui import app as app_module
    from workbook.ui.common.prompts import ScriptedPrompts
    shutil.rmtree(bundle / "content")
    prompts = ScriptedPrompts()
    monkeypatch.setattr(app_module, "Prompts", lambda: prompts)
    built = []
    monkeypatch.setattr(app_module, "create_main_window", lambda *a: built.append(a))
    assert app_module.run_gui(app_paths, ["couples-workbook"]) == 2
    assert [(s.kind, s.text) for s in prompts.shown] == [("error", MissingResources.MESSAGE)]
    assert built == []  # no window with empty chapters behind the message


def test_content_damaged_after_the_first_paint_closes_the_window_calmly(qtbot, app_paths,
                                                                        monkeypatch):
    from workbook.accounts import WorkbookService
    from workbook.ui import app as app_module
    from workbook.ui.common.prompts import ScriptedPrompts
    window = app_module.create_main_window(WorkbookService(app_paths.data_dir), app_paths,
                                           ScriptedPrompts())
    qtbot.addWidget(window)
    exits = []
    monkeypatch.setattr(app_module.QApplication, "exit", exits.append)
    restore = app_module._stop_on_missing_files(window)
    try:
        error = MissingResources("checkins.toml: ...")
        sys.excepthook(MissingResources, error, None)
    finally:
        restore()
    assert [(s.kind, s.text) for s in window.prompts.shown] == [
        ("error", MissingResources.MESSAGE)]
    assert exits == [2]
