"""The typed process protocol (`core/training/protocol.py`): every message has a handler on its side, crosses a
multiprocessing pipe intact, and nothing unknown is dropped silently.  No training process is started."""

from __future__ import annotations

import dataclasses
import pickle
from multiprocessing import Pipe

import numpy as np
import pytest

from gan_studio.core.training import protocol as P
from gan_studio.core.training.diagnostics import QualityPoint, TrainingWarning
from gan_studio.core.training.process_child import TrainingLoop
from gan_studio.core.training.trainer import StepRecord

from .test_process import tiny_config

CONFIG = tiny_config().to_dict()
ROW = StepRecord(step=12, loss_d=1.2, loss_g=0.8, d_real=0.6, d_fake=0.4, grad_norm_d=3.0, grad_norm_g=2.0, gp=0.0,
                 lr_g=2e-4, lr_d=2e-4, images_per_s=812.5, elapsed=1.75).to_dict()
SNAP = {"step": 100, "bytes": 123456, "path": "/runs/run-a/snapshots/step-000100"}
SHEET = np.random.default_rng(0).integers(0, 256, (64, 28, 28, 1), dtype=np.uint8)
PROBE_IMAGES = np.random.default_rng(1).integers(0, 256, (4, 28, 28, 1), dtype=np.uint8)

# One realistic instance of every message, with payloads as the two sides make them.
SAMPLES: dict[type, P.Message] = {m.__class__: m for m in [
    P.Load(config=CONFIG, run_dir="/home/u/.gan-studio/scratch/run-1", threads=None, max_threads=2, quality=20.0),
    P.Branch(parent="/runs/run-a", step=100, run_dir="/home/u/.gan-studio/scratch/run-2",
             changes={"train.lr_d": 1e-4}, threads=1, max_threads=2, quality=20.0),
    P.Train(target_steps=500, target_seconds=60.0, paused=False),
    P.Apply(config=CONFIG),
    P.ApplyLive(changes={"train.lr_g": 1e-3, "train.d_steps": 2}),
    P.Pause(), P.Resume(), P.Step(n=3), P.Stop(), P.SetDelay(seconds=0.5),
    P.Save(path="/runs/mine"),
    P.RequestGenerator(run="/runs/run-a", step=100),
    P.SetProbe(seconds=3.0, n=4),
    P.Discard(), P.Quit(), P.ParentGone(),
    P.Hello(pid=4242, torch="2.5.1+cpu"),
    P.Status(text="Loading dataset…"),
    P.Ready(step=0, elapsed=0.0, run="/home/u/.gan-studio/scratch/run-1", dataset="Offline sample — 2000 MNIST digits",
            notes=["the class filter was ignored"], class_names=[str(i) for i in range(10)], device="cpu", threads=2,
            config=CONFIG, quality=True, quality_note="",
            lineage={"parent": "/runs/run-a", "parent_step": 100, "changes": {"train.lr_d": [2e-4, 1e-4]}},
            snapshots=[SNAP]),
    P.Metrics(rows=[ROW, dict(ROW, step=13)]),
    P.Snapshot(step=10, images=SHEET),
    P.State(state="running", step=12, start_step=0, start_elapsed=0.0),
    P.Diverged(advice="Training diverged: loss_d became infinite…", step=20),
    P.Quality(point=QualityPoint(step=40, elapsed=12.0, score=55.0, fd=80.0, fd_floor=2.0, coverage=9).to_dict()),
    P.Warned(**TrainingWarning("collapse", 40, "Mode collapse", "The samples are nearly all one image.",
                               "Lower the learning rates.").to_dict()),
    P.Snapshots(items=[SNAP], total_bytes=123456),
    P.Saved(path="/runs/mine", step=120, auto=False),
    P.NotSaved(what="checkpoint", step=129, reason="not saved: could not write weights.safetensors in /runs/mine: "
               "the disk is full (needs 21.2 MB, 2.0 MB free)", kept_step=48),
    P.Applied(config=CONFIG),
    P.Generator(data=b"\x08\x00\x00\x00\x00\x00\x00\x00{}" + bytes(range(256)), name="tiny · step 120", step=120,
                run="/runs/mine"),
    P.Probe(step=120, real=PROBE_IMAGES, fake=PROBE_IMAGES[::-1].copy(), score_real=[1.5, 0.2, -0.3, 2.0],
            score_fake=[-1.0, -0.5, 0.1, -2.0], d_real=[0.82, 0.55, 0.43, 0.88], d_fake=[0.27, 0.38, 0.52, 0.12],
            labels=None),
    P.Finished(reason="target", step=500),
    P.Failed(message="no such folder", detail="Traceback (most recent call last): …"),
    P.Bye(),
]}


