"""Quality versus time in the window: press Train, look at the digits N seconds later.

    .venv/bin/python benchmarks/window_time_to_digits.py [--at 30,60,90] [--seeds 0,1,2] [--mnist DIR]

Opens the main window offscreen on full MNIST with the default preset and, for each seed, presses Train
as a user would.  At each time in `--at` (wall seconds since Train was pressed: the training process's
start-up, the dataset load and the network build count, as the user waits through them) it asks the
window for a snapshot of the generator being trained (the same message Gallery's "use the generator
being trained" sends; training goes on meanwhile) and scores it exactly as `time_to_digits.py` does:
1,000 samples from seed 20240 (labels cycling 0–9) against 2,000 held-out t10k digits, FD of the shipped
classifier's features and its real-vs-real floor.  The first sample is due when the user expects it, so
the time to score it is not subtracted.  Results: medians and worst over seeds, every checkpoint's steps
and training seconds, to benchmarks/results/ (git-ignored).

Goal (issue 8): FD within 2x the floor within 90 s of pressing Train in the window.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from gui_responsiveness import save_result, spin  # noqa: E402  (the same event-loop helpers)
from time_to_digits import EVAL_SAMPLES, EVAL_SEED, HELDOUT  # noqa: E402  (the same evaluation)


def wait_for(predicate, timeout_s: float, step_ms: float = 20) -> bool:
    deadline = time.perf_counter() + timeout_s
    while not predicate():
        if time.perf_counter() > deadline:
            return False
        spin(step_ms)
    return True


def score(model, meter, reference) -> dict:
    import numpy as np
    import torch

    z = torch.randn(EVAL_SAMPLES, model.latent_dim, generator=torch.Generator().manual_seed(EVAL_SEED)).numpy()
    labels = np.arange(EVAL_SAMPLES) % model.num_classes if model.conditional else None
    report = meter.evaluate(model.generate(z, labels), reference)
    return {"fd": round(report.fd, 3), "fd_floor": round(report.fd_floor, 3), "fd_ratio": round(report.fd_ratio, 3),
            "coverage": report.coverage, "score": round(report.score(), 2)}


def one_run(win, seed: int, at: list[float], mnist: str, meter, reference) -> list[dict]:
    rows: list[dict] = []
    models: list = []
    started: list[float] = []

    def on_rows(batch):
        if not started:
            started.append(time.perf_counter())
        rows.extend(batch)

    win.controller.metrics.connect(on_rows)
    win.controller.generatorReady.connect(models.append)
    try:
        win.experiment.edit(**{"data.source": "mnist", "data.path": mnist, "data.holdout": HELDOUT,
                               "train.seed": seed})
        pressed = time.perf_counter()
        win.lifecycle.train()
        out = []
        for target in at:
            if not wait_for(lambda: time.perf_counter() - pressed >= target, target + 300):
                raise RuntimeError("timed out")
            asked = time.perf_counter() - pressed
            n = len(models)
            win.controller.request_generator()
            if not wait_for(lambda: len(models) > n, 120):
                raise RuntimeError("no generator came back from the training process")
            model = models[-1]
            last = rows[-1] if rows else {"step": 0, "elapsed": 0.0}
            row = {"since_train_s": round(asked, 2), "step": int(model.step),
                   "training_s": round(float(last["elapsed"]), 2), **score(model, meter, reference)}
            out.append(row)
            print(f"  seed {seed}  {target:5.0f} s after Train: step {row['step']:5d} "
                  f"({row['training_s']:.1f} s of training)  FD {row['fd']:6.2f} (floor {row['fd_floor']:.2f}, "
                  f"{row['fd_ratio']:.2f}x)  classes {row['coverage']}/10", flush=True)
        for r in out:     # process start-up, dataset load and network build, before the first step's metrics
            r["first_metrics_after_s"] = round(started[0] - pressed, 2) if started else None
        return out
    finally:
        win.controller.metrics.disconnect(on_rows)
        win.controller.generatorReady.disconnect(models.append)
        win.controller.discard()
        win.train_tab.clear()
        spin(500)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--at", default="30,60,90", help="wall seconds after pressing Train to score the generator")
    parser.add_argument("--seeds", default="0,1,2")
    parser.add_argument("--mnist", default=str(ROOT.parent / "shared" / "datasets" / "mnist"))
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = parser.parse_args(argv)
    at = sorted(float(x) for x in args.at.split(","))
    seeds = [int(x) for x in args.seeds.split(",")]

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["GAN_STUDIO_HOME"] = tempfile.mkdtemp(prefix="gan-studio-bench-")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from gan_studio.app.main import configure_qt

    configure_qt()          # the app's Qt settings, as `gan-studio` starts with them
    app = QApplication.instance() or QApplication(["gan-studio-bench"])
    from gan_studio.app.main_window import MainWindow
    from gan_studio.core.config import DataConfig
    from gan_studio.core.data import load_dataset
    from gan_studio.core.metrics import QualityMeter
    from gan_studio.core.presets import DEFAULT_PRESET

    dataset = load_dataset(DataConfig(source="mnist", path=args.mnist, holdout=HELDOUT), 28, 1)
    meter = QualityMeter.load_default()
    reference = meter.reference(dataset.heldout.images)
    del dataset
    win = MainWindow()
    win.resize(1360, 860)
    win.show()
    spin(2000)
    print(f"preset {DEFAULT_PRESET}; {os.cpu_count()} CPUs; Qt platform {app.platformName()}; "
          f"load {os.getloadavg()[0]:.2f}", flush=True)
    runs = {seed: one_run(win, seed, at, args.mnist, meter, reference) for seed in seeds}
    win.controller.discard()
    win.close()

    summary = {}
    for i, target in enumerate(at):
        fds = [runs[s][i]["fd"] for s in seeds]
        summary[f"{target:g}s"] = {"fd_median": statistics.median(fds), "fd_worst": max(fds),
                                   "fd_floor": runs[seeds[0]][i]["fd_floor"],
                                   "ratio_median": statistics.median(runs[s][i]["fd_ratio"] for s in seeds),
                                   "classes_min": min(runs[s][i]["coverage"] for s in seeds),
                                   "steps_median": statistics.median(runs[s][i]["step"] for s in seeds)}
        m = summary[f"{target:g}s"]
        print(f"{target:5.0f} s after Train: FD median {m['fd_median']:.2f} (worst {m['fd_worst']:.2f}) = "
              f"{m['ratio_median']:.2f}x the floor {m['fd_floor']:.2f}; classes >= {m['classes_min']}; "
              f"steps {m['steps_median']:.0f}")
    result = {"when": time.strftime("%Y-%m-%dT%H:%M:%S"), "preset": DEFAULT_PRESET,
              "machine": {"platform": platform.platform(), "python": platform.python_version(),
                          "cpus": os.cpu_count(), "load_after": os.getloadavg()[0]},
              "eval": {"samples": EVAL_SAMPLES, "seed": EVAL_SEED, "heldout": HELDOUT},
              "runs": {str(k): v for k, v in runs.items()}, "summary": summary}
    save_result(args.out, "window_time_to_digits", result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
