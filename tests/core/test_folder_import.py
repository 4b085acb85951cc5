"""Folders of user images: every common format and mode, junk files, labels, inversion, holdout."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from gan_studio.core.config import DataConfig
from gan_studio.core.data import DatasetError, load_dataset
from gan_studio.core.data.folder import decode_image


def _stroke(h: int, w: int, light_bg: bool = False) -> np.ndarray:
    """A bright plus-sign on black (or a dark one on white)."""
    a = np.zeros((h, w), np.uint8)
    a[h // 2 - max(1, h // 10): h // 2 + max(1, h // 10) + 1, w // 5: w - w // 5] = 255
    a[h // 5: h - h // 5, w // 2 - max(1, w // 10): w // 2 + max(1, w // 10) + 1] = 255
    return 255 - a if light_bg else a


def _jpeg_bytes(array: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(array).convert("RGB").save(buf, "JPEG", quality=90)
    return buf.getvalue()


@pytest.fixture
def pets(tmp_path):
    root = tmp_path / "pets"
    cat, dog = root / "cat", root / "dog"
    (cat / "nested").mkdir(parents=True)
    dog.mkdir()
    Image.fromarray(_stroke(30, 40)).save(cat / "gray.png")                                   # L
    rgba = np.zeros((20, 20, 4), np.uint8)
    rgba[..., :3] = 255                                     # white everywhere, but transparent
    rgba[..., 3] = _stroke(20, 20)                          # only the stroke is opaque
    Image.fromarray(rgba, "RGBA").save(cat / "alpha.png")                                    # RGBA
    Image.fromarray(_stroke(28, 28)).convert("P").save(cat / "nested" / "palette.png")       # P
    Image.fromarray(_stroke(50, 50).astype(np.uint16) * 257).save(cat / "deep.png")          # I;16
    Image.fromarray(np.stack([_stroke(60, 80)] * 3, axis=2)).save(cat / "photo.tif")         # TIFF RGB
    (dog / "photo.JPG").write_bytes(_jpeg_bytes(_stroke(80, 60)))                            # JPEG
    Image.fromarray(_stroke(28, 28)).convert("RGB").save(dog / "bitmap.bmp")                 # BMP
    Image.fromarray(_stroke(33, 33)).convert("RGB").save(dog / "web.webp", lossless=True)   # WebP
    frames = [Image.fromarray(_stroke(24, 24)).convert("P"), Image.new("P", (24, 24), 0)]
    frames[0].save(dog / "anim.gif", save_all=True, append_images=frames[1:])               # GIF
    # junk: ignored (.txt) or skipped (unreadable images)
    (dog / "readme.txt").write_text("not an image")
    (cat / "empty.png").write_bytes(b"")
    full = _jpeg_bytes(_stroke(64, 64))
    (dog / "truncated.jpg").write_bytes(full[: len(full) // 2])
    (cat / "random.png").write_bytes(np.random.default_rng(0).integers(0, 256, 500, dtype=np.uint8).tobytes())
    return root


def test_mixed_folder_loads_with_labels_and_skips_junk(pets):
    data = load_dataset(DataConfig(source="folder", path=str(pets), holdout=100))
    assert data.skipped == 3
    assert len(data.train) + len(data.heldout) == 9
    assert len(data.heldout) == 0                                  # 10 % of 9 images rounds down
    assert data.train.images.shape == (9, 1, 28, 28) and data.train.images.dtype == np.uint8
    assert data.train.class_names == ["cat", "dog"]
    assert np.bincount(data.train.labels).tolist() == [5, 4]
    assert any("3 unreadable file(s) skipped" in n for n in data.notes)
    assert all("readme.txt" not in n for n in data.notes)
    assert not any("inverted" in n for n in data.notes)
    # every readable image shows a bright plus on a dark background
    centre = data.train.images[:, 0, 12:16, 12:16].astype(float).mean(axis=(1, 2))
    corners = data.train.images[:, 0, :3, :3].astype(float).mean(axis=(1, 2))
    assert (centre > 150).all(), centre
    assert (corners < 30).all(), corners
    assert data.identity["file_count"] == 12 and data.identity["skipped"] == 3
    assert data.source == "folder" and "pets" in data.name


def test_rgb_and_other_sizes(pets):
    data = load_dataset(DataConfig(source="folder", path=str(pets)), image_size=64, channels=3)
    assert data.train.images.shape == (9, 3, 64, 64)
    data = load_dataset(DataConfig(source="folder", path=str(pets)), image_size=32, channels=1)
    assert data.train.images.shape == (9, 1, 32, 32)


def test_modes_decode_correctly(pets):
    alpha = decode_image(pets / "cat" / "alpha.png", 20, 1)[0]
    np.testing.assert_array_equal(alpha, _stroke(20, 20))            # transparent white → black
    deep = decode_image(pets / "cat" / "deep.png", 50, 1)[0]
    np.testing.assert_array_equal(deep, _stroke(50, 50))             # 16-bit scaled to 0..255
    rgb = decode_image(pets / "dog" / "bitmap.bmp", 28, 3)
    assert rgb.shape == (3, 28, 28)
    np.testing.assert_array_equal(rgb[0], _stroke(28, 28))


def test_aspect_ratio_kept_and_padded(tmp_path):
    wide = np.full((28, 56), 200, np.uint8)
    wide[0, :] = wide[-1, :] = wide[:, 0] = wide[:, -1] = 0          # black border → black padding
    Image.fromarray(wide).save(tmp_path / "wide.png")
    out = decode_image(tmp_path / "wide.png", 28, 1)[0]
    assert out[:6].max() == 0 and out[-6:].max() == 0                 # padded above and below
    assert out[10:18, 5:23].min() > 150                               # content keeps its aspect


def test_light_background_is_inverted_with_note(tmp_path):
    for i in range(4):
        Image.fromarray(_stroke(28 + i, 28, light_bg=True)).save(tmp_path / f"ink{i}.png")
    data = load_dataset(DataConfig(source="folder", path=str(tmp_path)))
    assert any("inverted" in n for n in data.notes)
    assert data.identity["inverted"] is True
    imgs = data.train.images[:, 0]
    assert imgs[:, :3, :3].max() < 20                                 # background now dark
    assert imgs[:, 13:15, 13:15].min() > 200                          # strokes now light
    assert data.train.labels is None and data.train.class_names == []  # no class sub-folders


def test_holdout_is_ten_percent_deterministic_and_disjoint(tmp_path):
    rng = np.random.default_rng(5)
    for cls in ("a", "b", "c"):
        (tmp_path / cls).mkdir()
        for i in range(10):
            Image.fromarray(rng.integers(0, 120, (28, 28), dtype=np.uint8)).save(tmp_path / cls / f"{i}.png")
    cfg = DataConfig(source="folder", path=str(tmp_path), holdout=2000)
    one, two = load_dataset(cfg), load_dataset(cfg)
    assert len(one.heldout) == 3 and len(one.train) == 27
    np.testing.assert_array_equal(one.heldout.images, two.heldout.images)
    train_rows = {r.tobytes() for r in one.train.images}
    assert not any(r.tobytes() in train_rows for r in one.heldout.images)
    assert len(load_dataset(cfg.replace(holdout=1)).heldout) == 1
    # class filter on a labeled folder
    only_b = load_dataset(cfg.replace(classes=[1], holdout=0))
    assert len(only_b.train) == 10 and set(only_b.train.labels.tolist()) == {1}


def test_folder_labels_off_gives_unlabeled(pets):
    data = load_dataset(DataConfig(source="folder", path=str(pets), folder_labels=False))
    assert data.train.labels is None and data.train.class_names == []
    assert len(data.train) == 9


def test_empty_and_junk_only_folders_are_clear_errors(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(DatasetError, match="empty contains no image files"):
        load_dataset(DataConfig(source="folder", path=str(empty)))
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "a.png").write_bytes(b"")
    (junk / "b.jpg").write_bytes(b"garbage")
    with pytest.raises(DatasetError, match="none of the 2 image file"):
        load_dataset(DataConfig(source="folder", path=str(junk)))
    with pytest.raises(DatasetError, match="is not a folder"):
        load_dataset(DataConfig(source="folder", path=str(tmp_path / "missing")))


def test_progress_and_cancel(pets):
    from gan_studio.core.data import DatasetCancelled
    calls = []
    load_dataset(DataConfig(source="folder", path=str(pets)), progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (12, 12) and [d for d, _ in calls] == list(range(1, 13))
    with pytest.raises(DatasetCancelled):
        load_dataset(DataConfig(source="folder", path=str(pets)), cancel=lambda: True)
