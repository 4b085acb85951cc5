"""Shared pytest fixtures, and the fence between the tests and the user's own files.

Nothing a test reads or writes may resolve to the real per-user folders (the download cache with a full
MNIST, the runs, favourites, settings, Qt's config).  This file is the first thing pytest imports from the
tests, before any test module, fixture or `gan_studio` import can ask where those folders are, and it

- points `GAN_STUDIO_HOME` and the XDG base folders (which platformdirs and Qt's QStandardPaths follow on
  Linux) at a scratch folder for the whole session (each test still gets its own `GAN_STUDIO_HOME` from the
  autouse `gs_home` fixture; module- and session-scoped fixtures see the session's scratch home);
- fails the run if anything under the real folders (`isolation.guarded_roots`) is opened by the test
  process (an audit hook: reads count too) or changed by any process (a listing compared at the end).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from . import isolation

SHARED_MNIST = Path(__file__).resolve().parents[1].parent / "shared/datasets/mnist"

_fence = isolation.Fence.install()        # at import: before any fixture, test module or gan_studio import


def pytest_sessionfinish(session, exitstatus):
    problems = _fence.problems()
    if problems:
        session.config.pluginmanager.get_plugin("terminalreporter").write_line(
            "\nThe tests touched the user's own files:\n  " + "\n  ".join(problems[:20]), red=True, bold=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def gs_home(tmp_path, monkeypatch) -> Path:
    """Every test gets its own GAN_STUDIO_HOME (cache, runs, settings) under tmp_path."""
    home = tmp_path / "gs_home"
    home.mkdir()
    monkeypatch.setenv("GAN_STUDIO_HOME", str(home))
    return home


@pytest.fixture
def real_user_roots() -> tuple[Path, ...]:
    """The real per-user folders the fence guards (for tests of the fence itself)."""
    return _fence.roots


@pytest.fixture
def mnist_dir() -> Path:
    """The shared local copy of MNIST (four IDX .gz files); skips the test when absent."""
    names = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
             "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"]
    if not all((SHARED_MNIST / n).is_file() for n in names):
        pytest.skip(f"MNIST not available at {SHARED_MNIST}")
    return SHARED_MNIST

