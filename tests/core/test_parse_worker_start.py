"""A script that reads a DOCX at its top level, without `if __name__ == "__main__":`: the parse worker
imports the script again while it starts, and the script's second attempt to start a worker fails. That
attempt ends as one clear per-file error naming the fix (never a RuntimeError traceback), and the
script's own read still gets its document."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import sys
from pathlib import Path
from ingest.sandbox import Parser
try:
    print("DOCS", [d.blocks[0].text for d in Parser()(Path(sys.argv[1]))])
except Exception as e:
    print("ERR", type(e).__name__, e)
"""


def test_a_script_without_a_main_guard_gets_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("Ett eget stycke om kursutbud för vuxna.")
    path = tmp_path / "kort.docx"
    doc.save(str(path))
    script = tmp_path / "las_utan_vakt.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, str(script), str(path)], capture_output=True, text=True, timeout=180,
                         env=env, cwd=tmp_path)
    assert "DOCS ['Ett eget stycke om kursutbud för vuxna.']" in run.stdout, (run.stdout, run.stderr)
    assert "ERR IngestError" in run.stdout and 'if __name__ == "__main__":' in run.stdout, run.stdout
    assert "RuntimeError" not in run.stderr, run.stderr
