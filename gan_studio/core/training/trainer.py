"""The training loop as a plain object: `step()` does k discriminator updates
and one generator update.  No threads inside; the GUI worker and the CLI both
drive it.

Per-step metrics stay on the device until `flush()` converts a whole batch
of steps in one go (no `.item()` sync in the hot loop).  `flush()` raises
`TrainingDiverged` the moment a non-finite value appears.  Its state (checkpoints, roll-back) and
its samples are in `trainer_outputs.py` (`TrainerOutputs`, a mixin of `Trainer`).
"""

from __future__ import annotations

import concurrent.futures
import copy
import math
import time
from dataclasses import dataclass, field

import numpy as np
import torch

from ..messages import Message
from ..config import LIVE, LIVE_TRAIN_KEYS, ExperimentConfig, TrainConfig, change_rule, with_values
from .device import resolve_device, set_threads
from .augment import diff_augment
from .losses import discriminator_loss, generator_loss, gradient_penalty
from ..models import build_discriminator, build_generator, parameter_count
from .trainer_outputs import TrainerOutputs

METRIC_NAMES = ("loss_d", "loss_g", "d_real", "d_fake", "grad_norm_d", "grad_norm_g", "gp")
FIXED_SAMPLES = 64


@dataclass
class StepRecord:
    step: int
    loss_d: float
    loss_g: float
    d_real: float          # mean σ(D(x)) over the last D update
    d_fake: float          # mean σ(D(G(z)))
    grad_norm_d: float
    grad_norm_g: float
    gp: float
    lr_g: float
    lr_d: float
    images_per_s: float    # real images seen by D per second, averaged over the flush window
    elapsed: float         # seconds of training so far

    def to_dict(self) -> dict:
        return self.__dict__.copy()


# Divergence by magnitude: a healthy run's losses stay within about ±100 and its weights within about ±10
# (every preset, every loss); values this far beyond are on their way to infinity and are treated as NaN.
DIVERGED_LOSS = 1e6         # |loss_d|, |loss_g| or the gradient penalty past this
DIVERGED_WEIGHT = 1e6       # any weight of G or D past this in magnitude
_LOSS_COLUMNS = (0, 1, 6)   # loss_d, loss_g, gp in METRIC_NAMES


class TrainingDiverged(RuntimeError):
    """A loss, gradient or weight became NaN or infinite, or exploded past `DIVERGED_LOSS` /
    `DIVERGED_WEIGHT` (`values` then holds the sizes seen: {name: value})."""

    def __init__(self, step: int, metrics: list[str], values: dict | None = None):
        self.step = step
        self.metrics = metrics
        self.values = dict(values or {})
        if self.values:
            what = ", ".join(f"{m} ({self.values[m]:.2g})" if m in self.values else m for m in metrics)
            self.advice = Message(
                "Training diverged: {metrics} exploded past {limit} at step {step}. "
                "This usually means the learning rates are too high for this loss. "
                "Try halving both learning rates, switching to the non-saturating loss, "
                "or enabling spectral norm in the discriminator, then resume from the last save.",
                metrics=what, limit="1e6", step=str(step))
        else:
            self.advice = Message(
                "Training diverged: {metrics} became infinite or not-a-number at step {step}. "
                "This usually means the learning rates are too high for this loss. "
                "Try halving both learning rates, switching to the non-saturating loss, "
                "or enabling spectral norm in the discriminator, then resume from the last save.",
                metrics=", ".join(metrics), step=str(step))
        super().__init__(self.advice)


@dataclass
class TrainingData:
    """The training set as one float tensor in [-1, 1] on the training device."""

    images: torch.Tensor            # (N, C, H, W)
    labels: torch.Tensor | None     # (N,) int64
    classes: list[int] = field(default_factory=list)

    @classmethod
    def from_arrays(cls, images: np.ndarray, labels: np.ndarray | None, device) -> "TrainingData":
        if images.dtype != np.uint8 or images.ndim != 4:
            raise ValueError(f"training images must be uint8 (N, C, H, W), got {images.dtype} {images.shape}")
        if len(images) == 0:
            raise ValueError("the training set is empty (check the class filter)")
        x = torch.from_numpy(np.ascontiguousarray(images)).to(device)
        x = x.float().mul_(2 / 255).sub_(1)
        y = None
        classes: list[int] = []
        if labels is not None:
            y = torch.from_numpy(np.asarray(labels, dtype=np.int64)).to(device)
            classes = sorted(int(c) for c in np.unique(labels))
        return cls(x, y, classes)

    def __len__(self) -> int:
        return self.images.shape[0]


