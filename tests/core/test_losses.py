import math

import pytest
import torch

from gan_studio.core.training.losses import discriminator_loss, generator_loss, gradient_penalty


def sig(v):
    return 1 / (1 + math.exp(-v))


def test_non_saturating_matches_hand_computed_values():
    real, fake = torch.tensor([2.0, -1.0]), torch.tensor([0.5, -3.0])
    want_d = sum(-math.log(sig(r)) for r in (2.0, -1.0)) / 2 + sum(-math.log(1 - sig(f)) for f in (0.5, -3.0)) / 2
    want_g = sum(-math.log(sig(f)) for f in (0.5, -3.0)) / 2
    assert discriminator_loss("ns", real, fake).item() == pytest.approx(want_d, rel=1e-6)
    assert generator_loss("ns", fake).item() == pytest.approx(want_g, rel=1e-6)


def test_non_saturating_is_stable_for_extreme_logits():
    real, fake = torch.tensor([-200.0]), torch.tensor([200.0])
    assert discriminator_loss("ns", real, fake).item() == pytest.approx(400.0)
    assert math.isfinite(generator_loss("ns", torch.tensor([-500.0])).item())


def test_hinge_lsgan_wasserstein():
    real, fake = torch.tensor([0.5, 2.0]), torch.tensor([-2.0, 0.0])
    assert discriminator_loss("hinge", real, fake).item() == pytest.approx(((0.5 + 0) + (0 + 1)) / 2)
    assert generator_loss("hinge", fake).item() == pytest.approx(1.0)
    assert discriminator_loss("lsgan", real, fake).item() == pytest.approx(0.5 * ((0.25 + 4) + (1 + 0)) / 2)
    assert generator_loss("lsgan", fake).item() == pytest.approx(0.5 * (9 + 1) / 2)
    assert discriminator_loss("wgan-gp", real, fake).item() == pytest.approx(-1.0 - 1.25)
    assert generator_loss("wgan-gp", fake).item() == pytest.approx(1.0)


def test_gradient_penalty_of_a_linear_critic():
    w = torch.randn(1, 1, 4, 4)

    def critic(x, labels=None):
        return (x * w).flatten(1).sum(1)

    real, fake = torch.randn(3, 1, 4, 4), torch.randn(3, 1, 4, 4)
    gp = gradient_penalty(critic, real, fake, None, torch.Generator().manual_seed(0))
    assert gp.item() == pytest.approx((w.norm().item() - 1) ** 2, rel=1e-5)


def test_unknown_loss_raises():
    with pytest.raises(ValueError):
        discriminator_loss("nope", torch.zeros(1), torch.zeros(1))
