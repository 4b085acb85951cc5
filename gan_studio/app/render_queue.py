"""Images made off the GUI thread, latest request wins: what Gallery and Explore draw with.

A view asks `RenderQueue.request(slot, work, done)`: `work()` (the generator's forward pass, no widget in
it) runs on the one render thread; `done(result)` runs on the GUI thread and puts the images on show.  Per
slot (a view's strip, its grid, its thumbnails) at most one render runs; a request made meanwhile waits,
and a newer one replaces it, so a slider dragged over 40 values makes at most two renders and only the
latest result is shown.  `drop(slot)` forgets what a slot asked for (the view went empty); a result that
arrives after a newer request or a drop is thrown away.  `idle` is emitted when nothing runs or waits.

With training taking the other core, one forward pass of 49 digits took over a second on the GUI thread
(the monkey's stalls, issue 27); here it only delays the picture.
"""

from __future__ import annotations

import time
from typing import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal

from .background import Task, if_alive

_pool: QThreadPool | None = None
_alive: list = []          # every started task until its run() has returned (the pool holds only a C++ pointer)


def render_pool() -> QThreadPool:
    """One render thread for the whole window (renders queue behind each other instead of crowding the two
    cores the training process needs).  Owned by the application, which waits for a running render as it ends."""
    global _pool
    if _pool is None:
        _pool = QThreadPool(QCoreApplication.instance())
        _pool.setMaxThreadCount(1)
        _pool.setExpiryTimeout(5000)
        _pool.destroyed.connect(_forget_pool)
    return _pool


def _forget_pool(*_) -> None:
    global _pool
    _pool = None


class _RenderTask(Task):
    """A Task that says when its `run` has returned: only then may its Python object go."""

    ended = False

    def run(self) -> None:  # pool thread
        try:
            super().run()
        finally:
            self.ended = True


class RenderQueue(QObject):
    idle = Signal()

    def __init__(self, parent: QObject | None = None, model: Callable[[], object] | None = None):
        super().__init__(parent)
        self._model = model or (lambda: None)       # the generator on show: `generate` results of another are dropped
        self._serial: dict[str, int] = {}          # the newest request per slot
        self._running: dict[str, _RenderTask] = {}
        self._waiting: dict[str, tuple] = {}       # slot → (serial, work, done, failed)

    def busy(self) -> bool:
        """True while a render runs or waits (tests wait on this)."""
        return bool(self._running or self._waiting)

    def request(self, slot: str, work: Callable[[], object], done: Callable[[object], None],
                failed: Callable[[BaseException], None] | None = None) -> None:
        serial = self._serial.get(slot, 0) + 1
        self._serial[slot] = serial
        if slot in self._running:
            self._waiting[slot] = (serial, work, done, failed)
            return
        self._start(slot, serial, work, done, failed)

    def generate(self, slot: str, model, latents, labels, done: Callable[[np.ndarray, float], None],
                 failed: Callable[[BaseException], None] | None = None) -> None:
        """`model.generate(latents, labels)` on the render thread; `done(images, ms)` on the GUI thread when
        this is still the slot's newest request and `model` is still the one on show."""
        latents = np.array(latents, dtype=np.float32)          # a copy: the caller may change its array
        labels = None if labels is None else np.array(labels)

        def work():
            t0 = time.perf_counter()
            images = model.generate(latents, labels)
            return images, (time.perf_counter() - t0) * 1000

        def shown(result):
            if model is self._model():
                done(*result)

        self.request(slot, work, shown, failed)

    def drop(self, *slots: str) -> None:
        """Forget these slots' requests (all slots when none is named): nothing they asked for is shown."""
        for slot in slots or tuple(self._serial):
            self._serial[slot] = self._serial.get(slot, 0) + 1
            self._waiting.pop(slot, None)
        if not self.busy():
            self.idle.emit()

    def _start(self, slot, serial, work, done, failed) -> None:
        _alive[:] = [t for t in _alive if not t.ended]
        task = _RenderTask(lambda _progress, _cancelled: work())
        queued = Qt.ConnectionType.QueuedConnection
        task.signals.finished.connect(if_alive(self, lambda result: self._finished(slot, serial, result, done)), queued)
        task.signals.failed.connect(if_alive(self, lambda exc: self._finished(slot, serial, exc, failed, True)), queued)
        self._running[slot] = task
        _alive.append(task)
        render_pool().start(task)

    def _finished(self, slot, serial, result, callback, error: bool = False) -> None:
        self._running.pop(slot, None)
        waiting = self._waiting.pop(slot, None)
        if waiting is not None:
            self._start(slot, *waiting)
        try:
            if waiting is None and serial == self._serial.get(slot):
                if callback is not None:
                    callback(result)
                elif error:
                    raise result
        finally:
            if not self.busy():
                self.idle.emit()
