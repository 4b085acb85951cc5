"""GUI responsiveness while training at full speed.

    .venv/bin/python benchmarks/gui_responsiveness.py [--seconds 30] [--headless-seconds 10]

Opens the main window offscreen with the default preset on the offline sample
and trains at full speed while a 5 ms QTimer probe records event-loop stalls
(actual interval − 5 ms).  Reports p50 / p99 / max stall, the curve refresh
rate, and images/s in the GUI versus the same experiment run headless
(`TrainingSession.run_for`) in the same process.  Results go to
benchmarks/results/ (git-ignored).

Goals: max stall ≤ 50 ms, p99 ≤ 20 ms, curves ≥ 10 Hz.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE_MS = 5


def spin(ms: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(ms), loop.quit)
    loop.exec()


def headless_images_per_s(config, seconds: float) -> dict:
    from gan_studio.core.session import TrainingSession

    session = TrainingSession(config)
    session.advance(5)  # warm-up (first steps allocate)
    start_step, t0 = session.step, time.perf_counter()
    session.run_for(max_seconds=seconds, chunk=10)
    wall = time.perf_counter() - t0
    steps = session.step - start_step
    t = config.train
    return {"steps": steps, "seconds": wall, "steps_per_s": steps / wall,
            "images_per_s": steps * t.batch_size * t.d_steps / wall}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="GUI training time measured")
    parser.add_argument("--headless-seconds", type=float, default=10.0)
    parser.add_argument("--threads", type=int, default=None,
                        help="torch threads of the training thread (default: the app's choice, cores − 1)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["GAN_STUDIO_HOME"] = tempfile.mkdtemp(prefix="gan-studio-bench-")
    sys.path.insert(0, str(ROOT))

    import numpy as np
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["gan-studio-bench"])
    from gan_studio.app.main_window import MainWindow
    from gan_studio.core.presets import DEFAULT_PRESET

    win = MainWindow(threads=args.threads)
    win.resize(1440, 900)
    win.show()
    spin(1000)
    config = win.experiment_config()
    print(f"preset {DEFAULT_PRESET}: {config.model.arch}, batch {config.train.batch_size}, "
          f"{os.cpu_count()} CPUs, Qt platform {app.platformName()}", flush=True)

    print(f"headless run_for {args.headless_seconds:.0f} s …", flush=True)
    headless = headless_images_per_s(config, args.headless_seconds)

    # GUI: start, wait until steps flow, then measure.
    rows: list[dict] = []
    win.controller.metrics.connect(rows.extend)
    win.start_training()
    deadline = time.perf_counter() + 60
    while not rows and time.perf_counter() < deadline:
        spin(50)
    if not rows:
        print("training did not start", file=sys.stderr)
        win.controller.discard()
        return 1
    spin(1000)  # warm-up

    stamps: list[float] = []
    probe = QTimer()
    probe.setTimerType(probe.timerType().PreciseTimer)
    probe.setInterval(PROBE_MS)
    probe.timeout.connect(lambda: stamps.append(time.perf_counter()))
    plots = win.train_tab.plots
    refresh0, step0 = plots.refresh_count, rows[-1]["step"]
    print(f"GUI training {args.seconds:.0f} s with a {PROBE_MS} ms probe …", flush=True)
    t0 = time.perf_counter()
    probe.start()
    spin(args.seconds * 1000)
    probe.stop()
    wall = time.perf_counter() - t0
    refreshes = plots.refresh_count - refresh0
    steps = rows[-1]["step"] - step0
    t = config.train
    gui_ips = steps * t.batch_size * t.d_steps / wall
    close_t0 = time.perf_counter()
    stopped = win.controller.stop(wait=True, timeout=2.0)
    stop_s = time.perf_counter() - close_t0
    win.controller.discard()
    win.close()

    stalls = np.maximum(np.diff(np.asarray(stamps)) * 1000 - PROBE_MS, 0.0)
    result = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count()},
        "preset": DEFAULT_PRESET,
        "worker_threads": args.threads,
        "seconds": wall,
        "stall_ms": {"p50": float(np.percentile(stalls, 50)), "p99": float(np.percentile(stalls, 99)),
                     "max": float(stalls.max()), "samples": int(stalls.size)},
        "plot_refresh_hz": refreshes / wall,
        "gui": {"steps": steps, "images_per_s": gui_ips},
        "headless": headless,
        "gui_vs_headless": gui_ips / headless["images_per_s"],
        "stop_seconds": stop_s, "stopped_cleanly": stopped,
        "goals": {"max_stall_ms": 50, "p99_stall_ms": 20, "plot_refresh_hz": 10},
    }
    result["goals_met"] = (result["stall_ms"]["max"] <= 50 and result["stall_ms"]["p99"] <= 20
                           and result["plot_refresh_hz"] >= 10)
    s = result["stall_ms"]
    print(f"event-loop stall  p50 {s['p50']:.1f} ms   p99 {s['p99']:.1f} ms   max {s['max']:.1f} ms")
    print(f"curve refresh     {result['plot_refresh_hz']:.1f} Hz")
    print(f"images/s          GUI {gui_ips:,.0f}   headless {headless['images_per_s']:,.0f}   "
          f"({result['gui_vs_headless']:.0%})")
    print(f"stop              {stop_s * 1000:.0f} ms")
    print("goals met" if result["goals_met"] else "goals NOT met")
    args.out.mkdir(parents=True, exist_ok=True)
    out = args.out / f"gui_responsiveness-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(result, indent=2))
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
