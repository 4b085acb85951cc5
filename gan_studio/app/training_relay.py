"""The window's side of the training process: a QThread that relays its events.

`EventRelay` runs in its own QThread and blocks on the process's event pipe
(never the GUI thread: unpickling metric rows and sample sheets happens
here).  Everything that arrived together is handed to the GUI thread as one
queued `events` signal — the process already batches metrics at ≤ 20 per
second, so the event loop sees a few small signals a second.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal, Slot

from ..core.process import ProcessDied, TrainingProcess

POLL_SECONDS = 0.1


class EventRelay(QObject):
    events = Signal(list)       # [(name, payload), …] in arrival order
    died = Signal(str)          # the process ended unexpectedly; plain-words reason
    done = Signal()             # run() returned; the thread may quit

    def __init__(self, process: TrainingProcess):
        super().__init__()
        self.process = process
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    @Slot()
    def run(self) -> None:
        try:
            while not self._stop.is_set():
                try:
                    batch = self.process.receive(POLL_SECONDS)
                except ProcessDied as exc:
                    if not self._stop.is_set():
                        self.died.emit(str(exc))
                    return
                if batch:
                    self.events.emit(batch)
                    if any(name == "bye" for name, _ in batch):
                        return
        finally:
            self.done.emit()
