"""Background training: a `TrainingWorker` in a `QThread`, owned by a `TrainingController`.

The worker builds (or receives) a `TrainingSession` inside its thread and runs
it in chunks sized to take ~30–60 ms each.  Between chunks it looks at its
control flags (pause, stop, single step, slow-motion delay, queued
hyper-parameter changes, save requests), all guarded by one
`threading.Condition`, so the GUI never waits on the training thread.

Everything crossing the thread boundary is plain Python / numpy: metric rows
as dicts, progress grids as uint8 arrays.  Metric rows are batched and emitted
at most ~15 times a second.

The controller lives in the GUI thread.  It creates one worker + thread per
"Train" press, keeps the `TrainingSession` between runs (so Train continues
where Stop left off, and saving / the gallery can use it while idle) and makes
sure no thread outlives it.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

# Imported here, in the GUI thread: importing torch for the first time inside the
# worker thread would stall it behind the GUI's hold on the interpreter.
from ..core.data import DatasetCancelled, load_dataset
from ..core.device import cpu_threads, set_threads
from ..core.session import TrainingSession
from ..core.trainer import TrainingDiverged

EMIT_INTERVAL = 1 / 15          # seconds between metric batches
CHUNK_SECONDS = 0.045           # target duration of one session.advance(k)
MAX_CHUNK = 1000
ROLLBACK_INTERVAL = 1.0         # seconds between in-memory "last good state" copies
GIL_SWITCH_INTERVAL = 0.001     # seconds; see TrainingController.__init__
SCRATCH_FOLDER = ".unsaved"     # under runs_dir(): runs nobody has saved yet


def scratch_root() -> Path:
    from ..paths import runs_dir

    return runs_dir() / SCRATCH_FOLDER


def new_scratch_dir() -> Path:
    """A fresh folder for a run that is not saved yet: metrics and grids are written as training goes."""
    import os

    return scratch_root() / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.perf_counter_ns() % 10**6}"


def is_scratch(path) -> bool:
    try:
        return Path(path).resolve().parent == scratch_root().resolve()
    except OSError:
        return False


def save_session(session, path=None, status: str = "paused") -> Path:
    """Checkpoint `session`; with `path`, first move its (scratch) run folder there.

    Run this only where no other thread uses the session (the worker between
    chunks, or the GUI thread while no worker runs)."""
    import shutil

    from ..core.runs import RunError

    if session.run is None:
        if path is None:
            raise RunError("this experiment has no run folder yet; choose one with Save as…")
        session.attach_run(path)
        return session.run.path
    if path is not None and Path(path).resolve() != session.run.path.resolve():
        target = Path(path)
        if target.exists():
            if not target.is_dir() or any(target.iterdir()):
                raise RunError(f"{target} already exists and is not an empty folder; choose a new name")
            target.rmdir()
        session.save(status)  # everything on disk first, then move the whole folder
        if is_scratch(session.run.path):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(session.run.path), str(target))
            session.run.path = target
        else:  # "Save as" a copy of a saved run: copy it, continue in the copy
            shutil.copytree(session.run.path, target)
            session.run.path = target
    session.save(status)
    return session.run.path


class _Rollback:
    """An in-memory copy of the trainer's state, to undo a divergence."""

    def __init__(self, trainer):
        self.state = trainer.capture()
        self.step = self.state["step"]

    def restore(self, trainer) -> None:
        lrs = (trainer.config.train.lr_g, trainer.config.train.lr_d)
        trainer.restore(self.state)
        # Keep the current (possibly lowered) learning rates, not the ones of the copy.
        trainer.set_hparams(lr_g=lrs[0], lr_d=lrs[1])


