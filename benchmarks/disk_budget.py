"""Disk use of one run of every preset, against the run's disk budget (issue 26: "a run of every preset within
the disk budget").

For each preset (`gan-studio presets`), `gan-studio train --preset NAME --seconds S` runs in its own process
(one after another, in a temporary GAN_STUDIO_HOME), then the script measures the run folder: its size on disk
(`du`: allocated blocks) and in bytes, the snapshots kept and their size, the checkpoint (weights + optimizer),
the rest (samples, metrics), and what the snapshots would have taken *without* the budget (every snapshot step
the spacing makes due by the final step, up to `MAX_SNAPSHOTS`, × the snapshot size).  A run is over budget
when its folder holds more bytes than `TrainConfig.disk_mb` (default 60 MB, `--disk-mb` to change it via
the preset's config is not offered by the CLI: the default is what a class gets).

    nice -n 10 .venv/bin/python benchmarks/disk_budget.py                      # every preset, 150 s each
    nice -n 10 .venv/bin/python benchmarks/disk_budget.py --seconds 60 --only seed-mlp,seed-mlp-fixed

Full MNIST (`--mnist DIR`, default ../shared/datasets/mnist) when present, else the offline sample: the
snapshot size depends on the networks only, not on the data.  Results go to benchmarks/results/disk_budget.json.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from gan_studio.core.config import TrainConfig  # noqa: E402
from gan_studio.core.presets import load_presets  # noqa: E402
from gan_studio.core.training.snapshots import FIRST_STEP, MAX_SNAPSHOTS, RATIO, list_snapshots  # noqa: E402

MB = 2 ** 20


def due_steps(last: int) -> list[int]:
    """The snapshot steps the spacing makes due up to `last` (as `SnapshotStore.next_due` does, no budget)."""
    steps, s = [], FIRST_STEP
    while s <= last:
        steps.append(s)
        s = max(s + 1, math.ceil(s * RATIO))
    return steps


def du_bytes(path: Path) -> int:
    """Size on disk (allocated blocks) of a folder, like `du -s`."""
    total = 0
    for p in path.rglob("*"):
        try:
            if p.is_file():
                total += p.stat().st_blocks * 512
        except OSError:
            pass
    return total


def measure(run: Path) -> dict:
    snaps = list_snapshots(run)
    files = [p for p in run.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    snap_bytes = sum(s.bytes for s in snaps)
    ckpt = sum(p.stat().st_size for p in files if p.parent == run and p.suffix == ".safetensors")
    info = json.loads((run / "checkpoint.json").read_text()) if (run / "checkpoint.json").is_file() else {}
    last = int(info.get("step", snaps[-1].step if snaps else 0))
    per = max((s.bytes for s in snaps), default=0)
    unbudgeted = min(len(due_steps(last)), MAX_SNAPSHOTS)
    return {"step": last, "bytes": total, "du_bytes": du_bytes(run), "snapshots": len(snaps),
            "snapshot_steps": [s.step for s in snaps], "snapshot_bytes": per, "snapshots_bytes": snap_bytes,
            "checkpoint_bytes": ckpt, "rest_bytes": total - snap_bytes - ckpt,
            "snapshots_without_budget": unbudgeted,
            "bytes_without_budget": total - snap_bytes + unbudgeted * per}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=150.0, help="training time of each run")
    ap.add_argument("--only", help="comma-separated preset names (default: every preset)")
    ap.add_argument("--mnist", type=Path, default=ROOT.parent / "shared" / "datasets" / "mnist")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--keep", action="store_true", help="keep the run folders (printed)")
    args = ap.parse_args(argv)
    names = [n.strip() for n in args.only.split(",")] if args.only else [p.key for p in load_presets()]
    budget = TrainConfig().disk_mb * MB
    have_mnist = (args.mnist / "train-images-idx3-ubyte.gz").is_file()
    work = Path(tempfile.mkdtemp(prefix="gan-studio-disk-"))
    env = dict(os.environ, GAN_STUDIO_HOME=str(work / "home"),
               PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p))
    rows = []
    load_start = os.getloadavg()
    for name in names:
        run = work / "runs" / name
        data = ["--dataset", "mnist", "--data-path", str(args.mnist)] if have_mnist and name != "own-images" else []
        cmd = [sys.executable, "-m", "gan_studio", "train", "--preset", name, "--seconds", str(args.seconds),
               "--threads", str(args.threads), "--out", str(run), *data]
        print("$", " ".join(cmd), flush=True)
        t0 = time.monotonic()
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        if proc.returncode:
            print(proc.stdout[-2000:], proc.stderr[-2000:])
            rows.append({"preset": name, "error": f"exit {proc.returncode}"})
            continue
        row = {"preset": name, "wall_s": round(time.monotonic() - t0, 1), **measure(run)}
        row["over_budget"] = row["bytes"] > budget
        rows.append(row)
        print(f"  {name}: step {row['step']:,}, {row['bytes'] / MB:.1f} MB ({row['du_bytes'] / MB:.1f} MB on disk), "
              f"{row['snapshots']} snapshots of {row['snapshot_bytes'] / MB:.1f} MB, "
              f"checkpoint {row['checkpoint_bytes'] / MB:.1f} MB, rest {row['rest_bytes'] / MB:.2f} MB; "
              f"without the budget {row['snapshots_without_budget']} snapshots, "
              f"{row['bytes_without_budget'] / MB:.0f} MB" + ("  OVER BUDGET" if row["over_budget"] else ""),
              flush=True)
    load = os.getloadavg()
    print()
    print(f"budget {budget / MB:.0f} MB a run; {args.seconds:g} s of training each; load average at the start "
          f"{load_start[0]:.2f}, at the end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; "
          f"data {'full MNIST' if have_mnist else 'offline sample'} (own-images: the offline sample)")
    print("| preset | steps | run folder (MB) | on disk (MB) | snapshots kept × MB | checkpoint (MB) | "
          "without budget: snapshots, MB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        if "error" in r:
            print(f"| {r['preset']} | {r['error']} | | | | | |")
            continue
        print(f"| {r['preset']} | {r['step']:,} | {r['bytes'] / MB:.1f} | {r['du_bytes'] / MB:.1f} | "
              f"{r['snapshots']} × {r['snapshot_bytes'] / MB:.1f} | {r['checkpoint_bytes'] / MB:.1f} | "
              f"{r['snapshots_without_budget']}, {r['bytes_without_budget'] / MB:.0f} |")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "disk_budget.json").write_text(json.dumps({"seconds": args.seconds, "budget_bytes": budget,
                                                      "load_start": load_start, "load": load, "rows": rows}, indent=1))
    if args.keep:
        print("run folders kept in", work / "runs")
    else:
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    return 1 if any(r.get("over_budget") or "error" in r for r in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
