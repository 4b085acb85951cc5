"""The training process (`TrainingProcess` / `TrainingLoop`) driven directly, without Qt.

One warm process is shared by the protocol tests of this module (spawning one
imports torch: seconds on a loaded machine); the fault tests start their own.
No test sleeps: "nothing more happened" is checked behind a barrier (a
RequestGenerator, answered in order after every command sent before it, with the
step the trainer is at).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from multiprocessing import Pipe
from pathlib import Path

import numpy as np
import pytest

from gan_studio.core.training import protocol as P
from gan_studio.core.config import DataConfig, ExperimentConfig
from gan_studio.core.training.process import ProcessDied, TrainingProcess
from gan_studio.core.training.process_child import PRIORITY_NICE, TrainingLoop
from gan_studio.testing import tiny_config as shared_tiny_config

ROOT = Path(__file__).resolve().parents[2]
WAIT = 60.0         # generous: two shared cores, torch imports, other engineers' tests


def tiny_config(**train) -> ExperimentConfig:
    """The shared tiny experiment, without the one-minute autosave (these tests save when they ask)."""
    return shared_tiny_config(**{"autosave_seconds": 0.0, **train})


class Inbox:
    """Receives a TrainingProcess's events (in this thread) and keeps them for assertions."""

    def __init__(self, process: TrainingProcess):
        self.process = process
        self.events: list[P.Event] = []
        self.mark = 0       # events before the mark belong to earlier tests

    def pump(self, seconds: float = 0.0) -> None:
        end = time.monotonic() + seconds
        while True:
            self.events.extend(self.process.receive(min(0.05, max(0.0, end - time.monotonic()))))
            if time.monotonic() >= end:
                return

    def since_mark(self, kind: type | None = None) -> list[P.Event]:
        return [e for e in self.events[self.mark:] if kind is None or isinstance(e, kind)]

    def rows(self, start: int | None = None) -> list[dict]:
        """Metric rows after the mark (or after event index `start`)."""
        events = self.events[self.mark if start is None else start:]
        return [r for e in events if isinstance(e, P.Metrics) for r in e.rows]

    def wait(self, predicate, timeout: float = WAIT, what: str = "") -> None:
        end = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > end:
                names = [type(e).__name__ for e in self.events[self.mark:]][-30:]
                raise AssertionError(f"timed out waiting for {what or predicate}; recent events: {names}")
            self.pump(0.05)

    def wait_event(self, kind: type, timeout: float = WAIT, where=lambda e: True):
        """The first event of class `kind` after the mark that satisfies `where`; moves the mark past it."""
        found: list = []

        def seen():
            for i in range(self.mark, len(self.events)):
                e = self.events[i]
                if isinstance(e, kind) and where(e):
                    found.append(i)
                    return True
            return False

        self.wait(seen, timeout, f"event {kind.__name__}")
        event = self.events[found[0]]
        self.mark = found[0] + 1
        return event

    def new_mark(self) -> None:
        self.pump(0)
        self.mark = len(self.events)

    def last_step(self) -> int:
        rows = [r for e in self.events if isinstance(e, P.Metrics) for r in e.rows]
        return rows[-1]["step"] if rows else 0


def barrier(box: Inbox, send=None) -> int:
    """Every event of the commands sent so far has arrived once this returns; the trainer's step then
    (the test's mark stays).

    The process answers commands in order, so the Generator answering this request comes after
    whatever the earlier ones caused (and after any rows it trained meanwhile)."""
    mark, seen = box.mark, len(box.events)
    (send or box.process.send)(P.RequestGenerator())
    box.mark = seen
    step = box.wait_event(P.Generator).step
    box.mark = mark         # the test's own mark stays where it was
    return step


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    return tmp_path_factory.mktemp("process_home")


