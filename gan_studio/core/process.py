"""Training in its own process: the core's TrainingSession behind a small message protocol.

The window starts one `TrainingProcess` (spawned, so it works the same on
Linux, Windows, macOS and from the PyInstaller bundle, which calls
`multiprocessing.freeze_support()`) and keeps it warm with torch imported, so
Train responds at once.  Two one-way pipes carry plain Python values:

commands (window → process), `(name, args)`:
    load     {"config": dict, "run_dir": str} or {"resume": str, "config": dict | None},
             and {"threads": int | None, "max_threads": int} (None: the process measures what is best),
             {"quality": float} seconds of training between quality checks (0 or absent: the meter is off)
    branch   {"parent": str, "step": int, "run_dir": str, "changes": {"train.lr_g": value, …}}, and the
             load's "threads", "max_threads", "quality": a new run from the parent's snapshot at `step`
             (the session loaded before is saved and dropped, its folder kept); "ready" follows
    train    {"target_steps": int, "target_seconds": float, "paused": bool}
    apply    {"config": dict}           settings that may change when training continues
    hparams  {field: value}             live hyper-parameters, applied at the next step
    pause, resume, step {"n": int}, stop, delay {"seconds": float}
    save     {"path": str | None}       checkpoint (to a new folder: move a scratch run, copy a saved one)
    generator                          a snapshot of the sampling generator for Gallery / Explore
             {"run": str, "step": int}  (optional) the generator of that run's trainer snapshot instead
    discard                            drop the session (its scratch folder is deleted)
    probe    {"seconds": float, "n": int}  every `seconds` of training (and after every single or slowed step)
                                       send a `probe` event; 0 turns it off (the Learn tab's model graph)
    quit     {"save": bool}

events (process → window), `(name, payload)`:
    hello     {"pid", "torch"}
    status    {"text"}
    ready     {"step", "elapsed", "run", "dataset", "notes", "class_names", "device", "threads", "config",
               "quality": bool (the meter runs), "quality_note": str (why not, when asked for),
               "lineage": dict | None (run.json's, for a branched run), "snapshots": [SnapshotInfo dicts]}
    metrics   {"rows": [StepRecord dicts]}     batched, at most ~20 per second
    snapshot  {"step", "images": uint8 (N, H, W, C)}
    state     {"state": "running" | "paused" | "idle", "step", "start_step", "start_elapsed"}
    diverged  {"advice", "step"}                   networks rolled back to `step`, paused
    quality   {"point": QualityPoint dict}         a quality check (core/diagnostics.py), after the metrics
                                                   of its step; also appended to the run's quality.jsonl
    warning   {"kind", "step", "title", "text", "advice"}   a TrainingWarning: "collapse" or "d-wins"
    snapshots {"items": [{"step", "bytes", "path"}], "total_bytes"}   a trainer snapshot was written
    saved     {"path", "step", "auto"}
    applied   {"config"}
    generator {"data": bytes (exported-generator safetensors), "name", "step", "run"}
    finished  {"reason": "target" | "stopped", "step"}
    probe     {"step", "real", "fake": uint8 (n, H, W, C), "score_real", "score_fake": [D's raw outputs],
               "d_real", "d_fake": [σ of them], "labels": [int] | None}   (Trainer.probe: n forward passes)
    failed    {"message", "detail"}
    bye       {}

If the window's process dies (even kill -9), the command pipe reports end of
file: the training process saves the run (a scratch run stays in the scratch
folder, where the next start offers it back) and exits.  If the training
process dies, `TrainingProcess.receive` raises `ProcessDied`.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
import traceback
from collections import deque
from pathlib import Path

from .messages import Message

EMIT_INTERVAL = 1 / 20          # seconds between metric batches
CHUNK_SECONDS = 0.045           # target duration of one session.advance(k)
MAX_CHUNK = 1000
ROLLBACK_INTERVAL = 5.0         # seconds between in-memory "last good state" copies (a deep copy of the networks and
                                # optimizers, ~8 ms: 0.8 % of training time once a second); a divergence loses at
                                # most these seconds of steps
IDLE_POLL = 0.25                # seconds the idle loop waits for a command
PARENT_CHECK = 2.0              # seconds between checks that the window still exists
# OpenMP workers that spin while waiting take the core the window needs to paint
# (and stall by 8–10× on a busy machine): wait passively.  Read when torch loads.
# numpy's OpenBLAS threads spin too: with two of them beside torch's, the quality meter's 128×128
# eigendecompositions took 0.35 s each instead of ~5 ms on a busy 2-core machine (one is plenty for them).
CHILD_ENV = {"OMP_WAIT_POLICY": "PASSIVE", "OPENBLAS_NUM_THREADS": "1"}


class ProcessDied(RuntimeError):
    def __init__(self, exitcode):
        self.exitcode = exitcode
        super().__init__(describe_exit(exitcode))


def describe_exit(code) -> str:
    """The training process's exit code in plain words."""
    import signal

    if code is None:
        return Message("The training process stopped responding.")
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        why = {"SIGKILL": Message("it was killed (by the system when memory ran out, or by another program)"),
               "SIGSEGV": Message("it crashed inside a native library"),
               "SIGTERM": Message("it was asked to terminate"),
               "SIGABRT": Message("it aborted")}.get(name) or Message("it received {name}", name=name)
        return Message("The training process ended unexpectedly: {why}.", why=why)
    return Message("The training process ended unexpectedly (exit code {code}).", code=str(code))


