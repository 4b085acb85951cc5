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


RED, WHITE = (255, 0, 0), (255, 255, 255)


def colour_config():
    """A tiny unconditional 3-channel fully connected generator (28×28 RGB)."""
    from gan_studio.core.config import ExperimentConfig, ModelConfig, TrainConfig

    return ExperimentConfig(model=ModelConfig(arch="mlp", image_size=28, channels=3, conditional=False, latent_dim=8,
                                              g_width=8, d_width=8, depth=1, g_batchnorm=False),
                            train=TrainConfig(batch_size=8, seed=3, threads=1))


def red_on_white(size: int = 28):
    """The picture every image of the painted generator shows: a red square on white, (H, W, 3) uint8."""
    import numpy as np

    img = np.full((size, size, 3), WHITE, np.uint8)
    img[8:20, 8:20] = RED
    return img


def make_colour_run(folder: Path, name: str = "icons") -> Path:
    """A run folder of a tiny unconditional colour generator trained one step on a folder of red-on-white
    icons, then painted: its output layer ignores the latent and draws `red_on_white` exactly (tanh(±8) is
    ±1 to the 8th bit), so exports can be checked pixel by pixel.  The dataset is a plain folder: no class
    names, not inverted."""
    import numpy as np
    import torch

    cfg = colour_config()
    x = np.repeat(red_on_white()[None].transpose(0, 3, 1, 2), 16, axis=0)
    trainer = Trainer(cfg, x, None)
    trainer.step()
    target = torch.as_tensor(red_on_white().transpose(2, 0, 1).astype(np.float32) / 127.5 - 1.0).flatten()
    for g in (trainer.G, trainer.G_ema):
        if g is not None:
            with torch.no_grad():
                g.out.weight.zero_()
                g.out.bias.copy_(target * 8.0)
    run = RunFolder.create(folder, cfg, {"source": "folder", "origin": name, "class_names": [], "inverted": False,
                                         "image_size": 28, "channels": 3})
    run.save_checkpoint(trainer)
    return run.path
