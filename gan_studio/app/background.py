"""Background work for the views: run a callable on a thread pool; its progress, result or error arrives on
the GUI thread through queued signals (`background`, `Task`), and `if_alive` drops a result whose receiver is gone.
"""

from __future__ import annotations

import threading
from typing import Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal


class _TaskSignals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)      # the exception


class Task(QRunnable):
    """Runs `fn(progress, cancel)` on a pool thread.

    `signals.progress(done, total)`, `signals.finished(result)` and
    `signals.failed(exc)` are delivered in the receiver's (GUI) thread.
    `cancel()` sets the flag the callable polls.
    """

    def __init__(self, fn: Callable[[Callable[[int, int], None], Callable[[], bool]], object]):
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.signals = _TaskSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:  # pool thread
        try:
            try:
                result = self.fn(lambda d, t: self.signals.progress.emit(int(d), int(t)), self._cancel.is_set)
            except BaseException as exc:  # noqa: BLE001 - every failure is reported to the UI
                self.signals.failed.emit(exc)
            else:
                self.signals.finished.emit(result)
        except RuntimeError:
            pass        # the signals object is gone (the window closed while this ran): nobody to tell


def if_alive(owner: QObject, fn):
    """`fn`, but a no-op once `owner`'s C++ object is gone (results arriving after a window closed)."""
    def call(*args):
        if shiboken6.isValid(owner):
            fn(*args)
    return call


def background(pool: QThreadPool, fn, on_done=None, on_error=None, on_progress=None) -> Task:
    task = Task(fn)
    if on_done is not None:
        task.signals.finished.connect(on_done, Qt.ConnectionType.QueuedConnection)
    if on_error is not None:
        task.signals.failed.connect(on_error, Qt.ConnectionType.QueuedConnection)
    if on_progress is not None:
        task.signals.progress.connect(on_progress, Qt.ConnectionType.QueuedConnection)
    pool.start(task)
    return task
