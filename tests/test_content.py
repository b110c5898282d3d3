"""Tests for the workbook content (workbook/assets/content) and its loader/validator."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from workbook.content import FieldKind, load_content, paragraphs
from workbook.resources import resource_path

REPO = Path(__file__).resolve().parents[1]
# The articles sit beside the repository (../shared/seeds), or further up for a git worktree.
SEEDS = next((p / "shared" / "seeds" for p in Path(__file__).resolve().parents
              if (p / "shared" / "seeds").is_dir()), Path("../shared/seeds"))
NOTED_REQUIRED = {1, 2, 6, 7, 8, 10}  # rejection, betrayal and trauma chapters
NOTED_ALLOWED = NOTED_REQUIRED | {9}  # setbacks after betrayal may also carry a note


@pytest.fixture(scope="module")
def shipped():
    return load_content()


def all_fields(content):
    return [f for ch in content.chapters for ws in ch.worksheets for f in ws.fields]


# --- the shipped content ------------------------------------------------------------------


def test_shipped_content_loads_without_errors(shipped):
    assert [str(e) for e in shipped.errors] == []


def test_twelve_numbered_chapters_plus_intro_and_support(shipped):
    numbers = [ch.number for ch in shipped.chapters]
    assert numbers == sorted(numbers) and set(range(1, 13)) <= set(numbers)
    assert shipped.content.page("introduction").sections
    assert shipped.content.page("support").sections


def test_every_field_kind_is_used_at_least_twice(shipped):
    used = Counter(f.kind for f in all_fields(shipped.content))
    assert {kind: used[kind] for kind in FieldKind if used[kind] < 2} == {}


def test_content_notes_only_on_hard_chapters(shipped):
    noted = {ch.number for ch in shipped.chapters if ch.content_note}
    assert NOTED_REQUIRED <= noted <= NOTED_ALLOWED


def test_every_chapter_has_reading_and_worksheets(shipped):
    for ch in shipped.chapters:
        assert len(ch.paragraphs) >= 3, ch.id
        assert ch.worksheets and all(len(ws.fields) >= 2 for ws in ch.worksheets), ch.id


def test_choice_and_scale_fields_are_complete(shipped):
    for f in all_fields(shipped.content):
        if f.kind in (FieldKind.CHECKLIST, FieldKind.SINGLE_CHOICE):
            assert f.options, f.id
        if f.kind == FieldKind.SCALE:
            assert f.low_label and f.high_label and f.min < f.max, f.id


def test_consent_ladder_is_ordered_and_belongs_to_safe_touch(shipped):
    steps = shipped.content.ladder_steps
    assert len(steps) >= 6
    assert [s.order for s in steps] == list(range(1, len(steps) + 1))
    assert shipped.content.chapter("safe-touch").ladder_steps == steps


def test_checkin_scales(shipped):
    scales = shipped.content.checkin_scales
    assert [s.id for s in scales] == ["safe", "close", "hopeful", "stressed"]
    for s in scales:
        assert s.question and s.low_label and s.high_label and (s.min, s.max) == (0, 10)


def test_gratitude_prompts_rotate_daily(shipped):
    content = shipped.content
    assert len(content.gratitude_prompts) >= 30
    day = dt.date(2025, 3, 1)
    week = {content.gratitude_prompt_for(day + dt.timedelta(days=i)) for i in range(7)}
    assert len(week) == 7


def page_text(content, page_id):
    return " ".join(s.body + " " + " ".join(s.points) for s in content.page(page_id).sections)


def test_introduction_is_honest_about_privacy_limits(shipped):
    text = page_text(shipped.content, "introduction")
    for needle in ("unlocked", "print", "PDF", "not a replacement", "therapist"):
        assert needle in text


def test_support_page_is_not_tied_to_one_country(shipped):
    text = page_text(shipped.content, "support")
    assert "emergency number" in text and "Domestic abuse" in text
    assert "Examples include" in text  # any specific number is given only as an example


def test_introduction_opens_with_before_you_begin(shipped):
    page = shipped.content.page("introduction")
    first = next(s for s in page.sections if s.title)
    assert first.title == "Before you begin"
    text = " ".join([first.body, *first.points])
    for needle in ("safe with each other", "pressured",
                   "guilted", "threatened", "Support and safety"):
        assert needle in text
    assert page.sections[-1].title == "Further reading" and len(page.sections[-1].points) >= 4


def test_support_names_coercion_misuse_and_when_to_get_help(shipped):
    page = shipped.content.page("support")
    titles = [s.title for s in page.sections]
    for title in ("Sexual coercion has a name", "If this workbook is being used against you",
                  "When to seek professional help", "Directories worth knowing"):
        assert title in titles
    text = page_text(shipped.content, "support")
    for needle in ("Sulking", "duty", "keep the peace", "passphrase", "self", "flashbacks",
                   "pelvic-floor physiotherapist", "Drinking", "affair", "pressured",
                   "Find A Helpline", "Befrienders Worldwide", "AASECT", "COSRT", "AAMFT",
                   "change, so please check"):
        assert needle in text, needle


def test_safety_questions_point_to_support(shipped):
    assert "Support and safety" in shipped.content.scale("safe").help
    trauma = shipped.content.chapter("closeness-and-trauma").worksheet("what-helps-me-feel-safe")
    assert "Support and safety" in trauma.field("safe-now").help
    assert "Support and safety" in trauma.field("unsafe-signs").help


def test_the_ladder_worksheet_has_one_row_per_suggested_step(shipped):
    chapter = shipped.content.chapter("safe-touch")
    rows = [f for f in chapter.worksheet("ladder-step-by-step").fields if f.id.startswith("step-")]
    assert [f.prompt for f in rows] == [step.title for step in chapter.ladder_steps]
    assert {f.options for f in rows} == {("Now", "Later", "Not for me")}
    pause = chapter.worksheet("touch-ritual").field("pause-signal").help
    assert "freeze" in pause and "go quiet" in pause


def test_the_worksheets_a_therapist_would_hand_out_are_there(shipped):
    content = shipped.content
    for chapter_id, sheet in (("hurt-and-self-compassion", "saying-no-kindly"),
                              ("hurt-and-self-compassion", "hearing-a-no"),
                              ("intimacy-beyond-sex", "my-own-desire"),
                              ("talking-about-hard-things", "talking-skills"),
                              ("after-betrayal", "partner-who-broke-trust"),
                              ("safe-touch", "touch-in-turns"),
                              ("closeness-and-trauma", "if-old-fear-comes-up")):
        assert content.worksheet(chapter_id, sheet).fields
    ways = content.worksheet("where-rejection-comes-from", "what-gets-in-the-way")
    for option in ("Sex hasn't felt good for me", "I feel pressured, or that sex is expected of me",
                   "We want different amounts or kinds of closeness"):
        assert option in ways.field("pressures").options
    betrayal = content.chapter("after-betrayal")
    assert "Forgiveness is not required" in betrayal.worksheet("feelings-map").intro
    assert "Checking: phones, messages, where my partner is" in (
        betrayal.worksheet("feelings-map").field("feelings").options)
    assert betrayal.worksheet("love-duty-fear").field("reasons-unsure").kind == "ranked_list"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


def _runs(words: list[str], n: int = 8) -> set[str]:
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_no_eight_word_run_copied_from_the_articles():
    if not SEEDS.is_dir():
        pytest.skip(f"source articles not found at {SEEDS}")
    seed = set().union(*(_runs(_words(p.read_text(encoding="utf-8"))) for p in SEEDS.glob("*.txt")))
    assert seed, "no seed text read"
    hits = []
    for path in sorted(resource_path("content").rglob("*")):
        if path.is_file():
            text = path.read_text(errors="ignore")
            hits += [(path.name, run) for run in _runs(_words(text)) & seed]
    assert hits == []


def test_content_package_imports_no_qt():
    for path in (REPO / "workbook" / "content").glob("*.py"):
        qt_import = r"^\s*(from|import)\s+(PySide6|PyQt|shiboken)"
        assert not re.search(qt_import, path.read_text(), re.M), path
    # Importing the package in a fresh interpreter must not pull Qt in indirectly either.
    code = ("import sys, workbook.content; "
            "print(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


# --- invalid files ------------------------------------------------------------------------

VALID = """
type = "chapter"
id = "good"
number = 1
title = "Good"
summary = "Fine."
reading = "Text."

