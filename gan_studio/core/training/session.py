"""A training session = dataset + `Trainer` + run folder.

Both front ends drive this one object: the CLI in a plain loop, the GUI
worker from its thread.  `advance(n)` runs n steps and returns a
`SessionUpdate` with the new metric rows, a progress-grid snapshot when one
is due, and whether an autosave happened.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from pathlib import Path

from ..messages import Message
from ..config import (CONTINUE, LIVE, RESTART, ConfigError, ExperimentConfig, change_rule, differences,
                     field_keys, get_value)
from .device import resolve_device, set_threads
from ..models.budget import model_size_issues
from ..run_folders.runlock import RunLock
from ..run_folders.runs import RunError, RunFolder

HEARTBEAT_SECONDS = 5.0     # how often a training session refreshes its run lock
from .trainer import StepRecord, Trainer


@dataclass
class Snapshot:
    step: int
    images: np.ndarray      # uint8 (N, H, W, C)


@dataclass
class SessionUpdate:
    records: list[StepRecord] = field(default_factory=list)
    snapshot: Snapshot | None = None
    saved: bool = False
    finished: bool = False   # the step/time target is reached
    quality: object | None = None        # a diagnostics.QualityPoint when a quality check ran
    warnings: list = field(default_factory=list)     # diagnostics.TrainingWarning raised by this chunk
    state_snapshot: object | None = None  # a snapshots.SnapshotInfo when a trainer snapshot was written
    not_saved: list = field(default_factory=list)    # why a snapshot, autosave, grid or metrics write failed
    failed_writes: list = field(default_factory=list)  # the same as (what, why): what is "checkpoint", "snapshot",
                                                       # "grid", "metrics" or "quality"


class TrainingSession:
    # What a failed write during `advance` (snapshot, autosave, progress grid, metrics rows) does:
    # "raise" passes the error on; "warn" records it in `SessionUpdate.not_saved` and `warnings` and
    # training goes on — the trainer holds the whole state in memory and the next write is tried one
    # interval later (the CLI uses "warn"; an explicit `save` always raises).
    on_save_failure = "raise"
    # Seconds of training after which the first autosave of this session comes, before `autosave_seconds`
    # (0: none).  The CLI's distributed rank 0 uses FIRST_SAVE_SECONDS: a rank killed in the first minute
    # then leaves a checkpoint to resume from instead of step 0.
    first_save_seconds = 0.0

    def __init__(self, config: ExperimentConfig, run_dir=None, dataset=None, device: str | None = None, progress=None,
                 cancel=None):
        from ..data import load_dataset

        config.check()
        size = model_size_issues(config.model)     # before a byte of data or weights is allocated
        if size:
            raise ConfigError(size)
        self.dataset = dataset or load_dataset(config.data, config.model.image_size, config.model.channels,
                                               progress=progress, cancel=cancel)
        train = self.dataset.train
        self.trainer = Trainer(config, train.images, train.labels, device=device)
        self.run: RunFolder | None = None
        self.lock: RunLock | None = None
        self._last_heartbeat = time.monotonic()
        if run_dir is not None:
            self.run = RunFolder.create(run_dir, config, self.dataset.identity)
            self._lock(self.run.path)
        self._last_snapshot_step = -1
        self._unwritten: list = []          # metric rows the disk refused, written with the next ones
        self._failing: set[str] = set()     # what failed to write (warned once until it works again)
        self._cut_at: int | None = None     # a rollback's step the metrics files still have to be cut to
        self._saved_here = False            # this session wrote a checkpoint (the early first save is done)
        self._last_save_step = 0
        self._last_save_elapsed = 0.0
        self.quality = None             # a diagnostics.QualityProbe once enable_quality() ran
        self.quality_note = ""          # why the meter is off, when it was asked for and cannot run
        from .diagnostics import DiversityProbe, Watchdog, is_digit_data

        self.watchdog = Watchdog(config.train.loss)
        # Data the digit classifier does not know gets the pixel-space collapse check instead.
        self.diversity = None if is_digit_data(config.data) else DiversityProbe(self.trainer, train.images)

    @classmethod
    def resume(cls, run_dir, device: str | None = None, overrides: dict | None = None, progress=None,
               cancel=None) -> "TrainingSession":
        """Re-open a run folder and continue exactly where it stopped."""
        run = RunFolder.open(run_dir)
        lock = RunLock(run.path).acquire()      # one writer per run: refuse before loading anything
        config = run.config
        if overrides:
            config = config.replace(train=config.train.replace(**overrides))
        try:
            run.clean_temp_files()              # leftovers of a save a crash cut short (we hold the lock)
            if not run.has_checkpoint() and run.step > 0:
                raise RunError(f"weights.safetensors is missing from {run.path} although run.json says step "
                               f"{run.step}; resuming would restart at step 0 and overwrite its history — restore the "
                               f"files from a backup, or train a new run")
            session = cls(config, None, device=device, progress=progress, cancel=cancel)
            session.run, session.lock = run, lock
            if run.has_checkpoint():
                run.restore(session.trainer)
            session.state_snapshots().truncate(session.trainer.step_count)   # newer than the save: gone
        except BaseException:
            lock.release()
            raise
        session._last_save_step = session.trainer.step_count
        session._last_save_elapsed = session.trainer.elapsed
        return session

    @classmethod
    def branch(cls, parent_dir, step: int, run_dir, changes: dict | None = None, device: str | None = None,
               progress=None, cancel=None, restart: bool = False) -> "TrainingSession":
        """A new run in `run_dir` that starts from the parent's snapshot at `step`, with `changes`
        ({"train.lr_g": value, …}: fields that may change when a run continues) applied.

        Its run.json records ``"lineage": {"parent", "parent_step", "changes": {key: [old, new]}}``; the
        parent's metrics, quality checks and sample grids up to `step` are copied so its curves go on
        from there.  The first steps are exactly those the parent would take from that snapshot with the
        same changes (bit-identical on the CPU).  Changes that define the networks raise ValueError, unless
        `restart`: then nothing of the snapshot's weights fits, and the new run builds fresh networks with the
        changed settings (the same data and seed) from step 0 — the collapse fix for a seed-like MLP
        (`diagnostics.collapse_fix`); its lineage adds ``"restarted": true`` and none of the parent's
        history is copied (it would describe other networks)."""
        from ..config import differences, with_values
        from .snapshots import find_snapshot, read_state

        parent = RunFolder.open(parent_dir)
        info = find_snapshot(parent.path, step)
        state = read_state(info.path)
        saved = ExperimentConfig.from_json(state["weights_meta"]["config"])
        # The snapshot's own settings (live edits included), with this machine's CONTINUE fields.
        base = saved.replace(train=saved.train.replace(
            **{k.split(".", 1)[1]: get_value(parent.config, k) for k in field_keys(change=CONTINUE)}))
        config = with_values(base, dict(changes or {})).check()
        diff = differences(base, config)
        fixed = sorted(k for k in diff if change_rule(k) == RESTART)
        if fixed and not restart:
            raise ValueError(f"a branch keeps the networks, so it cannot change {', '.join(fixed)}; "
                             f"start a new experiment for that")
        session = cls(config, None, device=device, progress=progress, cancel=cancel)
        try:
            if not fixed:
                session.trainer.load_state(state)
                session.apply(config)
            session.run = RunFolder.create(run_dir, session.config, session.dataset.identity)
            session.run.info["lineage"] = {"parent": str(parent.path.resolve()), "parent_step": int(step),
                                           "changes": {k: [a, b] for k, (a, b) in diff.items()},
                                           **({"restarted": True} if fixed else {})}
            session._lock(session.run.path)
            if not fixed:           # new networks start at step 0: nothing of the parent's history applies
                session._copy_history(parent, step)
            session.save("paused")
        except BaseException:
            session.close()
            raise
        return session

    def _copy_history(self, parent: RunFolder, step: int) -> None:
        """A branch's curves, quality checks and grids go on from the parent's up to `step`."""
        import shutil

        self.run.append_metrics(r for r in parent.read_metrics() if r["step"] <= step)
        self.run.append_quality(r for r in parent.read_quality() if r["step"] <= step)
        for grid in sorted((parent.path / "samples").glob("step_*.png")):
            try:
                if int(grid.stem.split("_", 1)[1]) <= step:
                    (self.run.path / "samples").mkdir(exist_ok=True)
                    shutil.copyfile(grid, self.run.path / "samples" / grid.name)
            except (ValueError, OSError):
                continue
        self._last_snapshot_step = self.step
        self.state_snapshots().start_after(self.step)   # its first snapshot √2 after the branch point

    @property
    def config(self) -> ExperimentConfig:
        return self.trainer.config

    # ---------------------------------------------------------- diagnostics
    def enable_quality(self, every: float | None = None, n: int | None = None) -> str:
        """Turn the quality meter on (every `every` seconds of training); returns "" or why it cannot run."""
        from .diagnostics import QUALITY_EVERY_SECONDS, QUALITY_SAMPLES, QualityProbe, is_digit_data
        from ..metrics import QualityModelError

        try:
            if not is_digit_data(self.config.data):   # any other images: closeness to the folder itself
                from ..folder_quality import FolderQualityProbe

                images = [self.dataset.train.images, self.dataset.heldout.images]
                self.quality = FolderQualityProbe(self.trainer, images, every=every or QUALITY_EVERY_SECONDS)
            else:
                self.quality = QualityProbe(self.trainer, self.dataset.heldout.images, n=n or QUALITY_SAMPLES,
                                            every=every or QUALITY_EVERY_SECONDS)
        except (QualityModelError, ValueError) as exc:
            self.quality, self.quality_note = None, Message("the quality meter is off: {error}", error=str(exc))
            return self.quality_note
        self.quality_note = ""
        return ""

    def state_snapshots(self):
        """The run's snapshot store (None without a run folder)."""
        from .snapshots import SnapshotStore

        if self.run is None:
            return None
        store = getattr(self, "_store", None)
        if store is None or store.run_path != self.run.path:     # Save as may have moved the run
            store = self._store = SnapshotStore(self.run.path)
        store.budget_bytes = int(self.config.train.disk_mb * 2**20)   # changeable between two trainings
        return store

    @property
    def step(self) -> int:
        return self.trainer.step_count

    def _lock(self, path) -> None:
        self.lock = RunLock(path).acquire()
        self._last_heartbeat = time.monotonic()

    def close(self) -> None:
        """Release the run folder for other writers (safe to call twice)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def attach_run(self, run_dir, status: str = "paused") -> RunFolder:
        """Give a session without a folder its run folder and write everything so far."""
        self.run = RunFolder.create(run_dir, self.config, self.dataset.identity)
        self._lock(self.run.path)
        self.save(status)
        return self.run

    def save_as(self, path=None, status: str = "paused") -> Path:
        """Save; with `path`, first move (a scratch run) or copy (a saved run) the run folder there."""
        if self.run is None:
            if path is None:
                raise RunError("this experiment has no run folder yet; choose one with Save as…")
            return self.attach_run(path, status).path
        if path is not None and Path(path).resolve() != self.run.path.resolve():
            self.save(status)            # everything on disk first, then move or copy the whole folder
            self.close()
            try:
                self.run.relocate(path)
            finally:
                self._lock(self.run.path)
        self.save(status)
        return self.run.path

    def apply(self, config: ExperimentConfig) -> set[str]:
        """Take the settings that may change without a new experiment (LIVE and CONTINUE fields).

        Raises ValueError naming any field that defines the experiment (RESTART).  Returns the keys
        that this process cannot apply in place (a different device): the caller saves and resumes."""
        config.check()
        diff = differences(self.config, config)
        fixed = sorted(k for k in diff if change_rule(k) == RESTART)
        if fixed:
            raise ValueError(f"{', '.join(fixed)} define the experiment; changing them starts a new one")
        reload = {k for k in diff if k == "train.device"
                  and resolve_device(config.train.device) != self.trainer.device}
        t = config.train
        self.trainer.apply_live({k: get_value(config, k) for k in field_keys(change=LIVE)})
        keep = {k.split(".", 1)[1]: getattr(t, k.split(".", 1)[1]) for k in field_keys(change=CONTINUE)}
        self.trainer.config = self.trainer.config.replace(train=self.trainer.config.train.replace(**keep))
        if "train.threads" in diff:
            self.trainer.threads = set_threads(t.threads)
        return reload

    def advance(self, steps: int = 1, exact_snapshot_steps: bool = True) -> SessionUpdate:
        """Run up to `steps` steps (fewer if the target is reached) and flush their metrics.

        `exact_snapshot_steps`: end the chunk early where a trainer snapshot falls due, so it lands on its
        spacing step.  Processes that train in lockstep (torchrun) pass False: only rank 0 has a run folder
        and snapshots, and a chunk that ended early on rank 0 alone would pair one rank's gradient exchange
        with another's stop vote (gloo aborts: "Received data size doesn't match expected size")."""
        t = self.trainer
        update = SessionUpdate()
        store = self.state_snapshots()
        for _ in range(steps):
            if t.target_reached():
                break
            t.step()
            if exact_snapshot_steps and store is not None and store.due(t.step_count):
                break       # end the chunk here, so the trainer snapshot lands on its exact spacing step
        update.records = t.flush()
        update.warnings = self.watchdog.add_rows(update.records)
        if self.run is not None:
            self._guarded(update, "metrics", lambda: self._write_metrics(update.records))
        if self.quality is not None and update.records and self.quality.due():
            update.quality = self.quality.measure()
            if self.run is not None:
                self._guarded(update, "quality", lambda: self.run.append_quality([update.quality]))
            update.warnings += self.watchdog.add_quality(update.quality)
        if self.diversity is not None and update.records and self.diversity.due():
            report = self.diversity.measure()
            update.warnings += self.watchdog.add_diversity(t.step_count, t.elapsed, report)
        if self.run is not None and update.records:
            update.state_snapshot = self._guarded(update, "snapshot", lambda: self.state_snapshots().maybe_take(t))
        every = self.config.train.sample_every
        if t.step_count // every != self._last_snapshot_step // every or self._last_snapshot_step < 0:
            update.snapshot = self._guarded(update, "grid", self.snapshot, fallback=lambda: Snapshot(
                t.step_count, t.fixed_samples()))
        ck, every_s = self.config.train.checkpoint_every, self.config.train.autosave_seconds
        first = self.first_save_seconds
        if self.run is not None and ((ck > 0 and t.step_count - self._last_save_step >= ck)
                                     or (every_s > 0 and t.elapsed - self._last_save_elapsed >= every_s)
                                     or (first > 0 and not self._saved_here and t.step_count > self._last_save_step
                                         and t.elapsed - self._last_save_elapsed >= first)):
            if self._guarded(update, "checkpoint", lambda: self.save("running") or True):
                update.saved = True
            else:       # the next autosave is tried one interval later
                self._last_save_step, self._last_save_elapsed = t.step_count, t.elapsed
        update.finished = t.target_reached()
        if self.lock is not None and time.monotonic() - self._last_heartbeat > HEARTBEAT_SECONDS:
            self._last_heartbeat = time.monotonic()
            self.lock.heartbeat()
        return update

    def _write_metrics(self, records) -> None:
        """Append metric rows; rows the disk refused earlier go first (kept in memory until then)."""
        rows = self._unwritten + [r.to_dict() for r in records]
        if not rows and self._cut_at is None:
            return
        try:
            self._cut_metrics()
            if rows:
                self.run.append_metrics(rows)
        except RunError:
            self._unwritten = rows
            raise
        self._unwritten = []
        if rows:
            self._bound_metrics()

    def _bound_metrics(self) -> None:
        """metrics.jsonl grows ~300 bytes a step (an MLP preset: ~100 MB an hour): beyond its share of the disk
        budget its older rows are thinned, so the whole run folder stays within the budget."""
        from .snapshots import METRICS_SHARE

        budget = self.config.train.disk_mb * 2**20
        if budget > 0:
            try:
                self.run.compact_metrics(int(budget * METRICS_SHARE))
            except RunError:
                pass        # the file is as it was (replaced atomically or not at all); tried again next time

    def _cut_metrics(self) -> None:
        if self._cut_at is not None and self.run is not None:
            self.run.truncate_metrics(self._cut_at)
            self._cut_at = None

    def roll_back_writes(self, step: int) -> None:
        """After the trainer was restored to `step` (a divergence): metric rows held in memory after a failed
        write that lie beyond `step` are dropped, and the run's metrics and quality files are cut to `step` — when
        the disk refuses that too, the cut is made before the next rows are written."""
        self._unwritten = [r for r in self._unwritten if r["step"] <= step]
        if self.run is None:
            return
        self._cut_at = step
        try:
            self._cut_metrics()
        except RunError:
            pass        # kept in _cut_at: done before the next rows go out

    def write_pending(self, status: str = "paused") -> None:
        """Try again what failed to be written: a checkpoint now, and the metric rows held in memory.
        Raises RunError when the run folder still cannot take them (nothing is lost: the state stays)."""
        self.save(status)
        self._write_metrics([])             # the held rows (save keeps them when they fail); raises
        self._failing.clear()

    def _guarded(self, update: SessionUpdate, what: str, write, fallback=None):
        """`write()`; with on_save_failure "warn", a failed write becomes a warning and training goes on."""
        from .snapshots import SnapshotError

        try:
            result = write()
        except (RunError, SnapshotError) as exc:
            if self.on_save_failure != "warn":
                raise
            if what not in self._failing or what in ("snapshot", "checkpoint"):
                update.not_saved.append(str(exc))
                update.failed_writes.append((what, str(exc)))
                update.warnings.append(not_saved_warning(self.step, str(exc), what, self._last_good_step()))
            self._failing.add(what)
            return fallback() if fallback is not None else None
        if what in self._failing:
            self._failing.discard(what)
        return result

    def _last_good_step(self) -> int:
        return self.run.step if self.run is not None else 0

    def snapshot(self) -> Snapshot:
        images = self.trainer.fixed_samples()
        self._last_snapshot_step = self.trainer.step_count
        if self.run is not None:
            self.run.save_grid(self.trainer.step_count, images, cols=self.trainer.grid_columns())
            self.state_snapshots().thin_grids()       # the run's grids stay within MAX_GRIDS (its disk budget)
        return Snapshot(self.trainer.step_count, images)

    def save(self, status: str = "paused") -> list[StepRecord]:
        """Checkpoint now; returns metric rows of steps not yet flushed (already written to the run)."""
        if self.run is None:
            raise RuntimeError("this session has no run folder yet; use attach_run")
        records = self.trainer.flush()          # raises TrainingDiverged on non-finite metrics: nothing is written
        try:
            self._write_metrics(records)
        except RunError:
            pass        # the rows stay in memory and go out with the next ones; the weights matter more
        self.run.save_checkpoint(self.trainer, status=status)   # refuses non-finite weights
        self._saved_here = True
        self._last_save_step = self.trainer.step_count
        self._last_save_elapsed = self.trainer.elapsed
        return records

    def save_elsewhere(self, status: str = "paused", places=None) -> Path:
        """When the run folder cannot be written: copy it into the first of `places` (default
        `rescue_places()`) with room for the folder and the new checkpoint, continue there and save.
        Returns the new run folder; RunError naming each place tried when none works."""
        import shutil

        from ..atomic import free_bytes

        if self.run is None:
            raise RunError("this session has no run folder")
        need = _folder_bytes(self.run.path) + _state_nbytes(self.trainer) + 8 * 2**20
        tried = []
        for base in (rescue_places() if places is None else places):
            base = Path(base)
            free = free_bytes(base)
            if free is not None and free < need:
                tried.append(f"{base} ({free / 2**20:.1f} MB free, {need / 2**20:.1f} MB needed)")
                continue
            target = base / f"{self.run.path.name}-rescued-{time.strftime('%Y%m%d-%H%M%S')}"
            original = self.run.path
            self.close()
            how = None
            try:
                how = self.run.relocate(target)
                self._lock(self.run.path)
                self.save(status)
                return self.run.path
            except (RunError, OSError) as exc:
                tried.append(f"{base} ({exc})")
                if self.run.path != original and how == "moved":    # a scratch run was moved: move it back
                    self.close()
                    try:
                        shutil.move(str(self.run.path), str(original))
                        self.run.path = original
                    except OSError:
                        pass        # it stays (whole) at the new place, which `self.run.path` names
                elif self.run.path != original:     # copied, then the save failed there: drop the copy
                    shutil.rmtree(self.run.path, ignore_errors=True)
                    self.close()
                    self.run.path = original
                else:
                    shutil.rmtree(target, ignore_errors=True)
                try:
                    self._lock(self.run.path)       # the original folder (or a moved run that could not go back)
                except Exception:  # noqa: BLE001 - someone else holds it now: keep trying the places
                    self.lock = None
        raise RunError("the run could not be saved anywhere else either: " + "; ".join(tried or ["no place to try"]))

    def mark_diverged(self) -> int:
        """After a divergence: record it in run.json without writing the non-finite weights.

        The run keeps its last good checkpoint; returns that checkpoint's step."""
        if self.run is None:
            raise RuntimeError("this session has no run folder")
        return self.run.mark_status("diverged")

    def run_for(self, max_steps: int = 0, max_seconds: float = 0.0, chunk: int = 10, on_update=None, should_stop=None) -> None:
        """Plain loop used by the CLI and benchmarks: advance until a limit, the config target or `should_stop()`.

        With a time limit the chunks shrink to what fits in the time left (measured from the last
        chunk), so the limit is kept to about one step."""
        import math

        if max_steps < 0 or not math.isfinite(max_seconds) or max_seconds < 0:
            raise ValueError(f"the step and time limits must be finite and not negative "
                             f"(got {max_steps} steps, {max_seconds} s)")
        start_step, start = self.step, time.perf_counter()
        per_step = 0.0
        while True:
            if should_stop is not None and should_stop():
                break
            if max_steps and self.step - start_step >= max_steps:
                break
            now = time.perf_counter()
            if max_seconds and now - start >= max_seconds:
                break
            n = chunk if not max_steps else min(chunk, max_steps - (self.step - start_step))
            if max_seconds and per_step > 0:
                n = max(1, min(n, int((max_seconds - (now - start)) / per_step)))
            before = self.step
            update = self.advance(n)
            if self.step > before:
                per_step = (time.perf_counter() - now) / (self.step - before)
            if on_update is not None:
                on_update(update)
            if update.finished or not update.records:
                break

    def describe(self) -> str:
        return self.dataset.name


