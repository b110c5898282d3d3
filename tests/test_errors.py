"""One error root: every error a person may see is a WorkbookError with a calm sentence; the
windows and the command line map only these. Internal checks (self-test) are the exceptions."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from support.vaults import PASSPHRASE_ONE

import workbook
from workbook.answers import AnswerKey, AnswerService
from workbook.errors import Locked, NotPresent, WorkbookError

INTERNAL = {"WindowCheckFailed", "SelfTestFailure"}  # a self-test's own findings, printed as such


def workbook_exceptions():
    found = {}
    for info in pkgutil.walk_packages(workbook.__path__, "workbook."):
        if ".ui" in info.name or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (inspect.isclass(value) and issubclass(value, BaseException)
                    and value.__module__.startswith("workbook")):
                found[name] = value
    return found


def test_every_error_of_the_app_has_the_one_root():
    errors = workbook_exceptions()
    assert {"DamagedFile", "StorageFull", "InvalidText", "ExportError", "Locked"} <= set(errors)
    strays = {n for n, e in errors.items() if not issubclass(e, WorkbookError)} - INTERNAL
    assert strays == set()


def test_a_locked_workbook_and_an_absent_partner_raise_calm_root_errors(vault_two):
    service = vault_two.service()
    answers = AnswerService(service)
    key = AnswerKey("where-rejection-comes-from", "what-gets-in-the-way", "notes")
    with pytest.raises(Locked) as locked:
        answers.get(vault_two.ids[0], key)
    assert isinstance(locked.value, WorkbookError)
    assert str(locked.value) == "The workbook is locked."
    service.unlock(PASSPHRASE_ONE)
    with pytest.raises(NotPresent) as absent:
        answers.get(vault_two.ids[1], key)  # the other partner is not here
    assert "not unlocked" in str(absent.value)
    service.lock()
