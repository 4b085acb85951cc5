"""`load_dataset`: turn a `DataConfig` into train + held-out uint8 image arrays.

Sources: the shipped offline sample, the MNIST-style IDX datasets (cached
download/import, or a folder given in `cfg.path`) and folders of images.
Nothing here downloads; a missing dataset raises `DatasetUnavailable` saying
how to get it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np

from ..messages import Message
from ...paths import resource_path
from ..config import DataConfig
from .catalog import (DIGIT_NAMES, IDX_SPECS, ROLE_TO_OFFICIAL, ROLES, SAMPLE_FILES,
                      find_idx_files, is_complete_idx_folder, usable_dataset_dir)
from .errors import DatasetCancelled, DatasetError, DatasetUnavailable
from .fileutil import sha256_bytes
from .idx import MAX_BYTES, IdxFormatError, read_idx_bytes
from .transforms import fit_images
from .types import ImageSet, LoadedDataset

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


def load_dataset(cfg: DataConfig, image_size: int = 28, channels: int = 1,
                 progress: Progress | None = None, cancel: Cancel | None = None) -> LoadedDataset:
    """Load the data `cfg` describes, shaped to (N, channels, image_size, image_size) uint8."""
    if channels not in (1, 3):
        raise DatasetError(f"channels must be 1 or 3 (got {channels})")
    if not isinstance(image_size, int) or not 8 <= image_size <= 512:
        raise DatasetError(f"image size must be an integer 8–512 (got {image_size})")
    if cfg.source == "sample":
        return _load_sample(cfg, image_size, channels, progress, cancel)
    if cfg.source in IDX_SPECS:
        return _load_idx_dataset(cfg, image_size, channels, progress, cancel)
    if cfg.source == "folder":
        from .folder import load_image_folder
        if not cfg.path:
            raise DatasetError("data.path: choose a folder of images")
        return load_image_folder(cfg, image_size, channels, progress, cancel)
    raise DatasetError(f"data.source: unknown dataset “{cfg.source}”")


# ---------------------------------------------------------------- IDX sources

def _read_files(files: dict[str, Path], progress: Progress | None, cancel: Cancel | None):
    """Read the four IDX files; return arrays by role and [{name, sha256}] for the identity."""
    arrays: dict[str, np.ndarray] = {}
    described = []
    for i, role in enumerate(ROLES):
        if cancel is not None and cancel():
            raise DatasetCancelled("loading")
        path = files[role]
        try:
            if not path.is_file():
                raise DatasetError(f"{path}: not a regular file")
            if path.stat().st_size > MAX_BYTES:
                raise DatasetError(f"{path}: {path.stat().st_size / 2**20:,.0f} MB, more than the "
                                   f"{MAX_BYTES // 2**20} MB an IDX file may have here")
            raw = path.read_bytes()
        except OSError as exc:
            raise DatasetError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
        arrays[role] = read_idx_bytes(raw, path)
        described.append({"role": role, "file": path.name, "sha256": sha256_bytes(raw), "bytes": len(raw)})
        if progress is not None:
            progress(i + 1, len(ROLES) + 1)
    _check_pair(arrays, files, "train")
    _check_pair(arrays, files, "test")
    if arrays["train-images"].shape[1:] != arrays["test-images"].shape[1:]:
        raise IdxFormatError(files["test-images"], f"image size {arrays['test-images'].shape[1:]} differs from "
                                                   f"the training images {arrays['train-images'].shape[1:]}")
    return arrays, described


def _check_pair(arrays, files, split: str) -> None:
    images, labels = arrays[f"{split}-images"], arrays[f"{split}-labels"]
    if images.ndim != 3 or images.dtype != np.uint8:
        raise IdxFormatError(files[f"{split}-images"],
                             f"expected uint8 images of shape (N, H, W), got {images.dtype} {images.shape}")
    if labels.ndim != 1 or labels.dtype != np.uint8:
        raise IdxFormatError(files[f"{split}-labels"],
                             f"expected uint8 labels of shape (N,), got {labels.dtype} {labels.shape}")
    if len(images) != len(labels):
        raise IdxFormatError(files[f"{split}-labels"],
                             f"{len(labels)} labels for {len(images)} images in {files[f'{split}-images'].name}")


def _class_filter(cfg: DataConfig, class_names: list[str]) -> list[int] | None:
    if cfg.classes is None:
        return None
    wanted = sorted(set(int(c) for c in cfg.classes))
    bad = [c for c in wanted if c >= len(class_names)]
    if bad:
        raise DatasetError(f"data.classes: class {', '.join(map(str, bad))} does not exist "
                           f"(this dataset has classes 0–{len(class_names) - 1})")
    if not wanted:
        raise DatasetError("data.classes: pick at least one class")
    return wanted


def _select(images: np.ndarray, labels: np.ndarray, classes: list[int] | None):
    if classes is not None:
        keep = np.isin(labels, np.asarray(classes, dtype=labels.dtype))
        images, labels = images[keep], labels[keep]
    return images, labels.astype(np.int64)


HOLDOUT_SEED = 0


def _heldout(images: np.ndarray, labels: np.ndarray, classes: list[int] | None, limit: int):
    """`limit` held-out images drawn at random (seeded, kept in file order) from the whole test split.

    Not the first `limit`: MNIST's test file holds one population of writers first (its first 5,000
    digits come from NIST's SD-3, Census Bureau employees) and another after (SD-1, high-school
    students), while the training file mixes both.  A reference of the first 2,000 was one population
    only: 1,000 real *training* digits scored 2.0–2.6x its real-vs-real floor against it, and 1.2–1.4x
    against 2,000 drawn from the whole test file (benchmarks/README.md, "Which real digits the FD
    compares with")."""
    images, labels = _select(images, labels, classes)
    if limit < len(images):
        keep = np.sort(np.random.default_rng(HOLDOUT_SEED).choice(len(images), limit, replace=False))
        images, labels = images[keep], labels[keep]
    return images, labels


def _assemble(arrays, cfg: DataConfig, class_names: list[str], image_size: int, channels: int,
              progress: Progress | None, cancel: Cancel | None):
    classes = _class_filter(cfg, class_names)
    train_x, train_y = _select(arrays["train-images"], arrays["train-labels"], classes)
    if len(train_x) == 0:
        raise DatasetError(f"data.classes: no training images in classes {classes}")
    held_x, held_y = _heldout(arrays["test-images"], arrays["test-labels"], classes, max(0, int(cfg.holdout)))
    if cancel is not None and cancel():
        raise DatasetCancelled("loading")
    train = ImageSet(fit_images(train_x, image_size, channels), train_y, list(class_names))
    heldout = ImageSet(fit_images(held_x, image_size, channels), held_y, list(class_names))
    if progress is not None:
        progress(len(ROLES) + 1, len(ROLES) + 1)
    return train, heldout, classes


def _classes_suffix(classes: list[int] | None, class_names: list[str]) -> str:
    if classes is None:
        return ""
    return Message(" (classes {classes})", classes=", ".join(class_names[c] for c in classes))


def _identity(source: str, origin: str, files, classes, train: ImageSet, heldout: ImageSet,
              image_size: int, channels: int) -> dict:
    return {
        "source": source,
        "origin": origin,
        "files": files,
        "classes": classes,
        "train_count": len(train),
        "heldout_count": len(heldout),
        "image_size": image_size,
        "channels": channels,
    }


def _holdout_notes(cfg: DataConfig, heldout: ImageSet) -> list[str]:
    if len(heldout) < cfg.holdout:
        return [Message("Only {n} held-out images are available (asked for {asked}).", n=f"{len(heldout):,}",
                        asked=f"{cfg.holdout:,}")]
    return []


def _resolve_idx_folder(cfg: DataConfig) -> tuple[dict[str, Path], list[str]]:
    spec = IDX_SPECS[cfg.source]
    notes: list[str] = []
    if cfg.path:
        folder = Path(cfg.path).expanduser()
        if not folder.is_dir():
            raise DatasetError(f"data.path: {folder} is not a folder; give the folder holding the four "
                               f"{spec.title} IDX files, or leave the path empty to use the downloaded copy")
        files = find_idx_files(folder)
        if len(files) == 4:
            return files, notes
        missing = [ROLE_TO_OFFICIAL[r] for r in ROLES if r not in files]
        # Never train on something else than the folder the user named.
        raise DatasetError(f"data.path: {folder} does not hold all four {spec.title} files (missing "
                           f"{', '.join(missing)}, raw or .gz); add them, or leave the path empty to use the "
                           f"downloaded copy")
    cached = usable_dataset_dir(cfg.source)
    files = find_idx_files(cached)
    if len(files) == 4:
        return files, notes
    where = f"{cfg.path} lacks some of the four IDX files and " if cfg.path else ""
    how_import = f"`gan-studio import-mnist DIR --kind {cfg.source}` or Import folder… in the Dataset panel"
    raise DatasetUnavailable(
        f"{spec.title} is not on this computer yet: {where}it has not been downloaded. "
        f"Download it with `gan-studio download {cfg.source}` or the Dataset panel, "
        f"or import a local copy of the four IDX files with {how_import}. "
        f"The built-in offline sample (source “sample”) works without either.")


def _load_idx_dataset(cfg, image_size, channels, progress, cancel) -> LoadedDataset:
    spec = IDX_SPECS[cfg.source]
    files, notes = _resolve_idx_folder(cfg)
    arrays, described = _read_files(files, progress, cancel)
    train, heldout, classes = _assemble(arrays, cfg, spec.class_names, image_size, channels, progress, cancel)
    origin = str(files["train-images"].parent)
    verified = _official_match(cfg.source, described)
    if verified is False:
        notes.append(Message("These {title} files differ from the official downloads (a local copy); "
                             "their structure was checked instead.", title=spec.title))
    notes += _holdout_notes(cfg, heldout)
    identity = _identity(cfg.source, origin, described, classes, train, heldout, image_size, channels)
    identity["official_checksums"] = verified
    name = f"{spec.title} — {len(train):,} {spec.noun}{_classes_suffix(classes, spec.class_names)}"
    return LoadedDataset(train, heldout, name, cfg.source, identity, notes)


def _official_match(key: str, described) -> bool:
    table = IDX_SPECS[key].sha256
    by_role = {d["role"]: d["sha256"] for d in described}
    return all(table.get(ROLE_TO_OFFICIAL[r]) == by_role[r] for r in ROLES)


# ------------------------------------------------------------- offline sample

def sample_files() -> dict[str, Path]:
    return {role: resource_path("data", name) for role, name in SAMPLE_FILES.items()}


def _load_sample(cfg, image_size, channels, progress, cancel) -> LoadedDataset:
    files = sample_files()
    missing = [p.name for p in files.values() if not p.is_file()]
    if missing:
        raise DatasetUnavailable(f"the offline sample is missing from this installation ({', '.join(missing)}); "
                                 f"reinstall GAN Studio or download MNIST with `gan-studio download mnist`.")
    arrays, described = _read_files(files, progress, cancel)
    train, heldout, classes = _assemble(arrays, cfg, DIGIT_NAMES, image_size, channels, progress, cancel)
    full = (Message("all of MNIST is already on this computer: choose MNIST as the Source in the Dataset panel "
                    "(command line: --dataset mnist)")
            if is_complete_idx_folder(usable_dataset_dir("mnist"))
            else Message("download full MNIST in the Dataset panel (command line: gan-studio download mnist)"))
    notes = [Message("Offline sample in use ({n} MNIST digits, {per_class} per class); {full}.",
                     n=f"{len(arrays['train-images']):,}", per_class=f"{len(arrays['train-images']) // 10:,}",
                     full=full)]
    notes += _holdout_notes(cfg, heldout)
    identity = _identity("sample", "resources/data", described, classes, train, heldout, image_size, channels)
    name = Message("Offline sample — {n} MNIST digits{classes}", n=f"{len(train):,}",
                   classes=_classes_suffix(classes, DIGIT_NAMES))
    return LoadedDataset(train, heldout, name, "sample", identity, notes)
