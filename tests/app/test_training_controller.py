"""TrainingController: a real training process, its event relay in a real QThread, a tiny experiment.

Spawning a training process imports torch (seconds on a loaded machine), so the
tests share one warm controller (`shared`), each starting from a fresh
experiment; the tests that resume in, or kill, a process use their own.  No
test sleeps: "nothing more happened" is checked behind a barrier (a generator
request, answered in order after every command sent before it, with its step).
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys

import numpy as np
import pytest

from gan_studio.app.training_controller import TrainingController
from gan_studio.core.training import protocol as P
from gan_studio.core.config import DataConfig
from gan_studio.core.experiment import Experiment
from gan_studio.core.run_folders.runs import is_scratch

from .conftest import tiny_config

WAIT = 60_000       # ms: generous, the machine is shared and slow


def tiny(**train):
    return tiny_config(autosave_seconds=0.0, **train)


@pytest.fixture(scope="module")
def module_home(tmp_path_factory):
    """One GAN_STUDIO_HOME for the module: the warm process and the window side must agree on it."""
    home = tmp_path_factory.mktemp("controller_home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GAN_STUDIO_HOME", str(home))
        yield home


@pytest.fixture(autouse=True)
def gs_home(module_home, monkeypatch):
    monkeypatch.setenv("GAN_STUDIO_HOME", str(module_home))
    return module_home


@pytest.fixture(scope="module")
def shared(qapp, module_home):
    c = TrainingController(Experiment(tiny()), threads=1)
    c.prewarm()
    yield c
    process = c._process
    c.shutdown()
    assert process is None or not process.alive()


class Recorder:
    """Everything a controller emits, for assertions; disconnects itself at the end of the test."""

    def __init__(self, ctrl: TrainingController):
        self.ctrl = ctrl
        self.rows: list[dict] = []
        self.snaps: list[tuple[int, np.ndarray]] = []
        self.states: list[str] = []
        self.finished: list[str] = []
        self.failed: list[str] = []
        self.saved: list[str] = []
        self.died: list[str] = []
        self._links = [
            (ctrl.metrics, self.rows.extend),
            (ctrl.snapshot, self._snap),
            (ctrl.experiment.stateChanged, self.states.append),
            (ctrl.finished, self.finished.append),
            (ctrl.failed, self.failed.append),
            (ctrl.saved, self.saved.append),
            (ctrl.processDied, self.died.append),
        ]
        for sig, slot in self._links:
            sig.connect(slot)

    def _snap(self, step, images):
        self.snaps.append((step, images))

    def close(self):
        for sig, slot in self._links:
            sig.disconnect(slot)

    def last(self) -> int:
        return self.rows[-1]["step"] if self.rows else 0


def settle(qtbot, ctrl: TrainingController) -> None:
    """Stop whatever the previous test left running, wait until the process reports idle, discard."""
    if ctrl.experiment.active:
        ctrl.stop()
        qtbot.waitUntil(lambda: ctrl.state == "idle", timeout=WAIT)
    if ctrl.info:
        ctrl.discard()
    ctrl.set_delay(0)


def barrier(qtbot, ctrl: TrainingController) -> int:
    """The trainer's step once every event of the commands sent so far has arrived (something is loaded)."""
    with qtbot.waitSignal(ctrl.generatorReady, timeout=WAIT) as sig:
        assert ctrl.request_generator() is True
    return sig.args[0].step


def wait_state(qtbot, ctrl: TrainingController, state: str) -> None:
    qtbot.waitUntil(lambda: ctrl.state == state, timeout=WAIT)


@pytest.fixture
def ctrl(qtbot, shared):
    settle(qtbot, shared)
    shared.experiment.reset(tiny())
    yield shared
    settle(qtbot, shared)


@pytest.fixture
def rec(ctrl):
    r = Recorder(ctrl)
    yield r
    r.close()


def wait_steps(qtbot, rec: Recorder, at_least: int) -> None:
    qtbot.waitUntil(lambda: rec.last() >= at_least, timeout=WAIT)


@pytest.fixture
def own(qtbot, qapp):
    """A controller of the test's own, shut down at the end (its process and relay thread end)."""
    made: list[TrainingController] = []

    def make(experiment: Experiment) -> TrainingController:
        c = TrainingController(experiment, threads=1)
        made.append(c)
        return c

    yield make
    for c in made:
        c.shutdown()
        assert c._thread is None and c._process is None


