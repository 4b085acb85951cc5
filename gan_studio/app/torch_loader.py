"""PyTorch loads after the window is shown: one background import, announced to whoever waits for it.

Importing torch costs 2–3 CPU-seconds, more than everything else before the window together.  The app's
start-up (`app/main.py`) puts the loader in its *deferred* state before it builds the window, shows the
window, then `start()`s the import on a background thread.  Views that need torch (the device list, the
parameter count, the shipped generator in Gallery and Explore) ask `when_ready(callback)`: the callback
runs on the GUI thread once torch is in, at once when it already is.  Training itself runs in its own
process, which imports torch there.

Outside the app's start-up (tests, scripts, a window built directly) the loader is never deferred and
`when_ready` calls back at once: whoever needs torch imports it where it is used.
"""

from __future__ import annotations

import importlib
import threading
from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal

IDLE, DEFERRED, LOADING, READY, FAILED = "idle", "deferred", "loading", "ready", "failed"


class TorchLoader(QObject):
    """The app's one loader (`torch_loader()`); its signals arrive on the GUI thread."""

    ready = Signal()
    failed = Signal(str)       # why torch could not be imported (the window says so; training is unavailable)
    _done = Signal(str)        # from the import thread: "" or the error

    def __init__(self, parent=None):
        super().__init__(parent)
        self.state = IDLE
        self.error = ""
        self._thread: threading.Thread | None = None
        self._done.connect(self._on_done)

    def defer(self) -> None:
        """From now until `start()` finishes, `when_ready` callbacks wait (the app does this before the window)."""
        if self.state == IDLE:
            self.state = DEFERRED

    def start(self) -> None:
        """Import torch on a background thread (the GUI thread keeps painting; Python's GIL is shared, so
        the window answers a little slower meanwhile)."""
        if self.state != DEFERRED:
            return
        self.state = LOADING
        self._thread = threading.Thread(target=self._load, name="torch-import", daemon=True)
        self._thread.start()

    def _load(self) -> None:
        try:
            importlib.import_module("torch")

            from ..core.training.device import cpu_threads, set_threads

            set_threads(cpu_threads())  # sampling in the window; training chooses its own in its process
            self._done.emit("")
        except Exception as exc:  # a broken installation: say so in the window instead of failing later
            self._done.emit(f"{type(exc).__name__}: {exc}")

    def _on_done(self, error: str) -> None:
        self._thread = None
        if error:
            self.state, self.error = FAILED, error
            self.failed.emit(error)
        else:
            self.state = READY
            self.ready.emit()

    def is_ready(self) -> bool:
        """True when code on the GUI thread may use torch without waiting for the background import."""
        return self.state in (IDLE, READY)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the import thread ends (tests, and a window closing during start-up)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return thread is None or not thread.is_alive()

    def when_ready(self, callback: Callable[[], None]) -> None:
        """Run `callback` on the GUI thread once torch is loaded: now when it is (or nothing is deferred),
        else when the import finishes.  Nothing runs when the import failed (`failed` says why)."""
        if self.is_ready():
            callback()
        elif self.state != FAILED:
            self.ready.connect(callback, type=Qt.ConnectionType.SingleShotConnection)


_loader: TorchLoader | None = None


def torch_loader() -> TorchLoader:
    """The application's loader (made on first use, on the GUI thread)."""
    global _loader
    if _loader is None:
        _loader = TorchLoader()
    return _loader
