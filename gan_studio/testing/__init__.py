"""Helpers shared by the tests and the benchmarks (not used by the app itself).

`tiny_config` is Qt-free; the GUI monkey engine lives in `gan_studio.testing.monkey` (it imports Qt).
"""

from __future__ import annotations

from gan_studio.core.config import DataConfig, ExperimentConfig, ModelConfig, TrainConfig


def tiny_config(**train) -> ExperimentConfig:
    """The offline sample with a very small unconditional DCGAN: a step takes milliseconds."""
    t = dict(batch_size=16, threads=1, lr_g=2e-4, lr_d=2e-4, sample_every=10, checkpoint_every=0)
    t.update(train)
    return ExperimentConfig(
        data=DataConfig(source="sample", holdout=200),
        model=ModelConfig(arch="dcgan", g_width=8, d_width=8, latent_dim=16, conditional=False),
        train=TrainConfig(**t),
        name="tiny",
    ).check()
