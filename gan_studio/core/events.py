"""Qt-like signals without Qt, for the core's evented models (the Experiment).

    changed = Signal()
    changed.connect(callback)
    changed.emit(keys)

Callbacks run synchronously in the emitting thread, in connection order.  A view
in a GUI toolkit connects its own thread-safe forwarding if it needs one.
"""

from __future__ import annotations

from typing import Callable


class Signal:
    def __init__(self) -> None:
        self._slots: list[Callable] = []

    def connect(self, slot: Callable) -> Callable:
        if slot not in self._slots:
            self._slots.append(slot)
        return slot

    def disconnect(self, slot: Callable | None = None) -> None:
        """Remove `slot` (or every slot when None); removing an unknown slot is a no-op."""
        if slot is None:
            self._slots.clear()
        elif slot in self._slots:
            self._slots.remove(slot)

    def emit(self, *args) -> None:
        for slot in list(self._slots):
            slot(*args)

    def __len__(self) -> int:
        return len(self._slots)
