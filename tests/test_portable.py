"""JSON export and import: byte-exact round trips for every kind, only what the partner may see,
idempotent merging, and malformed files refused without changing anything."""

from __future__ import annotations

import datetime as dt
import json
import stat

import pytest
from conftest import PASSPHRASE_ONE, PASSPHRASE_TWO
from test_answer_values import LONG, NASTY
from test_cli import run_cli

from workbook import portable
from workbook.answer_values import ChecklistValue, Reframe, encode
from workbook.answers import AnswerKey, AnswerService
from workbook.content import FieldKind, load_content

CONTENT = load_content().content
SECRET = "PRIVATE-ZQX-only-mine"


def value_for(field):
    """A demanding value of the right shape for any real field."""
    kind = field.kind
    if kind == FieldKind.LONG_TEXT:
        return LONG + NASTY
    if kind == FieldKind.SHORT_TEXT:
        return NASTY
    if kind == FieldKind.CHECKLIST:
        return ChecklistValue(field.options[:2], NASTY if field.allow_other else "")
    if kind == FieldKind.SINGLE_CHOICE:
        return field.options[-1]
    if kind == FieldKind.SCALE:
        return field.max
    if kind == FieldKind.REFRAME:
        return (Reframe(NASTY, "kinder"), Reframe("", LONG))
    if kind == FieldKind.RANKED_LIST:
        return tuple(reversed(field.items)) if field.items else (NASTY, "<b>&")[:field.max_items]
    return dt.date(2027, 3, 1)


def every_kind() -> dict[AnswerKey, str]:
    chosen: dict[FieldKind, tuple[AnswerKey, str]] = {}
    for chapter in CONTENT.chapters:
        for sheet in chapter.worksheets:
            for field in sheet.fields:
                key = AnswerKey(chapter.id, sheet.id, field.id)
                chosen.setdefault(field.kind, (key, encode(field, value_for(field))))
    assert set(chosen) == set(FieldKind)
    return dict(chosen.values())


def unlocked(vault, *phrases):
    service = vault.service()
    for phrase in phrases:
        service.unlock(phrase)
    return service, AnswerService(service)


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
    assert {AnswerKey(e["chapter"], e["worksheet"], e["field"]): e["value"]
            for e in exported["answers"]} == values
    for key in values:  # overwrite everything, then merge the file back
        answers.save(me, key, "changed")
    answers.unshare(me, first)
    report = portable.import_data(service, me, portable.read_import(path, CONTENT), CONTENT)
    assert report.written == len(values)
    for key, text in values.items():
        assert answers.get(me, key).encode("utf-8") == text.encode("utf-8")
    assert answers.shared_value(me, first) == values[first]
    again = portable.import_data(service, me, portable.read_import(path, CONTENT), CONTENT)
    assert (again.written, again.unchanged) == (0, len(values))  # idempotent
    service.lock()


def test_an_export_holds_only_what_that_partner_may_see(vault_two, tmp_path):
    service, answers = unlocked(vault_two, PASSPHRASE_ONE, PASSPHRASE_TWO)
    alex, sam = vault_two.ids
    private = AnswerKey("where-rejection-comes-from", "what-gets-in-the-way", "biggest-factor")
    shared = AnswerKey("where-rejection-comes-from", "what-gets-in-the-way", "how-it-feels")
    answers.save(alex, private, SECRET)
    answers.save(alex, shared, "shared by Alex")
    answers.share(alex, shared)
    data = portable.export_data(service, sam, CONTENT)
    text = portable.dumps(data)
    assert SECRET not in text and "shared by Alex" in text
    assert data["answers"] == [] and data["partner"]["name"] == "Sam"
    report = portable.import_data(service, sam, data, CONTENT)
    assert report.ignored == 1  # Alex's shared answer is Alex's to share, not Sam's
    assert answers.all_answers(sam) == {}
    with pytest.raises(portable.InvalidImport, match="exported by someone else"):
        portable.import_data(service, alex, data, CONTENT)
    service.lock()


def _good_export(service, me):
    answers = AnswerService(service)
    for key, text in every_kind().items():
        answers.save(me, key, text)
    return portable.export_data(service, me, CONTENT)


BREAKAGES = {
    "not an export": (lambda d: d.update(format="other"), "not a Couples Workbook export"),
    "future version": (lambda d: d.update(version=2), "version 2 is not supported"),
    "answers not a list": (lambda d: d.update(answers={}), "'answers' must be a list"),
    "missing key": (lambda d: d["answers"][0].pop("value"), r"answers\[0\] must have exactly"),
    "value not text": (lambda d: d["answers"][1].update(value=7), r"answers\[1\].value must be"),
    "wrong kind": (lambda d: d["answers"][0].update(kind="slider"),
                   r"answers\[0\].kind is 'slider'"),
    "bad id": (lambda d: d["answers"][0].update(field="Bad Id"), "not a valid id"),
    "nul": (lambda d: d["answers"][0].update(value="a\x00b"), "null character"),
    "shared not bool": (lambda d: d["answers"][0].update(shared="yes"), "true or false"),
}


@pytest.mark.parametrize("name", BREAKAGES)
def test_a_malformed_file_is_refused_and_changes_nothing(vault_one, tmp_path, name):
    service, answers = unlocked(vault_one, PASSPHRASE_ONE)
    me = vault_one.ids[0]
    data = _good_export(service, me)
    before = answers.all_answers(me)
    text_entry = next(e for e in data["answers"] if e["kind"] == "long_text")
    text_entry["value"] = "would be written"  # proves below that nothing was written
    breaker, message = BREAKAGES[name]
    breaker(data)
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(portable.InvalidImport, match=message):
        portable.import_data(service, me, portable.read_import(path, CONTENT), CONTENT)
    assert answers.all_answers(me) == before
    service.lock()


def test_a_value_that_does_not_fit_its_field_is_refused(vault_one, tmp_path):
    service, answers = unlocked(vault_one, PASSPHRASE_ONE)
    data = _good_export(service, vault_one.ids[0])
    scale = next(e for e in data["answers"] if e["kind"] == "scale")
    scale["value"] = '{"value":11}'
    with pytest.raises(portable.InvalidImport, match="expects a whole number from 0 to 10"):
        portable.import_data(service, vault_one.ids[0], data, CONTENT)
    path = tmp_path / "broken.json"
    path.write_text('{"format": ', "utf-8")
    with pytest.raises(portable.InvalidImport, match="not valid JSON"):
        portable.read_import(path, CONTENT)
    service.lock()


def test_the_command_line_warns_and_merges(vault_one, tmp_path):
    folder = str(vault_one.folder)
    out = tmp_path / "export.json"
    result = run_cli("data", "export", "--data-dir", folder, str(out),
                     stdin=PASSPHRASE_ONE + "\n", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "NOT encrypted" in result.stderr and out.exists()
    again = run_cli("data", "export", "--data-dir", folder, str(out),
                    stdin=PASSPHRASE_ONE + "\n", home=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr
    result = run_cli("data", "import", "--data-dir", folder, str(out),
                     stdin=PASSPHRASE_ONE + "\n", home=tmp_path)
    assert result.returncode == 0 and "0 answers written" in result.stdout
    bad = tmp_path / "bad.json"
    bad.write_text("[]", "utf-8")
    result = run_cli("data", "import", "--data-dir", folder, str(bad),
                     stdin=PASSPHRASE_ONE + "\n", home=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "not a Couples Workbook export" in result.stderr
