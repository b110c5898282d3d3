"""Every script the app accepts prints: Chinese, Japanese, Korean, Thai and Devanagari in bundled
fonts (not "[N characters not available in print]"), next to Hebrew and Arabic."""

from __future__ import annotations

import datetime as dt
import re

from pypdf import PdfReader

from workbook.content import load_content
from workbook.content.model import FieldKind
from workbook.export import build_session_packet
from workbook.export.markup import to_markup
from workbook.packet import SECTIONS, Packet, PrintedAnswer, PrintedWorksheet

CONTENT = load_content().content
ANSWERS = {
    "chinese": "我今天很难过，但我们在一起。",
    "japanese": "私は大丈夫です。ありがとう。",
    "korean": "나는 괜찮아요 고마워요",
    "hebrew": "שלום עולם",
    "arabic": "مرحبا بالعالم",
    "thai": "สวัสดีครับ",
    "devanagari": "नमस्ते दुनिया",
}


def long_text_field():
    return next(f for c in CONTENT.chapters for s in c.worksheets for f in s.fields
                if f.kind is FieldKind.LONG_TEXT)


def build(tmp_path, texts, gratitude=()) -> tuple[str, set[str]]:
    fld = long_text_field()
    questions = tuple((fld, (PrintedAnswer("Alex", fld, text, False),)) for text in texts)
    packet = Packet(frozenset(SECTIONS), "Alex", "all dates",
                    worksheets=(PrintedWorksheet(1, "A chapter", "A worksheet", questions),),
                    gratitude=gratitude)
    path = tmp_path / "scripts.pdf"
    build_session_packet(path, packet)
    reader = PdfReader(path)
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return " ".join(p.extract_text() for p in reader.pages), fonts


def test_no_script_is_replaced_by_a_missing_characters_label():
    for name, text in ANSWERS.items():
        markup = " ".join(to_markup(text))
        assert "not available in print" not in markup, name


def test_every_script_is_extractable_in_order(tmp_path):
    names = ("chinese", "japanese", "korean", "hebrew", "thai")
    shaped = "नमस्ते, ठीक है। ที่นี่ ครับ"  # conjuncts, a nukta-free half form, Thai tone marks
    text, fonts = build(tmp_path, [ANSWERS[n] for n in names] + [shaped])
    for name in names:
        assert ANSWERS[name] in text, name
    assert shaped in text  # shaped glyphs copy out as the letters they draw
    assert {"DroidSansFallback", "NanumGothic", "NotoSansThai-Regular",
            "NotoSansDevanagari-Regular"} <= fonts
    assert text.index(ANSWERS["chinese"]) < text.index(ANSWERS["korean"])
    assert "not available in print" not in text


def test_devanagari_vowel_sign_i_copies_out_beside_its_consonant(tmp_path):
    # ि is drawn before the consonant it follows in the text; copied out it may come first
    # (only /ActualText could fix that). The letters are all there.
    text, _ = build(tmp_path, [ANSWERS["devanagari"]])
    word = next(w for w in text.split() if w.startswith("द"))
    assert "नमस्ते" in text and sorted(word) == sorted("दुनिया")


def test_a_right_to_left_name_does_not_scramble_the_date_beside_it(tmp_path):
    text, _ = build(tmp_path, ["x"], gratitude=(("שרה", dt.date(2026, 3, 14), "thank you"),))
    assert "14 March 2026" in " ".join(text.split())
    assert "שרה" in text


def test_punctuation_inside_a_devanagari_word_stays_in_its_run():
    # Split runs would be shaped apart, and the second half would start with a dotted circle.
    assert to_markup("धीरे-धीरे, 2 ok") == [
        '<font name="NotoSansDevanagari-Regular">धीरे-धीरे, 2 </font>ok']


def test_a_100000_character_chinese_answer_prints_whole(tmp_path):
    sentence = "我们昨晚聊了很久，我觉得被理解了。"
    text = sentence * (100_000 // len(sentence)) + "最后一句。"
    build(tmp_path, [text])
    furniture = re.compile(r"^(Printed .*|Alex · all dates|Confidential: .*|Page \d+ of|\d+|"
                           r"A worksheet \(continued\))$")
    body = "".join(line.strip() for page in PdfReader(tmp_path / "scripts.pdf").pages[2:]
                   for line in page.extract_text().splitlines()
                   if not furniture.match(line.strip()))
    assert body.count(sentence) == 100_000 // len(sentence) and body.endswith("最后一句。")
