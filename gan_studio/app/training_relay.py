"""The window's side of the training process: a QThread that relays its events.

`EventRelay` runs in its own QThread and blocks on the process's event pipe
(never the GUI thread: unpickling metric rows and sample sheets happens
here).  Everything that arrived together is handed to the GUI thread as one
queued `events` signal — the process already batches metrics at ≤ 20 per
second, so the event loop sees a few small signals a second.  The events are
`core/training/protocol.py` dataclasses; the relay ends after `Bye` (the answer to
`Quit`) or when the process dies (`died`).
"""

from __future__ import annotations

from PySide6.QtCore import Signal

from ..core.training.process import ProcessDied, TrainingProcess
from ..core.training.protocol import Bye
from .loop_thread import LoopWorker

POLL_SECONDS = 0.1


class EventRelay(LoopWorker):
    events = Signal(list)       # [protocol.Event, …] in arrival order
    died = Signal(str)          # the process ended unexpectedly; plain-words reason

    def __init__(self, process: TrainingProcess):
        super().__init__()
        self.process = process

    def loop(self) -> None:
        while not self.stopping():
            try:
                batch = self.process.receive(POLL_SECONDS)
            except ProcessDied as exc:
                if not self.stopping():
                    self.died.emit(str(exc))
                return
            if batch:
                self.events.emit(batch)
                if any(isinstance(event, Bye) for event in batch):
                    return
