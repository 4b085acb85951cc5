"""Threads under load: training throughput of the default preset with one core taken by another process.

On a laptop a browser or a video call often holds a core.  OpenMP workers that
spin-wait for that core can make a training step many times slower.  This
benchmark trains the default preset (`quick-digits`) in a fresh process per
measurement (so OpenMP settings apply before torch loads) under two conditions:

* idle:   nothing else started by the benchmark;
* loaded: a busy-loop process (`while True: pass`) keeps one core busy.

and several thread choices:

* `all-spin`:    every core, OpenMP default wait policy (what the CLI did before);
* `all-passive`: every core, OMP_WAIT_POLICY=PASSIVE;
* `all-spinN`:   every core, default wait policy, GOMP_SPINCOUNT=N (e.g. all-spin10k; not run unless named);
* `one`:         1 thread, PASSIVE;
* `auto`:        PASSIVE and `device.choose_threads()` (the CLI's and window's default now).

Each measurement: build the Trainer on random 28x28 digits-shaped data (the
throughput does not depend on the pixels), 20 warm-up steps (at most 1 s), then train for
`--seconds` and report images/s.  The order of (condition, variant) pairs is
alternated across `--repeats` rounds so machine load hits every variant alike.
Printed: median images/s per variant and condition, loaded/idle ratio per
variant, and every variant's ratio to `all-spin` idle measured in the same run.

    .venv/bin/python benchmarks/threads_under_load.py                 # 5 rounds, 6 s per measurement
    .venv/bin/python benchmarks/threads_under_load.py --repeats 3 --seconds 4

Writes benchmarks/results/threads_under_load.json.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
VARIANTS = ("all-spin", "all-passive", "one", "auto")


def worker(variant: str, seconds: float, preset: str) -> None:
    """Runs in a child process whose environment the parent set; prints one JSON line."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import numpy as np
    import torch

    from gan_studio.core.training.device import choose_threads, cpu_threads
    from gan_studio.core.presets import get_preset
    from gan_studio.core.training.trainer import Trainer

    t0 = time.perf_counter()
    threads = ({"all-spin": cpu_threads(), "all-passive": cpu_threads(), "one": 1}.get(variant)
               or (cpu_threads() if variant.startswith("all-spin") else 0) or choose_threads())
    probe_s = time.perf_counter() - t0
    cfg = get_preset(preset).config(threads=threads, device="cpu")
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, size=(4096, 1, 28, 28), dtype=np.uint8)
    labels = rng.integers(0, 10, size=4096)
    trainer = Trainer(cfg, images, labels, device="cpu")
    warm = time.perf_counter()
    for _ in range(20):            # warm-up: 20 steps or 1 s, whichever comes first
        trainer.step()
        if time.perf_counter() - warm > 1.0:
            break
    trainer.flush()
    steps = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        trainer.step()
        steps += 1
        if steps % 50 == 0:
            trainer.flush()
    trainer.flush()
    wall = time.perf_counter() - start
    ips = steps * cfg.train.batch_size * cfg.train.d_steps / wall
    print(json.dumps({"variant": variant, "threads": torch.get_num_threads(), "images_per_s": ips,
                      "steps": steps, "probe_s": probe_s}))


def measure(variant: str, seconds: float, preset: str) -> dict:
    env = dict(os.environ)
    env.pop("OMP_WAIT_POLICY", None)
    env.pop("GOMP_SPINCOUNT", None)
    if variant.startswith("all-spin") and variant != "all-spin":
        # all-spinN: every core, OpenMP's default wait policy with libgomp spinning N iterations before sleeping
        # (N may end in k: 20k = 20000) -- between all-spin (the default, 300000 and more) and PASSIVE (0)
        env["GOMP_SPINCOUNT"] = str(int(float(variant[len("all-spin"):].replace("k", "e3"))))
    elif variant != "all-spin":
        env["OMP_WAIT_POLICY"] = "PASSIVE"
    out = subprocess.run([sys.executable, __file__, "--worker", variant, "--seconds", str(seconds), "--preset", preset],
                         env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def start_load() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "while True: pass"])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--seconds", type=float, default=6.0, help="training time per measurement")
    ap.add_argument("--preset", default="quick-digits")
    ap.add_argument("--variants", default=",".join(VARIANTS))
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--out", default=str(RESULTS / "threads_under_load.json"))
    args = ap.parse_args(argv)
    if args.worker:
        worker(args.worker, args.seconds, args.preset)
        return 0

    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{cores} cores; preset {args.preset}; {args.repeats} rounds x {args.seconds:g} s; "
          f"load {os.getloadavg()[0]:.2f}", flush=True)
    rows: list[dict] = []
    for r in range(args.repeats):
        conditions = ("idle", "loaded") if r % 2 == 0 else ("loaded", "idle")
        for cond in conditions:
            order = variants if r % 2 == 0 else variants[::-1]
            load = start_load() if cond == "loaded" else None
            try:
                if load is not None:
                    time.sleep(0.5)
                for v in order:
                    m = measure(v, args.seconds, args.preset)
                    m.update(condition=cond, round=r, load1=round(os.getloadavg()[0], 2))
                    rows.append(m)
                    print(f"  round {r} {cond:6s} {v:12s} threads={m['threads']} {m['images_per_s']:7.0f} img/s "
                          f"(probe {m['probe_s'] * 1e3:.0f} ms, load {m['load1']})", flush=True)
            finally:
                if load is not None:
                    load.kill()
                    load.wait()

    def med(v, cond):
        vals = [x["images_per_s"] for x in rows if x["variant"] == v and x["condition"] == cond]
        return statistics.median(vals) if vals else math.nan

    base = med("all-spin", "idle") if "all-spin" in variants else med(variants[0], "idle")
    print()
    print(f"{'variant':12s} {'idle img/s':>10s} {'loaded img/s':>12s} {'loaded/idle':>11s} "
          f"{'idle vs base':>12s} {'loaded vs base':>14s}  threads idle/loaded")
    summary = {}
    for v in variants:
        i, lo = med(v, "idle"), med(v, "loaded")
        th = lambda c: sorted({x["threads"] for x in rows if x["variant"] == v and x["condition"] == c})  # noqa: E731
        summary[v] = {"idle": i, "loaded": lo, "loaded_over_idle": lo / i, "idle_vs_base": i / base,
                      "loaded_vs_base": lo / base, "threads_idle": th("idle"), "threads_loaded": th("loaded")}
        print(f"{v:12s} {i:10.0f} {lo:12.0f} {lo / i:11.2f} {i / base:12.2f} {lo / base:14.2f}  "
              f"{th('idle')}/{th('loaded')}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = Path(args.out)
    out.write_text(json.dumps({"benchmark": "threads_under_load", "args": vars(args), "cores": cores,
                               "rows": rows, "summary": summary}, indent=2), "utf-8")
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