@pytest.fixture(scope="module")
def inbox(home):
    """One training process for the protocol tests, with its own GAN_STUDIO_HOME."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GAN_STUDIO_HOME", str(home))
        process = TrainingProcess()
        process.start()
    box = Inbox(process)
    hello = box.wait_event(P.Hello, timeout=120)
    assert hello.pid == process.pid
    yield box
    process.close(10)
    assert not process.alive()


@pytest.fixture(scope="module")
def loaded(inbox, home):
    """The tiny experiment loaded (run folder in the module's temporary home), trained to ≥ 30 steps."""
    run_dir = home / "run"
    inbox.process.send(P.Load(config=tiny_config().to_dict(), run_dir=str(run_dir), threads=1))
    ready = inbox.wait_event(P.Ready)
    first = inbox.wait_event(P.Snapshot)
    inbox.process.send(P.Train())
    inbox.wait_event(P.State, where=lambda e: e.state == "running")
    inbox.wait(lambda: inbox.last_step() >= 30, what="30 steps")
    return {"ready": ready, "first": first, "run_dir": run_dir}


def pause(inbox: Inbox) -> int:
    """Pause; returns the step it paused at (every row up to it arrived before the state event)."""
    inbox.process.send(P.Pause())
    return inbox.wait_event(P.State, where=lambda e: e.state == "paused").step


# ------------------------------------------------------------------ protocol
def test_load_and_train_emit_consecutive_rows_and_snapshots(inbox, loaded):
    ready, first = loaded["ready"], loaded["first"]
    assert ready.step == 0 and ready.run == str(loaded["run_dir"])
    assert ready.threads == 1 and ready.config["model"]["g_width"] == 8
    assert first.step == 0
    rows = [r for e in inbox.events if isinstance(e, P.Metrics) for r in e.rows]
    steps = [r["step"] for r in rows]
    assert steps == list(range(1, len(steps) + 1))
    assert {"loss_d", "loss_g", "d_real", "d_fake", "lr_g", "lr_d", "images_per_s", "elapsed"} <= set(rows[0])
    assert all(np.isfinite(r["loss_d"]) and np.isfinite(r["loss_g"]) for r in rows)
    inbox.wait(lambda: len([1 for e in inbox.events if isinstance(e, P.Snapshot)]) >= 2, what="a second snapshot")
    snaps = [e for e in inbox.events if isinstance(e, P.Snapshot)]
    for snap in snaps:
        img = snap.images
        assert isinstance(img, np.ndarray) and img.dtype == np.uint8 and img.shape == (64, 28, 28, 1)
    steps = [s.step for s in snaps]
    assert steps[0] == 0 and steps[1] >= 10 and steps == sorted(steps)
    assert not np.array_equal(snaps[0].images, snaps[-1].images)   # training changed the generator


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="POSIX scheduling priorities")
def test_the_training_process_runs_at_a_lower_priority_than_the_window(inbox):
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    assert os.getpriority(os.PRIO_PROCESS, inbox.process.pid) == min(19, mine + PRIORITY_NICE)


def test_pause_stops_rows_and_step_runs_exactly_n(inbox, loaded):
    frozen = pause(inbox)
    assert inbox.last_step() == frozen
    inbox.new_mark()
    assert barrier(inbox) == frozen and inbox.rows() == []

    inbox.new_mark()
    inbox.process.send(P.Step(n=3))
    inbox.wait(lambda: inbox.last_step() >= frozen + 3, what="3 single steps")
    assert barrier(inbox) == frozen + 3
    assert [r["step"] for r in inbox.rows()] == [frozen + 1, frozen + 2, frozen + 3]
    inbox.new_mark()
    inbox.process.send(P.Step(n=1))
    inbox.process.send(P.Step(n=1))
    inbox.wait(lambda: inbox.last_step() >= frozen + 5, what="2 more steps")
    assert barrier(inbox) == frozen + 5
    assert [r["step"] for r in inbox.rows()] == [frozen + 4, frozen + 5]
    assert all(e.state == "paused" for e in inbox.since_mark(P.State))
    # Single steps show their samples every time (the Learn tab asks people to watch them).
    assert [e.step for e in inbox.since_mark(P.Snapshot)] == [frozen + 4, frozen + 5]


