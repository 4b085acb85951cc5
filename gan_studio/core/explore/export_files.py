"""Export files: the error every export raises, atomic writes, file names, PNG images and grids, latent files.

Every write is atomic: data goes to a hidden temp file in the destination folder
which is then ``os.replace``-d over the target.  Any failure (permission denied,
disk full, encoder error) raises `ExportError` naming the path and leaves neither
a partial target nor a stray temp file.  The public names are re-exported by `exports.py`.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import numpy as np
from PIL import Image

from gan_studio.core.atomic import atomic_path
from gan_studio.core.images import background_colour, style, tile_grid, upscale


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
