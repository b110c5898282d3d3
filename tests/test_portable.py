"""JSON export (format v2) and import: byte-exact round trips for every kind, values as native
JSON, only what the partner may see, a preview that writes nothing, idempotent merging, v1 files,
and malformed files refused without changing anything. A new workbook from an export: see
test_portable_fresh.py."""

from __future__ import annotations

import datetime as dt
import json
import stat

import pytest
from support.cli import run_cli
from support.demanding_answers import LONG, every_kind
from support.vaults import PASSPHRASE_ONE

from workbook import portable
from workbook.answers import AnswerKey, AnswerService
from workbook.content import FieldKind, load_content
from workbook.portable_values import field_of, to_stored
from workbook.trackers.checkins import CheckinService
from workbook.trackers.gratitude import GratitudeService
from workbook.trackers.ladder import LadderService
from workbook.trackers.milestones import MilestoneService

CONTENT = load_content().content
SECRET = "PRIVATE-ZQX-only-mine"


def unlocked(vault, *phrases):
    service = vault.service()
    for phrase in phrases:
        service.unlock(phrase)
    return service, AnswerService(service)


def stored_answers(doc) -> dict[AnswerKey, str]:
    """The export's own answers as the app stores them (values in the file are native JSON)."""
    result = {}
    for entry in doc["answers"]:
        key = AnswerKey(entry["chapter"], entry["worksheet"], entry["field"])
        result[key] = to_stored(field_of(CONTENT, key), entry["value"])
    return result


def test_every_kind_round_trips_through_export_and_import(vault_one, tmp_path):
    service, answers = unlocked(vault_one, PASSPHRASE_ONE)
    me = vault_one.ids[0]
    values = every_kind()
    for key, text in values.items():
        answers.save(me, key, text)
    first = next(iter(values))
    answers.share(me, first)
    path = tmp_path / "out.json"
    portable.write_export(path, portable.export_data(service, me, CONTENT))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    exported = json.loads(path.read_text("utf-8"))
    assert exported["version"] == 2
    assert stored_answers(exported) == values
    for key in values:  # overwrite everything, then merge the file back
        answers.save(me, key, "changed")
    answers.unshare(me, first)
    second = list(values)[1]
    answers.share(me, second)  # shared since the export: the file says it was not
    preview = portable.preview_import(service, me, portable.read_import(path, CONTENT), CONTENT)
    assert preview.tally("Answers").changed == len(values)
    assert answers.get(me, first) == "changed"  # a preview writes nothing
    done = portable.import_data(service, me, portable.read_import(path, CONTENT), CONTENT)
    assert done.tally("Answers").changed == len(values)
    for key, text in values.items():
        assert answers.get(me, key).encode("utf-8") == text.encode("utf-8")
    assert answers.shared_value(me, first) == values[first]
    assert not answers.is_shared(me, second)
    again = portable.import_data(service, me, portable.read_import(path, CONTENT), CONTENT)
    assert again.changes == 0 and again.tally("Answers").unchanged == len(values)  # idempotent
    service.lock()


def test_values_are_native_json_with_the_question_text(vault_one):
    service, answers = unlocked(vault_one, PASSPHRASE_ONE)
    me = vault_one.ids[0]
    for key, text in every_kind().items():
        answers.save(me, key, text)
    entries = {e["kind"]: e for e in portable.export_data(service, me, CONTENT)["answers"]}
    assert entries["scale"]["value"] == next(
        f.max for c in CONTENT.chapters for w in c.worksheets for f in w.fields
        if f.kind == FieldKind.SCALE)
    assert entries["date"]["value"] == "2027-03-01"
    assert isinstance(entries["reframe"]["value"], list)
    assert entries["reframe"]["value"][1] == {"thought": "", "kinder": LONG}
    assert set(entries["checklist"]["value"]) == {"checked", "other"}
    assert isinstance(entries["ranked_list"]["value"], list)
    for entry in entries.values():
        key = AnswerKey(entry["chapter"], entry["worksheet"], entry["field"])
        assert entry["question"] == field_of(CONTENT, key).prompt
    service.lock()


