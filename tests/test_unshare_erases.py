"""Un-sharing erases: once a partner stops sharing an answer or an appreciation, its words are
on no page of shared.db. Every page is decrypted here with the shared key (SQLCipher 4 layout:
AES-256-CBC, raw key, 16-byte IV and 64-byte HMAC at the end of each 4096-byte page), so free
pages and full-text index segments are searched too, not only what SQL can still see."""

from __future__ import annotations

import datetime as dt

import pyaes
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO

from workbook.answers import AnswerKey, AnswerService
from workbook.trackers.gratitude import GratitudeService

PAGE, RESERVE, SALT = 4096, 80, 16
KEY = AnswerKey("chapter", "sheet", "field")
ANSWER_WORD, KEPT_WORD, THANKS_WORD = "zanzibarquokka", "keptmarmoset", "velvetnarwhal"


def _decrypt_pages(data: bytes, key: bytes) -> bytes:
    plain = bytearray()
    for start in range(0, len(data) - PAGE + 1, PAGE):
        page = data[start:start + PAGE]
        first = SALT if start == 0 else 0
        iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
        decrypter = pyaes.Decrypter(pyaes.AESModeOfOperationCBC(key, iv=iv),
                                    padding=pyaes.PADDING_NONE)
        plain += decrypter.feed(page[first:PAGE - RESERVE]) + decrypter.feed()
    return bytes(plain)


def _raw_scan(folder, key: bytes) -> bytes:
    """The plaintext of every page of shared.db and of any frame left in its -wal."""
    text = _decrypt_pages((folder / "shared.db").read_bytes(), key)
    wal = folder / "shared.db-wal"
    if wal.exists() and wal.stat().st_size > 32:
        frames = wal.read_bytes()[32:]
        pages = b"".join(frames[i + 24:i + 24 + PAGE] for i in range(0, len(frames), 24 + PAGE))
        text += _decrypt_pages(pages, key)
    return text


def test_unshared_words_are_on_no_page_of_the_shared_file(vault_two):
    service = vault_two.service()
    one, _ = service.unlock(PASSPHRASE_ONE), service.unlock(PASSPHRASE_TWO)
    answers, gratitude = AnswerService(service), GratitudeService(service)
    day = dt.date(2026, 4, 2)
    answers.save(one.id, KEY, f"the {ANSWER_WORD} answer")
    answers.share(one.id, KEY)
    answers.save(one.id, AnswerKey("chapter", "sheet", "other"), f"a {KEPT_WORD} stays")
    answers.share(one.id, AnswerKey("chapter", "sheet", "other"))
    gratitude.save(one.id, "", f"thanks {THANKS_WORD}", share=True, day=day)
    shared_key = service.current_session().shared_key
    service.current_session().shared_conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _raw_scan(vault_two.folder, shared_key)
    assert ANSWER_WORD.encode() in before and THANKS_WORD.encode() in before  # the scan sees text

    answers.unshare(one.id, KEY)
    gratitude.save(one.id, "", f"thanks {THANKS_WORD}", share=False, day=day)
    service.lock()
    after = _raw_scan(vault_two.folder, shared_key)
    assert KEPT_WORD.encode() in after  # still shared, still there: the scan still reads pages
    assert ANSWER_WORD.encode() not in after
    assert THANKS_WORD.encode() not in after
