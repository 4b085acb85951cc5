"""Soak: the window trains for a long time with the quality meter, trainer snapshots and the Learn probe on;
the memory of both processes is sampled as it goes.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/soak.py [--minutes 20] [--every 30] [--warmup 60]

Opens the main window offscreen in a fresh GAN_STUDIO_HOME on its default experiment (the offline sample),
presses Train (until stopped), keeps the Train tab on show (curves, grid) and asks the training process for
the Learn tab's probe every `PROBE_SECONDS` as when that tab is on show.  The quality meter always runs in the
window's training process; trainer snapshots are written at their usual spacing.  Every `--every` seconds it
prints the step, the resident memory (VmRSS) of the window's process and of the training process, the
quality checks, snapshots and probes received.  At the end: each process's growth from the first sample after
`--warmup` seconds to the last.  Linux only (/proc).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def rss_mb(pid: int | None) -> float:
    if pid is None:
        return float("nan")
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=20.0)
    parser.add_argument("--every", type=float, default=30.0, help="seconds between samples")
    parser.add_argument("--warmup", type=float, default=60.0, help="seconds before the growth is measured from")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["GAN_STUDIO_HOME"] = tempfile.mkdtemp(prefix="gan-studio-soak-")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from gan_studio.app.learn_tab import PROBE_SECONDS
    from gan_studio.app.main_window import MainWindow

    window = MainWindow()
    window.resize(1300, 850)
    window.show()
    counts = {"quality": 0, "snapshots": 0, "probes": 0, "warnings": 0, "failed": 0, "died": 0}
    c = window.controller
    c.quality.connect(lambda points: counts.__setitem__("quality", counts["quality"] + len(points)))
    c.snapshots.connect(lambda items: counts.__setitem__("snapshots", len(items)))
    c.probe.connect(lambda _p: counts.__setitem__("probes", counts["probes"] + 1))
    c.warning.connect(lambda _w: counts.__setitem__("warnings", counts["warnings"] + 1))
    c.failed.connect(lambda _m: counts.__setitem__("failed", counts["failed"] + 1))
    c.processDied.connect(lambda _m: counts.__setitem__("died", counts["died"] + 1))
    window.tabs.setCurrentWidget(window.train_tab)
    window.lifecycle.train()
    c.set_probe(PROBE_SECONDS)          # as while the Learn tab is on show; the Train tab draws meanwhile
    start = time.monotonic()
    end = start + args.minutes * 60
    samples = []
    print(f"{'s':>6} {'step':>8} {'window MB':>10} {'training MB':>12} {'quality':>8} {'snapshots':>9} "
          f"{'probes':>7}", flush=True)
    while True:
        now = time.monotonic()
        t = now - start
        row = (t, window.experiment.step, rss_mb(os.getpid()), rss_mb(c.process_pid))
        samples.append(row)
        print(f"{t:6.0f} {row[1]:8,} {row[2]:10.1f} {row[3]:12.1f} {counts['quality']:8} {counts['snapshots']:9} "
              f"{counts['probes']:7}", flush=True)
        if now >= end:
            break
        QTest.qWait(int(min(args.every, end - now) * 1000))
    window.controller.discard()
    window.controller.shutdown()
    window.close()
    app.processEvents()
    base = next((s for s in samples if s[0] >= args.warmup), samples[0])
    last = samples[-1]
    print(f"{args.minutes:g} minutes, steps {last[1]:,}; growth from {base[0]:.0f} s to {last[0]:.0f} s: "
          f"window {last[2] - base[2]:+.1f} MB ({base[2]:.0f} → {last[2]:.0f}), training process "
          f"{last[3] - base[3]:+.1f} MB ({base[3]:.0f} → {last[3]:.0f}); quality checks {counts['quality']}, "
          f"snapshots {counts['snapshots']}, probes {counts['probes']}, warnings {counts['warnings']}, "
          f"failures {counts['failed']}, process deaths {counts['died']}")
    return 1 if counts["failed"] or counts["died"] else 0


if __name__ == "__main__":   # the training process starts by spawning: importing this must do nothing
    sys.exit(main())
