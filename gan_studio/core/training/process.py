"""Training in its own process: the window's handle on it (`TrainingProcess`).

The window starts one `TrainingProcess` (spawned, so it works the same on
Linux, Windows, macOS and from the PyInstaller bundle, which calls
`multiprocessing.freeze_support()`) and keeps it warm with torch imported, so
Train responds at once.  Two one-way pipes carry the messages of
`core/training/protocol.py` (its docstring lists every command and event): `send` a
command, `receive` events.  The other side, the loop that drives a
TrainingSession, is `core/training/process_child.py`.

If the window's process dies (even kill -9), the command pipe reports end of
file: the training process saves the run and exits.  If the training process
dies, `TrainingProcess.receive` raises `ProcessDied`.
"""

from __future__ import annotations

import multiprocessing
import os
import time

from ..messages import Message
from .process_child import child_main
from .protocol import Command, Event, Quit

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


class TrainingProcess:
    """The window's handle on the training process (no Qt: the app's relay thread calls `receive`).

    Send commands from one thread, receive events in one (other) thread."""

    def __init__(self):
        self._closed_exitcode = None
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
        """The process's exit code (negative: the signal that ended it); None while it runs or before start."""
        return self._proc.exitcode if self._proc is not None else self._closed_exitcode

    def send(self, command: Command) -> bool:
        """Queue a command; False when the process is gone (the receiver reports why)."""
        if not isinstance(command, Command):
            raise TypeError(f"not a protocol command: {command!r:.100}")
        if self._commands is None:
            return False
        try:
            self._commands.send(command)
            return True
        except (BrokenPipeError, EOFError, OSError):
            return False

    def receive(self, timeout: float) -> list[Event]:
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
        self.send(Quit())
        # Keep reading (and dropping) its events meanwhile: nobody else reads them any more, and a
        # process blocked writing to a full pipe would never see Quit and be terminated unsaved.
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
        self._closed_exitcode = proc.exitcode
        self._proc = self._commands = self._events = None

    def kill(self) -> None:
        """For fault tests and a stuck process: end it at once."""
        if self._proc is not None and self._proc.is_alive():
            self._proc.kill()
