"""What the GAN is doing, in plain words: the live quality probe, its verdicts and the warnings.

* `QualityProbe` scores the sampling generator (the EMA copy when there is one)
  with the shipped digit classifier (`metrics.QualityMeter`) on a fixed set of
  latents, every `QUALITY_EVERY_SECONDS` of training.  It runs in the training
  process (`TrainingSession.advance`), never in the window.
* `verdict(point)` turns a score into a few words ("grey noise" … "near
  real"); the thresholds below come from measurements (see `VERDICTS`).
* `Watchdog` reads metric rows and quality points and raises a
  `TrainingWarning` that names the failure and what to try: mode collapse and
  "the discriminator wins".  Divergence is detected by the trainer
  (`TrainingDiverged`); `divergence_warning` gives it the same shape.

No Qt here (a test checks).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from ..messages import Message

QUALITY_EVERY_SECONDS = 10.0    # seconds of training between two quality checks
QUALITY_SAMPLES = 500           # generated images per check (cost: benchmarks/quality_meter_cost.py)
MAX_SHARE = 0.04                # a check never takes more than this share of training time: when one costs
                                # more than 4 % of the interval (a slow or busy machine), the next waits longer
QUALITY_SEED = 2024             # the checks always use the same latents, so the curve shows G, not sampling noise
DIGIT_SOURCES = ("sample", "mnist")   # the classifier knows handwritten digits only

QUALITY_KEYS = ("step", "elapsed", "score", "fd", "fd_floor", "coverage", "collapse", "class_collapse",
                "diversity_collapse", "confidence", "n", "seconds")


# ---------------------------------------------------------------- quality
@dataclass
class QualityPoint:
    """One quality check (what `quality.jsonl` holds, one JSON object a line)."""

    step: int
    elapsed: float               # seconds of training at the check
    score: float                 # 0–100 (`QualityReport.score`)
    fd: float                    # Fréchet distance of classifier features, generated vs held-out real
    fd_floor: float              # the same between two real sets of the same size
    coverage: int                # digit classes drawn recognisably (of 10)
    collapse: float = 0.0        # 0..1 (`QualityReport.collapse`)
    class_collapse: float = 0.0
    diversity_collapse: float = 0.0   # 1 - per-sample feature diversity / real digits' diversity
    confidence: float = 0.0
    n: int = 0
    seconds: float = 0.0         # what the check cost

    @property
    def fd_ratio(self) -> float:
        return self.fd / self.fd_floor if self.fd_floor > 0 else math.inf

    def to_dict(self) -> dict:
        out = {}
        for k in QUALITY_KEYS:
            v = getattr(self, k)
            if isinstance(v, float) and not math.isfinite(v):
                continue                 # JSON has no NaN: a missing key reads back as the default
            out[k] = v
        return out

    @classmethod
    def from_dict(cls, row: dict) -> "QualityPoint":
        """From a dict as written by `to_dict` (ValueError when a required value is missing or not a number)."""
        values = {}
        for k in QUALITY_KEYS:
            if k not in row:
                continue
            v = row[k]
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise ValueError(f"quality row: {k} must be a number, got {v!r}")
            values[k] = int(v) if k in ("step", "coverage", "n") else float(v)
        missing = [k for k in ("step", "score", "fd", "fd_floor", "coverage") if k not in values]
        if missing:
            raise ValueError(f"quality row lacks {', '.join(missing)}")
        values.setdefault("elapsed", 0.0)
        return cls(**values)


def is_folder_point(point) -> bool:
    """A quality row (dict or point) that is a folder closeness check (`folder_quality.ClosenessPoint`) rather
    than a digit quality check."""
    get = point.get if isinstance(point, dict) else (lambda k, d=None: getattr(point, k, d))
    return bool(get("folder", 0))


def is_digit_data(data_config) -> bool:
    """The classifier scores handwritten digits; on other images its numbers mean nothing."""
    return data_config.source in DIGIT_SOURCES


class TimedProbe:
    """A check of a trainer every `every` seconds of training, spaced further when checks cost more than
    MAX_SHARE of the time.  A subclass's `check()` returns its point (a dataclass with `seconds`)."""

    def __init__(self, trainer, every: float):
        self.trainer = trainer
        self.every = float(every)
        self.last_elapsed: float | None = None
        self.last_seconds = 0.0         # what the last check cost
        self.max_share = MAX_SHARE

    def interval(self) -> float:
        """Seconds of training until the next check: `every`, or longer when checks cost more than MAX_SHARE."""
        return max(self.every, self.last_seconds / self.max_share)

    def due(self) -> bool:
        return self.last_elapsed is None or self.trainer.elapsed - self.last_elapsed >= self.interval()

    def measure(self):
        import dataclasses

        t0 = time.perf_counter()
        point = self.check()
        self.last_elapsed = self.trainer.elapsed
        self.last_seconds = time.perf_counter() - t0
        return dataclasses.replace(point, seconds=self.last_seconds)

    def check(self):
        raise NotImplementedError


