"""Training steps per second of a preset: the Trainer as shipped against the step it replaced.

Contenders, all training the same preset on the same digits in one process, interleaved round by
round so machine load hits them alike:

* **previous step** — the step as it was before 2026-11-30, rebuilt here: alternating updates, the
  discriminator sees the real and the generated batch in two separate passes (two spectral-norm
  power iterations, two sets of half-size convolutions), Adam's single-tensor loop (a dozen small
  ops per parameter);
* **alternating** — the trainer as shipped with `updates = "alternating"`: one discriminator pass
  over both batches (where D has no batch norm) and the fused Adam kernel;
* **simultaneous** — the trainer as shipped with `updates = "simultaneous"`: D's and G's gradients
  from the same weights, the two halves on two threads when the trainer has two or more.

    OMP_WAIT_POLICY=PASSIVE .venv/bin/python benchmarks/step_speed.py                 # both cores, wall clock
    OMP_WAIT_POLICY=PASSIVE .venv/bin/python benchmarks/step_speed.py --threads 1 --clock cpu

`--also FILE,...` times preset or variant files (benchmarks/variants/*.json) beside them, as shipped with their
config; of a variant's "explore" patches only those that change how the networks are built apply ("up", "g_out").

`--clock wall` (default) is what a user sees and needs a quiet machine; `--clock cpu` counts this
process's CPU seconds (meaningful with `--threads 1` only). Prints the median milliseconds per step of
each and the steps per second relative to the previous step; writes benchmarks/results/step_speed.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

import torch  # noqa: E402
from roofline import digit_like_data, load_average  # noqa: E402

from gan_studio.core.presets import get_preset  # noqa: E402
from gan_studio.core.training.trainer import Trainer  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"


def baseline(trainer: Trainer) -> Trainer:
    """`trainer` (alternating) turned into the previous step: two D passes, single-tensor Adam."""
    trainer.joint_d_pass = False
    t = trainer.config.train
    trainer.opt_g = torch.optim.Adam(trainer.G.parameters(), lr=t.lr_g, betas=(t.beta1, t.beta2), foreach=False)
    trainer.opt_d = torch.optim.Adam(trainer.D.parameters(), lr=t.lr_d, betas=(t.beta1, t.beta2), foreach=False)
    return trainer


def from_file(path: Path, threads: int, images, labels) -> tuple[str, Trainer]:
    """(name, trainer) for a preset or variant file; a variant's construction patches applied."""
    from time_to_digits import config_file

    name, cfg = config_file(path)
    cfg = cfg.replace(train=cfg.train.replace(device="cpu", threads=threads))
    explore = json.loads(path.read_text("utf-8")).get("explore") or {}
    if not explore:
        return name, Trainer(cfg, images, labels, device="cpu")
    import variants   # benchmarks/variants.py: what the product does not have
    with variants.patched(explore):
        return name, Trainer(cfg, images, labels, device="cpu")


def ms_per_step(trainer: Trainer, steps: int, clock=time.perf_counter) -> float:
    torch.set_num_threads(trainer.threads)
    start = clock()
    for i in range(steps):
        trainer.step()
        if i % 10 == 9:
            trainer.flush()
    trainer.flush()
    return (clock() - start) / steps * 1000


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--preset", default="quick-digits")
    ap.add_argument("--threads", type=int, default=0, help="torch threads (0: the app's choice, device.choose_threads())")
    ap.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    ap.add_argument("--rounds", type=int, default=9, help="interleaved timing rounds (medians are reported)")
    ap.add_argument("--steps", type=int, default=60, help="steps per round")
    ap.add_argument("--also", default="", help="comma-separated preset or variant JSON files to time beside the others")
    ap.add_argument("--out", default=str(RESULTS / "step_speed.json"))
    args = ap.parse_args(argv)

    images, labels = digit_like_data()
    cfg = get_preset(args.preset).config()
    cfg = cfg.replace(train=cfg.train.replace(device="cpu", threads=args.threads))
    alternating = cfg.replace(train=cfg.train.replace(updates="alternating"))
    simultaneous = cfg.replace(train=cfg.train.replace(updates="simultaneous"))
    contenders = {"previous step": baseline(Trainer(alternating, images, labels, device="cpu")),
                  "alternating": Trainer(alternating, images, labels, device="cpu"),
                  "simultaneous": Trainer(simultaneous, images, labels, device="cpu")}
    for path in filter(None, (p.strip() for p in args.also.split(","))):
        name, trainer = from_file(Path(path), args.threads, images, labels)
        contenders[name] = trainer
    threads = contenders["alternating"].threads
    clock = time.perf_counter if args.clock == "wall" else time.process_time
    for trainer in contenders.values():   # warm-up: oneDNN primitives, optimizer state, the D half's thread
        ms_per_step(trainer, 20, clock)
    times: dict[str, list[float]] = {k: [] for k in contenders}
    load = [load_average()]
    for _ in range(args.rounds):
        for name, trainer in contenders.items():
            times[name].append(ms_per_step(trainer, args.steps, clock))
        load.append(load_average())
    med = {k: statistics.median(v) for k, v in times.items()}
    speedup = {k: med["previous step"] / v for k, v in med.items()}
    print(f"{args.preset}, batch {cfg.train.batch_size}, {threads} thread(s), load {min(load)}–{max(load)}, "
          f"{args.rounds} rounds of {args.steps} steps ({args.clock} ms per step):")
    for name, values in times.items():
        print(f"  {name:14s} median {med[name]:6.2f} ms  ({min(values):.1f}–{max(values):.1f})  "
              f"steps/s {speedup[name]:.2f}× the previous step's")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({
        "preset": args.preset, "threads": threads, "clock": args.clock, "batch_size": cfg.train.batch_size,
        "load": load, "ms_per_step": times, "median_ms": med, "speedup": speedup,
    }, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
