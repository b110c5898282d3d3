"""Chapters in the real window: the list and its model, the content note, every field editor,
autosave (also across a lock), sharing, looking anyway, side by side, and where you left off."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from support.chapters import NO_NOTE, WITH_NOTE, open_chapter, settle, stored, wait_saved
from support.demanding_answers import LONG, NASTY
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO
from support.visible import shown_text
from support.window import click, join_from_home, open_window, press, type_date, type_text, unlock

from workbook.answer_values import ChecklistValue, Reframe
from workbook.answers import AnswerKey, AnswerService
from workbook.ui.chapters.autosave import SAVING
from workbook.ui.chapters.chapter_model import ChapterListModel, ProgressRole

CTRL = Qt.KeyboardModifier.ControlModifier


def test_chapter_list_model(qtmodeltester, vault_two):
    service = vault_two.service()
    service.unlock(PASSPHRASE_ONE)
    from workbook.content import load_content
    chapters = load_content().content.chapters
    answers = AnswerService(service)
    answers.save(vault_two.ids[0], AnswerKey(chapters[0].id, "what-gets-in-the-way",
                                             "biggest-factor"), "time")
    model = ChapterListModel(chapters, answers)
    qtmodeltester.check(model)
    model.refresh(service.partners())
    qtmodeltester.check(model)
    first = model.data(model.index(0))
    assert first.startswith(f"1. {chapters[0].title}\n")
    assert "Alex: 1 of 6 answered" in first and "Sam: 0 shared" in first  # Sam's space is locked
    assert [p.name for p, _ in model.data(model.index(0), ProgressRole)] == ["Alex", "Sam"]
    model.forget()
    assert "Alex" not in model.data(model.index(0))
    service.lock()


def test_a_content_note_offers_not_today(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    reader = open_chapter(qtbot, window, WITH_NOTE)
    assert reader.note.isVisible() and not reader.chapter_area.isVisible()
    assert "not today" in shown_text(reader.note).lower()
    click(qtbot, reader.note.not_today)
    assert window.shell.chapters.currentWidget() is window.shell.chapters.list_page
    reader = open_chapter(qtbot, window, WITH_NOTE)
    click(qtbot, reader.note.continue_button)
    assert reader.chapter_area.isVisible() and reader.cards
    assert open_chapter(qtbot, window, NO_NOTE).chapter_area.isVisible()  # no note: straight in


def test_every_editor_saves_what_was_entered(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    me = vault_one.ids[0]
    reader = open_chapter(qtbot, window, NO_NOTE)
    reader.card("ways-to-connect", "felt-closest").editor.edit.insertPlainText(NASTY)
    assert reader.save_state.text() == SAVING
    ideas = reader.card("ways-to-connect", "ideas").editor
    click(qtbot, ideas.boxes[1])
    ideas.other.setText("🙂 mine")
    ranked = reader.card("ways-to-connect", "top-three").editor
    for text in ("walk", "cook"):
        click(qtbot, ranked.add)
        ranked.list.currentItem().setText(text)
    click(qtbot, ranked.up)
    click(qtbot, reader.card("ways-to-connect", "kind-of-closeness").editor.buttons[2])
    type_text(qtbot, reader.card("try-this-week", "plan").editor.edit, "a picnic")
    type_date(qtbot, reader.card("try-this-week", "when").editor.edit, "1 December 2026")
    wait_saved(qtbot, reader)

    chapter = window.shell.chapters.content.chapter(NO_NOTE)
    fields = chapter.worksheet("ways-to-connect")
    assert stored(window, me, NO_NOTE, "ways-to-connect", "felt-closest") == NASTY
    assert stored(window, me, NO_NOTE, "ways-to-connect", "ideas") == ChecklistValue(
        (fields.field("ideas").options[1],), "🙂 mine")
    assert stored(window, me, NO_NOTE, "ways-to-connect", "top-three") == ("cook", "walk")
    assert stored(window, me, NO_NOTE, "ways-to-connect", "kind-of-closeness") == \
        fields.field("kind-of-closeness").options[2]
    assert stored(window, me, NO_NOTE, "try-this-week", "plan") == "a picnic"
    assert stored(window, me, NO_NOTE, "try-this-week", "when") == dt.date(2026, 12, 1)

    reader = open_chapter(qtbot, window, WITH_NOTE)
    click(qtbot, reader.note.continue_button)
    settle(qtbot, reader)
    scale = reader.card("inner-critic", "critic-volume").editor
    scale.slider.setFocus()
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Right)
    reframe = reader.card("inner-critic", "reframes").editor
    reframe.rows[0][0].insertPlainText("I'm pathetic")
    reframe.rows[0][1].insertPlainText("I'm trying, שלום")
    click(qtbot, reframe.add_button)
    settle(qtbot, reader)
    qtbot.waitUntil(lambda: reframe.rows[1][1].height() > 0)
    reframe.rows[1][1].insertPlainText("second")
    wait_saved(qtbot, reader)
    assert stored(window, me, WITH_NOTE, "inner-critic", "critic-volume") == 2
    assert stored(window, me, WITH_NOTE, "inner-critic", "reframes") == (
        Reframe("I'm pathetic", "I'm trying, שלום"), Reframe("", "second"))


def test_long_and_tricky_text_survives_reopening_and_undo_works(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    reader = open_chapter(qtbot, window, NO_NOTE)
    edit = reader.card("ways-to-connect", "felt-closest").editor.edit
    edit.setPlainText(LONG + NASTY)
    short = reader.card("try-this-week", "plan").editor.edit
    short.setText(LONG)
    reader = open_chapter(qtbot, window, NO_NOTE)  # switching chapters saves at once
    assert reader.card("ways-to-connect", "felt-closest").editor.edit.toPlainText() == LONG + NASTY
    assert reader.card("try-this-week", "plan").editor.edit.text() == LONG
    short = reader.card("try-this-week", "plan").editor.edit
    short.setFocus()
    type_text(qtbot, short, "X")
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert short.text() == LONG


def test_autosave_survives_an_immediate_lock(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    reader = open_chapter(qtbot, window, NO_NOTE)
    edit = reader.card("try-this-week", "plan").editor.edit
    type_text(qtbot, edit, "typed just before locking")
    assert reader.save_state.text() == SAVING
    press(qtbot, Qt.Key.Key_L, CTRL)
    assert window.current_page is window.unlock_page
    unlock(qtbot, window, PASSPHRASE_ONE)
    assert stored(window, vault_one.ids[0], NO_NOTE, "try-this-week", "plan") == \
        "typed just before locking"
    window.close()


def test_share_look_anyway_and_unshare(qtbot, vault_two, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    card = open_chapter(qtbot, window, NO_NOTE).card("try-this-week", "plan")
    assert not card.share_button.isEnabled()  # nothing to share yet
    type_text(qtbot, card.editor.edit, "a picnic <b>&")
    click(qtbot, card.share_button)
    assert card.share_status.text().startswith("Shared with Sam")
    assert card.share_button.text() == "Stop sharing"
    press(qtbot, Qt.Key.Key_L, CTRL)

    unlock(qtbot, window, PASSPHRASE_TWO)
    card = open_chapter(qtbot, window, NO_NOTE).card("try-this-week", "plan")
    partner = card.partner
    assert partner.status.text() == "Alex answered — share yours to see it."
    assert not partner.value_label.isVisible()
    click(qtbot, partner.look_button)
    assert partner.value_label.text() == "a picnic <b>&"
    assert partner.value_label.textFormat() == Qt.TextFormat.PlainText
    assert "courtesy, not a lock" in partner.courtesy.text() and partner.courtesy.isVisible()
    type_text(qtbot, card.editor.edit, "a walk")
    click(qtbot, card.share_button)
    assert partner.status.text() == "Alex's answer:" and not partner.courtesy.isVisible()
    press(qtbot, Qt.Key.Key_L, CTRL)

    unlock(qtbot, window, PASSPHRASE_ONE)
    card = open_chapter(qtbot, window, NO_NOTE).card("try-this-week", "plan")
    assert card.partner.status.text() == "Sam's answer:"
    assert card.partner.value_label.text() == "a walk"
    click(qtbot, card.share_button)  # stop sharing
    assert card.share_status.text() == "Private: only you can see this."
    key = AnswerKey(NO_NOTE, "try-this-week", "plan")
    shared = AnswerService(window.service).shared_in_chapter(NO_NOTE)
    assert (vault_two.ids[0], key) not in shared and (vault_two.ids[1], key) in shared
    window.close()


def test_side_by_side_highlights_checklist_differences(qtbot, vault_two, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    join_from_home(qtbot, window, PASSPHRASE_TWO)
    reader = open_chapter(qtbot, window, NO_NOTE)
    ideas = reader.card("ways-to-connect", "ideas").editor
    click(qtbot, ideas.boxes[0])
    click(qtbot, ideas.boxes[1])
    [alex, sam] = reader.partner_group.buttons()
    click(qtbot, sam)
    assert reader.answering == vault_two.ids[1]
    settle(qtbot, reader)
    ideas = reader.card("ways-to-connect", "ideas").editor
    assert not any(box.isChecked() for box in ideas.boxes)  # Sam's own, empty answers
    click(qtbot, ideas.boxes[0])
    click(qtbot, reader.side_button)
    for box in reader.consent.boxes.values():  # each agrees to show their private answers
        click(qtbot, box)
    click(qtbot, reader.consent.show_button)
    settle(qtbot, reader)
    view = reader.side_by_side
    assert view.isVisible() and not reader.worksheets.isVisible()
    assert [label.text() for label in view.differences] == [ideas.field.options[1]]
    texts = [label.text() for label in view.findChildren(QLabel)]
    assert "Alex" in texts and "Sam" in texts
    click(qtbot, reader.side_button)
    assert reader.worksheets.isVisible() and not view.isVisible()


def test_home_shows_where_each_partner_left_off(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    assert not window.shell.home.left_off.isVisible()
    open_chapter(qtbot, window, NO_NOTE)
    press(qtbot, Qt.Key.Key_1, CTRL)
    home = window.shell.home
    home.refresh()
    card = home.left_off
    assert card.isVisible()
    texts = [label.text() for label in card.findChildren(QLabel)]
    assert any(t.startswith("Alex was last in chapter 3") for t in texts)
    [button] = [b for b in card.findChildren(type(home.join.open_button)) if b.isVisible()]
    click(qtbot, button)
    assert window.shell.current_key == "chapters"
    assert window.shell.chapters.reader.chapter.id == NO_NOTE


def test_closing_the_window_saves_what_was_typed(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    reader = open_chapter(qtbot, window, NO_NOTE)
    type_text(qtbot, reader.card("try-this-week", "plan").editor.edit, "typed before closing")
    window.close()
    service = vault_one.service()
    service.unlock(PASSPHRASE_ONE)
    key = AnswerKey(NO_NOTE, "try-this-week", "plan")
    assert AnswerService(service).get(vault_one.ids[0], key) == "typed before closing"
    service.lock()


def accessible_name(widget) -> str:
    from PySide6.QtGui import QAccessible
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def test_a_ranked_list_says_its_limit_and_offers_only_moves_that_can_happen(
        qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    reader = open_chapter(qtbot, window, NO_NOTE)
    ranked = reader.card("ways-to-connect", "top-three").editor
    status, buttons = ranked.status, (ranked.up, ranked.down, ranked.add, ranked.remove)
    assert status.isVisibleTo(window) and all(b.isVisibleTo(window) for b in buttons)
    assert [accessible_name(w) for w in (status, *buttons)] == [
        w.text() for w in (status, *buttons)]

    def state() -> tuple[str, list[bool]]:
        return status.text(), [b.isEnabled() for b in buttons]  # up, down, add, remove

    assert state() == ("Up to 3 items; none added yet.", [False, False, True, False])
    click(qtbot, ranked.add)
    ranked.list.currentItem().setText("walk")
    assert state() == ("Up to 3 items; 1 added.", [False, False, True, True])
    click(qtbot, ranked.add)
    ranked.list.currentItem().setText("cook")
    assert state() == ("Up to 3 items; 2 added.", [True, False, True, True])  # the last one
    ranked.list.setCurrentRow(0)
    assert state()[1] == [False, True, True, True]  # the first one
    ranked.list.clearSelection()
    assert state()[1] == [False, False, True, False]  # nothing chosen: nothing to move
    click(qtbot, ranked.add)
    ranked.list.currentItem().setText("read aloud")
    assert state() == ("Up to 3 items; 3 added (the list is full).", [True, False, False, True])
    assert accessible_name(status) == status.text()
    click(qtbot, ranked.remove)  # the item before it is chosen next
    assert state() == ("Up to 3 items; 2 added.", [True, False, True, True])
    wait_saved(qtbot, reader)
    assert stored(window, vault_one.ids[0], NO_NOTE, "ways-to-connect", "top-three") == (
        "walk", "cook")
