"""The training process (`TrainingProcess` / `TrainingLoop`) driven directly, without Qt.

One warm process is shared by the protocol tests of this module (spawning one
imports torch: seconds on a loaded machine); the fault tests start their own.
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

from gan_studio.core.config import DataConfig, ExperimentConfig, ModelConfig, TrainConfig
from gan_studio.core.process import PRIORITY_NICE, ProcessDied, TrainingLoop, TrainingProcess

ROOT = Path(__file__).resolve().parents[2]
WAIT = 60.0         # generous: two shared cores, torch imports, other engineers' tests


def tiny_config(**train) -> ExperimentConfig:
    """The offline sample with a very small unconditional DCGAN (a step takes milliseconds)."""
    t = dict(batch_size=16, threads=1, lr_g=2e-4, lr_d=2e-4, sample_every=10, checkpoint_every=0,
             autosave_seconds=0.0)
    t.update(train)
    return ExperimentConfig(
        data=DataConfig(source="sample", holdout=200),
        model=ModelConfig(arch="dcgan", g_width=8, d_width=8, latent_dim=16, conditional=False),
        train=TrainConfig(**t),
        name="tiny",
    ).check()


class Inbox:
    """Receives a TrainingProcess's events (in this thread) and keeps them for assertions."""

    def __init__(self, process: TrainingProcess):
        self.process = process
        self.events: list[tuple[str, dict]] = []
        self.mark = 0       # events before the mark belong to earlier tests

    def pump(self, seconds: float = 0.0) -> None:
        end = time.monotonic() + seconds
        while True:
            self.events.extend(self.process.receive(min(0.05, max(0.0, end - time.monotonic()))))
            if time.monotonic() >= end:
                return

    def since_mark(self, name: str | None = None) -> list[tuple[str, dict]]:
        return [e for e in self.events[self.mark:] if name is None or e[0] == name]

    def rows(self, start: int | None = None) -> list[dict]:
        """Metric rows after the mark (or after event index `start`)."""
        events = self.events[self.mark if start is None else start:]
        return [r for n, p in events if n == "metrics" for r in p["rows"]]

    def wait(self, predicate, timeout: float = WAIT, what: str = "") -> None:
        end = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > end:
                names = [n for n, _ in self.events[self.mark:]][-30:]
                raise AssertionError(f"timed out waiting for {what or predicate}; recent events: {names}")
            self.pump(0.05)

    def wait_event(self, name: str, timeout: float = WAIT, where=lambda p: True) -> dict:
        """The first event `name` after the mark whose payload satisfies `where`; moves the mark past it."""
        found: list = []

        def seen():
            for i in range(self.mark, len(self.events)):
                n, p = self.events[i]
                if n == name and where(p):
                    found.append(i)
                    return True
            return False

        self.wait(seen, timeout, f"event {name!r}")
        payload = self.events[found[0]][1]
        self.mark = found[0] + 1
        return payload

    def new_mark(self) -> None:
        self.pump(0)
        self.mark = len(self.events)

    def last_step(self) -> int:
        rows = [r for _, p in self.events if _ == "metrics" for r in p["rows"]]
        return rows[-1]["step"] if rows else 0


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
    hello = box.wait_event("hello", timeout=120)
    assert hello["pid"] == process.pid
    yield box
    process.close(10)
    assert not process.alive()


@pytest.fixture(scope="module")
def loaded(inbox, home):
    """The tiny experiment loaded (run folder in the module's temporary home), trained to ≥ 30 steps."""
    run_dir = home / "run"
    inbox.process.send("load", config=tiny_config().to_dict(), run_dir=str(run_dir), threads=1)
    ready = inbox.wait_event("ready")
    first = inbox.wait_event("snapshot")
    inbox.process.send("train")
    inbox.wait_event("state", where=lambda p: p["state"] == "running")
    inbox.wait(lambda: inbox.last_step() >= 30, what="30 steps")
    return {"ready": ready, "first": first, "run_dir": run_dir}


