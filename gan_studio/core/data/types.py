"""Loaded-data containers shared by every source."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class ImageSet:
    images: np.ndarray              # uint8, shape (N, C, H, W)
    labels: np.ndarray | None       # int64 (N,), None for unlabeled folders
    class_names: list[str]

    def __len__(self) -> int:
        return int(self.images.shape[0])

    def class_counts(self) -> dict[str, int]:
        """Images per class name (empty when unlabeled)."""
        if self.labels is None:
            return {}
        counts = np.bincount(self.labels, minlength=len(self.class_names))
        return {name: int(counts[i]) for i, name in enumerate(self.class_names)}


@dataclass
class LoadedDataset:
    train: ImageSet
    heldout: ImageSet               # real images not in train, for metrics
    name: str                       # human readable, e.g. "MNIST — 60,000 digits"
    source: str                     # the DataConfig.source used
    identity: dict                  # JSON-able description that pins down the data
    notes: list[str] = field(default_factory=list)
    skipped: int = 0
