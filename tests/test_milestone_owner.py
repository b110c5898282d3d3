"""Whose a milestone is: an "I…" milestone names its partner in the list, in its details, in the
session packet and in a data export; the couple's own say "Both of you"; one added before the
app asked says "Not recorded"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from support.vaults import NAME_ONE, PASSPHRASE_ONE
from support.visible import shown_texts
from support.window import click, open_window, unlock

from workbook.trackers.milestones import MilestoneService
from workbook.trackers.tracking import TrackerError

I_SUGGESTION = "I said no clearly and kindly, and offered another kind of closeness"


def test_the_service_keeps_whose_a_milestone_is(vault_one):
    service = vault_one.service()
    alex = service.unlock(PASSPHRASE_ONE)
    milestones = MilestoneService(service)
    mine = milestones.get(milestones.add("I asked for a hug", owner=alex.id))
    ours = milestones.get(milestones.add("A walk without phones"))
    assert milestones.whose(mine) == NAME_ONE and milestones.whose(ours) == "Both of you"
    with pytest.raises(TrackerError, match="whose milestone"):
        milestones.add("Someone else's", owner="ffffffffffff")
    older = milestones._repo().add("From before", None, None, "", "2024-01-01", None)
    assert milestones.whose(milestones.get(older)) == "Not recorded"
    service.lock()


def test_an_i_suggestion_is_added_as_the_present_partners_own(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.shell.show_section("milestones")
    page = window.shell.trackers["milestones"]
    form = page.form
    assert form.whose.isVisibleTo(window) and form.whose.currentText() == "Both of us"
    form.suggestion.setCurrentIndex(form.suggestion.findText(
        I_SUGGESTION, flags=Qt.MatchFlag.MatchStartsWith))
    assert form.whose.currentText() == NAME_ONE  # an "I…" one, alone: yours unless you change it
    click(qtbot, page.add_button)
    row = f"{I_SUGGESTION} — not started ({NAME_ONE})"
    assert page.chosen().title == I_SUGGESTION
    texts = shown_texts(window)
    assert f"Whose: {NAME_ONE}" in " ".join(texts)
    assert page.model.data(page.list.currentIndex()) == row


def test_a_data_export_says_whose_and_a_fresh_start_gives_the_exporters_own_to_the_importer(
        vault_one, tmp_path):
    from workbook import portable
    from workbook.accounts import WorkbookService
    from workbook.content.loader import load_content

    content = load_content().content
    service = vault_one.service()
    alex = service.unlock(PASSPHRASE_ONE)
    MilestoneService(service).add("I asked for a hug", owner=alex.id)
    MilestoneService(service).add("A walk without phones")
    data = portable.export_data(service, alex.id, content)
    service.lock()
    assert [m["owner"] for m in data["milestones"]] == [alex.id, ""]
    fresh = WorkbookService(tmp_path / "fresh")
    created, _ = portable.start_from_export(fresh, portable.validate(data, content), content,
                                            "a fresh start passphrase 7")
    me = created.info  # the new workbook is open for the one who started it
    owners = {m.title: m.owner for m in MilestoneService(fresh).page(0, 10)}
    assert me.id != alex.id and owners == {"I asked for a hug": me.id, "A walk without phones": ""}
    fresh.lock()


def test_typing_an_i_milestone_alone_suggests_it_is_yours(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.shell.show_section("milestones")
    form = window.shell.trackers["milestones"].form
    qtbot.keyClicks(form.title, "I asked for a hug")
    assert form.whose.currentText() == NAME_ONE
    form.title.clear()
    qtbot.keyClicks(form.title, "We walked without phones")
    assert form.whose.currentText() == "Both of us"
