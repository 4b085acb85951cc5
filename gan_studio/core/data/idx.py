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
MAX_BYTES = 256 * 2**20     # budget: an IDX file's data (after decompression) may be at most 256 MB


class IdxFormatError(ValueError):
    """A file is not a valid IDX file; the message names the file and the problem."""

    def __init__(self, path, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path.name}: {problem}")


def _declared_size(head: bytes) -> int | None:
    """Bytes an IDX header says the whole file has (header + data), or None if `head` is no IDX header."""
    if len(head) < 4 or head[0] != 0 or head[1] != 0 or head[2] not in _DTYPES or not 1 <= head[3] <= 4:
        return None
    ndim = head[3]
    if len(head) < 4 + 4 * ndim:
        return None
    count = 1
    for i in range(ndim):
        count *= int.from_bytes(head[4 + 4 * i: 8 + 4 * i], "big")
    return 4 + 4 * ndim + count * _DTYPES[head[2]].itemsize


def _claims_too_much(path, declared: int, have: int | None = None) -> IdxFormatError:
    """A header that declares more data than an IDX file may have: damaged when the file is far smaller."""
    if have is not None and have < declared:
        return IdxFormatError(path, f"its header is damaged: it declares {declared / 2**20:,.0f} MB of data but the "
                                    f"file has {_mb(have)}; it was not read")
    return IdxFormatError(path, f"its header declares {declared / 2**20:,.0f} MB of data, more than the "
                                f"{MAX_BYTES // 2**20} MB an IDX file may have here; it was not read")


def _mb(n: int) -> str:
    return f"{n / 2**20:,.1f} MB" if n >= 2**20 else f"{n:,} bytes"


def _too_big(path, size: int) -> IdxFormatError:
    return IdxFormatError(path, f"holds {size / 2**20:,.0f} MB of data, more than the {MAX_BYTES // 2**20} MB "
                                f"an IDX file may have here; it was not read")


def _gunzip_capped(raw: bytes, path) -> bytes:
    """gzip.decompress that never inflates past the size the IDX header declares (nor MAX_BYTES):
    a small file that would inflate to gigabytes is refused before it is allocated."""
    out = bytearray()
    data = raw
    limit = MAX_BYTES + 64
    try:
        while data[:2] == _GZIP_MAGIC:
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            buf = data
            while not d.eof:
                declared = _declared_size(bytes(out[:64]))
                if declared is not None:
                    if declared - 4 > MAX_BYTES:
                        raise _claims_too_much(path, declared)
                    limit = declared
                room = limit + 1 - len(out)
                if room <= 0:
                    break
                step = min(room, 16 << 20) if len(out) >= 64 else 64 - len(out)   # the header first
                before = len(buf)
                piece = d.decompress(buf, step)
                buf = d.unconsumed_tail
                out += piece
                if not piece and (not buf or len(buf) == before):
                    break               # the input ended before the stream did
            if len(out) > limit:
                if limit == MAX_BYTES + 64:
                    raise IdxFormatError(path, f"inflates to more than the {MAX_BYTES // 2**20} MB an IDX file "
                                               f"may have here; it was not read")
                raise IdxFormatError(path, f"the data is longer than its header declares ({limit} bytes)")
            if not d.eof:
                raise IdxFormatError(path, "the gzip stream is damaged or truncated (it ends early)")
            data = d.unused_data
    except zlib.error as exc:
        raise IdxFormatError(path, f"the gzip stream is damaged or truncated ({exc})") from None
    return bytes(out)


def read_idx_bytes(raw: bytes, path="<memory>") -> np.ndarray:
    """Decode IDX bytes (gzip-compressed or not) into a numpy array.  The data may be at most
    MAX_BYTES; a header or gzip stream that would make more is refused before allocating it."""
    if raw[:2] == _GZIP_MAGIC:
        raw = _gunzip_capped(raw, path)
    declared = _declared_size(raw[:64])
    if declared is not None and declared - 4 > MAX_BYTES:
        raise _claims_too_much(path, declared, len(raw))
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
        raise _too_big(path, size)
    if not path.is_file():
        raise IdxFormatError(path, "is not a regular file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise IdxFormatError(path, f"cannot be read ({exc.strerror or exc})") from None
    return read_idx_bytes(raw, path)


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
