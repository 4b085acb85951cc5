"""Where the window's own CPU goes while it trains: per-thread CPU clocks of the window's process, and
optionally a cProfile of its GUI thread.

    OMP_WAIT_POLICY=PASSIVE .venv/bin/python benchmarks/window_cpu.py [--seconds 15] [--repeats 2] \\
        [--plot-hz 11] [--profile 40]

Opens the main window offscreen with the default preset on the offline sample, presses Train, waits 2 s,
then reads every thread's CPU time (Linux: /proc/self/task) over `--seconds`.  Prints, per repeat, the
steps trained, the curves' refresh rate and each busy thread's share of one core.  The window's CPU is CPU
the training process (every core, nice +5) does not get: see gui_responsiveness.py for what that costs in
images/s.  `--plot-hz` overrides the curves' refresh rate (`app.plots.REFRESH_HZ`) to see what drawing
costs; `--profile N` prints the N largest cumulative entries of the GUI thread's profile (the profiler
itself slows that thread down).  Linux only (the thread clocks).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def thread_clocks() -> dict[str, tuple[str, float]]:
    """{thread id: (name, CPU seconds)} of this process's threads."""
    tick = os.sysconf("SC_CLK_TCK")
    out = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            stat = Path(f"/proc/self/task/{tid}/stat").read_text()
            name = Path(f"/proc/self/task/{tid}/comm").read_text().strip()
        except OSError:     # the thread ended meanwhile
            continue
        fields = stat.rsplit(")", 1)[1].split()
        out[tid] = (name, (int(fields[11]) + int(fields[12])) / tick)
    return out


def measure(win, seconds: float, profile: int) -> dict:
    import cProfile
    import pstats

    from gui_responsiveness import spin, start_training, stop_training

    rows = start_training(win, warmup_ms=2000)
    plots = win.train_tab.plots
    before, step0, refresh0 = thread_clocks(), rows[-1]["step"], plots.refresh_count
    profiler = cProfile.Profile()
    t0 = time.perf_counter()
    if profile:
        profiler.enable()
    spin(seconds * 1000)
    profiler.disable()
    wall = time.perf_counter() - t0
    after = thread_clocks()
    result = {"steps": rows[-1]["step"] - step0, "seconds": wall,
              "plot_refresh_hz": (plots.refresh_count - refresh0) / wall,
              "threads": {f"{name} ({tid})": (cpu - before.get(tid, (name, 0.0))[1]) / wall
                          for tid, (name, cpu) in after.items()}}
    stop_training(win, rows)
    win.controller.discard()
    win.train_tab.clear()
    if profile:
        pstats.Stats(profiler).sort_stats("cumtime").print_stats(profile)
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--plot-hz", type=float, default=None, help="curves' refresh rate (default: the app's)")
    parser.add_argument("--profile", type=int, default=0, help="print this many entries of the GUI thread's profile")
    args = parser.parse_args(argv)
    if not Path("/proc/self/task").is_dir():
        parser.error("needs Linux's /proc/self/task for per-thread CPU clocks")

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["GAN_STUDIO_HOME"] = tempfile.mkdtemp(prefix="gan-studio-bench-")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))

    from gui_responsiveness import spin
    from PySide6.QtWidgets import QApplication

    from gan_studio.app.main import configure_qt

    configure_qt()          # the app's Qt settings, as `gan-studio` starts with them
    app = QApplication.instance() or QApplication(["gan-studio-bench"])
    import gan_studio.app.plots as plots
    from gan_studio.app.main_window import MainWindow

    if args.plot_hz:
        plots.REFRESH_HZ = args.plot_hz
    win = MainWindow()
    win.resize(1360, 860)
    win.show()
    spin(1000)
    print(f"Qt platform {app.platformName()}; curves at {plots.REFRESH_HZ:g} Hz; {os.cpu_count()} CPUs", flush=True)
    for i in range(args.repeats):
        r = measure(win, args.seconds, args.profile)
        print(f"[{i + 1}/{args.repeats}] {r['steps']} steps in {r['seconds']:.1f} s "
              f"({r['steps'] / r['seconds']:.1f}/s); curves {r['plot_refresh_hz']:.1f} Hz", flush=True)
        for name, share in sorted(r["threads"].items(), key=lambda kv: -kv[1]):
            if share >= 0.005:
                print(f"    {name:32s} {share:6.1%} of a core")
    win.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
