"""The training process's side: `TrainingLoop` reads commands, drives a TrainingSession, sends events.

Spawned by `core/training/process.py` (`TrainingProcess.start` → `child_main`); the messages are
the dataclasses of `core/training/protocol.py`, whose docstring lists them.  The loop dispatches
each command through its `handlers` ({command class: method}, checked at start-up), runs
training in chunks of ~45 ms between reads of the command pipe, batches metrics, keeps an
in-memory copy of the last healthy state to roll back to on divergence, and saves the run
when the window goes away.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections import deque
from pathlib import Path

from . import protocol as P
from ..config import field_label, get_value
from ..messages import Message

EMIT_INTERVAL = 1 / 20          # seconds between metric batches
CHUNK_SECONDS = 0.045           # target duration of one session.advance(k)
MAX_CHUNK = 1000
ROLLBACK_INTERVAL = 5.0         # seconds between in-memory "last good state" copies (a deep copy of the networks and
                                # optimizers, ~8 ms: 0.8 % of training time once a second); a divergence loses at
                                # most these seconds of steps
IDLE_POLL = 0.25                # seconds the idle loop waits for a command
PARENT_CHECK = 2.0              # seconds between checks that the window still exists
CANCELS_LOADING = (P.Stop, P.Discard, P.Quit, P.ParentGone, P.Load)    # waiting in the pipe, they cancel a load


class _Quit(Exception):
    pass


class TrainingLoop:
    """The training process's side: reads commands, drives a TrainingSession, sends events."""

    def __init__(self, commands, events, parent_pid: int | None = None):
        self.commands = commands
        self.events = events
        self.parent_pid = parent_pid
        self.session = None
        self.running = False
        self.paused = False
        self.step_requests = 0
        self.delay = 0.0
        self.target_steps = 0
        self.target_seconds = 0.0
        self.start_step = 0
        self.start_elapsed = 0.0
        self.queue: deque[P.Command] = deque()
        self._chunk = 1
        self._buffer: list[dict] = []
        self._pending_snapshot = None
        self._last_emit = 0.0
        self._rollback = None
        self._last_rollback = 0.0
        self._last_parent_check = time.monotonic()
        self._load_failed = False       # the last load failed or was cancelled: nothing is loaded
        self._save_failed = False       # a write failed (NotSaved sent, paused): Resume saves again first
        self._resources = (None, 0, 0.0)    # the last load's (threads, max_threads, quality): a reload keeps them
        self._probe_every = 0.0         # seconds between `Probe` events (0: none)
        self._probe_n = 4
        self._last_probe = 0.0
        self.handlers = P.check_handlers({
            P.Load: self._on_load, P.Branch: self._on_branch, P.Train: self._on_train, P.Apply: self._on_apply,
            P.ApplyLive: self._on_apply_live, P.Pause: self._on_pause, P.Resume: self._on_resume,
            P.Step: self._on_step, P.Stop: self._on_stop, P.SetDelay: self._on_set_delay, P.Save: self._on_save,
            P.RequestGenerator: self._on_request_generator, P.SetProbe: self._on_set_probe,
            P.Discard: self._on_discard, P.Quit: self._on_quit, P.ParentGone: self._on_parent_gone,
        }, P.Command)

    # ---------------------------------------------------------------- io
    def send(self, event: P.Event) -> None:
        try:
            self.events.send(event)
        except (BrokenPipeError, EOFError, OSError):
            # The window died: usually this write notices first (training sends every ~70 ms),
            # before the command pipe's end of file does.  Keep the work, then exit.
            self._on_parent_gone(P.ParentGone())

    def _read(self, timeout: float) -> None:
        """Queue every command available within `timeout` seconds."""
        try:
            if self.commands.poll(timeout):
                while True:
                    self.queue.append(self.commands.recv())
                    if not self.commands.poll(0):
                        break
        except (EOFError, OSError):
            self.queue.append(P.ParentGone())
        now = time.monotonic()
        if self.parent_pid and now - self._last_parent_check > PARENT_CHECK:
            self._last_parent_check = now
            if os.getppid() != self.parent_pid:   # POSIX: re-parented once the window died
                self.queue.append(P.ParentGone())

    def _cancel_requested(self) -> bool:
        """For dataset loading: a stop, discard, quit or another load waiting in the pipe cancels it."""
        self._read(0)
        return any(isinstance(c, CANCELS_LOADING) for c in self.queue)

    # -------------------------------------------------------------- main loop
    def serve(self) -> None:
        import torch

        try:
            # A window that died while torch was importing is noticed here (the pipe is broken): _Quit, quietly.
            self.send(P.Hello(pid=os.getpid(), torch=str(torch.__version__)))   # str: a TorchVersion would import torch in the window to unpickle
            while True:
                busy = self.running and (not self.paused or self.step_requests > 0)
                wait = 0.0 if busy and self.delay == 0 else (self.delay if busy else IDLE_POLL)
                self._read(wait)
                while self.queue:
                    self._handle(self.queue.popleft())
                if self.running and (not self.paused or self.step_requests > 0):
                    self._chunk_once()
        except _Quit:
            pass

    def _handle(self, command) -> None:
        try:
            P.dispatch(self.handlers, command)
        except _Quit:
            raise
        except P.UnknownMessage as exc:
            self.send(P.Failed(message=f"unknown command: {exc}", detail=""))
        except Exception as exc:  # noqa: BLE001 - every failure is reported to the window, never fatal
            self.send(P.Failed(message=str(exc) or type(exc).__name__,
                               detail="".join(traceback.format_exception(type(exc), exc, exc.__traceback__))))
            if isinstance(command, (P.Load, P.Train)):
                self._stop_running("failed")

    # ---------------------------------------------------------------- commands
    def _on_load(self, cmd: P.Load) -> None:
        from ..config import CONTINUE, ExperimentConfig, field_keys, get_value
        from ..data import DatasetCancelled, load_dataset
        from .session import TrainingSession

        self._drop_session(delete_scratch=False)
        self._load_failed = True        # until the session is in place (an error or a cancel leaves it set)
        self._resources = (cmd.threads, cmd.max_threads, cmd.quality)
        if cmd.resume is not None:
            self.send(P.Status(text=Message("Loading run {name}…", name=Path(cmd.resume).name)))
            overrides = None
            if cmd.config is not None:
                cfg = ExperimentConfig.from_dict(cmd.config)
                # What may change when a run continues (field metadata): device, threads, targets, intervals.
                overrides = {k.split(".", 1)[1]: get_value(cfg, k) for k in field_keys(change=CONTINUE)}
            try:
                session = TrainingSession.resume(cmd.resume, overrides=overrides, cancel=self._cancel_requested)
            except DatasetCancelled:
                self._send_state()
                return
            if cmd.config is not None:
                session.apply(ExperimentConfig.from_dict(cmd.config))
        else:
            cfg = ExperimentConfig.from_dict(cmd.config).check()
            self.send(P.Status(text=Message("Loading dataset…")))
            try:
                dataset = load_dataset(cfg.data, cfg.model.image_size, cfg.model.channels,
                                       cancel=self._cancel_requested)
            except DatasetCancelled:
                self._send_state()
                return
            self.send(P.Status(text=Message("Building the networks…")))
            session = TrainingSession(cfg, run_dir=cmd.run_dir, dataset=dataset)
        self._install(session)

    def _install(self, session) -> None:
        from .device import choose_threads, set_threads

        # An explicit count, else the best of up to `max_threads` measured here (0: every core).
        threads, max_threads, quality = self._resources
        session.trainer.threads = set_threads(threads if threads else choose_threads(max_threads or 0))
        session.on_save_failure = "warn"    # a failed write pauses training (NotSaved); it never ends the process
        self._save_failed = False
        if quality:
            session.enable_quality(every=float(quality))
        self.session = session
        self._load_failed = False
        self._send_ready()
        if session.step == 0:
            first = session.snapshot()
            self.send(P.Snapshot(step=first.step, images=first.images))
        if self._probe_every > 0:
            self._send_probe()

    def _on_branch(self, cmd: P.Branch) -> None:
        from ..data import DatasetCancelled
        from .session import TrainingSession

        if self.session is not None and self.session.run is not None and self.session.step > 0:
            self._stop_running("stopped")
            self.session.save("paused")
        self._drop_session(delete_scratch=False)
        self._load_failed = True
        self._resources = (cmd.threads, cmd.max_threads, cmd.quality)
        self.send(P.Status(text=Message("Branching from {name} at step {step}…", name=Path(cmd.parent).name,
                                           step=f"{int(cmd.step):,}")))
        try:
            session = TrainingSession.branch(cmd.parent, int(cmd.step), cmd.run_dir, cmd.changes or {},
                                             cancel=self._cancel_requested, restart=bool(cmd.restart))
        except DatasetCancelled:
            self._send_state()
            return
        self._install(session)
        first = session.snapshot()
        self.send(P.Snapshot(step=first.step, images=first.images))

    def _send_ready(self) -> None:
        from .snapshots import lineage

        s, t = self.session, self.session.trainer
        store = s.state_snapshots()
        self.send(P.Ready(step=t.step_count, elapsed=t.elapsed,
                          run=str(s.run.path) if s.run is not None else None,
                          dataset=s.dataset.name, notes=list(s.dataset.notes),
                          class_names=list(s.dataset.train.class_names or []),
                          device=str(t.device), threads=t.threads, config=s.config.to_dict(),
                          quality=s.quality is not None, quality_note=s.quality_note,
                          lineage=lineage(s.run.info) if s.run is not None else None,
                          snapshots=[i.to_dict() for i in store.list()] if store is not None else []))

    def _send_snapshots(self) -> None:
        from .snapshots import total_bytes

        store = self.session.state_snapshots() if self.session is not None else None
        items = store.list() if store is not None else []
        self.send(P.Snapshots(items=[i.to_dict() for i in items], total_bytes=total_bytes(items)))

    def _need_session(self):
        if self.session is None:
            raise RuntimeError("nothing is loaded in the training process")
        return self.session

    def _on_train(self, cmd: P.Train) -> None:
        if self.session is None and self._load_failed:
            return      # the window queued this behind a load that failed (already reported) or was cancelled
        session = self._need_session()
        self.target_steps, self.target_seconds = int(cmd.target_steps), float(cmd.target_seconds)
        self.start_step, self.start_elapsed = session.trainer.step_count, session.trainer.elapsed
        self.running, self.paused, self.step_requests = True, bool(cmd.paused), 0
        self._rollback = None
        self._chunk = 1
        if self._save_failed and not self.paused and not self._save_again():
            self.paused = True          # the run folder still refuses the save: wait, the state in memory
        self._send_state()

    def _on_apply(self, cmd: P.Apply) -> None:
        from ..config import ExperimentConfig

        session = self._need_session()
        cfg = ExperimentConfig.from_dict(cmd.config)
        threads_before = session.config.train.threads
        reload = session.apply(cfg)
        if reload:   # another device: save, then reopen the run on it with the resources of the last load
            threads, max_threads, quality = self._resources
            if cfg.train.threads != threads_before:     # a thread count chosen with the device (0: measure)
                threads = cfg.train.threads or None
            path = session.run.path
            session.save("paused")
            self._on_load(P.Load(resume=str(path), config=cmd.config, threads=threads,
                                 max_threads=max_threads, quality=quality))
            return
        self.send(P.Applied(config=session.config.to_dict()))

    def _on_apply_live(self, cmd: P.ApplyLive) -> None:
        self._need_session().trainer.apply_live(cmd.changes)
        self.send(P.Status(text=Message("Applied {changes}", changes=", ".join(   # "generator LR 0.03", not "lr_g"
            f"{field_label(k)} {v:g}" if isinstance(v, float) else f"{field_label(k)} {v}"
            for k, v in cmd.changes.items()))))

    def _on_pause(self, cmd: P.Pause) -> None:
        if self.running and not self.paused:
            self.paused = True
            self._flush_events()
            self._send_state()

    def _on_resume(self, cmd: P.Resume) -> None:
        if self.running and self.paused:
            if self._save_failed and not self._save_again():
                self._send_state()      # still paused: the state stays in memory
                return
            self.paused = False
            self.step_requests = 0
            self._send_state()

    def _on_step(self, cmd: P.Step) -> None:
        if self.session is None:
            return
        if not self.running:
            self._on_train(P.Train(paused=True))
        if not self.paused:
            self._on_pause(P.Pause())
        self.step_requests += int(cmd.n)

    def _save_again(self) -> bool:
        """After a NotSaved: write a checkpoint and the held metric rows now.  Saved (auto) when it works;
        else NotSaved again."""
        from ..run_folders.runs import RunError

        session = self.session
        try:
            session.write_pending("running")
        except RunError as exc:
            kept = session.run.step if session.run is not None else 0
            what = "metrics" if kept == session.step and session.step > 0 else "checkpoint"   # saved, rows not
            self.send(P.NotSaved(what=what, step=session.step, reason=str(exc), kept_step=kept))
            return False
        self._save_failed = False
        self.send(P.Saved(path=str(session.run.path), step=session.step, auto=True))
        return True

    def _on_stop(self, cmd: P.Stop) -> None:
        if self.running:
            self._stop_running("stopped")

    def _on_set_delay(self, cmd: P.SetDelay) -> None:
        self.delay = max(0.0, float(cmd.seconds))

    def _on_save(self, cmd: P.Save) -> None:
        session = self._need_session()
        self._flush_events()
        where = session.save_as(cmd.path, "running" if self.running and not self.paused else "paused")
        self.send(P.Saved(path=str(where), step=session.step, auto=False))

    def _on_request_generator(self, cmd: P.RequestGenerator) -> None:
        from ..explore.generator import from_trainer, generator_to_bytes

        if cmd.run is not None and cmd.step is not None:
            from .snapshots import generator_from_snapshot

            model = generator_from_snapshot(cmd.run, int(cmd.step))
            self.send(P.Generator(data=generator_to_bytes(model), name=model.name, step=int(cmd.step),
                                  run=str(cmd.run)))
            return
        session = self._need_session()
        run = session.run.path if session.run is not None else None
        names = list(session.dataset.train.class_names or [])
        name = f"{session.config.name} · step {session.step:,}"
        model = from_trainer(session.trainer, name, run, names, getattr(session.dataset, "identity", None))
        self.send(P.Generator(data=generator_to_bytes(model), name=name, step=session.step,
                              run=str(run) if run else None))

    def _on_set_probe(self, cmd: P.SetProbe) -> None:
        self._probe_every, self._probe_n = max(0.0, float(cmd.seconds)), max(1, min(16, int(cmd.n)))
        if self._probe_every > 0 and self.session is not None:
            self._send_probe()

    def _send_probe(self) -> None:
        self._last_probe = time.perf_counter()
        self.send(P.Probe(step=self.session.step, **self.session.trainer.probe(self._probe_n)))

    def _on_discard(self, cmd: P.Discard) -> None:
        self.running = False
        self._drop_session(delete_scratch=True)
        self._send_state()

    def _on_quit(self, cmd: P.Quit) -> None:
        self._drop_session(delete_scratch=False)
        self.send(P.Bye())
        raise _Quit("quit")

    def _on_parent_gone(self, cmd: P.ParentGone) -> None:
        """The window is gone (closed without quitting, or killed): keep the work, then exit."""
        if self.session is not None and self.session.run is not None and self.session.step > 0:
            try:
                self.session.save("interrupted")
            except Exception:  # noqa: BLE001 - nothing to report to: a full disk saves it elsewhere (issue 27)
                try:
                    self.session.save_elsewhere("interrupted")      # rescued/ or the temp folder; offered back
                except Exception:  # noqa: BLE001 - no place has room: the last autosave stays
                    pass
        self._drop_session(delete_scratch=False)
        raise _Quit("parent gone")

    # ---------------------------------------------------------------- helpers
    def _drop_session(self, delete_scratch: bool) -> None:
        import shutil

        from ..run_folders.runs import is_scratch

        session, self.session = self.session, None
        self.running = False
        if session is not None:
            session.close()
        if session is not None and delete_scratch and session.run is not None and is_scratch(session.run.path):
            shutil.rmtree(session.run.path, ignore_errors=True)

    def _send_state(self) -> None:
        state = "idle" if not self.running else ("paused" if self.paused else "running")
        step = self.session.step if self.session is not None else 0
        self.send(P.State(state=state, step=step, start_step=self.start_step, start_elapsed=self.start_elapsed))

    def _flush_events(self) -> None:
        if self._buffer:
            self.send(P.Metrics(rows=self._buffer))
            self._buffer = []
        if self._pending_snapshot is not None:
            snap, self._pending_snapshot = self._pending_snapshot, None
            self.send(P.Snapshot(step=snap.step, images=snap.images))
        self._last_emit = time.perf_counter()

    def _stop_running(self, reason: str) -> None:
        self._flush_events()
        was = self.running
        self.running = False
        self.paused = False
        self.step_requests = 0
        if was:
            step = self.session.step if self.session is not None else 0
            self.send(P.Finished(reason=reason, step=step))
        self._send_state()

    def _chunk_once(self) -> None:
        from .session import Snapshot
        from .trainer import TrainingDiverged

        session = self.session
        trainer = session.trainer
        stepping = self.paused and self.step_requests > 0
        if stepping:
            self.step_requests -= 1
        if self._rollback is None:
            self._rollback = trainer.capture()
            self._last_rollback = time.perf_counter()
        n = 1 if (stepping or self.delay > 0) else self._chunk
        if self.target_steps > 0:
            left = self.start_step + self.target_steps - trainer.step_count
            if left <= 0:
                self.send(P.Status(text=Message("Reached the target of {n} steps", n=f"{self.target_steps:,}")))
                self._stop_running("target")
                return
            n = min(n, left)
        if self.target_seconds > 0 and trainer.elapsed - self.start_elapsed >= self.target_seconds:
            self.send(P.Status(text=Message("Reached the time target at step {step}",
                                                  step=f"{trainer.step_count:,}")))
            self._stop_running("target")
            return
        t0 = time.perf_counter()
        try:
            update = session.advance(n)
        except TrainingDiverged as exc:
            self._roll_back(exc)
            return
        dt = time.perf_counter() - t0
        if not (stepping or self.delay > 0) and update.records:
            self._chunk = max(1, min(MAX_CHUNK, int(CHUNK_SECONDS / max(dt / len(update.records), 1e-6))))
        self._buffer.extend(r.to_dict() for r in update.records)
        if update.snapshot is None and (stepping or self.delay > 0) and update.records:
            # One step at a time: show every step's samples (not written to the run folder).
            update.snapshot = Snapshot(trainer.step_count, trainer.fixed_samples())
        if update.snapshot is not None:
            self._pending_snapshot = update.snapshot
        if update.saved and session.run is not None:
            self._flush_events()
            self.send(P.Saved(path=str(session.run.path), step=session.step, auto=True))
        if update.quality is not None or update.warnings or update.state_snapshot is not None:
            self._flush_events()        # the curves hold the step before the meter and the warnings name it
            if update.quality is not None:
                self.send(P.Quality(point=update.quality.to_dict()))
            for w in update.warnings:
                if w.kind != "not-saved":       # sent as NotSaved below
                    self.send(P.Warned(**w.to_dict()))
            if update.state_snapshot is not None:
                self._send_snapshots()
        now = time.perf_counter()
        if now - self._last_rollback >= ROLLBACK_INTERVAL:
            self._rollback = trainer.capture()
            self._last_rollback = now
        if stepping or self.delay > 0 or now - self._last_emit >= EMIT_INTERVAL:
            self._flush_events()
        if self._probe_every > 0 and update.records and (
                stepping or self.delay > 0 or now - self._last_probe >= self._probe_every):
            self._flush_events()        # the step's metrics first, then what D made of a few images at it
            self._send_probe()
        if update.failed_writes:
            self._not_saved(update.failed_writes)
            return
        if update.finished or not update.records:
            self._stop_running("target")

    def _not_saved(self, failures) -> None:
        """A write failed (a full disk, a read-only folder): pause with the whole state in memory and say what,
        where and why; Resume saves again first."""
        session = self.session
        self._save_failed = True
        self.paused, self.step_requests = True, 0
        self._flush_events()
        kept = session.run.step if session.run is not None else 0
        for what, reason in failures:
            self.send(P.NotSaved(what=what, step=session.step, reason=reason, kept_step=kept))
        self._send_state()

    def _roll_back(self, exc) -> None:
        trainer = self.session.trainer
        lrs = {k: get_value(trainer.config, k) for k in ("train.lr_g", "train.lr_d")}
        trainer.restore(self._rollback)
        trainer.apply_live(lrs)   # keep the current (possibly lowered) learning rates
        step = trainer.step_count
        self.session.roll_back_writes(step)     # held rows beyond the step dropped, the metrics files cut
        if self.session.run is not None:
            if self.session.state_snapshots().truncate(step):
                self._send_snapshots()
        self.session.watchdog.reset()
        self._buffer = [r for r in self._buffer if r["step"] <= step]
        self.paused, self.step_requests = True, 0
        self._flush_events()
        self.send(P.Diverged(step=step, advice=f"{exc.advice}\n\nThe networks were rolled back to step {step:,}, "
                                                 "the last healthy state."))
        self._send_state()


