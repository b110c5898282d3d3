"""X11 PRIMARY selection: text selected in the workbook is not left for a middle click to paste
once the workbook locks. Needs a real X server (Xvfb); the offscreen platform has no selection."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROBE = textwrap.dedent("""
    import sys
    from PySide6.QtGui import QClipboard
    from PySide6.QtWidgets import QApplication, QLineEdit
    from workbook.ui.common.clipboard_guard import ClipboardGuard
    app = QApplication(sys.argv)
    guard = ClipboardGuard()
    field = QLineEdit("private words selected")
    field.show()
    field.selectAll()
    app.processEvents()
    clip = app.clipboard()
    if not clip.text(QClipboard.Mode.Selection):  # some styles publish only on mouse selection
        clip.setText(field.selectedText(), QClipboard.Mode.Selection)
    app.processEvents()
    before = clip.text(QClipboard.Mode.Selection)
    guard.clear_if_ours()  # what locking calls
    app.processEvents()
    print(repr(before) + "|" + repr(clip.text(QClipboard.Mode.Selection)))
""")


@pytest.mark.skipif(shutil.which("Xvfb") is None or not sys.platform.startswith("linux"),
                    reason="needs Xvfb")
def test_primary_selection_is_cleared_on_lock(tmp_path):
    ready, told = os.pipe()  # Xvfb picks a free display and writes its number once it is up
    server = subprocess.Popen(["Xvfb", "-displayfd", str(told), "-screen", "0", "800x600x24",
                               "-nolisten", "tcp"], pass_fds=(told,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(told)
    try:
        with os.fdopen(ready) as answer:
            display = f":{answer.readline().strip()}"
        assert display != ":", "Xvfb did not start"
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT),
                   XDG_RUNTIME_DIR=str(tmp_path))
        result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                                text=True, timeout=60, cwd=ROOT)
        assert result.returncode == 0, result.stderr[-2000:]
        before, after = result.stdout.strip().splitlines()[-1].split("|")
        assert before == repr("private words selected") and after == repr("")
    finally:
        server.kill()
        server.wait()
