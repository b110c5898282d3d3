"""The Together section, driven through the real window with two partners at one screen:
what each step shows, the keys (Space swaps turns, Esc takes a break), the break and the way
back, and what is stored where (private lines in each partner's own file, shared ones only by
choice, a record only when both agree)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea
from support.tracker_pages import join, open_page
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO
from support.window import click, open_window, press, unlock

from workbook.content.loader import load_content
from workbook.trackers.checkins import CheckinService
from workbook.trackers.gratitude import GratitudeService
from workbook.trackers.milestones import MilestoneService
from workbook.ui.common import theme


class HandClock:
    def __init__(self):
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def shown(window) -> list[str]:
    """Texts a person can see right now: visible labels and buttons."""
    settle()
    widgets = window.findChildren(QLabel) + window.findChildren(QAbstractButton)
    return [w.text() for w in widgets if w.isVisibleTo(window) and w.text()]


def shown_button(window, text: str) -> QAbstractButton:
    found = [b for b in window.findChildren(QAbstractButton)
             if b.isVisibleTo(window) and b.text() == text]
    assert len(found) == 1, (text, shown(window))
    return found[0]


def has(window, fragment: str) -> bool:
    return any(fragment in text for text in shown(window))


def sitting_together(qtbot, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    join(qtbot, window, PASSPHRASE_TWO)
    page = open_page(window, "together")
    page.clock = HandClock()
    return window, page


def db_rows(window, sql: str, partner: int | None = None) -> list[tuple]:
    session = window.service.current_session()
    if partner is None:
        return session.shared_conn.execute(sql).fetchall()
    partner_id = window.service.present_partners()[partner].id
    return session.partner(partner_id).conn.execute(sql).fetchall()


def test_together_needs_you_both_then_opens(qtbot, vault_two, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    open_page(window, "together")
    assert has(window, "made for two people sitting together")
    assert not has(window, "Start taking turns")
    join(qtbot, window, PASSPHRASE_TWO)
    open_page(window, "together")
    assert not has(window, "made for two people sitting together")
    for text in ("Take turns", "How are we doing?", "After a hard moment",
                 "Start taking turns", "Start the weekly check-in"):
        assert text in shown(window), text


def test_taking_turns_from_topic_to_the_last_line(qtbot, vault_two, app_paths):
    window, page = sitting_together(qtbot, app_paths)
    click(qtbot, shown_button(window, "Start taking turns"))
    flow = page.flow
    choose = flow.choose
    choose.source.setCurrentIndex(choose.source.findText("A suggested topic"))
    assert choose.topic.isVisibleTo(window) and not choose.own.isVisibleTo(window)
    choose.topic.setCurrentIndex(choose.topic.findText("What helps me feel safe with you"))
    choose.first.setCurrentIndex(1)  # Sam starts
    choose.minutes.setCurrentIndex(choose.minutes.findText("2 minutes"))
    click(qtbot, shown_button(window, "Begin"))

    assert {"Sam is talking", "Alex is listening", "What I heard is…", "Did I get that right?",
            "Is there more?", "For Alex, when Sam pauses:", "Turn 1",
            "2:00 left in this turn", "About: What helps me feel safe with you"} <= set(
        shown(window))
    page.clock.now += 75
    page.tick()
    assert "0:45 left in this turn" in shown(window)
    press(qtbot, Qt.Key.Key_Space)  # swap by keyboard
    assert {"Alex is talking", "Sam is listening", "Turn 2", "2:00 left in this turn"} <= set(
        shown(window))

    page.clock.now += 30
    press(qtbot, Qt.Key.Key_Escape)  # a break, from anywhere
    assert not has(window, "Alex is talking")
    assert has(window, "twenty minutes") and "About 20 minutes to go" in shown(window)
    page.clock.now += 600
    page.tick()
    assert "About 10 minutes to go" in shown(window)
    press(qtbot, Qt.Key.Key_Return)  # the focused "We are ready to carry on"
    assert "Alex is talking" in shown(window)
    assert QApplication.focusWidget() is flow.talk.swap_button  # Space swaps again
    assert "1:30 left in this turn" in shown(window)  # the break did not use up the turn

    click(qtbot, shown_button(window, "We have finished talking"))
    alex_line, sam_line = flow.lines
    assert alex_line.isVisibleTo(window) and has(window, "Alex: one line, what I understood")
    alex_line.edit.setText("Evenings feel safer when we slow down 🙂")
    click(qtbot, alex_line.share)
    sam_line.edit.setText("You listened without fixing")
    for box in flow.keep.boxes.values():
        click(qtbot, box)
    click(qtbot, shown_button(window, "Finish"))

    assert flow is not None and page.flow is None
    assert has(window, "The record of this conversation is kept below")
    assert "Alex: Evenings feel safer when we slow down 🙂" in shown(window)
    assert not has(window, "You listened without fixing")  # Sam kept it private
    assert [r[0] for r in db_rows(window, "SELECT text FROM conversation_lines")] == [
        "Evenings feel safer when we slow down 🙂"]
    assert db_rows(window, "SELECT text, shared FROM conversation_notes", partner=1) == [
        ("You listened without fixing", 0)]


def test_own_words_need_a_topic(qtbot, vault_two, app_paths):
    window, page = sitting_together(qtbot, app_paths)
    click(qtbot, shown_button(window, "Start taking turns"))
    choose = page.flow.choose
    choose.source.setCurrentIndex(choose.source.findText("In your own words"))
    assert choose.own.isVisibleTo(window) and not choose.topic.isVisibleTo(window)
    click(qtbot, shown_button(window, "Begin"))
    assert "Please choose a topic, or write one in your own words." in shown(window)
    choose.own.setText("Bedtime <b>routines</b>")
    click(qtbot, shown_button(window, "Begin"))
    assert "About: Bedtime <b>routines</b>" in shown(window)  # plain text, never markup


def test_weekly_check_in_in_five_steps(qtbot, vault_two, app_paths):
    window, page = sitting_together(qtbot, app_paths)
    alex, sam = (p.id for p in window.service.present_partners())
    GratitudeService(window.service).save(alex, "sun", "You made tea when I was tired",
                                          day=dt.date.today() - dt.timedelta(days=2))
    scales = load_content().content.checkin_scales
    CheckinService(window.service, scales).save(sam, {scales[0].id: 7}, "a private note")
    click(qtbot, shown_button(window, "Start the weekly check-in"))
    flow = page.flow
    assert {"Step 1 of 5", "Appreciations"} <= set(shown(window))
    click(qtbot, shown_button(window, "Alex: pick from my gratitude entries"))
    pick = [w for w in flow.pages[0].findChildren(QAbstractButton)
            if w.text() == "Alex: pick from my gratitude entries"][0]
    assert pick.combo.isVisibleTo(window)
    assert pick.combo.itemText(0) == "You made tea when I was tired"
    pick.combo.activated.emit(0)
    assert flow.lines[0].edit.text() == "You made tea when I was tired"
    click(qtbot, shown_button(window, "Next"))

    assert {"Step 2 of 5", "How each of us is"} <= set(shown(window))
    assert not has(window, f"{scales[0].title} 7")  # nothing until Sam chooses
    click(qtbot, shown_button(window, "Show Sam's numbers"))
    assert has(window, f"{scales[0].title} 7") and not has(window, "a private note")
    click(qtbot, shown_button(window, "Next"))
    assert "What went well" in shown(window)
    flow.lines[3].edit.setText("Cooking together on Friday")
    click(qtbot, flow.lines[3].share)
    click(qtbot, shown_button(window, "Next"))
    assert has(window, "I feel…  about…  and I need…")
    click(qtbot, shown_button(window, "Next"))
    assert "One small plan" in shown(window) and "Finish" in shown(window)
    flow.plan.setText("A walk on Sunday morning")
    click(qtbot, flow.as_milestone)
    click(qtbot, flow.keep.boxes[alex])  # only Alex would like to keep it
    click(qtbot, shown_button(window, "Finish"))

    assert has(window, "No shared record was kept")
    assert db_rows(window, "SELECT count(*) FROM conversations") == [(0,)]
    assert db_rows(window, "SELECT count(*) FROM conversation_lines") == [(0,)]
    assert ("went-well", "Cooking together on Friday", 0) in db_rows(
        window, "SELECT slot, text, shared FROM conversation_notes", partner=1)
    [milestone] = MilestoneService(window.service).page(0, 5)
    assert (milestone.title, milestone.state) == ("A walk on Sunday morning", "in_progress")


def test_repair_not_today_and_each_writes_alone(qtbot, vault_two, app_paths):
    window, page = sitting_together(qtbot, app_paths)
    click(qtbot, shown_button(window, "Start, after a hard moment"))
    assert has(window, "goes back to something that hurt") and "Not today" in shown(window)
    click(qtbot, shown_button(window, "Not today"))
    assert page.flow is None and db_rows(window, "SELECT count(*) FROM conversations") == [(0,)]

    click(qtbot, shown_button(window, "Start, after a hard moment"))
    flow = page.flow
    click(qtbot, shown_button(window, "We are ready to begin"))
    assert "Alex, on your own" in shown(window) and "Sam, this is a moment to look away." in \
        shown(window)
    alex_felt = flow.lines[0]
    assert alex_felt.isVisibleTo(window) and not flow.lines[3].isVisibleTo(window)
    alex_felt.edit.setText("Left out")
    click(qtbot, shown_button(window, "Done, over to Sam"))
    assert "Sam, on your own" in shown(window) and not alex_felt.isVisibleTo(window)
    flow.lines[3].edit.setText("Tired and short")
    click(qtbot, flow.lines[3].share)
    click(qtbot, shown_button(window, "Done, now together"))
    assert {"Alex's turn to speak", "What it was like for me",
            "One thing I would do differently", "What would help now"} <= set(shown(window))
    press(qtbot, Qt.Key.Key_Space)
    assert "Sam's turn to speak" in shown(window)
    click(qtbot, shown_button(window, "We have both spoken"))
    for box in flow.keep.boxes.values():
        click(qtbot, box)
    click(qtbot, shown_button(window, "Finish"))
    assert "Sam: Tired and short" in shown(window) and not has(window, "Left out")
    assert db_rows(window, "SELECT text FROM conversation_notes", partner=0) == [("Left out",)]


def test_a_paused_conversation_survives_locking_and_carries_on(qtbot, vault_two, app_paths):
    window, page = sitting_together(qtbot, app_paths)
    click(qtbot, shown_button(window, "Start, after a hard moment"))
    click(qtbot, shown_button(window, "We are ready to begin"))
    page.flow.lines[0].edit.setText("Unheard")  # typed, not yet saved by the timer
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.service.is_unlocked
    assert not any("Unheard" in t for t in shown(window))

    unlock(qtbot, window, PASSPHRASE_ONE)
    join(qtbot, window, PASSPHRASE_TWO)
    open_page(window, "together")
    assert "Carry on where you stopped" in shown(window)
    click(qtbot, shown_button(window, "Carry on"))
    assert "Alex, on your own" in shown(window)
    assert page.flow.lines[0].edit.text() == "Unheard"
    press(qtbot, Qt.Key.Key_Escape)
    click(qtbot, shown_button(window, "Stop here for today"))
    assert has(window, "Your conversation is paused")
    click(qtbot, shown_button(window, "Let it go"))
    assert "Carry on where you stopped" not in shown(window)
    assert db_rows(window, "SELECT text FROM conversation_notes", partner=0) == [("Unheard",)]


@pytest.fixture
def calm_sheet():
    """The app's own style sheet (padding makes buttons wider), restored afterwards."""
    app = QApplication.instance()
    old = app.styleSheet()
    app.setStyleSheet(theme.style_sheet(theme.LIGHT))
    yield
    app.setStyleSheet(old)


