"""GUI responsiveness while training at full speed, and the window's speed against the CLI's.

    .venv/bin/python benchmarks/gui_responsiveness.py [--seconds 20] [--repeats 3] [--threads N]

Opens the main window offscreen with the default preset on the offline sample
and trains at full speed (in the window's training process) while a 5 ms
QTimer probe records event-loop stalls (actual interval − 5 ms); then trains
as long again without the probe, whose 200 wake-ups a second are work a user's
window does not do: the window's images/s come from that run.  In the same
run, alternating with the window, `gan-studio train` trains the same preset
with the same thread count for the same time in a terminal-like subprocess,
once plain and once with `--quality` (the window always runs the quality
meter: a check every 10 s of training, during which training waits).
Reports, as medians over the repeats: p50 / p99 / max stall, the curve
refresh rate, and images/s in the window versus the CLI (the CLI's figure
counts only its training time, so the ratio is conservative).  Results go to
benchmarks/results/ (git-ignored).

Goals: max stall ≤ 50 ms, p99 ≤ 20 ms, curves ≥ 10 Hz, window ≥ 90 % of the CLI.  The speed goal is judged
like for like, on the trainer's clock of both (training images per second of training, which is what
`gan-studio train` reports for itself: its clock stops for quality checks, snapshots and saves in the
window and in the CLI alike).  That is a looser bar than the wall clock: the time the window's process spends
outside the steps is not counted.  Also printed: the window's images per second of wall clock against the
plain CLI and against `--quality` (the conservative ratios of earlier rounds, which count the window's
checks, snapshots and saves against it).
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


def start_training(win, warmup_ms: float) -> list[dict]:
    """Press Train in `win`, wait for its first metrics (at most 2 minutes), then `warmup_ms`; returns the list the
    metric rows keep arriving in (hand it to `stop_training`)."""
    rows: list[dict] = []
    win.controller.metrics.connect(rows.extend)
    win.lifecycle.train()
    deadline = time.perf_counter() + 120
    while not rows and time.perf_counter() < deadline:
        spin(50)
    if not rows:
        raise RuntimeError("training did not start in the window")
    spin(warmup_ms)
    return rows


def stop_training(win, rows: list[dict]) -> None:
    """Stop what `start_training` started and let the training process answer."""
    win.controller.metrics.disconnect(rows.extend)
    win.controller.stop()
    spin(500)


def cli_images_per_s(threads: int, seconds: float, batch: int, d_steps: int, quality: bool = False) -> dict:
    """`gan-studio train` with the same preset and threads, in its own process, as a user would run it;
    `quality`: with `--quality`, the meter the window always runs (a check every 10 s of training)."""
    import subprocess

    out = Path(tempfile.mkdtemp(prefix="gan-studio-bench-cli-")) / "run"
    cmd = [sys.executable, "-m", "gan_studio", "train", "--seconds", str(seconds), "--threads", str(threads),
           "--out", str(out)] + (["--quality"] if quality else [])
    subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT, timeout=seconds + 300)
    info = json.loads((out / "run.json").read_text())
    steps, train_s = info["step"], info["elapsed_seconds"]
    # The trainer's clock stops while a quality check runs; the window's wall clock does not: count the checks.
    checks = out / "quality.jsonl"
    check_s = sum(json.loads(line).get("seconds", 0.0) for line in checks.read_text().splitlines() if line.strip()) \
        if quality and checks.is_file() else 0.0
    return {"steps": steps, "seconds": train_s + check_s, "check_seconds": check_s,
            "images_per_s": steps * batch * d_steps / (train_s + check_s),
            "train_images_per_s": steps * batch * d_steps / train_s}     # what `gan-studio train` reports


def gui_run(win, seconds: float, probe_stalls: bool = True) -> dict:
    """Train in the window for `seconds`; with `probe_stalls`, a 5 ms timer records event-loop stalls (its 200
    wake-ups a second are themselves work the window does, so the throughput is also measured without it)."""
    import numpy as np
    from PySide6.QtCore import QTimer

    rows = start_training(win, warmup_ms=1000)
    stamps: list[float] = []
    probe = QTimer()
    probe.setTimerType(probe.timerType().PreciseTimer)
    probe.setInterval(PROBE_MS)
    probe.timeout.connect(lambda: stamps.append(time.perf_counter()))
    plots = win.train_tab.plots
    refresh0, step0, clock0 = plots.refresh_count, rows[-1]["step"], rows[-1]["elapsed"]
    t0 = time.perf_counter()
    if probe_stalls:
        probe.start()
    spin(seconds * 1000)
    probe.stop()
    wall = time.perf_counter() - t0
    steps = rows[-1]["step"] - step0
    trained_s = rows[-1]["elapsed"] - clock0      # the trainer's clock over the same rows
    refreshes = plots.refresh_count - refresh0
    threads = win.controller.info["threads"]
    stop_training(win, rows)
    t = win.experiment.config.train
    result = {"steps": steps, "seconds": wall, "images_per_s": steps * t.batch_size * t.d_steps / wall,
              "trained_seconds": trained_s,
              "train_images_per_s": steps * t.batch_size * t.d_steps / trained_s if trained_s > 0 else 0.0,
              "threads": threads, "plot_refresh_hz": refreshes / wall, "stall_probe": probe_stalls}
    if probe_stalls:
        stalls = np.maximum(np.diff(np.asarray(stamps)) * 1000 - PROBE_MS, 0.0)
        result["stall_ms"] = {"p50": float(np.percentile(stalls, 50)), "p99": float(np.percentile(stalls, 99)),
                              "max": float(stalls.max()), "samples": int(stalls.size)}
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="training time measured per run")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=None,
                        help="torch threads of the training process and of the CLI (default: the window's "
                             "choice, among every core)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["GAN_STUDIO_HOME"] = tempfile.mkdtemp(prefix="gan-studio-bench-")
    sys.path.insert(0, str(ROOT))

    import statistics

    from PySide6.QtWidgets import QApplication

    from gan_studio.app.main import configure_qt

    configure_qt()          # the app's Qt settings, as `gan-studio` starts with them
    app = QApplication.instance() or QApplication(["gan-studio-bench"])
    from gan_studio.app.main_window import MainWindow
    from gan_studio.core.presets import DEFAULT_PRESET

    win = MainWindow(threads=args.threads)
    win.resize(1360, 860)
    win.show()
    spin(1000)
    t = win.experiment.config.train
    print(f"preset {DEFAULT_PRESET}: batch {t.batch_size}, {os.cpu_count()} CPUs, "
          f"Qt platform {app.platformName()}", flush=True)
    probed, gui, cli, cli_q = [], [], [], []
    for i in range(args.repeats):
        print(f"[{i + 1}/{args.repeats}] window {args.seconds:.0f} s, probing stalls …", flush=True)
        probed.append(gui_run(win, args.seconds))
        win.controller.discard()
        win.train_tab.clear()
        print(f"[{i + 1}/{args.repeats}] window {args.seconds:.0f} s, as a user has it (no probe) …", flush=True)
        gui.append(gui_run(win, args.seconds, probe_stalls=False))
        win.controller.discard()
        win.train_tab.clear()
        print(f"[{i + 1}/{args.repeats}] gan-studio train {args.seconds:.0f} s …", flush=True)
        threads = gui[-1]["threads"]    # the CLI gets the thread count the window's process chose
        cli.append(cli_images_per_s(threads, args.seconds, t.batch_size, t.d_steps))
        print(f"[{i + 1}/{args.repeats}] gan-studio train --quality {args.seconds:.0f} s …", flush=True)
        cli_q.append(cli_images_per_s(threads, args.seconds, t.batch_size, t.d_steps, quality=True))
        p, g, c, q = probed[-1], gui[-1], cli[-1], cli_q[-1]
        print(f"    window {g['images_per_s']:,.0f} img/s (probed {p['images_per_s']:,.0f})  "
              f"CLI {c['images_per_s']:,.0f} img/s ({g['images_per_s'] / c['images_per_s']:.0%})  "
              f"CLI --quality {q['images_per_s']:,.0f} img/s ({g['images_per_s'] / q['images_per_s']:.0%})  "
              f"stall p99 {p['stall_ms']['p99']:.1f} ms  max {p['stall_ms']['max']:.1f} ms  "
              f"curves {g['plot_refresh_hz']:.1f} Hz", flush=True)
        print(f"    trainer's clock: window {g['train_images_per_s']:,.0f} img/s  CLI {c['train_images_per_s']:,.0f} "
              f"img/s ({g['train_images_per_s'] / c['train_images_per_s']:.0%})", flush=True)
    win.controller.discard()
    win.close()

    med = statistics.median
    ratios = [g["images_per_s"] / c["images_per_s"] for g, c in zip(gui, cli)]
    ratios_q = [g["images_per_s"] / c["images_per_s"] for g, c in zip(gui, cli_q)]
    ratios_t = [g["train_images_per_s"] / c["train_images_per_s"] for g, c in zip(gui, cli)]
    result = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count()},
        "preset": DEFAULT_PRESET, "threads": [g["threads"] for g in gui], "seconds": args.seconds,
        "repeats": args.repeats,
        "runs": {"window_probed": probed, "window": gui, "cli": cli, "cli_quality": cli_q},
        "median": {
            "window_images_per_s": med(g["images_per_s"] for g in gui),
            "window_probed_images_per_s": med(g["images_per_s"] for g in probed),
            "window_probed_vs_cli": med(g["images_per_s"] / c["images_per_s"] for g, c in zip(probed, cli)),
            "cli_images_per_s": med(c["images_per_s"] for c in cli),
            "window_vs_cli": med(ratios), "window_vs_cli_worst": min(ratios),
            "cli_quality_images_per_s": med(c["images_per_s"] for c in cli_q),
            "window_vs_cli_quality": med(ratios_q), "window_vs_cli_quality_worst": min(ratios_q),
            "stall_p50_ms": med(g["stall_ms"]["p50"] for g in probed),
            "stall_p99_ms": med(g["stall_ms"]["p99"] for g in probed),
            "stall_max_ms": med(g["stall_ms"]["max"] for g in probed),
            "stall_max_worst_ms": max(g["stall_ms"]["max"] for g in probed),
            "plot_refresh_hz": med(g["plot_refresh_hz"] for g in gui),
            "window_train_images_per_s": med(g["train_images_per_s"] for g in gui),
            "cli_train_images_per_s": med(c["train_images_per_s"] for c in cli),
            "window_vs_cli_trainer_clock": med(ratios_t), "window_vs_cli_trainer_clock_worst": min(ratios_t),
        },
        "goals": {"max_stall_ms": 50, "p99_stall_ms": 20, "plot_refresh_hz": 10, "window_vs_cli_trainer_clock": 0.9},
    }
    m = result["median"]
    result["goals_met"] = (m["stall_max_ms"] <= 50 and m["stall_p99_ms"] <= 20 and m["plot_refresh_hz"] >= 10
                           and m["window_vs_cli_trainer_clock"] >= 0.9)
    print(f"median of {args.repeats}: stall p50 {m['stall_p50_ms']:.1f} ms  p99 {m['stall_p99_ms']:.1f} ms  "
          f"max {m['stall_max_ms']:.1f} ms (worst {m['stall_max_worst_ms']:.1f})  curves {m['plot_refresh_hz']:.1f} Hz")
    print(f"torch threads (window's choice, also given to the CLI): {result['threads']}")
    print(f"images/s: window {m['window_images_per_s']:,.0f}  CLI {m['cli_images_per_s']:,.0f}  "
          f"ratio {m['window_vs_cli']:.0%} (worst {m['window_vs_cli_worst']:.0%});  "
          f"CLI --quality {m['cli_quality_images_per_s']:,.0f}  ratio {m['window_vs_cli_quality']:.0%} "
          f"(worst {m['window_vs_cli_quality_worst']:.0%});  window while probing stalls "
          f"{m['window_probed_images_per_s']:,.0f} ({m['window_probed_vs_cli']:.0%} of the CLI)")
    print(f"on the trainer's clock (what `gan-studio train` reports): window {m['window_train_images_per_s']:,.0f}  "
          f"CLI {m['cli_train_images_per_s']:,.0f}  ratio {m['window_vs_cli_trainer_clock']:.0%} "
          f"(worst {m['window_vs_cli_trainer_clock_worst']:.0%})")
    print("goals met" if result["goals_met"] else "goals NOT met")
    save_result(args.out, "gui_responsiveness", result)
    return 0


def save_result(folder: Path, name: str, result: dict) -> Path:
    """`result` as FOLDER/NAME-<date>-<time>.json (benchmarks/results is git-ignored); prints the path."""
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{name}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(result, indent=2))
    print(out)
    return out


if __name__ == "__main__":
    raise SystemExit(main())
