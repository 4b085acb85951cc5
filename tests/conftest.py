"""Shared pytest fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED_MNIST = Path(__file__).resolve().parents[1].parent / "shared/datasets/mnist"


@pytest.fixture(autouse=True)
def gs_home(tmp_path, monkeypatch) -> Path:
    """Every test gets its own GAN_STUDIO_HOME (cache, runs, settings) under tmp_path."""
    home = tmp_path / "gs_home"
    home.mkdir()
    monkeypatch.setenv("GAN_STUDIO_HOME", str(home))
    return home


@pytest.fixture
def mnist_dir() -> Path:
    """The shared local copy of MNIST (four IDX .gz files); skips the test when absent."""
    names = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
             "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"]
    if not all((SHARED_MNIST / n).is_file() for n in names):
        pytest.skip(f"MNIST not available at {SHARED_MNIST}")
    return SHARED_MNIST