def pause(inbox: Inbox) -> int:
    """Pause; returns the step it paused at (every row up to it arrived before the state event)."""
    inbox.process.send("pause")
    state = inbox.wait_event("state", where=lambda p: p["state"] == "paused")
    return state["step"]


# ------------------------------------------------------------------ protocol
def test_load_and_train_emit_consecutive_rows_and_snapshots(inbox, loaded):
    ready, first = loaded["ready"], loaded["first"]
    assert ready["step"] == 0 and ready["run"] == str(loaded["run_dir"])
    assert ready["threads"] == 1 and ready["config"]["model"]["g_width"] == 8
    assert first["step"] == 0
    rows = [r for n, p in inbox.events if n == "metrics" for r in p["rows"]]
    steps = [r["step"] for r in rows]
    assert steps == list(range(1, len(steps) + 1))
    assert {"loss_d", "loss_g", "d_real", "d_fake", "lr_g", "lr_d", "images_per_s", "elapsed"} <= set(rows[0])
    assert all(np.isfinite(r["loss_d"]) and np.isfinite(r["loss_g"]) for r in rows)
    inbox.wait(lambda: len([1 for n, _ in inbox.events if n == "snapshot"]) >= 2, what="a second snapshot")
    snaps = [p for n, p in inbox.events if n == "snapshot"]
    for snap in snaps:
        img = snap["images"]
        assert isinstance(img, np.ndarray) and img.dtype == np.uint8 and img.shape == (64, 28, 28, 1)
    steps = [s["step"] for s in snaps]
    assert steps[0] == 0 and steps[1] >= 10 and steps == sorted(steps)
    assert not np.array_equal(snaps[0]["images"], snaps[-1]["images"])   # training changed the generator


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="POSIX scheduling priorities")
def test_the_training_process_runs_at_a_lower_priority_than_the_window(inbox):
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    assert os.getpriority(os.PRIO_PROCESS, inbox.process.pid) == min(19, mine + PRIORITY_NICE)


def test_pause_stops_rows_and_step_runs_exactly_n(inbox, loaded):
    frozen = pause(inbox)
    assert inbox.last_step() == frozen
    inbox.new_mark()
    inbox.pump(0.8)
    assert inbox.rows() == []

    inbox.process.send("step", n=3)
    inbox.wait(lambda: inbox.last_step() >= frozen + 3, what="3 single steps")
    inbox.pump(0.8)
    assert [r["step"] for r in inbox.rows()] == [frozen + 1, frozen + 2, frozen + 3]
    inbox.new_mark()
    inbox.process.send("step", n=1)
    inbox.process.send("step", n=1)
    inbox.wait(lambda: inbox.last_step() >= frozen + 5, what="2 more steps")
    inbox.pump(0.8)
    assert [r["step"] for r in inbox.rows()] == [frozen + 4, frozen + 5]
    assert all(p["state"] == "paused" for _, p in inbox.since_mark("state"))
    # Single steps show their samples every time (the Learn tab asks people to watch them).
    shown = [p["step"] for _, p in inbox.since_mark("snapshot")]
    assert shown == [frozen + 4, frozen + 5]


def test_live_learning_rate_applies_to_later_rows(inbox, loaded):
    inbox.new_mark()
    inbox.process.send("resume")
    inbox.wait_event("state", where=lambda p: p["state"] == "running")
    start = inbox.last_step()
    inbox.wait(lambda: inbox.last_step() >= start + 5, what="5 steps")
    inbox.process.send("hparams", lr_g=1e-3)
    inbox.wait(lambda: bool(inbox.rows()) and inbox.rows()[-1]["lr_g"] == pytest.approx(1e-3),
               what="rows with the new lr_g")
    rows = inbox.rows()
    assert rows[0]["lr_g"] == pytest.approx(2e-4)
    first_new = next(i for i, r in enumerate(rows) if r["lr_g"] == pytest.approx(1e-3))
    assert first_new >= 5
    assert all(r["lr_g"] == pytest.approx(2e-4) for r in rows[:first_new])
    assert all(r["lr_g"] == pytest.approx(1e-3) and r["lr_d"] == pytest.approx(2e-4) for r in rows[first_new:])
    assert [r["step"] for r in rows] == list(range(rows[0]["step"], rows[-1]["step"] + 1))