def test_live_learning_rate_applies_to_later_rows(inbox, loaded):
    inbox.new_mark()
    inbox.process.send(P.Resume())
    inbox.wait_event(P.State, where=lambda e: e.state == "running")
    start = inbox.last_step()
    inbox.wait(lambda: inbox.last_step() >= start + 5, what="5 steps")
    inbox.process.send(P.ApplyLive(changes={"train.lr_g": 1e-3}))
    inbox.wait(lambda: bool(inbox.rows()) and inbox.rows()[-1]["lr_g"] == pytest.approx(1e-3),
               what="rows with the new lr_g")
    rows = inbox.rows()
    assert rows[0]["lr_g"] == pytest.approx(2e-4)
    first_new = next(i for i, r in enumerate(rows) if r["lr_g"] == pytest.approx(1e-3))
    assert first_new >= 5
    assert all(r["lr_g"] == pytest.approx(2e-4) for r in rows[:first_new])
    assert all(r["lr_g"] == pytest.approx(1e-3) and r["lr_d"] == pytest.approx(2e-4) for r in rows[first_new:])
    assert [r["step"] for r in rows] == list(range(rows[0]["step"], rows[-1]["step"] + 1))
    assert [e.text for e in inbox.since_mark(P.Status)] == ["Applied generator LR 0.001"]   # the field by its name


def test_save_to_a_folder_writes_the_run(inbox, loaded, tmp_path):
    target = tmp_path / "saved-run"
    inbox.new_mark()
    inbox.process.send(P.Save(path=str(target)))         # while running
    saved = inbox.wait_event(P.Saved)
    assert saved.path == str(target) and saved.auto is False
    assert saved.step >= 30
    assert (target / "weights.safetensors").is_file() and (target / "optimizer.safetensors").is_file()
    info = json.loads((target / "run.json").read_text("utf-8"))
    assert info["step"] == saved.step and info["status"] == "running"
    steps = [json.loads(line)["step"] for line in (target / "metrics.jsonl").read_text("utf-8").splitlines()]
    # Training goes on in the saved folder, appending rows after the saved step.
    assert steps == list(range(1, len(steps) + 1)) and len(steps) >= saved.step
    inbox.wait(lambda: inbox.last_step() > saved.step + 3, what="steps after the save")


def test_generator_event_loads_as_a_model(inbox, loaded):
    from gan_studio.core.explore.generator import generator_from_bytes

    inbox.new_mark()
    inbox.process.send(P.RequestGenerator())
    event = inbox.wait_event(P.Generator)
    assert isinstance(event.data, bytes) and event.step > 30
    model = generator_from_bytes(event.data, event.run)
    assert model.step == event.step
    assert model.latent_dim == 16 and not model.conditional
    assert model.class_names == []                       # unconditional: no made-up class names (issue 25)
    assert model.dataset.get("source")                   # the dataset's identity travels with the snapshot
    assert str(event.step) in event.name.replace(",", "")
    import torch

    with torch.no_grad():
        out = model.module(torch.randn(2, 16), None)
    assert tuple(out.shape) == (2, 1, 28, 28) and torch.isfinite(out).all()


def test_stop_then_target_steps_finishes_at_exactly_that_step(inbox, loaded):
    inbox.new_mark()
    inbox.process.send(P.Stop())
    finished = inbox.wait_event(P.Finished)
    assert finished.reason == "stopped"
    idle = inbox.wait_event(P.State)
    assert idle.state == "idle"
    stopped = idle.step
    assert inbox.last_step() == stopped == finished.step
    assert barrier(inbox) == stopped and inbox.last_step() == stopped

    inbox.new_mark()
    start = inbox.mark
    inbox.process.send(P.Train(target_steps=7))
    finished = inbox.wait_event(P.Finished)
    assert finished == P.Finished(reason="target", step=stopped + 7)
    assert inbox.wait_event(P.State).state == "idle"
    assert barrier(inbox) == stopped + 7
    assert [r["step"] for r in inbox.rows(start)] == list(range(stopped + 1, stopped + 8))


def test_bad_dataset_fails_with_a_message_and_the_process_goes_on(inbox, loaded, tmp_path):
    missing = tmp_path / "no-such-folder"
    bad = tiny_config().replace(data=DataConfig(source="folder", path=str(missing)))
    inbox.new_mark()
    start = inbox.mark
    inbox.process.send(P.Load(config=bad.to_dict(), run_dir=str(tmp_path / "bad-run")))
    inbox.process.send(P.Train())          # the window sends both at once
    failed = inbox.wait_event(P.Failed)
    assert "no-such-folder" in failed.message
    assert "Traceback" in failed.detail
    assert inbox.process.alive()
    # The process answers the next commands, and the queued Train was no second failure.
    inbox.process.send(P.Load(config=tiny_config().to_dict(), run_dir=str(tmp_path / "good-run")))
    assert inbox.wait_event(P.Ready).step == 0
    kinds = [type(e) for e in inbox.events[start:]]
    assert kinds.count(P.Failed) == 1 and kinds.index(P.Failed) < kinds.index(P.Ready)
    assert barrier(inbox) == 0


