"""How long File ▸ Compare runs… takes to read and show big runs.

    .venv/bin/python benchmarks/compare_load.py [--steps 100000] [--runs 3]

Writes `--runs` synthetic run folders of `--steps` metric rows each (plus 51 grids) into a temporary
folder, then times: core `load_runs`, opening the window (reading + drawing), a reload when nothing
changed (runs reused), a reload after one run grew by a row, a move of the grid slider, and how long
the event loop stalls while the window reads the runs on its worker thread (a 5-ms timer probes it).
Offscreen; nothing outside the temporary folder is touched.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from pathlib import Path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import numpy as np

    from gan_studio.core.run_folders.compare import load_runs
    from gan_studio.core.config import ExperimentConfig
    from gan_studio.core.run_folders.runs import RunFolder

    root = Path(tempfile.mkdtemp(prefix="gan-studio-compare-"))
    try:
        n = args.steps
        paths = []
        for r in range(args.runs):
            p = root / f"run{r}"
            run = RunFolder.create(p, ExperimentConfig())
            rng = np.random.default_rng(r)
            with open(p / "metrics.jsonl", "w") as fh:
                for s in range(1, n + 1):
                    fh.write(json.dumps({"step": s, "loss_d": float(rng.random()), "loss_g": float(rng.random()),
                                         "d_real": 0.6, "d_fake": 0.4, "grad_norm_d": 1.0, "grad_norm_g": 1.0,
                                         "gp": 0.0, "lr_g": 2e-4, "lr_d": 2e-4, "images_per_s": 900.0,
                                         "elapsed": s * 0.03}) + "\n")
            for s in range(0, n + 1, max(n // 50, 1)):
                run.save_grid(s, np.zeros((64, 28, 28, 1), np.uint8))
            paths.append(p)

        t = time.perf_counter()
        load_runs(paths)
        t_core = time.perf_counter() - t

        from PySide6.QtWidgets import QApplication

        from gan_studio.app.compare_window import CompareWindow

        app = QApplication.instance() or QApplication([])
        t = time.perf_counter()
        w = CompareWindow([(p.name, p) for p in paths], checked=paths)
        w.show()
        app.processEvents()
        t_open = time.perf_counter() - t
        t = time.perf_counter()
        w.reload()
        app.processEvents()
        t_same = time.perf_counter() - t
        with open(paths[0] / "metrics.jsonl", "a") as fh:
            fh.write(json.dumps({"step": n + 1, "loss_d": 1.0, "elapsed": 1.0}) + "\n")
        t = time.perf_counter()
        w.reload()
        app.processEvents()
        t_grown = time.perf_counter() - t
        t = time.perf_counter()
        w.show_step(n // 2)
        app.processEvents()
        t_slider = time.perf_counter() - t
        w.close()
        # the window's way: read on a worker thread while a 5-ms timer probes the event loop
        from PySide6.QtCore import QTimer

        bw = CompareWindow([(p.name, p) for p in paths], checked=[], background=True)
        bw.show()
        app.processEvents()
        gaps, last = [], [time.perf_counter()]

        def tick():
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        probe = QTimer()
        probe.setInterval(5)
        probe.timeout.connect(tick)
        probe.start()
        t = time.perf_counter()
        bw.set_checked(paths)
        while bw.loading:
            app.processEvents()
            time.sleep(0.001)
        t_bg = time.perf_counter() - t
        probe.stop()
        bw.close()
        gaps.sort()
        print(f"background read {t_bg:.2f} s: event-loop gaps p50 {gaps[len(gaps) // 2] * 1000:.0f} ms, "
              f"p99 {gaps[int(len(gaps) * 0.99)] * 1000:.0f} ms, max {gaps[-1] * 1000:.0f} ms")
        print(f"{args.runs} runs x {n:,} steps: load_runs {t_core:.2f} s; window open {t_open:.2f} s; "
              f"reload, nothing changed {t_same:.2f} s; reload, one run grew {t_grown:.2f} s; "
              f"slider move {t_slider * 1000:.0f} ms (load average {os.getloadavg()[0]:.1f})")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
