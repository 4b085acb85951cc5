"""Exports: PNG images and sprite sheets (+ JSON atlas), latent files, GIF / MP4 / PNG-frame animations, SVG.

`ExportOptions` + `write_export` are the one path every page of the app exports
through (the export dialog previews with `render_sheet`, `render_frames` and
`render_svg`, then writes with `write_export`).  The files it builds on live in `export_files.py`
(`ExportError`, atomic writes, names, PNG, latents) and `animation.py` (GIF, MP4, PNG frames); their public
names are re-exported here, so `from gan_studio.core.explore.exports import save_png` keeps working.

Every write is atomic: data goes to a hidden temp file in the destination folder
which is then ``os.replace``-d over the target.  Any failure (permission denied,
disk full, encoder error) raises `ExportError` naming the path and leaves neither
a partial target nor a stray temp file.
"""

from __future__ import annotations
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np
from PIL import Image

from gan_studio.core.images import BACKGROUNDS, RESAMPLING, background_colour, grid_columns, resize_cells, style, tile_grid

# The files and animations are written by two modules of their own; their public names are re-exported here.
from .animation import _GRAY_PALETTE, _even_rgb, _write_mp4, save_frames, save_gif, save_mp4
from .export_files import (ExportError, _atomic, _json_default, _pil, _write_atomic, export_name, load_latents,
                           save_grid_png, save_images, save_latents, save_png)

__all__ = [
    "ExportError", "export_name", "save_png", "save_images", "save_grid_png", "save_latents",
    "load_latents", "save_gif", "save_mp4", "save_frames", "ExportOptions", "FORMATS", "render_cells",
    "render_sheet", "render_frames", "render_svg", "write_export", "save_sprite_sheet", "MAX_EXPORT_BYTES",
    "check_export_budget", "export_memory",
]

# ------------------------------------------------------------- designer exports

FORMATS = {
    "png": "PNG image(s)",
    "sheet": "Sprite sheet PNG + JSON atlas",
    "gif": "Animated GIF",
    "mp4": "MP4 video",
    "svg": "SVG (traced vectors)",
}
MAX_SIZE = 2048


@dataclass
class ExportOptions:
    """How images leave the app: the choices of the export dialog."""

    format: str = "png"          # one of FORMATS
    size: int = 280              # output pixels per image (longer side)
    resampling: str = "lanczos"  # "nearest" (pixel art) or "lanczos" (smooth)
    background: str = "black"    # "black" (as generated), "white" (inverted), "transparent", "transparent-negative"
    padding: int = 0             # pixels between and around sheet cells
    columns: int = 0             # sheet / SVG columns; 0 = automatic
    fps: float = 12.0            # GIF / MP4
    threshold: float = 0.5       # SVG tracing
    smoothing: int = 2           # SVG tracing, 0–4
    colours: int = 1             # SVG: 1 = one-colour outlines of the ink; 2–8 = colour layers (a palette)

    def check(self) -> "ExportOptions":
        if self.format not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)} (got {self.format!r})")
        if not 1 <= int(self.size) <= MAX_SIZE:
            raise ValueError(f"size must be 1–{MAX_SIZE} pixels (got {self.size})")
        if self.resampling not in RESAMPLING:
            raise ValueError(f"resampling must be one of {', '.join(RESAMPLING)}")
        if self.background not in BACKGROUNDS:
            raise ValueError(f"background must be one of {', '.join(BACKGROUNDS)}")
        if not 0 <= int(self.padding) <= 256 or int(self.columns) < 0:
            raise ValueError("padding must be 0–256 and columns >= 0")
        if not 1 <= int(self.colours) <= 8:
            raise ValueError(f"colours must be 1–8 (got {self.colours})")
        if self.fps <= 0:
            raise ValueError(f"fps must be positive (got {self.fps})")
        return self

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def extension(self) -> str:
        return {"sheet": "png"}.get(self.format, self.format)


def render_cells(images, opts: ExportOptions) -> np.ndarray:
    """(N, S, S, C) images resized to ``opts.size`` (no background applied)."""
    arr = np.asarray(images)
    if arr.ndim == 3:
        arr = arr[..., None]
    if arr.ndim != 4 or len(arr) == 0:
        raise ValueError(f"expected (N, H, W, C) images with N >= 1, got shape {arr.shape}")
    return resize_cells(arr, opts.size, opts.resampling)


def sheet_columns(n: int, opts: ExportOptions, num_classes: int | None = None) -> int:
    return int(opts.columns) if opts.columns else grid_columns(n, num_classes)


