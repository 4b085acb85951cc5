"""How close a generator's samples are to a folder of images, from the folder alone (nothing downloaded).

The digit classifier (`core/metrics.py`) knows handwritten digits only. For any other folder this module
builds a feature space offline, at the start of a run, from two things:

* **a fixed random convolution network** (3 layers of 3×3 filters drawn from a seeded numpy generator,
  ReLU, average pooling; never trained, never downloaded): each image, resized to 32×32, gives the
  mean activation of every filter of every layer (edges, blobs, textures at three scales) and its
  colours averaged down to 4×4 (where the colours are);
* **the folder itself**: each feature is standardised by the folder's spread, then a PCA fitted on the
  folder keeps its `FEATURE_DIM` main directions, whitened (one unit = the folder's own spread along it).

In that space, the **Fréchet distance** between the Gaussian of the samples and that of a fixed half of
the folder (the *reference*) measures closeness; its **floor** is the same distance between the folder's
other half and the reference, with the same number of images. The **ratio** distance / floor is ≈1 when
the samples are as close to the folder as the folder's own halves are to each other, and grows as they
differ (`CLOSENESS_WORDS` turns it into words). A ratio well under 1 with near-copies (the `nearest`
measure of `training/diagnostics.sample_diversity`) means the generator copies training images.

No Qt; numpy, and torch (imported when used) for the convolutions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .training.diagnostics import TimedProbe, Verdict

__all__ = ["FolderReference", "Closeness", "ClosenessPoint", "closeness_words",
           "FolderQualityProbe", "folder_report", "FEATURE_DIM"]

SIDE = 32                 # images are resized to SIDE×SIDE before the random network
WIDTHS = (16, 32, 64)     # filters per random layer
LAYOUT_SIDE = 4           # colours averaged down to LAYOUT_SIDE×LAYOUT_SIDE
FEATURE_DIM = 32          # PCA directions kept (fewer for small folders: at most a quarter of a half)
NETWORK_SEED = 20261206   # the random network's weights; fixed, so scores compare across runs
SPLIT_SEED = 7            # which images form the reference half
MAX_REFERENCE = 1000      # reference images kept (the folder's other images are at most as many)
MAX_SAMPLES = 500         # generated images per check (and real images in the floor)
NEAR_COPY = 0.5          # `sample_diversity().nearest` under this: the samples copy training images
COLLAPSED_SPREAD = 0.2    # samples' feature variance under this share of the folder's: one picture repeated
MIN_IMAGES = 16           # a smaller folder cannot give a floor

# Ratio to the floor → (key, words, explanation); the first row whose bound the ratio is under wins.
# Bounds from benchmarks/README.md ("own_images.py"): the shapes and glyphs folders' grids looked at by eye.
# The words are Verdicts, so the views translate them (scripts/update_translations.py reads them here).
CLOSENESS_WORDS = (
    (2.0, Verdict("close", "close to your folder",
                  "the samples differ from your images about as much as your images differ among themselves")),
    (8.0, Verdict("near", "getting close",
                  "the samples have your folder's look; details, shapes or colours are still off")),
    (35.0, Verdict("not-yet", "not yet",
                   "the samples have some of your folder's colours and layout, not yet its shapes")),
    (math.inf, Verdict("far", "far from your folder",
                       "noise, one repeated picture or something else your folder does not hold")),
)
# The worst ratio the 0–100 closeness score resolves (log scale; 1 or less scores 100).
SCORE_MAX_RATIO = 200.0


def _as_nchw(images) -> np.ndarray:
    """uint8 (0..255) or float (0..1) images, NHWC, NCHW or NHW → float32 NCHW in 0..1."""
    x = np.asarray(images)
    scale = 255.0 if x.dtype == np.uint8 else (255.0 if x.size and float(x.max()) > 1.5 else 1.0)
    x = x.astype(np.float32) / scale
    if x.ndim == 3:
        x = x[:, None]
    if x.ndim != 4:
        raise ValueError(f"images must be N×H×W×C or N×C×H×W, got shape {x.shape}")
    if x.shape[-1] in (1, 3, 4) and x.shape[1] not in (1, 3, 4):
        x = x.transpose(0, 3, 1, 2)
    if x.shape[1] == 4:
        x = x[:, :3]
    return np.ascontiguousarray(x)


class _RandomNet:
    """The fixed random convolution network: images → raw features (the same for every run and machine)."""

    def __init__(self, channels: int):
        rng = np.random.default_rng(NETWORK_SEED + channels)
        self.weights = []
        fan_in = channels
        for width in WIDTHS:
            w = rng.standard_normal((width, fan_in, 3, 3)).astype(np.float32)
            w -= w.mean(axis=(1, 2, 3), keepdims=True)         # zero-mean filters: they see changes, not level
            w /= np.sqrt((w ** 2).sum(axis=(1, 2, 3), keepdims=True)) + 1e-8
            self.weights.append(w)
            fan_in = width
        self.channels = channels
        sizes = [LAYOUT_SIDE * LAYOUT_SIDE * channels, *WIDTHS]
        ends = np.cumsum(sizes)
        self.parts = [(int(e - n), int(e)) for e, n in zip(ends, sizes)]   # column ranges of each part

    def __call__(self, images) -> np.ndarray:
        import torch
        import torch.nn.functional as F

        x = _as_nchw(images)
        if x.shape[1] != self.channels:
            raise ValueError(f"images have {x.shape[1]} channels, the reference {self.channels}")
        out = []
        with torch.no_grad():
            for start in range(0, len(x), 256):
                t = torch.from_numpy(x[start:start + 256])
                t = F.interpolate(t, size=(SIDE, SIDE), mode="bilinear", align_corners=False,
                                  antialias=t.shape[-1] > SIDE)
                parts = [F.adaptive_avg_pool2d(t, LAYOUT_SIDE).flatten(1)]
                h = t - 0.5
                for i, w in enumerate(self.weights):
                    h = F.relu(F.conv2d(h, torch.from_numpy(w), padding=1))
                    parts.append(h.mean(dim=(2, 3)))
                    if i < len(self.weights) - 1:
                        h = F.avg_pool2d(h, 2)
                out.append(torch.cat(parts, dim=1).double().numpy())
        return np.concatenate(out) if out else np.zeros((0, 1))


@dataclass(frozen=True)
class Closeness:
    """One closeness measure: Fréchet distance of the samples to the reference half, and its floor."""

    fd: float          # samples vs the reference half of the folder
    floor: float       # the folder's other half vs the reference, as many images as samples
    n: int             # samples measured
    spread: float = 1.0  # the samples' feature variance over the folder's (near 0: one picture repeated)

    @property
    def ratio(self) -> float:
        return self.fd / self.floor if self.floor > 0 else math.inf

    @property
    def key(self) -> str:
        return closeness_words(self.ratio, self.spread)[0]

    def score(self) -> float:
        """0–100 on a log scale of the ratio: 100 at the floor or under it, 0 at SCORE_MAX_RATIO or beyond."""
        r = max(1.0, self.ratio, CLOSENESS_WORDS[-2][0] if self.spread < COLLAPSED_SPREAD else 1.0)
        return 100.0 * min(1.0, max(0.0, 1.0 - math.log(r) / math.log(SCORE_MAX_RATIO)))

    def words(self) -> tuple[str, str]:
        """(short words, explanation) in English, e.g. ("not yet", "the samples have some of …")."""
        _, short, explain = closeness_words(self.ratio, self.spread)
        return short, explain


def closeness_words(ratio: float, spread: float = 1.0) -> tuple[str, str, str]:
    """(key, words, explanation) for a ratio to the floor (`CLOSENESS_WORDS`); samples whose features hardly
    vary (`spread` under COLLAPSED_SPREAD: one picture repeated) are far whatever the ratio (a small folder's
    floor is high, so its collapsed generator's ratio is lower than a large folder's)."""
    far = CLOSENESS_WORDS[-1][1]
    v = far if spread < COLLAPSED_SPREAD else next((v for bound, v in CLOSENESS_WORDS if ratio < bound), far)
    return v.key, v.words, v.explain


def _gather(images, rows: np.ndarray) -> np.ndarray:
    """`rows` of `images`: an array, or a list of arrays read as one (the training and held-out images,
    without copying them all into one)."""
    if not isinstance(images, (list, tuple)):
        return np.asarray(images)[rows]
    parts = [np.asarray(p) for p in images if len(p)]
    starts = np.cumsum([0] + [len(p) for p in parts[:-1]])
    which = np.searchsorted(starts, rows, side="right") - 1
    return np.stack([parts[w][r - starts[w]] for w, r in zip(which, rows)])


class FolderReference:
    """The feature space and reference statistics of one folder, fitted once (a run's start).

    `images`: the folder's images (uint8 0..255 or float 0..1; NHWC or NCHW), at the training size: an array
    or a list of arrays taken as one.  `samples`: how many generated images each `measure` expects (the floor
    is computed with as many).  Only the images drawn for the floor and the reference (at most
    `samples` + MAX_REFERENCE) go through the feature network."""

    def __init__(self, images, samples: int = MAX_SAMPLES):
        n = sum(len(p) for p in images) if isinstance(images, (list, tuple)) else len(images)
        if n < MIN_IMAGES:
            raise ValueError(f"closeness needs at least {MIN_IMAGES} images in the folder, it has {n}")
        order = np.random.default_rng(SPLIT_SEED).permutation(n)
        self.m = int(min(samples, n // 2, MAX_SAMPLES))           # images on each side of the floor
        x = _as_nchw(_gather(images, order[:self.m + MAX_REFERENCE]))
        self.net = _RandomNet(x.shape[1])
        other, ref = np.arange(self.m), np.arange(self.m, len(x))
        raw = self.net(x)
        self.mean = raw[ref].mean(axis=0)
        self.std = raw[ref].std(axis=0) + 1e-6
        z = (raw - self.mean) / self.std
        # Each part of the features (the colour layout, each random layer) gets the same number of whitened
        # PCA directions, so that edges and textures weigh as much as where the colours are.
        parts = self.net.parts
        per = int(max(1, min(FEATURE_DIM, len(ref) // 4, self.m // 4) // len(parts)))
        self.basis = np.zeros((raw.shape[1], per * len(parts)))
        for i, (a, b) in enumerate(parts):
            block = z[ref, a:b]
            vals, vecs = np.linalg.eigh(block.T @ block / max(1, len(ref) - 1))   # ascending
            k = min(per, len(vals))
            spread = np.sqrt(np.clip(vals[::-1][:k], 0.0, None))
            self.basis[a:b, i * per:i * per + k] = vecs[:, ::-1][:, :k] / (spread + 1e-8)
        self.dim = per * len(parts)
        self.size = n
        ref_f = z[ref] @ self.basis
        self.ref_mu, self.ref_cov = ref_f.mean(axis=0), np.cov(ref_f, rowvar=False)
        other_f = z[other] @ self.basis
        self.floor = self._fd(other_f)
        self.real_variance = float(np.trace(np.cov(other_f, rowvar=False)))

    def features(self, images) -> np.ndarray:
        """The whitened folder features of `images` (N × dim)."""
        return ((self.net(images) - self.mean) / self.std) @ self.basis

    def _fd(self, feats: np.ndarray) -> float:
        from .metrics import frechet_distance

        return frechet_distance(feats.mean(axis=0), np.cov(feats, rowvar=False), self.ref_mu, self.ref_cov)

    def measure(self, samples) -> Closeness:
        """Closeness of generated `samples` (the first `self.m` are used; at least 2)."""
        s = _as_nchw(samples)[: self.m]
        if len(s) < 2:
            raise ValueError("closeness needs at least 2 samples")
        f = self.features(s)
        spread = float(np.trace(np.cov(f, rowvar=False))) / self.real_variance if self.real_variance > 0 else 0.0
        return Closeness(fd=self._fd(f), floor=self.floor, n=len(s), spread=spread)


@dataclass(frozen=True)
class ClosenessPoint:
    """One closeness check during training, shaped like a quality check (`diagnostics.QualityPoint`'s keys,
    numbers only, so `quality.jsonl` and the window's quality channel carry it) with `folder` = 1."""

    step: int
    elapsed: float
    score: float       # `Closeness.score()`, 0–100
    fd: float
    fd_floor: float
    n: int = 0
    seconds: float = 0.0
    spread: float = 1.0            # `Closeness.spread`
    coverage: int = 0              # no classes: what a digit check's readers expect to find
    diversity_collapse: float = 0.0
    folder: int = 1

    @property
    def ratio(self) -> float:
        return self.fd / self.fd_floor if self.fd_floor > 0 else math.inf

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if not (isinstance(v, float) and not math.isfinite(v))}

    def describe(self) -> str:
        """One line: score, words, FD against the folder's own floor (`diagnostics.describe_point`)."""
        words = closeness_words(self.ratio, self.spread)[1]
        return (f"closeness {self.score:.0f}/100 ({words}) · FD {self.fd:.1f} = {self.ratio:.1f}× the folder's own "
                f"floor {self.fd_floor:.1f}")


class FolderQualityProbe(TimedProbe):
    """Measures a trainer's sampling generator against its folder every `every` seconds of training (longer
    when a check costs more than MAX_SHARE of the time); the reference is fitted at once."""

    def __init__(self, trainer, images, every: float = 10.0, samples: int = 256, seed: int = 2026):
        super().__init__(trainer, every)
        self.reference = FolderReference(images, samples=samples)
        self.seed = int(seed)

    def check(self) -> ClosenessPoint:
        t = self.trainer
        c = self.reference.measure(t.sample(self.reference.m, seed=self.seed))
        return ClosenessPoint(step=t.step_count, elapsed=t.elapsed, score=c.score(), fd=c.fd, fd_floor=c.floor,
                              n=c.n, spread=c.spread)


def folder_report(samples, folder_images) -> list[str]:
    """What `gan-studio evaluate` says about a run on a folder, in English: closeness, diversity, near-copies."""
    from .training.diagnostics import DIVERSITY_COLLAPSE, sample_diversity

    lines = []
    try:
        ref = FolderReference(folder_images, samples=len(samples))
        c = ref.measure(samples)
        short, explain = c.words()
        lines.append(f"closeness to the folder: {short} — {c.ratio:.1f}× the folder's own split-half distance "
                     f"(Fréchet distance {c.fd:.1f}, floor {c.floor:.1f}, {c.n} samples, in features of a fixed "
                     f"random network whitened on the folder; under {CLOSENESS_WORDS[0][0]:g}×: close); {explain}")
    except ValueError as exc:
        lines.append(f"closeness to the folder: not measured ({exc})")
    div = sample_diversity(samples, folder_images)
    lines.append(f"diversity: the samples vary {div.ratio:.2f}× as much as the folder's images (pixel distance "
                 f"at 16×16; under {DIVERSITY_COLLAPSE:.2f}: collapsed)")
    copies = "some samples are near-copies of training images" if div.nearest < NEAR_COPY else "no near-copies"
    lines.append(f"near-copies: the nearest training image lies at {div.nearest:.2f}× the training images' own "
                 f"nearest-neighbour distance (under {NEAR_COPY:g}: near-copies) — {copies}")
    return lines
