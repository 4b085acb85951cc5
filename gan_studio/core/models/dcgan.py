"""Convolutional GAN (DCGAN-style) for 28, 32, 64 and 128 pixel images, optionally
class-conditional (generator: label concatenated to z; discriminator:
projection head)."""

from __future__ import annotations

import torch
from torch import nn

from ..config import ModelConfig
from .common import as_condition, d_layer


def _plan(image_size: int) -> tuple[int, int]:
    """(starting spatial size, number of ×2 upsamplings)."""
    return {28: (7, 2), 32: (4, 3), 64: (4, 4), 128: (4, 5)}[image_size]


class DCGenerator(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        start, ups = _plan(cfg.image_size)
        self.start = start
        top = cfg.g_width * 2 ** (ups - 1)
        self.top = top
        cond = cfg.num_classes if cfg.conditional else 0
        self.project = nn.Linear(cfg.latent_dim + cond, top * start * start, bias=not cfg.g_batchnorm)
        self.project_norm = nn.BatchNorm2d(top) if cfg.g_batchnorm else nn.Identity()
        blocks: list[nn.Module] = []
        ch = top
        for i in range(ups):
            out = max(top // 2 ** (i + 1), 8)  # channels halve as resolution doubles
            if cfg.g_upsample == "nearest":
                blocks.append(nn.Upsample(scale_factor=2, mode="nearest"))
                blocks.append(nn.Conv2d(ch, out, 3, 1, 1, bias=not cfg.g_batchnorm))
            else:
                blocks.append(nn.ConvTranspose2d(ch, out, 4, 2, 1, bias=not cfg.g_batchnorm))
            blocks.append(nn.BatchNorm2d(out) if cfg.g_batchnorm else nn.Identity())
            blocks.append(nn.ReLU(inplace=True))
            ch = out
        self.body = nn.Sequential(*blocks)
        self.to_image = nn.Conv2d(ch, cfg.channels, 3, 1, 1)

    def _input(self, z, labels):
        if self.cfg.conditional:
            z = torch.cat([z, as_condition(labels, self.cfg.num_classes, z.shape[0], z.device)], 1)
        return z

    def features(self, z: torch.Tensor, labels=None) -> torch.Tensor:
        """Activations after the first projection (used for principal directions)."""
        h = self.project(self._input(z, labels)).view(-1, self.top, self.start, self.start)
        return torch.relu(self.project_norm(h))

    def forward(self, z: torch.Tensor, labels=None) -> torch.Tensor:
        return torch.tanh(self.to_image(self.body(self.features(z, labels))))


class DCDiscriminator(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        start, downs = _plan(cfg.image_size)
        layers: list[nn.Module] = []
        ch = cfg.channels
        for i in range(downs):
            out = cfg.d_width * 2**i
            layers.append(d_layer(nn.Conv2d(ch, out, 4, 2, 1), cfg.d_norm))
            if cfg.d_norm == "batch" and i > 0:
                layers.append(nn.BatchNorm2d(out))
            layers.append(nn.LeakyReLU(0.2, inplace=True))
            ch = out
        self.body = nn.Sequential(*layers)
        self.features_dim = ch * start * start
        self.out = d_layer(nn.Linear(self.features_dim, 1), cfg.d_norm)
        if cfg.conditional:
            # Projection discriminator: logit += <embed(y), h>.
            self.embed = d_layer(nn.Linear(cfg.num_classes, self.features_dim, bias=False), cfg.d_norm)

    def forward(self, x: torch.Tensor, labels=None) -> torch.Tensor:
        h = self.body(x).flatten(1)
        logit = self.out(h).squeeze(1)
        if self.cfg.conditional:
            cond = as_condition(labels, self.cfg.num_classes, x.shape[0], x.device)
            logit = logit + (self.embed(cond) * h).sum(1)
        return logit