def test_save_to_a_folder_writes_the_run(inbox, loaded, tmp_path):
    target = tmp_path / "saved-run"
    inbox.new_mark()
    inbox.process.send("save", path=str(target))         # while running
    saved = inbox.wait_event("saved")
    assert saved["path"] == str(target) and saved["auto"] is False
    assert saved["step"] >= 30
    assert (target / "weights.safetensors").is_file() and (target / "optimizer.safetensors").is_file()
    info = json.loads((target / "run.json").read_text("utf-8"))
    assert info["step"] == saved["step"] and info["status"] == "running"
    steps = [json.loads(line)["step"] for line in (target / "metrics.jsonl").read_text("utf-8").splitlines()]
    # Training goes on in the saved folder, appending rows after the saved step.
    assert steps == list(range(1, len(steps) + 1)) and len(steps) >= saved["step"]
    inbox.wait(lambda: inbox.last_step() > saved["step"] + 3, what="steps after the save")


def test_generator_event_loads_as_a_model(inbox, loaded):
    from gan_studio.core.generator import generator_from_bytes

    inbox.new_mark()
    inbox.process.send("generator")
    event = inbox.wait_event("generator")
    assert isinstance(event["data"], bytes) and event["step"] > 30
    model = generator_from_bytes(event["data"], event["run"])
    assert model.step == event["step"]
    assert model.latent_dim == 16 and not model.conditional
    assert str(event["step"]) in event["name"].replace(",", "")
    import torch

    with torch.no_grad():
        out = model.module(torch.randn(2, 16), None)
    assert tuple(out.shape) == (2, 1, 28, 28) and torch.isfinite(out).all()


def test_stop_then_target_steps_finishes_at_exactly_that_step(inbox, loaded):
    inbox.new_mark()
    inbox.process.send("stop")
    finished = inbox.wait_event("finished")
    assert finished["reason"] == "stopped"
    idle = inbox.wait_event("state")
    assert idle["state"] == "idle"
    stopped = idle["step"]
    assert inbox.last_step() == stopped == finished["step"]
    inbox.pump(0.5)
    assert inbox.last_step() == stopped

    inbox.new_mark()
    start = inbox.mark
    inbox.process.send("train", target_steps=7)
    finished = inbox.wait_event("finished")
    assert finished == {"reason": "target", "step": stopped + 7}
    assert inbox.wait_event("state")["state"] == "idle"
    inbox.pump(0.5)
    assert [r["step"] for r in inbox.rows(start)] == list(range(stopped + 1, stopped + 8))


def test_bad_dataset_fails_with_a_message_and_the_process_goes_on(inbox, loaded, tmp_path):
    missing = tmp_path / "no-such-folder"
    bad = tiny_config().replace(data=DataConfig(source="folder", path=str(missing)))
    inbox.new_mark()
    start = inbox.mark
    inbox.process.send("load", config=bad.to_dict(), run_dir=str(tmp_path / "bad-run"))
    inbox.process.send("train")          # the window sends both at once
    failed = inbox.wait_event("failed")
    assert "no-such-folder" in failed["message"]
    assert "Traceback" in failed["detail"]
    assert inbox.process.alive()
    # The process answers the next commands, and the queued "train" was no second failure.
    inbox.process.send("load", config=tiny_config().to_dict(), run_dir=str(tmp_path / "good-run"))
    assert inbox.wait_event("ready")["step"] == 0
    names = [n for n, _ in inbox.events[start:]]
    assert names.count("failed") == 1 and names.index("failed") < names.index("ready")
    inbox.process.send("generator")
    assert inbox.wait_event("generator")["step"] == 0


