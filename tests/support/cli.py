"""The command line run as a user would: a separate process, with its own home folders."""

from __future__ import annotations

import os
import subprocess
import sys


def run_cli(*args: str, stdin: str = "", home=None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if home is not None:  # keep logs and settings out of the real home
        env.update(XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
                   XDG_STATE_HOME=str(home / "state"), XDG_CACHE_HOME=str(home / "cache"))
    return subprocess.run([sys.executable, "-m", "workbook", *args], input=stdin, env=env,
                          capture_output=True, text=True, timeout=120)
