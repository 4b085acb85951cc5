"""Sampling-time choices scored on the same weights: one training run of the default preset, and at each
checkpoint the FD of several ways to draw from it — so the comparison has no seed-to-seed training noise.

    OMP_WAIT_POLICY=PASSIVE .venv/bin/python benchmarks/sampling_choices.py --seed S [--at 30,45,60,75,90]

Trains `quick-digits` on MNIST with the app's thread choice (wall clock, like time_to_digits.py) and keeps
extra moving averages of G beside the trainer's own (same warm-up rule, other decays).  At each checkpoint
it scores (independent digit classifier's FD against the held-out digits, as time_to_digits.py):

* ``default``     what the product samples: the EMA generator in eval mode, its batch-norm statistics copied
                  from the live generator;
* ``standing``    the EMA generator with batch-norm statistics re-measured on its own outputs (8 batches
                  of 128, cumulative average) before sampling;
* ``batch``       the EMA generator with the statistics of the sampled batch itself (train mode);
* ``live``        the live generator, no averaging;
* ``emaD``, ``emaDst``  an average with decay D (eval mode; with standing statistics);
* ``warmK``, ``warmKst``  an average whose warm-up rule is (1 + n) / (K + n) after n steps, without the
                  preset's cap (the trainer's rule is K = 10, capped at the preset's decay): it averages
                  over about the last 1 / (K − 1) of the run, so K = 3 over the last half.

Prints one JSON line per checkpoint.  Results: benchmarks/README.md ("Sampling-time choices").
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

import time_to_digits as ttd  # noqa: E402
from gan_studio.core.config import DataConfig  # noqa: E402
from gan_studio.core.data.loading import load_dataset  # noqa: E402
from gan_studio.core.training.device import set_threads  # noqa: E402
from gan_studio.core.metrics import QualityMeter  # noqa: E402

DECAYS = (0.99, 0.995, 0.998, 0.999)   # 0.998: the default until 2026-11-30 (now 0.995)


def to_uint8(x: torch.Tensor):
    return ((x.clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8).permute(0, 2, 3, 1).numpy().copy()


@torch.no_grad()
def draw(g: torch.nn.Module, mode: str, latent: int, n: int = ttd.EVAL_SAMPLES, seed: int = ttd.EVAL_SEED):
    """n images from a copy of `g` (labels cycle 0..9), batch norm as `mode` says."""
    z = torch.randn(n, latent, generator=torch.Generator().manual_seed(seed))
    labels = torch.arange(n) % 10
    g = copy.deepcopy(g)
    if mode == "standing":
        for m in g.modules():
            if isinstance(m, torch.nn.modules.batchnorm._BatchNorm):
                m.reset_running_stats()
                m.momentum = None   # cumulative average over the calibration batches
        g.train()
        rng = torch.Generator().manual_seed(1234)
        for _ in range(8):
            g(torch.randn(128, latent, generator=rng), torch.randint(0, 10, (128,), generator=rng))
        g.eval()
    else:
        g.train(mode == "batch")
    return to_uint8(g(z, labels))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mnist", default=str(ROOT.parent / "shared" / "datasets" / "mnist"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--at", default="30,45,60,75,90", help="checkpoints, seconds of training")
    ap.add_argument("--warmups", default="3,5", help="warm-up constants K of the extra warmK averages ('' for none)")
    args = ap.parse_args(argv)
    checkpoints = [float(x) for x in args.at.split(",")]

    set_threads(0)
    dataset = load_dataset(DataConfig(source="mnist", path=args.mnist, holdout=ttd.HELDOUT), 28, 1)
    meter = QualityMeter.load_default()
    reference = meter.reference(dataset.heldout.images)
    contender = ttd.make_contender("quick-digits", dataset, args.seed)
    set_threads(0)
    trainer = contender.trainer
    latent = trainer.config.model.latent_dim
    averages = {f"ema{d}": copy.deepcopy(trainer.G_ema) for d in DECAYS}
    averages.update({f"warm{int(k)}": copy.deepcopy(trainer.G_ema) for k in args.warmups.split(",") if k.strip()})
    update = trainer._update_ema

    def decay_of(name: str) -> float:
        n = trainer.step_count
        if name.startswith("warm"):
            return (1 + n) / (int(name[4:]) + n)
        return min(float(name[3:]), (1 + n) / (10 + n))   # the trainer's warm-up rule

    def update_all(decay, _update=update):
        _update(decay)
        with torch.no_grad():
            for name, g in averages.items():
                d = decay_of(name)
                torch._foreach_lerp_(list(g.parameters()), list(trainer.G.parameters()), 1 - d)
                for b_avg, b in zip(g.buffers(), trainer.G.buffers()):
                    b_avg.copy_(b)

    trainer._update_ema = update_all

    def fd(images) -> float:
        return round(meter.evaluate(images, reference).fd, 2)

    clock = 0.0
    for target in checkpoints:
        start = time.perf_counter()
        while time.perf_counter() - start < target - clock:
            contender.step()
        contender.pause()
        clock += time.perf_counter() - start
        row = {"t": target, "steps": contender.steps,
               "default": fd(contender.sample(ttd.EVAL_SAMPLES, ttd.EVAL_SEED)),
               "standing": fd(draw(trainer.G_ema, "standing", latent)),
               "batch": fd(draw(trainer.G_ema, "batch", latent)),
               "live": fd(draw(trainer.G, "eval", latent))}
        for name, g in averages.items():
            row[name] = fd(draw(g, "eval", latent))
            row[f"{name}st"] = fd(draw(g, "standing", latent))
        print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
