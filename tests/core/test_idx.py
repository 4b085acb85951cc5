"""IDX reader/writer: round trips and every malformed-file case."""

from __future__ import annotations

import gzip

import numpy as np
import pytest

from gan_studio.core.data.idx import IdxFormatError, read_idx, read_image_label_pair, write_idx


@pytest.mark.parametrize("dtype", [np.uint8, np.int8, np.int16, np.int32, np.float32, np.float64])
@pytest.mark.parametrize("compress", [False, True])
def test_round_trip(tmp_path, dtype, compress):
    rng = np.random.default_rng(3)
    array = (rng.standard_normal((5, 4, 3)) * 100).astype(dtype)
    path = tmp_path / ("a.idx.gz" if compress else "a.idx")
    write_idx(path, array)
    assert (path.read_bytes()[:2] == b"\x1f\x8b") == compress
    back = read_idx(path)
    assert back.dtype == np.dtype(dtype).newbyteorder("=")
    assert back.shape == (5, 4, 3)
    np.testing.assert_array_equal(back, array)


def test_header_layout_is_big_endian(tmp_path):
    path = tmp_path / "x.idx"
    write_idx(path, np.array([1, 258], dtype=np.int32))
    raw = path.read_bytes()
    assert raw[:4] == bytes([0, 0, 0x0C, 1])
    assert raw[4:8] == (2).to_bytes(4, "big")
    assert raw[8:] == (1).to_bytes(4, "big") + (258).to_bytes(4, "big")


def _good_bytes(shape=(3, 2, 2)) -> bytes:
    header = bytes([0, 0, 0x08, len(shape)]) + b"".join(s.to_bytes(4, "big") for s in shape)
    return header + bytes(i % 256 for i in range(int(np.prod(shape))))


MALFORMED = {
    "bad_magic": (b"\x01\x02" + _good_bytes()[2:], "magic"),
    "unknown_type": (bytes([0, 0, 0x07, 1]) + (2).to_bytes(4, "big") + b"\x00\x00", "unknown element type"),
    "truncated_data": (_good_bytes()[:-3], "truncated"),
    "trailing_bytes": (_good_bytes() + b"\x00\x00", "trailing"),
    "truncated_header": (_good_bytes()[:9], "header is truncated"),
    "zero_dimension": (bytes([0, 0, 0x08, 2]) + (0).to_bytes(4, "big") + (5).to_bytes(4, "big"), "empty dimension"),
    "empty_file": (b"", "too short"),
    "damaged_gzip": (gzip.compress(_good_bytes())[:-12], "gzip"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_files_name_the_file(tmp_path, case):
    raw, problem = MALFORMED[case]
    path = tmp_path / f"{case}-idx3-ubyte"
    path.write_bytes(raw)
    with pytest.raises(IdxFormatError) as info:
        read_idx(path)
    message = str(info.value)
    assert path.name in message
    assert problem in message
    assert info.value.path == path


def test_corrupted_gzip_body(tmp_path):
    blob = bytearray(gzip.compress(_good_bytes((50, 8, 8))))
    blob[len(blob) // 2] ^= 0xFF
    path = tmp_path / "flipped.gz"
    path.write_bytes(bytes(blob))
    with pytest.raises(IdxFormatError, match="flipped.gz"):
        read_idx(path)


def test_missing_file(tmp_path):
    with pytest.raises(IdxFormatError, match="nope.idx: file not found"):
        read_idx(tmp_path / "nope.idx")


def test_pair_count_mismatch_names_files(tmp_path):
    images, labels = tmp_path / "imgs-idx3-ubyte", tmp_path / "labs-idx1-ubyte"
    write_idx(images, np.zeros((4, 28, 28), np.uint8))
    write_idx(labels, np.zeros(3, np.uint8))
    with pytest.raises(IdxFormatError) as info:
        read_image_label_pair(images, labels)
    assert "labs-idx1-ubyte" in str(info.value) and "3 labels for 4 images" in str(info.value)
    assert "imgs-idx3-ubyte" in str(info.value)


def test_pair_wrong_kinds(tmp_path):
    images, labels = tmp_path / "i.idx", tmp_path / "l.idx"
    write_idx(images, np.zeros((4, 28), np.uint8))          # 2-D, not (N, H, W)
    write_idx(labels, np.zeros(4, np.uint8))
    with pytest.raises(IdxFormatError, match=r"i\.idx: expected uint8 images"):
        read_image_label_pair(images, labels)
    write_idx(images, np.zeros((4, 2, 2), np.uint8))
    write_idx(labels, np.zeros(4, np.int32))
    with pytest.raises(IdxFormatError, match=r"l\.idx: expected uint8 labels"):
        read_image_label_pair(images, labels)


def test_pair_ok(tmp_path):
    images, labels = tmp_path / "i.idx.gz", tmp_path / "l.idx"
    x = np.arange(4 * 3 * 3, dtype=np.uint8).reshape(4, 3, 3)
    write_idx(images, x)
    write_idx(labels, np.array([3, 1, 4, 1], np.uint8))
    got_x, got_y = read_image_label_pair(images, labels)
    np.testing.assert_array_equal(got_x, x)
    assert got_y.dtype == np.int64 and got_y.tolist() == [3, 1, 4, 1]
