"""Snapshots: the whole trainer state (G, D, EMA-G, optimizers, RNG, data order) at spaced steps.

A run keeps them in ``RUN/snapshots/step_NNNNNNN.safetensors``, one file each:
the two halves of `Trainer.state()` (the checkpoint format) with their
tensors prefixed ``w.`` / ``o.`` and their string metadata prefixed ``w:`` /
``o:``.  Safetensors only — loading one can never run code.  Files are
written atomically (`core/atomic.py`).

Spacing keeps the disk bounded: the first snapshot at step `FIRST_STEP`,
then each at least `RATIO` (√2) times the step of the one before, so a run
of n steps holds about 2·log2(n / 100) of them (15 at 13,000 steps); past
`MAX_SNAPSHOTS`, or past what the run's disk budget (`TrainConfig.disk_mb`,
60 MB by default) leaves beside the rest of the run folder (its checkpoint and the previous one, counted
even before they are written, and the samples and metrics as they will have grown by the next snapshot:
`budget_limit`), the one whose
removal leaves the smallest gap (in log steps) is deleted, never the first
nor the newest (the newest alone when the budget has room for one only: `MIN_KEEP`).  The progress
grids (samples/) are thinned the same way to `MAX_GRIDS` (`thin_grids`).
Before a snapshot is written, room is made for it, so the folder stays
within the budget also while one is being written.  `TrainingSession.advance` ends its chunk of
steps where a snapshot is due, so snapshots land on exactly these steps
whatever the machine's speed.

A snapshot is what **branching** starts from: `TrainingSession.branch`
builds a new run whose state is the snapshot's, with some hyper-parameters
changed, and records ``"lineage": {"parent", "parent_step", "changes"}`` in
its run.json (`lineage()` reads it back).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path


from ..atomic import atomic_path, describe_write_failure
from ..messages import Message

FORMAT = "gan-studio-snapshot/1"
FOLDER = "snapshots"
FIRST_STEP = 100
RATIO = 2 ** 0.5
MAX_SNAPSHOTS = 30
METRICS_SHARE = 0.08    # of the disk budget for metrics.jsonl: beyond it older rows are thinned (compact_metrics)
MIN_KEEP = 1            # the newest snapshot stays whatever the disk budget (the first too while two fit)
MAX_GRIDS = 120         # progress grids (samples/step_N.png, one every `sample_every` steps) a run keeps
CHECKPOINTS_KEPT = 2    # the run's checkpoint and its previous one (weights.prev.safetensors …)
_CHECKPOINT_STEMS = ("weights.", "optimizer.")
_NAME = re.compile(r"^step_(\d{7,})\.safetensors$")


class SnapshotError(RuntimeError):
    """A snapshot cannot be read or written; the message says why."""


@dataclass(frozen=True)
class SnapshotInfo:
    step: int
    path: Path
    bytes: int

    def to_dict(self) -> dict:
        return {"step": self.step, "bytes": self.bytes, "path": str(self.path)}


def snapshot_name(step: int) -> str:
    return f"step_{int(step):07d}.safetensors"


def list_snapshots(run_path) -> list[SnapshotInfo]:
    """The snapshots of a run folder, oldest first (none when it has no snapshots folder)."""
    folder = Path(run_path) / FOLDER
    out = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for f in entries:
        m = _NAME.match(f.name)
        if m is None:
            continue
        try:
            size = f.stat().st_size
        except OSError:
            continue
        out.append(SnapshotInfo(int(m.group(1)), f, size))
    return sorted(out, key=lambda s: s.step)


def total_bytes(snapshots) -> int:
    return sum(s.bytes for s in snapshots)


def describe_size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 2**10:.0f} kB"


def state_bytes(state: dict) -> bytes:
    """A `Trainer.state()` as the bytes of one snapshot file."""
    from safetensors.torch import save

    tensors = {f"w.{k}": v.detach().contiguous().cpu() for k, v in state["weights"].items()}
    tensors.update({f"o.{k}": v.detach().contiguous().cpu() for k, v in state["optim"].items()})
    meta = {"format": FORMAT}
    meta.update({f"w:{k}": str(v) for k, v in state["weights_meta"].items()})
    meta.update({f"o:{k}": str(v) for k, v in state["optim_meta"].items()})
    return save(tensors, meta)


def write_state(path, state: dict | bytes) -> int:
    """Write a `Trainer.state()` (or its `state_bytes`) as one safetensors file (atomically); returns its size."""
    data = state if isinstance(state, (bytes, bytearray)) else state_bytes(state)
    with atomic_path(path) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(data)
    return len(data)


def read_state(path) -> dict:
    """A snapshot file back as a `Trainer.state()` dict (SnapshotError when damaged or foreign)."""
    from safetensors import SafetensorError, safe_open

    path = Path(path)
    if not path.is_file():
        raise SnapshotError(f"the snapshot {path.name} is missing from {path.parent}")
    try:
        with safe_open(str(path), framework="pt") as fh:
            meta = dict(fh.metadata() or {})
            if meta.get("format") != FORMAT:
                raise SnapshotError(f"{path.name} is not a GAN Studio snapshot (format {meta.get('format')!r})")
            tensors = {k: fh.get_tensor(k) for k in fh.keys()}
    except (SafetensorError, OSError, ValueError, RuntimeError) as exc:
        raise SnapshotError(f"the snapshot {path.name} is damaged or not a safetensors file ({exc})") from None
    state = {"weights": {}, "optim": {}, "weights_meta": {}, "optim_meta": {}}
    for k, v in tensors.items():
        if k.startswith("w."):
            state["weights"][k[2:]] = v
        elif k.startswith("o."):
            state["optim"][k[2:]] = v
    for k, v in meta.items():
        if k.startswith("w:"):
            state["weights_meta"][k[2:]] = v
        elif k.startswith("o:"):
            state["optim_meta"][k[2:]] = v
    if "config" not in state["weights_meta"] or "step" not in state["optim_meta"]:
        raise SnapshotError(f"the snapshot {path.name} is incomplete (no configuration or step)")
    return state


def find_snapshot(run_path, step: int) -> SnapshotInfo:
    for s in list_snapshots(run_path):
        if s.step == int(step):
            return s
    raise SnapshotError(f"{Path(run_path).name} has no snapshot at step {int(step):,}")


class SnapshotStore:
    """The snapshots of one run folder, taken as training goes (`maybe_take` after each chunk, which
    `TrainingSession.advance` ends at a `due` step)."""

    def __init__(self, run_path, first: int | None = None, ratio: float | None = None, limit: int | None = None,
                 budget_bytes: int = 0):
        """`budget_bytes`: what the whole run folder may take (0: no budget), `TrainConfig.disk_mb`."""
        self.run_path = Path(run_path)
        self.first = int(FIRST_STEP if first is None else first)
        self.ratio = float(RATIO if ratio is None else ratio)
        self.limit = int(MAX_SNAPSHOTS if limit is None else limit)
        self.budget_bytes = int(budget_bytes)
        self._next: int | None = None       # cached next_due (the folder is listed once, not every chunk)

    def other_bytes(self) -> int:
        """What the run folder holds besides its snapshots (checkpoint, samples, metrics)."""
        total = 0
        for path in self.run_path.rglob("*"):
            try:
                if path.is_file() and path.parent != self.folder:
                    total += path.stat().st_size
            except OSError:
                continue
        return total

    def checkpoint_bytes(self) -> int:
        """What the run's checkpoint files take now (weights and optimizer, current and previous)."""
        total = 0
        for path in self.run_path.glob("*.safetensors"):
            if path.name.startswith(_CHECKPOINT_STEMS):
                try:
                    total += path.stat().st_size
                except OSError:
                    continue
        return total

    def budget_limit(self, snapshot_bytes: int) -> int:
        """How many snapshots of `snapshot_bytes` fit the disk budget beside the rest of the run (at least
        MIN_KEEP, at most `limit`).

        The rest is what the run folder will hold until the next snapshot thins again, not only what it
        holds now: the checkpoint, current and previous (`RunFolder.save_checkpoint` keeps the last good one),
        each the size of a snapshot (the same tensors) even before the first save writes them; and the
        samples and metrics, which grow with the steps, so up to `ratio` times what they are now by the next
        snapshot (or the end of training, which comes before it)."""
        if self.budget_bytes <= 0 or snapshot_bytes <= 0:
            return self.limit
        checkpoint = self.checkpoint_bytes()
        growing = self.other_bytes() - checkpoint
        room = self.budget_bytes - max(checkpoint, CHECKPOINTS_KEPT * snapshot_bytes) - math.ceil(
            growing * self.ratio)
        return max(MIN_KEEP, min(self.limit, room // snapshot_bytes))

    def thin_grids(self, limit: int | None = None) -> list[int]:
        """Delete progress grids (samples/step_N.png) beyond `limit`, as snapshots are thinned: each time the
        one closest (in log steps) to its neighbours, never the first nor the newest.  A grid every 50 steps
        would otherwise grow the run by ~20–40 kB every 50 steps without end (88 MB at 200,000 steps)."""
        grids = []
        for f in (self.run_path / "samples").glob("step_*.png"):
            try:
                grids.append((int(f.stem.split("_", 1)[1]), f))
            except ValueError:
                continue
        grids.sort()
        return [step for step, _ in _thin_log(grids, MAX_GRIDS if limit is None else limit, keep_first=True)]

    @property
    def folder(self) -> Path:
        return self.run_path / FOLDER

    def list(self) -> list[SnapshotInfo]:
        return list_snapshots(self.run_path)

    def next_due(self, snapshots=None) -> int:
        snaps = self.list() if snapshots is None else snapshots
        if not snaps:
            return self.first
        last = snaps[-1].step
        return max(last + 1, math.ceil(last * self.ratio), self.first)

    def due(self, step: int) -> bool:
        if self._next is None:
            self._next = self.next_due()
        return step >= self._next

    def start_after(self, step: int) -> None:
        """A run that starts at `step` without snapshots of its own (a branch): the first is due one
        spacing later, as if one had been taken at `step`."""
        if not self.list():
            self._next = max(self.first, math.ceil(step * self.ratio), step + 1)

    def take(self, trainer) -> SnapshotInfo:
        step = trainer.step_count
        path = self.folder / snapshot_name(step)
        data = state_bytes(trainer.state())
        limit = self.budget_limit(len(data))
        self.thin(limit, incoming=step)     # room for this one first: the folder never goes over the budget
        try:
            size = write_state(path, data)
        except OSError as exc:
            # the next one is tried one spacing later (training goes on; the trainer holds the state)
            self._next = max(step + 1, math.ceil(step * self.ratio), self.first)
            raise SnapshotError(f"could not write the snapshot {path}: "
                                f"{describe_write_failure(path, exc, len(data))}") from exc
        self.thin(limit)
        self._next = None
        return SnapshotInfo(step, path, size)

    def maybe_take(self, trainer) -> SnapshotInfo | None:
        return self.take(trainer) if trainer.step_count > 0 and self.due(trainer.step_count) else None

    def thin(self, limit: int | None = None, incoming: int | None = None) -> list[int]:
        """Delete snapshots beyond `limit` (default: `self.limit`): each time the one closest (in log steps) to
        its neighbours, never the first nor the newest.  `incoming`: the step of a snapshot about to be
        written, counted as the newest (room is made for it, and the first stays while two fit)."""
        limit = self.limit if limit is None else int(limit)
        snaps = [(s.step, s.path) for s in self.list()]
        if incoming is not None:
            snaps.append((int(incoming), None))         # never removed: the newest
        # a budget with room for one snapshot only keeps the newest (what training would resume or branch from)
        return [step for step, _ in _thin_log(snaps, max(1, limit), keep_first=limit >= 2)]

    def truncate(self, step: int) -> list[int]:
        """Delete snapshots of steps after `step` (training was rolled back or resumed from an earlier save)."""
        removed = []
        self._next = None
        for s in self.list():
            if s.step > step:
                s.path.unlink(missing_ok=True)
                removed.append(s.step)
        return removed


def _thin_log(items: list, limit: int, keep_first: bool = True) -> list:
    """Delete the files of `(step, path)` items (oldest first) beyond `limit`: each time the one whose removal
    leaves the smallest gap in log steps, never the newest (nor the first, with `keep_first`); the removed."""
    items = list(items)
    removed = []
    while len(items) > max(1, limit):
        start = 1 if keep_first else 0
        best, best_gap = None, math.inf
        for i in range(start, len(items) - 1):
            before = math.log(max(items[i - 1][0], 1)) if i > 0 else 0.0
            gap = math.log(max(items[i + 1][0], 1)) - before
            if gap < best_gap:
                best, best_gap = i, gap
        if best is None:
            break
        items[best][1].unlink(missing_ok=True)
        removed.append(items.pop(best))
    return removed


# ------------------------------------------------------------------ lineage
def lineage(run_info: dict) -> dict | None:
    """The run's lineage (`{"parent", "parent_step", "changes"}`) when it was branched, else None."""
    lin = run_info.get("lineage") if isinstance(run_info, dict) else None
    if not isinstance(lin, dict) or not isinstance(lin.get("parent"), str):
        return None
    step = lin.get("parent_step")
    if not isinstance(step, int) or isinstance(step, bool):
        return None
    changes = lin.get("changes") if isinstance(lin.get("changes"), dict) else {}
    out = {"parent": lin["parent"], "parent_step": step, "changes": changes}
    if lin.get("restarted") is True:            # new networks from step 0 (TrainingSession.branch, restart)
        out["restarted"] = True
    return out


def describe_lineage(lin: dict | None) -> str:
    """One line for the run's info: where it was branched from and what changed."""
    if not lin:
        return ""
    from ..config import field_label

    changes = ", ".join(f"{field_label(k)} {_fmt(v[0])} → {_fmt(v[1])}" for k, v in lin["changes"].items()
                        if isinstance(v, (list, tuple)) and len(v) == 2)
    name, step = Path(lin['parent']).name, f"{lin['parent_step']:,}"
    if lin.get("restarted"):
        return Message("New networks after {name} (step {step}): {changes}", name=name, step=step, changes=changes)
    return (Message("Branched from {name} at step {step}: {changes}", name=name, step=step, changes=changes)
            if changes else Message("Branched from {name} at step {step} (no changes)", name=name, step=step))


def _fmt(v) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


def torch_equal_states(a: dict, b: dict) -> bool:
    """For tests and checks: two `state()` dicts hold identical tensors."""
    import torch

    for half in ("weights", "optim"):
        if set(a[half]) != set(b[half]):
            return False
        for k in a[half]:
            if not torch.equal(a[half][k].cpu(), b[half][k].cpu()):
                return False
    return True


def generator_from_snapshot(run_path, step: int):
    """The sampling generator (EMA when there is one) of a run's snapshot, for Gallery and Explore."""
    from ..config import ConfigError, ExperimentConfig
    from ..explore.generator import GeneratorModel, _from_state, default_class_names
    from ..run_folders.runs import RunError, RunFolder

    run = RunFolder.open(run_path)
    state = read_state(find_snapshot(run.path, step).path)
    try:
        cfg = ExperimentConfig.from_json(state["weights_meta"]["config"])
    except (ConfigError, ValueError) as exc:
        raise SnapshotError(f"the snapshot at step {step:,} has no usable configuration ({exc})") from None
    weights = state["weights"]
    prefix = "G_ema." if any(k.startswith("G_ema.") for k in weights) else "G."
    try:
        module = _from_state(cfg.model, weights, prefix)
    except RunError as exc:
        raise SnapshotError(str(exc)) from None
    names = ((run.info.get("dataset") or {}).get("class_names") or default_class_names(cfg.model)
             if cfg.model.conditional else [])
    return GeneratorModel(module, cfg.model, f"{run.path.name} · step {int(step):,}", run.path, list(names),
                          int(step), {"run": str(run.path), "snapshot_step": int(step)})
