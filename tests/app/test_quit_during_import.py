"""Issue 26: Ctrl+Q while "Preparing PyTorch…" took 3–10 s (the exit joined the import thread).  The process now
ends as soon as the window has closed; what Python's exit would still do is done first.
(`benchmarks/quit_time.py` measures it from process start to exit.)"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_exit_during_import_saves_settings_runs_atexit_and_flushes_then_ends(tmp_path):
    script = textwrap.dedent(f"""
        import atexit, sys, threading
        from pathlib import Path
        from gan_studio.app.main import exit_during_import

        out = Path({str(tmp_path)!r})
        stuck = threading.Event()
        threading.Thread(target=stuck.wait, daemon=False).start()   # a thread that never ends (an import)
        atexit.register(lambda: (out / "atexit").write_text("ran"))

        class Settings:
            class q:
                @staticmethod
                def sync():
                    (out / "settings").write_text("synced")

        class Window:
            settings = Settings()

        sys.stdout.write("unflushed output")
        exit_during_import(3, Window())
        (out / "after").write_text("the process went on")
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 3, proc.stderr
    assert proc.stdout == "unflushed output"
    assert (tmp_path / "atexit").read_text() == "ran"
    assert (tmp_path / "settings").read_text() == "synced"
    assert not (tmp_path / "after").exists()       # a non-daemon thread would have kept a normal exit waiting