def same(a: P.Message, b: P.Message) -> bool:
    if type(a) is not type(b):
        return False
    for f in dataclasses.fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, np.ndarray):
            if not (isinstance(y, np.ndarray) and x.dtype == y.dtype and np.array_equal(x, y)):
                return False
        elif x != y:
            return False
    return True


def test_the_samples_cover_every_message_and_each_class_is_a_frozen_command_or_event():
    assert set(SAMPLES) == set(P.COMMANDS) | set(P.EVENTS)
    assert not set(P.COMMANDS) & set(P.EVENTS)
    assert all(issubclass(c, P.Command) for c in P.COMMANDS) and all(issubclass(e, P.Event) for e in P.EVENTS)
    with pytest.raises(dataclasses.FrozenInstanceError):
        SAMPLES[P.Train].target_steps = 3


@pytest.mark.parametrize("message", list(SAMPLES.values()), ids=lambda m: type(m).__name__)
def test_every_message_survives_pickling_and_a_multiprocessing_pipe(message):
    assert same(pickle.loads(pickle.dumps(message)), message)
    read, write = Pipe(duplex=False)
    try:
        write.send(message)
        got = read.recv()
    finally:
        read.close()
        write.close()
    assert same(got, message) and got is not message
    if isinstance(message, (P.Snapshot, P.Probe)):
        assert not np.shares_memory(got.payload().get("images", got.payload().get("real")),
                                    message.payload().get("images", message.payload().get("real")))


def test_the_training_loop_has_a_handler_for_every_command():
    read, write = Pipe(duplex=False)
    try:
        loop = TrainingLoop(read, write)
    finally:
        read.close()
        write.close()
    assert set(loop.handlers) == set(P.COMMANDS)
    assert all(callable(h) for h in loop.handlers.values())


def test_a_missing_or_unknown_handler_is_an_error_at_start_up():
    complete = {c: (lambda m: m) for c in P.EVENTS}
    assert P.check_handlers(complete, P.Event) is complete
    missing = {c: h for c, h in complete.items() if c is not P.Probe}
    with pytest.raises(P.ProtocolError, match="missing \\['Probe'\\]"):
        P.check_handlers(missing, P.Event)
    with pytest.raises(P.ProtocolError, match="unknown \\['Load'\\]"):
        P.check_handlers({**complete, P.Load: lambda m: m}, P.Event)
    with pytest.raises(TypeError):
        P.check_handlers(complete, P.Message)


def test_dispatch_calls_the_handler_of_the_class_and_raises_on_anything_else():
    seen = []
    handlers = {P.Step: seen.append, P.Stop: lambda m: "stopped"}
    assert P.dispatch(handlers, P.Stop()) == "stopped"
    P.dispatch(handlers, P.Step(n=2))
    assert seen == [P.Step(n=2)]
    for unknown in [("step", {"n": 2}), P.Pause(), "stop", None]:
        with pytest.raises(P.UnknownMessage):
            P.dispatch(handlers, unknown)


def test_payload_gives_the_fields_without_copying_arrays():
    probe = SAMPLES[P.Probe]
    payload = probe.payload()
    assert list(payload) == ["step", "real", "fake", "score_real", "score_fake", "d_real", "d_fake", "labels"]
    assert payload["real"] is probe.real
    assert SAMPLES[P.Warned].payload() == {"kind": "collapse", "step": 40, "title": "Mode collapse",
                                           "text": "The samples are nearly all one image.",
                                           "advice": "Lower the learning rates."}


def test_a_load_needs_a_config_or_a_run_to_resume():
    with pytest.raises(ValueError):
        P.Load(run_dir="/tmp/x")
    assert P.Load(resume="/runs/a").config is None


def test_the_docstring_tables_list_exactly_the_messages():
    import re

    listed = []
    for line in P.__doc__.splitlines():
        first = re.match(r"  ([A-Z]\w+(?: / [A-Z]\w+)*)(?:\s|$)", line)   # a row's first column
        if first:
            listed += first.group(1).split(" / ")
    assert sorted(listed) == sorted(c.__name__ for c in P.COMMANDS + P.EVENTS)