class TrainingWorker(QObject):
    """Runs one training run in its thread.  Control methods are thread-safe."""

    metrics = Signal(list)              # list[dict] (StepRecord.to_dict rows)
    snapshot = Signal(int, object)      # step, uint8 (N, H, W, C)
    status = Signal(str)
    diverged = Signal(str)              # advice
    rolledBack = Signal(int)            # step the state was rolled back to after a divergence
    failed = Signal(str)
    finished = Signal(str)              # "stopped", "target", "failed"
    saved = Signal(str)                 # run folder path
    ready = Signal(object)              # the TrainingSession, once built
    pausedChanged = Signal(bool)
    done = Signal()                     # run() returned; the thread may quit

    def __init__(self, config=None, session=None, resume_dir=None, *, run_dir=None, start_paused: bool = False,
                 target_steps: int = 0, target_seconds: float = 0.0, hparams: dict | None = None,
                 threads: int | None = None, device: str | None = None):
        super().__init__()
        if config is None and session is None and resume_dir is None:
            raise ValueError("TrainingWorker needs a config, a session or a run folder")
        self._config = config
        self.session = session
        self._resume_dir = resume_dir
        self._run_dir = run_dir           # where a new session writes (a scratch folder until saved)
        self._threads = threads
        self._device = device
        self._cond = threading.Condition()
        self._paused = start_paused
        self._stop = False
        self._step_requests = 0
        self._delay = 0.0
        self._hparams: dict = dict(hparams or {})
        self._saves: list = []
        self._target_steps = int(target_steps)        # steps to train in this run (0: no limit)
        self._target_seconds = float(target_seconds)  # seconds of training in this run (0: no limit)
        self.start_step = 0
        self.start_elapsed = 0.0

    # ----------------------------------------------------------- control (any thread)
    def pause(self) -> None:
        with self._cond:
            self._paused = True
            self._cond.notify_all()

    def resume(self) -> None:
        with self._cond:
            self._paused = False
            self._cond.notify_all()

    def request_step(self, n: int = 1) -> None:
        """While paused: run exactly n more steps."""
        with self._cond:
            self._step_requests += int(n)
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify_all()

    def set_delay(self, seconds: float) -> None:
        with self._cond:
            self._delay = max(0.0, float(seconds))
            self._cond.notify_all()

    def set_hparams(self, **changes) -> None:
        with self._cond:
            self._hparams.update({k: v for k, v in changes.items() if v is not None})
            self._cond.notify_all()

    def set_target(self, steps: int = 0, seconds: float = 0.0) -> None:
        with self._cond:
            self._target_steps, self._target_seconds = int(steps), float(seconds)

    def request_save(self, path=None) -> None:
        """Save between chunks; `path` gives an unsaved session its run folder."""
        with self._cond:
            self._saves.append(path)
            self._cond.notify_all()

    @property
    def is_paused(self) -> bool:
        with self._cond:
            return self._paused

    def stopping(self) -> bool:
        return self._stop

    def thread_count(self, configured: int) -> int:
        if self._threads is not None:
            return self._threads
        return configured if configured > 0 else max(1, cpu_threads() - 1)

    # ------------------------------------------------------------------ the thread
    @Slot()
    def run(self) -> None:
        reason = "stopped"
        try:
            reason = self._run()
        except Exception as exc:  # noqa: BLE001 - every failure is reported, never raised into Qt
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            self.failed.emit(detail if str(exc) else f"{type(exc).__name__}\n{traceback.format_exc()}")
            reason = "failed"
        finally:
            self.finished.emit(reason)
            self.done.emit()

    def _build(self):
        if self.session is not None:
            return self.session
        if self._resume_dir is not None:
            self.status.emit(f"Loading run {Path(self._resume_dir).name}…")
            return TrainingSession.resume(self._resume_dir, device=self._device)
        cfg = self._config.check()
        self.status.emit("Loading dataset…")
        try:
            dataset = load_dataset(cfg.data, cfg.model.image_size, cfg.model.channels, cancel=self.stopping)
        except DatasetCancelled:
            return None
        self.status.emit("Building the networks…")
        return TrainingSession(cfg, run_dir=self._run_dir, dataset=dataset, device=self._device)

    def _run(self) -> str:
        set_threads(self.thread_count(self._config.train.threads if self._config is not None else 0))
        session = self._build()
        if session is None or self._stop:
            if session is not None:
                self.session = session
                self.ready.emit(session)
            return "stopped"
        self.session = session
        trainer = session.trainer
        # Building the trainer set the config's thread count; in the GUI, "all cores" means all but one,
        # so the event loop keeps a core and torch's threads are not preempted mid-operation.
        trainer.threads = set_threads(self.thread_count(session.config.train.threads))
        self.start_step, self.start_elapsed = trainer.step_count, trainer.elapsed
        self.ready.emit(session)
        if session.step == 0:
            first = session.snapshot()
            self.snapshot.emit(first.step, first.images)

        buffered: list[dict] = []
        pending_snapshot = None
        last_emit = 0.0
        chunk = 1
        rollback = _Rollback(trainer)
        last_rollback = time.perf_counter()
        was_paused = None

        def emit_now():
            nonlocal buffered, pending_snapshot, last_emit
            if buffered:
                self.metrics.emit(buffered)
                buffered = []
            if pending_snapshot is not None:
                self.snapshot.emit(pending_snapshot.step, pending_snapshot.images)
                pending_snapshot = None
            last_emit = time.perf_counter()

        while True:
            with self._cond:
                if self._paused and was_paused is not True:
                    emit_now()
                while self._paused and not (self._stop or self._step_requests or self._saves or self._hparams):
                    if was_paused is not True:
                        self.pausedChanged.emit(True)
                        self.status.emit(f"Paused at step {trainer.step_count:,}")
                        was_paused = True
                    self._cond.wait(0.25)
                if not self._paused and was_paused is not False:
                    self.pausedChanged.emit(False)
                    was_paused = False
                stop = self._stop
                stepping = self._paused and self._step_requests > 0
                if stepping:
                    self._step_requests -= 1
                hparams, self._hparams = self._hparams, {}
                saves, self._saves = self._saves, []
                delay = self._delay
                target_steps, target_seconds = self._target_steps, self._target_seconds
            if stop:
                break
            if hparams:
                try:
                    trainer.set_hparams(**hparams)
                    self.status.emit("Applied " + ", ".join(f"{k} = {v:g}" if isinstance(v, float) else f"{k} = {v}"
                                                           for k, v in hparams.items()))
                except Exception as exc:  # noqa: BLE001 - an invalid value must not end the run
                    self.status.emit(f"Could not apply {', '.join(hparams)}: {exc}")
            for path in saves:
                emit_now()
                self._save(session, path)
            if self._paused and not stepping:
                continue
            if delay > 0 and not stepping:
                with self._cond:
                    self._cond.wait(delay)
                    if self._stop:
                        break

            # How many steps this chunk.
            n = 1 if (stepping or delay > 0) else chunk
            if target_steps > 0:
                left = self.start_step + target_steps - trainer.step_count
                if left <= 0:
                    emit_now()
                    self.status.emit(f"Reached the target of {target_steps:,} steps")
                    return "target"
                n = min(n, left)
            if target_seconds > 0 and trainer.elapsed - self.start_elapsed >= target_seconds:
                emit_now()
                self.status.emit(f"Reached the time target at step {trainer.step_count:,}")
                return "target"

            t0 = time.perf_counter()
            try:
                update = session.advance(n)
            except TrainingDiverged as exc:
                rollback.restore(trainer)
                if session.run is not None:
                    session.run.truncate_metrics(rollback.step)
                with self._cond:
                    self._paused = True
                    self._step_requests = 0
                buffered = [r for r in buffered if r["step"] <= rollback.step]
                emit_now()
                self.rolledBack.emit(rollback.step)
                self.diverged.emit(f"{exc.advice}\n\nThe networks were rolled back to step {rollback.step:,}, "
                                   "the last healthy state.")
                continue
            dt = time.perf_counter() - t0
            if not (stepping or delay > 0) and update.records:
                per_step = dt / len(update.records)
                chunk = max(1, min(MAX_CHUNK, int(CHUNK_SECONDS / max(per_step, 1e-6))))
            buffered.extend(r.to_dict() for r in update.records)
            if update.snapshot is not None:
                pending_snapshot = update.snapshot
            if update.saved and session.run is not None and not is_scratch(session.run.path):
                self.saved.emit(str(session.run.path))
            now = time.perf_counter()
            if now - last_rollback >= ROLLBACK_INTERVAL:
                rollback = _Rollback(trainer)
                last_rollback = now
            if stepping or delay > 0 or now - last_emit >= EMIT_INTERVAL:
                emit_now()
            if update.finished:
                emit_now()
                return "target"
            if not update.records:
                emit_now()
                return "target"
        emit_now()
        return "stopped"

    def _save(self, session, path) -> None:
        try:
            where = save_session(session, path, "paused" if self._paused else "running")
            self.saved.emit(str(where))
        except Exception as exc:  # noqa: BLE001
            self.failed.emit(f"Saving failed: {exc}")


