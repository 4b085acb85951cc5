"""EventRelay: the QThread that hands the training process's events to the GUI thread, driven directly
with a stand-in for the process (its `receive`), so each ending can be made to happen exactly."""

from __future__ import annotations

import queue
import threading

import pytest

from gan_studio.app.loop_thread import end_loop, start_loop
from gan_studio.app.training_relay import EventRelay
from gan_studio.core.training import protocol as P
from gan_studio.core.training.process import ProcessDied, describe_exit

WAIT = 10_000


class ScriptedProcess:
    """`receive` hands out the queued batches in order (blocking up to `timeout` for the next, like the
    pipe; with `block`, until one comes); a queued exception is raised instead.  Records the thread it
    is called from."""

    def __init__(self, block: bool = False):
        self.block = block
        self.batches: queue.Queue = queue.Queue()
        self.threads: set = set()
        self.calls = 0

    def put(self, item) -> None:
        self.batches.put(item)

    def receive(self, timeout: float) -> list:
        self.threads.add(threading.get_ident())
        self.calls += 1
        try:
            item = self.batches.get(timeout=None if self.block else timeout)
        except queue.Empty:
            return []
        if isinstance(item, BaseException):
            raise item
        return item


@pytest.fixture
def relay(qtbot):
    made = []

    def start(process):
        relay = EventRelay(process)
        got: list[list] = []
        died: list[str] = []
        finished: list[bool] = []
        relay.events.connect(got.append)
        relay.died.connect(died.append)
        relay.done.connect(lambda: finished.append(True))
        thread = start_loop(relay, "test-relay")
        made.append((relay, thread))
        return relay, thread, got, died, finished

    yield start
    for relay, thread in made:
        end_loop(relay, thread)


def test_batches_reach_the_gui_thread_in_order_and_the_relay_ends_after_bye(qtbot, relay):
    process = ScriptedProcess()
    first = [P.Hello(pid=1, torch="2"), P.Status(text="Loading dataset…")]
    second = [P.Metrics(rows=[{"step": 1}]), P.Bye()]
    for batch in (first, second, [P.Status(text="after bye")]):
        process.put(batch)
    _, thread, got, died, finished = relay(process)
    qtbot.waitUntil(lambda: bool(finished), timeout=WAIT)
    qtbot.waitUntil(lambda: len(got) == 2, timeout=WAIT)
    assert got == [first, second]                  # one signal per arrival, nothing after Bye
    assert died == []
    assert threading.get_ident() not in process.threads        # the pipe is read off the GUI thread
    assert thread.wait(WAIT)
    assert process.batches.qsize() == 1                        # the batch after Bye was never read


def test_a_dead_process_is_reported_once_with_its_reason_after_the_events_before_it(qtbot, relay):
    process = ScriptedProcess()
    process.put([P.State(state="running", step=3, start_step=0, start_elapsed=0.0)])
    process.put(ProcessDied(-9))
    _, thread, got, died, finished = relay(process)
    qtbot.waitUntil(lambda: bool(died), timeout=WAIT)
    assert got == [[P.State(state="running", step=3, start_step=0, start_elapsed=0.0)]]
    assert died == [describe_exit(-9)] and "killed" in died[0]
    qtbot.waitUntil(lambda: bool(finished), timeout=WAIT)
    assert died == [describe_exit(-9)]


def test_a_process_that_dies_while_the_relay_is_being_stopped_is_not_reported(qtbot, relay):
    process = ScriptedProcess(block=True)
    r, thread, got, died, finished = relay(process)
    qtbot.waitUntil(lambda: process.calls == 1, timeout=WAIT)     # blocked reading the pipe
    r.stop()                                       # the window ends the relay (shutdown), then the pipe closes
    process.put(ProcessDied(0))
    qtbot.waitUntil(lambda: bool(finished), timeout=WAIT)
    assert died == [] and got == []
