"""FollowController and FollowPoller driven directly: a TrainingSession in this process writes a run
folder, the controller follows it and re-emits what arrives; a real Banner carries its messages.
The window around them is a small host with the parts the controller talks to."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QWidget

from gan_studio.app.banner import Banner
from gan_studio.app.follow_controller import FollowController
from gan_studio.core.experiment import Experiment
from gan_studio.core.training.session import TrainingSession

from .conftest import tiny_config

WAIT = 30_000


class Calls:
    """Records calls to any method: `calls.clear()`, `calls.set("device", …)` → [("clear", ()), …]."""

    def __init__(self):
        self.log: list[tuple[str, tuple]] = []

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return lambda *args: self.log.append((name, args))


class Host(QWidget):
    """What FollowController uses of the main window."""

    def __init__(self):
        super().__init__()
        self.experiment = Experiment()
        self.banner = Banner(self)
        self.status = Calls()
        self.train_tab = Calls()
        self.train_tab.timeline = Calls()
        self.train_tab.plots = Calls()
        self.taken_over = 0

    def take_over(self) -> None:
        self.taken_over += 1


@pytest.fixture
def host(qtbot):
    w = Host()
    qtbot.addWidget(w)
    return w


@pytest.fixture
def follower(host):
    c = FollowController(host)
    yield c
    c.stop()


@pytest.fixture
def writer(tmp_path):
    session = TrainingSession(tiny_config(sample_every=5, lr_g=3e-4), tmp_path / "run")
    yield session
    session.close()


def test_follow_re_emits_rows_and_grids_once_then_offers_a_take_over(qtbot, host, follower, writer):
    rows: list[dict] = []
    grids: list[tuple[int, np.ndarray]] = []
    follower.metrics.connect(rows.extend)
    follower.snapshot.connect(lambda step, grid: grids.append((step, grid)))
    writer.advance(10)
    assert follower.describe() == ""
    assert follower.follow(writer.run.path) is True
    assert host.experiment.config.train.lr_g == 3e-4           # the panels show the followed run's settings
    assert ("clear", ()) in host.train_tab.log and host.status.log[0][1][0] == "device"
    assert host.banner.messages()[0].startswith("Following ")
    qtbot.waitUntil(lambda: bool(rows) and rows[-1]["step"] == 10, timeout=WAIT)
    qtbot.waitUntil(lambda: bool(grids) and grids[-1][0] == 10, timeout=WAIT)
    assert grids[-1][1].dtype == np.uint8 and grids[-1][1].ndim == 3
    assert follower.active and follower.last_step == 10 and follower.describe() == "following · step 10"

    writer.advance(6)
    qtbot.waitUntil(lambda: rows[-1]["step"] == 16, timeout=WAIT)
    assert [r["step"] for r in rows] == list(range(1, 17))       # each row exactly once, in order

    writer.save("finished")
    writer.close()                                               # the writer lets go of the run
    qtbot.waitUntil(lambda: not follower.active, timeout=WAIT)
    assert follower.describe() == "stopped · step 16" and follower.last_status.status == "finished"
    assert host.banner.messages()[0].startswith("The run you follow is no longer being trained (finished)")
    host.banner.action_button.click()
    assert host.taken_over == 1

    changed: list[bool] = []
    follower.changed.connect(lambda: changed.append(True))
    follower.stop()
    assert follower.path is None and follower.describe() == "" and changed == [True]
    assert not any(m.startswith("Following ") for m in host.banner.messages())   # its banner withdrawn
    follower.stop()                                              # a second stop changes nothing
    assert changed == [True]


def test_a_folder_that_is_not_a_run_is_refused_with_a_message(qtbot, host, follower, tmp_path, monkeypatch):
    from gan_studio.app import dialogs

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_message", lambda parent, title, text, *a: shown.append((title, text)))
    assert follower.follow(tmp_path) is False
    assert shown and shown[0][0] == "This run cannot be followed" and "run.json" in shown[0][1]
    assert follower.path is None and follower.describe() == "" and host.banner.messages() == []
