"""What the live quality meter costs, and what its numbers look like at each stage of training.

    python benchmarks/quality_meter_cost.py cost   [--preset quick-digits] [--block 20] [--repeats 3]
    python benchmarks/quality_meter_cost.py stages [--preset quick-digits] [--seconds 90] [--every 5]

cost:   one session trains the preset on MNIST in alternating blocks of `--block` seconds of wall time
        (off-on, on-off, …), with the meter off and on (a check every QUALITY_EVERY_SECONDS of training, QUALITY_SAMPLES images);
        images per wall-clock second of each block, medians over the repeats, and the ratio on/off.
stages: trains the preset and scores it every `--every` seconds of training; prints score, FD / floor,
        classes, diversity and D's outputs, and writes each check's grid to benchmarks/results/stages-*/
        so the verdict thresholds (core/training/diagnostics.py VERDICTS) can be checked by eye.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")       # as in the training process (core/training/process.py CHILD_ENV)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MNIST = ROOT.parent / "shared" / "datasets" / "mnist"


def build(preset: str, mnist: str, seed: int = 0, threads: int = 0):
    from gan_studio.core.config import DataConfig
    from gan_studio.core.presets import get_preset
    from gan_studio.core.training.session import TrainingSession

    cfg = get_preset(preset).config(DataConfig(source="mnist", path=mnist))
    cfg = cfg.replace(train=cfg.train.replace(seed=seed, device="cpu", threads=threads, autosave_seconds=0.0,
                                              checkpoint_every=0, sample_every=10**6))
    return TrainingSession(cfg, None)


def images_per_second(session, seconds: float) -> float:
    t = session.trainer
    step0, start = t.step_count, time.perf_counter()
    session.run_for(max_seconds=seconds, chunk=10)
    wall = time.perf_counter() - start
    return (t.step_count - step0) * min(t.config.train.batch_size, len(t.data)) * t.config.train.d_steps / wall


def cost(args) -> None:
    from gan_studio.core.training.diagnostics import QUALITY_EVERY_SECONDS, QUALITY_SAMPLES

    session = build(args.preset, args.mnist, threads=args.threads)
    session.enable_quality(n=args.samples)
    probe = session.quality
    print(f"{args.preset}: {session.trainer.threads} threads, meter every {QUALITY_EVERY_SECONDS:g} s of training, "
          f"{args.samples} samples (default {QUALITY_SAMPLES})", flush=True)
    images_per_second(session, 5.0)          # warm-up
    off, on, check_s = [], [], []
    for r in range(args.repeats):
        if r % 2 == 0:      # ABBA order: a machine whose load drifts biases neither side
            session.quality = None
            off.append(images_per_second(session, args.block))
        session.quality = probe
        probe.last_elapsed = session.trainer.elapsed    # first check one interval into the block
        before = session.run.read_quality() if session.run else None
        n0 = len(check_s)
        rows = []
        orig = probe.measure

        def measure():
            p = orig()
            rows.append(p)
            return p

        probe.measure = measure
        on.append(images_per_second(session, args.block))
        probe.measure = orig
        if r % 2 == 1:
            session.quality = None
            off.append(images_per_second(session, args.block))
        check_s += [p.seconds for p in rows]
        print(f"repeat {r + 1}: off {off[-1]:.0f} img/s, on {on[-1]:.0f} img/s, {len(check_s) - n0} checks "
              f"({', '.join(f'{p.seconds:.2f}' for p in rows)} s; score {rows[-1].score:.1f})" if rows else
              f"repeat {r + 1}: off {off[-1]:.0f}, on {on[-1]:.0f} (no check)", flush=True)
        del before
    m_off, m_on = statistics.median(off), statistics.median(on)
    share = sum(check_s) / (args.block * args.repeats)
    print(f"median off {m_off:.0f} img/s, on {m_on:.0f} img/s: ratio {m_on / m_off:.3f} "
          f"(cost {100 * (1 - m_on / m_off):.1f} %); one check {statistics.median(check_s):.2f} s median; "
          f"checks took {100 * share:.1f} % of the meter-on blocks' wall time")


def stages(args) -> None:
    import numpy as np
    from PIL import Image

    from gan_studio.core.training.diagnostics import QualityProbe
    from gan_studio.core.images import tile_grid

    session = build(args.preset, args.mnist, seed=args.seed, threads=args.threads)
    probe = QualityProbe(session.trainer, session.dataset.heldout.images, n=args.samples, every=args.every)
    out = ROOT / "benchmarks" / "results" / f"stages-{args.preset}"
    out.mkdir(parents=True, exist_ok=True)
    print("step\ttrain_s\tscore\tfd\tfloor\tratio\tclasses\tdiv_col\tcls_col\tD(x)\tD(G(z))", flush=True)
    rows = []
    t = session.trainer

    def report():
        p = probe.measure()
        recent = rows[-50:]
        dx = np.mean([r.d_real for r in recent]) if recent else float("nan")
        dg = np.mean([r.d_fake for r in recent]) if recent else float("nan")
        print(f"{p.step}\t{p.elapsed:.0f}\t{p.score:.1f}\t{p.fd:.1f}\t{p.fd_floor:.1f}\t{p.fd_ratio:.1f}\t"
              f"{p.coverage}\t{p.diversity_collapse:.2f}\t{p.class_collapse:.2f}\t{dx:.2f}\t{dg:.2f}", flush=True)
        grid = tile_grid(t.sample(64, seed=7), cols=8, pad=2)
        Image.fromarray(grid[..., 0]).save(out / f"s{p.elapsed:04.0f}_score{p.score:.0f}.png")

    report()
    while t.elapsed < args.seconds:
        upd = session.advance(10)
        rows += upd.records
        if probe.due():
            report()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=("cost", "stages"))
    ap.add_argument("--preset", default="quick-digits")
    ap.add_argument("--mnist", default=str(MNIST))
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--samples", type=int, default=None)
    ap.add_argument("--block", type=float, default=20.0, help="cost: seconds per block")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=90.0, help="stages: seconds of training")
    ap.add_argument("--every", type=float, default=5.0, help="stages: seconds of training between checks")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    if args.samples is None:
        from gan_studio.core.training.diagnostics import QUALITY_SAMPLES

        args.samples = QUALITY_SAMPLES
    {"cost": cost, "stages": stages}[args.mode](args)


if __name__ == "__main__":
    main()