# ------------------------------------------------------------------------ tests
def test_trains_and_emits_increasing_steps_and_snapshots(qtbot, ctrl, rec):
    assert ctrl.train() == "start"
    assert ctrl.state == "loading"
    wait_steps(qtbot, rec, 30)
    steps = [r["step"] for r in rec.rows]
    assert steps == list(range(1, len(steps) + 1))
    assert {"loss_d", "loss_g", "d_real", "d_fake", "lr_g", "images_per_s"} <= set(rec.rows[0])
    assert all(np.isfinite(r["loss_d"]) for r in rec.rows)
    qtbot.waitUntil(lambda: len(rec.snaps) >= 2, timeout=WAIT)
    assert rec.snaps[0][0] == 0
    for step, img in rec.snaps:
        assert isinstance(img, np.ndarray) and img.dtype == np.uint8 and img.shape == (64, 28, 28, 1)
    assert [s for s, _ in rec.snaps] == sorted(s for s, _ in rec.snaps)
    exp = ctrl.experiment
    assert ctrl.state == "running" and rec.states[-1] == "running"
    assert exp.trained is not None and exp.dirty
    assert exp.run_path is not None and is_scratch(exp.run_path) and ctrl.info["run"] == str(exp.run_path)
    qtbot.waitUntil(lambda: exp.step >= rec.last() > 30, timeout=WAIT)


def test_pause_resume_and_single_steps_are_exact(qtbot, ctrl, rec):
    ctrl.train()
    wait_steps(qtbot, rec, 5)
    ctrl.pause()
    wait_state(qtbot, ctrl, "paused")
    frozen = ctrl.step
    assert rec.last() == frozen          # the rows up to the pause arrive before the state
    assert barrier(qtbot, ctrl) == frozen
    assert ctrl.step == frozen and rec.last() == frozen

    n = len(rec.rows)
    ctrl.step_once()
    qtbot.waitUntil(lambda: rec.last() == frozen + 1, timeout=WAIT)
    ctrl.step_once()
    ctrl.step_once(3)
    qtbot.waitUntil(lambda: rec.last() >= frozen + 4, timeout=WAIT)
    assert barrier(qtbot, ctrl) == frozen + 5
    assert [r["step"] for r in rec.rows[n:]] == list(range(frozen + 1, frozen + 6))
    assert ctrl.step == frozen + 5 and ctrl.state == "paused"

    ctrl.resume()
    wait_state(qtbot, ctrl, "running")
    wait_steps(qtbot, rec, frozen + 15)
    assert ctrl.state == "running"


def test_stop_then_continue_goes_on_from_the_same_step(qtbot, ctrl, rec):
    ctrl.train()
    wait_steps(qtbot, rec, 5)
    with qtbot.waitSignal(ctrl.finished, timeout=WAIT) as sig:
        ctrl.stop()
    assert sig.args == ["stopped"]
    qtbot.waitUntil(lambda: ctrl.state == "idle", timeout=WAIT)
    stopped = ctrl.step
    assert stopped == rec.last() >= 5
    assert not ctrl.is_active() and ctrl.experiment.plan().action == "continue"
    assert barrier(qtbot, ctrl) == stopped and rec.last() == stopped

    n = len(rec.rows)
    assert ctrl.train() == "continue"
    qtbot.waitUntil(lambda: len(rec.rows) >= n + 5, timeout=WAIT)
    assert rec.rows[n]["step"] == stopped + 1
    steps = [r["step"] for r in rec.rows]
    assert steps == list(range(1, len(steps) + 1))


def test_stop_in_slow_motion_is_prompt(qtbot, ctrl, rec):
    ctrl.set_delay(0.5)
    ctrl.train()
    wait_steps(qtbot, rec, 2)
    with qtbot.waitSignal(ctrl.finished, timeout=WAIT) as sig:
        ctrl.stop()
    assert sig.args == ["stopped"]
    qtbot.waitUntil(lambda: ctrl.state == "idle", timeout=WAIT)
    stopped = ctrl.step
    assert barrier(qtbot, ctrl) == stopped      # no slow-motion step after the stop
    assert ctrl.step == stopped == rec.last()


