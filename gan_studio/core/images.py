"""Image array helpers: generator output → uint8, sprite grids, upscaling (nearest or Lanczos), styling.

Images are channel-last uint8 ``(H, W, C)`` (batches ``(N, H, W, C)``); a single
channel is kept as a last axis of size 1.  Digits are white ink on black.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["to_uint8", "tile_grid", "upscale", "resize_cells", "grid_columns", "style", "cell_rects",
           "background_colour", "RESAMPLING", "BACKGROUNDS"]


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
    if np.ndim(pad_value):           # one value per channel (a background colour)
        pad_value = np.asarray(pad_value, dtype=arr.dtype).reshape(-1)[:c]
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


# ------------------------------------------------------------- designer output

RESAMPLING = ("nearest", "lanczos")
BACKGROUNDS = ("black", "white", "transparent", "transparent-negative")


def resize_cells(images, size: int, method: str = "nearest") -> np.ndarray:
    """Resize (N, H, W, C) (or one (H, W, C)) uint8 images so the longer side is ``size`` pixels.

    ``nearest`` keeps hard pixels (pixel art; exact for integer factors), ``lanczos``
    gives a smooth upscale (Pillow's Lanczos-3 filter, per image and channel).
    """
    from PIL import Image

    if method not in RESAMPLING:
        raise ValueError(f"resampling must be one of {', '.join(RESAMPLING)} (got {method!r})")
    size = int(size)
    if size < 1:
        raise ValueError(f"size must be a positive number of pixels (got {size})")
    arr = np.asarray(images)
    single = arr.ndim == 3
    if arr.ndim not in (3, 4):
        raise ValueError(f"expected (N, H, W, C) or (H, W, C) images, got shape {arr.shape}")
    arr = arr[None] if single else arr
    n, h, w, c = arr.shape
    scale = size / max(h, w)
    out_h, out_w = max(1, round(h * scale)), max(1, round(w * scale))
    if (out_h, out_w) == (h, w):
        out = arr
    elif method == "nearest" and out_h % h == 0 and out_w % w == 0 and out_h // h == out_w // w:
        out = upscale(arr, out_h // h)
    else:
        flt = Image.Resampling.NEAREST if method == "nearest" else Image.Resampling.LANCZOS
        out = np.empty((n, out_h, out_w, c), np.uint8)
        for i in range(n):
            for ch in range(c):
                im = Image.fromarray(np.ascontiguousarray(arr[i, :, :, ch]))
                out[i, :, :, ch] = np.asarray(im.resize((out_w, out_h), flt))
    return out[0] if single else out


def grid_columns(n: int, num_classes: int | None = None) -> int:
    """Columns of a sample grid: one per class for a conditional model whose labels cycle
    0, 1, …, K-1 (so each digit keeps its own column), else square-ish."""
    n = max(1, int(n))
    if num_classes and 1 < num_classes <= 16 and n >= num_classes:
        return int(num_classes)
    return math.ceil(math.sqrt(n))


def cell_rects(n: int, h: int, w: int, cols: int, pad: int) -> list[tuple[int, int, int, int]]:
    """(x, y, w, h) of each tile in a `tile_grid` sheet with these parameters."""
    out = []
    for i in range(n):
        r, col = divmod(i, cols)
        out.append((pad + col * (w + pad), pad + r * (h + pad), w, h))
    return out


def background_colour(images, default: int = 0) -> tuple[int, ...]:
    """The background colour of (N, H, W, C) (or one (H, W, C)) uint8 images: per channel, the median of the
    pixels on each image's outer ring.  Black for digits (white ink on black), white for red-on-white icons.
    A ring with no clear colour (half its pixels more than 48 levels from the median) has no background:
    `default` in every channel (0: black, the digits' convention)."""
    arr = np.asarray(images)
    if arr.ndim == 3:
        arr = arr[None]
    if arr.ndim != 4 or not arr.size:
        raise ValueError(f"expected (N, H, W, C) images, got shape {arr.shape}")
    ring = np.concatenate([arr[:, 0].reshape(-1, arr.shape[-1]), arr[:, -1].reshape(-1, arr.shape[-1]),
                           arr[:, :, 0].reshape(-1, arr.shape[-1]), arr[:, :, -1].reshape(-1, arr.shape[-1])])
    median = np.median(ring, axis=0)
    if float(np.median(np.abs(ring.astype(np.float32) - median).max(axis=-1))) > 48:
        return (int(default),) * arr.shape[-1]
    return tuple(int(v) for v in median.round())


def _colour_to_alpha(colour: np.ndarray, key) -> np.ndarray:
    """Remove the background colour `key` (GIMP's "colour to alpha"): the least alpha (and its colour) that,
    composited over `key`, gives each pixel back.  Over black this is alpha = the brightest channel."""
    p = colour.astype(np.float32)
    b = np.broadcast_to(np.asarray(key, np.float32).reshape(-1)[: p.shape[-1]], p.shape[-1:])
    d = p - b
    up = np.where(b < 255, d / np.maximum(255.0 - b, 1e-6), 0.0)
    down = np.where(b > 0, -d / np.maximum(b, 1e-6), 0.0)
    alpha = np.clip(np.where(d > 0, up, np.where(d < 0, down, 0.0)).max(axis=-1, keepdims=True), 0.0, 1.0)
    safe = np.maximum(alpha, 1e-6)
    # fully see-through pixels: gray line art keeps its ink colour (the key's opposite), colour keeps the key
    clear = (255.0 - b) if p.shape[-1] == 1 else b
    rgb = np.where(alpha > 0, b + d / safe, clear)
    a8 = np.rint(alpha * 255.0).astype(np.uint8)
    return np.concatenate([np.clip(np.rint(rgb), 0, 255).astype(np.uint8), a8], axis=-1)


def style(sheet, background: str = "black", key=None) -> np.ndarray:
    """Apply a background choice to generated pixels (H, W, C) or (N, H, W, C).

    black: unchanged (the colours as generated).  white: inverted (the negative: dark ink on white for
    digits).  transparent: the background colour `key` (default black; `background_colour` finds it)
    becomes see-through and every other colour is kept: alpha is how far a pixel is from the key, the
    colour un-premultiplied, so composited over the key it gives the image back.  Grayscale images give
    gray + alpha (LA), colour ones RGBA.  transparent-negative: the negative, made transparent the same way
    (for a model trained on inverted images: the original colours on a see-through background).
    """
    if background not in BACKGROUNDS:
        raise ValueError(f"background must be one of {', '.join(BACKGROUNDS)} (got {background!r})")
    arr = np.asarray(sheet)
    if background == "black":
        return arr
    if background == "transparent-negative":     # the negative, then its background made see-through
        neg = style(arr, "white")
        return style(neg, "transparent", None if key is None else 255 - np.asarray(key).reshape(-1))
    if background == "white":
        if arr.shape[-1] == 4:
            return np.concatenate([255 - arr[..., :3], arr[..., 3:]], axis=-1)
        return 255 - arr
    if arr.shape[-1] in (2, 4):
        return arr
    return _colour_to_alpha(arr, (0,) * arr.shape[-1] if key is None else key)