# ====================================================================== child
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
        self.queue: deque = deque()
        self._chunk = 1
        self._buffer: list[dict] = []
        self._pending_snapshot = None
        self._last_emit = 0.0
        self._rollback = None
        self._last_rollback = 0.0
        self._last_parent_check = time.monotonic()
        self._load_failed = False       # the last load failed or was cancelled: nothing is loaded
        self._probe_every = 0.0         # seconds between `probe` events (0: none)
        self._probe_n = 4
        self._last_probe = 0.0

    # ---------------------------------------------------------------- io
    def send(self, event: str, /, **payload) -> None:
        try:
            self.events.send((event, payload))
        except (BrokenPipeError, EOFError, OSError):
            # The window died: usually this write notices first (training sends every ~70 ms),
            # before the command pipe's end of file does.  Keep the work, then exit.
            self._cmd_parent_gone()

    def _read(self, timeout: float) -> None:
        """Queue every command available within `timeout` seconds."""
        try:
            if self.commands.poll(timeout):
                while True:
                    self.queue.append(self.commands.recv())
                    if not self.commands.poll(0):
                        break
        except (EOFError, OSError):
            self.queue.append(("parent-gone", {}))
        now = time.monotonic()
        if self.parent_pid and now - self._last_parent_check > PARENT_CHECK:
            self._last_parent_check = now
            if os.getppid() != self.parent_pid:   # POSIX: re-parented once the window died
                self.queue.append(("parent-gone", {}))

    def _cancel_requested(self) -> bool:
        """For dataset loading: a stop, discard or quit waiting in the pipe cancels it."""
        self._read(0)
        return any(c[0] in ("stop", "discard", "quit", "parent-gone", "load") for c in self.queue)

    # -------------------------------------------------------------- main loop
    def serve(self) -> None:
        import torch

        self.send("hello", pid=os.getpid(), torch=str(torch.__version__))   # str: a TorchVersion would import torch in the window to unpickle
        try:
            while True:
                busy = self.running and (not self.paused or self.step_requests > 0)
                wait = 0.0 if busy and self.delay == 0 else (self.delay if busy else IDLE_POLL)
                self._read(wait)
                while self.queue:
                    name, args = self.queue.popleft()
                    self._handle(name, args or {})
                if self.running and (not self.paused or self.step_requests > 0):
                    self._chunk_once()
        except _Quit:
            pass

    def _handle(self, name: str, args: dict) -> None:
        handler = getattr(self, f"_cmd_{name.replace('-', '_')}", None)
        if handler is None:
            self.send("failed", message=f"unknown command {name!r}", detail="")
            return
        try:
            handler(**args)
        except _Quit:
            raise
        except Exception as exc:  # noqa: BLE001 - every failure is reported to the window, never fatal
            self.send("failed", message=str(exc) or type(exc).__name__,
                      detail="".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
            if name in ("load", "train"):
                self._stop_running("failed")

    # ---------------------------------------------------------------- commands
    def _cmd_load(self, config=None, run_dir=None, resume=None, threads=None, max_threads=0, quality=0.0) -> None:
        from .config import CONTINUE, ExperimentConfig, field_keys, get_value
        from .data import DatasetCancelled, load_dataset
        from .session import TrainingSession

        self._drop_session(delete_scratch=False)
        self._load_failed = True        # until the session is in place (an error or a cancel leaves it set)
        if resume is not None:
            self.send("status", text=Message("Loading run {name}…", name=Path(resume).name))
            overrides = None
            if config is not None:
                cfg = ExperimentConfig.from_dict(config)
                # What may change when a run continues (field metadata): device, threads, targets, intervals.
                overrides = {k.split(".", 1)[1]: get_value(cfg, k) for k in field_keys(change=CONTINUE)}
            try:
                session = TrainingSession.resume(resume, overrides=overrides, cancel=self._cancel_requested)
            except DatasetCancelled:
                self._send_state()
                return
            if config is not None:
                session.apply(ExperimentConfig.from_dict(config))
        else:
            cfg = ExperimentConfig.from_dict(config).check()
            self.send("status", text=Message("Loading dataset…"))
            try:
                dataset = load_dataset(cfg.data, cfg.model.image_size, cfg.model.channels,
                                       cancel=self._cancel_requested)
            except DatasetCancelled:
                self._send_state()
                return
            self.send("status", text=Message("Building the networks…"))
            session = TrainingSession(cfg, run_dir=run_dir, dataset=dataset)
        # An explicit count, else the best of up to `max_threads` measured here (0: every core).
        self._install(session, threads, max_threads, quality)

    def _install(self, session, threads, max_threads, quality) -> None:
        from .device import choose_threads, set_threads

        session.trainer.threads = set_threads(threads if threads else choose_threads(max_threads or 0))
        if quality:
            session.enable_quality(every=float(quality))
        self.session = session
        self._load_failed = False
        self._send_ready()
        if session.step == 0:
            first = session.snapshot()
            self.send("snapshot", step=first.step, images=first.images)
        if self._probe_every > 0:
            self._send_probe()

    def _cmd_branch(self, parent, step, run_dir, changes=None, threads=None, max_threads=0, quality=0.0) -> None:
        from .data import DatasetCancelled
        from .session import TrainingSession

        if self.session is not None and self.session.run is not None and self.session.step > 0:
            self._stop_running("stopped")
            self.session.save("paused")
        self._drop_session(delete_scratch=False)
        self._load_failed = True
        self.send("status", text=Message("Branching from {name} at step {step}…", name=Path(parent).name,
                                         step=f"{int(step):,}"))
        try:
            session = TrainingSession.branch(parent, int(step), run_dir, changes or {},
                                             cancel=self._cancel_requested)
        except DatasetCancelled:
            self._send_state()
            return
        self._install(session, threads, max_threads, quality)
        first = session.snapshot()
        self.send("snapshot", step=first.step, images=first.images)

    def _send_ready(self) -> None:
        from .snapshots import lineage

        s, t = self.session, self.session.trainer
        store = s.state_snapshots()
        self.send("ready", step=t.step_count, elapsed=t.elapsed,
                  run=str(s.run.path) if s.run is not None else None,
                  dataset=s.dataset.name, notes=list(s.dataset.notes),
                  class_names=list(s.dataset.train.class_names or []),
                  device=str(t.device), threads=t.threads, config=s.config.to_dict(),
                  quality=s.quality is not None, quality_note=s.quality_note,
                  lineage=lineage(s.run.info) if s.run is not None else None,
                  snapshots=[i.to_dict() for i in store.list()] if store is not None else [])

    def _send_snapshots(self) -> None:
        from .snapshots import total_bytes

        store = self.session.state_snapshots() if self.session is not None else None
        items = store.list() if store is not None else []
        self.send("snapshots", items=[i.to_dict() for i in items], total_bytes=total_bytes(items))

    def _need_session(self):
        if self.session is None:
            raise RuntimeError("nothing is loaded in the training process")
        return self.session

    def _cmd_train(self, target_steps=0, target_seconds=0.0, paused=False) -> None:
        if self.session is None and self._load_failed:
            return      # the window queued this behind a load that failed (already reported) or was cancelled
        session = self._need_session()
        self.target_steps, self.target_seconds = int(target_steps), float(target_seconds)
        self.start_step, self.start_elapsed = session.trainer.step_count, session.trainer.elapsed
        self.running, self.paused, self.step_requests = True, bool(paused), 0
        self._rollback = None
        self._chunk = 1
        self._send_state()

    def _cmd_apply(self, config) -> None:
        from .config import ExperimentConfig

        session = self._need_session()
        cfg = ExperimentConfig.from_dict(config)
        reload = session.apply(cfg)
        if reload:   # another device: save, then reopen the run on it
            path = session.run.path
            session.save("paused")
            self._cmd_load(resume=str(path), config=config)
            return
        self.send("applied", config=session.config.to_dict())

    def _cmd_hparams(self, **changes) -> None:
        session = self._need_session()
        session.trainer.set_hparams(**changes)
        self.send("status", text=Message("Applied {changes}", changes=", ".join(
            f"{k} = {v:g}" if isinstance(v, float) else f"{k} = {v}" for k, v in changes.items())))

    def _cmd_pause(self) -> None:
        if self.running and not self.paused:
            self.paused = True
            self._flush_events()
            self._send_state()

    def _cmd_resume(self) -> None:
        if self.running and self.paused:
            self.paused = False
            self.step_requests = 0
            self._send_state()

    def _cmd_step(self, n=1) -> None:
        if self.session is None:
            return
        if not self.running:
            self._cmd_train(paused=True)
        if not self.paused:
            self._cmd_pause()
        self.step_requests += int(n)

    def _cmd_stop(self) -> None:
        if self.running:
            self._stop_running("stopped")

    def _cmd_delay(self, seconds=0.0) -> None:
        self.delay = max(0.0, float(seconds))

    def _cmd_save(self, path=None, status=None) -> None:
        session = self._need_session()
        self._flush_events()
        where = session.save_as(path, status or ("running" if self.running and not self.paused else "paused"))
        self.send("saved", path=str(where), step=session.step, auto=False)

    def _cmd_generator(self, run=None, step=None) -> None:
        from .generator import from_trainer, generator_to_bytes

        if run is not None and step is not None:
            from .snapshots import generator_from_snapshot

            model = generator_from_snapshot(run, int(step))
            self.send("generator", data=generator_to_bytes(model), name=model.name, step=int(step), run=str(run))
            return
        session = self._need_session()
        run = session.run.path if session.run is not None else None
        names = list(session.dataset.train.class_names or [])
        name = f"{session.config.name} · step {session.step:,}"
        model = from_trainer(session.trainer, name, run, names)
        self.send("generator", data=generator_to_bytes(model), name=name, step=session.step,
                  run=str(run) if run else None)

    def _cmd_probe(self, seconds=0.0, n=4) -> None:
        self._probe_every, self._probe_n = max(0.0, float(seconds)), max(1, min(16, int(n)))
        if self._probe_every > 0 and self.session is not None:
            self._send_probe()

    def _send_probe(self) -> None:
        self._last_probe = time.perf_counter()
        self.send("probe", step=self.session.step, **self.session.trainer.probe(self._probe_n))

    def _cmd_discard(self) -> None:
        self.running = False
        self._drop_session(delete_scratch=True)
        self._send_state()

    def _cmd_quit(self, save=False) -> None:
        if save and self.session is not None and self.session.step > 0:
            self._cmd_save()
        self._drop_session(delete_scratch=False)
        self.send("bye")
        raise _Quit("quit")

    def _cmd_parent_gone(self) -> None:
        """The window is gone (closed without quitting, or killed): keep the work, then exit."""
        if self.session is not None and self.session.run is not None and self.session.step > 0:
            try:
                self.session.save("interrupted")
            except Exception:  # noqa: BLE001 - nothing to report to; the last autosave stays
                pass
        self._drop_session(delete_scratch=False)
        raise _Quit("parent gone")

    # ---------------------------------------------------------------- helpers
    def _drop_session(self, delete_scratch: bool) -> None:
        import shutil

        from .runs import is_scratch

        session, self.session = self.session, None
        self.running = False
        if session is not None:
            session.close()
        if session is not None and delete_scratch and session.run is not None and is_scratch(session.run.path):
            shutil.rmtree(session.run.path, ignore_errors=True)

    def _send_state(self) -> None:
        state = "idle" if not self.running else ("paused" if self.paused else "running")
        step = self.session.step if self.session is not None else 0
        self.send("state", state=state, step=step, start_step=self.start_step, start_elapsed=self.start_elapsed)

    def _flush_events(self) -> None:
        if self._buffer:
            self.send("metrics", rows=self._buffer)
            self._buffer = []
        if self._pending_snapshot is not None:
            snap, self._pending_snapshot = self._pending_snapshot, None
            self.send("snapshot", step=snap.step, images=snap.images)
        self._last_emit = time.perf_counter()

    def _stop_running(self, reason: str) -> None:
        self._flush_events()
        was = self.running
        self.running = False
        self.paused = False
        self.step_requests = 0
        if was:
            step = self.session.step if self.session is not None else 0
            self.send("finished", reason=reason, step=step)
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
                self.send("status", text=Message("Reached the target of {n} steps", n=f"{self.target_steps:,}"))
                self._stop_running("target")
                return
            n = min(n, left)
        if self.target_seconds > 0 and trainer.elapsed - self.start_elapsed >= self.target_seconds:
            self.send("status", text=Message("Reached the time target at step {step}",
                                             step=f"{trainer.step_count:,}"))
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
            self.send("saved", path=str(session.run.path), step=session.step, auto=True)
        if update.quality is not None or update.warnings or update.state_snapshot is not None:
            self._flush_events()        # the curves hold the step before the meter and the warnings name it
            if update.quality is not None:
                self.send("quality", point=update.quality.to_dict())
            for w in update.warnings:
                self.send("warning", **w.to_dict())
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
        if update.finished or not update.records:
            self._stop_running("target")

    def _roll_back(self, exc) -> None:
        trainer = self.session.trainer
        lrs = {"lr_g": trainer.config.train.lr_g, "lr_d": trainer.config.train.lr_d}
        trainer.restore(self._rollback)
        trainer.set_hparams(**lrs)   # keep the current (possibly lowered) learning rates
        step = trainer.step_count
        if self.session.run is not None:
            self.session.run.truncate_metrics(step)
            if self.session.state_snapshots().truncate(step):
                self._send_snapshots()
        self.session.watchdog.reset()
        self._buffer = [r for r in self._buffer if r["step"] <= step]
        self.paused, self.step_requests = True, 0
        self._flush_events()
        self.send("diverged", step=step, advice=f"{exc.advice}\n\nThe networks were rolled back to step {step:,}, "
                                                "the last healthy state.")
        self._send_state()


def child_main(commands, events, parent_pid: int) -> None:
    """Entry point of the training process (spawned)."""
    lower_priority()
    loop = TrainingLoop(commands, events, parent_pid)
    _on_sigterm(loop)
    try:
        loop.serve()
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
        loop.queue.append(("parent-gone", {}))

    try:
        signal.signal(signal.SIGTERM, handler)
    except (ValueError, OSError, AttributeError):  # not the main thread, or no SIGTERM on this system
        pass


# ===================================================================== parent
class TrainingProcess:
    """The window's handle on the training process (no Qt: the app's relay thread calls `receive`).

    Send commands from one thread, receive events in one (other) thread."""

    def __init__(self):
        self._proc = None
        self._commands = None
        self._events = None
        self.pid: int | None = None

    def start(self) -> None:
        if self.alive():
            return
        ctx = multiprocessing.get_context("spawn")
        cmd_read, cmd_write = ctx.Pipe(duplex=False)
        evt_read, evt_write = ctx.Pipe(duplex=False)
        saved = {k: os.environ.get(k) for k in CHILD_ENV}
        os.environ.update(CHILD_ENV)     # the spawned interpreter inherits it before torch loads
        try:
            proc = ctx.Process(target=child_main, args=(cmd_read, evt_write, os.getpid()),
                               name="gan-studio-training", daemon=True)
            proc.start()
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        cmd_read.close()
        evt_write.close()
        self._proc, self._commands, self._events = proc, cmd_write, evt_read
        self.pid = proc.pid

    def alive(self) -> bool:
        return self._proc is not None and self._proc.is_alive()

    @property
    def exitcode(self):
        return self._proc.exitcode if self._proc is not None else None

    def send(self, command: str, /, **args) -> bool:
        """Queue a command; False when the process is gone (the receiver reports why)."""
        if self._commands is None:
            return False
        try:
            self._commands.send((command, args))
            return True
        except (BrokenPipeError, EOFError, OSError):
            return False

    def receive(self, timeout: float) -> list[tuple[str, dict]]:
        """Events that arrived within `timeout` seconds (possibly none).  Raises ProcessDied."""
        if self._events is None:
            raise ProcessDied(None)
        out = []
        try:
            if self._events.poll(timeout):
                while True:
                    out.append(self._events.recv())
                    if not self._events.poll(0):
                        break
        except (EOFError, OSError):
            if out:
                return out
            if self._proc is not None:
                self._proc.join(2.0)
            raise ProcessDied(self.exitcode) from None
        return out

    def close(self, timeout: float = 5.0) -> None:
        """Ask the process to quit (it should have saved already), then make sure it is gone."""
        proc = self._proc
        if proc is None:
            return
        self.send("quit")
        # Keep reading (and dropping) its events meanwhile: nobody else reads them any more, and a
        # process blocked writing to a full pipe would never see "quit" and be terminated unsaved.
        deadline = time.monotonic() + timeout
        while proc.is_alive() and time.monotonic() < deadline:
            try:
                while self._events is not None and self._events.poll(0):
                    self._events.recv()
            except (EOFError, OSError):
                proc.join(max(0.0, deadline - time.monotonic()))
                break
            proc.join(0.05)
        if proc.is_alive():
            proc.terminate()
            proc.join(2.0)
        if proc.is_alive():
            proc.kill()
            proc.join(2.0)
        for conn in (self._commands, self._events):
            try:
                conn.close()
            except OSError:
                pass
        self._proc = self._commands = self._events = None

    def kill(self) -> None:
        """For fault tests and a stuck process: end it at once."""
        if self._proc is not None and self._proc.is_alive():
            self._proc.kill()
