"""Image array helpers."""

import numpy as np
import pytest
import torch

from gan_studio.core.images import tile_grid, to_uint8, upscale


def test_to_uint8_batch_and_single():
    x = np.zeros((2, 1, 3, 4), np.float32)
    x[0, 0, 0, 0] = 1.0
    x[0, 0, 0, 1] = -1.0
    x[1, 0, 2, 3] = 5.0        # clipped
    x[1, 0, 1, 1] = -7.0       # clipped
    out = to_uint8(x)
    assert out.shape == (2, 3, 4, 1) and out.dtype == np.uint8
    assert out[0, 0, 0, 0] == 255 and out[0, 0, 1, 0] == 0 and out[0, 1, 1, 0] == 128
    assert out[1, 2, 3, 0] == 255 and out[1, 1, 1, 0] == 0
    rgb = np.random.default_rng(0).uniform(-1, 1, (3, 5, 6)).astype(np.float32)
    single = to_uint8(rgb)
    assert single.shape == (5, 6, 3)
    assert single[2, 4, 1] == np.uint8(round((rgb[1, 2, 4] + 1) * 127.5))
    assert single.flags.c_contiguous


def test_to_uint8_accepts_torch_and_nan():
    t = torch.full((1, 1, 2, 2), 0.0, requires_grad=True) * 1
    out = to_uint8(t)
    assert out.shape == (1, 2, 2, 1) and np.all(out == 128)
    nan = to_uint8(np.full((1, 2, 2), np.nan, np.float32))
    assert np.all(nan == 0)
    with pytest.raises(ValueError):
        to_uint8(np.zeros((4, 4)))


def test_tile_grid_layout_and_padding():
    imgs = np.stack([np.full((4, 5, 1), i + 1, np.uint8) for i in range(5)])
    g = tile_grid(imgs, pad=2, pad_value=9)
    # 5 images -> 3 cols x 2 rows
    assert g.shape == (2 * (4 + 2) + 2, 3 * (5 + 2) + 2, 1)
    assert g.flags.c_contiguous
    assert np.all(g[2:6, 2:7] == 1) and np.all(g[2:6, 9:14] == 2)
    assert np.all(g[8:12, 9:14] == 5)          # image 5 at row 1, col 1
    assert np.all(g[8:12, 16:21] == 9)         # missing 6th tile is padding
    assert np.all(g[0:2] == 9) and np.all(g[:, 0:2] == 9)


def test_tile_grid_explicit_cols_and_no_pad():
    imgs = np.arange(6 * 2 * 2, dtype=np.uint8).reshape(6, 2, 2, 1)
    g = tile_grid(imgs, cols=6, pad=0)
    assert g.shape == (2, 12, 1)
    assert np.array_equal(g[:, 4:6], imgs[2])
    assert tile_grid(imgs[:, :, :, 0], cols=2, pad=1).shape == (3 * 3 + 1, 2 * 3 + 1, 1)
    with pytest.raises(ValueError):
        tile_grid(imgs[:0])


def test_upscale_nearest():
    img = np.array([[1, 2], [3, 4]], np.uint8)[..., None]
    up = upscale(img, 3)
    assert up.shape == (6, 6, 1)
    assert np.all(up[:3, :3] == 1) and np.all(up[3:, 3:] == 4) and np.all(up[:3, 3:] == 2)
    batch = upscale(np.stack([img, img]), 2)
    assert batch.shape == (2, 4, 4, 1)
    assert upscale(img, 1) is img or np.array_equal(upscale(img, 1), img)
    with pytest.raises(ValueError):
        upscale(img, 0)