_NOT_SAVED_TITLES = {"checkpoint": "Autosave failed", "snapshot": "Snapshot not saved",
                     "grid": "Progress grid not saved", "metrics": "Metrics not written",
                     "quality": "Quality check not written"}


FIRST_SAVE_SECONDS = 10.0


def not_saved_warning(step: int, message: str, what: str, kept_step: int):
    """A failed write during training as a warning (kind "not-saved"): what failed, why, and that nothing
    trained is lost yet."""
    from .diagnostics import TrainingWarning

    kept = f"the run folder's last good save is at step {kept_step:,}" if kept_step else "the run has no save yet"
    advice = (f"Training goes on and keeps its state in memory; it tries again later ({kept}). "
              f"Free some space (or fix the folder) so the next save can succeed.")
    text = message if message.endswith((".", "!", "?")) else message + "."
    return TrainingWarning("not-saved", int(step), _NOT_SAVED_TITLES.get(what, "Not saved"), text, advice)


def rescue_places() -> list[Path]:
    """Where a run that cannot be written in its own folder is saved instead, in order: the per-user
    folder (`rescued/` beside the runs), then the system temp folder."""
    import tempfile

    from ...paths import user_data_dir

    places = []
    try:
        places.append(user_data_dir() / "rescued")
    except OSError:
        pass
    places.append(Path(tempfile.gettempdir()) / "gan-studio-rescued")
    return places


def _folder_bytes(path) -> int:
    from ..run_folders.library import folder_usage

    return folder_usage(path)[0]


def _state_nbytes(trainer) -> int:
    """About the size of a checkpoint of `trainer` (its tensors' bytes)."""
    state = trainer.state()
    return sum(v.numel() * v.element_size() for half in ("weights", "optim") for v in state[half].values())
