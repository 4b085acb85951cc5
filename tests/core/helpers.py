"""Small synthetic data and configs for fast core tests."""

import numpy as np

from gan_studio.core.config import ExperimentConfig, ModelConfig, TrainConfig


def tiny_data(n=256, size=28, classes=4, seed=0):
    """Blob images whose position depends on the class (learnable, deterministic)."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, classes, n)
    images = np.zeros((n, 1, size, size), np.uint8)
    for i, c in enumerate(labels):
        r = 4 + 5 * int(c)
        images[i, 0, r:r + 5, 6:22] = 200 + rng.integers(0, 55)
    return images, labels


def tiny_config(**train) -> ExperimentConfig:
    defaults = dict(batch_size=16, lr_g=2e-4, lr_d=2e-4, seed=3, threads=1)
    defaults.update(train)
    return ExperimentConfig(model=ModelConfig(arch="dcgan", g_width=8, d_width=8, latent_dim=16, conditional=True),
                            train=TrainConfig(**defaults))
