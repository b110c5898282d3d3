"""Atomic, private saving: all or nothing, mode 0o600, errors that never repeat user text."""

from __future__ import annotations

import logging
import os
import stat

import pytest

from workbook.export import ExportError, save_atomically

SECRET = "my private answer about us"


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_success_writes_a_private_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "pages.pdf"
    save_atomically(target, lambda f: f.write(b"%PDF-1.4 new"))
    assert target.read_bytes() == b"%PDF-1.4 new"
    assert os.listdir(tmp_path) == ["pages.pdf"]
    if os.name == "posix":
        assert mode(target) == 0o600


def test_an_existing_readable_file_is_replaced_by_a_private_one(tmp_path):
    target = tmp_path / "pages.pdf"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    save_atomically(target, lambda f: f.write(b"new"))
    assert target.read_bytes() == b"new"
    if os.name == "posix":
        assert mode(target) == 0o600


def failing_write(handle):
    handle.write(b"%PDF-1.4 half a file")
    raise ValueError(f"paragraph could not be laid out: {SECRET}")


def test_failure_keeps_the_old_file_and_removes_the_temp(tmp_path):
    target = tmp_path / "pages.pdf"
    target.write_bytes(b"the good old copy")
    with pytest.raises(ExportError) as info:
        save_atomically(target, failing_write)
    assert target.read_bytes() == b"the good old copy"
    assert os.listdir(tmp_path) == ["pages.pdf"]
    assert "ValueError" in str(info.value)


def test_failure_without_a_target_leaves_nothing(tmp_path):
    with pytest.raises(ExportError):
        save_atomically(tmp_path / "pages.pdf", failing_write)
    assert os.listdir(tmp_path) == []


def test_the_error_never_carries_or_logs_the_user_text(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ExportError) as info:
        save_atomically(tmp_path / "pages.pdf", failing_write)
    error = info.value
    assert SECRET not in str(error)
    assert error.__cause__ is None and error.__suppress_context__
    assert SECRET not in caplog.text and "ValueError" in caplog.text


def test_a_missing_folder_is_a_calm_export_error(tmp_path):
    with pytest.raises(ExportError, match="folder"):
        save_atomically(tmp_path / "gone" / "pages.pdf", lambda f: f.write(b"x"))


def test_an_export_error_from_the_writer_passes_through_unchanged(tmp_path):
    original = ExportError("Password protection is not available.")

    def write(handle):
        raise original

    with pytest.raises(ExportError) as info:
        save_atomically(tmp_path / "pages.pdf", write)
    assert info.value is original
    assert os.listdir(tmp_path) == []
