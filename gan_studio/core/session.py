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

from .config import ExperimentConfig
from .runs import RunFolder
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


class TrainingSession:
    def __init__(self, config: ExperimentConfig, run_dir=None, dataset=None, device: str | None = None, progress=None):
        from .data import load_dataset

        config.check()
        self.dataset = dataset or load_dataset(config.data, config.model.image_size, config.model.channels, progress=progress)
        train = self.dataset.train
        self.trainer = Trainer(config, train.images, train.labels, device=device)
        self.run: RunFolder | None = None
        if run_dir is not None:
            self.run = RunFolder.create(run_dir, config, self.dataset.identity)
        self._last_snapshot_step = -1
        self._last_save_step = 0

    @classmethod
    def resume(cls, run_dir, device: str | None = None, overrides: dict | None = None, progress=None) -> "TrainingSession":
        """Re-open a run folder and continue exactly where it stopped."""
        run = RunFolder.open(run_dir)
        config = run.config
        if overrides:
            config = config.replace(train=config.train.replace(**overrides))
        session = cls(config, None, device=device, progress=progress)
        session.run = run
        if run.has_checkpoint():
            run.restore(session.trainer)
        session._last_save_step = session.trainer.step_count
        return session

    @property
    def config(self) -> ExperimentConfig:
        return self.trainer.config

    @property
    def step(self) -> int:
        return self.trainer.step_count

    def attach_run(self, run_dir) -> RunFolder:
        """Give an unsaved session a run folder ("Save as…") and write everything so far."""
        self.run = RunFolder.create(run_dir, self.config, self.dataset.identity)
        self.save()
        return self.run

    def advance(self, steps: int = 1) -> SessionUpdate:
        """Run up to `steps` steps (fewer if the target is reached) and flush their metrics."""
        t = self.trainer
        update = SessionUpdate()
        for _ in range(steps):
            if t.target_reached():
                break
            t.step()
        update.records = t.flush()
        if self.run is not None:
            self.run.append_metrics(update.records)
        every = self.config.train.sample_every
        if t.step_count // every != self._last_snapshot_step // every or self._last_snapshot_step < 0:
            update.snapshot = self.snapshot()
        ck = self.config.train.checkpoint_every
        if self.run is not None and ck > 0 and t.step_count - self._last_save_step >= ck:
            self.save("running")
            update.saved = True
        update.finished = t.target_reached()
        return update

    def snapshot(self) -> Snapshot:
        images = self.trainer.fixed_samples()
        self._last_snapshot_step = self.trainer.step_count
        if self.run is not None:
            self.run.save_grid(self.trainer.step_count, images)
        return Snapshot(self.trainer.step_count, images)

    def save(self, status: str = "paused") -> list[StepRecord]:
        """Checkpoint now; returns metric rows of steps not yet flushed (already written to the run)."""
        if self.run is None:
            raise RuntimeError("this session has no run folder yet; use attach_run")
        records = self.trainer.flush()
        self.run.append_metrics(records)
        self.run.save_checkpoint(self.trainer, status=status)
        self._last_save_step = self.trainer.step_count
        return records

    def run_for(self, max_steps: int = 0, max_seconds: float = 0.0, chunk: int = 10, on_update=None, should_stop=None) -> None:
        """Plain loop used by the CLI and benchmarks: advance until a limit, the config target or `should_stop()`."""
        start_step, start = self.step, time.perf_counter()
        while True:
            if should_stop is not None and should_stop():
                break
            if max_steps and self.step - start_step >= max_steps:
                break
            if max_seconds and time.perf_counter() - start >= max_seconds:
                break
            n = chunk if not max_steps else min(chunk, max_steps - (self.step - start_step))
            update = self.advance(n)
            if on_update is not None:
                on_update(update)
            if update.finished or not update.records:
                break

    def describe(self) -> str:
        return self.dataset.name
