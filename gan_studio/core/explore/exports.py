"""Exports: PNG images and sprite sheets (+ JSON atlas), latent files, GIF / MP4 / PNG-frame animations, SVG.

`ExportOptions` + `write_export` are the one path every page of the app exports
through (the export dialog previews with `render_sheet`, `render_frames` and
`render_svg`, then writes with `write_export`).

Every write is atomic: data goes to a hidden temp file in the destination folder
which is then ``os.replace``-d over the target.  Any failure (permission denied,
disk full, encoder error) raises `ExportError` naming the path and leaves neither
a partial target nor a stray temp file.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import numpy as np
from PIL import Image

from gan_studio.core.atomic import atomic_path
from gan_studio.core.images import (BACKGROUNDS, RESAMPLING, background_colour, grid_columns, resize_cells, style,
                                    tile_grid, upscale)

__all__ = [
    "ExportError", "export_name", "save_png", "save_images", "save_grid_png", "save_latents",
    "load_latents", "save_gif", "save_mp4", "save_frames", "ExportOptions", "FORMATS", "render_cells",
    "render_sheet", "render_frames", "render_svg", "write_export", "save_sprite_sheet", "MAX_EXPORT_BYTES",
    "check_export_budget", "export_memory",
]


class ExportError(Exception):
    """An export could not be written; ``path`` is the intended destination."""

    def __init__(self, path: os.PathLike | str, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"Could not write {self.path}: {reason}")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _ensure_folder(folder: Path, target: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(target, f"cannot create folder {folder} ({_reason(exc)})") from exc


@contextmanager
def _atomic(path: os.PathLike | str) -> Iterator[Path]:
    """Yield a temp path next to ``path``; on success replace ``path`` with it (see core.atomic)."""
    target = Path(path)
    _ensure_folder(target.parent, target)
    try:
        with atomic_path(target) as tmp:
            yield tmp
    except ExportError:
        raise
    except Exception as exc:
        raise ExportError(target, _reason(exc)) from exc


def _write_atomic(path: os.PathLike | str, writer: Callable[[Path], None]) -> Path:
    with _atomic(path) as tmp:
        writer(tmp)
    return Path(path)


# --------------------------------------------------------------------------- names

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def export_name(model_name: str, seed: int, index: int, label: int | None = None, ext: str = "png") -> str:
    """A file name safe on every OS, e.g. ``mnist-dcgan_seed7_idx3_label5.png``."""
    slug = _UNSAFE.sub("-", str(model_name)).strip("-._")[:64] or "gan"
    name = f"{slug}_seed{int(seed)}_idx{int(index)}"
    if label is not None:
        name += f"_label{int(label)}"
    ext = str(ext).lstrip(".")
    return f"{name}.{ext}" if ext else name


# ----------------------------------------------------------------------------- PNG

def _as_hwc(image) -> np.ndarray:
    arr = np.asarray(image)
    if arr.dtype != np.uint8:
        raise ValueError(f"expected a uint8 image, got {arr.dtype} (use images.to_uint8)")
    if arr.ndim == 2:
        arr = arr[..., None]
    if arr.ndim != 3 or arr.shape[2] not in (1, 3, 4):
        raise ValueError(f"expected an (H, W, C) image with C in 1/3/4, got shape {arr.shape}")
    return arr


def _png_pixels(image, scale: int = 1, invert: bool = False, transparent: bool = False,
                key=None) -> np.ndarray:
    """Apply scale / invert / transparency; returns (H, W, C) with C in 1..4 ready for Pillow.

    Transparent: the background colour `key` (by default the image's own, `background_colour`: black for
    digits, white when inverted) becomes alpha and every other colour is kept (`images.style`).
    Composited over that colour this reproduces the opaque image exactly.
    """
    arr = upscale(_as_hwc(image), scale)
    colour = arr[..., :3] if arr.shape[2] in (3, 4) else arr
    alpha = arr[..., 3:] if arr.shape[2] == 4 else None
    if invert:
        colour = 255 - colour
    if transparent and alpha is None:       # the background colour (black for digits) becomes see-through
        return np.ascontiguousarray(style(colour, "transparent", key if key is not None else
                                          background_colour(colour, 255 if invert else 0)))
    out = colour if alpha is None else np.concatenate([colour, alpha], axis=2)
    return np.ascontiguousarray(out)


def _pil(arr: np.ndarray) -> Image.Image:
    return Image.fromarray(arr[..., 0] if arr.shape[2] == 1 else arr)


def save_png(path: os.PathLike | str, image, scale: int = 1, invert: bool = False,
             transparent: bool = False, key=None) -> Path:
    """Write one (H, W, C) uint8 image as PNG.  ``invert`` gives dark ink on white;
    ``transparent`` turns the background into alpha (grayscale → LA).  Returns path."""
    pil = _pil(_png_pixels(image, scale, invert, transparent, key))
    return _write_atomic(path, lambda tmp: pil.save(tmp, format="PNG"))


def save_images(folder: os.PathLike | str, images, names: Sequence[str], **png_opts: Any) -> list[Path]:
    """Save each image (N, H, W, C) as ``folder/name`` (``.png`` added if missing)."""
    folder = Path(folder)
    arr = np.asarray(images)
    if len(arr) != len(names):
        raise ValueError(f"{len(arr)} images but {len(names)} names")
    out = []
    for img, name in zip(arr, names):
        if Path(name).name != name or name in ("", ".", ".."):
            raise ValueError(f"not a plain file name: {name!r}")
        target = folder / (name if Path(name).suffix else f"{name}.png")
        out.append(save_png(target, img, **png_opts))
    return out


def save_grid_png(path: os.PathLike | str, images, cols: int | None = None, pad: int = 2, scale: int = 1,
                  invert: bool = False, transparent: bool = False) -> Path:
    """Sprite sheet of (N, H, W, C) images; see `images.tile_grid` for the layout."""
    key = background_colour(images)       # padding in the images' background colour
    return save_png(path, tile_grid(images, cols=cols, pad=pad, pad_value=key), scale=scale, invert=invert,
                    transparent=transparent, key=(255 - np.asarray(key)) if invert else key)


# ------------------------------------------------------------------------- latents

def _json_default(value: Any):
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, (Path, _dt.datetime, _dt.date)):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _sidecar(path: Path) -> Path:
    return path.with_suffix(".json")


def save_latents(path_npy: os.PathLike | str, latents, meta: dict | None = None) -> Path:
    """Write latents (N, D) to ``.npy`` plus a JSON sidecar with the same stem.

    The sidecar holds ``meta`` (model, seeds, indices, labels, truncation, ...) plus
    ``shape``, ``dtype`` and, unless given, ``created`` and ``app_version``.
    Both files are written to temp files first and only then moved into place.
    """
    path = Path(path_npy)
    if path.suffix != ".npy":
        path = path.with_name(path.name + ".npy")
    arr = np.ascontiguousarray(latents)
    if arr.ndim != 2:
        raise ValueError(f"latents must have shape (N, D), got {arr.shape}")
    info = dict(meta or {})
    info.setdefault("created", _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"))
    try:
        from gan_studio import __version__
        info.setdefault("app_version", __version__)
    except ImportError:  # pragma: no cover
        pass
    info["shape"] = list(arr.shape)
    info["dtype"] = str(arr.dtype)
    try:
        text = json.dumps(info, indent=2, default=_json_default)
    except (TypeError, ValueError) as exc:
        raise ExportError(_sidecar(path), f"metadata is not JSON serialisable ({exc})") from exc

    def write_npy(tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            np.save(fh, arr, allow_pickle=False)

    with _atomic(path) as tmp_npy:
        write_npy(tmp_npy)
        # Sidecar first: the .npy only appears once its metadata is in place.
        _write_atomic(_sidecar(path), lambda tmp: tmp.write_text(text, encoding="utf-8"))
    return path


def load_latents(path: os.PathLike | str) -> tuple[np.ndarray, dict]:
    """Read latents saved by `save_latents` (pass the .npy or the .json).

    Returns (float32 array (N, D), meta).  Raises ValueError when the file is not
    a latent matrix or disagrees with the sidecar's shape.  A bare ``.npy``
    without sidecar loads with empty meta.
    """
    path = Path(path)
    npy = path.with_suffix(".npy")
    try:
        arr = np.load(npy, allow_pickle=False)
    except FileNotFoundError:
        raise
    except (OSError, ValueError) as exc:
        raise ValueError(f"{npy} is not a readable .npy file ({exc})") from exc
    meta: dict = {}
    side = _sidecar(npy)
    if side.exists():
        try:
            meta = json.loads(side.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"{side} is not valid JSON ({exc})") from exc
        if not isinstance(meta, dict):
            raise ValueError(f"{side} must hold a JSON object")
    if arr.ndim != 2 or not np.issubdtype(arr.dtype, np.floating):
        raise ValueError(f"{npy} must hold a float (N, D) matrix, found {arr.dtype} {arr.shape}")
    if "shape" in meta and list(meta["shape"]) != list(arr.shape):
        raise ValueError(f"{npy} has shape {list(arr.shape)} but {side.name} says {meta['shape']}")
    return arr.astype(np.float32, copy=False), meta


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