def render_sheet(images, opts: ExportOptions, num_classes: int | None = None) -> tuple[np.ndarray, int]:
    """The styled sheet (H', W', C') and its column count."""
    cells = render_cells(images, opts)
    cols = sheet_columns(len(cells), opts, num_classes)
    key = background_colour(cells)           # padding in the images' own background colour (black for digits)
    return style(tile_grid(cells, cols=cols, pad=int(opts.padding), pad_value=key), opts.background, key), cols


def render_frames(images, opts: ExportOptions) -> np.ndarray:
    """Animation frames (T, S, S, C): resized and inverted for a white background (video has no alpha)."""
    cells = render_cells(images, opts)
    return style(cells, "white") if opts.background == "white" else cells


def render_svg(images, opts: ExportOptions, titles=None, num_classes: int | None = None) -> str:
    from .vector import TraceOptions, svg_document

    arr = np.asarray(images)
    if arr.ndim == 3:
        arr = arr[..., None]
    cols = sheet_columns(len(arr), opts, num_classes) if len(arr) > 1 else 1
    if int(opts.colours) > 1:            # colour layers: one <g> per palette colour, in the images' colours
        from .vector import svg_colour_document

        shown = 255 - arr if opts.background in ("white", "transparent-negative") else arr
        drop = background_colour(shown) if opts.background.startswith("transparent") else None
        return svg_colour_document(shown, TraceOptions(smoothing=opts.smoothing), colours=int(opts.colours),
                                   cell=float(opts.size), cols=cols, pad=float(opts.padding), drop=drop,
                                   titles=titles)
    dark_bg = opts.background == "black"
    return svg_document(arr, TraceOptions(threshold=opts.threshold, smoothing=opts.smoothing),
                        cell=float(opts.size), cols=cols, pad=float(opts.padding),
                        ink="#ffffff" if dark_bg else "#000000",
                        background={"black": "#000000", "white": "#ffffff"}.get(opts.background), titles=titles)


