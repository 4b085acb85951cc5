"""SIGTERM (a logout, `kill`) to the training process saves the run as "interrupted", then it exits."""

from __future__ import annotations

import json
import os
import signal
import sys
import time

import pytest

from gan_studio.core.training import protocol as P
from gan_studio.core.training.process import ProcessDied, TrainingProcess

from .test_process import tiny_config

WAIT = 120.0    # generous: two shared cores, a spawned process importing torch


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")
def test_sigterm_saves_the_run_as_interrupted_and_exits(tmp_path):
    run_dir = tmp_path / "run"
    process = TrainingProcess()
    process.start()
    try:
        process.send(P.Load(config=tiny_config().to_dict(), run_dir=str(run_dir), threads=1))
        process.send(P.Train())
        step, end = 0, time.monotonic() + WAIT
        while step < 20 and time.monotonic() < end:
            for event in process.receive(0.1):
                if isinstance(event, P.Metrics):
                    step = event.rows[-1]["step"]
                assert not isinstance(event, P.Failed), event
        assert step >= 20, "the training process did not train 20 steps"
        os.kill(process.pid, signal.SIGTERM)
        end = time.monotonic() + WAIT
        while process.alive() and time.monotonic() < end:
            try:
                process.receive(0.1)
            except ProcessDied:        # its pipes closed: it is on its way out
                process._proc.join(0.1)
        assert not process.alive(), "the training process did not exit after SIGTERM"
        assert process.exitcode == 0, process.exitcode     # exited by itself, not killed by the signal
        info = json.loads((run_dir / "run.json").read_text("utf-8"))
        assert info["status"] == "interrupted" and info["step"] >= step
        assert (run_dir / "checkpoint.json").is_file()
        assert not (run_dir / ".lock").exists()
    finally:
        process.close(5)