def child_main(commands, events, parent_pid: int) -> None:
    """Entry point of the training process (spawned)."""
    lower_priority()
    loop = TrainingLoop(commands, events, parent_pid)
    _on_sigterm(loop)
    try:
        loop.serve()
    except _Quit:       # raised outside the loop's own handling (a signal handler's send): a normal end
        pass
    finally:
        for conn in (commands, events):
            try:
                conn.close()
            except OSError:
                pass


PRIORITY_NICE = 5   # POSIX niceness of the training process


def lower_priority() -> None:
    """Let the window's process run first when both want a core: the training process uses every core
    (two threads for a simultaneous step), and a window waiting behind it would stall.  POSIX: nice +5;
    Windows: below-normal priority class.  Training loses nothing while the window is idle."""
    try:
        if hasattr(os, "nice"):
            os.nice(PRIORITY_NICE)
        elif sys.platform == "win32":
            import ctypes
            kernel32 = ctypes.windll.kernel32
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), 0x00004000)  # BELOW_NORMAL_PRIORITY_CLASS
    except (OSError, AttributeError):   # not permitted here: train at normal priority
        pass


def _on_sigterm(loop: TrainingLoop) -> None:
    """SIGTERM (a logout, `kill`): save the run with status "interrupted" and exit, as when the window
    is lost.  The handler only queues the request; the loop acts on it between chunks."""
    import signal

    def handler(signum, frame):
        loop.queue.append(P.ParentGone())

    try:
        signal.signal(signal.SIGTERM, handler)
    except (ValueError, OSError, AttributeError):  # not the main thread, or no SIGTERM on this system
        pass
