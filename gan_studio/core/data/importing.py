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
    return {"train": int(len(train_x)), "test": int(len(test_x)),
            "height": int(train_x.shape[1]), "width": int(train_x.shape[2]),
            "classes_present": int(np.unique(train_y).size)}


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
