"""Each Learn lesson's claims, checked: train the lesson's setup headless and test what its text says.

For each lesson of `gan_studio/app/learn/lessons.py` (its preset and edits, no window) and each seed, the
script trains for the seconds its claims need with the quality meter on (a check every `--every` s of
training), keeps the metric rows, quality checks and warnings, and prints one line per claim:

    PASS  collapse  "within about a minute every sample turns into the same grey blob"  coverage ≤ 1 …

Claims are the lesson texts' statements in numbers (`CLAIMS` below: what, the lesson, how long it trains,
the test).  Lesson 1's own fix is measured by benchmarks/lesson_fixes.py.  Results (every claim, every seed)
go to benchmarks/results/lessons.json.

    .venv/bin/python benchmarks/lessons.py                       # every lesson, seed 0
    .venv/bin/python benchmarks/lessons.py --seeds 3 --only collapse,fixed

Seconds are the trainer's own clock (quality checks pause it), but a loaded CPU trains fewer steps per
second: each lesson's steps per second are printed beside its claims so that a failed time claim can be told
from a slow machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from gan_studio.app.learn.lessons import lessons  # noqa: E402  (texts through tr(): no window needed)
from gan_studio.core.config import DataConfig, with_values  # noqa: E402
from gan_studio.core.data.catalog import default_source  # noqa: E402
from gan_studio.core.presets import get_preset  # noqa: E402
from gan_studio.core.training.session import TrainingSession  # noqa: E402
from gan_studio.core.training.trainer import TrainingDiverged  # noqa: E402

CHUNK = 25


def train(lesson, seed: int, seconds: float, every: float, source: str, folder: Path) -> dict:
    """Train `lesson` for `seconds` of training; its rows (step, elapsed, losses, D outputs), quality checks
    and warnings."""
    cfg = get_preset(lesson.preset).config(DataConfig(source=source), seed=seed)
    if lesson.edits:
        cfg = with_values(cfg, lesson.edits).check()
    session = TrainingSession(cfg, folder / f"{lesson.key}-seed{seed}")
    session.enable_quality(every=every)
    session.quality.max_share = 1.0           # a check every `every` s however slow the machine
    rows, checks, warnings, diverged = [], [], [], None
    try:
        while session.trainer.elapsed < seconds:
            try:
                update = session.advance(CHUNK)
            except TrainingDiverged as exc:
                diverged = {"step": exc.step, "elapsed": round(session.trainer.elapsed, 1)}
                break
            rows += [{"step": r.step, "s": r.elapsed, "loss_d": r.loss_d, "loss_g": r.loss_g, "d_real": r.d_real,
                      "d_fake": r.d_fake} for r in update.records]
            if update.quality is not None:
                checks.append(update.quality.to_dict())
            warnings += [{"kind": w.kind, "step": w.step, "s": round(session.trainer.elapsed, 1)}
                         for w in update.warnings]
    finally:
        session.close()
    span = rows[-1]["s"] - rows[0]["s"] if len(rows) > 1 else 0.0
    return {"lesson": lesson.key, "seed": seed, "rows": rows, "checks": checks, "warnings": warnings,
            "diverged": diverged, "steps_per_s": round((rows[-1]["step"] - rows[0]["step"]) / span, 1) if span else None}


# ------------------------------------------------------------------ the claims
def window(rows, a: float, b: float):
    return [r for r in rows if a <= r["s"] <= b]


def mean(values):
    values = list(values)
    return statistics.fmean(values) if values else float("nan")


def first_coverage(run, n: int):
    """Training seconds of the first check with at least `n` classes (None: never)."""
    return next((round(c["elapsed"], 1) for c in run["checks"] if c["coverage"] >= n), None)


def blob(run):
    late = [c for c in run["checks"] if c["elapsed"] >= 45]
    worst = max((c["coverage"] for c in late), default=None)
    return (worst is not None and worst <= 1 and min(c.get("diversity_collapse", 0) for c in late) >= 0.6,
            f"from 45 s on: at most {worst} class(es), diversity_collapse ≥ "
            f"{min((c.get('diversity_collapse', 0) for c in late), default=float('nan')):.2f}")


def collapse_warning(run):
    w = next((w for w in run["warnings"] if w["kind"] == "collapse"), None)
    return (w is not None and w["s"] <= 100, f"warning at {w['s']} s (step {w['step']:,})" if w else "no warning")


def no_collapse_warning(run):
    kinds = sorted({w["kind"] for w in run["warnings"]})
    return ("collapse" not in kinds, f"warnings: {', '.join(kinds) or 'none'}")


def classes_by(n: int, seconds: float):
    def check(run):
        s = first_coverage(run, n)
        best = max((c["coverage"] for c in run["checks"]), default=0)
        return (s is not None and s <= seconds, f"{n} classes at {s} s" if s is not None else f"best {best} classes")
    return check


def apart(run):
    late = window(run["rows"], run["rows"][-1]["s"] - 30, run["rows"][-1]["s"]) if run["rows"] else []
    real, fake = mean(r["d_real"] for r in late), mean(r["d_fake"] for r in late)
    return (0.01 < fake < real - 0.05 and real < 0.99, f"last 30 s: D(x) {real:.2f}, D(G(z)) {fake:.2f}")


def overshoots(run):
    early = window(run["rows"], 0, 15)
    hit = next((r for r in early if r["loss_d"] < 0.05 and r["loss_g"] > 10), None)
    return (hit is not None, f"at {hit['s']:.1f} s: loss D {hit['loss_d']:.3f}, loss G {hit['loss_g']:.0f}" if hit
            else f"first 15 s: min loss D {min((r['loss_d'] for r in early), default=float('nan')):.3f}, "
                 f"max loss G {max((r['loss_g'] for r in early), default=float('nan')):.1f}"
                 + (f"; diverged at {run['diverged']['elapsed']} s" if run["diverged"] else ""))


def noise(run):
    best = max((c["coverage"] for c in run["checks"]), default=0)
    score = max((c["score"] for c in run["checks"]), default=0)
    return (best <= 1 and score < 35, f"best {best} class(es), best score {score:.0f}"
            + (f"; diverged at {run['diverged']['elapsed']} s (rolled back in the window)" if run["diverged"] else ""))


def gap(run):
    rows = window(run["rows"], 20, 60)
    return mean(r["d_real"] - r["d_fake"] for r in rows)


def wider_than_lesson2(run, lesson2):
    a, b = gap(run), gap(lesson2)
    return (a > b, f"D(x) − D(G(z)) 20–60 s: {a:.2f} (lesson 2: {b:.2f})")


def slower_steps(run, lesson2):
    a, b = run["steps_per_s"], lesson2["steps_per_s"]
    return (bool(a and b and b / 5 < a < b), f"{a} generator steps/s (lesson 2: {b})")


# lesson key: (seconds of training, [(claim as the text says it, test(run) or test(run, lesson-2 run))])
CLAIMS = {
    "collapse": (100, [("within about a minute every sample turns into the same grey blob", blob),
                       ("after about a minute a \"Mode collapse\" warning appears", collapse_warning)]),
    "fixed": (150, [("digits of all ten classes within a minute or two (by 120 s)", classes_by(10, 120)),
                    ("the preset: all ten digit classes within 90 seconds", classes_by(10, 90)),
                    ("D(x) and D(G(z)) stay apart but neither reaches 0 or 1", apart),
                    ("no collapse", no_collapse_warning)]),
    "divergence": (40, [("within a few seconds D's loss drops to 0 while G's loss jumps to tens", overshoots),
                        ("the samples stay noise", noise)]),
    "conditional": (120, [("all ten digits appear after a minute or two", classes_by(10, 120))]),
    "ratio": (60, [("D(x) and D(G(z)) move apart (more than in lesson 2)", wider_than_lesson2),
                   ("each step takes longer, though not five times as long (steps/s under lesson 2's, over a "
                    "fifth of it)", slower_steps)]),
}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=int, default=1)
    ap.add_argument("--first-seed", type=int, default=0)
    ap.add_argument("--only", default="", help="lesson keys, comma-separated (default: all)")
    ap.add_argument("--data", default=default_source(), help="mnist or sample (default: what the window uses)")
    ap.add_argument("--every", type=float, default=10.0, help="seconds of training between quality checks")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "lessons.json"))
    args = ap.parse_args(argv)
    wanted = [k for k in args.only.split(",") if k] or list(CLAIMS)
    by_key = {lesson.key: lesson for lesson in lessons()}
    results, failed = [], 0
    with tempfile.TemporaryDirectory(prefix="lessons-") as tmp:
        for seed in range(args.first_seed, args.first_seed + args.seeds):
            runs = {}
            order = wanted + (["fixed"] if "ratio" in wanted and "fixed" not in wanted else [])
            for key in sorted(order, key=lambda k: k != "fixed"):        # lesson 2 first: lesson 5 compares
                seconds = max(CLAIMS[key][0], 60 if key == "fixed" else 0)
                runs[key] = train(by_key[key], seed, seconds, args.every, args.data, Path(tmp))
                print(f"# {key} seed {seed}: {runs[key]['steps_per_s']} steps/s", flush=True)
            for key in wanted:
                for claim, test in CLAIMS[key][1]:
                    ok, seen = test(runs[key], runs["fixed"]) if test.__code__.co_argcount == 2 else test(runs[key])
                    failed += not ok
                    results.append({"lesson": key, "seed": seed, "claim": claim, "pass": bool(ok), "seen": seen,
                                    "steps_per_s": runs[key]["steps_per_s"]})
                    print(f"{'PASS' if ok else 'FAIL'}  {key:<11} seed {seed}  \"{claim}\"  — {seen}", flush=True)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"data": args.data, "results": results}, indent=1), "utf-8")
    print(f"{len(results) - failed} of {len(results)} claims hold")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