def test_live_learning_rate_applies_to_later_rows_only(qtbot, ctrl, rec):
    ctrl.train()
    wait_steps(qtbot, rec, 5)
    ctrl.experiment.edit(**{"train.lr_g": 1e-3, "train.lr_d": 3e-4})
    changed_at = rec.last()
    qtbot.waitUntil(lambda: rec.rows[-1]["lr_g"] == pytest.approx(1e-3), timeout=WAIT)
    assert rec.rows[0]["lr_g"] == pytest.approx(2e-4)
    first_new = next(i for i, r in enumerate(rec.rows) if r["lr_g"] == pytest.approx(1e-3))
    assert rec.rows[first_new]["step"] > changed_at
    assert all(r["lr_g"] == pytest.approx(2e-4) and r["lr_d"] == pytest.approx(2e-4) for r in rec.rows[:first_new])
    assert all(r["lr_g"] == pytest.approx(1e-3) and r["lr_d"] == pytest.approx(3e-4) for r in rec.rows[first_new:])
    assert ctrl.experiment.trained.train.lr_g == pytest.approx(1e-3)
    assert ctrl.experiment.plan().action == "continue"


def test_target_steps_finishes_at_exactly_that_step(qtbot, ctrl, rec):
    with qtbot.waitSignal(ctrl.finished, timeout=WAIT) as sig:
        ctrl.train(target_steps=25)
    assert sig.args == ["target"]
    qtbot.waitUntil(lambda: not ctrl.is_active(), timeout=WAIT)
    assert barrier(qtbot, ctrl) == 25
    assert ctrl.step == 25 and rec.last() == 25
    assert [r["step"] for r in rec.rows] == list(range(1, 26))


def test_failure_is_reported_not_raised(qtbot, ctrl, rec, tmp_path):
    missing = tmp_path / "no-such-folder"
    ctrl.experiment.reset(tiny().replace(data=DataConfig(source="folder", path=str(missing))))
    with qtbot.waitSignal(ctrl.failed, timeout=WAIT) as sig:
        ctrl.train()
    assert "no-such-folder" in sig.args[0]
    qtbot.waitUntil(lambda: not ctrl.is_active(), timeout=WAIT)
    assert ctrl.state == "idle" and ctrl.experiment.plan().action == "start" and not ctrl.info
    # The process is still there: the fixed experiment trains.
    ctrl.experiment.reset(tiny())
    ctrl.train()
    wait_steps(qtbot, rec, 3)
    assert rec.failed == [sig.args[0]]            # one failure, not a second one for the queued Train


def test_stop_while_loading_ends_idle_without_an_error(qtbot, ctrl, rec):
    ctrl.train()
    assert ctrl.state == "loading"
    ctrl.stop()                      # usually cancels the load; if the load won, it stops the training
    qtbot.waitUntil(lambda: ctrl.state == "idle" and "idle" in rec.states, timeout=WAIT)
    if ctrl.info:                    # the load won: nothing trains after the stop
        assert barrier(qtbot, ctrl) == ctrl.step == rec.last()
    assert ctrl.state == "idle" and not ctrl.is_active()
    action = ctrl.experiment.plan().action
    assert action == ("continue" if ctrl.info else "start")
    ctrl.train()                     # and Train works afterwards
    wait_steps(qtbot, rec, ctrl.step + 3)
    assert rec.failed == []


def test_request_generator_gives_the_trained_generator(qtbot, ctrl, rec):
    assert ctrl.request_generator() is False          # nothing loaded yet
    ctrl.train()
    wait_steps(qtbot, rec, 12)
    ctrl.pause()
    wait_state(qtbot, ctrl, "paused")
    with qtbot.waitSignal(ctrl.generatorReady, timeout=WAIT) as sig:
        assert ctrl.request_generator() is True
    model = sig.args[0]
    assert model.step == ctrl.step == rec.last() >= 12
    assert model.latent_dim == 16 and f"{ctrl.step:,}" in model.name
    import torch

    with torch.no_grad():
        out = model.module(torch.randn(3, 16), None)
    assert tuple(out.shape) == (3, 1, 28, 28) and torch.isfinite(out).all()


