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


# Exactness across kernels.  PyTorch's CPU kernels differ with the CPU (default, AVX2, AVX-512, oneDNN's
# BF16/AMX paths) and the thread count, and may sum float32 values in another order: the same training is
# bit-exact only on the same kernels (same machine, same thread count: resume, branch, restore).  Across
# kernels the tests allow KERNEL_ATOL + KERNEL_RTOL·|value|.  Measured on the tiny model after 12 steps
# (tests/core/test_kernels.py, ATEN_CPU_CAPABILITY default vs avx2 vs avx512, 1 and 2 threads): at most
# 2.4e-7 apart in the losses and 1.5e-6 in the weights.  A real difference in the computation (a half that
# reads the other's updated weights, a skipped or doubled update) moves weights by about the learning rate
# (2e-4) a step, 20x the allowance.
KERNEL_ATOL = 1e-5
KERNEL_RTOL = 1e-4


def assert_close_across_kernels(a, b, what: str = "") -> None:
    """`a` and `b` (numbers, arrays or tensors, or dicts/lists of them) agree within the kernel tolerance."""
    import torch

    if isinstance(a, dict):
        assert a.keys() == b.keys(), what
        for k in a:
            assert_close_across_kernels(a[k], b[k], f"{what}{k}")
        return
    ta, tb = torch.as_tensor(np.asarray(a)), torch.as_tensor(np.asarray(b))
    if not ta.is_floating_point():
        assert torch.equal(ta, tb), what
        return
    torch.testing.assert_close(ta, tb, atol=KERNEL_ATOL, rtol=KERNEL_RTOL, msg=lambda m: f"{what}: {m}")
