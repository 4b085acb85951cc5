"""Start and quit time of the app: the window is closed as soon as it is shown, while PyTorch still imports.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/quit_time.py [--runs 5] [--source DIR]

Each run starts `python -m gan_studio --startup-probe` in a fresh GAN_STUDIO_HOME, as a user would start it.
The probe closes the main window at its first paint (the status bar then says "Preparing PyTorch…": the
import runs on its thread) and prints when the window was shown, counted from process start.  **start** is
that time; **quit** is from the moment the probe's line arrives (the window is closing) until the process
has exited.  Prints both per run and their medians.  `--source DIR`: the gan_studio checkout to run (to
compare with another branch); `--python`: the interpreter (default: this one); `--bundle DIR`: the packaged
app built by packaging/build.py (dist/gan-studio) instead.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINE = re.compile(r"startup-probe: main window shown after ([0-9.]+) s")


def one_run(command: list[str], cwd: Path, timeout_s: float = 120.0) -> tuple[float, float]:
    env = dict(os.environ, GAN_STUDIO_HOME=tempfile.mkdtemp(prefix="gan-studio-quit-"),
               PYTHONPATH=str(cwd), QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    proc = subprocess.Popen([*command, "--startup-probe"], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    start = shown_at = None
    deadline = time.monotonic() + timeout_s
    for line in proc.stdout:
        m = LINE.search(line)
        if m:
            shown_at, start = time.monotonic(), float(m.group(1))
            break
        if time.monotonic() > deadline:
            break
    if shown_at is None:
        proc.kill()
        raise RuntimeError("the window was not shown")
    drain = threading.Thread(target=proc.stdout.read, daemon=True)   # the rest of its output, unread
    drain.start()
    try:
        proc.wait(timeout_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise RuntimeError("the process did not exit") from None
    return start, time.monotonic() - shown_at


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--source", type=Path, default=ROOT)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--bundle", type=Path, help="a built bundle's folder (dist/gan-studio): time its "
                                                    "executable instead of the source")
    args = parser.parse_args()
    if args.bundle:
        command, cwd, what = [str(args.bundle.resolve() / "gan-studio")], args.bundle.resolve(), args.bundle
    else:
        command, cwd, what = [args.python, "-m", "gan_studio"], args.source.resolve(), args.source
    starts, quits = [], []
    for i in range(args.runs):
        start, quit_s = one_run(command, cwd)
        starts.append(start)
        quits.append(quit_s)
        print(f"run {i + 1}: window shown after {start:.2f} s, process ended {quit_s:.2f} s after the close",
              flush=True)
    print(f"{what}: start median {statistics.median(starts):.2f} s, quit median "
          f"{statistics.median(quits):.2f} s (max {max(quits):.2f} s) over {args.runs} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