class TrainingController(QObject):
    """GUI-thread owner of the training thread; re-emits the worker's signals.

    `state` is one of "idle", "loading", "running", "paused".
    """

    metrics = Signal(list)
    snapshot = Signal(int, object)
    status = Signal(str)
    diverged = Signal(str)
    rolledBack = Signal(int)
    failed = Signal(str)
    finished = Signal(str)
    saved = Signal(str)
    sessionReady = Signal(object)
    stateChanged = Signal(str)

    def __init__(self, parent=None, threads: int | None = None):
        super().__init__(parent)
        # The GUI thread waits for the interpreter lock after every Qt call that released it (painting,
        # text layout).  With Python's default 5 ms switch interval the training thread keeps it for up
        # to 5 ms each time, which adds up to 50–100 ms stalls per repaint; 1 ms keeps the GUI fluid.
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL))
        self.session = None
        self.threads = threads
        self._worker: TrainingWorker | None = None
        self._thread: QThread | None = None
        self._state = "idle"
        self._delay = 0.0
        self.saved_step = 0          # step of the last save (dirty when the session is past it)
        self.last_step = 0

    # --------------------------------------------------------------------- state
    @property
    def state(self) -> str:
        return self._state

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.stateChanged.emit(state)

    def is_active(self) -> bool:
        return self._thread is not None

    @property
    def worker(self) -> TrainingWorker | None:
        return self._worker

    @property
    def dirty(self) -> bool:
        """Trained steps that are not in a saved run."""
        return self.session is not None and self.last_step > self.saved_step

    @property
    def run_path(self) -> Path | None:
        """The saved run folder (None while the run only lives in a scratch folder)."""
        path = self.session.run.path if self.session is not None and self.session.run is not None else None
        return None if path is None or is_scratch(path) else path

    # ------------------------------------------------------------------- control
    def start(self, config=None, resume_dir=None, *, paused: bool = False, target_steps: int = 0,
              target_seconds: float = 0.0, hparams: dict | None = None, device: str | None = None) -> None:
        """Start a thread: continue the current session, resume a run folder or build a new session."""
        if self._thread is not None:
            if paused:
                self._worker.pause()
            else:
                self._worker.resume()
            return
        if resume_dir is not None:
            self.session = None
            self.saved_step = self.last_step = 0
        run_dir = new_scratch_dir() if (self.session is None and resume_dir is None) else None
        worker = TrainingWorker(config=config if self.session is None else None, session=self.session,
                                resume_dir=resume_dir if self.session is None else None, run_dir=run_dir,
                                start_paused=paused,
                                target_steps=target_steps, target_seconds=target_seconds, hparams=hparams,
                                threads=self.threads, device=device)
        worker.set_delay(self._delay)
        thread = QThread()
        thread.setObjectName("gan-studio-training")
        worker.moveToThread(thread)
        worker.metrics.connect(self._on_metrics)
        worker.snapshot.connect(self.snapshot)
        worker.status.connect(self.status)
        worker.diverged.connect(self._on_diverged)
        worker.rolledBack.connect(self._on_rolled_back)
        worker.failed.connect(self.failed)
        worker.saved.connect(self._on_saved)
        worker.ready.connect(self._on_ready)
        worker.pausedChanged.connect(self._on_paused)
        worker.finished.connect(self._on_finished)
        worker.done.connect(thread.quit, Qt.ConnectionType.DirectConnection)  # the GUI may be blocked in wait()
        thread.started.connect(worker.run)
        thread.finished.connect(lambda t=thread: self._on_thread_finished(t))
        self._worker, self._thread = worker, thread
        self._set_state("loading" if self.session is None else ("paused" if paused else "running"))
        thread.start()

    def pause(self) -> None:
        if self._worker is not None:
            self._worker.pause()

    def resume(self) -> None:
        if self._worker is not None:
            self._worker.resume()

    def toggle_pause(self) -> None:
        if self._worker is None:
            return
        if self._worker.is_paused:
            self._worker.resume()
        else:
            self._worker.pause()

    def step(self, n: int = 1) -> None:
        """Exactly n more steps (pauses a running worker first)."""
        if self._worker is None:
            return
        self._worker.pause()
        self._worker.request_step(n)

    def set_delay(self, seconds: float) -> None:
        self._delay = max(0.0, float(seconds))
        if self._worker is not None:
            self._worker.set_delay(self._delay)

    def set_hparams(self, **changes) -> None:
        """Queue changes for the running worker, or apply them now to an idle session."""
        if self._worker is not None:
            self._worker.set_hparams(**changes)
        elif self.session is not None:
            self.session.trainer.set_hparams(**changes)

    def save(self, path=None) -> bool:
        """Save the session (to `path` if given); True when done synchronously."""
        if self.session is None and self._worker is None:
            raise RuntimeError("there is nothing to save yet: train first")
        if self._worker is not None and self._thread is not None and self._thread.isRunning():
            self._worker.request_save(path)
            return False
        where = save_session(self.session, path)
        self._on_saved(str(where))
        return True

    def stop(self, wait: bool = True, timeout: float = 5.0) -> bool:
        """Ask the worker to stop; with `wait`, block until its thread ended (True if it did)."""
        if self._thread is None:
            return True
        self._worker.stop()
        if not wait:
            return False
        ok = self._thread.wait(int(timeout * 1000))
        if ok:
            self._on_thread_finished(self._thread)
        return ok

    def discard(self) -> None:
        """Stop and forget the session (New experiment / Open run); an unsaved scratch folder is deleted."""
        import shutil

        self.stop(wait=True)
        if self.session is not None and self.session.run is not None and is_scratch(self.session.run.path):
            shutil.rmtree(self.session.run.path, ignore_errors=True)
        self.session = None
        self.saved_step = self.last_step = 0
        self._set_state("idle")

    # -------------------------------------------------------------------- slots
    def _on_metrics(self, rows: list) -> None:
        if rows:
            self.last_step = int(rows[-1]["step"])
        self.metrics.emit(rows)

    def _on_ready(self, session) -> None:
        self.session = session
        if self.run_path is not None and self.saved_step == 0:
            self.saved_step = session.step
        self.last_step = max(self.last_step, session.step)
        if self._worker is not None:
            self._set_state("paused" if self._worker.is_paused else "running")
        self.sessionReady.emit(session)

    def _on_paused(self, paused: bool) -> None:
        if self._thread is not None:
            self._set_state("paused" if paused else "running")

    def _on_saved(self, path: str) -> None:
        if self.session is not None and not is_scratch(path):
            self.saved_step = self.session.step
        self.saved.emit(path)

    def _on_diverged(self, advice: str) -> None:
        self._set_state("paused")
        self.diverged.emit(advice)

    def _on_rolled_back(self, step: int) -> None:
        self.last_step = step
        self.rolledBack.emit(step)

    def _on_finished(self, reason: str) -> None:
        self.finished.emit(reason)

    def _on_thread_finished(self, thread) -> None:
        if thread is None or thread is not self._thread:
            return  # an earlier run's thread, already cleaned up by stop()
        worker = self._worker
        if worker is not None and worker.session is not None and self.session is None:
            self.session = worker.session
        self._thread = self._worker = None
        thread.wait()
        worker.deleteLater()
        thread.deleteLater()
        self._set_state("idle")
