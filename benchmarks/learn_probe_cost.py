"""Cost of the Learn tab's probe (Trainer.probe: 4 real + 4 generated images through D) against a training step.

The training process sends one probe every 2 s while the Learn tab is on show (and one per step in slow
motion or with Step), so its share of training time is probe / 2 s.  Random 28x28 data, one thread.

    .venv/bin/python benchmarks/learn_probe_cost.py [--threads N] [--steps N]
"""

from __future__ import annotations

import argparse
import time

PRESETS = ("quick-digits", "seed-mlp-fixed", "seed-mlp", "dcgan", "wgan-gp")
INTERVAL = 2.0      # app/learn_tab.py PROBE_SECONDS


def main() -> None:
    import numpy as np
    import torch

    from gan_studio.core.presets import get_preset
    from gan_studio.core.training.trainer import Trainer

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--steps", type=int, default=20)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    rng = np.random.default_rng(0)
    x = rng.integers(0, 255, (2000, 1, 28, 28), dtype=np.uint8)
    y = rng.integers(0, 10, 2000)
    for key in PRESETS:
        t = Trainer(get_preset(key).config(threads=args.threads), x, y)
        for _ in range(3):      # warm-up
            t.step()
            t.probe(4)
        t.flush()
        t0 = time.perf_counter()
        for _ in range(args.steps):
            t.step()
        t.flush()
        step = (time.perf_counter() - t0) / args.steps
        t0 = time.perf_counter()
        for _ in range(args.steps):
            t.probe(4)
        probe = (time.perf_counter() - t0) / args.steps
        print(f"{key:16s} step {step * 1000:7.1f} ms   probe {probe * 1000:6.1f} ms ({probe / step:4.2f} steps)   "
              f"one per {INTERVAL:g} s: {100 * probe / INTERVAL:.2f} % of training time")


if __name__ == "__main__":
    main()