class Trainer(TrainerOutputs):
    def __init__(self, config: ExperimentConfig, images: np.ndarray, labels: np.ndarray | None = None, device: str | None = None):
        config.check()
        self.config = config
        m, t = config.model, config.train
        self.threads = set_threads(t.threads)
        self.device = resolve_device(device or t.device)
        if len(images) == 0:
            raise ValueError("the training set is empty (check the class filter)")
        if m.conditional and labels is None:
            raise ValueError("a conditional model needs labelled data (for image folders, put each class in its own sub-folder)")
        if images.shape[1:] != (m.channels, m.image_size, m.image_size):
            raise ValueError(
                f"images have shape {tuple(images.shape[1:])}, the model expects {(m.channels, m.image_size, m.image_size)}"
            )
        if m.conditional and labels is not None and int(np.max(labels)) >= m.num_classes:
            raise ValueError(f"labels go up to {int(np.max(labels))} but the model has {m.num_classes} classes")
        self.data = TrainingData.from_arrays(images, labels, self.device)

        torch.manual_seed(t.seed)
        self.rng = torch.Generator(device=self.device)
        self.rng.manual_seed(t.seed)
        # DiffAugment's draws: one generator per half of a step, so the two halves of a simultaneous step
        # draw the same numbers whether they run one after the other or at once.
        self._aug_d = torch.Generator(device=self.device).manual_seed(t.seed + 2)
        self._aug_g = torch.Generator(device=self.device).manual_seed(t.seed + 3)
        self.G = build_generator(m).to(self.device)
        self.D = build_discriminator(m).to(self.device)
        if self.device.type == "cpu":
            # channels_last convolutions: ~20% less CPU time per DCGAN step (benchmarks/README.md).
            # Only the layout changes; state dicts and checkpoints are unaffected.
            self.G.to(memory_format=torch.channels_last)
            self.D.to(memory_format=torch.channels_last)
        self.G_ema = copy.deepcopy(self.G).eval().requires_grad_(False) if t.ema > 0 else None
        # Fused Adam: one kernel per parameter instead of a dozen small ops (the per-step optimizer
        # time is a large share of a batch-16 step on a CPU; benchmarks/README.md "roofline").
        self._fused = self.device.type in ("cpu", "cuda")
        self.opt_g = torch.optim.Adam(self.G.parameters(), lr=t.lr_g, betas=(t.beta1, t.beta2), fused=self._fused)
        self.opt_d = torch.optim.Adam(self.D.parameters(), lr=t.lr_d, betas=(t.beta1, t.beta2), fused=self._fused)

        fixed = torch.Generator().manual_seed(t.seed + 1)
        self.fixed_z = torch.randn(FIXED_SAMPLES, m.latent_dim, generator=fixed).to(self.device)
        classes = self.data.classes or [0]
        self.fixed_labels = torch.tensor([classes[i % len(classes)] for i in range(FIXED_SAMPLES)], device=self.device)

        # Real and generated images go through D in one pass (one spectral-norm power iteration, larger
        # convolutions: benchmarks/step_speed.py), except where D has batch norm, whose statistics must
        # not mix the two batches.
        self.joint_d_pass = m.d_norm != "batch"
        self.step_count = 0
        self.elapsed = 0.0
        self._perm = torch.randperm(len(self.data), generator=self.rng, device=self.device)
        self._cursor = 0
        self._pending: list[torch.Tensor] = []
        self._window_start = time.perf_counter()
        self._zero = torch.zeros((), device=self.device)
        # Forward passes whose gradients update G or D go through these.  A distributed run
        # (core/training/distributed.py) swaps in DistributedDataParallel wrappers; `G` and `D` stay the
        # plain modules, so state dicts and checkpoints are the same as in a single process.
        self._G_train: torch.nn.Module = self.G
        self._D_train: torch.nn.Module = self.D
        self._after_updates = None   # called each step after both updates, before the EMA (distributed: buffer sync)
        self._copies = None          # simultaneous steps: frozen copies of G and D (_frozen_copies)
        self._pool = None            # simultaneous steps on two threads: the D half's worker
        self.processes = 1           # processes training together, each on its own batches; images/s counts them all

    # ------------------------------------------------------------------ info
    def parameter_counts(self) -> dict[str, int]:
        return {"generator": parameter_count(self.G), "discriminator": parameter_count(self.D)}

    # ------------------------------------------------------------ hyper-params
    def apply_live(self, changes: dict) -> ExperimentConfig:
        """Take any LIVE field between steps — {"train.lr_g": 1e-3, …}, whatever the field: the descriptors'
        change rule (`core/config.py`) decides which may change — and bring the optimizers in line; the next
        `step()` uses them.  Raises ValueError for a field that cannot change while training and ConfigError
        for an invalid value (the config stays as it was)."""
        fixed = sorted(k for k in changes if change_rule(k) != LIVE)
        if fixed:
            raise ValueError(f"{', '.join(fixed)} cannot change while training (live: {', '.join(LIVE_TRAIN_KEYS)})")
        changes = {k: v for k, v in changes.items() if v is not None}
        if changes:
            self.config = with_values(self.config, changes).check()
            self._sync_optimizers()
        return self.config

    def set_hparams(self, **changes) -> TrainConfig:
        """`apply_live` with plain training keys: `set_hparams(lr_g=1e-3)`."""
        return self.apply_live({f"train.{k}": v for k, v in changes.items()}).train

    def _sync_optimizers(self) -> None:
        """The optimizers' learning rates and betas from the config."""
        t = self.config.train
        for opt, lr in ((self.opt_g, t.lr_g), (self.opt_d, t.lr_d)):
            for group in opt.param_groups:
                group["lr"] = lr
                group["betas"] = (t.beta1, t.beta2)

    # ------------------------------------------------------------------ loop
    def _next_batch(self, n: int):
        if self._cursor + n > len(self._perm):
            self._perm = torch.randperm(len(self.data), generator=self.rng, device=self.device)
            self._cursor = 0
        idx = self._perm[self._cursor: self._cursor + n]
        self._cursor += n
        x = self.data.images[idx]
        y = self.data.labels[idx] if self.data.labels is not None else None
        return x, y

    def reseed_batches(self, seed: int) -> None:
        """Restart the stream of batches, noise and labels from `seed`, with a new data order."""
        self.rng.manual_seed(seed)
        self._perm = torch.randperm(len(self.data), generator=self.rng, device=self.device)
        self._cursor = 0

    def _noise(self, n: int) -> torch.Tensor:
        return torch.randn(n, self.config.model.latent_dim, generator=self.rng, device=self.device)

    def _fake_labels(self, n: int):
        if not self.config.model.conditional:
            return None
        idx = torch.randint(len(self.data), (n,), generator=self.rng, device=self.device)
        return self.data.labels[idx]

    @staticmethod
    def _grad_norm(module: torch.nn.Module) -> torch.Tensor:
        grads = [p.grad for p in module.parameters() if p.grad is not None]
        return torch.linalg.vector_norm(torch.stack(torch._foreach_norm(grads))) if grads else torch.zeros(())

    def step(self) -> None:
        """One training step: `d_steps` discriminator updates, then one generator update (alternating),
        or one of each computed from the same weights (simultaneous)."""
        if not self._pending:  # the clock runs while steps run, not while the caller is idle
            self._window_start = time.perf_counter()
        t = self.config.train
        bs = min(t.batch_size, len(self.data))
        cond = self.config.model.conditional
        self.G.train()
        self.D.train()
        if t.updates == "simultaneous":
            self._simultaneous_step(t, bs, cond)
            return
        for _ in range(t.d_steps):
            x, y = self._next_batch(bs)
            z = self._noise(bs)
            y_fake = y if cond else None
            with torch.no_grad():
                fake = self.G(z, y_fake)
            loss_d, real_logits, fake_logits, gp = self._d_loss(t, x, fake, y_fake)
            self.opt_d.zero_grad(set_to_none=True)
            loss_d.backward()
            grad_d = self._grad_norm(self.D)
            self.opt_d.step()

        z = self._noise(bs)
        y_fake = self._fake_labels(bs)
        for p in self.D.parameters():
            p.requires_grad_(False)
        # D's parameters are frozen here, so the plain D: its weights get no gradient to synchronise.
        fake_logits_g = self.D(diff_augment(self._G_train(z, y_fake), t.augment, self._aug_g), y_fake)
        loss_g = generator_loss(t.loss, fake_logits_g)
        self.opt_g.zero_grad(set_to_none=True)
        loss_g.backward()
        for p in self.D.parameters():
            p.requires_grad_(True)
        grad_g = self._grad_norm(self.G)
        self.opt_g.step()
        self._finish_step(t, loss_d, loss_g, real_logits, fake_logits, grad_d, grad_g, gp)

    def _d_loss(self, t: TrainConfig, x: torch.Tensor, fake: torch.Tensor, labels):
        """(D's loss, its logits on the real batch, on the generated one, the gradient penalty or zero).
        The generated batch was drawn for the real batch's labels.  Both batches go through D in one pass
        where `joint_d_pass` allows it."""
        if t.augment != "none":
            x = diff_augment(x, t.augment, self._aug_d)
            fake = diff_augment(fake, t.augment, self._aug_d)
        if self.joint_d_pass:
            logits = self._D_train(torch.cat([x, fake]), torch.cat([labels, labels]) if labels is not None else None)
            real_logits, fake_logits = logits[:x.shape[0]], logits[x.shape[0]:]
        else:
            real_logits = self._D_train(x, labels)
            fake_logits = self._D_train(fake, labels)
        loss_d = discriminator_loss(t.loss, real_logits, fake_logits)
        gp = self._zero
        if t.loss == "wgan-gp" and t.gp_weight > 0:
            gp = gradient_penalty(self._D_train, x, fake, labels, self.rng)
            loss_d = loss_d + t.gp_weight * gp
        return loss_d, real_logits, fake_logits, gp

    # ------------------------------------------------------- simultaneous
    def _frozen_copies(self):
        """(G', D'): copies of the networks, without gradients, that the two halves of a simultaneous step
        read instead of the live G and D.  D' runs in eval mode: spectral norm uses the vectors of D's
        last power iteration and does not iterate again, so the G half neither reads D while the D half
        updates it nor writes D's buffers.  G' keeps batch statistics (train mode) like the G of an
        alternating D update; its own running statistics are never used."""
        if self._copies is None:
            g = copy.deepcopy(self.G).requires_grad_(False).train()
            d = copy.deepcopy(self.D).requires_grad_(False).eval()
            self._copies = (g, d, list(g.parameters()), list(self.G.parameters()),
                            list(d.parameters()) + list(d.buffers()), list(self.D.parameters()) + list(self.D.buffers()))
        g, d, g_to, g_from, d_to, d_from = self._copies
        with torch.no_grad():
            torch._foreach_copy_(g_to, g_from)
            torch._foreach_copy_(d_to, d_from)
        return g, d

    def _parallel_halves(self) -> bool:
        """Run the two halves of a simultaneous step on two threads (each with half the intra-op threads):
        on a CPU with at least two threads to give, in a single process (a distributed run's collectives
        must keep one order)."""
        return self.device.type == "cpu" and self.threads >= 2 and self.processes == 1 and self._D_train is self.D

    def _simultaneous_step(self, t: TrainConfig, bs: int, cond: bool) -> None:
        """One simultaneous step: D's gradient (real batch against G's current fakes) and G's gradient
        (against D as it is) from the same weights, then both updates.  The same numbers whether the two
        halves run one after the other or at once on two threads (tests/core/test_trainer.py)."""
        x, y = self._next_batch(bs)
        z_d = self._noise(bs)
        z_g = self._noise(bs)
        y_g = self._fake_labels(bs)
        g_copy, d_copy = self._frozen_copies()
        self.opt_d.zero_grad(set_to_none=True)
        self.opt_g.zero_grad(set_to_none=True)
        y_d = y if cond else None

        # Each half also updates its own network: the other half reads only the frozen copy of it, so the
        # optimizer steps need not wait for both halves to finish.
        def d_half():
            loss_d, real_logits, fake_logits, gp = self._d_loss(t, x, g_copy(z_d, y_d), y_d)
            loss_d.backward()
            grad_d = self._grad_norm(self.D)
            self.opt_d.step()
            return loss_d, real_logits, fake_logits, gp, grad_d

        # The G half is the shorter one: it also averages G's new weights, unless a distributed run must first
        # synchronise buffers (`_after_updates`, after both updates).
        ema_in_half = self.G_ema is not None and self._after_updates is None

        def g_half():
            loss_g = generator_loss(t.loss, d_copy(diff_augment(self._G_train(z_g, y_g), t.augment, self._aug_g), y_g))
            loss_g.backward()
            grad_g = self._grad_norm(self.G)
            self.opt_g.step()
            if ema_in_half:
                self._update_ema(t.ema)
            return loss_g, grad_g

        (loss_d, real_logits, fake_logits, gp, grad_d), (loss_g, grad_g) = self._run_halves(d_half, g_half)
        self._finish_step(t, loss_d, loss_g, real_logits, fake_logits, grad_d, grad_g, gp, ema_done=ema_in_half)

    def _run_halves(self, d_half, g_half):
        """(d_half(), g_half()): at once on two threads where `_parallel_halves` allows, else one after the other."""
        if not self._parallel_halves():
            return d_half(), g_half()
        if self._pool is None:
            self._pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="gan-studio-d-half")
        torch.set_num_threads(max(1, self.threads // 2))
        try:
            pending = self._pool.submit(d_half)
            try:
                g_result = g_half()
            except BaseException:
                concurrent.futures.wait([pending])   # never leave the D half running into the next step
                raise
            return pending.result(), g_result
        finally:
            torch.set_num_threads(self.threads)

    def _finish_step(self, t, loss_d, loss_g, real_logits, fake_logits, grad_d, grad_g, gp, ema_done=False) -> None:
        if self._after_updates is not None:
            self._after_updates()
        if self.G_ema is not None and not ema_done:
            self._update_ema(t.ema)
        with torch.no_grad():
            self._pending.append(torch.stack([
                loss_d.detach(), loss_g.detach(),
                torch.sigmoid(real_logits.detach()).mean(), torch.sigmoid(fake_logits.detach()).mean(),
                grad_d, grad_g, gp.detach(),
            ]))
        self.step_count += 1

    @torch.no_grad()
    def _update_ema(self, decay: float) -> None:
        # Warm-up: average fast at first so early snapshots are not stuck at the initial weights.
        decay = min(decay, (1 + self.step_count) / (10 + self.step_count))
        ema_params = list(self.G_ema.parameters())
        torch._foreach_lerp_(ema_params, list(self.G.parameters()), 1 - decay)
        for b_ema, b in zip(self.G_ema.buffers(), self.G.buffers()):
            b_ema.copy_(b)

    def flush(self) -> list[StepRecord]:
        """Convert the metrics of the steps since the last flush to floats.

        Training time (`elapsed`, images/s) runs from the first step after a
        flush to the next flush, so idle time between chunks is not counted.

        Raises `TrainingDiverged` if any of them is NaN or infinite."""
        if not self._pending:
            return []
        now = time.perf_counter()
        window = now - self._window_start
        self._window_start = now
        self.elapsed += window
        values = torch.stack(self._pending).cpu().numpy().astype(np.float64)
        n = len(self._pending)
        first_step = self.step_count - n + 1
        self._pending.clear()
        bad = ~np.isfinite(values)
        if bad.any():
            row, _ = np.argwhere(bad)[0]
            names = [METRIC_NAMES[c] for c in np.unique(np.argwhere(bad[row])[:, 0])]
            raise TrainingDiverged(first_step + int(row), names)
        huge = np.zeros_like(bad)
        huge[:, _LOSS_COLUMNS] = np.abs(values[:, _LOSS_COLUMNS]) > DIVERGED_LOSS
        if huge.any():
            row, _ = np.argwhere(huge)[0]
            cols = np.unique(np.argwhere(huge[row])[:, 0])
            raise TrainingDiverged(first_step + int(row), [METRIC_NAMES[c] for c in cols],
                                   {METRIC_NAMES[c]: float(values[row, c]) for c in cols})
        self._check_weights()
        t = self.config.train
        speed = n * min(t.batch_size, len(self.data)) * t.d_steps * self.processes / window if window > 0 else math.nan
        return [
            StepRecord(first_step + i, *values[i].tolist(), lr_g=t.lr_g, lr_d=t.lr_d, images_per_s=speed,
                       elapsed=self.elapsed - window * (n - 1 - i) / n)
            for i in range(n)
        ]

    @torch.no_grad()
    def _check_weights(self) -> None:
        """TrainingDiverged when a weight of G or D is not finite or past `DIVERGED_WEIGHT` (one max per
        tensor, once a flush: a few hundred microseconds for the largest preset)."""
        peaks = {}
        for name, net in (("G weights", self.G), ("D weights", self.D)):
            params = [p.detach() for p in net.parameters()]
            if params:
                peaks[name] = float(torch.stack([p.abs().amax() for p in params]).amax())
        broken = [n for n, v in peaks.items() if not math.isfinite(v)]
        if broken:
            raise TrainingDiverged(self.step_count, broken)
        huge = {n: v for n, v in peaks.items() if v > DIVERGED_WEIGHT}
        if huge:
            raise TrainingDiverged(self.step_count, list(huge), huge)

    # --------------------------------------------------------------- targets
    def target_reached(self) -> bool:
        t = self.config.train
        return (t.max_steps > 0 and self.step_count >= t.max_steps) or (t.max_seconds > 0 and self.elapsed >= t.max_seconds)

    def progress(self) -> float | None:
        """Fraction of the step or time target done (the larger), None without a target."""
        t = self.config.train
        parts = []
        if t.max_steps > 0:
            parts.append(self.step_count / t.max_steps)
        if t.max_seconds > 0:
            parts.append(self.elapsed / t.max_seconds)
        return min(1.0, max(parts)) if parts else None
