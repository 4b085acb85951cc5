"""Whole-dataset image transforms (vectorised): size and channel count."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import torch

_CHUNK = 8192


def to_nchw(images: np.ndarray) -> np.ndarray:
    """(N, H, W) → (N, 1, H, W); (N, C, H, W) passes through."""
    if images.ndim == 3:
        return images[:, None, :, :]
    if images.ndim == 4:
        return images
    raise ValueError(f"expected images of shape (N, H, W) or (N, C, H, W), got {images.shape}")


def resize_images(images: np.ndarray, size: int) -> np.ndarray:
    """Make uint8 (N, C, H, W) images size×size.

    Square images a few pixels smaller than `size` (28 → 32) are zero-padded
    evenly, as is customary for MNIST; anything else is resized bilinearly
    (antialiased when shrinking), in chunks to bound memory.
    """
    n, c, h, w = images.shape
    if h == size and w == size:
        return images
    if h == w and 0 < size - h <= h // 4:
        before = (size - h) // 2
        after = size - h - before
        return np.pad(images, ((0, 0), (0, 0), (before, after), (before, after)))
    import torch
    import torch.nn.functional as F

    out = np.empty((n, c, size, size), dtype=np.uint8)
    shrinking = size < max(h, w)
    rows, cols = _bilinear_matrix(h, size), _bilinear_matrix(w, size).T
    for start in range(0, n, _CHUNK):
        chunk = torch.from_numpy(np.ascontiguousarray(images[start:start + _CHUNK])).float()
        if shrinking:
            resized = F.interpolate(chunk, size=(size, size), mode="bilinear", align_corners=False,
                                    antialias=True)
        else:   # separable bilinear as two matrix products: same numbers, faster than interpolate
            resized = rows @ chunk @ cols
        out[start:start + _CHUNK] = resized.round_().clamp_(0, 255).to(torch.uint8).numpy()
    return out


def _bilinear_matrix(src: int, dst: int) -> torch.Tensor:
    """(dst, src) weights of 1-D bilinear resampling (align_corners=False)."""
    import torch
    import torch.nn.functional as F

    eye = torch.eye(src)[None, None]                      # (1, 1, src, src)
    return F.interpolate(eye, size=(dst, src), mode="bilinear", align_corners=False)[0, 0]


def set_channels(images: np.ndarray, channels: int) -> np.ndarray:
    """Convert uint8 (N, C, H, W) between 1 (grayscale) and 3 (RGB) channels."""
    c = images.shape[1]
    if c == channels:
        return images
    if c == 1 and channels == 3:
        return np.repeat(images, 3, axis=1)
    if c == 3 and channels == 1:
        weights = np.array([0.299, 0.587, 0.114], dtype=np.float32).reshape(1, 3, 1, 1)
        gray = (images.astype(np.float32) * weights).sum(axis=1, keepdims=True)
        return np.clip(np.rint(gray), 0, 255).astype(np.uint8)
    raise ValueError(f"cannot convert {c}-channel images to {channels} channels")


def fit_images(images: np.ndarray, image_size: int, channels: int) -> np.ndarray:
    """Shape uint8 images (N, H, W) or (N, C, H, W) to (N, channels, image_size, image_size)."""
    return np.ascontiguousarray(set_channels(resize_images(to_nchw(images), image_size), channels))
