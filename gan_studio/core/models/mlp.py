"""The classic fully connected GAN (the seed document's network)."""

from __future__ import annotations

import torch
from torch import nn

from ..config import ModelConfig
from .common import d_layer


class MLPGenerator(nn.Module):
    """z → g_width → 2·g_width → … (depth layers, ReLU) → C·H·W (tanh)."""

    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        widths = [cfg.g_width * 2**i for i in range(cfg.depth)]
        layers: list[nn.Module] = []
        prev = cfg.latent_dim
        for w in widths:
            layers.append(nn.Linear(prev, w))
            if cfg.g_batchnorm:
                layers.append(nn.BatchNorm1d(w))
            layers.append(nn.ReLU(inplace=True))
            prev = w
        self.body = nn.Sequential(*layers)
        self.out = nn.Linear(prev, cfg.channels * cfg.image_size**2)

    def features(self, z: torch.Tensor, labels=None) -> torch.Tensor:
        """Activations of the first hidden layer (used for principal directions)."""
        return self.body[: 3 if self.cfg.g_batchnorm else 2](z)

    def forward(self, z: torch.Tensor, labels=None) -> torch.Tensor:
        x = torch.tanh(self.out(self.body(z)))
        return x.view(-1, self.cfg.channels, self.cfg.image_size, self.cfg.image_size)


class MLPDiscriminator(nn.Module):
    """C·H·W → … → d_width (LeakyReLU 0.2, or ReLU as in the seed) → 1 logit; widths mirror the generator."""

    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        widths = [cfg.d_width * 2**i for i in reversed(range(cfg.depth))]
        layers: list[nn.Module] = []
        prev = cfg.channels * cfg.image_size**2
        for w in widths:
            layers.append(d_layer(nn.Linear(prev, w), cfg.d_norm))
            if cfg.d_norm == "batch":
                layers.append(nn.BatchNorm1d(w))
            layers.append(nn.ReLU(inplace=True) if cfg.d_activation == "relu" else nn.LeakyReLU(0.2, inplace=True))
            prev = w
        self.body = nn.Sequential(*layers)
        self.out = d_layer(nn.Linear(prev, 1), cfg.d_norm)

    def forward(self, x: torch.Tensor, labels=None) -> torch.Tensor:
        return self.out(self.body(x.flatten(1))).squeeze(1)
