"""Lesson 1's fix, as the window does it: train the lesson until the collapse warning, fix with one click.

For each seed: lesson 1 (`seed-mlp`, the seed's MLP GAN as written) trains with the quality meter on (every
`--every` s of training) until the watchdog raises "Mode collapse" (or `--max-seconds` pass).  Then, as the
warning's button does, `diagnostics.fix_snapshot` picks the last snapshot before the trouble began from the
quality history, and `TrainingSession.branch` starts a new run from it with the fix the dialog opens with:
`--fix auto` (default) is `diagnostics.collapse_fix(config)` — for this network `MLP_REBUILD_FIX`, lesson 2's
network and recipe, so the branch builds new networks and trains them from step 0 (`restart`); `--fix recipe`
is `COLLAPSE_FIX` on the same networks; `--fix wgan-gp` WGAN-GP with 5 critic steps on the same networks.
The new run trains `--fix-seconds` s with the meter on (a check every `--every` s however slow the machine);
the script records the coverage (digit classes drawn recognisably, of 10), score and step at each check, the
training time and steps until the new run first covers 8 and 10 classes, and its steps per second.  Medians
over the seeds are printed and written to benchmarks/results/lesson_fixes.json.

    .venv/bin/python benchmarks/lesson_fixes.py                          # 3 seeds, 180 s of fix each
    .venv/bin/python benchmarks/lesson_fixes.py --seeds 1 --fix-seconds 90 --fix recipe

Training time is the trainer's own clock (quality checks pause it), but a loaded CPU trains fewer steps a
second: compare the steps too.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from gan_studio.core.config import DataConfig  # noqa: E402
from gan_studio.core.data.catalog import default_source  # noqa: E402
from gan_studio.core.presets import get_preset  # noqa: E402
from gan_studio.core.training.diagnostics import COLLAPSE_FIX, collapse_fix, fix_snapshot, rebuilds  # noqa: E402
from gan_studio.core.training.session import TrainingSession  # noqa: E402
from gan_studio.core.training.snapshots import list_snapshots  # noqa: E402

CHUNK = 25      # steps per advance


def train_until(session, stop, seconds: float, log: list) -> None:
    """Advance until `stop(update)` is true or `seconds` of training have passed; quality points go to `log`."""
    while session.trainer.elapsed < seconds:
        update = session.advance(CHUNK)
        if update.quality is not None:
            log.append(update.quality.to_dict())
        if stop(update):
            return


FIXES = {"auto": None,                  # what the warning's button offers: diagnostics.collapse_fix(config)
         "recipe": COLLAPSE_FIX,        # the calmer recipe on the same networks
         "wgan-gp": {"train.loss": "wgan-gp", "train.beta1": 0.5, "train.lr_g": 1e-4, "train.lr_d": 1e-4,
                     "train.d_steps": 5}}


def meter(session, every: float) -> None:
    """Quality checks every `every` s of training, however long a check takes on a loaded machine (the window
    spaces them out instead; here the coverage timeline matters, and checks pause the training clock)."""
    session.enable_quality(every=every)
    session.quality.max_share = 1.0


def one_seed(seed: int, source: str, every: float, max_seconds: float, fix_seconds: float, folder: Path,
             fix_name: str = "auto") -> dict:
    cfg = get_preset("seed-mlp").config(DataConfig(source=source), seed=seed)
    parent = TrainingSession(cfg, folder / f"lesson1-seed{seed}")
    meter(parent, every)
    history: list[dict] = []
    warned: list = []
    train_until(parent, lambda u: warned.extend(w for w in u.warnings if w.kind == "collapse") or bool(warned),
                max_seconds, history)
    parent.save("stopped")
    out = {"seed": seed, "warned_step": warned[0].step if warned else None,
           "warned_at_s": round(history[-1]["elapsed"], 1) if history else None,
           "parent_coverage": history[-1]["coverage"] if history else None}
    parent_path = parent.run.path
    parent.close()
    if not warned:
        out["fix"] = None
        return out
    snaps = [s.step for s in list_snapshots(parent_path)]
    step = fix_snapshot(snaps, history, warned[0].step)
    out["branch_step"] = step
    fix = dict(FIXES[fix_name] if FIXES[fix_name] is not None else collapse_fix(cfg))
    out["changes"], out["restarted"] = fix, rebuilds(fix)
    fixed = TrainingSession.branch(parent_path, step, folder / f"fix-seed{seed}", fix, restart=rebuilds(fix))
    meter(fixed, every)
    start = fixed.trainer.elapsed
    checks: list[dict] = []
    train_until(fixed, lambda u: False, start + fix_seconds, checks)
    fixed.close()
    points = [{"s": round(c["elapsed"] - start, 1), "step": c["step"], "coverage": c["coverage"],
               "score": round(c["score"], 1)} for c in checks]
    out["fix"] = points

    def first(n):
        return next((p["s"] for p in points if p["coverage"] >= n), None)

    out["seconds_to_8_classes"], out["seconds_to_10_classes"] = first(8), first(10)
    out["steps_to_10_classes"] = next((p["step"] - points[0]["step"] for p in points if p["coverage"] >= 10), None)
    out["fix_steps_per_s"] = (round((points[-1]["step"] - points[0]["step"]) / max(points[-1]["s"] - points[0]["s"], 1e-9), 1)
                              if len(points) > 1 else None)
    out["final_coverage"] = points[-1]["coverage"] if points else None
    return out


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--first-seed", type=int, default=0)
    ap.add_argument("--data", default=default_source(), help="mnist or sample (default: what the window uses)")
    ap.add_argument("--every", type=float, default=10.0, help="seconds of training between quality checks")
    ap.add_argument("--max-seconds", type=float, default=120.0, help="lesson 1's training before giving up")
    ap.add_argument("--fix-seconds", type=float, default=180.0, help="training of the fixed branch")
    ap.add_argument("--fix", choices=sorted(FIXES), default="auto",
                    help="auto: what the warning offers (diagnostics.collapse_fix); recipe: COLLAPSE_FIX on the "
                         "same networks; wgan-gp: WGAN-GP with 5 critic steps on the same networks")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "lesson_fixes.json"))
    args = ap.parse_args(argv)
    runs = []
    with tempfile.TemporaryDirectory(prefix="lesson-fixes-") as tmp:
        for seed in range(args.first_seed, args.first_seed + args.seeds):
            t0 = time.perf_counter()
            r = one_seed(seed, args.data, args.every, args.max_seconds, args.fix_seconds, Path(tmp), args.fix)
            r["wall_s"] = round(time.perf_counter() - t0, 1)
            runs.append(r)
            print(json.dumps(r), flush=True)
    summary = {"data": args.data, "fix": args.fix, "seeds": args.seeds, "fix_seconds": args.fix_seconds,
               "warned": sum(r["warned_step"] is not None for r in runs),
               "median_warned_at_s": median([r["warned_at_s"] for r in runs if r["warned_step"] is not None]),
               "median_seconds_to_8_classes": median([r.get("seconds_to_8_classes") for r in runs]),
               "median_seconds_to_10_classes": median([r.get("seconds_to_10_classes") for r in runs]),
               "median_final_coverage": median([r.get("final_coverage") for r in runs]),
               "runs": runs}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(summary, indent=1), "utf-8")
    print(json.dumps({k: v for k, v in summary.items() if k != "runs"}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