class QualityProbe(TimedProbe):
    """Scores a trainer's sampling generator against held-out real digits, every `every` seconds of training."""

    def __init__(self, trainer, heldout_images, n: int = QUALITY_SAMPLES, every: float = QUALITY_EVERY_SECONDS,
                 meter=None):
        from ..metrics import QualityMeter

        if len(heldout_images) < 8:
            raise ValueError("the quality meter needs at least 8 held-out real images")
        super().__init__(trainer, every)
        self.n = int(n)
        self.meter = meter or QualityMeter.load_default()
        self.reference = self.meter.reference(heldout_images)

    def check(self) -> QualityPoint:
        t = self.trainer
        report = self.meter.evaluate(t.sample(self.n, seed=QUALITY_SEED), self.reference)
        return QualityPoint(step=t.step_count, elapsed=t.elapsed, score=report.score(), fd=report.fd,
                            fd_floor=report.fd_floor, coverage=report.coverage, collapse=report.collapse,
                            class_collapse=report.class_collapse, diversity_collapse=report.diversity_collapse,
                            confidence=report.confidence, n=report.n)


# ---------------------------------------------------------------- diversity (any dataset)
DIVERSITY_SIDE = 16             # images are averaged down to 16×16 before distances are taken
DIVERSITY_SAMPLES = 128         # generated (and at most this many real) images per diversity check
DIVERSITY_EVERY_SECONDS = 15.0  # seconds of training between two diversity checks
DIVERSITY_SEED = 2025


@dataclass(frozen=True)
class DiversityReport:
    """How varied generated images are, against the real ones, from pixels alone (nothing downloaded).

    samples / real: mean pairwise distance between images (averaged down to 16×16, values 0..1);
    ratio = samples / real (≈1: varies like the folder; near 0: every image alike, a collapse);
    nearest: median distance from a generated image to its nearest real one, over the real images' own
    median nearest-neighbour distance (well under 1: near-copies of training images)."""

    samples: float
    real: float
    ratio: float
    nearest: float


