"""GAN losses computed from raw discriminator logits (numerically stable).

Non-saturating ("ns"):  L_D = −log σ(D(x)) − log(1 − σ(D(G(z))))  = softplus(−r) + softplus(f)
                         L_G = −log σ(D(G(z)))                       = softplus(−f)
Hinge:                   L_D = relu(1 − r) + relu(1 + f);   L_G = −f
Least squares:           L_D = ½(r − 1)² + ½f²;             L_G = ½(f − 1)²
Wasserstein-GP:          L_D = f − r + λ·(‖∇D(x̂)‖ − 1)²;     L_G = −f
(r, f: logits on real and generated images; every loss is a batch mean.)
"""

from __future__ import annotations

import torch
import torch.nn.functional as F


def discriminator_loss(kind: str, real: torch.Tensor, fake: torch.Tensor) -> torch.Tensor:
    if kind == "ns":
        return (F.softplus(-real) + F.softplus(fake)).mean()
    if kind == "hinge":
        return (F.relu(1 - real) + F.relu(1 + fake)).mean()
    if kind == "lsgan":
        return 0.5 * ((real - 1) ** 2 + fake**2).mean()
    if kind == "wgan-gp":
        return fake.mean() - real.mean()
    raise ValueError(f"unknown loss {kind!r}")


def generator_loss(kind: str, fake: torch.Tensor) -> torch.Tensor:
    if kind == "ns":
        return F.softplus(-fake).mean()
    if kind in ("hinge", "wgan-gp"):
        return -fake.mean()
    if kind == "lsgan":
        return 0.5 * ((fake - 1) ** 2).mean()
    raise ValueError(f"unknown loss {kind!r}")


def gradient_penalty(critic, real: torch.Tensor, fake: torch.Tensor, labels, generator: torch.Generator | None) -> torch.Tensor:
    """(‖∇ₓ D(x̂)‖₂ − 1)² at random points x̂ between real and generated images."""
    alpha = torch.rand(real.shape[0], 1, 1, 1, device=real.device, generator=generator)
    mixed = (alpha * real + (1 - alpha) * fake).requires_grad_(True)
    out = critic(mixed, labels)
    (grad,) = torch.autograd.grad(out.sum(), mixed, create_graph=True)
    return ((grad.flatten(1).norm(2, dim=1) - 1) ** 2).mean()
