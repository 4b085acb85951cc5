"""Quality metric: Fréchet distance, coverage, collapse and the shipped digit classifier.

The behavioural checks use real MNIST t10k digits from ../shared/datasets/mnist
(skipped when absent).  Sets, all disjoint slices of a seeded shuffle of t10k:
reference = 2,000 real digits (two halves of 1,000), "real" = 1,000 other real
digits, "blurred" = those same digits Gaussian-blurred, "one-digit" = other
real 3s only, "noise" = uniform random pixels.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
import torch

from gan_studio.core.metrics import (
    QualityMeter,
    QualityModelError,
    QualityReport,
    RealReference,
    frechet_distance,
    to_model_input,
)
from gan_studio.paths import resource_path

MNIST = Path(__file__).resolve().parents[2].parent / "shared" / "datasets" / "mnist"
N = 1000


# --------------------------------------------------------------------------- helpers


def gaussian_blur(images: np.ndarray, sigma: float) -> np.ndarray:
    radius = int(math.ceil(3 * sigma))
    x = np.arange(-radius, radius + 1)
    k = np.exp(-(x**2) / (2 * sigma**2))
    k /= k.sum()
    f = images.astype(np.float64)
    padded = np.pad(f, ((0, 0), (radius, radius), (0, 0)))
    f = sum(k[i] * padded[:, i:i + f.shape[1], :] for i in range(len(k)))
    padded = np.pad(f, ((0, 0), (0, 0), (radius, radius)))
    f = sum(k[i] * padded[:, :, i:i + f.shape[2]] for i in range(len(k)))
    return np.clip(np.rint(f), 0, 255).astype(np.uint8)


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def meter() -> QualityMeter:
    return QualityMeter.load_default()


@pytest.fixture(scope="module")
def t10k():
    if not (MNIST / "t10k-images-idx3-ubyte.gz").is_file():
        pytest.skip(f"MNIST not found at {MNIST}")
    from gan_studio.core.data.idx import read_image_label_pair

    images, labels = read_image_label_pair(MNIST / "t10k-images-idx3-ubyte.gz", MNIST / "t10k-labels-idx1-ubyte.gz")
    order = np.random.default_rng(1234).permutation(len(images))
    return images[order], labels[order]


@pytest.fixture(scope="module")
def sets(t10k):
    images, labels = t10k
    ref = images[:2000]
    real = images[2000:2000 + N]
    rest_images, rest_labels = images[2000 + N:], labels[2000 + N:]
    threes = rest_images[rest_labels == 3][:N]
    noise = np.random.default_rng(7).integers(0, 256, size=(N, 28, 28), dtype=np.uint8)
    return {
        "ref": ref,
        "ref_labels": labels[:2000],
        "real": real,
        "blurred": gaussian_blur(real, 1.5),
        "one_digit": threes,
        "noise": noise,
    }


@pytest.fixture(scope="module")
def reports(meter, sets) -> dict[str, QualityReport]:
    reference = meter.reference(sets["ref"])
    out = {name: meter.evaluate(sets[name], reference) for name in ("real", "blurred", "one_digit", "noise")}
    for name, rep in out.items():
        print(f"{name:10s} {rep.summary()}  ratio {rep.fd_ratio:.1f}  intra {rep.intra_fd:.1f}/"
              f"{rep.intra_fd_floor:.1f}  score {rep.score():.1f}  conf {rep.confidence:.3f}")
    return out


# --------------------------------------------------------------------------- Fréchet distance


def test_frechet_identical_gaussians_is_zero():
    rng = np.random.default_rng(0)
    a = rng.normal(size=(500, 16))
    mu, cov = a.mean(0), np.cov(a, rowvar=False)
    assert frechet_distance(mu, cov, mu, cov) == pytest.approx(0.0, abs=1e-6)


def test_frechet_matches_closed_form_for_diagonal_covariances():
    rng = np.random.default_rng(1)
    mu1, mu2 = rng.normal(size=8), rng.normal(size=8)
    v1, v2 = rng.uniform(0.1, 3.0, size=8), rng.uniform(0.1, 3.0, size=8)
    expected = float(((mu1 - mu2) ** 2).sum() + ((np.sqrt(v1) - np.sqrt(v2)) ** 2).sum())
    got = frechet_distance(mu1, np.diag(v1), mu2, np.diag(v2))
    assert got == pytest.approx(expected, rel=1e-9)
    # symmetric, and a mean shift alone adds exactly its squared length
    assert frechet_distance(mu2, np.diag(v2), mu1, np.diag(v1)) == pytest.approx(expected, rel=1e-9)
    assert frechet_distance(mu1, np.diag(v1), mu1 + 2.0, np.diag(v1)) == pytest.approx(4.0 * 8, rel=1e-9)


def test_frechet_full_covariance_matches_commuting_case_and_handles_singular():
    rng = np.random.default_rng(2)
    q, _ = np.linalg.qr(rng.normal(size=(6, 6)))
    l1, l2 = rng.uniform(0.5, 2.0, 6), rng.uniform(0.5, 2.0, 6)
    c1, c2 = q @ np.diag(l1) @ q.T, q @ np.diag(l2) @ q.T  # share eigenvectors -> commute
    expected = float(((np.sqrt(l1) - np.sqrt(l2)) ** 2).sum())
    assert frechet_distance(np.zeros(6), c1, np.zeros(6), c2) == pytest.approx(expected, rel=1e-8)
    # rank-deficient covariances (fewer samples than dimensions) give a finite, non-negative value
    few = rng.normal(size=(4, 6))
    value = frechet_distance(few.mean(0), np.cov(few, rowvar=False), np.zeros(6), np.eye(6))
    assert np.isfinite(value) and value >= 0.0


def test_frechet_rejects_shape_mismatch():
    with pytest.raises(ValueError):
        frechet_distance(np.zeros(3), np.eye(3), np.zeros(4), np.eye(4))


# --------------------------------------------------------------------------- model and inputs


def test_weights_are_small_and_metadata_is_consistent():
    weights = resource_path("models", "digit_classifier.safetensors")
    assert weights.stat().st_size < 1_000_000
    meta = json.loads(resource_path("models", "digit_classifier.json").read_text())
    assert meta["architecture"] == "digit-cnn-v1"
    assert meta["test_accuracy"] >= 0.985
    assert "train_digit_classifier.py" in meta["command"]
    import hashlib

    assert hashlib.sha256(weights.read_bytes()).hexdigest() == meta["weights_sha256"]


def test_classifier_accuracy_on_t10k(meter, sets):
    probs = meter.predict(sets["ref"])
    assert probs.shape == (2000, 10)
    np.testing.assert_allclose(probs.sum(1), 1.0, atol=1e-5)
    accuracy = float((probs.argmax(1) == sets["ref_labels"]).mean())
    print(f"accuracy on 2000 t10k: {accuracy:.4f}")
    assert accuracy >= 0.98


def test_features_are_128_d_float32(meter, sets):
    # Speed is measured in benchmarks/, not asserted here (shared CI machines are noisy).
    feats = meter.features(sets["ref"])
    assert feats.shape == (2000, 128) and feats.dtype == np.float32
    assert np.isfinite(feats).all() and feats.std(0).mean() > 0


def test_input_layouts_agree(meter, sets):
    u8 = sets["ref"][:64]
    base = meter.features(u8)
    as_float = u8.astype(np.float32)[:, None] / 127.5 - 1.0
    np.testing.assert_allclose(meter.features(torch.from_numpy(as_float)), base, atol=1e-4)
    np.testing.assert_allclose(meter.features(u8[:, None]), base, atol=1e-4)  # (N,1,H,W) uint8
    np.testing.assert_allclose(meter.features(u8[..., None]), base, atol=1e-4)  # (N,H,W,1)
    rgb = np.repeat(u8[..., None], 3, axis=-1)
    np.testing.assert_allclose(meter.features(rgb), base, atol=1e-3)  # RGB -> gray
    padded = np.pad(u8, ((0, 0), (2, 2), (2, 2)))
    np.testing.assert_allclose(meter.features(padded), base, atol=1e-4)  # 32x32 center crop
    # 64x64 area resize: same digit, same class
    big = torch.nn.functional.interpolate(torch.from_numpy(as_float), size=64, mode="bilinear")
    assert (meter.predict(big).argmax(1) == meter.predict(u8).argmax(1)).mean() > 0.9
    x = to_model_input(big)
    assert x.shape == (64, 1, 28, 28) and float(x.min()) >= -1.0 and float(x.max()) <= 1.0


def test_missing_or_corrupt_weights_raise_clear_errors(tmp_path):
    with pytest.raises(QualityModelError, match="missing"):
        QualityMeter.load(tmp_path / "nope.safetensors")
    bad = tmp_path / "bad.safetensors"
    bad.write_bytes(b"this is not a safetensors file at all")
    with pytest.raises(QualityModelError, match="damaged"):
        QualityMeter.load(bad)
    from safetensors.torch import save_file

    wrong = tmp_path / "wrong.safetensors"
    save_file({"conv1.weight": torch.zeros(3, 3)}, str(wrong))
    with pytest.raises(QualityModelError, match="do not match"):
        QualityMeter.load(wrong)


# --------------------------------------------------------------------------- behaviour on real, degraded and fake sets


def test_real_digits_score_at_the_floor(reports):
    rep = reports["real"]
    assert rep.n == N
    assert rep.fd_floor > 0
    assert rep.fd < 2.0 * rep.fd_floor
    assert rep.coverage == 10
    assert rep.collapse < 0.1
    assert rep.confidence > 0.95
    assert sum(rep.class_histogram) == pytest.approx(1.0)
    assert max(rep.class_histogram) < 0.2
    assert rep.intra_fd < 2.0 * rep.intra_fd_floor


def test_noise_scores_badly(reports):
    rep = reports["noise"]
    assert rep.fd > 20 * rep.fd_floor
    assert rep.intra_fd > 5 * rep.intra_fd_floor  # not realistic digits of any class


def test_one_digit_generator_is_collapsed(reports):
    rep = reports["one_digit"]
    assert 1 <= rep.coverage <= 2
    assert rep.class_histogram[3] > 0.9
    assert rep.collapse > 0.7
    assert rep.fd > 10 * rep.fd_floor
    # ...but every sample is a realistic 3: the class-conditional distance stays at the floor
    assert rep.intra_fd < 2.0 * rep.intra_fd_floor


def test_blurred_digits_lie_between_real_and_noise(reports):
    assert reports["real"].fd < reports["blurred"].fd < reports["noise"].fd
    assert reports["blurred"].fd > 2 * reports["blurred"].fd_floor
    assert reports["real"].intra_fd < reports["blurred"].intra_fd < reports["noise"].intra_fd


def test_score_orders_real_blurred_one_digit_noise(reports):
    scores = {name: rep.score() for name, rep in reports.items()}
    assert scores["real"] > scores["blurred"] > scores["one_digit"] > scores["noise"]
    assert scores["real"] > 85
    assert all(0.0 <= s <= 100.0 for s in scores.values())


def test_summary_line(reports):
    line = reports["real"].summary()
    assert line.startswith("FD ") and "real floor" in line and "10/10 classes" in line and "collapse" in line


def test_score_definition():
    def rep(fd, coverage=10, **kw):
        return QualityReport(fd=fd, fd_floor=2.0, coverage=coverage, class_histogram=[0.1] * 10,
                             confidence=0.9, collapse=0.0, n=100, **kw)

    assert rep(1.0).score() == pytest.approx(100.0)  # below the floor counts as at the floor
    assert rep(2.0).score() == pytest.approx(100.0)
    assert rep(20.0).score() == pytest.approx(100.0 * (1 - 1 / 3))  # 10x floor
    assert rep(2000.0).score() == pytest.approx(0.0)  # 1000x floor
    values = [rep(fd).score() for fd in (2, 5, 10, 50, 200, 1000)]
    assert values == sorted(values, reverse=True) and len(set(values)) == len(values)
    assert rep(2.0, coverage=9).score() == pytest.approx(95.0)
    assert rep(2.0, coverage=1).score() == pytest.approx(55.0)
    # with a class-conditional FD: geometric mean of the two ratio qualities
    assert rep(2.0, intra_fd=3.0, intra_fd_floor=3.0).score() == pytest.approx(100.0)
    assert rep(2000.0, intra_fd=3.0, intra_fd_floor=3.0).score() == pytest.approx(0.0)
    assert rep(20.0, intra_fd=30.0, intra_fd_floor=3.0).score() == pytest.approx(100.0 * 2 / 3)
    assert rep(20.0, intra_fd=3.0, intra_fd_floor=3.0).score() == pytest.approx(100.0 * math.sqrt(2 / 3))
    worse = [rep(20.0, intra_fd=x, intra_fd_floor=3.0).score() for x in (3, 30, 300)]
    assert worse == sorted(worse, reverse=True) and len(set(worse)) == 3


def test_mode_collapse_to_one_image_is_detected(meter, sets):
    reference = meter.reference(sets["ref"])
    same = np.repeat(sets["real"][:1], 200, axis=0)
    rep = meter.evaluate(same, reference)
    assert rep.diversity_collapse > 0.99
    assert rep.collapse > 0.99
    assert rep.coverage == 1


def test_reference_accepts_raw_images_and_floor_is_cached(meter, sets, monkeypatch):
    from gan_studio.core import metrics

    reference = meter.reference(sets["ref"])
    assert isinstance(reference, RealReference) and reference.n == 1000
    distances = []
    real_fd = metrics.frechet_distance
    monkeypatch.setattr(metrics, "frechet_distance", lambda *a: distances.append(1) or real_fd(*a))
    first = reference.floor(500)
    computed = len(distances)
    assert computed >= 1
    assert reference.floor(500) == first and reference.intra_floor(500) > 0
    assert len(distances) == computed                  # the second floor and the intra floor: from the cache
    # smaller samples have a larger (biased) floor
    assert reference.floor(100) > reference.floor(1000)
    direct = meter.evaluate(sets["real"][:300], sets["ref"])
    via_ref = meter.evaluate(sets["real"][:300], reference)
    assert direct.fd == pytest.approx(via_ref.fd) and direct.fd_floor == pytest.approx(via_ref.fd_floor)
