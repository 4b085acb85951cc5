"""Image array helpers: generator output → uint8, sprite grids, nearest-neighbour upscaling.

Images are channel-last uint8 ``(H, W, C)`` (batches ``(N, H, W, C)``); a single
channel is kept as a last axis of size 1.  Digits are white ink on black.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["to_uint8", "tile_grid", "upscale"]


def to_uint8(x) -> np.ndarray:
    """Generator output in [-1, 1] → uint8 in [0, 255], channels moved last.

    Accepts a numpy array or a torch tensor (any device) shaped (N, C, H, W) or
    (C, H, W); returns (N, H, W, C) or (H, W, C).  Values are clipped; NaN maps
    to 0 (background).
    """
    if hasattr(x, "detach"):  # torch tensor, without importing torch
        x = x.detach().float().cpu().numpy()
    arr = np.asarray(x, dtype=np.float32)
    if arr.ndim not in (3, 4):
        raise ValueError(f"expected (C, H, W) or (N, C, H, W) images, got shape {arr.shape}")
    arr = np.nan_to_num(arr, nan=-1.0, posinf=1.0, neginf=-1.0)
    scaled = np.rint((np.clip(arr, -1.0, 1.0) + 1.0) * 127.5).astype(np.uint8)
    axes = (1, 2, 0) if arr.ndim == 3 else (0, 2, 3, 1)
    return np.ascontiguousarray(scaled.transpose(axes))


def _as_nhwc(images) -> np.ndarray:
    arr = np.asarray(images)
    if arr.ndim == 3:
        arr = arr[..., None]
    if arr.ndim != 4:
        raise ValueError(f"expected (N, H, W, C) images, got shape {arr.shape}")
    return arr


def tile_grid(images, cols: int | None = None, pad: int = 2, pad_value: int = 0) -> np.ndarray:
    """Tile (N, H, W, C) images into one contiguous (H', W', C) sheet.

    ``cols`` defaults to ``ceil(sqrt(N))`` (square-ish).  ``pad`` pixels of
    ``pad_value`` separate tiles and frame the sheet, so
    ``H' = rows * (H + pad) + pad`` and ``W' = cols * (W + pad) + pad``; missing
    tiles in the last row are left as padding.
    """
    arr = _as_nhwc(images)
    n, h, w, c = arr.shape
    if n == 0:
        raise ValueError("cannot tile zero images")
    if pad < 0:
        raise ValueError(f"pad must be >= 0 (got {pad})")
    cols = int(cols) if cols else math.ceil(math.sqrt(n))
    if cols < 1:
        raise ValueError(f"cols must be >= 1 (got {cols})")
    rows = math.ceil(n / cols)
    sheet = np.full((rows * (h + pad) + pad, cols * (w + pad) + pad, c), pad_value, dtype=arr.dtype)
    for i in range(n):
        r, col = divmod(i, cols)
        y, x = pad + r * (h + pad), pad + col * (w + pad)
        sheet[y:y + h, x:x + w] = arr[i]
    return sheet


def upscale(img: np.ndarray, factor: int) -> np.ndarray:
    """Nearest-neighbour upscale by an integer factor: (H, W[, C]) or (N, H, W, C)."""
    factor = int(factor)
    if factor < 1:
        raise ValueError(f"scale factor must be a positive integer (got {factor})")
    arr = np.asarray(img)
    if factor == 1:
        return arr
    if arr.ndim not in (2, 3, 4):
        raise ValueError(f"expected (H, W), (H, W, C) or (N, H, W, C), got shape {arr.shape}")
    y_axis = 1 if arr.ndim == 4 else 0
    return np.repeat(np.repeat(arr, factor, axis=y_axis), factor, axis=y_axis + 1)
