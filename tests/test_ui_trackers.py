"""The tracker pages, driven through their real widgets in the main window."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from support.clocks import FakeClock
from support.tracker_pages import activate, join, open_page, search, select_row
from support.trays import FakeTray
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO
from support.window import click, open_window, type_date, unlock, visible_texts

from workbook.content.loader import load_content
from workbook.dates import full_date, weekday_date
from workbook.trackers.checkins import CheckinService
from workbook.ui.common.prompts import ScriptedPrompts
from workbook.ui.trackers.trend_chart import DARK_LINES, LIGHT_LINES, TrendChart

SCALES = load_content().content.checkin_scales


def test_checkin_saved_and_drawn_with_a_table_beside(qtbot, qtmodeltester, vault_two, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.shell.show_section("checkins")
    page = window.shell.trackers["checkins"]
    assert window.shell.pages.currentWidget() is page
    assert not page.picker.isVisible()  # alone: no "writing as"
    assert "Share these numbers with Sam" in page.share.text()
    for row, value in zip(page.rows, (7, 6, 8, 3), strict=True):
        row.slider.setValue(value)
    page.note.setPlainText("Ünïcode note 🙂")
    click(qtbot, page.save_button)
    assert "Saved" in page.message.text()
    assert [s.label for s in page.chart.series] == [s.title for s in SCALES]
    assert page.chart.series[0].points[0][1] == 7
    assert page.table_model.rowCount() == 1
    assert page.table_model.index(0, 1).data() == "7.0"
    assert "7.0 at first" in page.chart.accessibleDescription()
    qtmodeltester.check(page.table_model)
    window.shell.show_section("home")
    window.shell.show_section("checkins")
    assert page.note.toPlainText() == "Ünïcode note 🙂"  # today's check-in is loaded again


def test_together_trend_shows_only_what_the_partner_shared(qtbot, vault_two, app_paths):
    service = vault_two.service()
    service.unlock(PASSPHRASE_TWO)
    checkins = CheckinService(service, SCALES)
    sam = vault_two.ids[1]
    checkins.save(sam, {"safe": 9}, "Sam's private note", share=True,
                  day=dt.date.today() - dt.timedelta(days=8))
    checkins.save(sam, {"safe": 1}, share=False, day=dt.date.today() - dt.timedelta(days=1))
    service.lock()
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.shell.show_section("checkins")
    page = window.shell.trackers["checkins"]
    page.whose.setCurrentIndex(1)
    assert page.scale.isVisible()
    mine, theirs = page.chart.series
    assert theirs.label == "Sam (shared)" and [v for _, v in theirs.points] == [9]
    assert "Sam's private note" not in visible_texts(window)


def test_sitting_together_asks_who_is_writing(qtbot, vault_two, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    join(qtbot, window, PASSPHRASE_TWO)
    window.shell.show_section("checkins")
    page = window.shell.trackers["checkins"]
    assert page.picker.isVisible()
    assert [page.picker.combo.itemText(i) for i in range(2)] == ["Alex", "Sam"]
    page.picker.combo.setCurrentIndex(1)
    assert "with Alex" in page.share.text()


def test_chart_lines_follow_the_palette(qtbot):
    chart = TrendChart()
    qtbot.addWidget(chart)
    from PySide6.QtGui import QColor, QPalette

    from workbook.ui.trackers.trend_chart import line_colors
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Window, QColor("#1f1d1b"))
    assert line_colors(dark) == DARK_LINES
    light = QPalette()
    light.setColor(QPalette.ColorRole.Window, QColor("#f7f4ef"))
    assert line_colors(light) == LIGHT_LINES
    assert not any(c.lower().startswith(("#f00", "#ff0000", "#c00")) for c in DARK_LINES +
                   LIGHT_LINES)
    chart.resize(500, 260)
    chart.set_series([])
    assert chart.grab().width() == 500  # paints the empty state without error


def test_gratitude_calendar_entry_and_lazy_history(qtbot, qtmodeltester, vault_two, app_paths):
    from workbook.trackers.gratitude import GratitudeService
    service = vault_two.service()
    service.unlock(PASSPHRASE_TWO)
    today = dt.date.today()
    GratitudeService(service).save(vault_two.ids[1], "", "you fixed the bike",
                                   share=True, day=today.replace(year=today.year - 1))
    service.lock()
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.shell.show_section("gratitude")
    page = window.shell.trackers["gratitude"]
    assert page.entry_card.title.text() == "Today"
    assert page.prompt.text() == load_content().content.gratitude_prompt_for(today)
    assert "Nothing written" in page.practised.text()
    assert "Sam wrote" in page.on_this_day.text() and "bike" in page.reread.text()
    page.grateful.setPlainText("Ünïcode sunshine 🙂")
    page.appreciation.setPlainText("you listened")
    page.share.setChecked(True)
    click(qtbot, page.save_button)
    assert page.practised.text() == "You wrote on 1 day this month."
    assert page.marked_days == [today]
    assert page.calendar.dateTextFormat(page.calendar.selectedDate()).fontWeight() > 500
    assert page.history_model.rowCount() == 1
    assert "Ünïcode sunshine" in page.history_model.index(0).data()
    qtmodeltester.check(page.history_model)


def test_gratitude_history_fetches_in_batches(qtbot, qtmodeltester, vault_one, app_paths):
    from workbook.trackers.gratitude import GratitudeService
    service = vault_one.service()
    service.unlock(PASSPHRASE_ONE)
    gratitude = GratitudeService(service)
    start = dt.date.today() - dt.timedelta(days=250)
    for offset in range(250):
        gratitude.save(vault_one.ids[0], f"thing {offset}", "", day=start +
                       dt.timedelta(days=offset))
    service.lock()
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.shell.show_section("gratitude")
    model = window.shell.trackers["gratitude"].history_model
    assert model.rowCount() == 100 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 250 and not model.canFetchMore()
    qtmodeltester.check(model)


def test_milestones_added_reached_quietly_and_on_the_timeline(qtbot, qtmodeltester, vault_one,
                                                               app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    page = open_page(window, "milestones")
    page.suggestion.setCurrentIndex(1)
    suggested = page.suggestion.currentData().title
    click(qtbot, page.add_button)
    page.title.setText("Ünïcode walk 🙂")
    click(qtbot, page.add_button)
    assert page.model.rowCount() == 2
    select_row(page.list, page.model, "Ünïcode walk")
    click(qtbot, page.state_buttons["reached"])
    today = dt.date.today()
    assert page.message.text() == f"Reached on {today.day} {today:%B} — well done, quietly."
    assert page.timeline_model.rowCount() == 1
    assert "Ünïcode walk" in page.timeline_model.index(0).data()
    select_row(page.list, page.model, suggested)
    click(qtbot, page.state_buttons["paused"])
    assert any("paused for now" in page.model.index(i).data() for i in range(2))
    assert page.message.text() == "Paused for now. Pick it up again whenever you like."
    for model in (page.model, page.timeline_model, page.ladder.model):
        qtmodeltester.check(model)


def test_own_milestone_with_chapter_notes_and_an_adjusted_reached_day(qtbot, qtmodeltester,
                                                                        vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    page = open_page(window, "milestones")
    assert not page.details.save_button.isEnabled()  # nothing chosen yet
    page.form.title.setText("Slept in the same room")
    page.form.chapter.setCurrentIndex(page.form.chapter.findData("safe-touch"))
    page.form.notes.setPlainText("Ünïcode <b>not html</b>")
    click(qtbot, page.add_button)
    assert "Added" in page.message.text()
    assert page.chosen().title == "Slept in the same room"  # the new one is chosen
    assert page.chosen().chapter_id == "safe-touch"
    assert page.details.chapter.text().startswith("Whose: Both of you · From chapter 8, “")
    assert page.details.notes.toPlainText() == "Ünïcode <b>not html</b>"
    assert not page.details.reached_on.isVisible()
    page.details.notes.setPlainText("It felt calm.")
    click(qtbot, page.details.save_button)
    assert page.chosen().notes == "It felt calm." and page.message.text() == "Saved."
    click(qtbot, page.state_buttons["reached"])
    assert page.details.reached_on.isVisible()
    earlier = dt.date.today() - dt.timedelta(days=400)
    type_date(qtbot, page.details.reached_on, f"{earlier:%d/%m/%Y}")
    click(qtbot, page.details.save_button)
    expected = f"Reached on {earlier.day} {earlier:%B} {earlier.year} — well done, quietly."
    assert page.message.text() == expected
    assert page.timeline_model.index(0).data().startswith(full_date(earlier))
    assert page.details.reached_on.maximum == dt.date.today()  # never ahead
    click(qtbot, page.state_buttons["not_started"])
    assert "Starting over is part of the path" in page.message.text()
    assert page.timeline_model.rowCount() == 0
    qtmodeltester.check(page.model)


def test_ladder_alone_shows_only_my_readiness_and_pause_is_neutral(qtbot, qtmodeltester,
                                                                   vault_two, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    page = open_page(window, "milestones")
    page.ladder.suggestion.setCurrentIndex(1)
    click(qtbot, page.ladder.add_button)
    page.ladder.view.setCurrentIndex(page.ladder.model.index(0))
    click(qtbot, page.ladder.ready_button)
    first = page.ladder.model.index(0).data()
    assert "you're ready" in first and "opens when you are both ready, together" in first
    assert page.ladder.note.text() == "A step opens when you are both ready, together."
    join(qtbot, window, PASSPHRASE_TWO)
    window.shell.show_section("milestones")
    page.ladder.picker.combo.setCurrentIndex(1)  # Sam: Alex's readiness is not shown
    assert "not marked by you yet" in page.ladder.model.index(0).data()
    page.ladder.view.setCurrentIndex(page.ladder.model.index(0))
    click(qtbot, page.ladder.ready_button)
    assert "open for you both" in page.ladder.model.index(0).data()
    page.ladder.view.setCurrentIndex(page.ladder.model.index(0))
    click(qtbot, page.ladder.pause_button)
    assert "paused for now" in page.ladder.model.index(0).data()
    assert "No reason needed" in page.ladder.message.text()
    words = " ".join(visible_texts(page)).lower()
    assert "fail" not in words and "streak" not in words
    qtmodeltester.check(page.ladder.model)


def test_search_from_the_header_as_the_present_partner(qtbot, qtmodeltester, vault_two,
                                                       app_paths):
    from workbook.trackers.gratitude import GratitudeService
    service = vault_two.service()
    service.unlock(PASSPHRASE_ONE)
    service.unlock(PASSPHRASE_TWO)
    gratitude = GratitudeService(service)
    gratitude.save(vault_two.ids[0], "Alex private lantern", "")
    gratitude.save(vault_two.ids[1], "Sam private lantern", "")
    service.lock()
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    shell = window.shell
    search(qtbot, shell, "lantern")
    assert shell.current_key == "search"
    model = shell.search_page.model
    assert model.rowCount() == 1 and "Alex private «lantern»" in model.index(0).data()
    assert "1 match" in shell.search_page.summary.text()
    qtmodeltester.check(model)
    shell.show_section("home")
    assert shell.current_key == "home"
    window.lock()
    assert shell.search.text() == "" and model.rowCount() == 0


def test_ladder_own_steps_written_renamed_and_removed_calmly(qtbot, qtmodeltester, vault_two,
                                                             app_paths):
    prompts = ScriptedPrompts()
    window = open_window(qtbot, app_paths, prompts)
    unlock(qtbot, window, PASSPHRASE_ONE)
    ladder = open_page(window, "milestones").ladder
    ladder.own_step.setText("Ünïcode: a slow dance 🙂")
    click(qtbot, ladder.add_own_button)
    assert ladder.model.rowCount() == 1 and ladder.own_step.text() == ""
    assert ladder.model.index(0).data() == "1. Ünïcode: a slow dance 🙂 — not marked by you yet"
    assert ladder.chosen() is not None  # the new step is chosen, ready to rename
    ladder.step_title.setText("A slow dance in the kitchen")
    click(qtbot, ladder.rename_button)
    assert "A slow dance in the kitchen" in ladder.model.index(0).data()
    ladder.own_step.setText("   ")
    click(qtbot, ladder.add_own_button)
    assert "short title" in ladder.message.text() and ladder.model.rowCount() == 1
    prompts.queue_answers(False)  # "Keep it"
    click(qtbot, ladder.remove_button)
    assert ladder.model.rowCount() == 1 and prompts.shown[-1].title == "Remove this step?"
    prompts.queue_answers(True)
    click(qtbot, ladder.remove_button)
    assert ladder.model.rowCount() == 0 and "Removed" in ladder.message.text()
    qtmodeltester.check(ladder.model)


def test_a_step_opened_together_cannot_be_removed_only_paused(qtbot, vault_two, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    join(qtbot, window, PASSPHRASE_TWO)
    ladder = open_page(window, "milestones").ladder
    ladder.own_step.setText("Holding hands")
    click(qtbot, ladder.add_own_button)
    for partner in (0, 1):
        ladder.picker.combo.setCurrentIndex(partner)
        ladder.view.setCurrentIndex(ladder.model.index(0))
        assert ladder.remove_button.isEnabled()
        click(qtbot, ladder.ready_button)
    assert "open for you both" in ladder.model.index(0).data()
    click(qtbot, ladder.pause_button)
    assert not ladder.remove_button.isEnabled()
    assert "pause it at any time" in ladder.remove_button.toolTip()


def test_search_results_open_their_entries(qtbot, vault_one, app_paths):
    from workbook.answers import AnswerKey, AnswerService
    from workbook.trackers.gratitude import GratitudeService
    from workbook.trackers.milestones import MilestoneService
    service = vault_one.service()
    service.unlock(PASSPHRASE_ONE)
    me = vault_one.ids[0]
    past = dt.date.today() - dt.timedelta(days=40)
    GratitudeService(service).save(me, "Quince jam on toast", "", day=past)
    CheckinService(service, SCALES).save(me, {"safe": 3}, "a quince walk", day=past)
    milestone = MilestoneService(service).add("Planted a quince tree")
    chapter = load_content().content.chapters[-1]
    sheet, field = chapter.worksheets[-1], chapter.worksheets[-1].fields[0]
    AnswerService(service).save(me, AnswerKey(chapter.id, sheet.id, field.id),
                                "quince orchard dream")
    service.lock()
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    shell = window.shell
    results = search(qtbot, shell, "quince")
    assert results.model.rowCount() == 4
    activate(qtbot, results, "«Quince» jam")
    gratitude = shell.trackers["gratitude"]
    assert shell.current_key == "gratitude" and gratitude.selected_day() == past
    assert gratitude.grateful.toPlainText() == "Quince jam on toast"
    activate(qtbot, search(qtbot, shell, "quince"), "«quince» walk")
    checkins = shell.trackers["checkins"]
    assert shell.current_key == "checkins" and checkins.chosen_day() == past
    assert checkins.note.toPlainText() == "a quince walk"
    assert checkins.today_card.title.text() == f"Check-in for {weekday_date(past)}"
    activate(qtbot, search(qtbot, shell, "quince"), "«quince» tree")
    assert shell.current_key == "milestones"
    assert shell.trackers["milestones"].chosen().id == milestone
    page = search(qtbot, shell, "quince")
    select_row(page.list, page.model, "orchard")
    rect = page.list.visualRect(page.list.currentIndex())
    qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shell.current_key == "chapters"
    assert shell.chapters.reader.chapter.id == chapter.id


def test_a_past_check_in_can_be_written_for_an_earlier_day(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    page = open_page(window, "checkins")
    assert page.today_card.title.text() == "Today's check-in"
    assert page.day.maximum == dt.date.today()  # never ahead
    yesterday = dt.date.today() - dt.timedelta(days=1)
    type_date(qtbot, page.day, f"{yesterday:%d%m%Y}")
    page.note.setPlainText("written a day late")
    click(qtbot, page.save_button)
    assert CheckinService(window.service, SCALES).get(window.service.present_partners()[0].id,
                                                      yesterday).note == "written a day late"
    page.open_day(dt.date.today())
    assert page.note.toPlainText() == ""


def test_daily_reminder_is_generic_once_a_day_and_remembered(qtbot, vault_one, app_paths):
    from PySide6.QtCore import QSettings

    from workbook.ui.trackers.reminder import SETTING, TEXT
    clock = FakeClock(dt.datetime(2026, 3, 12, 9, 0))
    window = open_window(qtbot, app_paths, clock=clock, tray=FakeTray(available=False))
    unlock(qtbot, window, PASSPHRASE_ONE)
    page = open_page(window, "gratitude")
    reminder, banner = page.reminder, window.shell.reminder_banner
    shown = []
    reminder.shown.connect(shown.append)
    assert not page.remind.isChecked() and not reminder.timer.isActive()
    click(qtbot, page.remind)
    assert reminder.timer.isActive()
    assert QSettings(str(app_paths.settings_file), QSettings.Format.IniFormat).value(
        SETTING, type=bool) is True
    page.grateful.setPlainText("Ünïcode private words")
    reminder.timer.timeout.emit()
    assert shown == []  # the app has only just opened
    clock.advance(minutes=20)
    click(qtbot, page.remind)
    reminder.check()
    assert shown == [] and not reminder.timer.isActive()  # off unless chosen
    click(qtbot, page.remind)
    reminder.timer.timeout.emit()
    assert shown == ["banner"] and banner.isVisible() and banner.text.text() == TEXT
    assert "Ünïcode" not in " ".join(visible_texts(banner))
    click(qtbot, banner.dismiss_button)
    clock.advance(hours=3)
    reminder.timer.timeout.emit()
    assert shown == ["banner"] and not banner.isVisible()  # once a day
    window.shell.show_section("home")
    clock.advance(days=1)
    reminder.timer.timeout.emit()
    click(qtbot, banner.open_button)
    assert window.shell.current_key == "gratitude" and not banner.isVisible()
    click(qtbot, page.remind)  # off again: nothing more, nothing left on screen
    clock.advance(days=1)
    reminder.check()
    assert shown == ["banner", "banner"] and not reminder.timer.isActive()


def test_reminder_uses_the_tray_when_there_is_one_and_survives_a_restart(qtbot, vault_one,
                                                                         app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    page = open_page(window, "gratitude")
    click(qtbot, page.remind)
    window.close()
    clock, tray = FakeClock(dt.datetime(2026, 3, 12, 20, 0)), FakeTray()
    again = open_window(qtbot, app_paths, clock=clock, tray=tray)
    unlock(qtbot, again, PASSPHRASE_ONE)
    page = open_page(again, "gratitude")
    reminder = page.reminder
    assert page.remind.isChecked() and reminder.enabled and reminder.timer.isActive()
    clock.advance(hours=1)
    reminder.check()
    assert tray.messages == [("A gentle reminder", "A moment for gratitude?")]
    assert not again.shell.reminder_banner.isVisible()
    again.shell.show_section("home")
    tray.click_message()
    assert again.shell.current_key == "gratitude"


def test_the_system_tray_shows_an_icon_with_our_words_only(qtbot):
    from workbook.ui.trackers.reminder import TEXT, TITLE, SystemTray
    tray = SystemTray()
    tray.show_message(TITLE, TEXT, lambda: None)  # the real tray call runs
    assert tray.icon is not None and tray.icon.isVisible()
    assert not tray.icon.icon().isNull() and tray.icon.toolTip() == ""
    tray.icon.hide()
