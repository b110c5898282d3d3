"""The care layer as a person meets it, read from what is visible in the window: every content
note shows, Support and safety and the introduction open from everywhere (also before
unlocking), and side by side shows a partner's private answers only after that partner agrees."""

from __future__ import annotations

from PySide6.QtCore import Qt
from support.chapters import open_chapter, settle
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO
from support.visible import is_shown, shown_text
from support.window import click, join_from_home, open_window, press, unlock

from workbook.answers import AnswerKey, AnswerService
from workbook.content import load_content

CONTENT = load_content().content
SENSITIVE = [c for c in CONTENT.chapters if c.content_note]
SUPPORT_TITLE = CONTENT.page("support").title
INTRO_TITLE = CONTENT.page("introduction").title


def flat(text: str) -> str:
    return " ".join(text.split())


def shows_page(window, title: str, heading: str) -> bool:
    """The reading page with this title and one of its section headings is on screen."""
    text = shown_text(window)
    return title in text and heading in text


def support_heading() -> str:
    return next(s.title for s in CONTENT.page("support").sections if s.title)


def intro_heading() -> str:
    return next(s.title for s in CONTENT.page("introduction").sections if s.title)


def test_the_content_note_of_every_sensitive_chapter_is_visible(qtbot, vault_one, app_paths):
    assert len(SENSITIVE) >= 7
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    for chapter in SENSITIVE:
        reader = open_chapter(qtbot, window, chapter.id)
        note = flat(chapter.content_note)
        text = shown_text(window)
        assert note in text, chapter.id
        for words in ("Before you begin", "Not today", "Continue", "Support and safety"):
            assert words in text
        assert chapter.paragraphs[0] not in text  # the reading waits behind the note
        # A screen reader hears the note where focus lands, and on the card itself.
        assert reader.note.continue_button.hasFocus()
        assert reader.note.continue_button.accessibleDescription() == note
        assert reader.note.accessibleDescription() == note
    window.close()