def save_sprite_sheet(path: os.PathLike | str, images, opts: ExportOptions, items: Sequence[dict] | None = None,
                      meta: dict | None = None, num_classes: int | None = None) -> tuple[Path, Path]:
    """Sheet PNG plus its TexturePacker JSON-hash atlas (same stem, ``.json``); returns both paths."""
    from .atlas import atlas_dict

    path = Path(path)
    sheet, cols = render_sheet(images, opts, num_classes)
    cells_hw = render_cells(np.asarray(images)[:1], opts).shape[1:3]
    items = list(items) if items is not None else [{} for _ in range(len(np.asarray(images)))]
    info = dict(meta or {})
    info["export"] = opts.to_dict()
    atlas = atlas_dict(path.name, sheet.shape, cells_hw, cols, int(opts.padding), items, info)
    text = json.dumps(atlas, indent=1, default=_json_default)
    pil = _pil(np.ascontiguousarray(sheet if sheet.ndim == 3 else sheet[..., None]))
    json_path = path.with_suffix(".json")
    with _atomic(path) as tmp_png:
        pil.save(tmp_png, format="PNG")
        _write_atomic(json_path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    return path, json_path


MAX_EXPORT_BYTES = 1 << 30   # the memory one export may use for its pixels (a sheet, a GIF's frames)


def export_memory(n: int, channels: int, opts: ExportOptions, num_classes: int | None = None) -> int:
    """Bytes of pixels an export of `n` images holds at its peak.  PNG files and MP4 frames are
    rendered and written one image at a time; a sheet holds its cells and the sheet; a GIF holds every
    frame (Pillow writes them at the end)."""
    s = int(opts.size)
    c = 4 if opts.background.startswith("transparent") else channels
    if opts.format == "sheet":
        cols = sheet_columns(n, opts, num_classes)
        rows = -(-n // cols)
        pad = int(opts.padding)
        return n * s * s * channels + (rows * (s + pad) + pad) * (cols * (s + pad) + pad) * c
    if opts.format == "gif":
        return n * s * s + s * s * 4
    if opts.format == "svg":
        return n * 64 * 1024
    return 4 * s * s * 4


def check_export_budget(path, n: int, channels: int, opts: ExportOptions, num_classes: int | None = None,
                        budget: int | None = None) -> None:
    """ExportError, before any work, when the export would need more memory than `MAX_EXPORT_BYTES`;
    it names the size it would need and the largest image size that fits."""
    budget = MAX_EXPORT_BYTES if budget is None else int(budget)
    need = export_memory(n, channels, opts, num_classes)
    if need <= budget:
        return
    lo, hi = 1, int(opts.size)          # the largest size that fits (memory grows with the size)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if export_memory(n, channels, ExportOptions(**{**opts.to_dict(), "size": mid}), num_classes) <= budget:
            lo = mid
        else:
            hi = mid - 1
    fits = lo if export_memory(n, channels, ExportOptions(**{**opts.to_dict(), "size": lo}), num_classes) <= budget \
        else 1
    what = {"sheet": "this sheet", "gif": "this GIF"}.get(opts.format, "this export")
    hint = f"choose {fits:,} px or less, or fewer images" if fits > 1 else "choose fewer images"
    raise ExportError(path, f"{what} of {n:,} images at {int(opts.size):,} px would need {need / 2**20:,.0f} MB of "
                            f"memory, more than the {budget // 2**20:,} MB an export may use; {hint}")


def _save_gif_streamed(path, arr: np.ndarray, opts: ExportOptions) -> Path:
    """A GIF rendered one frame at a time: only the palette frames (1 byte a pixel) are held, never
    all frames resized in RGB at once."""
    if opts.fps <= 0:
        raise ValueError(f"fps must be positive (got {opts.fps})")

    def frame(i):
        return render_frames(arr[i:i + 1], opts)

    first = frame(0)
    if first.shape[3] == 1:
        palette = None
    else:
        sample = np.concatenate([frame(i)[..., :3] for i in range(0, len(arr), max(1, len(arr) // 16))])
        palette = Image.fromarray(np.ascontiguousarray(sample.reshape(-1, sample.shape[2], 3))).quantize(
            colors=256, dither=Image.Dither.NONE)
        del sample

    def to_palette(f):
        f = f[0]
        if palette is None:
            im = Image.frombytes("P", (f.shape[1], f.shape[0]), np.ascontiguousarray(f[..., 0]).tobytes())
            im.putpalette(_GRAY_PALETTE)
            return im
        return Image.fromarray(np.ascontiguousarray(f[..., :3])).quantize(palette=palette, dither=Image.Dither.NONE)

    images = [to_palette(first)] + [to_palette(frame(i)) for i in range(1, len(arr))]
    options: dict[str, Any] = {"format": "GIF", "save_all": True, "append_images": images[1:],
                               "duration": max(20, int(round(1000 / opts.fps))), "optimize": False, "disposal": 1,
                               "loop": 0}
    return _write_atomic(path, lambda tmp: images[0].save(tmp, **options))


def _save_mp4_streamed(path, arr: np.ndarray, opts: ExportOptions) -> Path:
    """An MP4 rendered and encoded one frame at a time (memory: one frame, whatever the count)."""
    return _write_mp4(path, opts.fps, len(arr), lambda i: _even_rgb(render_frames(arr[i:i + 1], opts)[0]))


def write_export(path: os.PathLike | str, images, opts: ExportOptions, items: Sequence[dict] | None = None,
                 meta: dict | None = None, num_classes: int | None = None) -> list[Path]:
    """Write ``images`` (N, H, W, C) uint8 as ``opts.format``; returns the files written.

    png: one image → the file ``path``; several → the folder ``path`` (one PNG each, named
    from ``items``).  sheet: ``path`` + ``.json`` atlas.  gif / mp4: the images are the
    frames.  svg: one document, the images in a grid.
    """
    opts.check()
    arr = np.asarray(images)
    if arr.ndim == 3:
        arr = arr[..., None]
    if arr.ndim != 4 or len(arr) == 0:
        raise ValueError(f"nothing to export (images of shape {arr.shape})")
    items = list(items) if items is not None else [{} for _ in range(len(arr))]
    fmt = opts.format
    check_export_budget(path, len(arr), arr.shape[3], opts, num_classes)
    if fmt == "png":
        key = background_colour(arr)         # the colour a transparent background removes
        if len(arr) == 1:
            pil = _pil(np.ascontiguousarray(style(render_cells(arr, opts), opts.background, key)[0]))
            return [_write_atomic(path, lambda tmp: pil.save(tmp, format="PNG"))]
        from .atlas import frame_names
        names = [f"{name}.png" for name in frame_names(items)]
        return [p for i in range(len(arr))         # one image at a time: memory stays one image
                for p in save_images(path, style(render_cells(arr[i:i + 1], opts), opts.background, key),
                                     names[i:i + 1])]
    if fmt == "sheet":
        return list(save_sprite_sheet(path, arr, opts, items, meta, num_classes))
    if fmt == "gif":
        return [_save_gif_streamed(path, arr, opts)]
    if fmt == "mp4":
        return [_save_mp4_streamed(path, arr, opts)]
    titles = [", ".join(f"{k} {v}" for k, v in it.items() if v is not None) for it in items]
    text = render_svg(arr, opts, titles, num_classes)
    return [_write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))]
