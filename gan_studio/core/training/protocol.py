"""The messages between the window and its training process: one frozen dataclass each.

The window (`core/training/process.py` `TrainingProcess`, driven by `app/training_controller.py`)
sends **commands**; the training process (`core/training/process_child.py` `TrainingLoop`) answers
with **events**.  Each message is an instance of one of the classes below and crosses a
one-way `multiprocessing` pipe pickled, so every field holds plain Python values, numpy
arrays or bytes (never torch objects: the window unpickles them without importing torch).

Both sides dispatch by type through a `handlers` mapping {message class: callable}, built
once at start-up and checked by `check_handlers`: a class without a handler is an error
then, and a message of no known class raises `UnknownMessage` when it arrives (the
process answers an unknown command with `Failed`; the window logs an unknown event).

Commands (window → training process), in the order of the loop's `handlers`:

  ==================  ===================================================  ============================
  command             fields                                               answer
  ==================  ===================================================  ============================
  Load                config: dict | None, run_dir: str | None,            Status…, Ready, Snapshot (at
                      resume: str | None (a run folder to continue; then   step 0), Probe (when probing);
                      `config`, optional, carries what may change when a   or Failed; a cancelled load
                      run continues), threads: int | None (None: measure   answers State("idle")
                      the best of up to max_threads), max_threads: int
                      (0: every core), quality: float (seconds of training
                      between quality checks; 0: the meter is off)
  Branch              parent: str, step: int, run_dir: str, changes: dict  (Finished("stopped"), State
                      {"train.lr_g": value, …}, and Load's threads,        when one was training) Status,
                      max_threads, quality: a new run from the parent's    Ready, Snapshot
                      snapshot at `step` (the session loaded before is
                      saved and dropped, its folder kept)
  Train               target_steps: int, target_seconds: float (0: no     State (running / paused), then
                      target), paused: bool                                Metrics, Snapshot, Saved (auto),
                                                                           Quality, Warned, Snapshots,
                                                                           Probe as training goes; at the
                                                                           target Status,
                                                                           Finished("target"), State;
                                                                           nothing after a failed load
  Apply               config: dict: settings that may change when          Applied; on another device
                      training continues                                   the run is saved and reloaded
                                                                           with the last load's threads,
                                                                           max_threads, quality: Ready
  ApplyLive           changes: {dotted field: value} ({"train.lr_g":      Status
                      1e-3, …}): any LIVE field, applied at the next step
                      (`Trainer.apply_live`; the messages name no field)
  Pause / Resume      —                                                    State (when it changes);
                                                                           Resume after NotSaved first
                                                                           saves again: Saved (auto), or
                                                                           NotSaved and it stays paused
  Step                n: int: exactly n more steps, then paused (starts   State, Metrics, Snapshot
                      a paused run when none runs)
  Stop                —                                                    Finished("stopped"), State
                                                                           (when training ran)
  SetDelay            seconds: float between steps (slow motion; 0: off)   —
  Save                path: str | None: a checkpoint (to a new folder:     Saved
                      move a scratch run there, copy a saved one)
  RequestGenerator    run: str | None, step: int | None: the generator     Generator
                      being trained, or that of a run's trainer snapshot
  SetProbe            seconds: float, n: int (1–16): every `seconds` of    Probe (at once when loaded)
                      training (and after each single or slowed step) a
                      Probe; 0 turns it off (the Learn tab's model graph)
  Discard             —: drop the session (a scratch folder is deleted)   State
  Quit                —: drop the session (its folder kept) and exit       Bye
  ParentGone          —: never sent; the process queues it itself when     (nothing: it saves the run
                      the window is gone (end of file on the command       as "interrupted" and exits)
                      pipe, re-parented, SIGTERM)
  ==================  ===================================================  ============================

A command that raises is answered with Failed (the process goes on), and so is one of no known class.

Events (training process → window):

  ==========  ===================================================================================
  event       fields
  ==========  ===================================================================================
  Hello       pid: int, torch: str (the version)                       once, when torch is imported
  Status      text: str                                                a progress line (English; the
                                                                       window translates it)
  Ready       step: int, elapsed: float, run: str | None, dataset: str, notes: [str],
              class_names: [str], device: str, threads: int, config: dict, quality: bool (the
              meter runs), quality_note: str (why not, when asked for), lineage: dict | None
              (run.json's, for a branched run), snapshots: [SnapshotInfo dicts]
  Metrics     rows: [StepRecord dicts]                                 batched, at most ~20 a second
  Snapshot    step: int, images: uint8 (N, H, W, C)                    the fixed-noise sample sheet
  State       state: "running" | "paused" | "idle", step: int, start_step: int, start_elapsed: float
              (the step and training time when this Train began: the progress bar's origin)
  Diverged    advice: str, step: int                                   rolled back to `step`, paused
  Quality     point: QualityPoint dict                                 after the metrics of its step;
                                                                       also in the run's quality.jsonl
  Warned      kind: "collapse" | "d-wins" (| "…-ended"), step, title,   a TrainingWarning (…-ended: its
              text, advice                                            condition is over)
  Snapshots   items: [{"step", "bytes", "path"}], total_bytes: int     the run's trainer snapshots
                                                                       (one was written or dropped)
  Saved       path: str, step: int, auto: bool                         a checkpoint (auto: autosave)
  NotSaved    what: "checkpoint" | "snapshot" | "grid" | "metrics" | "quality", step: int, reason: str
              (English: the file or folder and why, e.g. the space needed and free), kept_step: int (the
              run folder's last good save; 0: none)  a write failed: training is paused with its whole
              state in memory; Resume tries the save again first
  Applied     config: dict                                             the settings now in force
  Generator   data: bytes (exported-generator safetensors), name: str, step: int, run: str | None
  Probe       step: int, real, fake: uint8 (n, H, W, C), score_real, score_fake: [D's raw
              outputs], d_real, d_fake: [σ of them], labels: [int] | None   (`Trainer.probe`)
  Finished    reason: "target" | "stopped" | "failed" (a Load or Train failed while training
              ran), step: int                                          training ended
  Failed      message: str, detail: str (the traceback)                a command failed; the
                                                                       process goes on
  Bye         —                                                        the answer to Quit
  ==========  ===================================================================================

If the window's process dies (even kill -9), the command pipe reports end of file: the
training process saves the run (a scratch run stays in the scratch folder, where the next
start offers it back) and exits.  If the training process dies, `TrainingProcess.receive`
raises `ProcessDied`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, Callable, Literal, Mapping

if TYPE_CHECKING:
    import numpy as np


class ProtocolError(RuntimeError):
    """A side of the protocol is incomplete (a message class without a handler) or broken."""


class UnknownMessage(ProtocolError):
    """A message of no known class arrived (a different version of the app on the other side?)."""


@dataclass(frozen=True)
class Message:
    """A command or an event.  `payload()` gives its fields as a dict (shallow: arrays are not copied)."""

    def payload(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class Command(Message):
    """Window → training process."""


@dataclass(frozen=True)
class Event(Message):
    """Training process → window."""


# ================================================================== commands
@dataclass(frozen=True)
class Load(Command):
    config: dict | None = None
    run_dir: str | None = None
    resume: str | None = None
    threads: int | None = None
    max_threads: int = 0
    quality: float = 0.0

    def __post_init__(self):
        if self.resume is None and self.config is None:
            raise ValueError("Load needs a config (a new run) or a run folder to resume")


@dataclass(frozen=True)
class Branch(Command):
    parent: str
    step: int
    run_dir: str
    changes: dict = field(default_factory=dict)
    threads: int | None = None
    max_threads: int = 0
    quality: float = 0.0
    restart: bool = False           # the changes define the networks: fresh ones from step 0 (TrainingSession.branch)


@dataclass(frozen=True)
class Train(Command):
    target_steps: int = 0
    target_seconds: float = 0.0
    paused: bool = False


@dataclass(frozen=True)
class Apply(Command):
    config: dict


@dataclass(frozen=True)
class ApplyLive(Command):
    changes: dict


@dataclass(frozen=True)
class Pause(Command):
    pass


@dataclass(frozen=True)
class Resume(Command):
    pass


@dataclass(frozen=True)
class Step(Command):
    n: int = 1


@dataclass(frozen=True)
class Stop(Command):
    pass


@dataclass(frozen=True)
class SetDelay(Command):
    seconds: float = 0.0


@dataclass(frozen=True)
class Save(Command):
    path: str | None = None


@dataclass(frozen=True)
class RequestGenerator(Command):
    run: str | None = None
    step: int | None = None


@dataclass(frozen=True)
class SetProbe(Command):
    seconds: float = 0.0
    n: int = 4


@dataclass(frozen=True)
class Discard(Command):
    pass


@dataclass(frozen=True)
class Quit(Command):
    pass


@dataclass(frozen=True)
class ParentGone(Command):
    """Queued by the training process itself, never sent by the window."""


# ==================================================================== events
@dataclass(frozen=True)
class Hello(Event):
    pid: int
    torch: str


@dataclass(frozen=True)
class Status(Event):
    text: str


@dataclass(frozen=True)
class Ready(Event):
    step: int
    elapsed: float
    run: str | None
    dataset: str
    notes: list
    class_names: list
    device: str
    threads: int
    config: dict
    quality: bool
    quality_note: str
    lineage: dict | None
    snapshots: list


@dataclass(frozen=True)
class Metrics(Event):
    rows: list


@dataclass(frozen=True)
class Snapshot(Event):
    step: int
    images: np.ndarray


@dataclass(frozen=True)
class State(Event):
    state: Literal["running", "paused", "idle"]
    step: int
    start_step: int
    start_elapsed: float


@dataclass(frozen=True)
class Diverged(Event):
    advice: str
    step: int


@dataclass(frozen=True)
class Quality(Event):
    point: dict


@dataclass(frozen=True)
class Warned(Event):
    kind: str
    step: int
    title: str
    text: str
    advice: str


@dataclass(frozen=True)
class Snapshots(Event):
    items: list
    total_bytes: int


@dataclass(frozen=True)
class Saved(Event):
    path: str
    step: int
    auto: bool


@dataclass(frozen=True)
class NotSaved(Event):
    what: str
    step: int
    reason: str
    kept_step: int


@dataclass(frozen=True)
class Applied(Event):
    config: dict


@dataclass(frozen=True)
class Generator(Event):
    data: bytes
    name: str
    step: int
    run: str | None


@dataclass(frozen=True)
class Probe(Event):
    step: int
    real: np.ndarray
    fake: np.ndarray
    score_real: list
    score_fake: list
    d_real: list
    d_fake: list
    labels: list | None


@dataclass(frozen=True)
class Finished(Event):
    reason: Literal["target", "stopped", "failed"]
    step: int


@dataclass(frozen=True)
class Failed(Event):
    message: str
    detail: str = ""


@dataclass(frozen=True)
class Bye(Event):
    pass


# ================================================================== registry
COMMANDS: tuple[type[Command], ...] = (Load, Branch, Train, Apply, ApplyLive, Pause, Resume, Step, Stop,
                                       SetDelay, Save, RequestGenerator, SetProbe, Discard, Quit, ParentGone)
EVENTS: tuple[type[Event], ...] = (Hello, Status, Ready, Metrics, Snapshot, State, Diverged, Quality, Warned,
                                   Snapshots, Saved, NotSaved, Applied, Generator, Probe, Finished, Failed, Bye)


def registry(kind: type[Message]) -> tuple[type[Message], ...]:
    """Every message class of `kind` (Command or Event)."""
    if kind is Command:
        return COMMANDS
    if kind is Event:
        return EVENTS
    raise TypeError(f"{kind!r} is neither Command nor Event")


Handlers = Mapping[type, Callable[[Any], Any]]


def check_handlers(handlers: Handlers, kind: type[Message]) -> Handlers:
    """`handlers` must cover every message class of `kind` and nothing else.  Raises ProtocolError."""
    known = registry(kind)
    missing = [c.__name__ for c in known if c not in handlers]
    extra = [getattr(c, "__name__", repr(c)) for c in handlers if c not in known]
    if missing or extra:
        raise ProtocolError(f"{kind.__name__} handlers: missing {missing or 'none'}, unknown {extra or 'none'}")
    return handlers


def dispatch(handlers: Handlers, message) -> Any:
    """Call the handler of `message`'s class with it.  Raises UnknownMessage for anything else."""
    handler = handlers.get(type(message))
    if handler is None:
        raise UnknownMessage(f"unknown message {type(message).__name__}: {message!r:.200}")
    return handler(message)