def test_discard_then_train_at_once_starts_cleanly(qtbot, ctrl, rec):
    """A New experiment right after a run: the process's late "idle" for the discard must not undo the new start."""
    ctrl.train()
    wait_steps(qtbot, rec, 3)
    ctrl.stop()
    wait_state(qtbot, ctrl, "idle")
    exp = ctrl.experiment
    seen: list[str] = []
    exp.stateChanged.connect(seen.append)
    try:
        ctrl.discard()
        ctrl.train()
        run = exp.run_path
        n = len(rec.rows)
        qtbot.waitUntil(lambda: len(rec.rows) > n + 3, timeout=WAIT)
        assert rec.rows[n]["step"] == 1
        assert seen == ["loading", "running"]        # no "idle" in between: the discard's answer came late
        assert exp.run_path == run and exp.trained is not None
    finally:
        exp.stateChanged.disconnect(seen.append)


def test_save_while_running_then_another_controller_resumes(qtbot, ctrl, rec, tmp_path, own):
    ctrl.train()
    wait_steps(qtbot, rec, 10)
    run_dir = tmp_path / "run"
    with qtbot.waitSignal(ctrl.saved, timeout=WAIT) as sig:
        assert ctrl.save(run_dir) is True
    assert sig.args == [str(run_dir)]
    assert (run_dir / "weights.safetensors").is_file()
    assert ctrl.experiment.saved_path == run_dir and ctrl.state == "running"
    ctrl.stop()
    wait_state(qtbot, ctrl, "idle")
    assert ctrl.experiment.dirty
    with qtbot.waitSignal(ctrl.saved, timeout=WAIT):
        ctrl.save()
    saved_step = ctrl.step
    assert not ctrl.experiment.dirty and ctrl.experiment.saved_step == saved_step == rec.last()
    info = json.loads((run_dir / "run.json").read_text("utf-8"))
    assert info["step"] == saved_step
    ctrl.discard()                       # this window lets go of the run (one writer per run)
    qtbot.waitUntil(lambda: not (run_dir / ".lock").exists(), timeout=WAIT)
    assert (run_dir / "weights.safetensors").is_file()     # a saved run is kept

    other = own(Experiment())
    got = Recorder(other)
    try:
        other.experiment.opened_run(run_dir, tiny(), saved_step)
        assert other.experiment.plan().action == "resume"
        assert other.train() == "resume"
        qtbot.waitUntil(lambda: len(got.rows) >= 3 or bool(got.failed), timeout=WAIT)
        assert not got.failed
        assert got.rows[0]["step"] == saved_step + 1
        assert other.info["run"] == str(run_dir) and other.info["step"] == saved_step
        assert other.experiment.plan().action == "continue"
    finally:
        got.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_process_is_reported_and_train_resumes_from_the_save(qtbot, own, tmp_path):
    c = own(Experiment(tiny()))
    r = Recorder(c)
    try:
        c.train()
        wait_steps(qtbot, r, 10)
        run_dir = tmp_path / "run"
        with qtbot.waitSignal(c.saved, timeout=WAIT):
            c.save(run_dir)
        saved_step = json.loads((run_dir / "run.json").read_text("utf-8"))["step"]
        wait_steps(qtbot, r, saved_step + 5)           # steps after the save are lost with the process
        pid = c.process_pid
        with qtbot.waitSignal(c.processDied, timeout=WAIT) as sig:
            os.kill(pid, signal.SIGKILL)
        message = sig.args[0]
        assert "killed" in message and "Traceback" not in message and "SIG" not in message
        assert r.states[-1] == "idle" and c.state == "idle" and not c.is_active()
        assert c.process_pid is None and c.info == {}
        assert c.experiment.plan().action == "resume"

        n = len(r.rows)
        assert c.train() == "resume"
        qtbot.waitUntil(lambda: len(r.rows) >= n + 3, timeout=WAIT)
        assert c.process_pid not in (None, pid)
        assert r.rows[n]["step"] == saved_step + 1
        assert c.info["step"] == saved_step and c.info["run"] == str(run_dir)
        assert r.died == [message]
    finally:
        r.close()


