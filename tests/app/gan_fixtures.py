"""A tiny trained conditional generator (run folder + exported file) for Gallery / Explore tests."""

from __future__ import annotations

from pathlib import Path

from gan_studio.core.explore.generator import export_generator, load_generator
from gan_studio.core.run_folders.runs import RunFolder
from gan_studio.core.training.trainer import Trainer
from tests.core.helpers import tiny_config, tiny_data


def make_tiny_run(folder: Path, steps: int = 2) -> Path:
    """Train a tiny conditional DCGAN for `steps` steps and save it as a run folder."""
    cfg = tiny_config()
    x, y = tiny_data()
    trainer = Trainer(cfg, x, y)
    for _ in range(steps):
        trainer.step()
    run = RunFolder.create(folder, cfg, {"source": "test", "class_names": [str(i) for i in range(10)]})
    run.save_checkpoint(trainer)
    return run.path


def make_tiny_export(folder: Path) -> Path:
    run = make_tiny_run(folder / "run")
    return export_generator(load_generator(run), folder / "tiny.safetensors", name="tiny-test")