def test_an_unknown_command_is_answered_with_failed_and_the_process_goes_on(inbox, loaded):
    inbox.new_mark()
    inbox.process._commands.send(("load", {"config": {}}))      # the old string protocol: no known command
    failed = inbox.wait_event(P.Failed)
    assert failed.message.startswith("unknown command") and "tuple" in failed.message
    assert isinstance(barrier(inbox), int) and inbox.process.alive()     # it still answers, in order
    with pytest.raises(TypeError):
        inbox.process.send(("train", {}))                       # the window's side refuses to send one


def _unread_bytes(conn) -> int:
    import fcntl
    import termios

    return int.from_bytes(fcntl.ioctl(conn.fileno(), termios.FIONREAD, b"\0\0\0\0"), sys.byteorder)


def _pipe_capacity(conn) -> int:
    import fcntl

    try:
        return fcntl.fcntl(conn.fileno(), 1032)      # F_GETPIPE_SZ (Linux)
    except OSError:
        return 16 * 1024                             # macOS starts a pipe at 16 KiB


@pytest.mark.skipif(sys.platform == "win32", reason="counts the unread bytes of a POSIX pipe")
def test_close_lets_the_process_quit_even_when_nobody_reads_its_events(inbox, loaded):
    """The window stops reading (its relay thread ends) before `close`: the process must not be
    left blocked on a full event pipe, unable to read Quit, and then terminated."""
    process = inbox.process
    proc = process._proc
    process.send(P.SetDelay(seconds=0))
    process.send(P.Train())
    # Metric batches and 50-KB sample sheets fill the pipe until the process blocks writing to it (whole
    # pages: it blocks with a little less than the capacity unread).
    full = _pipe_capacity(process._events) * 3 // 4
    end = time.monotonic() + WAIT
    while _unread_bytes(process._events) < full:
        assert time.monotonic() < end, f"the event pipe did not fill: {_unread_bytes(process._events)} bytes"
        proc.join(0.05)
    process.close(20)
    assert not proc.is_alive()
    assert proc.exitcode == 0           # it quit by itself (-15 / -9: close had to end it)


# ---------------------------------------------------------- divergence rollback
def _loop_in_a_thread():
    """A TrainingLoop in this process (a thread, in-process pipes): its Inbox, a send, the loop, the thread."""
    cmd_read, cmd_write = Pipe(duplex=False)
    evt_read, evt_write = Pipe(duplex=False)
    loop = TrainingLoop(cmd_read, evt_write)
    thread = threading.Thread(target=loop.serve, daemon=True)
    thread.start()
    box = Inbox(_PipeProcess(evt_read))
    box.wait_event(P.Hello)
    return box, cmd_write.send, loop, thread


def _end_loop(send, thread) -> None:
    send(P.Quit())
    thread.join(30)
    assert not thread.is_alive()


