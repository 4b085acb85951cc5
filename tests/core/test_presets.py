"""Every shipped preset builds, trains a few steps and produces finite losses (correctness, not speed)."""

import math

import pytest

from gan_studio.core.config import ModelConfig
from gan_studio.core.presets import DEFAULT_PRESET, ORDER, get_preset, load_presets
from gan_studio.core.training.trainer import Trainer

from .helpers import tiny_data

KEYS = [p.key for p in load_presets()]


def test_every_shipped_preset_is_ordered_and_the_default_comes_first():
    assert KEYS[0] == DEFAULT_PRESET
    assert set(KEYS) == set(ORDER), "a preset file without a place in ORDER, or a key in ORDER without a file"
    for preset in load_presets():
        assert preset.title and len(preset.description) > 40


@pytest.mark.parametrize("key", KEYS)
def test_each_preset_trains_a_few_steps_with_finite_losses(key):
    images, labels = tiny_data(n=64, classes=10)
    cfg = get_preset(key).config(threads=1, device="cpu", batch_size=16)
    trainer = Trainer(cfg, images, labels, device="cpu")
    for _ in range(2):
        trainer.step()
    records = trainer.flush()   # raises TrainingDiverged on a non-finite value
    assert [r.step for r in records] == [1, 2]
    for r in records:
        assert math.isfinite(r.loss_d) and math.isfinite(r.loss_g)
    samples = trainer.sample(4, seed=0)
    assert samples.shape == (4, 28, 28, 1)


def test_seed_presets_keep_the_seed_layer_sizes():
    for key in ("seed-mlp", "seed-mlp-fixed"):
        m = ModelConfig.from_dict(get_preset(key).model)
        assert (m.arch, m.latent_dim, m.g_width, m.d_width, m.depth) == ("mlp", 100, 128, 128, 3)
    as_written = get_preset("seed-mlp")   # the seed document as written
    m, t = ModelConfig.from_dict(as_written.model), as_written.train
    assert (m.g_batchnorm, m.d_norm, m.d_activation) == (False, "none", "relu")
    assert (t["loss"], t["lr_g"], t["lr_d"]) == ("ns", 1e-4, 1e-4)


# ---- the default thread choice the presets train with (gan_studio.core.training.device)

def test_choose_threads_stays_within_the_limit_and_is_cached(monkeypatch):
    import torch

    from gan_studio.core.training import device

    before = torch.get_num_threads()
    assert device.choose_threads(1) == 1
    monkeypatch.setattr(device, "_probe_cache", {})
    chosen = device.choose_threads(2)
    assert 1 <= chosen <= min(2, device.cpu_threads())
    assert torch.get_num_threads() == before            # the probe leaves torch's setting as it was
    monkeypatch.setattr(device, "_probe_seconds", lambda *a: pytest.fail("probed again within the cache time"))
    assert device.choose_threads(2) == chosen


def test_the_entry_point_sets_a_passive_openmp_wait_policy_before_torch_loads():
    import os
    import subprocess
    import sys

    code = "import os, sys, gan_studio.__main__; print(os.environ['OMP_WAIT_POLICY'], 'torch' in sys.modules)"
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["PASSIVE", "False"]
    out = subprocess.run([sys.executable, "-c", code], env=dict(env, OMP_WAIT_POLICY="ACTIVE"),
                         capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["ACTIVE", "False"]      # the user's own setting wins
