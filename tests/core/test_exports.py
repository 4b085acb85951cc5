"""Exports: PNG/grid/latents/GIF/MP4/frames, atomic writes and clear errors."""

import errno
import json
import os

import av
import numpy as np
import pytest
from PIL import Image

from gan_studio.core.explore import exports as E
from gan_studio.core.explore.exports import ExportError


def _digit(h=7, w=9, seed=0):
    return (np.random.default_rng(seed).random((h, w, 1)) * 255).astype(np.uint8)


def _read(path):
    with Image.open(path) as im:
        im.load()
        return im.mode, np.asarray(im)


@pytest.fixture
def out(tmp_path):
    """An empty folder of our own (tmp_path also holds the shared gs_home fixture)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def _leftovers(folder):
    return [p for p in os.listdir(folder) if p.endswith(".tmp")]


# ------------------------------------------------------------------------ names

def test_export_name_is_safe():
    assert E.export_name("mnist dcgan/v2", 7, 3) == "mnist-dcgan-v2_seed7_idx3.png"
    assert E.export_name("m", 1, 0, label=5, ext=".gif") == "m_seed1_idx0_label5.gif"
    assert E.export_name("../..", 1, 2).startswith("gan_seed1")
    assert "/" not in E.export_name("a/b\\c:d*?", 0, 0) and "\\" not in E.export_name("a\\b", 0, 0)


# -------------------------------------------------------------------------- PNG

def test_png_round_trip_and_scale(tmp_path):
    img = _digit()
    p = E.save_png(tmp_path / "d.png", img)
    assert p == tmp_path / "d.png"
    mode, back = _read(p)
    assert mode == "L" and np.array_equal(back, img[..., 0])
    _, big = _read(E.save_png(tmp_path / "big.png", img, scale=4))
    assert big.shape == (28, 36)
    assert np.array_equal(big[::4, ::4], img[..., 0]) and np.array_equal(big[3::4, 3::4], img[..., 0])
    rgb = np.dstack([img, 255 - img, img // 2])
    mode, back = _read(E.save_png(tmp_path / "rgb.png", rgb))
    assert mode == "RGB" and np.array_equal(back, rgb)


def test_png_invert_and_transparency(tmp_path):
    img = _digit()
    _, inv = _read(E.save_png(tmp_path / "inv.png", img, invert=True))
    assert np.array_equal(inv, 255 - img[..., 0])
    mode, la = _read(E.save_png(tmp_path / "t.png", img, transparent=True))
    assert mode == "LA"
    assert np.array_equal(la[..., 1], img[..., 0])       # alpha = ink intensity
    assert np.all(la[..., 0] == 255)                      # white ink
    mode, dark = _read(E.save_png(tmp_path / "it.png", img, invert=True, transparent=True))
    assert mode == "LA" and np.all(dark[..., 0] == 0) and np.array_equal(dark[..., 1], img[..., 0])
    # composited over white, dark-ink-on-transparent equals the inverted image
    over_white = np.rint(dark[..., 1] / 255 * dark[..., 0] + (1 - dark[..., 1] / 255) * 255)
    assert np.array_equal(over_white.astype(np.uint8), inv)


def test_png_rejects_float_input(tmp_path):
    with pytest.raises(ValueError, match="uint8"):
        E.save_png(tmp_path / "f.png", np.zeros((4, 4, 1), np.float32))


def test_save_images_and_grid(tmp_path):
    imgs = np.stack([_digit(seed=i) for i in range(5)])
    names = [E.export_name("m", 7, i) for i in range(5)]
    paths = E.save_images(tmp_path / "out", imgs, names, scale=2)
    assert [p.name for p in paths] == names
    for p, img in zip(paths, imgs):
        _, back = _read(p)
        assert back.shape == (14, 18) and np.array_equal(back[::2, ::2], img[..., 0])
    with pytest.raises(ValueError):
        E.save_images(tmp_path, imgs, names[:2])
    with pytest.raises(ValueError):
        E.save_images(tmp_path, imgs[:1], ["../evil.png"])

    g = E.save_grid_png(tmp_path / "grid.png", imgs, cols=2, pad=1, scale=3)
    _, sheet = _read(g)
    assert sheet.shape == (3 * (3 * (7 + 1) + 1), 3 * (2 * (9 + 1) + 1))
    assert np.array_equal(sheet[3:3 + 21:3, 3:3 + 27:3], imgs[0, ..., 0])


# ---------------------------------------------------------------------- latents

def test_latents_round_trip(tmp_path):
    z = np.random.default_rng(1).standard_normal((6, 32)).astype(np.float32)
    meta = {"model": "mnist-dcgan", "seeds": np.array([7] * 6), "indices": list(range(6)),
            "labels": [None] * 6, "truncation": 0.7}
    p = E.save_latents(tmp_path / "picks.npy", z, meta)
    side = tmp_path / "picks.json"
    assert p.exists() and side.exists()
    raw = json.loads(side.read_text())
    assert raw["shape"] == [6, 32] and raw["dtype"] == "float32" and raw["seeds"] == [7] * 6
    assert "created" in raw and "app_version" in raw
    back, m = E.load_latents(p)
    assert np.array_equal(back, z) and back.dtype == np.float32
    assert m["model"] == "mnist-dcgan" and m["truncation"] == 0.7 and m["indices"] == list(range(6))
    back2, _ = E.load_latents(side)
    assert np.array_equal(back2, z)


def test_load_latents_validates_shape(tmp_path):
    z = np.zeros((3, 4), np.float32)
    E.save_latents(tmp_path / "a.npy", z, {})
    side = tmp_path / "a.json"
    meta = json.loads(side.read_text())
    meta["shape"] = [4, 4]
    side.write_text(json.dumps(meta))
    with pytest.raises(ValueError, match="shape"):
        E.load_latents(tmp_path / "a.npy")
    np.save(tmp_path / "b.npy", np.zeros(5, np.float32))
    with pytest.raises(ValueError):
        E.load_latents(tmp_path / "b.npy")
    with pytest.raises(ValueError):
        E.save_latents(tmp_path / "c.npy", np.zeros(5, np.float32), {})


# -------------------------------------------------------------------- animation

def _frames(t=6, h=9, w=11, c=1):
    rng = np.random.default_rng(5)
    return (rng.random((t, h, w, c)) * 255).astype(np.uint8)


def test_gif_frames_size_and_palette(tmp_path):
    frames = _frames()
    p = E.save_gif(tmp_path / "a.gif", frames, fps=10, loop=True, scale=2)
    with Image.open(p) as im:
        assert im.n_frames == 6 and im.size == (22, 18)
        assert im.info.get("loop") == 0 and im.info.get("duration") == 100
        for i in range(im.n_frames):
            im.seek(i)
            gray = np.asarray(im.convert("L"))
            assert np.array_equal(gray[::2, ::2], frames[i, ..., 0]), i   # exact gray levels
    p2 = E.save_gif(tmp_path / "once.gif", frames, loop=False)
    with Image.open(p2) as im:
        assert "loop" not in im.info and im.size == (11, 9)


def test_gif_rgb(tmp_path):
    frames = _frames(t=4, c=3)
    with Image.open(E.save_gif(tmp_path / "c.gif", frames)) as im:
        assert im.n_frames == 4 and im.size == (11, 9)


def test_mp4_readable_with_even_dimensions(tmp_path):
    frames = _frames(t=12, h=9, w=11)
    p = E.save_mp4(tmp_path / "a.mp4", frames, fps=24, scale=3)    # 27 x 33 -> padded to 28 x 34
    with av.open(str(p)) as container:
        decoded = [f for f in container.decode(video=0)]
    assert abs(len(decoded) - 12) <= 1
    assert (decoded[0].width, decoded[0].height) == (34, 28)
    # content survives encoding approximately
    first = decoded[0].to_ndarray(format="gray")[:27, :33].astype(float)
    want = np.repeat(np.repeat(frames[0, ..., 0], 3, 0), 3, 1).astype(float)
    assert np.corrcoef(first.ravel(), want.ravel())[0, 1] > 0.8
    assert not _leftovers(tmp_path)


def test_save_frames(tmp_path):
    frames = _frames(t=3)
    paths = E.save_frames(tmp_path / "seq", frames, "walk")
    assert [p.name for p in paths] == ["walk_0000.png", "walk_0001.png", "walk_0002.png"]
    _, back = _read(paths[2])
    assert np.array_equal(back, frames[2, ..., 0])


# ----------------------------------------------------------------------- errors

@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_directory_raises_export_error(out):
    ro = out / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        with pytest.raises(ExportError) as err:
            E.save_png(ro / "x.png", _digit())
        assert str(ro / "x.png") in str(err.value)
        assert os.listdir(ro) == []
    finally:
        ro.chmod(0o700)


def test_unwritable_destination_raises_export_error(out):
    blocker = out / "file"
    blocker.write_text("not a folder")
    for save in (lambda p: E.save_png(p, _digit()), lambda p: E.save_gif(p, _frames()),
                 lambda p: E.save_mp4(p, _frames()), lambda p: E.save_latents(p, np.zeros((1, 2)), {})):
        with pytest.raises(ExportError) as err:
            save(blocker / "sub" / "out.bin")
        assert str(blocker / "sub") in str(err.value)
    assert sorted(os.listdir(out)) == ["file"]


@pytest.mark.parametrize("kind", ["png", "gif", "mp4", "npy"])
def test_failed_write_leaves_no_partial_file(out, monkeypatch, kind):
    """Simulate a full disk: the encoder has written part of the temp file when it fails."""
    target = out / f"out.{kind}"
    target_existing = out / f"old.{kind}"
    real_replace = os.replace

    def disk_full(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(E.os, "replace", disk_full)
    save = {"png": lambda p: E.save_png(p, _digit()), "gif": lambda p: E.save_gif(p, _frames()),
            "mp4": lambda p: E.save_mp4(p, _frames()), "npy": lambda p: E.save_latents(p, np.ones((2, 3)), {})}[kind]
    with pytest.raises(ExportError) as err:
        save(target)
    named = {str(target), str(target.with_suffix(".json"))}   # latents: .npy or its sidecar
    assert any(n in str(err.value) for n in named) and "No space left" in str(err.value)
    assert os.listdir(out) == []

    # an existing file is left untouched by a failed overwrite
    monkeypatch.setattr(E.os, "replace", real_replace)
    save(target_existing)
    before = target_existing.read_bytes()
    monkeypatch.setattr(E.os, "replace", disk_full)
    with pytest.raises(ExportError):
        save(target_existing)
    assert target_existing.read_bytes() == before
    assert not _leftovers(out)


def test_encoder_failure_mid_write_cleans_up(out, monkeypatch):
    def broken_save(self, fp, *args, **kwargs):
        with open(fp, "wb") as fh:
            fh.write(b"\x89PNG partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Image.Image, "save", broken_save)
    with pytest.raises(ExportError, match="No space left"):
        E.save_png(out / "x.png", _digit())
    assert os.listdir(out) == []


def test_permission_denied_on_temp_file_raises_export_error(out, monkeypatch):
    """What a read-only folder looks like to a non-root user (root bypasses chmod)."""
    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    import gan_studio.core.atomic as atomic

    monkeypatch.setattr(atomic.tempfile, "mkstemp", denied)
    for name, save in [("a.png", lambda p: E.save_png(p, _digit())),
                       ("b.gif", lambda p: E.save_gif(p, _frames())),
                       ("c.npy", lambda p: E.save_latents(p, np.zeros((1, 2)), {}))]:
        with pytest.raises(ExportError, match="Permission denied") as err:
            save(out / name)
        assert err.value.path == out / name
    assert os.listdir(out) == []
