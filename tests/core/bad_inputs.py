"""A corpus of bad inputs, written into a test's tmp_path on demand (no binary files in git).

Each writer takes a folder (and sometimes a good run folder to damage) and returns the path to hand to
the code under test.  `tests/core/test_bad_inputs.py` pairs each with the exact message expected.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import struct
import zlib
from pathlib import Path

import numpy as np

from gan_studio.core.data.idx import write_idx


# ------------------------------------------------------------------ snapshots
def snapshot(folder: Path) -> dict[str, str]:
    """sha256 of every file under `folder` (relative names): compare before/after to prove nothing changed."""
    out = {}
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file() and not path.is_symlink():
            out[path.relative_to(folder).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


# ------------------------------------------------------------------- IDX files
def idx_header(code: int, shape: tuple[int, ...]) -> bytes:
    return bytes([0, 0, code, len(shape)]) + b"".join(int(s).to_bytes(4, "big") for s in shape)


def write_raw(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def gzip_of_zeros(size: int, prefix: bytes = b"") -> bytes:
    """A gzip stream of `prefix` then `size` zero bytes, compressed in pieces (small in memory)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [comp.compress(prefix)]
    block = bytes(1 << 20)
    left = size
    while left > 0:
        parts.append(comp.compress(block[:min(left, len(block))]))
        left -= len(block)
    parts.append(comp.flush())
    return b"".join(parts)


def idx_folder(folder: Path, n_train: int = 50, n_test: int = 20, mean: float | None = None, classes: int = 10,
               size: int = 28) -> Path:
    """Four IDX .gz files; `mean` makes images whose mean pixel value is about that (sparse strokes of 255)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(5)

    def images(n):
        if mean is None:
            return rng.integers(0, 256, (n, size, size), dtype=np.uint8)
        return np.where(rng.random((n, size, size)) < mean / 255.0, 255, 0).astype(np.uint8)

    arrays = {"train-images-idx3-ubyte.gz": images(n_train),
              "train-labels-idx1-ubyte.gz": (np.arange(n_train) % classes).astype(np.uint8),
              "t10k-images-idx3-ubyte.gz": images(n_test),
              "t10k-labels-idx1-ubyte.gz": (np.arange(n_test) % classes).astype(np.uint8)}
    for name, array in arrays.items():
        write_idx(folder / name, array, compress=True)
    return folder


# ------------------------------------------------------------------ image files
def png_header_only(path: Path, width: int, height: int) -> Path:
    """A PNG whose header claims width×height pixels (a decompression bomb as far as readers can tell)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
                     + chunk(b"IEND", b""))
    return path


def small_png(path: Path, value: int = 30, size: int = 20) -> Path:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    arr = np.full((size, size), value, np.uint8)
    arr[5:15, 8:12] = 220
    Image.fromarray(arr).save(path)
    return path


def image_folder(folder: Path, classes=("a", "b"), per_class: int = 4) -> Path:
    for c in classes:
        for i in range(per_class):
            small_png(folder / c / f"{i}.png", value=10 + i)
    return folder


# ---------------------------------------------------------------- run folders
def edit_json(path: Path, change) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def copy_run(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


def mkfifo(path: Path) -> Path | None:
    if not hasattr(os, "mkfifo"):
        return None
    os.mkfifo(path)
    return path


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


# ------------------------------------------------------------- training sessions
def training_session(run_dir: Path, **train):
    """A session on the offline sample with a very small DCGAN (a step takes milliseconds), writing `run_dir`;
    no autosave, a grid every 10 steps unless `train` says otherwise."""
    from gan_studio.core.config import DataConfig, ExperimentConfig, ModelConfig, TrainConfig
    from gan_studio.core.training.session import TrainingSession

    t = dict(batch_size=16, threads=1, lr_g=2e-4, lr_d=2e-4, sample_every=10, checkpoint_every=0,
             autosave_seconds=0.0)
    t.update(train)
    config = ExperimentConfig(data=DataConfig(source="sample", holdout=200),
                              model=ModelConfig(arch="dcgan", g_width=8, d_width=8, latent_dim=16,
                                                conditional=False),
                              train=TrainConfig(**t), name="tiny").check()
    return TrainingSession(config, run_dir)
