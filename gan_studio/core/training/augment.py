"""Differentiable augmentation (DiffAugment, Zhao et al. 2020) for data-efficient GAN training.

The same random colour, translation and cutout changes are drawn for every image the discriminator
sees — real and generated alike, in D's update and in G's — so D cannot memorise a small folder and G
still gets gradients through the changes (every operation is differentiable in its input).  Used when
`train.augment` is "diffaug" (the "own-images" preset).  Images are in [-1, 1], shaped (N, C, H, W)."""

from __future__ import annotations

import torch
import torch.nn.functional as F

POLICIES = ("none", "diffaug", "shift-cutout")


def _colour(x: torch.Tensor, g: torch.Generator) -> torch.Tensor:
    n = x.shape[0]
    r = torch.rand(n, 3, 1, 1, 1, generator=g, device=x.device, dtype=x.dtype)
    x = x + (r[:, 0] - 0.5)                                        # brightness
    if x.shape[1] == 3:
        mean = x.mean(dim=1, keepdim=True)
        x = (x - mean) * (r[:, 1] * 2) + mean                      # saturation
    mean = x.mean(dim=(1, 2, 3), keepdim=True)
    return (x - mean) * (r[:, 2] + 0.5) + mean                     # contrast


def _translation(x: torch.Tensor, g: torch.Generator, ratio: float = 0.125) -> torch.Tensor:
    n, _, h, w = x.shape
    sh, sw = int(h * ratio + 0.5), int(w * ratio + 0.5)
    tx = torch.randint(-sh, sh + 1, (n, 1, 1), generator=g, device=x.device)
    ty = torch.randint(-sw, sw + 1, (n, 1, 1), generator=g, device=x.device)
    bi, gx, gy = torch.meshgrid(torch.arange(n, device=x.device), torch.arange(h, device=x.device),
                                torch.arange(w, device=x.device), indexing="ij")
    gx = torch.clamp(gx + tx + 1, 0, h + 1)
    gy = torch.clamp(gy + ty + 1, 0, w + 1)
    padded = F.pad(x, [1, 1, 1, 1])
    return padded.permute(0, 2, 3, 1).contiguous()[bi, gx, gy].permute(0, 3, 1, 2)


def _cutout(x: torch.Tensor, g: torch.Generator, ratio: float = 0.5) -> torch.Tensor:
    n, _, h, w = x.shape
    ch, cw = int(h * ratio + 0.5), int(w * ratio + 0.5)
    ox = torch.randint(0, h + (1 - ch % 2), (n, 1, 1), generator=g, device=x.device)
    oy = torch.randint(0, w + (1 - cw % 2), (n, 1, 1), generator=g, device=x.device)
    bi, gx, gy = torch.meshgrid(torch.arange(n, device=x.device), torch.arange(ch, device=x.device),
                                torch.arange(cw, device=x.device), indexing="ij")
    gx = torch.clamp(gx + ox - ch // 2, 0, h - 1)
    gy = torch.clamp(gy + oy - cw // 2, 0, w - 1)
    mask = torch.ones(n, h, w, dtype=x.dtype, device=x.device)
    mask[bi, gx, gy] = 0
    return x * mask.unsqueeze(1)


def diff_augment(x: torch.Tensor, policy: str, g: torch.Generator) -> torch.Tensor:
    """`x` changed by `policy` ("none": unchanged), with random draws from `g`."""
    if policy == "none":
        return x
    if policy == "shift-cutout":
        return _cutout(_translation(x, g), g)
    if policy != "diffaug":
        raise ValueError(f"unknown augmentation {policy!r}")
    return _cutout(_translation(_colour(x, g), g), g)
