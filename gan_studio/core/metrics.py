"""Sample-quality metric for generated digits.

A small CNN digit classifier (shipped in ``resources/models/``, trained by
``scripts/train_digit_classifier.py``) supplies two things:

* **features** -- its 128-d penultimate activations.  The Fréchet distance
  between the Gaussian fitted to the features of generated images and the one
  fitted to held-out real digits is the "FID" of this project (an MNIST
  classifier rather than Inception).
* **predictions** -- which digit each sample looks like, and how sure the
  classifier is.  They give class coverage and a mode-collapse signal.

Fréchet distances depend on sample size (the estimator is biased upwards for
small n), so every report carries a *real-vs-real floor*: the distance between
two disjoint sets of real digits with the same sample sizes as the
generated-vs-real comparison.  ``fd / fd_floor`` is therefore comparable across
sample sizes; 1 means "as close to the real data as real data itself".

Definitions (see ``QualityReport``):

* A prediction is *confident* when its max softmax probability is at least
  ``CONFIDENT_PROB`` (0.8).
* ``class_histogram[k]`` = share of confident predictions that are class k
  (all zeros when no prediction is confident).
* ``coverage`` = number of classes whose share of confident predictions is at
  least ``MIN_CLASS_SHARE`` (2%, a fifth of the 10% a uniform generator
  would give).
* ``collapse`` = 1 - (1 - class_collapse) * (1 - diversity_collapse), with
  ``class_collapse`` = 1 - H(p) / log(10), p the histogram of argmax
  predictions over *all* samples (0 for a uniform mix of the 10 digits, 1 for
  a single digit), and ``diversity_collapse`` = 1 - min(1, D_gen / D_real),
  D the mean pairwise Euclidean distance between feature vectors (0 when
  generated samples are as varied as real ones, 1 when they are all the same
  image).  Either signal alone can raise the collapse value.
* ``intra_fd`` -- class-conditional ("intra") Fréchet distance: generated
  samples predicted as digit k are compared with the real samples predicted as
  k, and the per-class distances are averaged with the generated class shares
  as weights.  It measures *realism* separately from *diversity*: a generator
  of perfect 3s has a large ``fd`` (it misses nine classes) but an
  ``intra_fd`` at the real floor, while noise or blurred strokes are far from
  real digits of whatever class they are assigned to.  ``intra_fd_floor`` is
  the same quantity for real-vs-real at matched sample size.
* ``score()`` -- see its docstring.

No Qt import here; torch and numpy only (no scipy).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from gan_studio.paths import resource_path

__all__ = [
    "DigitClassifier",
    "QualityModelError",
    "QualityReport",
    "QualityMeter",
    "RealReference",
    "frechet_distance",
    "to_model_input",
    "CONFIDENT_PROB",
    "MIN_CLASS_SHARE",
]

CONFIDENT_PROB = 0.8
MIN_CLASS_SHARE = 0.02
NUM_CLASSES = 10
FEATURE_DIM = 128
IMAGE_SIZE = 28
ARCHITECTURE = "digit-cnn-v1"
# The worst fd/fd_floor ratio the score resolves: at this ratio or beyond the
# FD part of the score is 0.
SCORE_MAX_RATIO = 1000.0
_DIVERSITY_SUBSAMPLE = 1000
_BATCH = 500


class QualityModelError(RuntimeError):
    """The shipped classifier weights are missing, damaged or do not match the architecture."""


# --------------------------------------------------------------------------- model


class DigitClassifier(nn.Module):
    """conv 32 -> conv 64 -> FC 128 (features) -> 10.

    conv5x5(1->32, stride 2) + ReLU -> conv3x3(32->64, stride 2) + ReLU
    -> maxpool 2 (ceil, 7x7 -> 4x4) -> FC(1024->128) + ReLU [features]
    -> dropout -> FC(128->10).
    Input: (N, 1, 28, 28) float in [-1, 1].  ~152k parameters (~0.6 MB
    float32).  The strided first layer keeps it cheap: about 1.1 M
    multiply-adds per image, so 2,000 images featurise in ~0.1 s on 2 CPU cores.
    """

    def __init__(self) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 5, stride=2, padding=2)
        self.conv2 = nn.Conv2d(32, 64, 3, stride=2, padding=1)
        self.fc1 = nn.Linear(64 * 4 * 4, FEATURE_DIM)
        self.fc2 = nn.Linear(FEATURE_DIM, NUM_CLASSES)
        self.dropout = nn.Dropout(0.25)

    def features(self, x: torch.Tensor) -> torch.Tensor:
        x = F.relu(self.conv1(x))  # 32 x 14 x 14
        x = F.relu(self.conv2(x))  # 64 x 7 x 7
        x = F.max_pool2d(x, 2, ceil_mode=True)  # 64 x 4 x 4
        return F.relu(self.fc1(x.flatten(1)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc2(self.dropout(self.features(x)))


# --------------------------------------------------------------------------- inputs


def to_model_input(images) -> torch.Tensor:
    """Convert images of any supported layout to a float32 (N, 1, 28, 28) tensor in [-1, 1].

    Accepted: uint8 arrays/tensors (0..255) shaped (N, H, W), (N, H, W, C) or
    (N, C, H, W); float arrays/tensors in [-1, 1] with the same layouts.
    C may be 1, 3 (RGB, converted to luminance) or 4 (alpha dropped).
    28x28 passes through, 32x32 is center-cropped (MNIST padded by 2), other
    sizes are area-resized (or bilinearly, when smaller than 28).
    """
    if isinstance(images, np.ndarray):
        is_uint8 = images.dtype == np.uint8
        t = torch.from_numpy(np.ascontiguousarray(images))
    elif isinstance(images, torch.Tensor):
        is_uint8 = images.dtype == torch.uint8
        t = images.detach().cpu()
    else:
        raise TypeError(f"expected a numpy array or torch tensor of images, got {type(images).__name__}")
    if t.ndim == 2:
        t = t.unsqueeze(0)
    if t.ndim == 3:
        t = t.unsqueeze(1)
    elif t.ndim == 4:
        if t.shape[1] in (1, 3, 4) and t.shape[-1] not in (1, 3, 4):
            pass  # NCHW
        elif t.shape[-1] in (1, 3, 4):
            t = t.permute(0, 3, 1, 2)  # NHWC -> NCHW
        elif t.shape[1] not in (1, 3, 4):
            raise ValueError(f"cannot tell the channel axis of images shaped {tuple(images.shape)}")
    else:
        raise ValueError(f"expected images shaped (N,H,W), (N,H,W,C) or (N,C,H,W), got {tuple(images.shape)}")
    t = t.float()
    if is_uint8:
        t = t / 127.5 - 1.0
    channels = t.shape[1]
    if channels == 4:
        t = t[:, :3]
        channels = 3
    if channels == 3:
        weights = torch.tensor([0.299, 0.587, 0.114]).view(1, 3, 1, 1)
        t = (t * weights).sum(dim=1, keepdim=True)
    h, w = t.shape[-2:]
    if (h, w) == (IMAGE_SIZE + 4, IMAGE_SIZE + 4):
        t = t[..., 2:-2, 2:-2]
    elif (h, w) != (IMAGE_SIZE, IMAGE_SIZE):
        mode = "area" if h >= IMAGE_SIZE and w >= IMAGE_SIZE else "bilinear"
        kwargs = {} if mode == "area" else {"align_corners": False}
        t = F.interpolate(t, size=(IMAGE_SIZE, IMAGE_SIZE), mode=mode, **kwargs)
    return t.clamp_(-1.0, 1.0).contiguous()


# --------------------------------------------------------------------------- statistics


def frechet_distance(mu1, cov1, mu2, cov2) -> float:
    """Fréchet (2-Wasserstein) distance between N(mu1, cov1) and N(mu2, cov2).

    ||mu1 - mu2||^2 + tr(c1) + tr(c2) - 2 tr((sqrt(c1) c2 sqrt(c1))^1/2).
    The matrix square roots come from symmetric eigendecompositions with
    negative round-off eigenvalues clipped, so the result is real and >= 0
    even for singular covariances.  numpy only, float64.
    """
    mu1 = np.asarray(mu1, dtype=np.float64).ravel()
    mu2 = np.asarray(mu2, dtype=np.float64).ravel()
    c1 = np.atleast_2d(np.asarray(cov1, dtype=np.float64))
    c2 = np.atleast_2d(np.asarray(cov2, dtype=np.float64))
    if mu1.shape != mu2.shape or c1.shape != c2.shape or c1.shape != (mu1.size, mu1.size):
        raise ValueError(f"shape mismatch: mu {mu1.shape}/{mu2.shape}, cov {c1.shape}/{c2.shape}")
    c1 = (c1 + c1.T) / 2
    c2 = (c2 + c2.T) / 2
    vals, vecs = np.linalg.eigh(c1)
    sqrt_c1 = (vecs * np.sqrt(np.clip(vals, 0.0, None))) @ vecs.T
    middle = sqrt_c1 @ c2 @ sqrt_c1
    middle = (middle + middle.T) / 2
    tr_covmean = float(np.sqrt(np.clip(np.linalg.eigvalsh(middle), 0.0, None)).sum())
    diff = mu1 - mu2
    fd = float(diff @ diff + np.trace(c1) + np.trace(c2) - 2.0 * tr_covmean)
    return max(fd, 0.0)


def _gaussian(features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    f = np.asarray(features, dtype=np.float64)
    if len(f) < 2:
        raise ValueError("at least 2 samples are needed to estimate a covariance")
    return f.mean(axis=0), np.cov(f, rowvar=False)


def _mean_pairwise_distance(features: np.ndarray, limit: int = _DIVERSITY_SUBSAMPLE) -> float:
    f = np.asarray(features[:limit], dtype=np.float64)
    n = len(f)
    if n < 2:
        return 0.0
    sq = (f * f).sum(axis=1)
    d2 = np.clip(sq[:, None] + sq[None, :] - 2.0 * f @ f.T, 0.0, None)
    return float(np.sqrt(d2).sum() / (n * (n - 1)))


# --------------------------------------------------------------------------- results


@dataclass
class QualityReport:
    """How close a batch of generated digits is to real ones (definitions in the module docstring)."""

    fd: float  # Fréchet distance of classifier features, generated vs held-out real
    fd_floor: float  # FD between two disjoint real sets of the same sample sizes
    coverage: int  # classes holding >= MIN_CLASS_SHARE of the confident predictions
    class_histogram: list[float]  # share of confident predictions per class (10 values)
    confidence: float  # mean max softmax probability
    collapse: float  # 0..1, 1 - (1 - class_collapse) * (1 - diversity_collapse)
    n: int  # number of generated samples evaluated
    intra_fd: float = math.nan  # class-conditional FD (realism), nan when not computed
    intra_fd_floor: float = math.nan  # the same for real-vs-real at matched sample size
    class_collapse: float = 0.0  # 1 - normalised entropy of the argmax histogram
    diversity_collapse: float = 0.0  # 1 - min(1, mean pairwise feature distance / real's)
    confident_share: float = 0.0  # share of samples predicted with prob >= CONFIDENT_PROB

    @property
    def fd_ratio(self) -> float:
        return self.fd / self.fd_floor if self.fd_floor > 0 else math.inf

    @property
    def intra_fd_ratio(self) -> float:
        if math.isnan(self.intra_fd) or math.isnan(self.intra_fd_floor):
            return math.nan
        return self.intra_fd / self.intra_fd_floor if self.intra_fd_floor > 0 else math.inf

    def summary(self) -> str:
        return (
            f"FD {self.fd:.1f} (real floor {self.fd_floor:.1f}) · "
            f"{self.coverage}/{NUM_CLASSES} classes · collapse {self.collapse:.2f}"
        )

    def score(self) -> float:
        """A single 0-100 quality for a meter.

        score = 100 * sqrt(q(fd / fd_floor) * q(intra_fd / intra_fd_floor)) * q_cov

        * q(r) = 1 - log10(max(1, r)) / log10(SCORE_MAX_RATIO), clipped to
          [0, 1]: 1 at (or below) the real-vs-real floor, falling linearly in
          log-ratio to 0 at 1000x the floor (log scale because the ratio spans
          three decades between noise and a trained generator).
        * The overall FD ratio measures the whole distribution (realism and
          diversity); the class-conditional ratio measures realism alone.  Their
          geometric mean ranks a generator of clean but single-class digits
          above noise, which the overall FD alone cannot (a point mass anywhere
          is at least tr(cov_real) away).  Without an intra FD (nan) only the
          overall ratio is used.
        * q_cov = 0.5 + 0.5 * coverage / 10: every missing digit class costs 5%
          of the score; a single-class generator keeps at most 55%.

        Monotone non-increasing in fd / fd_floor, in intra_fd / intra_fd_floor
        and in the number of missing classes; 100 only at the floors with all
        10 classes.
        """
        q_fd = _ratio_quality(self.fd_ratio)
        intra = self.intra_fd_ratio
        q = q_fd if math.isnan(intra) else math.sqrt(q_fd * _ratio_quality(intra))
        q_cov = 0.5 + 0.5 * self.coverage / NUM_CLASSES
        return 100.0 * q * q_cov


def _ratio_quality(ratio: float) -> float:
    r = max(1.0, ratio)
    return min(1.0, max(0.0, 1.0 - math.log10(r) / math.log10(SCORE_MAX_RATIO)))


@dataclass
class RealReference:
    """Cached statistics of held-out real digits.

    The real features are split (after a seeded shuffle) into two disjoint
    halves: generated samples are compared with half A; the floors compare
    half A with the first n samples of half B, n = the generated sample size
    (all of B when more samples are generated than B holds).  Per-class
    Gaussians of half A (grouped by the classifier's prediction) serve the
    class-conditional FD.
    """

    features_a: np.ndarray
    features_b: np.ndarray
    labels_a: np.ndarray  # predicted classes of half A
    labels_b: np.ndarray
    mu: np.ndarray
    cov: np.ndarray
    diversity: float  # mean pairwise feature distance among real samples
    class_stats: dict = field(default_factory=dict, repr=False)  # k -> (mu, cov), classes with >= 2 samples
    _floors: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_features(cls, features: np.ndarray, labels: np.ndarray, seed: int = 0) -> "RealReference":
        features = np.asarray(features, dtype=np.float64)
        labels = np.asarray(labels, dtype=np.int64)
        if len(features) < 8:
            raise ValueError(f"the quality score compares generated digits with held-out real ones, and there "
                             f"{'is' if len(features) == 1 else 'are'} only {len(features)} (at least 8 are "
                             f"needed); hold out more images (the dataset's held-out count, data.holdout)")
        order = np.random.default_rng(seed).permutation(len(features))
        half = len(features) // 2
        ia, ib = order[:half], order[half:]
        a = features[ia]
        mu, cov = _gaussian(a)
        class_stats = {
            k: _gaussian(a[labels[ia] == k]) for k in range(NUM_CLASSES) if (labels[ia] == k).sum() >= 2
        }
        return cls(
            features_a=a, features_b=features[ib], labels_a=labels[ia], labels_b=labels[ib],
            mu=mu, cov=cov, diversity=_mean_pairwise_distance(a), class_stats=class_stats,
        )

    @property
    def n(self) -> int:
        return len(self.features_a)

    def intra_fd(self, features: np.ndarray, labels: np.ndarray) -> float:
        """Class-conditional FD of `features` (with predicted `labels`) against half A; nan if undefined."""
        total, weight = 0.0, 0
        for k, (mu_k, cov_k) in self.class_stats.items():
            mask = labels == k
            count = int(mask.sum())
            if count < 2:
                continue
            mu_g, cov_g = _gaussian(features[mask])
            total += count * frechet_distance(mu_g, cov_g, mu_k, cov_k)
            weight += count
        return total / weight if weight else math.nan

    def _floor_pair(self, n: int) -> tuple[float, float]:
        m = max(2, min(int(n), len(self.features_b)))
        if m not in self._floors:
            fb, lb = self.features_b[:m], self.labels_b[:m]
            mu_b, cov_b = _gaussian(fb)
            self._floors[m] = (frechet_distance(self.mu, self.cov, mu_b, cov_b), self.intra_fd(fb, lb))
        return self._floors[m]

    def floor(self, n: int) -> float:
        """Real-vs-real FD for a sample of n images (cached per n)."""
        return self._floor_pair(n)[0]

    def intra_floor(self, n: int) -> float:
        """Real-vs-real class-conditional FD for a sample of n images (cached per n)."""
        return self._floor_pair(n)[1]


# --------------------------------------------------------------------------- meter


def _default_weights_path() -> Path:
    return resource_path("models", "digit_classifier.safetensors")


class QualityMeter:
    """Scores generated digits with the shipped classifier."""

    def __init__(self, model: DigitClassifier, device="cpu") -> None:
        self.device = torch.device(device)
        self.model = model.to(self.device).eval()

    @classmethod
    def load(cls, weights_path, device="cpu") -> "QualityMeter":
        from safetensors import SafetensorError
        from safetensors.torch import load_file

        path = Path(weights_path)
        if not path.is_file():
            raise QualityModelError(
                f"the digit classifier weights are missing ({path}); the installation is incomplete "
                f"or they need rebuilding with scripts/train_digit_classifier.py"
            )
        try:
            state = load_file(str(path), device="cpu")
        except (SafetensorError, OSError, ValueError) as exc:
            raise QualityModelError(f"the digit classifier weights at {path} are damaged: {exc}") from None
        model = DigitClassifier()
        try:
            model.load_state_dict(state, strict=True)
        except RuntimeError as exc:
            first = str(exc).strip().splitlines()[0]
            raise QualityModelError(
                f"the digit classifier weights at {path} do not match {ARCHITECTURE}: {first}"
            ) from None
        for name, tensor in state.items():
            if not torch.isfinite(tensor).all():
                raise QualityModelError(f"the digit classifier weights at {path} hold non-finite values in {name}")
        return cls(model, device=device)

    @classmethod
    def load_default(cls, device="cpu") -> "QualityMeter":
        return cls.load(_default_weights_path(), device=device)

    @staticmethod
    def metadata() -> dict:
        """The JSON metadata shipped next to the weights (architecture, accuracy, how it was trained)."""
        path = resource_path("models", "digit_classifier.json")
        return json.loads(path.read_text(encoding="utf-8"))

    # ---- raw outputs

    @torch.no_grad()
    def _run(self, images) -> tuple[np.ndarray, np.ndarray]:
        x = to_model_input(images)
        feats, probs = [], []
        for start in range(0, len(x), _BATCH):
            batch = x[start:start + _BATCH].to(self.device)
            f = self.model.features(batch)
            feats.append(f.cpu())
            probs.append(F.softmax(self.model.fc2(f), dim=1).cpu())
        if not feats:
            return np.zeros((0, FEATURE_DIM), np.float32), np.zeros((0, NUM_CLASSES), np.float32)
        return torch.cat(feats).numpy(), torch.cat(probs).numpy()

    def features(self, images) -> np.ndarray:
        """(N, 128) float32 penultimate features."""
        return self._run(images)[0]

    def predict(self, images) -> np.ndarray:
        """(N, 10) float32 class probabilities."""
        return self._run(images)[1]

    # ---- evaluation

    def reference(self, real_images, seed: int = 0) -> RealReference:
        """Featurise held-out real digits once; pass the result to `evaluate` repeatedly."""
        feats, probs = self._run(real_images)
        return RealReference.from_features(feats, probs.argmax(axis=1), seed=seed)

    def evaluate(self, generated, reference) -> QualityReport:
        if not isinstance(reference, RealReference):
            reference = self.reference(reference)
        feats, probs = self._run(generated)
        n = len(feats)
        if n < 2:
            raise ValueError(f"at least 2 generated images are needed, got {n}")
        mu, cov = _gaussian(feats)
        fd = frechet_distance(mu, cov, reference.mu, reference.cov)
        fd_floor = reference.floor(n)
        predicted = probs.argmax(axis=1)
        intra_fd = reference.intra_fd(feats.astype(np.float64), predicted)
        intra_fd_floor = reference.intra_floor(n)

        max_prob = probs.max(axis=1)
        confident = max_prob >= CONFIDENT_PROB
        counts = np.bincount(predicted[confident], minlength=NUM_CLASSES).astype(np.float64)
        hist = counts / counts.sum() if counts.sum() > 0 else counts
        coverage = int((hist >= MIN_CLASS_SHARE).sum())

        all_counts = np.bincount(predicted, minlength=NUM_CLASSES).astype(np.float64)
        p = all_counts / n
        nz = p[p > 0]
        entropy = float(-(nz * np.log(nz)).sum())
        class_collapse = min(1.0, max(0.0, 1.0 - entropy / math.log(NUM_CLASSES)))
        diversity = _mean_pairwise_distance(feats)
        if reference.diversity > 0:
            diversity_collapse = 1.0 - min(1.0, diversity / reference.diversity)
        else:
            diversity_collapse = 0.0
        collapse = 1.0 - (1.0 - class_collapse) * (1.0 - diversity_collapse)

        return QualityReport(
            fd=fd,
            fd_floor=fd_floor,
            coverage=coverage,
            class_histogram=[float(v) for v in hist],
            confidence=float(max_prob.mean()),
            collapse=float(collapse),
            n=n,
            intra_fd=float(intra_fd),
            intra_fd_floor=float(intra_fd_floor),
            class_collapse=float(class_collapse),
            diversity_collapse=float(diversity_collapse),
            confident_share=float(confident.mean()),
        )