@pytest.mark.parametrize("size", [(800, 600), (1600, 1000)])
def test_the_talking_screen_fits_and_reads_large(qtbot, vault_two, app_paths, calm_sheet, size):
    window, page = sitting_together(qtbot, app_paths)
    window.resize(*size)
    click(qtbot, shown_button(window, "Start taking turns"))
    click(qtbot, shown_button(window, "Begin"))
    settle()
    talk = page.flow.talk
    scroll = talk.findChild(QScrollArea)
    # Offscreen fonts are narrower than a desktop's, so leave a tenth of the width spare.
    assert scroll.widget().minimumSizeHint().width() <= 0.9 * scroll.viewport().width()
    assert not scroll.horizontalScrollBar().isVisible()
    assert talk.speaker.fontInfo().pixelSize() >= 36  # readable from across a room
    assert talk.prompts[0].fontInfo().pixelSize() >= 22
    for button in (talk.swap_button, page.flow.break_button):
        assert button.isVisibleTo(window) and button.accessibleName() == button.text()


def test_every_step_of_every_conversation_fits_800_by_600(qtbot, vault_two, app_paths,
                                                          calm_sheet):
    window, page = sitting_together(qtbot, app_paths)
    window.resize(800, 600)
    for kind in ("turns", "weekly", "repair"):
        flow = page.start(kind)
        for pick in flow.findChildren(QAbstractButton):
            if pick.text().endswith("pick from my gratitude entries"):
                pick.click()  # its list of entries opens below it
        for index in range(flow.steps.count()):
            flow.show_step(index)
            settle()
            scroll = flow.steps.widget(index).findChild(QScrollArea)
            assert scroll.widget().minimumSizeHint().width() <= 0.9 * scroll.viewport().width(), \
                (kind, index)
        flow.take_break()
        settle()
        scroll = flow.pause.findChild(QScrollArea)
        assert scroll.widget().minimumSizeHint().width() <= 0.9 * scroll.viewport().width()
        flow.stop_for_today()