def fill_both(service, alex, sam):
    """Both partners write private and shared things in every tracker."""
    answers = AnswerService(service)
    private = AnswerKey("where-rejection-comes-from", "what-gets-in-the-way", "biggest-factor")
    shared = AnswerKey("where-rejection-comes-from", "what-gets-in-the-way", "how-it-feels")
    for who in (alex, sam):
        answers.save(who, private, f"{SECRET}-{who}")
        answers.save(who, shared, f"shared by {who}")
        answers.share(who, shared)
    checkins = CheckinService(service, CONTENT.checkin_scales)
    scale = CONTENT.checkin_scales[0].id
    for n, who in enumerate((alex, sam)):
        checkins.save(who, {scale: 3 + n}, f"note {SECRET}-{who}", share=True,
                      day=dt.date(2026, 3, 1))
        checkins.save(who, {scale: 5 + n}, "", share=False, day=dt.date(2026, 3, 2))
    gratitude = GratitudeService(service)
    for who in (alex, sam):
        gratitude.save(who, f"grateful {SECRET}-{who}", f"appreciated by {who}", share=True,
                       day=dt.date(2026, 3, 1))
        gratitude.save(who, "quiet", f"unshared {SECRET}-{who}", day=dt.date(2026, 3, 2))
    MilestoneService(service).add("A walk together", None, "notes")
    ladder = LadderService(service)
    step = ladder.add("Holding hands")
    ladder.set_ready(sam, step, True)
    return private, shared, step


def test_an_export_holds_only_what_that_partner_may_see(together):
    service, (alex, sam) = together
    fill_both(service, alex, sam)
    data = portable.export_data(service, alex, CONTENT)
    text = portable.dumps(data)
    assert f"{SECRET}-{sam}" not in text  # Sam's private answer, note, gratitude
    assert f"{SECRET}-{alex}" in text and f"shared by {sam}" in text
    assert f"appreciated by {sam}" in text
    assert data["ladder"]["my_readiness"] == []  # Sam's readiness is Sam's
    assert {c["partner"] for c in data["shared_checkins"]} == {sam}
    assert [c["scores"] for c in data["shared_checkins"]] == [
        {CONTENT.checkin_scales[0].id: 4}]  # only what Sam shared: the numbers, not the note
    assert {a["partner"] for a in data["shared_answers"]} == {sam}
    assert data["milestones"][0]["title"] == "A walk together"
    assert [c["note"] for c in data["checkins"]] == [f"note {SECRET}-{alex}", ""]
    mine = portable.export_data(service, sam, CONTENT)
    assert mine["ladder"]["my_readiness"] == [
        {"step": data["ladder"]["steps"][0]["ref"], "round": 1, "ready": True}]
    preview = portable.import_data(service, sam, data := mine, CONTENT)
    assert preview.changes == 0  # Sam's own file, merged back: already here
    with pytest.raises(portable.InvalidImport, match="exported by someone else"):
        portable.import_data(service, alex, data, CONTENT)


def test_every_export_validates_against_the_shipped_schema(together):
    jsonschema = pytest.importorskip("jsonschema")
    service, (alex, sam) = together
    fill_both(service, alex, sam)
    answers = AnswerService(service)
    for key, text in every_kind().items():
        answers.save(alex, key, text)
    schema = json.loads(portable_schema_path().read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for who in (alex, sam):
        document = json.loads(portable.dumps(portable.export_data(service, who, CONTENT)))
        jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)


def portable_schema_path():
    from workbook.resources import resource_path
    return resource_path("schemas", "export-v2.schema.json")


def test_the_published_schema_is_the_shipped_one():
    from pathlib import Path
    docs = Path(__file__).resolve().parent.parent / "docs" / "export-v2.schema.json"
    assert docs.read_bytes() == portable_schema_path().read_bytes()


def _good_export(service, me):
    answers = AnswerService(service)
    for key, text in every_kind().items():
        answers.save(me, key, text)
    return portable.export_data(service, me, CONTENT)


BREAKAGES = {
    "not an export": (lambda d: d.update(format="other"), "not a Couples Workbook export"),
    "future version": (lambda d: d.update(version=3), "version 3 is not supported"),
    "answers not a list": (lambda d: d.update(answers={}), "answers must be a list"),
    "missing key": (lambda d: d["answers"][0].pop("value"), r"answers\[0\] is missing 'value'"),
    "text value not text": (lambda d: _kind(d, "long_text").update(value=7),
                            r"answers\[\d+\]: field .* expects text"),
    "wrong kind": (lambda d: d["answers"][0].update(kind="slider"),
                   r"answers\[0\].kind must be one of"),
    "other kind": (lambda d: _kind(d, "scale").update(kind="long_text"),
                   r"answers\[\d+\].kind is 'long_text', but field .* is a scale"),
    "bad id": (lambda d: d["answers"][0].update(field="Bad Id"),
               r"answers\[0\].field is not in the expected form"),
    "nul": (lambda d: _kind(d, "long_text").update(value="a\x00b"), "null character"),
    "surrogate": (lambda d: _kind(d, "short_text").update(value="a\ud800"), "lone surrogate"),
    "shared not bool": (lambda d: d["answers"][0].update(shared="yes"),
                        r"answers\[0\].shared must be true or false"),
    "unknown partner": (lambda d: d.update(shared_appreciations=[
        {"partner": "nobody", "day": "2026-01-01", "text": "x"}]),
        "not one of the other 'partners'"),
    "bad day": (lambda d: d.update(gratitude=[
        {"day": "1 March", "grateful": "", "appreciation": "", "shared": False}]),
        r"gratitude\[0\].day is not in the expected form"),
    "too long": (lambda d: d["milestones"].append(
        {"title": "x" * 201, "chapter": None, "suggestion": None, "notes": "", "state": "reached",
         "created_on": "2026-01-01", "started_on": None, "reached_on": None}),
        "longer than 200 characters"),
    "huge text": (lambda d: _kind(d, "long_text").update(value="x" * 1_000_001),
                  "longer than 1000000 characters"),
    "scale out of range": (lambda d: d.update(checkins=[
        {"day": "2026-01-01", "scores": {CONTENT.checkin_scales[0].id: 11}, "note": "",
         "shared": False}]), "outside its scale"),
}


