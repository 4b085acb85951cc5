"""Load a folder of the user's own images (PNG, JPEG, BMP, WebP, GIF, TIFF).

Images are read with Pillow in whatever mode they come (palette, alpha,
16-bit, CMYK ...), turned into grayscale or RGB, fitted into a square
(aspect kept, padded with the image's border colour) and stacked.  Files that
cannot be read are skipped and counted, never fatal.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
from PIL import Image

from ..config import DataConfig
from ..messages import Message
from .errors import DatasetCancelled, DatasetError
from .types import ImageSet, LoadedDataset

IMAGE_EXTENSIONS = {".png", ".jpg", ".jpeg", ".jpe", ".bmp", ".dib", ".webp", ".gif",
                    ".tif", ".tiff"}
HOLDOUT_FRACTION = 0.10
HOLDOUT_SEED = 1234
_MAX_PIXELS = 64_000_000

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


def find_image_files(root: Path) -> list[Path]:
    """Image files under `root` (recursive, sorted, hidden files and folders ignored)."""
    return scan_image_folder(root)[0]


def scan_image_folder(root: Path) -> tuple[list[Path], list[str]]:
    """Regular image files under `root` (recursive, sorted, hidden files and folders ignored) and a
    message for each thing left out: a folder that cannot be read, a name with an image extension that
    is not a regular file (a FIFO, a device, a broken or looping link — opening those could block forever)."""
    import stat

    found: list[Path] = []
    problems: list[str] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename).relative_to(root).as_posix() if exc.filename else "?"
        problems.append(f"folder {where or '.'} cannot be read ({exc.strerror or exc})")

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "__MACOSX")
        for name in sorted(filenames):
            if name.startswith(".") or Path(name).suffix.lower() not in IMAGE_EXTENSIONS:
                continue
            path = Path(dirpath) / name
            try:
                mode = os.stat(path).st_mode      # follows links; never opens the file
            except OSError as exc:
                problems.append(f"{path.relative_to(root).as_posix()} ({exc.strerror or exc})")
                continue
            if not stat.S_ISREG(mode):
                problems.append(f"{path.relative_to(root).as_posix()} (not a regular file)")
                continue
            found.append(path)
    return found, problems


def _to_float_array(img: Image.Image) -> np.ndarray:
    """Decode any Pillow mode to float32 (H, W, 3) in 0..255, alpha composited on black."""
    mode = img.mode
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        arr = np.asarray(img).astype(np.float32)
        if mode.startswith("I;16"):
            arr = arr / 257.0
        elif mode == "I":
            peak = float(arr.max()) if arr.size else 0.0
            arr = arr / 257.0 if peak > 255 else arr
        else:  # float images: 0..1 or 0..255
            peak = float(arr.max()) if arr.size else 0.0
            arr = arr * 255.0 if peak <= 1.0 else arr
        arr = np.clip(arr, 0, 255)
        return np.repeat(arr[:, :, None], 3, axis=2)
    has_alpha = mode in ("RGBA", "LA", "PA", "RGBa", "La") or (mode == "P" and "transparency" in img.info)
    if has_alpha:
        rgba = np.asarray(img.convert("RGBA")).astype(np.float32)
        return rgba[:, :, :3] * (rgba[:, :, 3:4] / 255.0)
    return np.asarray(img.convert("RGB")).astype(np.float32)


def _border_value(arr: np.ndarray) -> np.ndarray:
    """Median colour of the outermost pixels, used to pad to a square."""
    border = np.concatenate([arr[0], arr[-1], arr[:, 0], arr[:, -1]], axis=0)
    return np.median(border, axis=0)


def decode_image(path: Path, image_size: int, channels: int) -> np.ndarray:
    """Read one image file and return uint8 (channels, image_size, image_size); raise on failure."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with Image.open(path) as img:
            if img.width * img.height > _MAX_PIXELS:
                raise ValueError(f"image is too large ({img.width}×{img.height})")
            img.seek(0)               # first frame of animations
            img.load()
            arr = _to_float_array(img)
    if arr.ndim != 3 or arr.shape[0] == 0 or arr.shape[1] == 0:
        raise ValueError("image has no pixels")
    if channels == 1:
        arr = (arr @ np.array([0.299, 0.587, 0.114], dtype=np.float32))[:, :, None]
    h, w = arr.shape[:2]
    pad = _border_value(arr)
    scale = image_size / max(h, w)
    new_w, new_h = max(1, round(w * scale)), max(1, round(h * scale))
    planes = []
    for c in range(arr.shape[2]):
        plane = Image.fromarray(np.ascontiguousarray(arr[:, :, c], dtype=np.float32))
        plane = plane.resize((new_w, new_h), Image.Resampling.BILINEAR if scale >= 1 else Image.Resampling.BOX)
        canvas = np.full((image_size, image_size), pad[c], dtype=np.float32)
        top, left = (image_size - new_h) // 2, (image_size - new_w) // 2
        canvas[top:top + new_h, left:left + new_w] = np.asarray(plane)
        planes.append(canvas)
    out = np.stack(planes, axis=0)
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)