def tab_to(qtbot, target, limit: int = 80) -> None:
    """Press Tab until `target` has the keyboard focus, as a keyboard-only user would."""
    seen = []
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        seen.append(QApplication.focusWidget())
        press(qtbot, Qt.Key.Key_Tab)
    names = [w.accessibleName() for w in seen[:20] if w is not None]
    raise AssertionError(f"Tab never reached {target.accessibleName()}; it went {names}")


def test_a_whole_conversation_by_keyboard_alone(qtbot, vault_two, app_paths):
    window, page = sitting_together(qtbot, app_paths)
    window.shell.nav.setFocus()
    press(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.shell.current_key == "together"
    tab_to(qtbot, shown_button(window, "Start taking turns"))
    press(qtbot, Qt.Key.Key_Space)
    flow = page.flow
    tab_to(qtbot, flow.choose.source)
    press(qtbot, Qt.Key.Key_End)  # "In your own words" is the last source
    tab_to(qtbot, flow.choose.own)
    qtbot.keyClicks(flow.choose.own, "Our mornings")
    tab_to(qtbot, shown_button(window, "Begin"))
    press(qtbot, Qt.Key.Key_Space)
    assert "Alex is talking" in shown(window) and "About: Our mornings" in shown(window)
    press(qtbot, Qt.Key.Key_Space)
    assert "Sam is talking" in shown(window)
    tab_to(qtbot, shown_button(window, "We have finished talking"))
    press(qtbot, Qt.Key.Key_Space)
    alex_line, sam_line = flow.lines
    tab_to(qtbot, alex_line.edit)
    qtbot.keyClicks(alex_line.edit, "Mornings matter to you")
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is alex_line.share
    press(qtbot, Qt.Key.Key_Space)
    for box in flow.keep.boxes.values():
        tab_to(qtbot, box)
        press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, shown_button(window, "Finish"))
    press(qtbot, Qt.Key.Key_Space)
    assert "Alex: Mornings matter to you" in shown(window)