[[worksheets]]
id = "w"
title = "W"

[[worksheets.fields]]
id = "f"
kind = "long_text"
prompt = "Say something"
"""


def chapter(field: str = 'id = "f"\nkind = "long_text"\nprompt = "P"', head: str = "") -> str:
    """A chapter 'bad' (number 2) whose one field is `field`; `head` replaces the title line."""
    top = head or 'title = "Bad"'
    return (f'type = "chapter"\nid = "bad"\nnumber = 2\n{top}\nsummary = "S"\nreading = "R"\n'
            f'[[worksheets]]\nid = "w"\ntitle = "W"\n[[worksheets.fields]]\n{field}\n')


BAD_CASES = {
    "bad TOML syntax": (chapter() + "oops = \n", "99-bad.toml: not valid TOML"),
    "missing title": (chapter(head="# no title"),
                      "99-bad.toml: chapter 'bad': missing required key 'title'"),
    "missing prompt": (chapter('id = "f"\nkind = "date"'),
                       "99-bad.toml: chapter 'bad', worksheet 'w', field 'f': "
                       "missing required key 'prompt'"),
    "unknown kind": (chapter('id = "f"\nkind = "slider"\nprompt = "P"'),
                     "99-bad.toml: chapter 'bad', worksheet 'w', field 'f': unknown kind 'slider'"),
    "duplicate field id": (chapter('id = "f"\nkind = "date"\nprompt = "P"\n[[worksheets.fields]]\n'
                                   'id = "f"\nkind = "date"\nprompt = "Q"'),
                           "99-bad.toml: chapter 'bad', worksheet 'w', field 'f': "
                           "duplicate field id 'f'"),
    "unknown key": (chapter('id = "f"\nkind = "date"\nprompt = "P"\nhelpp = "typo"'),
                    "field 'f': unknown key 'helpp' (did you mean 'help'?)"),
    "key of another kind": (chapter('id = "f"\nkind = "long_text"\nprompt = "P"\noptions = ["a"]'),
                            "field 'f': unknown key 'options' (not used by kind 'long_text')"),
    "empty options": (chapter('id = "f"\nkind = "checklist"\nprompt = "P"\noptions = []'),
                      "chapter 'bad', worksheet 'w', field 'f': 'options' must not be empty"),
    "scale without labels": (chapter('id = "f"\nkind = "scale"\nprompt = "P"\nlow_label = "lo"'),
                             "field 'f': missing required key 'high_label'"),
    "scale min not below max": (chapter('id = "f"\nkind = "scale"\nprompt = "P"\nlow_label = "a"\n'
                                        'high_label = "b"\nmin = 5\nmax = 5'),
                                "field 'f': 'min' (5) must be smaller than 'max' (5)"),
    "wrong type": (chapter('id = "f"\nkind = "checklist"\nprompt = "P"\noptions = ["a"]\n'
                           'allow_other = "yes"'),
                   "field 'f': 'allow_other' must be true or false"),
    "bad id": (chapter('id = "Field One"\nkind = "date"\nprompt = "P"'),
               "worksheet 'w', field 'Field One': 'id' must be lowercase"),
    "duplicate chapter number": (chapter().replace("number = 2", "number = 1"),
                                 "99-bad.toml: chapter 'bad': "
                                 "chapter number 1 is already used in 01-good.toml"),
    "duplicate chapter id": (chapter().replace('id = "bad"', 'id = "good"'),
                             "99-bad.toml: chapter 'good': "
                             "id 'good' is already used in 01-good.toml"),
    "unknown file type": ('type = "chaptr"\n', "99-bad.toml: unknown type 'chaptr'"),
}


@pytest.mark.parametrize("text, expected", BAD_CASES.values(), ids=BAD_CASES.keys())
def test_invalid_file_is_reported_and_others_still_load(tmp_path, text, expected):
    (tmp_path / "01-good.toml").write_text(VALID, encoding="utf-8")
    (tmp_path / "99-bad.toml").write_text(text, encoding="utf-8")
    result = load_content(tmp_path)
    messages = [str(e) for e in result.errors]
    assert len(messages) == 1 and expected in messages[0], messages
    assert result.errors[0].file == "99-bad.toml"
    assert [ch.id for ch in result.chapters] == ["good"]


def test_every_problem_in_a_file_is_reported(tmp_path):
    text = chapter('id = "f"\nkind = "slider"\nprompt = "P"', head='titel = "Bad"')
    (tmp_path / "bad.toml").write_text(text, encoding="utf-8")
    messages = [str(e) for e in load_content(tmp_path).errors]
    assert any("unknown key 'titel' (did you mean 'title'?)" in m for m in messages)
    assert any("missing required key 'title'" in m for m in messages)
    assert any("field 'f': unknown kind 'slider'" in m for m in messages)


def test_missing_folder_is_an_error_not_a_crash(tmp_path):
    result = load_content(tmp_path / "nowhere")
    assert result.chapters == () and "content folder not found" in str(result.errors[0])


# --- model helpers ------------------------------------------------------------------------


def test_paragraphs_join_wrapped_lines():
    assert paragraphs("one\ntwo\n\n  three  \n") == ("one two", "three")


def test_lookups_raise_key_error(shipped):
    with pytest.raises(KeyError):
        shipped.content.chapter("no-such-chapter")
    with pytest.raises(KeyError):
        shipped.content.worksheet("safe-touch", "no-such-worksheet")
    readiness = shipped.content.worksheet("safe-touch", "ladder").field("readiness")
    assert readiness.kind == FieldKind.SCALE
