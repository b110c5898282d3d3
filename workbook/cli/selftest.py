"""`couples-workbook self-test`: a headless end-to-end check on this computer.

It builds a throw-away two-partner workbook in a temporary folder, writes through the same
services the window uses, reopens it, and checks that what was written is encrypted on disk.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path

from workbook.accounts import NewPartner, WorkbookService
from workbook.answers import AnswerKey, AnswerService
from workbook.resources import MissingResources, verify_installation
from workbook.storage.errors import WrongPassphrase
from workbook.storage.sqlcipher import SQLITE_HEADER

KEY = AnswerKey("self-test", "check", "sentinel")


class SelfTestFailure(Exception):
    pass


def run_self_test(say: Callable[[str], None]) -> int:
    with tempfile.TemporaryDirectory(prefix="cw-selftest-") as tmp:
        checks = _checks(Path(tmp) / "vault")
        for name, check in checks:
            try:
                check()
            except Exception as error:
                say(f"FAILED  {name}: {type(error).__name__}: {error}")
                return 1
            say(f"ok      {name}")
    say("self-test passed")
    return 0


def _checks(folder: Path):
    state: dict = {"one": "self test passphrase " + secrets.token_hex(4),
                   "two": "another self test phrase " + secrets.token_hex(4),
                   "sentinel": "SELFTEST-" + secrets.token_hex(8) + " 🙂 שלום <b>&"}

    def create():
        service = WorkbookService(folder)
        created = service.create([NewPartner("One", state["one"]), NewPartner("Two", state["two"])])
        state["ids"] = [c.info.id for c in created]
        answers = AnswerService(service)
        answers.save(state["ids"][0], KEY, state["sentinel"])
        answers.save(state["ids"][1], KEY, state["sentinel"] + " shared")
        answers.share(state["ids"][1], KEY)
        service.lock()

    def reopen():
        service = WorkbookService(folder)
        who = service.unlock(state["one"])
        answers = AnswerService(service)
        _expect(who.id == state["ids"][0], "the first passphrase opened the wrong partner")
        _expect(answers.get(who.id, KEY) == state["sentinel"], "a private answer changed")
        _expect(answers.shared_value(state["ids"][1], KEY) == state["sentinel"] + " shared",
                "a shared answer changed")
        try:
            answers.get(state["ids"][1], KEY)
            raise SelfTestFailure("one partner could read the other's private space")
        except PermissionError:
            pass
        service.lock()

    def wrong_passphrase():
        try:
            WorkbookService(folder).unlock("not the passphrase at all")
            raise SelfTestFailure("a wrong passphrase opened the workbook")
        except WrongPassphrase:
            pass

    def encrypted_on_disk():
        needles = [state["sentinel"].split(" ")[0].encode(enc) for enc in ("utf-8", "utf-16-le")]
        for path in folder.rglob("*"):
            if not path.is_file():
                continue
            data = path.read_bytes()
            _expect(not any(n in data for n in needles), f"plaintext found in {path.name}")
            if path.suffix == ".db":
                _expect(not data.startswith(SQLITE_HEADER), f"{path.name} is not encrypted")
        if os.name == "posix":
            _expect(folder.stat().st_mode & 0o077 == 0, "the workbook folder is readable by others")

    def window():
        from workbook.ui.common.window_check import (
            check_window_unlocks,  # Qt loads only for this step
        )
        check_window_unlocks(folder, state["two"])

    def installed_files():
        try:
            verify_installation()
        except MissingResources as error:  # name the file: self-test is for packagers too
            raise SelfTestFailure(f"{error} ({error.detail})") from None

    return [("the app's own files (content, fonts, icons) are all there", installed_files),
            ("create a two-partner workbook and write answers", create),
            ("reopen it and read the answers back", reopen),
            ("refuse a wrong passphrase", wrong_passphrase),
            ("the window opens and unlocks", window),
            ("nothing readable on disk", encrypted_on_disk)]


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)
