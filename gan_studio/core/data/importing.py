"""Import a local copy of an MNIST-style dataset (four IDX files) into the cache."""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from .catalog import IDX_SPECS, ROLE_TO_OFFICIAL, ROLES, cached_dataset_dir, datasets_root, find_idx_files
from .errors import DatasetError
from .fileutil import atomic_write_json, install_folder, sha256_file
from .idx import IdxFormatError, read_image_label_pair

_GZIP_MAGIC = b"\x1f\x8b"


def _validate(key: str, files: dict[str, Path]) -> dict[str, int]:
    """Check both image/label pairs structurally; return counts. Raises IdxFormatError / DatasetError."""
    spec = IDX_SPECS[key]
    train_x, train_y = read_image_label_pair(files["train-images"], files["train-labels"])
    test_x, test_y = read_image_label_pair(files["test-images"], files["test-labels"])
    if train_x.shape[1:] != test_x.shape[1:]:
        raise IdxFormatError(files["test-images"], f"image size {test_x.shape[1:]} differs from the training "
                                                   f"images {train_x.shape[1:]}")
    n_classes = len(spec.class_names)
    for role, labels in (("train-labels", train_y), ("test-labels", test_y)):
        if labels.size and (labels.min() < 0 or labels.max() >= n_classes):
            raise IdxFormatError(files[role], f"label {int(labels.max())} is outside 0–{n_classes - 1} "
                                              f"for {spec.title}")
    _check_kind(key, files, train_x, train_y)
    return {"train": int(len(train_x)), "test": int(len(test_x)),
            "height": int(train_x.shape[1]), "width": int(train_x.shape[2]),
            "classes_present": int(np.unique(train_y).size)}


# Mean pixel value (0–255) of each dataset's training images: MNIST 33.3, Fashion-MNIST 72.9, KMNIST 48.9.
MEAN_BRIGHTNESS = {"mnist": 33.3, "fashion-mnist": 72.9, "kmnist": 48.9}
BRIGHTNESS_TOLERANCE = 7.0     # a real copy is within a fraction of a grey level; subsets stay within this
MIN_IMAGES_FOR_STATS = 1000    # fewer images say too little to judge the kind


def _check_kind(key: str, files: dict[str, Path], images: np.ndarray, labels: np.ndarray) -> None:
    """Refuse files that are clearly another dataset than `key` (e.g. the MNIST digits imported as
    Fashion-MNIST): the image size, the number of classes and the mean brightness must fit."""
    spec = IDX_SPECS[key]
    if images.shape[1:] != (28, 28):
        raise DatasetError(f"these files hold {images.shape[1]}×{images.shape[2]} images; {spec.title} has "
                           f"28×28 images — import them as a folder of images instead")
    if len(images) < MIN_IMAGES_FOR_STATS:
        return
    present = int(np.unique(labels).size)
    if present != len(spec.class_names):
        raise DatasetError(f"{files['train-labels'].name}: the training labels use {present} classes; "
                           f"{spec.title} has {len(spec.class_names)}")
    sample = images[:: max(1, len(images) // 20000)]
    mean = float(sample.mean())
    if abs(mean - MEAN_BRIGHTNESS[key]) <= BRIGHTNESS_TOLERANCE:
        return
    nearest = min(MEAN_BRIGHTNESS, key=lambda k: abs(MEAN_BRIGHTNESS[k] - mean))
    looks = (f"they look like {IDX_SPECS[nearest].title}; import them with --kind {nearest}"
             if nearest != key and abs(mean - MEAN_BRIGHTNESS[nearest]) <= BRIGHTNESS_TOLERANCE
             else "they look like none of the supported datasets")
    raise DatasetError(f"these files do not look like {spec.title}: their mean pixel value is {mean:.1f} "
                       f"({spec.title}: about {MEAN_BRIGHTNESS[key]:.0f}); {looks}")


def import_idx_folder(key: str, folder) -> Path:
    """Validate the four IDX files in `folder` and copy them into the cache for `key`.

    Raw or gzip files, any compression level, official or variant names
    (`train-images.idx3-ubyte` ...).  Returns the cache folder.
    """
    if key not in IDX_SPECS:
        raise DatasetError(f"cannot import “{key}”; choose one of {', '.join(IDX_SPECS)}")
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise DatasetError(f"{folder} is not a folder")
    files = find_idx_files(folder)
    missing = [ROLE_TO_OFFICIAL[r] for r in ROLES if r not in files]
    if missing:
        raise DatasetError(f"{folder} is missing {', '.join(missing)} (raw or .gz); "
                           f"a dataset needs all four IDX files")
    counts = _validate(key, files)

    staging = Path(tempfile.mkdtemp(prefix=f".{key}.import-", dir=datasets_root()))
    try:
        described = {}
        for role in ROLES:
            source = files[role]
            with open(source, "rb") as fh:
                compressed = fh.read(2) == _GZIP_MAGIC
            official = ROLE_TO_OFFICIAL[role]
            target = staging / (official if compressed else official[:-3])
            shutil.copyfile(source, target)
            described[target.name] = {"sha256": sha256_file(target), "imported_from": str(source.resolve())}
        atomic_write_json(staging / "manifest.json", {
            "dataset": key,
            "origin": "import",
            "imported": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "files": described,
            "counts": counts,
        })
        final = cached_dataset_dir(key)
        install_folder(staging, final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return final
