"""Starting a new workbook from an export, and spreadsheets: a ten-year demo exported, brought
into a new workbook and exported again is the same document apart from ids and the time; the
command line's `data import --new` and `data export --csv`; CSV cells never become formulas."""

from __future__ import annotations

import csv
import io
import json

import pytest
from support.cli import run_cli
from support.vaults import PASSPHRASE_ONE

from workbook import portable
from workbook.accounts import WorkbookService
from workbook.answers import AnswerService
from workbook.content import load_content
from workbook.demo.workbook import DEMO_PARTNERS, create_demo
from workbook.spreadsheets import safe_cell, tables, to_csv, write_spreadsheets

CONTENT = load_content().content
NEW_PASSPHRASE = "a fresh start passphrase 7"


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo") / "vault"
    create_demo(folder, years=10, say=lambda _: None)
    service = WorkbookService(folder)
    me = service.unlock(DEMO_PARTNERS[0][1])
    document = json.loads(portable.dumps(portable.export_data(service, me.id, CONTENT)))
    service.lock()
    return document


def _same_apart_from_ids(first: dict, second: dict) -> None:
    old, new = first["partner"]["id"], second["partner"]["id"]
    assert old != new  # a new workbook: a new private space, with its own id
    assert first["exported_at"] != "" and second["exported_at"] != ""
    text = json.dumps({k: v for k, v in first.items() if k != "exported_at"}, sort_keys=True)
    again = json.dumps({k: v for k, v in second.items() if k != "exported_at"}, sort_keys=True)
    assert again.replace(new, old) == text


def test_a_ten_year_export_starts_a_new_workbook_that_exports_the_same(ten_years, tmp_path):
    assert len(ten_years["checkins"]) > 3000 and ten_years["shared_appreciations"]
    service = WorkbookService(tmp_path / "new")
    created, preview = portable.start_from_export(service, ten_years, CONTENT, NEW_PASSPHRASE)
    me = created.info.id
    assert created.recovery_code and created.info.name == ten_years["partner"]["name"]
    assert preview.tally("Check-ins").added == len(ten_years["checkins"])
    again = json.loads(portable.dumps(portable.export_data(service, me, CONTENT)))
    _same_apart_from_ids(ten_years, again)
    other = next(p for p in service.partners() if p.id != me)  # kept as history, with a name
    assert (other.name, other.unlocked) == (DEMO_PARTNERS[1][0], False)
    shared = AnswerService(service).shared_in_chapter(None)
    assert len([k for (owner, k) in shared if owner == other.id]) == len(
        ten_years["shared_answers"])
    assert portable.import_data(service, me, ten_years, CONTENT).changes == 0  # idempotent
    service.lock()
    reopened = WorkbookService(tmp_path / "new")
    assert reopened.unlock(NEW_PASSPHRASE).id == me
    reopened.lock()
    with pytest.raises(portable.InvalidImport, match="already a workbook"):
        portable.start_from_export(reopened, ten_years, CONTENT, NEW_PASSPHRASE)


def test_the_ten_year_spreadsheets_have_one_row_per_entry(ten_years, tmp_path):
    paths = write_spreadsheets(tmp_path / "sheets", ten_years, CONTENT)
    assert [p.name for p in paths] == ["checkins.csv", "gratitude.csv", "milestones.csv"]
    raw = paths[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads UTF-8
    with paths[0].open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == len(ten_years["checkins"]) + 1
    assert rows[0][0] == "Date" and rows[0][1] == CONTENT.checkin_scales[0].title
    assert rows[1][0] == ten_years["checkins"][0]["day"]
    with paths[1].open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) == len(ten_years["gratitude"]) + 1
    with paths[2].open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) == len(ten_years["milestones"]) + 1
    with pytest.raises(Exception, match="already exists"):
        write_spreadsheets(tmp_path / "sheets", ten_years, CONTENT)


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+1+2", "-3", "@SUM(A1)",
                                  "\t=1", "\r=1"])
def test_a_cell_never_becomes_a_formula(text):
    doc = {"gratitude": [{"day": "2026-01-01", "grateful": text, "appreciation": "fine, =ok",
                          "shared": False}]}
    rows = list(csv.reader(io.StringIO(to_csv(tables(doc, CONTENT)["gratitude.csv"]),
                           newline="")))
    assert rows[1][1] == "'" + text and rows[1][2] == "fine, =ok"
    assert safe_cell(7) == 7


def test_the_command_line_starts_a_new_workbook_and_writes_spreadsheets(vault_one, tmp_path):
    out = tmp_path / "export.json"
    result = run_cli("data", "export", "--data-dir", str(vault_one.folder), str(out),
                     stdin=PASSPHRASE_ONE + "\n", home=tmp_path)
    assert result.returncode == 0, result.stderr
    new = tmp_path / "elsewhere"
    result = run_cli("data", "import", "--new", "--data-dir", str(new), str(out),
                     stdin=NEW_PASSPHRASE + "\n", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "recovery code" in result.stdout and "A new workbook is ready" in result.stdout
    service = WorkbookService(new)
    assert service.unlock(NEW_PASSPHRASE).name == "Alex"
    service.lock()
    result = run_cli("data", "export", "--csv", str(tmp_path / "sheets"), "--data-dir", str(new),
                     stdin=NEW_PASSPHRASE + "\n", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "NOT encrypted" in result.stderr
    assert (tmp_path / "sheets" / "checkins.csv").exists()
    again = run_cli("data", "import", "--new", "--data-dir", str(new), str(out),
                    stdin=NEW_PASSPHRASE + "\n", home=tmp_path)
    assert again.returncode == 2 and "already a workbook" in again.stderr
