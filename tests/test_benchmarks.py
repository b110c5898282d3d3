"""The benchmark command runs end to end on a tiny vault (figures are printed, never asserted)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

RUN = Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"


def test_benchmark_command_prints_its_table(tmp_path):
    result = subprocess.run([sys.executable, str(RUN), "--years", "1", "--runs", "1"],
                            capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert lines[0].startswith("| measure | median | floor | ratio | target |")
    for measure in ("start to unlock window", "unlock to Home", "peak RSS", "search",
                    "blank workbook PDF"):
        [line] = [line for line in lines if measure in line]
        assert re.search(r"\| [\d,]+\.\d (ms|MiB) \|", line), line
    assert "SQLCipher 4." in result.stdout