def test_shutdown_with_save_while_running_saves_and_the_process_quits(qtbot, own, tmp_path):
    c = own(Experiment(tiny()))
    r = Recorder(c)
    try:
        c.train()
        wait_steps(qtbot, r, 10)
        run_dir = tmp_path / "run"
        with qtbot.waitSignal(c.saved, timeout=WAIT):
            c.save(run_dir)
        wait_steps(qtbot, r, r.last() + 20)            # the process is streaming metrics and snapshots
        proc = c._process._proc
        c.shutdown(save=True)
        assert not proc.is_alive()
        assert proc.exitcode == 0                     # it quit by itself (was not terminated)
        info = json.loads((run_dir / "run.json").read_text("utf-8"))
        assert info["step"] >= r.last()
        assert c.state == "idle"
    finally:
        r.close()


def test_a_prewarm_due_after_shutdown_starts_nothing(qtbot, own):
    """The window schedules `prewarm` shortly after it is built; closed before then, nothing may start."""
    from PySide6.QtCore import QTimer

    c = own(Experiment(tiny()))
    due: list[bool] = []
    QTimer.singleShot(100, lambda: (c.prewarm(), due.append(True)))
    c.shutdown()
    qtbot.waitUntil(lambda: bool(due), timeout=WAIT)
    assert c._process is None and c._thread is None and c.process_pid is None


# ------------------------------------------------------ events, without a process
def test_every_event_has_a_handler_and_an_unknown_one_is_logged_not_dropped_silently(qapp, caplog):
    c = TrainingController(Experiment(tiny()))
    assert set(c.handlers) == set(P.EVENTS)
    statuses: list[str] = []
    c.status.connect(statuses.append)
    with caplog.at_level(logging.ERROR, logger="gan_studio.app.training_controller"):
        c._on_events([("status", {"text": "old protocol"}), P.Status(text="Loading dataset…")])
    assert statuses == ["Loading dataset…"]                  # the rest of the batch is handled
    assert "unknown message tuple" in caplog.text and "old protocol" in caplog.text


def test_what_the_process_loaded_and_where_train_began_live_in_the_experiment(qapp):
    exp = Experiment(tiny())
    c = TrainingController(exp)
    exp.started(exp.config, "/runs/r", 0)
    exp.set_state("loading")
    ready: list[dict] = []
    c.ready.connect(ready.append)
    c._on_events([P.Ready(step=7, elapsed=3.0, run="/runs/r", dataset="sample", notes=[], class_names=[],
                          device="cpu", threads=2, config=exp.config.to_dict(), quality=True, quality_note="",
                          lineage=None, snapshots=[]),
                  P.State(state="running", step=7, start_step=7, start_elapsed=3.0),
                  P.Metrics(rows=[{"step": 8, "elapsed": 3.1}])])
    assert exp.loaded["device"] == "cpu" and exp.loaded["threads"] == 2 and c.info is exp.loaded
    assert ready == [exp.loaded]
    assert exp.state == "running" and exp.step == 8
    assert (exp.start_step, exp.start_elapsed) == (7, 3.0) == (c.start_step, c.start_elapsed)
    c._on_events([P.State(state="paused", step=8, start_step=7, start_elapsed=3.0)])
    assert exp.state == "paused" and exp.loaded
    c.discard()                      # no process: nothing is sent, the experiment forgets the networks
    assert exp.loaded == {} and c.info == {} and exp.state == "idle"


def test_quitting_while_the_process_still_imports_pytorch_ends_it_at_once(qtbot, own):
    """Ctrl+Q while "Preparing PyTorch…" waited 3-10 s for the import to finish (issue 26): a process that has
    not said Hello holds nothing to save, so it is ended at once instead of being asked to quit."""
    import signal

    c = own(Experiment(tiny()))
    c.prewarm()
    process = c._process
    assert not c._hello                       # spawned a moment ago: still importing torch
    c.shutdown()
    assert process.exitcode == -signal.SIGKILL


def test_quitting_after_hello_asks_the_process_to_quit(qtbot, own):
    c = own(Experiment(tiny()))
    c.prewarm()
    process = c._process
    qtbot.waitUntil(lambda: c._hello, timeout=WAIT)
    c.shutdown()
    assert process.exitcode == 0              # it read Quit and left on its own