def test_a_content_note_leads_to_support_and_back(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    reader = open_chapter(qtbot, window, SENSITIVE[0].id)
    click(qtbot, reader.note.support_button)
    assert window.shell.current_key == "support"
    assert shows_page(window, SUPPORT_TITLE, support_heading())
    assert flat(SENSITIVE[0].content_note) not in shown_text(window)
    click(qtbot, window.shell.support.other_button)  # the introduction is one link away
    assert shows_page(window, INTRO_TITLE, intro_heading())
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # back to the chapter
    assert flat(SENSITIVE[0].content_note) in shown_text(window)
    window.close()


def test_support_from_the_navigation_and_f1(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    shell = window.shell
    assert "Support" in shown_text(shell.nav)
    shell.nav.setCurrentRow(shell.keys.index("support"))
    assert shows_page(window, SUPPORT_TITLE, support_heading())
    shell.show_section("milestones")
    assert SUPPORT_TITLE not in shown_text(window.shell.pages)
    press(qtbot, Qt.Key.Key_F1)
    assert shell.current_key == "support"
    assert shows_page(window, SUPPORT_TITLE, support_heading())
    window.close()
    settings = app_paths.settings_file.read_text(encoding="utf-8")
    assert "milestones" in settings and "support" not in settings  # a visit leaves no trace


def test_start_here_on_a_new_workbooks_home_opens_the_introduction(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    home = window.shell.home
    assert "Start here" in shown_text(home)
    click(qtbot, home.start_here.intro_button)
    assert window.shell.current_key == "support"
    assert shows_page(window, INTRO_TITLE, "Before you begin")
    open_chapter(qtbot, window, SENSITIVE[0].id)  # once a chapter has been opened, it goes
    window.shell.show_section("home")
    assert "Start here" not in shown_text(home)
    window.close()


def test_support_opens_before_unlocking_without_a_passphrase(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    page = window.unlock_page
    assert "Support and safety" in shown_text(page)
    click(qtbot, page.support_button)
    assert not window.service.is_unlocked
    assert shows_page(window, SUPPORT_TITLE, support_heading())
    click(qtbot, window.reading_page.back_button)
    assert window.current_page is page
    qtbot.waitUntil(lambda: hasattr(window, "help_action"))  # shortcuts come after first paint
    page.field.setFocus()
    press(qtbot, Qt.Key.Key_F1)
    assert shows_page(window, SUPPORT_TITLE, support_heading())
    click(qtbot, window.reading_page.back_button)
    assert window.current_page is page
    window.close()


def test_the_introduction_opens_from_the_welcome_screen(qtbot, app_paths):
    window = open_window(qtbot, app_paths)  # no workbook yet
    assert window.current_page is window.welcome
    click(qtbot, window.welcome.about_button)
    assert shows_page(window, INTRO_TITLE, "Before you begin")
    click(qtbot, window.reading_page.other_button)
    assert shows_page(window, SUPPORT_TITLE, support_heading())
    click(qtbot, window.reading_page.back_button)
    assert window.current_page is window.welcome
    window.close()


def write_private(window, partner_id: str, text: str) -> AnswerKey:
    key = AnswerKey("intimacy-beyond-sex", "try-this-week", "plan")
    AnswerService(window.service).save(partner_id, key, text)
    return key


def open_side_by_side(qtbot, reader, agreeing: list[str]) -> str:
    """Click "Side by side…", tick the boxes of those who agree, show; returns what is seen."""
    click(qtbot, reader.side_button)
    text = shown_text(reader)
    assert "Side by side is a choice, each time." in flat(text)
    for partner_id, box in reader.consent.boxes.items():
        assert is_shown(box, reader) and not box.isChecked()  # asked afresh every time
        if partner_id in agreeing:
            click(qtbot, box)
    click(qtbot, reader.consent.show_button)
    settle(qtbot, reader)
    return shown_text(reader.window())


def test_side_by_side_shows_a_private_answer_only_after_its_owners_consent(
        qtbot, vault_two, app_paths):
    alex, sam = vault_two.ids
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    join_from_home(qtbot, window, PASSPHRASE_TWO)
    write_private(window, alex, "Alex private plan")
    key = write_private(window, sam, "Sam private plan")
    reader = open_chapter(qtbot, window, "intimacy-beyond-sex")

    seen = open_side_by_side(qtbot, reader, agreeing=[alex])
    assert "Alex private plan" in seen and "Sam private plan" not in seen
    assert not is_shown(reader.consent, reader)  # the question is gone; nothing says who said no
    for words in ("private answers", "did not", "declined", "chose not"):
        assert words not in seen.lower()
    click(qtbot, reader.side_button)  # back to answering
    assert "Sam private plan" not in shown_text(window)

    seen = open_side_by_side(qtbot, reader, agreeing=[])
    assert "Alex private plan" not in seen and "Sam private plan" not in seen
    click(qtbot, reader.side_button)

    AnswerService(window.service).share(sam, key)  # what Sam shared shows without a yes
    seen = open_side_by_side(qtbot, reader, agreeing=[])
    assert "Sam private plan" in seen and "Alex private plan" not in seen
    click(qtbot, reader.side_button)

    seen = open_side_by_side(qtbot, reader, agreeing=[alex, sam])
    assert "Alex private plan" in seen and "Sam private plan" in seen
    window.close()


def test_not_now_closes_the_question_without_showing_anything(qtbot, vault_two, app_paths):
    alex, sam = vault_two.ids
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    join_from_home(qtbot, window, PASSPHRASE_TWO)
    write_private(window, sam, "Sam private plan")
    reader = open_chapter(qtbot, window, "intimacy-beyond-sex")
    click(qtbot, reader.side_button)
    click(qtbot, reader.consent.boxes[sam])
    click(qtbot, reader.consent.not_now)
    assert not is_shown(reader.consent, reader)
    assert "Sam private plan" not in shown_text(window)
    assert is_shown(reader.worksheets, reader)
    window.close()


def test_the_safety_questions_point_to_support_on_screen(qtbot, vault_one, app_paths):
    window = open_window(qtbot, app_paths)
    unlock(qtbot, window, PASSPHRASE_ONE)
    window.shell.show_section("checkins")
    assert flat(CONTENT.scale("safe").help) in shown_text(window)
    reader = open_chapter(qtbot, window, "closeness-and-trauma")
    click(qtbot, reader.note.continue_button)
    settle(qtbot, reader)
    card = reader.card("what-helps-me-feel-safe", "safe-now")
    assert card.field.help in shown_text(card)
    window.close()
