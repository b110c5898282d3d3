"""One writer per workbook (workbook/storage/lock.py): a second process is refused calmly and
changes nothing; a killed holder leaves no stale lock; concurrent passphrase changes from two
processes never lock a partner out."""

from __future__ import annotations

import hashlib
import io
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from support.vaults import PASSPHRASE_ONE, PASSPHRASE_TWO

from workbook import backups
from workbook.cli.commands import main
from workbook.storage.errors import VaultError

ROOT = Path(__file__).resolve().parents[1]
BUSY = "This workbook is open in another window"

HOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from workbook.accounts import WorkbookService
    service = WorkbookService(Path(sys.argv[1]))
    service.unlock(sys.stdin.readline().rstrip("\\n"))
    print("ready", flush=True)
    sys.stdin.readline()  # hold the workbook until told to stop
    service.lock()
""")

CHANGER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from workbook.accounts import WorkbookService
    from workbook.storage.errors import VaultError
    folder, partner, first, go = Path(sys.argv[1]), sys.argv[2], sys.argv[3], Path(sys.argv[4])
    while not go.exists():
        time.sleep(0.005)
    current = first
    for round in range(8):
        new = f"{first} round {round}"
        while True:
            try:
                WorkbookService(folder).change_passphrase(partner, current, new)
                break
            except VaultError as error:
                if "open in another window" not in str(error):
                    print("FAILED", type(error).__name__, flush=True)
                    raise SystemExit(1)
                time.sleep(0.01)
        current = new
    print("DONE", current, flush=True)
""")


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT))


def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _hold(folder: Path, passphrase: str) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, env=_env(), cwd=ROOT)
    child.stdin.write(passphrase + "\n")
    child.stdin.flush()
    assert child.stdout.readline().strip() == "ready"
    return child


def _run_cli(monkeypatch, capsys, stdin: str, *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(args))
    return code, capsys.readouterr().err


def test_a_second_process_is_refused_calmly_and_changes_nothing(vault_two, tmp_path,
                                                                 monkeypatch, capsys):
    saved = tmp_path / "saved.zip"
    service = vault_two.service()
    service.unlock(PASSPHRASE_ONE)
    backups.create_backup(service, saved)
    service.lock()
    holder = _hold(vault_two.folder, PASSPHRASE_ONE)
    before = _snapshot(vault_two.folder)
    try:
        with pytest.raises(VaultError, match=BUSY):
            vault_two.service().unlock(PASSPHRASE_TWO)
        with pytest.raises(VaultError, match=BUSY):
            vault_two.service().recover(vault_two.recovery_codes[1], "a new long passphrase 7")
        with pytest.raises(VaultError, match=BUSY):
            vault_two.service().change_passphrase(vault_two.ids[1], PASSPHRASE_TWO,
                                                  "a new long passphrase 8")
        folder = str(vault_two.folder)
        for stdin, args in ((PASSPHRASE_ONE, ("restore", str(saved), "--data-dir", folder,
                                              "--replace")),
                            (PASSPHRASE_TWO, ("backup", "--data-dir", folder, "-o",
                                              str(tmp_path / "b.zip"))),
                            (PASSPHRASE_TWO, ("data", "export", str(tmp_path / "out.json"),
                                              "--data-dir", folder))):
            code, err = _run_cli(monkeypatch, capsys, stdin + "\n", *args)
            assert code == 2 and BUSY in err, args
        assert not (tmp_path / "b.zip").exists() and not (tmp_path / "out.json").exists()
        assert _snapshot(vault_two.folder) == before
    finally:
        holder.send_signal(signal.SIGKILL)  # a crashed holder: the kernel drops its lock
        holder.wait(10)
    service = vault_two.service()
    service.unlock(PASSPHRASE_TWO)  # no stale lock survives the holder
    service.lock()


def test_the_lock_is_let_go_when_the_window_locks(vault_one):
    first = vault_one.service()
    first.unlock(PASSPHRASE_ONE)
    first.lock()
    holder = _hold(vault_one.folder, PASSPHRASE_ONE)  # would fail if the lock were still held
    holder.stdin.write("\n")
    holder.stdin.flush()
    assert holder.wait(30) == 0


def test_eight_concurrent_passphrase_changes_leave_everyone_able_to_unlock(vault_two, tmp_path):
    go = tmp_path / "go"
    children = [subprocess.Popen([sys.executable, "-c", CHANGER, str(vault_two.folder), pid,
                                  phrase, str(go)], stdout=subprocess.PIPE, text=True,
                                 env=_env(), cwd=ROOT)
                for pid, phrase in zip(vault_two.ids, (PASSPHRASE_ONE, PASSPHRASE_TWO),
                                       strict=True)]
    time.sleep(0.5)
    go.touch()
    finals = []
    for child in children:
        out, _ = child.communicate(timeout=240)
        assert child.returncode == 0, out
        finals.append(out.split("DONE ", 1)[1].strip())
    for partner_id, phrase in zip(vault_two.ids, finals, strict=True):
        service = vault_two.service()
        assert service.unlock(phrase).id == partner_id
        service.lock()
    with pytest.raises(VaultError):
        vault_two.service().unlock(PASSPHRASE_ONE)


def test_a_second_window_says_so_on_its_unlock_screen(qtbot, vault_two, app_paths):
    from support.files import file_bytes
    from support.window import open_window, type_text
    holder = _hold(vault_two.folder, PASSPHRASE_ONE)
    try:
        before = file_bytes(app_paths.data_dir)
        window = open_window(qtbot, app_paths)
        page = window.unlock_page
        type_text(qtbot, page.field, PASSPHRASE_TWO)
        qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
        assert window.current_page is page
        assert page.message.isVisibleTo(window) and BUSY in page.message.text()
        assert file_bytes(app_paths.data_dir) == before
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(30)
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)  # the other window closed
    assert window.current_page is window.shell


def test_parent_folders_the_app_creates_are_private_under_a_loose_umask(tmp_path):
    import stat

    from workbook.accounts import NewPartner, WorkbookService
    old = os.umask(0)
    try:
        folder = tmp_path / "a" / "b" / "vault"
        service = WorkbookService(folder)
        service.create([NewPartner("Alex", PASSPHRASE_ONE)])
        service.lock()
    finally:
        os.umask(old)
    for path in (tmp_path / "a", tmp_path / "a" / "b", folder):
        assert stat.S_IMODE(path.stat().st_mode) == 0o700, path
