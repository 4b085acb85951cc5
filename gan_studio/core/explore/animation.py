"""Animations: GIF, MP4 (PyAV) and numbered PNG frames, written atomically (`export_files`).

The public names are re-exported by `exports.py`.
"""

from __future__ import annotations

import os
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from gan_studio.core.images import upscale

from .export_files import _UNSAFE, _write_atomic, save_images


# ----------------------------------------------------------------------- animation

def _as_frames(frames, scale: int) -> np.ndarray:
    arr = np.asarray(frames)
    if arr.dtype != np.uint8:
        raise ValueError(f"expected uint8 frames, got {arr.dtype} (use images.to_uint8)")
    if arr.ndim == 3:
        arr = arr[..., None]
    if arr.ndim != 4 or arr.shape[3] not in (1, 3, 4) or len(arr) == 0:
        raise ValueError(f"expected (T, H, W, C) frames with T >= 1 and C in 1/3/4, got shape {arr.shape}")
    return upscale(arr, scale)


_GRAY_PALETTE = [v for i in range(256) for v in (i, i, i)]


def _gif_images(frames: np.ndarray) -> list[Image.Image]:
    """Palette images sharing one palette, so colours never flicker between frames."""
    if frames.shape[3] == 1:
        out = []
        for f in frames:
            im = Image.frombytes("P", (f.shape[1], f.shape[0]), np.ascontiguousarray(f[..., 0]).tobytes())
            im.putpalette(_GRAY_PALETTE)
            out.append(im)
        return out
    rgb = frames[..., :3]
    sample = rgb[:: max(1, len(rgb) // 16)]
    montage = Image.fromarray(np.ascontiguousarray(sample.reshape(-1, rgb.shape[2], 3)))
    palette = montage.quantize(colors=256, dither=Image.Dither.NONE)
    return [Image.fromarray(np.ascontiguousarray(f)).quantize(palette=palette, dither=Image.Dither.NONE)
            for f in rgb]


def save_gif(path: os.PathLike | str, frames, fps: float = 12, loop: bool = True, scale: int = 1) -> Path:
    """Animated GIF from (T, H, W, C) uint8 frames.

    Grayscale frames use a fixed 256-level gray palette (exact, stable).  GIF
    timing has 10 ms resolution.  Identical consecutive frames are merged by
    Pillow into one longer frame, which plays identically.
    """
    if fps <= 0:
        raise ValueError(f"fps must be positive (got {fps})")
    images = _gif_images(_as_frames(frames, scale))
    opts: dict[str, Any] = {"format": "GIF", "save_all": True, "append_images": images[1:],
                            "duration": max(20, int(round(1000 / fps))), "optimize": False, "disposal": 1}
    if loop:
        opts["loop"] = 0
    return _write_atomic(path, lambda tmp: images[0].save(tmp, **opts))


def _video_codec() -> str:
    import av
    for name in ("libx264", "mpeg4"):
        try:
            av.codec.Codec(name, "w")
            return name
        except Exception:  # codec missing from this PyAV build
            continue
    raise RuntimeError("this PyAV build has neither libx264 nor mpeg4 encoders")


def save_mp4(path: os.PathLike | str, frames, fps: float = 24, scale: int = 1) -> Path:
    """H.264 MP4 (mpeg4 when libx264 is missing) from (T, H, W, C) uint8 frames.

    yuv420p needs even dimensions: an odd width/height is padded by one pixel,
    repeating the edge so no stripe shows.
    """
    if fps <= 0:
        raise ValueError(f"fps must be positive (got {fps})")
    arr = _as_frames(frames, scale)
    return _write_mp4(path, fps, len(arr), lambda i: _even_rgb(arr[i]))


def _even_rgb(frame: np.ndarray) -> np.ndarray:
    """(H, W, C) uint8 as contiguous RGB of even width and height (the edge repeated), as yuv420p needs."""
    f = np.repeat(frame, 3, axis=2) if frame.shape[2] == 1 else frame[..., :3]
    h, w = f.shape[:2]
    return np.ascontiguousarray(np.pad(f, ((0, h % 2), (0, w % 2), (0, 0)), mode="edge"))


def _write_mp4(path, fps: float, count: int, frame) -> Path:
    """Encode `count` frames, `frame(i)` → (H, W, 3) uint8 of even size, made one at a time as they are encoded."""
    import av

    if fps <= 0:
        raise ValueError(f"fps must be positive (got {fps})")
    rate = Fraction(fps).limit_denominator(1001)
    first = frame(0)

    def write(tmp: Path) -> None:
        codec = _video_codec()
        with av.open(str(tmp), mode="w", format="mp4") as container:
            stream = container.add_stream(codec, rate=rate)
            stream.width, stream.height = first.shape[1], first.shape[0]
            stream.pix_fmt = "yuv420p"
            if codec == "libx264":
                stream.options = {"crf": "18", "preset": "medium"}
            else:
                stream.bit_rate = 4_000_000
            for i in range(count):
                f = first if i == 0 else frame(i)
                container.mux(stream.encode(av.VideoFrame.from_ndarray(f, format="rgb24")))
            container.mux(stream.encode(None))

    return _write_atomic(path, write)


def save_frames(folder: os.PathLike | str, frames, stem: str = "frame", **png_opts: Any) -> list[Path]:
    """Each frame as ``folder/<stem>_0000.png`` ... (zero-padded, sorts correctly)."""
    arr = _as_frames(frames, 1)
    width = max(4, len(str(len(arr) - 1)))
    safe = _UNSAFE.sub("-", stem).strip("-._") or "frame"
    return save_images(folder, arr, [f"{safe}_{i:0{width}d}.png" for i in range(len(arr))], **png_opts)
