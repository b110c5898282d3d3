"""Settings → Your data (export, spreadsheets, import with a preview) and "Start from an export"
on the welcome screen, driven through the real window with scripted prompts."""

from __future__ import annotations

import json

from support.vaults import PASSPHRASE_ONE
from support.window import click, finish_codes, open_window, type_text, unlock

from workbook.accounts import WorkbookService
from workbook.answers import AnswerKey, AnswerService
from workbook.ui.common.prompts import ScriptedPrompts

KEY = AnswerKey("where-rejection-comes-from", "what-gets-in-the-way", "biggest-factor")


def open_data_card(qtbot, app_paths, prompts):
    window = open_window(qtbot, app_paths, prompts)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.shell.show_section("settings")
    card = window.shell.settings.data
    assert card.isVisibleTo(window) and card.title.text() == "Your data"
    qtbot.waitUntil(lambda: card.export_button.height() > 0)  # the new page is laid out
    return window, card


def test_export_warns_then_import_previews_and_merges(qtbot, vault_one, app_paths, tmp_path):
    target = tmp_path / "mine.json"
    prompts = ScriptedPrompts(True, str(target))
    window, card = open_data_card(qtbot, app_paths, prompts)
    answers = AnswerService(window.service)
    me = vault_one.ids[0]
    answers.save(me, KEY, "before the export")
    click(qtbot, card.export_button)
    assert prompts.shown[0].kind == "confirm" and "not encrypted" in prompts.shown[0].text
    assert json.loads(target.read_text("utf-8"))["version"] == 2
    assert card.message.isVisibleTo(window) and "not encrypted" in card.message.text()

    prompts.queue_answers(str(target))  # importing what is already here changes nothing
    click(qtbot, card.import_button)
    assert "already here" in card.message.text() and card.message.isVisibleTo(window)

    answers.save(me, KEY, "changed since")
    prompts.queue_answers(str(target), True)
    click(qtbot, card.import_button)
    preview = prompts.shown[-1]
    assert preview.kind == "confirm" and "Answers: 0 new, 1 changed" in preview.text
    assert "Imported: 1 entries" in card.message.text()
    assert answers.get(me, KEY) == "before the export"


def test_a_damaged_file_is_refused_calmly(qtbot, vault_one, app_paths, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "couples-workbook-export", "version": 2}', "utf-8")
    prompts = ScriptedPrompts(str(bad))
    window, card = open_data_card(qtbot, app_paths, prompts)
    click(qtbot, card.import_button)
    assert card.message.isVisibleTo(window) and "missing" in card.message.text()
    assert [s.kind for s in prompts.shown] == ["open_file"]  # no preview to confirm


def test_spreadsheets_from_the_window(qtbot, vault_one, app_paths, tmp_path):
    folder = tmp_path / "sheets"
    prompts = ScriptedPrompts(True, str(folder))
    window, card = open_data_card(qtbot, app_paths, prompts)
    click(qtbot, card.sheets_button)
    assert "not encrypted" in prompts.shown[0].text
    assert sorted(p.name for p in folder.iterdir()) == ["checkins.csv", "gratitude.csv",
                                                       "milestones.csv"]
    assert "checkins.csv" in card.message.text()


def test_start_a_new_workbook_from_an_export(qtbot, vault_one, app_paths, tmp_path):
    service = WorkbookService(vault_one.folder)
    me = service.unlock(PASSPHRASE_ONE).id
    AnswerService(service).save(me, KEY, "carried over")
    from workbook import portable
    from workbook.content import load_content
    exported = tmp_path / "moving.json"
    portable.write_export(exported, portable.export_data(service, me, load_content().content))
    service.lock()

    fresh = app_paths.__class__.under(tmp_path / "newhome")
    prompts = ScriptedPrompts(str(exported))
    window = open_window(qtbot, fresh, prompts)
    assert window.welcome.from_export_button.isVisibleTo(window)
    click(qtbot, window.welcome.from_export_button)
    page = window.from_export_page
    assert window.current_page is page and not page.form.isVisibleTo(window)
    click(qtbot, page.choose_button)
    assert page.summary.isVisibleTo(window) and "1 answers" in page.summary.text()
    assert page.form.name.text() == "Alex"
    type_text(qtbot, page.form.passphrase.first, "new home new passphrase 5")
    type_text(qtbot, page.form.passphrase.again, "new home new passphrase 5")
    click(qtbot, page.start_button)
    codes = finish_codes(qtbot, window)
    assert [title for title, _ in codes] == ["Alex, this is your recovery code"]
    assert window.current_page is window.shell
    new_me = window.service.present_partners()[0].id
    assert new_me != me
    assert AnswerService(window.service).get(new_me, KEY) == "carried over"


def test_a_partner_kept_as_history_is_not_offered_a_join(qtbot, vault_two, app_paths, tmp_path):
    from workbook import portable
    from workbook.content import load_content
    service = WorkbookService(vault_two.folder)
    service.unlock(PASSPHRASE_ONE)
    exported = tmp_path / "moving.json"
    portable.write_export(exported, portable.export_data(service, vault_two.ids[0],
                                                         load_content().content))
    service.lock()
    fresh = app_paths.__class__.under(tmp_path / "newhome")
    window = open_window(qtbot, fresh, ScriptedPrompts(str(exported)))
    click(qtbot, window.welcome.from_export_button)
    page = window.from_export_page
    click(qtbot, page.choose_button)
    type_text(qtbot, page.form.passphrase.first, "new home new passphrase 5")
    type_text(qtbot, page.form.passphrase.again, "new home new passphrase 5")
    click(qtbot, page.start_button)
    finish_codes(qtbot, window)
    names = [p.name for p in window.service.partners()]
    assert names == ["Alex", "Sam"]  # Sam's name stays beside what Sam shared
    home = window.shell.home
    window.shell.show_section("home")
    assert not home.join.isVisibleTo(window)  # Sam has no passphrase here: nobody to join
