"""Closeness to a folder (core/folder_quality.py): a feature space built from the folder alone ranks the folder's
own images close, blurred ones less close, one repeated picture and noise far; the training session measures it
for a folder run; nothing downloaded, no digit classifier."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PIL import Image

from gan_studio.core import metrics
from gan_studio.core.folder_quality import (ClosenessPoint, FolderQualityProbe, FolderReference, closeness_words,
                                            folder_report)
from gan_studio.core.training.diagnostics import QualityPoint, is_folder_point

COLOURS = [(220, 40, 40), (40, 160, 60), (40, 80, 220), (240, 180, 20)]


def shapes(n: int = 160, side: int = 32, seed: int = 0) -> np.ndarray:
    """Coloured squares and discs on light backgrounds, uint8 NHWC."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[:side, :side]
    out = np.empty((n, side, side, 3), np.uint8)
    for i in range(n):
        img = np.full((side, side, 3), 245, np.uint8)
        r = int(rng.integers(4, side // 3))
        cx, cy = (int(v) for v in rng.integers(r + 1, side - r - 1, 2))
        mask = (np.abs(xx - cx) <= r) & (np.abs(yy - cy) <= r) if i % 2 else (xx - cx) ** 2 + (yy - cy) ** 2 <= r * r
        img[mask] = COLOURS[int(rng.integers(len(COLOURS)))]
        out[i] = img
    return out


@pytest.fixture(scope="module")
def folder():
    return shapes()


@pytest.fixture(scope="module")
def reference(folder):
    return FolderReference(folder, samples=80)


def blurred(images, k: int = 7) -> np.ndarray:
    t = torch.from_numpy(images).permute(0, 3, 1, 2).float()
    t = torch.nn.functional.avg_pool2d(t, k, 1, k // 2, count_include_pad=False)
    return t.round().byte().permute(0, 2, 3, 1).numpy()


def test_the_folder_is_close_and_copies_noise_and_collapse_are_not(folder, reference):
    other = shapes(80, seed=1)                       # new images drawn the same way: as close as the folder's halves
    same = reference.measure(other)
    soft = reference.measure(blurred(other))
    one = reference.measure(np.repeat(other[:1], 80, axis=0))
    noise = reference.measure(np.random.default_rng(0).integers(0, 256, other.shape).astype(np.uint8))
    assert reference.floor > 0 and reference.m == 80
    assert same.ratio < 2.0 and same.key == "close" and same.score() > 85
    assert same.ratio < soft.ratio < one.ratio            # blurred: less close; one repeated picture: far
    assert one.ratio > 4.0 and noise.ratio > 8.0        # a small folder's floor is high: ratios are lower
    assert one.spread < 0.01 and same.spread > 0.6
    assert one.key == "far" and noise.key in ("not-yet", "far")
    assert one.score() < same.score() - 30 and noise.score() < same.score() - 30


def test_the_reference_is_fixed_and_takes_any_layout(folder, reference):
    again = FolderReference(folder, samples=80)
    assert again.floor == pytest.approx(reference.floor) and again.dim == reference.dim
    x = shapes(40, seed=3)
    nchw = x.transpose(0, 3, 1, 2)
    assert reference.measure(x).fd == pytest.approx(reference.measure(nchw).fd)
    assert reference.measure(x).fd == pytest.approx(reference.measure(x.astype(np.float32) / 255.0).fd, rel=1e-4)
    with pytest.raises(ValueError, match="at least 16 images"):
        FolderReference(folder[:10])
    with pytest.raises(ValueError, match="channels"):
        reference.measure(x[..., :1])


def test_the_reference_reads_a_list_of_arrays_as_one_and_features_only_what_it_uses(monkeypatch):
    """A run's folder is its training and held-out images: read as one without concatenating them, and only
    the images drawn for the floor and the reference go through the feature network (not the whole folder)."""
    import gan_studio.core.folder_quality as fq

    big = shapes(fq.MAX_REFERENCE + 200, seed=7)
    seen = []
    real_call = fq._RandomNet.__call__
    monkeypatch.setattr(fq._RandomNet, "__call__", lambda self, x: seen.append(len(x)) or real_call(self, x))
    whole = FolderReference(big, samples=64)
    split = FolderReference([big[:500], big[500:]], samples=64)
    assert seen == [64 + fq.MAX_REFERENCE] * 2
    assert split.floor == whole.floor and np.array_equal(split.ref_mu, whole.ref_mu)


def test_gray_folders_and_words():
    gray = shapes(64)[..., :1].copy()
    ref = FolderReference(gray, samples=32)
    assert ref.measure(shapes(32, seed=5)[..., :1]).ratio < ref.measure(np.full_like(gray[:32], 128)).ratio
    assert closeness_words(1.0)[0] == "close" and closeness_words(1e9)[0] == "far"
    assert [closeness_words(r)[0] for r in (1.0, 3.0, 10.0, 100.0)] == ["close", "near", "not-yet", "far"]
    assert closeness_words(1.5, spread=0.05)[0] == "far"          # one picture repeated, however near


def test_a_closeness_point_travels_as_a_quality_row():
    p = ClosenessPoint(step=40, elapsed=12.5, score=61.0, fd=10.0, fd_floor=2.0, n=64)
    row = p.to_dict()
    assert is_folder_point(row) and is_folder_point(p) and row["folder"] == 1
    assert all(isinstance(v, (int, float)) for v in row.values())      # quality.jsonl holds numbers only
    q = QualityPoint.from_dict(row)                 # old readers (Compare, follow) still read the row
    assert (q.step, q.score, q.coverage, q.diversity_collapse) == (40, 61.0, 0, 0.0)
    assert not is_folder_point(QualityPoint(step=1, elapsed=0.0, score=1.0, fd=1.0, fd_floor=1.0, coverage=3))
    assert p.ratio == 5.0


def test_a_folder_session_measures_closeness_not_digits(tmp_path, monkeypatch):
    from gan_studio.core.training.session import TrainingSession
    from gan_studio.testing import tiny_config

    for i, img in enumerate(shapes(40)):
        Image.fromarray(img).save(tmp_path / f"{i:03d}.png")

    def no_classifier(*_a, **_k):
        raise AssertionError("the digit classifier was loaded for a folder of images")

    monkeypatch.setattr(metrics.QualityMeter, "load_default", classmethod(no_classifier))
    cfg = tiny_config()
    cfg = cfg.replace(data=cfg.data.replace(source="folder", path=str(tmp_path), holdout=4),
                      model=cfg.model.replace(image_size=32, channels=3))
    session = TrainingSession(cfg, tmp_path / "run")
    try:
        assert session.enable_quality(every=1.0) == ""
        assert isinstance(session.quality, FolderQualityProbe) and session.quality.reference.size == 40
        update = session.advance(3)
        assert update.quality is not None and is_folder_point(update.quality)
        assert 0.0 <= update.quality.score <= 100.0 and update.quality.fd_floor > 0
        assert update.quality.step == 3
        rows = session.run.read_quality()
        assert len(rows) == 1 and rows[0]["folder"] == 1 and rows[0]["fd"] == pytest.approx(update.quality.fd)
    finally:
        session.close()


def test_the_evaluate_report_puts_closeness_beside_diversity_and_near_copies(folder):
    lines = folder_report(shapes(64, seed=2), folder)
    assert lines[0].startswith("closeness to the folder: close")
    assert lines[1].startswith("diversity:") and lines[2].startswith("near-copies:")
    assert "no near-copies" in lines[2]
    copies = folder_report(folder[:64], folder)            # the folder's own images: copies
    assert "some samples are near-copies" in copies[2]
    collapsed = folder_report(np.repeat(folder[:1], 64, axis=0), folder)
    assert "far from your folder" in collapsed[0] or "not yet" in collapsed[0]
    assert "digit" not in " ".join(lines + collapsed)
