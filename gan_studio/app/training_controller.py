"""GUI-thread owner of the training process: user intent in, Experiment updates and view signals out.

The `TrainingController` keeps one warm `TrainingProcess` (torch imported, so
Train responds at once) and an `EventRelay` in a QThread.  It carries out the
Experiment's plan when the user presses Train, forwards live edits, and turns
the process's events into Experiment updates (`started`, `loaded_in_process`,
`stepped`, `saved`, `set_state`, …) and into signals the views draw from
(metrics, snapshot).  Commands and events are the dataclasses of
`core/training/protocol.py`; the events are dispatched through `handlers` ({event
class: method}, checked when the controller is built).  No experiment state
lives here: the Experiment is the truth (what the process loaded, the
lifecycle state, where this Train began), the process does the work.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from ..core.training.device import cpu_threads
from ..core.experiment import Experiment
from ..core.training import protocol as P
from ..core.training.process import TrainingProcess
from ..core.run_folders.runs import new_scratch_dir
from .i18n import tr, translate_message
from .loop_thread import end_loop, start_loop
from .training_relay import EventRelay

log = logging.getLogger(__name__)


class TrainingController(QObject):
    metrics = Signal(list)              # StepRecord dicts
    snapshot = Signal(int, object)      # step, uint8 (N, H, W, C)
    status = Signal(str)
    diverged = Signal(str)              # advice (the networks were rolled back and training paused)
    rolledBack = Signal(int)            # step the networks were rolled back to
    failed = Signal(str)
    finished = Signal(str)              # "target", "stopped", "failed"
    saved = Signal(str)                 # run folder path (a user save or an autosave)
    ready = Signal(dict)                # the process loaded the experiment: dataset, device, threads, …
    generatorReady = Signal(object)     # a GeneratorModel snapshot of the generator being trained
    quality = Signal(list)              # quality checks (QualityPoint dicts), the newest last
    warning = Signal(dict)              # a TrainingWarning dict: kind, step, title, text, advice
    snapshots = Signal(list)            # the run's trainer snapshots ({"step", "bytes", "path"}), oldest first
    processDied = Signal(str)           # plain-words reason
    probe = Signal(dict)                # a few real and generated images with D's outputs (Learn tab; `set_probe`)

    def __init__(self, experiment: Experiment | None = None, parent=None, threads: int | None = None):
        super().__init__(parent)
        self.experiment = experiment or Experiment()
        self.threads = threads
        self._process: TrainingProcess | None = None
        self._relay: EventRelay | None = None
        self._thread: QThread | None = None
        self._delay = 0.0
        self._hello = True              # no process yet: nothing is importing
        self._probe = (0.0, 4)          # (seconds between probes, images of each kind); 0: off
        self._cancel_load = False       # Stop was pressed while the process was loading
        self._shut = False              # shutdown() ran: a prewarm due later starts nothing
        # A live edit (any field the descriptors mark LIVE) goes to the trainer as it is: no field is named here.
        self.experiment.liveChanged.connect(lambda changes: self._send(P.ApplyLive(changes=dict(changes))))
        self.handlers = P.check_handlers({
            P.Hello: self._on_hello, P.Status: self._on_status, P.Ready: self._on_ready,
            P.Metrics: self._on_metrics, P.Snapshot: self._on_snapshot, P.State: self._on_state,
            P.Diverged: self._on_diverged, P.Quality: self._on_quality, P.Warned: self._on_warned,
            P.Snapshots: self._on_snapshots, P.Saved: self._on_saved, P.NotSaved: self._on_not_saved,
            P.Applied: self._on_applied,
            P.Generator: self._on_generator, P.Probe: self._on_probe, P.Finished: self._on_finished,
            P.Failed: self._on_failed, P.Bye: self._on_bye,
        }, P.Event)

    # ------------------------------------------------------------ process
    def prewarm(self) -> None:
        """Start the training process now (imports torch in the background) so Train responds at once."""
        if not self._shut:
            self._ensure_process()

    def _ensure_process(self) -> TrainingProcess:
        if self._process is not None and self._process.alive() and self._thread is not None:
            return self._process
        self._end_relay()
        process = TrainingProcess()
        process.start()
        self._hello = False             # until the process says Hello it is still importing PyTorch
        relay = EventRelay(process)
        relay.events.connect(self._on_events)
        relay.died.connect(self._on_died)
        self._process, self._relay = process, relay
        self._thread = start_loop(relay, "gan-studio-training-relay")
        if self._delay:
            process.send(P.SetDelay(seconds=self._delay))
        if self._probe[0] > 0:
            process.send(P.SetProbe(seconds=self._probe[0], n=self._probe[1]))
        return process

    def _end_relay(self) -> None:
        relay, thread = self._relay, self._thread
        self._relay = self._thread = None
        end_loop(relay, thread)

    def _send(self, command: P.Command) -> bool:
        if self._process is None:
            return False
        return self._process.send(command)

    @property
    def process_pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    # -------------------------------------------------------------- state
    @property
    def state(self) -> str:
        return self.experiment.state

    def is_active(self) -> bool:
        return self.experiment.active

    @property
    def step(self) -> int:
        return self.experiment.step

    @property
    def dirty(self) -> bool:
        return self.experiment.dirty

    @property
    def run_path(self) -> Path | None:
        return self.experiment.saved_path

    @property
    def info(self) -> dict:
        """What the process reported when it loaded the networks (its Ready event's fields); {}: nothing loaded."""
        return self.experiment.loaded

    @property
    def start_step(self) -> int:
        """The step when this Train began (the progress bar's origin)."""
        return self.experiment.start_step

    @property
    def start_elapsed(self) -> float:
        """The training time when this Train began."""
        return self.experiment.start_elapsed

    def thread_count(self) -> int | None:
        """Torch threads asked of the training process: an explicit or configured count, else None — the
        process chooses (`choose_threads`, probed there, never on the GUI thread) among every core.  The
        window stays responsive because the training process runs at a lower priority
        (`process.lower_priority`); keeping a core back for it made a two-core laptop train on one
        thread, half the speed of a simultaneous step on two (benchmarks/step_speed.py)."""
        if self.threads is not None:
            return self.threads
        configured = self.experiment.config.train.threads
        return configured if configured > 0 else None

    def _thread_args(self) -> dict:
        from ..core.training.diagnostics import QUALITY_EVERY_SECONDS

        # The window always runs the quality meter (the CLI only with --quality).
        return {"threads": self.thread_count(), "max_threads": cpu_threads(),
                "quality": QUALITY_EVERY_SECONDS}

    # ------------------------------------------------------------- intent
    def train(self, target_steps: int = 0, target_seconds: float = 0.0, paused: bool = False) -> str:
        """Carry out the Experiment's plan ("new" must be resolved by the caller first: save, then `discard`)."""
        exp = self.experiment
        if exp.active:
            if exp.state == "paused" and not paused:
                self.resume()
            return "active"
        plan = exp.plan()
        if plan.action == "new":
            raise RuntimeError(tr("the settings define a new experiment: discard (or save) the current one first"))
        self._shut = False
        process = self._ensure_process()
        self._cancel_load = False
        config = exp.config.check()
        if plan.action == "start":
            run_dir = new_scratch_dir()
            exp.started(config, run_dir, 0)
            process.send(P.Load(config=config.to_dict(), run_dir=str(run_dir), **self._thread_args()))
        elif plan.action == "resume" or not exp.loaded:
            exp.started(config, exp.run_path, exp.step)
            process.send(P.Load(resume=str(exp.run_path), config=config.to_dict(), **self._thread_args()))
        elif plan.applies:
            exp.started(config)
            process.send(P.Apply(config=config.to_dict()))
        exp.set_state("loading" if plan.action in ("start", "resume") or not exp.loaded else
                      ("paused" if paused else "running"))
        process.send(P.Train(target_steps=target_steps, target_seconds=target_seconds, paused=paused))
        return plan.action

    def pause(self) -> None:
        self._send(P.Pause())

    def resume(self) -> None:
        self._send(P.Resume())

    def toggle_pause(self) -> None:
        if self.state == "paused":
            self.resume()
        elif self.state == "running":
            self.pause()

    def step_once(self, n: int = 1) -> None:
        """Exactly n more steps, then paused (starts a paused run when idle)."""
        if not self.experiment.active:
            self.train(paused=True)
        self._send(P.Step(n=n))

    def stop(self) -> None:
        if self.experiment.state == "loading":
            self._cancel_load = True
        self._send(P.Stop())

    def set_delay(self, seconds: float) -> None:
        self._delay = max(0.0, float(seconds))
        self._send(P.SetDelay(seconds=self._delay))

    def set_probe(self, seconds: float, n: int = 4) -> None:
        """Every `seconds` of training (and after each single or slowed step) the process reports what D makes
        of `n` real and `n` generated images (`probe`); 0 turns it off."""
        self._probe = (max(0.0, float(seconds)), int(n))
        self._send(P.SetProbe(seconds=self._probe[0], n=self._probe[1]))

    def save(self, path=None) -> bool:
        """Ask the process to save (to `path`: move a scratch run there, or copy a saved one); `saved` follows."""
        if not self.experiment.has_work or self._process is None or not self.experiment.loaded:
            raise RuntimeError(tr("there is nothing to save yet: train first"))
        return self._send(P.Save(path=str(path) if path is not None else None))

    def request_generator(self) -> bool:
        """Ask for a snapshot of the generator being trained; `generatorReady` follows."""
        if not self.experiment.loaded:
            return False
        return self._send(P.RequestGenerator())

    def request_snapshot_generator(self, run, step: int) -> bool:
        """Ask for the generator of a run's trainer snapshot (built in the training process); `generatorReady`."""
        self._ensure_process()
        return self._send(P.RequestGenerator(run=str(run), step=int(step)))

    def branch(self, parent, step: int, changes: dict, config) -> Path:
        """Start a new run from `parent`'s snapshot at `step` with `changes` ({"train.lr_g": v, …}); the
        current session is saved and dropped first (its folder stays).  Returns the new (scratch) run folder."""
        from ..core.training.diagnostics import rebuilds

        exp = self.experiment
        self._shut = False
        process = self._ensure_process()
        run_dir = new_scratch_dir()
        restart = rebuilds(changes)         # new networks (the collapse fix for a seed-like MLP): from step 0
        exp.reset(config)
        exp.started(config, run_dir, 0 if restart else int(step))
        exp.set_state("loading")
        process.send(P.Branch(parent=str(parent), step=int(step), run_dir=str(run_dir), changes=dict(changes),
                              restart=restart, **self._thread_args()))
        process.send(P.Train())
        return run_dir

    def discard(self) -> None:
        """Forget the trained networks (New experiment / Open run); an unsaved scratch run is deleted."""
        self._send(P.Discard())
        self.experiment.reset()

    def shutdown(self, save: bool = False, timeout: float = 10.0) -> None:
        """End the training process (saving first when asked) and the relay thread."""
        self._shut = True
        process = self._process
        self._process = None
        if process is not None:
            if not self._hello and not self.experiment.loaded:
                # Still importing PyTorch (3-10 s on a busy laptop): it holds nothing to save and would read
                # Quit only once the import is done, so quitting now must not wait for it.
                process.kill()
            else:
                if save and self.experiment.loaded:
                    process.send(P.Save())
                process.send(P.Quit())
        self._end_relay()
        if process is not None:
            process.close(timeout)
        if self.experiment.active:
            self.experiment.set_state("idle")

    # ------------------------------------------------------------- events
    def _on_events(self, batch: list) -> None:
        for event in batch:
            try:
                P.dispatch(self.handlers, event)
            except P.UnknownMessage as exc:     # never dropped silently; the rest of the batch goes on
                log.error("the training process sent %s", exc)

    def _on_hello(self, ev: P.Hello) -> None:
        self._hello = True

    def _on_bye(self, ev: P.Bye) -> None:
        pass

    def _on_status(self, ev: P.Status) -> None:
        self.status.emit(translate_message(ev.text))

    def _on_ready(self, ev: P.Ready) -> None:
        info = ev.payload()
        self._cancel_load = False
        exp = self.experiment
        exp.loaded_in_process(info)
        exp.started(exp.trained or exp.config, ev.run, int(ev.step))
        self.ready.emit(info)
        self.snapshots.emit(list(ev.snapshots or []))

    def _on_metrics(self, ev: P.Metrics) -> None:
        if ev.rows:
            self.experiment.stepped(int(ev.rows[-1]["step"]))
        self.metrics.emit(ev.rows)

    def _on_snapshot(self, ev: P.Snapshot) -> None:
        self.snapshot.emit(int(ev.step), ev.images)

    def _on_state(self, ev: P.State) -> None:
        exp = self.experiment
        if exp.state == "loading" and not exp.loaded:
            # Until Ready, a State answers a command sent before the load (the "idle" of a
            # Discard sent just before Train): only a Stop while loading makes "idle" mean cancelled.
            if ev.state != "idle" or not self._cancel_load:
                return
            self._cancel_load = False
            exp.reset()     # loading was cancelled
        exp.set_state(ev.state, start=(int(ev.start_step), float(ev.start_elapsed)))

    def _on_diverged(self, ev: P.Diverged) -> None:
        self.experiment.rolled_back(int(ev.step))
        self.rolledBack.emit(int(ev.step))
        self.diverged.emit(ev.advice)

    def _on_saved(self, ev: P.Saved) -> None:
        self.experiment.saved(ev.path, int(ev.step))
        self.saved.emit(ev.path)

    def _on_not_saved(self, ev: P.NotSaved) -> None:
        """A write failed: the process paused with the state in memory.  Shown like a training warning (kind
        "not-saved"), its texts already in the current language; Resume (or Train) tries the save again."""
        self.warning.emit(not_saved_warning(ev))

    def _on_applied(self, ev: P.Applied) -> None:
        pass

    def _on_quality(self, ev: P.Quality) -> None:
        self.quality.emit([ev.point])

    def _on_warned(self, ev: P.Warned) -> None:
        self.warning.emit(ev.payload())

    def _on_snapshots(self, ev: P.Snapshots) -> None:
        self.snapshots.emit(ev.items)

    def _on_generator(self, ev: P.Generator) -> None:
        from ..core.explore.generator import generator_from_bytes

        model = generator_from_bytes(ev.data, ev.run)
        model.name = ev.name
        self.generatorReady.emit(model)

    def _on_probe(self, ev: P.Probe) -> None:
        self.probe.emit(ev.payload())

    def _on_finished(self, ev: P.Finished) -> None:
        self.finished.emit(ev.reason)

    def _on_failed(self, ev: P.Failed) -> None:
        if self.experiment.state == "loading" and not self.experiment.loaded:
            self.experiment.reset()
        self.failed.emit(ev.message)

    def _on_died(self, message: str) -> None:
        self._end_relay()
        self._process = None
        self.experiment.lost_process()
        self.processDied.emit(message)


def not_saved_titles() -> dict[str, str]:
    return {"checkpoint": tr("Autosave failed"), "snapshot": tr("Snapshot not saved"),
            "grid": tr("Progress grid not saved"), "metrics": tr("Metrics not written"),
            "quality": tr("Quality check not written")}


def not_saved_warning(ev: P.NotSaved) -> dict:
    """The `NotSaved` event as a warning dict (kind "not-saved"; title, text and advice translated, the reason —
    the file and the space it needs — as the core wrote it)."""
    reason = ev.reason if ev.reason.endswith((".", "!", "?")) else ev.reason + "."
    if ev.kept_step:
        kept = tr("the run folder's last good save is at step {step:,}").format(step=int(ev.kept_step))
    else:
        kept = tr("the run has no save yet")
    advice = tr("Training is paused and keeps everything it has learned in memory ({kept}). Free some space "
                "(or fix the folder), then press Resume: the save is tried again first.").format(kept=kept)
    return {"kind": "not-saved", "step": int(ev.step), "what": ev.what,
            "title": not_saved_titles().get(ev.what, tr("Not saved")), "text": reason, "advice": advice,
            "translated": True}
