"""Train the shipped pretrained generator, reproducibly.

    .venv/bin/python scripts/train_pretrained.py [--mnist ../shared/datasets/mnist]

Trains the conditional DCGAN of the `quick-digits` preset (plus the overrides
in `OVERRIDES` below) on full MNIST (60,000 training digits) for a fixed
number of steps with a fixed seed, then

* exports the EMA generator with `export_generator` to
  resources/models/pretrained-mnist.safetensors (weights + ModelConfig, no
  discriminator or optimizer state; well under 5 MB), and
* writes resources/models/pretrained-mnist.run.json: the full experiment
  config, step count, seed, dataset identity (file checksums), training time,
  the quality report of 1,000 samples against 2,000 held-out t10k digits,
  per-digit self-classification rates, versions and the command used.

A 10x10 sample grid (columns = digits 0-9) goes to --grid for a visual check.
MNIST is needed only here; the app itself never depends on it.  The run takes
about 10 minutes on one CPU core (24,000 steps).  It trains single-threaded by default so
that the same command with the same torch version reproduces the weights on
any machine (on a shared 2-core machine two threads are not faster anyway,
see benchmarks/README.md); --threads N trains a numerically slightly
different but equivalent model.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import platform
import shlex
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from gan_studio.core.config import DataConfig  # noqa: E402
from gan_studio.core.explore.exports import save_grid_png  # noqa: E402
from gan_studio.core.explore.generator import GeneratorModel, export_generator, load_generator  # noqa: E402
from gan_studio.core.metrics import QualityMeter  # noqa: E402
from gan_studio.core.presets import get_preset  # noqa: E402
from gan_studio.core.training.session import TrainingSession  # noqa: E402

PRESET = "quick-digits"
OVERRIDES: dict = {}          # train-config changes on top of the preset (none: the shipped default as is)
STEPS = 24000
SEED = 0
EVAL_SEED = 20240
EVAL_SAMPLES = 1000
PER_DIGIT = 100
NAME = "pretrained-mnist"


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mnist", default=str(ROOT.parent / "shared" / "datasets" / "mnist"),
                    help="folder with the four MNIST IDX files (default: ../shared/datasets/mnist)")
    ap.add_argument("--steps", type=int, default=STEPS)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--threads", type=int, default=1, help="torch CPU threads (default 1: bit-reproducible on any machine)")
    ap.add_argument("--out", default=str(ROOT / "resources" / "models" / f"{NAME}.safetensors"))
    ap.add_argument("--grid", default=str(ROOT / "benchmarks" / "results" / f"{NAME}.png"))
    args = ap.parse_args(argv)
    command = "python " + " ".join(shlex.quote(a) for a in [Path(sys.argv[0]).as_posix(), *sys.argv[1:]]) \
        if argv is None else "main(" + repr(argv) + ")"

    preset = get_preset(PRESET)
    config = preset.config(
        DataConfig(source="mnist", path=str(Path(args.mnist).resolve())),
        **dict(OVERRIDES, seed=args.seed, threads=args.threads, device="cpu", max_steps=args.steps),
    )
    config = config.replace(name=NAME)
    session = TrainingSession(config, run_dir=None, device="cpu")
    trainer = session.trainer
    print(f"{session.describe()}: {PRESET} conditional DCGAN, {trainer.parameter_counts()}, "
          f"{args.steps} steps, seed {args.seed}, {trainer.threads} threads", flush=True)

    t0 = time.perf_counter()
    last = [t0]

    def report(update):
        now = time.perf_counter()
        if update.records and (now - last[0] > 15 or update.finished):
            r = update.records[-1]
            print(f"  step {r.step:6d}  {now - t0:6.0f}s  loss_d {r.loss_d:.3f} loss_g {r.loss_g:.3f}  "
                  f"{r.images_per_s:.0f} img/s", flush=True)
            last[0] = now

    session.run_for(max_steps=args.steps, chunk=50, on_update=report)
    train_seconds = time.perf_counter() - t0

    module = copy.deepcopy(trainer.sampling_generator()).eval().requires_grad_(False)
    module.to(memory_format=torch.contiguous_format)
    dataset = session.dataset
    model = GeneratorModel(
        module, config.model, NAME, Path(args.out), list(dataset.train.class_names), trainer.step_count,
        {"script": "scripts/train_pretrained.py", "preset": PRESET, "seed": args.seed, "steps": trainer.step_count,
         "dataset": {k: dataset.identity.get(k) for k in ("source", "files", "train_count")}},
    )
    out = export_generator(model, args.out, name=NAME)

    # ---- evaluate the exported file (what the app will load)
    loaded = load_generator(out)
    meter = QualityMeter.load_default()
    reference = meter.reference(dataset.heldout.images)
    z = loaded.latents(EVAL_SEED, EVAL_SAMPLES)
    images = loaded.generate(z, np.arange(EVAL_SAMPLES) % 10)
    quality = meter.evaluate(images, reference)
    zd = loaded.latents(123, PER_DIGIT)
    self_rates = {}
    for digit in range(10):
        predicted = meter.predict(loaded.generate(zd, np.full(PER_DIGIT, digit))).argmax(axis=1)
        self_rates[str(digit)] = round(float(np.mean(predicted == digit)), 3)
    grid = Path(args.grid)
    grid.parent.mkdir(parents=True, exist_ok=True)
    save_grid_png(grid, images[:100], cols=10, scale=3)

    info = {
        "name": NAME,
        "file": out.name,
        "sha256": sha256(out),
        "bytes": out.stat().st_size,
        "preset": PRESET,
        "overrides": OVERRIDES,
        "config": config.replace(data=DataConfig(source="mnist")).to_dict(),
        "steps": trainer.step_count,
        "seed": args.seed,
        "images_seen": trainer.step_count * config.train.batch_size * config.train.d_steps,
        "train_seconds": round(train_seconds, 1),
        "threads": trainer.threads,
        "parameters": {"generator": sum(p.numel() for p in module.parameters())},
        "dataset": dataset.identity,
        "quality": {
            "samples": EVAL_SAMPLES, "eval_seed": EVAL_SEED, "heldout": len(dataset.heldout),
            "fd": round(quality.fd, 3), "fd_floor": round(quality.fd_floor, 3),
            "fd_ratio": round(quality.fd_ratio, 3), "intra_fd": round(quality.intra_fd, 3),
            "intra_fd_floor": round(quality.intra_fd_floor, 3), "coverage": quality.coverage,
            "collapse": round(quality.collapse, 3), "confidence": round(quality.confidence, 3),
            "score": round(quality.score(), 2), "summary": quality.summary(),
            "self_classification": self_rates,
        },
        "versions": {"python": platform.python_version(), "torch": torch.__version__, "numpy": np.__version__},
        "command": command,
    }
    run_json = out.with_name(f"{NAME}.run.json")
    run_json.write_text(json.dumps(info, indent=2) + "\n", "utf-8")
    print(f"{quality.summary()} · score {quality.score():.1f}")
    print(f"self-classification per digit: {self_rates}")
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB), {run_json}, {grid}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
