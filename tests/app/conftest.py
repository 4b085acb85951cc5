"""Fixtures for GUI tests: offscreen Qt, no thread left running, tiny experiments."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QThread  # noqa: E402

from gan_studio.app.main import configure_qt  # noqa: E402
from gan_studio.core.config import ExperimentConfig  # noqa: E402
from gan_studio.testing import tiny_config  # noqa: E402

configure_qt()          # the Qt settings `gan-studio` starts with, before pytest-qt creates the QApplication


@pytest.fixture(autouse=True)
def no_running_qthreads(monkeypatch, request):
    """Fail a test that leaves a QThread running (napari-style leak check)."""
    started: list[QThread] = []
    original = QThread.start

    def tracking_start(self, *args, **kwargs):
        started.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(QThread, "start", tracking_start)
    yield started
    leaked = []
    for thread in started:
        try:
            if thread.isRunning():
                leaked.append(thread)
        except RuntimeError:  # the C++ object is already deleted: fine
            continue
    for thread in leaked:  # do not let a leak crash the interpreter at exit
        thread.quit()
        thread.wait(5000)
    if leaked:
        pytest.fail(f"{len(leaked)} QThread(s) still running after the test: "
                    f"{[t.objectName() for t in leaked]}")


@pytest.fixture
def tiny_cfg() -> ExperimentConfig:
    return tiny_config()


@pytest.fixture
def window(qtbot, tiny_cfg):
    """A shown MainWindow (1300 x 850) on the tiny experiment; its training is discarded at teardown.

    Not qtbot.addWidget: its close at teardown would ask whether to save."""
    from gan_studio.app.main_window import MainWindow

    w = MainWindow(threads=1)
    w.resize(1300, 850)
    w.experiment.set_config(tiny_cfg)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.controller.discard()
    w.close()
    w.deleteLater()


@pytest.fixture
def wait_frames(qtbot):
    """`wait_frames(n)`: wait until a busy progress bar on show has drawn `n` animation frames (~60 a second):
    a clock on Qt's own event loop for checks that something does *not* happen meanwhile."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QProgressBar

    class Frames(QObject):
        n = 0

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.StyleAnimationUpdate:
                self.n += 1
            return False

    bar = QProgressBar()
    qtbot.addWidget(bar)
    bar.show()
    bar.setRange(0, 0)                  # busy once on show: the style animates it
    counter = Frames()
    bar.installEventFilter(counter)

    def wait(n: int) -> None:
        start = counter.n
        qtbot.waitUntil(lambda: counter.n - start >= n, timeout=30000)

    wait.bar = bar                      # qtbot holds widgets weakly: keep the bar alive with the function
    return wait


@pytest.fixture
def rendered(qtbot):
    """`rendered(*views)`: wait until Gallery / Explore views (a tab or a page) show the images last asked
    for; they are made on a render thread."""
    def wait(*views) -> None:
        qtbot.waitUntil(lambda: not any(v.rendering() for v in views), timeout=30000)

    return wait


@pytest.fixture
def image_folder(tmp_path):
    """~200 small PNGs in two class sub-folders."""
    import numpy as np
    from PIL import Image

    root = tmp_path / "digits"
    rng = np.random.default_rng(0)
    for label in ("a", "b"):
        (root / label).mkdir(parents=True)
        for i in range(100):
            img = np.zeros((28, 28), np.uint8)
            y, x = rng.integers(4, 20, size=2)
            img[y:y + 8, x:x + 3 if label == "a" else x + 8] = 255
            Image.fromarray(img).save(root / label / f"{i:03d}.png")
    return root


@pytest.fixture
def make_tiny_config():
    """Factory: `make_tiny_config(lr_g=..., ...)` → a tiny ExperimentConfig."""
    return tiny_config


@pytest.fixture(scope="module")
def tiny_generator_file(tmp_path_factory):
    """A tiny exported conditional generator, made once per test module."""
    from .gan_fixtures import make_tiny_export

    return make_tiny_export(tmp_path_factory.mktemp("tiny"))


@pytest.fixture
def source(tiny_generator_file):
    """A ModelSource holding the tiny generator (Gallery / Explore tests)."""
    from gan_studio.app.model_source import ModelSource

    src = ModelSource()
    src.open(tiny_generator_file)
    return src
