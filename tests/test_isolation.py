"""The tests never reach the user's own files: a populated per-user cache changes no result, and the fence
in tests/conftest.py fails the run that touches one.

Each test runs pytest in a subprocess whose "real" home is a decoy made here: the XDG folders hold GAN
Studio's cache with a complete MNIST, a run, favourites and settings that ask for Chinese.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from . import isolation

REPO = Path(__file__).resolve().parents[1]
PROBE_ENV = "GAN_STUDIO_FENCE_PROBE"


def _decoy_home(root: Path, mnist_source: Path | None) -> dict[str, str]:
    """A user's home with everything a careless test could pick up; returns the environment pointing at it."""
    env = {k: v for k, v in os.environ.items() if k not in isolation.XDG_VARS and k != "GAN_STUDIO_HOME"}
    env["HOME"] = str(root)
    for var in isolation.XDG_VARS:
        env[var] = str(root / var.lower())
    cache = root / "xdg_cache_home" / "gan-studio" / "datasets" / "mnist"
    cache.mkdir(parents=True)
    if mnist_source is not None:
        for f in mnist_source.glob("*.gz"):
            shutil.copy(f, cache / f.name)
    else:
        from gan_studio.core.data.idx import write_idx
        rng = np.random.default_rng(0)
        for prefix, n in (("train", 60_000), ("t10k", 10_000)):
            write_idx(cache / f"{prefix}-images-idx3-ubyte", rng.integers(0, 256, (n, 28, 28), dtype=np.uint8))
            write_idx(cache / f"{prefix}-labels-idx1-ubyte", (np.arange(n) % 10).astype(np.uint8))
    data = root / "xdg_data_home" / "gan-studio"
    (data / "runs" / "20261201-120000-1-1").mkdir(parents=True)
    (data / "runs" / "20261201-120000-1-1" / "run.json").write_text('{"state": "running"}')
    (data / "favourites").mkdir()
    (data / "favourites" / "pretrained-mnist.json").write_text('{"favourites": [{"seed": 1}]}')
    (data / "settings.ini").write_text("[view]\nlanguage=zh_CN\n")
    (root / "xdg_config_home" / "QtProject.conf").parent.mkdir(parents=True)
    (root / "xdg_config_home" / "QtProject.conf").write_text("[FileDialog]\nlastVisited=file:///nowhere\n")
    return env


def _pytest(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=600)


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*")}


def test_a_populated_user_cache_changes_no_test_result_and_is_left_untouched(tmp_path, mnist_dir_or_none):
    home = tmp_path / "home"
    env = _decoy_home(home, mnist_dir_or_none)
    before = _snapshot(home)
    done = _pytest(env, "tests/core/test_datasets.py", "tests/app/test_setup_files.py")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "failed" not in done.stdout
    assert _snapshot(home) == before


def test_the_fence_fails_a_run_whose_test_reads_the_user_cache(tmp_path):
    home = tmp_path / "home"
    env = _decoy_home(home, None)
    target = home / "xdg_cache_home" / "gan-studio" / "datasets" / "mnist" / "train-labels-idx1-ubyte"
    env[PROBE_ENV] = str(target)
    done = _pytest(env, "tests/test_isolation.py::test_probe_reads_the_file_it_is_given")
    assert done.returncode != 0
    assert "RealHomeTouched" in done.stdout
    assert "The tests touched the user's own files" in done.stdout
    assert str(target) in done.stdout


def test_the_fence_fails_a_run_that_writes_under_the_user_data_folder(tmp_path):
    home = tmp_path / "home"
    env = _decoy_home(home, None)
    target = home / "xdg_data_home" / "gan-studio" / "runs" / "left-behind"
    env[PROBE_ENV] = "write:" + str(target)
    done = _pytest(env, "tests/test_isolation.py::test_probe_reads_the_file_it_is_given")
    assert done.returncode != 0
    assert f"changed: {target}" in done.stdout       # written by another process: found by the listing


@pytest.mark.skipif(PROBE_ENV not in os.environ, reason="runs only inside test_the_fence_fails_* (a decoy home)")
def test_probe_reads_the_file_it_is_given():
    spec = os.environ[PROBE_ENV]
    if spec.startswith("write:"):      # as the training process or the CLI would: from another process
        subprocess.run([sys.executable, "-c", f"open({spec[6:]!r}, 'w').write('x')"], check=True)
    else:
        with open(spec, "rb") as f:
            f.read(1)


@pytest.fixture
def mnist_dir_or_none(request) -> Path | None:
    """The real MNIST when the shared copy is beside the checkout, else None (a generated stand-in is used)."""
    from .conftest import SHARED_MNIST
    return SHARED_MNIST if (SHARED_MNIST / "train-images-idx3-ubyte.gz").is_file() else None