def _small(images, side: int = DIVERSITY_SIDE):
    import numpy as np

    x = np.asarray(images, dtype=np.float32)
    if x.ndim == 3:
        x = x[:, None]
    if x.shape[-1] in (1, 3) and x.shape[1] not in (1, 3):
        x = x.transpose(0, 3, 1, 2)                  # NHWC → NCHW
    x = x / 255.0 if x.max() > 1.5 else x
    n, c, h, w = x.shape
    f = max(1, h // side)
    h2, w2 = (h // f) * f, (w // f) * f
    x = x[:, :, :h2, :w2].reshape(n, c, h2 // f, f, w2 // f, f).mean(axis=(3, 5))
    return x.reshape(n, -1).astype(np.float64)


def _pairwise(a, b):
    import numpy as np

    d = (a * a).sum(1)[:, None] + (b * b).sum(1)[None, :] - 2 * a @ b.T
    return np.sqrt(np.maximum(d, 0.0) / a.shape[1])


def sample_diversity(samples, real, max_real: int = 512) -> DiversityReport:
    """A `DiversityReport` of generated `samples` against `real` images (uint8 or 0..1, NCHW or NHWC)."""
    import numpy as np

    s = _small(samples)
    r = _small(real[:max_real] if len(real) > max_real else real)
    ds, dr = _pairwise(s, s), _pairwise(r, r)
    iu_s, iu_r = np.triu_indices(len(s), 1), np.triu_indices(len(r), 1)
    spread_s = float(ds[iu_s].mean()) if len(s) > 1 else 0.0
    spread_r = float(dr[iu_r].mean()) if len(r) > 1 else 0.0
    np.fill_diagonal(dr, np.inf)
    real_nn = float(np.median(dr.min(axis=1))) if len(r) > 1 else 0.0
    gen_nn = float(np.median(_pairwise(s, r).min(axis=1)))
    return DiversityReport(spread_s, spread_r, spread_s / spread_r if spread_r > 0 else 0.0,
                           gen_nn / real_nn if real_nn > 0 else math.inf)


class DiversityProbe:
    """Checks a trainer's sampling generator for collapse on any dataset, every `every` seconds of training:
    `sample_diversity` of `n` samples (fixed latents) against the training images."""

    def __init__(self, trainer, real_images, n: int = DIVERSITY_SAMPLES, every: float = DIVERSITY_EVERY_SECONDS):
        import numpy as np

        self.trainer = trainer
        self.n = int(n)
        self.every = float(every)
        pick = np.random.default_rng(DIVERSITY_SEED).permutation(len(real_images))[:512]
        self.real = np.asarray(real_images)[np.sort(pick)]
        self.last_elapsed: float | None = None

    def due(self) -> bool:
        return self.last_elapsed is None or self.trainer.elapsed - self.last_elapsed >= self.every

    def measure(self) -> DiversityReport:
        self.last_elapsed = self.trainer.elapsed
        return sample_diversity(self.trainer.sample(self.n, seed=DIVERSITY_SEED), self.real)


# ---------------------------------------------------------------- verdicts
@dataclass(frozen=True)
class Verdict:
    key: str
    words: str          # what the samples look like, in two or three words
    explain: str        # one sentence


# Lowest score of each stage, best first.  How they were measured: `benchmarks/quality_meter_cost.py stages`
# trained quick-digits on MNIST (500 samples a check, every 5 s of training, against 2,000 held-out test
# digits drawn from the whole test file; real-vs-real floor 13.6 at 500 samples) and saved the grid of each
# check; the grids were looked at beside their scores (benchmarks/README.md, "Quality meter"), 2026-11-30:
#   score 24  (FD 65× the floor, 0 classes)   an untrained generator: uniform grey          -> grey noise
#   score 35  (3 classes; earlier calibration) blurred blobs where digits sit                 -> shapes
#   score 56  (20×, 8 classes)                broken strokes, some digits readable           -> digits, blotchy
#   score 73–80 (4.8–8.4×, 10 classes)        most digits readable, ragged strokes          -> digits, blotchy
#   score 83–91 (2.0–3.6×, 10 classes)        every class recognisable, strokes a little rough -> good digits
#   score 93–97 (1.2–1.7×, 10 classes)        clean digits (from ~55 s of training on)        -> near real
# the collapsed seed-mlp (one speckled blob, 0–1 class) scores in the 20s: grey noise / shapes.
VERDICTS: tuple[tuple[float, Verdict], ...] = (
    (92.0, Verdict("near-real", "near real", "Hard to tell from real handwriting; the score rises only slowly now.")),
    (82.0, Verdict("good", "good digits", "Every digit is readable; strokes still a little rough.")),
    (45.0, Verdict("blotchy", "digits, blotchy", "Digits appear, with broken or smudged strokes.")),
    (30.0, Verdict("shapes", "shapes", "Blobs and strokes where digits sit, but no readable digits yet.")),
    (0.0, Verdict("noise", "grey noise", "Nothing like a digit yet: grey noise or one grey blob.")),
)


def verdict(point_or_score) -> Verdict:
    score = point_or_score.score if isinstance(point_or_score, QualityPoint) else float(point_or_score)
    for low, v in VERDICTS:
        if score >= low:
            return v
    return VERDICTS[-1][1]


# ---------------------------------------------------------------- warnings
@dataclass(frozen=True)
class TrainingWarning:
    kind: str           # "collapse", "d-wins", "diverged" or "not-saved" (core/training/session.py); "collapse-ended"
                        # and "d-wins-ended" when those conditions clear (`ended_warning`)
    step: int
    title: str
    text: str           # what is happening, from the numbers
    advice: str         # what to try

    def to_dict(self) -> dict:
        return {"kind": self.kind, "step": self.step, "title": self.title, "text": self.text, "advice": self.advice}

    def message(self) -> str:
        if self.kind.endswith(ENDED):
            return f"the {self.kind[:-len(ENDED)]} warning is over (step {self.step:,})"
        return f"{self.title} (step {self.step:,}): {self.text} {self.advice}"


# The collapse warning's one-click fix (the window's Branch dialog opens with it filled in): the calmer recipe of
# the seed-mlp-fixed preset that a branch can apply without touching the networks.
COLLAPSE_FIX = {"train.loss": "hinge", "train.beta1": 0.5, "train.lr_g": 5e-4, "train.lr_d": 5e-4}

# The fix for an MLP built like the seed's (no batch norm in G, or ReLU in D): the recipe alone brought lesson 1
# back on 1 seed of 3 (benchmarks/README.md, "lesson_fixes.py"), because that network is the limit.  So the fix
# rebuilds the networks as lesson 2's preset (seed-mlp-fixed) builds them — same layer sizes — and trains them
# afresh from step 0 with its recipe; the new run still names the collapsed run and step as its parent
# (`TrainingSession.branch` starts afresh when the changes define the networks).
MLP_REBUILD_FIX = {"model.g_batchnorm": True, "model.d_activation": "leaky-relu", "train.batch_size": 32,
                   "train.ema": 0.999, **COLLAPSE_FIX}


def collapse_fix(config) -> dict:
    """The fix the collapse warning offers for a run of `config`: `MLP_REBUILD_FIX` (fresh networks) for an MLP
    without batch norm in G or with ReLU in D, else `COLLAPSE_FIX` (same networks, calmer recipe).  Only the
    keys whose value differs from the run's are kept."""
    from ..config import get_value

    m = config.model
    fix = MLP_REBUILD_FIX if m.arch == "mlp" and (not m.g_batchnorm or m.d_activation == "relu") else COLLAPSE_FIX
    return {k: v for k, v in fix.items() if get_value(config, k) != v}


def rebuilds(changes: dict) -> bool:
    """The changes define the networks: a branch with them starts fresh networks from step 0."""
    from ..config import RESTART, change_rule

    return any(change_rule(k) == RESTART for k in changes)

ENDED = "-ended"       # a warning of kind "<kind>-ended" says that the "<kind>" warning's condition is over


def ended_warning(kind: str, step: int) -> TrainingWarning:
    """The report that a warning's condition has cleared (the window withdraws the warning)."""
    return TrainingWarning(kind + ENDED, int(step), "", "", "")


def trouble_start(points, warned_step: int) -> int:
    """The step where the trouble behind a collapse warning at `warned_step` began, from the quality history
    (dicts or `QualityPoint`s): the best-scoring check that was still healthy — samples varied (diversity_collapse
    under COLLAPSE_DIVERSITY) with no classes lost — before the warning; 0 when no check was healthy (the run
    never drew varied digits, like the seed's MLP: the trouble began at the start)."""
    rows = []
    for p in points:
        get = p.get if isinstance(p, dict) else p.__dict__.get
        step = int(get("step") or 0)
        if step <= warned_step:
            rows.append((step, float(get("score") or 0.0), float(get("diversity_collapse") or 0.0),
                         int(get("coverage") or 0)))
    best_coverage = 0
    healthy = []
    for step, score, diversity, coverage in rows:
        best_coverage = max(best_coverage, coverage)
        if diversity < COLLAPSE_DIVERSITY and best_coverage - coverage < COVERAGE_DROP:
            healthy.append((score, step))
    if not healthy:
        return 0
    return max(healthy)[1]


def fix_snapshot(snapshot_steps, points, warned_step: int) -> int | None:
    """The snapshot a collapse fix branches from: the last one at or before `trouble_start`, else the first
    (the trouble began before any snapshot); None when the run has no snapshot before the warning."""
    steps = sorted(int(s) for s in snapshot_steps if int(s) <= warned_step)
    if not steps:
        return None
    start = trouble_start(points, warned_step)
    before = [s for s in steps if s <= start]
    return before[-1] if before else steps[0]


def divergence_warning(advice: str, step: int) -> TrainingWarning:
    """The trainer's divergence report (`TrainingDiverged.advice`) as a warning like the others."""
    return TrainingWarning("diverged", int(step), "Training diverged", advice, "")


# Thresholds of the warnings (measured: see `VERDICTS` and benchmarks/README.md, "Quality meter").
# Measured diversity_collapse: an untrained generator 0.97–0.99 (uniform grey); quick-digits 0.52 after 11 s,
# 0.33 at 28 s, 0.21 at 60 s; seed-mlp as written 0.97–0.99 from the start to 3 minutes (one speckled blob).
COLLAPSE_DIVERSITY = 0.6        # diversity_collapse at or above this: samples far less varied than real digits …
DIVERSE = 0.45                  # … after the run had reached this (it was varied, and it fell), or
STUCK_DIVERSITY = 0.9           # at or above this …
STUCK_SECONDS = 45.0            # … still after this much training (it never became varied)
DIVERSITY_COLLAPSE = 0.35       # any dataset: samples' spread under this share of the real images' …
DIVERSITY_OK = 0.5              # … after the run had reached this, or
DIVERSITY_STUCK = 0.2           # under this still after STUCK_SECONDS of training
COVERAGE_DROP = 4               # classes lost from the run's best coverage so far
COLLAPSE_CHECKS = 2             # consecutive quality checks that must agree before the warning
DWINS_REAL = 0.95               # D(x) at least this …
DWINS_FAKE = 0.05               # … and D(G(z)) at most this …
DWINS_SECONDS = 30.0            # … for this many seconds of training
DWINS_SMOOTHING = 0.9           # per-step exponential average of D's outputs before the test
DWINS_LOSSES = ("ns",)          # the D outputs are probabilities only for the logistic loss


class Watchdog:
    """Reads metric rows and quality checks as they come and raises each warning once while it lasts.

    `add_rows` / `add_quality` return the warnings that start with this input; a warning may fire again
    after its condition has cleared."""

    def __init__(self, loss: str = "ns", stuck_seconds: float = STUCK_SECONDS):
        self.loss = loss
        self.stuck_seconds = float(stuck_seconds)
        self.reset()

    def reset(self) -> None:
        self._real = self._fake = None
        self._dwins_since: float | None = None
        self._dwins_on = False
        self._best_coverage = 0
        self._best_diversity = 1.0      # the lowest diversity_collapse so far
        self._collapse_run = 0
        self._collapse_on = False
        self._best_ratio = 0.0          # the highest diversity ratio so far (add_diversity)
        self.active: dict[str, TrainingWarning] = {}

    # ---- D wins
    def add_rows(self, rows) -> list[TrainingWarning]:
        out = []
        if self.loss not in DWINS_LOSSES:
            return out
        b = DWINS_SMOOTHING
        for r in rows:
            get = r.get if isinstance(r, dict) else r.__dict__.get
            real, fake, elapsed, step = get("d_real"), get("d_fake"), get("elapsed"), get("step")
            if real is None or fake is None or not (math.isfinite(real) and math.isfinite(fake)):
                continue
            self._real = real if self._real is None else b * self._real + (1 - b) * real
            self._fake = fake if self._fake is None else b * self._fake + (1 - b) * fake
            if self._real >= DWINS_REAL and self._fake <= DWINS_FAKE:
                if self._dwins_since is None:
                    self._dwins_since = float(elapsed or 0.0)
                if not self._dwins_on and float(elapsed or 0.0) - self._dwins_since >= DWINS_SECONDS:
                    self._dwins_on = True
                    w = TrainingWarning(
                        "d-wins", int(step),
                        "The discriminator wins",
                        Message("For {seconds} s of training D has called real digits real (D(x) ≈ {real}) and "
                                "generated ones fake (D(G(z)) ≈ {fake}), so the generator learns almost nothing "
                                "from it.", seconds=f"{DWINS_SECONDS:.0f}", real=f"{self._real:.2f}",
                                fake=f"{self._fake:.2f}"),
                        "Try: halve the discriminator's learning rate, keep D:G steps at 1, or use a preset whose "
                        "discriminator is held back (spectral norm: Quick digits, Classic MLP GAN — fixed).")
                    self.active["d-wins"] = w
                    out.append(w)
            else:
                self._dwins_since = None
                if self._dwins_on:
                    self._dwins_on = False
                    self.active.pop("d-wins", None)
                    out.append(ended_warning("d-wins", step))
        return out

    # ---- mode collapse on any dataset (pixels, no classifier)
    def _collapse_check(self, collapsed: bool, step: int) -> list[TrainingWarning] | None:
        """Count the checks in a row that look collapsed (quality or diversity).  None: warn now (the caller
        builds the warning); else what to report instead: nothing, or that a collapse shown before is over."""
        if collapsed:
            self._collapse_run += 1
        else:
            self._collapse_run = 0
            if self._collapse_on:
                self._collapse_on = False
                self.active.pop("collapse", None)
                return [ended_warning("collapse", step)]
        if self._collapse_run < COLLAPSE_CHECKS or self._collapse_on:
            return []
        self._collapse_on = True
        return None

    def add_diversity(self, step: int, elapsed: float, report: DiversityReport) -> list[TrainingWarning]:
        """A `DiversityProbe` check: the collapse warning for data the digit classifier does not know."""
        self._best_ratio = max(self._best_ratio, report.ratio)
        fell = report.ratio < DIVERSITY_COLLAPSE and self._best_ratio >= DIVERSITY_OK
        stuck = report.ratio < DIVERSITY_STUCK and elapsed >= self.stuck_seconds
        reports = self._collapse_check(fell or stuck, step)
        if reports is not None:
            return reports
        w = TrainingWarning(
            "collapse", int(step), "Mode collapse",
            Message("The samples vary only {percent} % as much as the training images do: the generator draws "
                    "nearly the same picture for every input.", percent=f"{100 * report.ratio:.0f}"),
            "Try: wait a little (a small folder's run may recover by itself), roll back to a snapshot from "
            "before it, lower both learning rates, or turn on Augmentation (DiffAugment) in Advanced.")
        self.active["collapse"] = w
        return [w]

    # ---- mode collapse
    def add_quality_row(self, row: dict) -> list[TrainingWarning]:
        """`add_quality` for a row of quality.jsonl (a run followed from its folder); a damaged row: none."""
        if is_folder_point(row):
            return []
        try:
            return self.add_quality(QualityPoint.from_dict(row))
        except ValueError:
            return []

    def add_quality(self, point: QualityPoint) -> list[TrainingWarning]:
        """Warnings from a quality check: classes lost, samples all alike.  A folder's closeness check
        (`folder_quality.ClosenessPoint`) has no classes to lose: none (its collapse is the pixel-diversity
        probe's, `add_diversity`)."""
        if is_folder_point(point):
            return []
        self._best_coverage = max(self._best_coverage, point.coverage)
        self._best_diversity = min(self._best_diversity, point.diversity_collapse)
        lost = self._best_coverage - point.coverage
        fell = point.diversity_collapse >= COLLAPSE_DIVERSITY and self._best_diversity <= DIVERSE
        stuck = point.diversity_collapse >= STUCK_DIVERSITY and point.elapsed >= self.stuck_seconds
        same = fell or stuck
        reports = self._collapse_check(same or lost >= COVERAGE_DROP, point.step)
        if reports is not None:
            return reports
        if same:
            what = Message("the samples are nearly all the same image: they vary {percent} % as much as real digits",
                           percent=f"{100 * (1 - point.diversity_collapse):.0f}")
        else:
            what = Message("it drew {best} digit classes earlier and only {now} now", best=str(self._best_coverage),
                           now=str(point.coverage))
        w = TrainingWarning(
            "collapse", point.step, "Mode collapse",
            Message("The generator is collapsing: {what}.", what=what),
            "Try: go back to a snapshot from before it started and train on with a calmer recipe (hinge loss, "
            "Adam β1 0.5), or use a preset whose generator normalises its layers (Classic MLP GAN — fixed, Quick "
            "digits); a conditional generator covers every class by construction.")
        self.active["collapse"] = w
        return [w]


def describe_point(point: QualityPoint) -> str:
    """One line: score, verdict, FD against the floor, classes (a folder's closeness check: its words, no
    classes)."""
    if is_folder_point(point):
        return point.describe()
    return (f"score {point.score:.0f}/100 ({verdict(point).words}) · FD {point.fd:.1f} = {point.fd_ratio:.1f}× the "
            f"real-vs-real floor {point.fd_floor:.1f} · {point.coverage}/10 classes")