def test_divergence_rolls_back_truncates_and_pauses(tmp_path, monkeypatch):
    from gan_studio.core.training import process_child
    from gan_studio.core.training.trainer import TrainingDiverged

    monkeypatch.setattr(process_child, "ROLLBACK_INTERVAL", 0.0)   # a healthy copy after every chunk
    box, send, loop, thread = _loop_in_a_thread()
    try:
        run_dir = tmp_path / "run"
        send(P.Load(config=tiny_config().to_dict(), run_dir=str(run_dir)))
        box.wait_event(P.Ready)
        send(P.Train())
        box.wait(lambda: box.last_step() >= 20, what="20 steps")
        trainer = loop.session.trainer
        original = trainer.flush
        armed = {"at": None}

        def exploding_flush():
            records = original()
            if armed["at"] is None and records:
                armed["at"] = records[-1].step
                raise TrainingDiverged(records[-1].step, ["loss_d"])
            return records

        trainer.flush = exploding_flush        # the loop thread picks it up at its next chunk
        diverged = box.wait_event(P.Diverged)
        step = diverged.step
        assert armed["at"] is not None and 20 <= step < armed["at"]
        assert "rolled back to step" in diverged.advice and "loss_d" in diverged.advice
        state = box.wait_event(P.State)
        assert state.state == "paused" and state.step == step
        assert trainer.step_count == step
        on_disk = [json.loads(x)["step"] for x in (run_dir / "metrics.jsonl").read_text().splitlines()]
        assert on_disk == list(range(1, step + 1))                   # rows after the healthy state dropped
        box.new_mark()
        assert barrier(box, send) == step and box.rows() == []       # paused itself
        # Continue from the healthy state.
        send(P.Resume())
        box.wait(lambda: len(box.rows()) >= 3, what="rows after resuming")
        assert box.rows()[0]["step"] == step + 1
    finally:
        _end_loop(send, thread)


# --------------------------------------------------------------- device change
def test_a_device_change_reloads_with_the_same_threads_and_quality_meter(tmp_path, monkeypatch):
    """Continuing on another device saves the run and reloads it there: the reload keeps the thread
    choice (an explicit count, or the best of up to `max_threads`) and the quality meter of the load."""
    from gan_studio.core.training import device
    from gan_studio.core.training.session import TrainingSession

    asked: list[int] = []
    monkeypatch.setattr(device, "choose_threads", lambda max_threads=0: asked.append(max_threads) or 1)
    original_apply = TrainingSession.apply

    def apply_on_another_device(self, config):      # this machine has one device: pretend the choice moved
        original_apply(self, config)
        return {"train.device"}

    monkeypatch.setattr(TrainingSession, "apply", apply_on_another_device)
    box, send, loop, thread = _loop_in_a_thread()
    try:
        run_dir = tmp_path / "run"
        config = tiny_config(threads=0)
        send(P.Load(config=config.to_dict(), run_dir=str(run_dir), max_threads=1, quality=30.0))
        first = box.wait_event(P.Ready)
        # The trainer chooses for its config's 0 (every core), then the process among up to max_threads.
        assert first.quality is True and asked[-1] == 1 and asked.count(1) == 1
        send(P.Train(target_steps=5))
        box.wait_event(P.Finished)
        send(P.Apply(config=config.replace(train=config.train.replace(lr_g=1e-4)).to_dict()))
        again = box.wait_event(P.Ready)
        assert again.run == str(run_dir) and again.step == 5      # the same run, reopened where it stopped
        assert again.quality is True and again.quality_note == ""
        assert asked[-1] == 1 and asked.count(1) == 2 and again.threads == 1
        assert loop.session.quality is not None and again.config["train"]["lr_g"] == 1e-4
    finally:
        _end_loop(send, thread)


class _PipeProcess:
    """Just enough of TrainingProcess for Inbox over an in-process pipe."""

    def __init__(self, conn):
        self.conn = conn

    def receive(self, timeout):
        out = []
        if self.conn.poll(timeout):
            while True:
                out.append(self.conn.recv())
                if not self.conn.poll(0):
                    break
        return out


# --------------------------------------------------------------------- faults
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_training_process_raises_process_died():
    process = TrainingProcess()
    process.start()
    try:
        box = Inbox(process)
        box.wait_event(P.Hello, timeout=120)
        os.kill(process.pid, signal.SIGKILL)
        with pytest.raises(ProcessDied) as info:
            box.wait(lambda: False, timeout=30, what="ProcessDied")
        assert info.value.exitcode == -signal.SIGKILL
        assert "killed" in str(info.value)
        assert not process.alive()
        assert process.send(P.Pause()) is False     # sending to a dead process never raises
    finally:
        process.close(5)