def test_close_lets_the_process_quit_even_when_nobody_reads_its_events(inbox, loaded):
    """The window stops reading (its relay thread ends) before `close`: the process must not be
    left blocked on a full event pipe, unable to read "quit", and then terminated."""
    process = inbox.process
    proc = process._proc
    process.send("delay", seconds=0)
    process.send("train")
    time.sleep(2.0)                     # metric batches and 50-KB sample sheets fill the pipe meanwhile
    process.close(20)
    assert not proc.is_alive()
    assert proc.exitcode == 0           # it quit by itself (-15 / -9: close had to end it)


# ---------------------------------------------------------- divergence rollback
def test_divergence_rolls_back_truncates_and_pauses(tmp_path, monkeypatch):
    """TrainingLoop in this process (a thread, in-process pipes): a forced divergence."""
    from gan_studio.core import process as process_module
    from gan_studio.core.trainer import TrainingDiverged

    monkeypatch.setattr(process_module, "ROLLBACK_INTERVAL", 0.0)   # a healthy copy after every chunk

    cmd_read, cmd_write = Pipe(duplex=False)
    evt_read, evt_write = Pipe(duplex=False)
    loop = TrainingLoop(cmd_read, evt_write)
    thread = threading.Thread(target=loop.serve, daemon=True)
    thread.start()
    box = Inbox(_PipeProcess(evt_read))
    try:
        box.wait_event("hello")
        run_dir = tmp_path / "run"
        cmd_write.send(("load", {"config": tiny_config().to_dict(), "run_dir": str(run_dir)}))
        box.wait_event("ready")
        cmd_write.send(("train", {}))
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
        diverged = box.wait_event("diverged")
        step = diverged["step"]
        assert armed["at"] is not None and 20 <= step < armed["at"]
        assert "rolled back to step" in diverged["advice"] and "loss_d" in diverged["advice"]
        state = box.wait_event("state")
        assert state["state"] == "paused" and state["step"] == step
        assert trainer.step_count == step
        on_disk = [json.loads(x)["step"] for x in (run_dir / "metrics.jsonl").read_text().splitlines()]
        assert on_disk == list(range(1, step + 1))                   # rows after the healthy state dropped
        box.new_mark()
        box.pump(0.6)
        assert box.rows() == [] and loop.session.step == step       # paused itself
        # Continue from the healthy state.
        cmd_write.send(("resume", {}))
        box.wait(lambda: len(box.rows()) >= 3, what="rows after resuming")
        assert box.rows()[0]["step"] == step + 1
    finally:
        cmd_write.send(("quit", {}))
        thread.join(30)
        assert not thread.is_alive()


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
        box.wait_event("hello", timeout=120)
        os.kill(process.pid, signal.SIGKILL)
        with pytest.raises(ProcessDied) as info:
            box.wait(lambda: False, timeout=30, what="ProcessDied")
        assert info.value.exitcode == -signal.SIGKILL
        assert "killed" in str(info.value)
        assert not process.alive()
        assert process.send("pause") is False     # sending to a dead process never raises
    finally:
        process.close(5)


HELPER = textwrap.dedent("""
    import json, sys, time
    from gan_studio.core.config import ExperimentConfig
    from gan_studio.core.process import TrainingProcess

    if __name__ == "__main__":
        config, run_dir = json.loads(sys.argv[1]), sys.argv[2]
        process = TrainingProcess()
        process.start()
        process.send("load", config=config, run_dir=run_dir, threads=1)
        process.send("train")
        step = 0
        while step < 20:
            for name, payload in process.receive(0.1):
                if name == "metrics":
                    step = payload["rows"][-1]["step"]
                elif name == "failed":
                    print("failed", payload["message"], flush=True)
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
    try:   # a zombie nobody reaps (e.g. no init in a container) has exited too
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except OSError:
        return True


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
