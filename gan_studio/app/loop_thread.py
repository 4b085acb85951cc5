"""A blocking loop in its own QThread: the shape shared by the training relay and the run follower.

    worker = MyLoop(...)                 # a LoopWorker whose loop() runs until stopping()
    thread = start_loop(worker, "name")  # moved to a new QThread and started
    end_loop(worker, thread)             # asks it to stop, waits, schedules both for deletion
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot


class LoopWorker(QObject):
    done = Signal()             # loop() returned; the thread quits

    def __init__(self):
        super().__init__()
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    def stopping(self) -> bool:
        return self._stop.is_set()

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`, waking at once on stop(); True when stopping."""
        return self._stop.wait(seconds)

    def loop(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    @Slot()
    def run(self) -> None:
        try:
            self.loop()
        finally:
            self.done.emit()


def start_loop(worker: LoopWorker, name: str) -> QThread:
    thread = QThread()
    thread.setObjectName(name)
    worker.moveToThread(thread)
    worker.done.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.started.connect(worker.run)
    thread.start()
    return thread


def end_loop(worker: LoopWorker | None, thread: QThread | None, timeout_ms: int = 5000) -> None:
    if worker is not None:
        worker.stop()
    if thread is not None:
        thread.quit()
        thread.wait(timeout_ms)
        thread.deleteLater()
    if worker is not None:
        worker.deleteLater()