HELPER = textwrap.dedent("""
    import json, sys, time
    from gan_studio.core.training import protocol as P
    from gan_studio.core.training.process import TrainingProcess

    if __name__ == "__main__":
        config, run_dir = json.loads(sys.argv[1]), sys.argv[2]
        process = TrainingProcess()
        process.start()
        process.send(P.Load(config=config, run_dir=run_dir, threads=1))
        process.send(P.Train())
        step = 0
        while step < 20:
            for event in process.receive(0.1):
                if isinstance(event, P.Metrics):
                    step = event.rows[-1]["step"]
                elif isinstance(event, P.Failed):
                    print("failed", event.message, flush=True)
                    sys.exit(1)
        print(process.pid, step, flush=True)
        while True:              # like the window: keep reading events until killed
            process.receive(0.1)
""")


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    if not Path("/proc/self/stat").exists():
        return False        # no /proc (macOS): the signal reached a live process, so it is not gone
    try:   # a zombie nobody reaps (e.g. no init in a container) has exited too
        return stat.read_text().split(")")[-1].split()[0] == "Z"
    except FileNotFoundError:
        return True         # it went between the signal and the read


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL of the parent is POSIX")
def test_killing_the_window_process_saves_the_run_as_interrupted(tmp_path, gs_home):
    script = tmp_path / "window.py"
    script.write_text(HELPER, "utf-8")
    run_dir = tmp_path / "run"
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    window = subprocess.Popen([sys.executable, str(script), json.dumps(tiny_config().to_dict()), str(run_dir)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=str(ROOT))
    child = None
    try:
        line = window.stdout.readline()       # blocks until the helper trained 20 steps (or ended)
        assert line and not line.startswith("failed"), (line, window.stderr.read() if window.poll() is not None else "")
        child, seen = map(int, line.split())
        assert seen >= 20
        window.send_signal(signal.SIGKILL)
        window.wait(30)
        end = time.monotonic() + 15
        while not _gone(child) and time.monotonic() < end:
            time.sleep(0.1)
        assert _gone(child), "the training process outlived its window by 15 s"
        info = json.loads((run_dir / "run.json").read_text("utf-8"))
        assert (run_dir / "weights.safetensors").is_file()
        assert info["status"] == "interrupted"
        assert info["step"] >= seen
    finally:
        if window.poll() is None:
            window.kill()
            window.wait(10)
        if child is not None and not _gone(child):
            os.kill(child, signal.SIGKILL)
        window.stdout.close()
        window.stderr.close()


EARLY_EXIT = textwrap.dedent("""
    import os, sys
    from gan_studio.core.training.process import TrainingProcess

    if __name__ == "__main__":
        process = TrainingProcess()
        process.start()
        print(process.pid, flush=True)
        os._exit(0)             # the window dies in its first second, before the process said Hello
""")


@pytest.mark.skipif(sys.platform == "win32", reason="the child's stderr through an inherited POSIX pipe")
def test_a_window_that_dies_in_its_first_seconds_leaves_no_traceback(tmp_path):
    """The training process notices at its first message (Hello, once torch is imported) that the window is
    gone and exits quietly: nothing on its stderr (it used to print a `_Quit: parent gone` traceback)."""
    script = tmp_path / "window.py"
    script.write_text(EARLY_EXIT, "utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    window = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=env, cwd=str(ROOT))
    # The child inherits the window's stderr: reading it to its end waits for the child to exit too.
    out, err = window.communicate(timeout=180)
    child = int(out.split()[0])
    assert window.returncode == 0
    assert _gone(child)
    assert "Traceback" not in err and "_Quit" not in err, err


# ------------------------------------------------------------- write failures (issue 27)
def _full_disk(what: str):
    from gan_studio.core.run_folders.runs import RunError

    def refuse(*args, **kwargs):
        raise RunError(f"not saved: could not write {what} in /runs/full: the disk is full "
                       f"(needs 21.2 MB, 2.0 MB free); the last good checkpoint (step 0) is kept")
    return refuse


def test_a_failed_autosave_pauses_keeps_the_state_and_resume_saves_again(tmp_path):
    """Window training on a full disk: the autosave's failure pauses training (NotSaved naming the file, the
    space it needs and the last good save) instead of ending the process; Resume tries the save first —
    still failing it stays paused, with room it saves (Saved) and training goes on from the same step."""
    box, send, loop, thread = _loop_in_a_thread()
    try:
        run_dir = tmp_path / "run"
        send(P.Load(config=tiny_config(checkpoint_every=25).to_dict(), run_dir=str(run_dir)))
        box.wait_event(P.Ready)
        run = loop.session.run
        run.save_checkpoint = _full_disk("weights.safetensors")       # fault injection: the writer refuses
        send(P.Train())
        failed = box.wait_event(P.NotSaved)
        at = failed.step            # the first autosave: 25 steps after the start
        assert failed.what == "checkpoint" and 25 <= at < 40 and failed.kept_step == 0
        assert "weights.safetensors" in failed.reason and "needs 21.2 MB, 2.0 MB free" in failed.reason
        state = box.wait_event(P.State)
        assert state.state == "paused" and state.step == at
        assert barrier(box, send) == at and loop.session is not None       # alive, paused, nothing lost
        assert not box.since_mark(P.Failed) and not box.since_mark(P.Warned)
        send(P.Resume())                                                  # still full: stays paused
        again = box.wait_event(P.NotSaved)
        assert again.step == at and box.wait_event(P.State).state == "paused"
        assert not (run_dir / "checkpoint.json").exists()
        del run.save_checkpoint                                           # room again
        send(P.Resume())
        saved = box.wait_event(P.Saved)
        assert saved.step == at and saved.auto
        assert box.wait_event(P.State).state == "running"
        assert json.loads((run_dir / "checkpoint.json").read_text())["step"] == at
        box.wait(lambda: box.last_step() >= at + 5, what="steps after the save")
        steps = [r["step"] for r in box.rows(0)]
        assert steps == list(range(1, len(steps) + 1))                   # consecutive: no step lost or repeated
    finally:
        _end_loop(send, thread)


def test_a_rollback_drops_the_metric_rows_held_after_a_failed_write(tmp_path, monkeypatch):
    """Metrics that could not be written are held in memory; a divergence rolling back past some of them drops
    those (they describe steps that no longer exist): once the disk has room the file holds each step once."""
    from gan_studio.core.training import process_child
    from gan_studio.core.training.trainer import TrainingDiverged

    box, send, loop, thread = _loop_in_a_thread()
    try:
        run_dir = tmp_path / "run"
        send(P.Load(config=tiny_config().to_dict(), run_dir=str(run_dir)))
        box.wait_event(P.Ready)
        session = loop.session
        session.run.append_metrics = _full_disk("metrics.jsonl")
        monkeypatch.setattr(process_child, "ROLLBACK_INTERVAL", 0.0)     # a healthy copy after every chunk
        send(P.Train())
        failed = box.wait_event(P.NotSaved)
        assert failed.what == "metrics" and box.wait_event(P.State).state == "paused"
        first = failed.step
        send(P.Step(n=5))
        box.wait(lambda: box.last_step() == first + 5, what="5 single steps")
        healthy = barrier(box, send)                                     # the last healthy copy is taken here
        assert healthy == first + 5
        monkeypatch.setattr(process_child, "ROLLBACK_INTERVAL", 1e9)     # no newer copy from now on
        send(P.Step(n=6))
        box.wait(lambda: box.last_step() == healthy + 6, what="6 more single steps")
        beyond = barrier(box, send)
        assert beyond == healthy + 6
        assert [r["step"] for r in session._unwritten][-1] == beyond   # held in memory, beyond the healthy copy
        trainer = session.trainer
        original = trainer.flush

        def exploding_flush():
            trainer.flush = original
            records = original()
            raise TrainingDiverged(records[-1].step, ["loss_d"])

        trainer.flush = exploding_flush
        send(P.Step(n=1))
        assert box.wait_event(P.Diverged).step == healthy
        assert all(r["step"] <= healthy for r in session._unwritten)
        del session.run.append_metrics                                    # room again
        send(P.Resume())
        assert box.wait_event(P.Saved).step == healthy
        box.wait(lambda: box.last_step() >= healthy + 10, what="steps after the rollback")
        send(P.Pause())
        box.wait_event(P.State, where=lambda e: e.state == "paused")
        on_disk = [json.loads(x)["step"] for x in (run_dir / "metrics.jsonl").read_text().splitlines()]
        assert on_disk == list(range(1, len(on_disk) + 1)) and on_disk[-1] > healthy
    finally:
        _end_loop(send, thread)