def _kind(data, kind):
    return next(e for e in data["answers"] if e["kind"] == kind)


@pytest.mark.parametrize("name", BREAKAGES)
def test_a_malformed_file_is_refused_and_changes_nothing(vault_one, tmp_path, name):
    service, answers = unlocked(vault_one, PASSPHRASE_ONE)
    me = vault_one.ids[0]
    data = _good_export(service, me)
    before = answers.all_answers(me)
    _kind(data, "long_text")["value"] = "would be written"  # proves below nothing was written
    breaker, message = BREAKAGES[name]
    breaker(data)
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(portable.InvalidImport, match=message):
        portable.import_data(service, me, portable.read_import(path, CONTENT), CONTENT)
    assert answers.all_answers(me) == before
    service.lock()


@pytest.mark.parametrize("name", [n for n in BREAKAGES if n not in (
    "other kind", "text value not text", "nul", "surrogate", "unknown partner", "huge text",
    "scale out of range", "future version")])
def test_jsonschema_refuses_what_the_app_refuses(vault_one, name):
    """The app's own schema checker and the jsonschema package agree on structure."""
    jsonschema = pytest.importorskip("jsonschema")
    service, _ = unlocked(vault_one, PASSPHRASE_ONE)
    data = json.loads(portable.dumps(_good_export(service, vault_one.ids[0])))
    service.lock()
    schema = json.loads(portable_schema_path().read_text("utf-8"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    BREAKAGES[name][0](data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_a_value_that_does_not_fit_its_field_is_refused(vault_one, tmp_path):
    service, answers = unlocked(vault_one, PASSPHRASE_ONE)
    data = _good_export(service, vault_one.ids[0])
    _kind(data, "scale")["value"] = 11
    with pytest.raises(portable.InvalidImport, match="expects a whole number from 0 to 10"):
        portable.import_data(service, vault_one.ids[0], data, CONTENT)
    path = tmp_path / "broken.json"
    path.write_text('{"format": ', "utf-8")
    with pytest.raises(portable.InvalidImport, match="not valid JSON"):
        portable.read_import(path, CONTENT)
    path.write_text("[" * 100_000, "utf-8")
    with pytest.raises(portable.InvalidImport, match="nested far too deeply"):
        portable.read_import(path, CONTENT)
    service.lock()


def test_unknown_ids_are_reported_not_fatal(vault_one):
    service, answers = unlocked(vault_one, PASSPHRASE_ONE)
    me = vault_one.ids[0]
    data = _good_export(service, me)
    data["answers"].append({"chapter": "a-chapter-from-later", "worksheet": "w", "field": "f",
                            "kind": None, "question": None, "value": "kept", "shared": False})
    data["checkins"] = [{"day": "2026-02-02", "scores": {"a-later-scale": 4}, "note": "n",
                         "shared": False}]
    preview = portable.import_data(service, me, data, CONTENT)
    assert preview.tally("Answers").added == 1 and preview.tally("Check-ins").added == 1
    assert any("questions this version" in line for line in preview.lines())
    assert any("scales this version does not have" in line for line in preview.lines())
    assert answers.get(me, AnswerKey("a-chapter-from-later", "w", "f")) == "kept"
    again = portable.export_data(service, me, CONTENT)
    assert {"chapter": "a-chapter-from-later", "worksheet": "w", "field": "f", "kind": None,
            "question": None, "value": "kept", "shared": False} in again["answers"]
    service.lock()


def test_a_version_1_file_still_imports(vault_one):
    service, answers = unlocked(vault_one, PASSPHRASE_ONE)
    me = vault_one.ids[0]
    values = every_kind()
    kinds = {key: field_of(CONTENT, key).kind.value for key in values}
    v1 = {"format": "couples-workbook-export", "version": 1,
          "exported_at": "2026-11-22T10:00:00+00:00", "partner": {"id": me, "name": "Alex"},
          "partners": [{"id": me, "name": "Alex"}],
          "answers": [{"chapter": k.chapter_id, "worksheet": k.worksheet_id,
                       "field": k.field_id, "kind": kinds[k], "value": v, "shared": False}
                      for k, v in values.items()],
          "shared_answers": [], "bookmarks": [{"name": "last-read",
                                                "chapter": next(iter(values)).chapter_id,
                                                "worksheet": None}]}
    preview = portable.import_data(service, me, json.loads(json.dumps(v1)), CONTENT)
    assert preview.tally("Answers").added == len(values)
    assert answers.all_answers(me) == values
    assert answers.bookmark(me) == (next(iter(values)).chapter_id, None)
    assert portable.import_data(service, me, v1, CONTENT).changes == 0
    v1["answers"][0]["value"] = 7
    with pytest.raises(portable.InvalidImport, match=r"answers\[0\].value must be text"):
        portable.import_data(service, me, v1, CONTENT)
    service.lock()


def test_trackers_merge_idempotently_and_the_file_wins_for_own_entries(together):
    service, (alex, sam) = together
    fill_both(service, alex, sam)
    data = portable.export_data(service, alex, CONTENT)
    checkins = CheckinService(service, CONTENT.checkin_scales)
    scale = CONTENT.checkin_scales[0].id
    checkins.save(alex, {scale: 9}, "rewritten", share=False, day=dt.date(2026, 3, 1))
    preview = portable.preview_import(service, alex, data, CONTENT)
    assert preview.tally("Check-ins").changed == 1
    assert preview.tally("Milestones").unchanged == 1
    portable.import_data(service, alex, data, CONTENT)
    restored = checkins.get(alex, dt.date(2026, 3, 1))
    assert (restored.scores, restored.note, restored.shared) == (
        {scale: 3}, f"note {SECRET}-{alex}", True)
    assert checkins.trend(sam, alex)[0].averages == {scale: 3}  # shared again, numbers only
    assert portable.import_data(service, alex, data, CONTENT).changes == 0


def test_the_command_line_warns_previews_and_merges(vault_one, tmp_path):
    folder = str(vault_one.folder)
    out = tmp_path / "export.json"
    result = run_cli("data", "export", "--data-dir", folder, str(out),
                     stdin=PASSPHRASE_ONE + "\n", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "NOT encrypted" in result.stderr and out.exists()
    again = run_cli("data", "export", "--data-dir", folder, str(out),
                    stdin=PASSPHRASE_ONE + "\n", home=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr
    result = run_cli("data", "import", "--dry-run", "--data-dir", folder, str(out),
                     stdin=PASSPHRASE_ONE + "\n", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Nothing was changed" in result.stdout
    result = run_cli("data", "import", "--data-dir", folder, str(out),
                     stdin=PASSPHRASE_ONE + "\n", home=tmp_path)
    assert result.returncode == 0 and "Nothing to change" in result.stdout
    bad = tmp_path / "bad.json"
    bad.write_text("[]", "utf-8")
    result = run_cli("data", "import", "--data-dir", folder, str(bad),
                     stdin=PASSPHRASE_ONE + "\n", home=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "not a Couples Workbook export" in result.stderr


def test_the_documented_example_is_a_valid_export():
    """docs/data-format.md's example passes the app's checks and the jsonschema package."""
    import re
    from pathlib import Path
    jsonschema = pytest.importorskip("jsonschema")
    text = (Path(__file__).resolve().parent.parent / "docs" / "data-format.md").read_text("utf-8")
    example = json.loads(re.search(r"```json\n(.*?)```", text, re.S).group(1))
    assert example["version"] == 2
    schema = json.loads(portable_schema_path().read_text("utf-8"))
    jsonschema.validate(example, schema, cls=jsonschema.Draft202012Validator)
    assert portable.validate(example, CONTENT) is example  # schema, values and partners
    assert all(field_of(CONTENT, AnswerKey(e["chapter"], e["worksheet"], e["field"]))
               for e in example["answers"] + example["shared_answers"])  # real questions


def test_a_long_import_reports_progress_between_steps(vault_one):
    service, _ = unlocked(vault_one, PASSPHRASE_ONE)
    me = vault_one.ids[0]
    data = portable.export_data(service, me, CONTENT)
    data["gratitude"] = [{"day": (dt.date(2020, 1, 1) + dt.timedelta(n)).isoformat(),
                          "grateful": f"day {n}", "appreciation": "", "shared": False}
                         for n in range(1000)]
    steps = []
    portable.import_data(service, me, data, CONTENT, lambda done, total: steps.append(done))
    assert steps == [400, 800, 1000]
    service.lock()