def _labels_for(files: list[Path], root: Path, use_labels: bool):
    """Class names and per-file class index from immediate sub-folders (or None)."""
    if not use_labels:
        return None, None
    top = [f.relative_to(root).parts[0] if len(f.relative_to(root).parts) > 1 else None for f in files]
    names = sorted({t for t in top if t is not None})
    if len(names) < 2:
        return None, None
    index = {n: i for i, n in enumerate(names)}
    return names, [index[t] if t is not None else -1 for t in top]


def _fingerprint(files: list[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for f in files:
        st = f.stat()
        digest.update(f"{f.relative_to(root).as_posix()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def load_image_folder(cfg: DataConfig, image_size: int, channels: int,
                      progress: Progress | None = None, cancel: Cancel | None = None) -> LoadedDataset:
    root = Path(cfg.path).expanduser()
    if not root.is_dir():
        raise DatasetError(f"data.path: {root} is not a folder")
    files, problems = scan_image_folder(root)
    unreadable_folders = [p for p in problems if p.startswith("folder ")]
    if not files:
        if unreadable_folders:
            raise DatasetError(f"{root}: no image could be read; " + "; ".join(unreadable_folders[:3]))
        raise DatasetError(f"{root} contains no image files (looked for {', '.join(sorted(IMAGE_EXTENSIONS))}, "
                           f"including sub-folders)")
    class_names, file_labels = _labels_for(files, root, cfg.folder_labels)
    notes: list[str] = []
    if unreadable_folders:
        notes.append(f"{len(unreadable_folders)} folder(s) could not be read and their images were left out: "
                     + "; ".join(unreadable_folders[:5]) + (" …" if len(unreadable_folders) > 5 else ""))
    others = [p for p in problems if not p.startswith("folder ")]
    if others:
        notes.append(f"{len(others)} entr{'y' if len(others) == 1 else 'ies'} skipped (not readable image files): "
                     + ", ".join(others[:5]) + (" …" if len(others) > 5 else ""))
    if file_labels is not None:
        loose = sum(1 for lab in file_labels if lab < 0)
        if loose:
            notes.append(Message("{n} image(s) directly in {folder} belong to no class folder and were left out.",
                                 n=str(loose), folder=root.name))
            keep = [i for i, lab in enumerate(file_labels) if lab >= 0]
            files = [files[i] for i in keep]
            file_labels = [file_labels[i] for i in keep]

    images: list[np.ndarray] = []
    labels: list[int] = []
    skipped_files: list[str] = []
    for i, path in enumerate(files):
        if cancel is not None and cancel():
            raise DatasetCancelled("loading")
        try:
            images.append(decode_image(path, image_size, channels))
            if file_labels is not None:
                labels.append(file_labels[i])
        except Exception as exc:  # noqa: BLE001 - any undecodable file is skipped, never fatal
            skipped_files.append(f"{path.relative_to(root).as_posix()} ({type(exc).__name__})")
        if progress is not None:
            progress(i + 1, len(files))
    if not images:
        raise DatasetError(f"none of the {len(files)} image file(s) in {root} could be read")
    if skipped_files:
        shown = ", ".join(skipped_files[:5]) + (" …" if len(skipped_files) > 5 else "")
        notes.append(Message("{n} unreadable file(s) skipped: {files}", n=str(len(skipped_files)), files=shown))

    data = np.stack(images, axis=0)
    label_array = np.asarray(labels, dtype=np.int64) if file_labels is not None else None
    inverted, why = invert_decision(data, channels, cfg.invert)
    if inverted:
        data = 255 - data
    if why:
        notes.append(why)

    names = class_names or []
    if cfg.classes is not None:
        if label_array is None:
            notes.append(Message("The class filter was ignored: this folder has no class sub-folders."))
        else:
            bad = [c for c in cfg.classes if c >= len(names)]
            if bad:
                raise DatasetError(f"data.classes: class {', '.join(map(str, bad))} does not exist "
                                   f"(this folder has classes 0–{len(names) - 1}: {', '.join(names)})")
            keep = np.isin(label_array, np.asarray(cfg.classes, dtype=np.int64))
            data, label_array = data[keep], label_array[keep]

    n = len(data)
    n_held = min(max(0, int(cfg.holdout)), int(n * HOLDOUT_FRACTION))
    order = np.random.default_rng(HOLDOUT_SEED).permutation(n)
    held_idx, train_idx = np.sort(order[:n_held]), np.sort(order[n_held:])
    train = ImageSet(data[train_idx], label_array[train_idx] if label_array is not None else None, list(names))
    heldout = ImageSet(data[held_idx], label_array[held_idx] if label_array is not None else None, list(names))

    identity = {
        "source": "folder",
        "origin": str(root.resolve()),
        "file_count": len(files),
        "fingerprint": _fingerprint(files, root),
        "skipped": len(skipped_files),
        "class_names": names,
        "classes": sorted(set(cfg.classes)) if cfg.classes is not None and label_array is not None else None,
        "inverted": inverted,
        "train_count": len(train),
        "heldout_count": len(heldout),
        "image_size": image_size,
        "channels": channels,
    }
    kind = f", {len(names)} classes" if names else ""
    name = f"Folder “{root.name}” — {len(train):,} images{kind}"
    return LoadedDataset(train, heldout, name, "folder", identity, notes, skipped=len(skipped_files))


def light_share(data: np.ndarray) -> float:
    """The share of images (uint8, N×C×H×W) whose mean is light (over 127)."""
    return float((data.reshape(len(data), -1).mean(axis=1) > 127).mean()) if len(data) else 0.0


def invert_decision(data: np.ndarray, channels: int, invert: str = "auto") -> tuple[bool, str]:
    """(whether the folder's images are inverted, a note saying why or "").  Colour images are never
    inverted; gray ones are when `invert` is "invert", or "auto" and most of them are light (dark strokes on
    a light background, drawn as light on dark like MNIST).  `data.invert` ("keep") turns it off."""
    if channels == 3:
        return False, ""
    if invert == "keep":
        return False, ""
    if invert == "invert":
        return True, "The images were inverted (light strokes on dark), as the dataset's Inversion setting asks."
    light = light_share(data)
    if light > 0.5:
        return True, (f"Most images ({light:.0%}) have a light background, so all were inverted to light "
                      f"strokes on dark like MNIST (Dataset ▸ Inversion: Keep as drawn turns this off).")
    return False, ""


FOLDER_PRESET = "own-images"   # the unconditional recipe a plain folder (no class sub-folders) trains with


@dataclass(frozen=True)
class FolderRecipe:
    """What a folder of images calls for: the training size and channels, whether it is labelled (two or
    more class sub-folders: the conditional path), the preset a plain folder trains with (None: keep the
    preset on show) and one line saying which and why (`reason`, a Message)."""

    image_size: int
    channels: int
    files: int
    classes: int
    median_side: int
    preset: str | None
    reason: Message

    @property
    def labelled(self) -> bool:
        return self.classes >= 2


def _look(files: list[Path], max_files: int) -> tuple[bool, list[int]]:
    """(any sampled file in colour, the sampled files' longest sides)."""
    step = max(1, len(files) // max_files)
    colour, sides = False, []
    for f in files[::step][:max_files]:
        try:
            with Image.open(f) as img:
                img.load()
                sides.append(max(img.size))
                if img.mode not in ("1", "L", "LA", "I", "I;16", "F"):
                    rgb = np.asarray(img.convert("RGB")).astype(np.int16)
                    if np.abs(rgb - rgb.mean(axis=2, keepdims=True)).max() > 8:
                        colour = True
        except Exception:  # noqa: BLE001 - unreadable files are counted by the loader
            continue
    return colour, sides


def _shape(colour: bool, sides: list[int]) -> tuple[int, int]:
    if colour:
        return 64, 3
    return (64 if sides and float(np.median(sides)) >= 56 else 28), 1


def suggest_shape(path, max_files: int = 48) -> tuple[int, int]:
    """(image_size, channels) a folder's images call for: colour images (any sampled file whose channels
    differ) train at 64×64 RGB; gray ones at 64 when they are large (median side ≥ 56 px), else 28.
    Looks at up to `max_files` files spread over the folder; an unreadable folder gives (28, 1)."""
    root = Path(path).expanduser()
    try:
        files, _ = scan_image_folder(root)
    except Exception:  # noqa: BLE001 - the loader reports folder problems; here just fall back
        return 28, 1
    if not files:
        return 28, 1
    return _shape(*_look(files, max_files))


def folder_recipe(path, folder_labels: bool = True, max_files: int = 48) -> FolderRecipe:
    """The rule for a folder of images: its size and channels (`suggest_shape`), and which recipe trains it.
    A folder with two or more class sub-folders keeps the conditional path (preset None: the one on show);
    a plain folder trains unconditionally with `FOLDER_PRESET` (DiffAugment and light 64 px networks, made
    for a few hundred images on a CPU)."""
    root = Path(path).expanduser()
    try:
        files, _ = scan_image_folder(root)
    except Exception:  # noqa: BLE001 - the loader reports folder problems; here just fall back
        files = []
    colour, sides = _look(files, max_files) if files else (False, [])
    size, channels = _shape(colour, sides)
    names, _ = _labels_for(files, root, folder_labels) if files else (None, None)
    median = int(np.median(sides)) if sides else 0
    values = dict(n=f"{len(files):,}", side=str(median), size=str(size))
    if names:
        k = str(len(names))
        if channels == 3:
            why = Message("{n} colour images in {k} class sub-folders (median {side} px): a conditional model at "
                          "{size}×{size} RGB.", k=k, **values)
        else:
            why = Message("{n} gray images in {k} class sub-folders (median {side} px): a conditional model at "
                          "{size}×{size} gray.", k=k, **values)
        return FolderRecipe(size, channels, len(files), len(names), median, None, why)
    if channels == 3:
        reason = Message("{n} colour images, median {side} px, no class sub-folders: the unconditional “Own "
                         "images” recipe at {size}×{size} RGB (change it in Architecture and Dataset).", **values)
    else:
        reason = Message("{n} gray images, median {side} px, no class sub-folders: the unconditional “Own "
                         "images” recipe at {size}×{size} gray (change it in Architecture and Dataset).", **values)
    return FolderRecipe(size, channels, len(files), 0, median, FOLDER_PRESET, reason)


def shape_for_data(old, new) -> tuple[int, int] | None:
    """The (image_size, channels) a change of data source decides, or None when it decides nothing.

    A folder of images decides the shape (`suggest_shape`: colour images train at 64×64 RGB) when it is
    chosen or replaced; leaving a folder for a built-in dataset goes back to 28×28 gray.  `old` and `new`
    are `DataConfig`s."""
    if new.source == "folder" and new.path and (old.source != "folder" or old.path != new.path):
        return suggest_shape(new.path)
    if new.source != "folder" and old.source == "folder":
        return 28, 1
    return None
