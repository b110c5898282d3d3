"""Crash handlers record type names and frames, never exception messages (they may hold user
text)."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
import threading

import pytest

from workbook.crash import FAULT_LOG_NAME, format_details, install_crash_handlers, short_path

SENTINEL = "SENTINEL-my-private-answer-7f3a"


class WorkbookTestError(Exception):
    pass


def failing_save_answer(text: str) -> None:
    raise WorkbookTestError(f"could not save {text!r}")


def failing_wrapper(text: str) -> None:
    try:
        failing_save_answer(text)
    except WorkbookTestError as error:
        raise RuntimeError(f"wrapper saw {text}") from error


def _exc_info(func, *args):
    try:
        func(*args)
    except BaseException:
        return sys.exc_info()
    raise AssertionError("expected an exception")


@pytest.fixture
def handlers(tmp_path):
    shown: list[str] = []
    installed = install_crash_handlers(tmp_path / "logs", show_dialog=shown.append)
    installed.shown = shown  # type: ignore[attr-defined]
    yield installed
    installed.uninstall()


def test_excepthook_logs_and_shows_details_without_the_message(handlers, caplog):
    caplog.set_level(logging.INFO)
    sys.excepthook(*_exc_info(failing_save_answer, SENTINEL))

    assert len(handlers.shown) == 1
    details = handlers.shown[0]
    assert SENTINEL not in details
    assert "WorkbookTestError" in details
    assert "failing_save_answer" in details
    assert "test_crash.py" in details
    assert SENTINEL not in caplog.text
    assert "WorkbookTestError" in caplog.text and "failing_save_answer" in caplog.text
    assert any(r.levelno == logging.CRITICAL for r in caplog.records)


def test_chained_exceptions_keep_both_types_and_drop_both_messages(handlers):
    sys.excepthook(*_exc_info(failing_wrapper, SENTINEL))
    details = handlers.shown[0]
    assert SENTINEL not in details
    assert "WorkbookTestError" in details and "RuntimeError" in details
    assert details.index("WorkbookTestError") < details.index("RuntimeError")  # cause first
    assert "failing_wrapper" in details and "failing_save_answer" in details


def test_thread_excepthook_reports_background_errors(handlers, caplog):
    thread = threading.Thread(target=failing_save_answer, args=(SENTINEL,))
    thread.start()
    thread.join()
    assert len(handlers.shown) == 1
    assert SENTINEL not in handlers.shown[0] and SENTINEL not in caplog.text
    assert "background thread" in caplog.text


def test_a_failing_dialog_does_not_loop(tmp_path, caplog):
    def broken_dialog(details: str) -> None:
        raise ValueError(SENTINEL)

    installed = install_crash_handlers(tmp_path, show_dialog=broken_dialog)
    try:
        sys.excepthook(*_exc_info(failing_save_answer, SENTINEL))
    finally:
        installed.uninstall()
    assert "crash dialog itself failed: ValueError" in caplog.text
    assert SENTINEL not in caplog.text


def test_fault_log_is_private_and_kept_open(handlers, tmp_path):
    path = tmp_path / "logs" / FAULT_LOG_NAME
    assert path.exists()
    assert handlers.fault_log == path
    assert not handlers.fault_file.closed
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_existing_loose_fault_log_is_made_private(tmp_path):
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    path = tmp_path / FAULT_LOG_NAME
    path.write_text("old\n")
    path.chmod(0o644)
    installed = install_crash_handlers(tmp_path)
    installed.uninstall()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_uninstall_restores_hooks(tmp_path):
    before = (sys.excepthook, threading.excepthook, sys.unraisablehook)
    install_crash_handlers(tmp_path).uninstall()
    assert (sys.excepthook, threading.excepthook, sys.unraisablehook) == before


def test_hard_crash_leaves_a_stack_in_the_fault_log(tmp_path):
    """A real segfault-style fatal error in a child process writes frames to crash-faults.log."""
    code = ("import faulthandler, sys\n"
            "from pathlib import Path\n"
            "from workbook.crash import install_crash_handlers\n"
            "def deep_function_name():\n"
            "    faulthandler._sigsegv()\n"
            f"install_crash_handlers(Path({str(tmp_path)!r}))\n"
            "deep_function_name()\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert result.returncode != 0
    text = (tmp_path / FAULT_LOG_NAME).read_text()
    assert "Segmentation fault" in text or "Fatal Python error" in text
    assert "deep_function_name" in text


def test_details_never_include_messages_or_home_paths():
    details = format_details(*_exc_info(failing_save_answer, SENTINEL))
    assert SENTINEL not in details
    assert os.path.expanduser("~") not in details or os.path.expanduser("~") == "/"
    assert short_path("/home/ann/.venv/lib/python3.11/site-packages/PySide6/x.py") == "PySide6/x.py"
    assert short_path("/home/ann/src/workbook/ui/app.py") == "workbook/ui/app.py"


def test_crash_module_imports_no_qt():
    code = ("import sys, workbook.crash\n"
            "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