def test_print_and_export_offers_conversations_unticked(qtbot, vault_two, app_paths):
    window, _page = sitting_together(qtbot, app_paths)
    export = open_page(window, "export")
    box = export.sections["conversations"]
    assert box.isVisibleTo(window) and box.text() == "Conversations we had (Together)"
    assert not box.isChecked()


def test_a_search_result_opens_the_kept_conversations(qtbot, vault_two, app_paths):
    from support.tracker_pages import activate, search

    from workbook.together.service import TogetherService
    window, page = sitting_together(qtbot, app_paths)
    alex, sam = (p.id for p in window.service.present_partners())
    together = TogetherService(window.service)
    talk = together.start("turns", "Evenings")
    together.write(talk.id, sam, "line", "quince blossoms in spring", share=True)
    together.finish(talk.id, [alex, sam])
    shell = window.shell
    shell.show_section("home")
    activate(qtbot, search(qtbot, shell, "quince"), "Conversation from Sam")
    assert shell.current_key == "together"
    assert "Sam: quince blossoms in spring" in shown(window)


def test_home_points_to_together_only_when_both_are_here(qtbot, vault_two, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    assert not has(window, "The Together section can guide a conversation")
    join(qtbot, window, PASSPHRASE_TWO)
    window.shell.show_section("home")
    assert has(window, "The Together section can guide a conversation")
