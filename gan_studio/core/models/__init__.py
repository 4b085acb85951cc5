"""Generator and discriminator networks built from a `ModelConfig`."""

from __future__ import annotations

import torch
from torch import nn

from ..config import ModelConfig
from .dcgan import DCDiscriminator, DCGenerator
from .mlp import MLPDiscriminator, MLPGenerator

__all__ = ["build_generator", "build_discriminator", "parameter_count", "count_parameters", "Generator", "Discriminator"]

Generator = nn.Module
Discriminator = nn.Module


def build_generator(cfg: ModelConfig) -> nn.Module:
    cfg.check()
    if cfg.arch == "mlp":
        return MLPGenerator(cfg)
    return DCGenerator(cfg)


def build_discriminator(cfg: ModelConfig) -> nn.Module:
    cfg.check()
    if cfg.arch == "mlp":
        return MLPDiscriminator(cfg)
    return DCDiscriminator(cfg)


def parameter_count(module: nn.Module) -> int:
    seen = set()
    total = 0
    for p in module.parameters():
        if id(p) not in seen:
            seen.add(id(p))
            total += p.numel()
    return total


def one_hot(labels: torch.Tensor, num_classes: int) -> torch.Tensor:
    """Integer labels (N,) to one-hot floats; float (N, K) weights pass through."""
    if labels.dtype.is_floating_point:
        return labels
    return torch.nn.functional.one_hot(labels.long(), num_classes).float()


def count_parameters(cfg: ModelConfig) -> tuple[int, int]:
    """(generator, discriminator) parameter counts without allocating weights (built on the meta device),
    so even absurd sizes count in milliseconds and no memory.  Spectral norm is left out while counting:
    it adds buffers, not parameters, and its power iteration at construction took seconds on meta tensors."""
    if cfg.d_norm == "spectral":
        cfg = cfg.replace(d_norm="none")
    with torch.device("meta"):
        return parameter_count(build_generator(cfg)), parameter_count(build_discriminator(cfg))
