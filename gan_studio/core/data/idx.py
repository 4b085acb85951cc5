"""Reader for the IDX format used by MNIST, Fashion-MNIST and KMNIST.

Accepts gzip-compressed or raw files.  Every malformed file raises
`IdxFormatError` naming the file and what is wrong with it.
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

import numpy as np

_DTYPES = {
    0x08: np.dtype(np.uint8),
    0x09: np.dtype(np.int8),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}
_GZIP_MAGIC = b"\x1f\x8b"
MAX_BYTES = 1 << 31


class IdxFormatError(ValueError):
    """A file is not a valid IDX file; the message names the file and the problem."""

    def __init__(self, path, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path.name}: {problem}")


def read_idx_bytes(raw: bytes, path="<memory>") -> np.ndarray:
    """Decode IDX bytes (gzip-compressed or not) into a numpy array."""
    if raw[:2] == _GZIP_MAGIC:
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as exc:
            raise IdxFormatError(path, f"the gzip stream is damaged or truncated ({exc})") from None
    if len(raw) < 4:
        raise IdxFormatError(path, f"file is too short to be IDX ({len(raw)} bytes)")
    if raw[0] != 0 or raw[1] != 0:
        raise IdxFormatError(path, "bad magic number: not an IDX file")
    code, ndim = raw[2], raw[3]
    if code not in _DTYPES:
        raise IdxFormatError(path, f"unknown element type 0x{code:02x}")
    if ndim < 1 or ndim > 4:
        raise IdxFormatError(path, f"unsupported number of dimensions {ndim}")
    header = 4 + 4 * ndim
    if len(raw) < header:
        raise IdxFormatError(path, "header is truncated")
    shape = tuple(int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim))
    if any(s == 0 for s in shape):
        raise IdxFormatError(path, f"empty dimension in shape {shape}")
    dtype = _DTYPES[code]
    expected = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
    actual = len(raw) - header
    if actual < expected:
        raise IdxFormatError(path, f"data is truncated: {actual} bytes for shape {shape}, expected {expected}")
    if actual > expected:
        raise IdxFormatError(path, f"{actual - expected} unexpected trailing bytes after shape {shape}")
    data = np.frombuffer(raw, dtype=dtype, count=int(np.prod(shape)), offset=header).reshape(shape)
    return data.astype(dtype.newbyteorder("="), copy=True)


def read_idx(path) -> np.ndarray:
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise IdxFormatError(path, "file not found") from None
    if size > MAX_BYTES:
        raise IdxFormatError(path, f"file is implausibly large ({size} bytes)")
    return read_idx_bytes(path.read_bytes(), path)


def write_idx(path, array: np.ndarray, compress: bool | None = None) -> None:
    """Write an IDX file (used by tests and by the offline-sample builder)."""
    path = Path(path)
    array = np.ascontiguousarray(array)
    codes = {v.newbyteorder("="): k for k, v in _DTYPES.items()}
    code = codes.get(array.dtype.newbyteorder("="))
    if code is None:
        raise ValueError(f"dtype {array.dtype} has no IDX code")
    big = array.astype(_DTYPES[code], copy=False)
    header = bytes([0, 0, code, array.ndim]) + b"".join(int(s).to_bytes(4, "big") for s in array.shape)
    payload = header + big.tobytes()
    if compress is None:
        compress = path.suffix == ".gz"
    if compress:
        payload = gzip.compress(payload, mtime=0)
    path.write_bytes(payload)


def read_image_label_pair(images_path, labels_path) -> tuple[np.ndarray, np.ndarray]:
    """Read an images file (N, H, W) uint8 and its labels (N,) and check that they match."""
    images = read_idx(images_path)
    labels = read_idx(labels_path)
    if images.ndim != 3 or images.dtype != np.uint8:
        raise IdxFormatError(images_path, f"expected uint8 images of shape (N, H, W), got {images.dtype} {images.shape}")
    if labels.ndim != 1 or labels.dtype != np.uint8:
        raise IdxFormatError(labels_path, f"expected uint8 labels of shape (N,), got {labels.dtype} {labels.shape}")
    if len(images) != len(labels):
        raise IdxFormatError(labels_path, f"{len(labels)} labels for {len(images)} images in {Path(images_path).name}")
    return images, labels.astype(np.int64)
