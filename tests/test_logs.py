"""The log is rotated at start-up once it has grown large, keeping a few old files."""

from __future__ import annotations

import logging

from workbook.logs import LOG_NAME, rotate_if_large, setup_logging


def test_small_log_is_left_alone(tmp_path):
    log = tmp_path / LOG_NAME
    log.write_text("a line\n")
    rotate_if_large(log, max_bytes=100)
    assert log.read_text() == "a line\n"
    assert not (tmp_path / f"{LOG_NAME}.1").exists()


def test_large_log_moves_along_and_the_oldest_goes(tmp_path):
    log = tmp_path / LOG_NAME
    for number, text in ((1, "one"), (2, "two"), (3, "three")):
        (tmp_path / f"{LOG_NAME}.{number}").write_text(text)
    log.write_text("x" * 200)
    rotate_if_large(log, max_bytes=100, keep=3)
    assert not log.exists()
    assert (tmp_path / f"{LOG_NAME}.1").read_text() == "x" * 200
    assert (tmp_path / f"{LOG_NAME}.2").read_text() == "one"
    assert (tmp_path / f"{LOG_NAME}.3").read_text() == "two"
    assert not (tmp_path / f"{LOG_NAME}.4").exists()


def test_setup_logging_writes_a_private_file(tmp_path):
    path = setup_logging(tmp_path / "logs")
    logging.getLogger("workbook.test").info("partner unlocked")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "partner unlocked" in path.read_text()
    assert path.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "logs").stat().st_mode & 0o777 == 0o700
