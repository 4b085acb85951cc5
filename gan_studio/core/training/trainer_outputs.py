"""What comes out of a Trainer besides its steps: its whole state (checkpoints, the in-memory roll-back copy)
and its samples (the fixed-noise sheet, seeded samples, the Learn tab's probe).

A mixin of `Trainer` (`core/training/trainer.py`), which holds the networks, optimizers and data it reads.
"""

from __future__ import annotations

import copy
import dataclasses
import json

import numpy as np
import torch

from ..config import LIVE_TRAIN_KEYS, ExperimentConfig, TrainConfig
from ..run_folders.runs import load_prefixed


class TrainerOutputs:
    """`Trainer.state` / `load_state` / `capture` / `restore`, and `generate`, `sample`, `fixed_samples`, `probe`."""

    # ------------------------------------------------------------------ state
    def state(self) -> dict:
        """Everything training changes, as flat tensors + string metadata: the checkpoint format.

        {"weights": tensors, "weights_meta": strs, "optim": tensors, "optim_meta": strs}.  `RunFolder`
        writes the two halves as safetensors files; `capture()` keeps a private copy in memory.  The
        tensors are the live ones: copy them before training goes on."""
        weights = {f"G.{k}": v for k, v in self.G.state_dict().items()}
        weights.update({f"D.{k}": v for k, v in self.D.state_dict().items()})
        if self.G_ema is not None:
            weights.update({f"G_ema.{k}": v for k, v in self.G_ema.state_dict().items()})
        weights["fixed_z"] = self.fixed_z
        weights["fixed_labels"] = self.fixed_labels
        optim: dict[str, torch.Tensor] = {}
        optim_meta: dict[str, str] = {}
        for name, opt in (("opt_g", self.opt_g), ("opt_d", self.opt_d)):
            state = opt.state_dict()
            for idx, pstate in state["state"].items():
                for key, value in pstate.items():
                    optim[f"{name}.{idx}.{key}"] = torch.as_tensor(value)
            optim_meta[name] = json.dumps(state["param_groups"])
        optim["rng_state"] = self.rng.get_state()
        optim["augment_rng_d"] = self._aug_d.get_state()
        optim["augment_rng_g"] = self._aug_g.get_state()
        optim["data_order"] = self._perm
        optim_meta.update(cursor=str(self._cursor), step=str(self.step_count), elapsed=repr(self.elapsed))
        return {"weights": weights, "weights_meta": {"config": self.config.to_json(), "step": str(self.step_count)},
                "optim": optim, "optim_meta": optim_meta}

    def load_state(self, state: dict) -> None:
        """Continue from a `state()` (same architecture; the caller checks that first).

        Training hyper-parameters come back as they were saved (live changes are kept in the
        optimizer groups); device, threads, targets and intervals stay as this trainer has them."""
        weights, optim, optim_meta = state["weights"], state["optim"], state["optim_meta"]
        load_prefixed(self.G, weights, "G.")
        load_prefixed(self.D, weights, "D.")
        if self.G_ema is not None:
            if any(k.startswith("G_ema.") for k in weights):
                load_prefixed(self.G_ema, weights, "G_ema.")
            else:
                self.G_ema.load_state_dict(self.G.state_dict())
        self.fixed_z = weights["fixed_z"].to(self.device)
        self.fixed_labels = weights["fixed_labels"].to(self.device)
        for name, optimizer in (("opt_g", self.opt_g), ("opt_d", self.opt_d)):
            groups = json.loads(optim_meta[name])
            for group in groups:  # how the update is computed is this trainer's choice, not the checkpoint's
                group.update(fused=self._fused, foreach=None)
            per_param: dict[int, dict] = {}
            prefix = f"{name}."
            params = [p for group in optimizer.param_groups for p in group["params"]]
            for key, value in optim.items():
                if key.startswith(prefix):
                    idx, field_name = key[len(prefix):].split(".", 1)
                    param = params[int(idx)]
                    if value.shape == param.shape:
                        # Moment buffers in the parameter's memory layout (channels-last convolutions):
                        # the fused Adam kernel walks both in storage order and would silently pair
                        # the wrong elements of a checkpoint's contiguous copy.
                        value = torch.empty_like(param).copy_(value)
                    else:
                        value = value.clone()
                    per_param.setdefault(int(idx), {})[field_name] = value
            optimizer.load_state_dict({"state": per_param, "param_groups": groups})
        saved = ExperimentConfig.from_json(state["weights_meta"]["config"]).train
        keep = {k: getattr(self.config.train, k) for k in (f.name for f in dataclasses.fields(TrainConfig))
                if k not in LIVE_TRAIN_KEYS}
        self.config = self.config.replace(train=saved.replace(**keep))
        self.rng.set_state(optim["rng_state"].clone())
        if "augment_rng_d" in optim:      # saves from before DiffAugment have none: the seed's start stays
            self._aug_d.set_state(optim["augment_rng_d"].clone())
            self._aug_g.set_state(optim["augment_rng_g"].clone())
        self._perm = optim["data_order"].to(self.device)
        self._cursor = int(optim_meta["cursor"])
        self.step_count = int(optim_meta["step"])
        self.elapsed = float(optim_meta["elapsed"])
        self._pending.clear()

    def capture(self) -> dict:
        """A private in-memory copy of `state()` (for rolling back a divergence)."""
        return copy.deepcopy(self.state())

    def restore(self, state: dict) -> None:
        """Return to a `capture()`d state; the copy stays usable for another restore."""
        self.load_state(state)

    # -------------------------------------------------------------- sampling
    def sampling_generator(self) -> torch.nn.Module:
        return self.G_ema if self.G_ema is not None else self.G

    @torch.no_grad()
    def generate(self, z: torch.Tensor, labels: torch.Tensor | None = None) -> torch.Tensor:
        """Images in [-1, 1] from the (EMA) generator in eval mode."""
        g = self.sampling_generator()
        was_training = g.training
        g.eval()
        try:
            out = g(z.to(self.device), labels.to(self.device) if labels is not None else None)
        finally:
            g.train(was_training)
        return out

    def grid_columns(self) -> int | None:
        """Columns of the progress grid: one per class a conditional model's fixed samples cycle through
        (each digit in its own column, as in the window), None (square-ish) otherwise."""
        if not self.config.model.conditional:
            return None
        k = len(set(self.fixed_labels.tolist()))
        return k if 1 < k <= 16 else None

    def fixed_samples(self) -> np.ndarray:
        """The progress grid's images as uint8 (N, H, W, C)."""
        labels = self.fixed_labels if self.config.model.conditional else None
        x = self.generate(self.fixed_z, labels)
        return ((x.clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8).permute(0, 2, 3, 1).cpu().numpy().copy()

    def sample(self, n: int, seed: int = 0, labels=None) -> np.ndarray:
        gen = torch.Generator().manual_seed(seed)
        z = torch.randn(n, self.config.model.latent_dim, generator=gen)
        if self.config.model.conditional and labels is None:
            classes = self.data.classes
            labels = torch.tensor([classes[i % len(classes)] for i in range(n)])
        x = self.generate(z, torch.as_tensor(labels) if labels is not None else None)
        return ((x.clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8).permute(0, 2, 3, 1).cpu().numpy().copy()

    @torch.no_grad()
    def probe(self, n: int = 4) -> dict:
        """A few real and generated images with the discriminator's outputs for them (the Learn tab's graph).

        Leaves training exactly as it was: its own random generator (not the batch stream's), both networks
        in eval mode for the forward passes (no batch-norm statistics or spectral-norm vectors move).
        Returns numpy values: "real"/"fake" uint8 (n, H, W, C), "score_real"/"score_fake" D's raw outputs,
        "d_real"/"d_fake" σ of them (what D(x), D(G(z)) in the metrics average), "labels" (conditional) or None."""
        if not hasattr(self, "_probe_rng"):
            self._probe_rng = torch.Generator(device=self.device)
            self._probe_rng.manual_seed(self.config.train.seed + 2)
        n = max(1, min(int(n), len(self.data)))
        idx = torch.randint(len(self.data), (n,), generator=self._probe_rng, device=self.device)
        x = self.data.images[idx]
        cond = self.config.model.conditional
        y = self.data.labels[idx] if cond and self.data.labels is not None else None
        z = torch.randn(n, self.config.model.latent_dim, generator=self._probe_rng, device=self.device)
        modes = (self.G.training, self.D.training)
        self.G.eval()
        self.D.eval()
        try:
            fake = self.G(z, y)
            score_real = self.D(x, y).flatten().float()
            score_fake = self.D(fake, y).flatten().float()
        finally:
            self.G.train(modes[0])
            self.D.train(modes[1])

        def to_uint8(t):
            return ((t.clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8).permute(0, 2, 3, 1).cpu().numpy().copy()

        return {"real": to_uint8(x), "fake": to_uint8(fake),
                "score_real": score_real.cpu().numpy().astype(float).tolist(),
                "score_fake": score_fake.cpu().numpy().astype(float).tolist(),
                "d_real": torch.sigmoid(score_real).cpu().numpy().astype(float).tolist(),
                "d_fake": torch.sigmoid(score_fake).cpu().numpy().astype(float).tolist(),
                "labels": y.cpu().numpy().astype(int).tolist() if y is not None else None}
