"""A trained generator ready for sampling: from a run folder or an exported file.

An exported generator is one `.safetensors` file holding the (EMA) generator's
weights with its `ModelConfig`, class names and provenance as JSON metadata.
Images are addressed by (model, seed, index): `latents(seed, n)` row i is the
same for every n, so any image can be made again exactly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..config import ConfigError, ModelConfig
from ..images import to_uint8
from .latent import seed_latents
from ..run_folders.runs import (GENERATOR_FORMAT, WEIGHTS_FILE, RunError, RunFolder, load_prefixed, atomic_save_safetensors,
                   read_safetensors)

if TYPE_CHECKING:   # torch loads on first use: the window shows before PyTorch is imported
    import torch

BATCH = 256


@dataclass
class GeneratorModel:
    module: torch.nn.Module
    config: ModelConfig
    name: str
    source: Path
    class_names: list[str] = field(default_factory=list)
    step: int = 0
    provenance: dict = field(default_factory=dict)

    @property
    def latent_dim(self) -> int:
        return self.config.latent_dim

    @property
    def conditional(self) -> bool:
        return self.config.conditional

    @property
    def num_classes(self) -> int:
        return self.config.num_classes

    @property
    def dataset(self) -> dict:
        """What the run recorded about its training data (source, class names, inverted, …); {} when unknown."""
        d = self.provenance.get("dataset") if isinstance(self.provenance, dict) else None
        return d if isinstance(d, dict) else {}

    @property
    def inverted(self) -> bool:
        """Whether the training images were inverted (light backgrounds made dark), so the model draws the
        negative of what its folder looks like."""
        return bool(self.dataset.get("inverted"))

    @property
    def is_digits(self) -> bool:
        """A model of handwritten digits (MNIST or the bundled sample, or data of another or unknown source
        with the digits' shape: one gray channel, ten classes named 0–9): its views may say "digit"."""
        source = str(self.dataset.get("source") or "")
        if source in ("sample", "mnist"):               # the bundled digit sample, MNIST
            return True
        if source in ("folder", "fashion-mnist", "kmnist"):
            return False
        return (self.config.channels == 1 and self.conditional and self.num_classes == 10
                and list(self.class_names) in ([], [str(i) for i in range(10)]))

    def pixel_mapping(self) -> str:
        """How the generator's output maps to colours, in words (for exported files' metadata)."""
        c = self.config.channels
        what = ("gray (1 channel)" if c == 1 else "RGB (channels 0, 1, 2 = red, green, blue)" if c == 3
                else f"{c} channels")
        text = f"tanh output per channel: -1 = 0 (black) ... 1 = 255 (white), pixel = (value + 1) * 127.5; {what}"
        if self.inverted:
            text += ("; the training images were inverted (light backgrounds made dark): 255 - pixel gives "
                     "the colours of the original images")
        return text

    def latents(self, seed: int, n: int, truncation: float | None = None) -> np.ndarray:
        return seed_latents(seed, n, self.latent_dim, truncation)

    def _labels(self, labels, n: int):
        import torch

        if not self.conditional:
            return None
        if labels is None:
            return torch.arange(n) % self.num_classes
        arr = np.asarray(labels)
        if arr.ndim == 2:
            return torch.as_tensor(arr, dtype=torch.float32)
        if arr.ndim == 0:
            arr = np.full(n, int(arr))
        if arr.min() < 0 or arr.max() >= self.num_classes:
            raise ValueError(f"digit labels must be 0–{self.num_classes - 1}")
        return torch.as_tensor(arr, dtype=torch.long)

    def generate_float(self, latents: np.ndarray, labels=None) -> torch.Tensor:
        import torch

        z = torch.as_tensor(np.asarray(latents, dtype=np.float32))
        if z.ndim != 2 or z.shape[1] != self.latent_dim:
            raise ValueError(f"latents must have shape (N, {self.latent_dim}), got {tuple(z.shape)}")
        y = self._labels(labels, len(z))
        with torch.no_grad():
            outs = [self.module(z[i:i + BATCH], None if y is None else y[i:i + BATCH])
                    for i in range(0, len(z), BATCH)]
        return torch.cat(outs) if outs else torch.empty(0, self.config.channels, self.config.image_size, self.config.image_size)

    def generate(self, latents: np.ndarray, labels=None) -> np.ndarray:
        """uint8 images (N, H, W, C) for latents (N, D) and, for conditional models, labels (N,) or weights (N, K).

        Converted batch by batch, so only the uint8 images of all N are held at once."""
        latents = np.asarray(latents, dtype=np.float32)
        if latents.ndim != 2 or len(latents) <= BATCH:
            return to_uint8(self.generate_float(latents, labels))
        arr = None if labels is None else np.asarray(labels)
        if arr is None and self.conditional:   # the same default labels as one call would use
            arr = np.arange(len(latents)) % self.num_classes
        if arr is not None and arr.ndim == 0:
            arr = np.full(len(latents), int(arr))
        parts = [to_uint8(self.generate_float(latents[i:i + BATCH], None if arr is None else arr[i:i + BATCH]))
                 for i in range(0, len(latents), BATCH)]
        return np.concatenate(parts)

    def features(self, latents: np.ndarray, labels=None) -> np.ndarray:
        """Early-layer activations (N, F), for principal directions."""
        import torch

        z = torch.as_tensor(np.asarray(latents, dtype=np.float32))
        y = self._labels(labels, len(z))
        with torch.no_grad():
            return self.module.features(z, y).flatten(1).numpy()


def default_class_names(cfg: ModelConfig) -> list[str]:
    """Class names for a model whose data named none: its class numbers for a conditional model (MNIST's
    classes are the digits 0–9); none for an unconditional one, which has no classes."""
    return [str(i) for i in range(cfg.num_classes)] if cfg.conditional else []


def from_trainer(trainer, name: str, source=None, class_names: list[str] | None = None,
                 dataset: dict | None = None) -> GeneratorModel:
    """A snapshot of a training generator (its EMA when there is one) for the gallery and explorer;
    `dataset`: the dataset's identity (kept as provenance: where the data came from, whether it was inverted)."""
    import copy

    import torch

    module = copy.deepcopy(trainer.sampling_generator()).cpu().to(memory_format=torch.contiguous_format)
    cfg = trainer.config.model
    names = list(class_names or default_class_names(cfg)) if cfg.conditional else []   # no classes: no names
    return GeneratorModel(module.eval().requires_grad_(False), cfg, name, Path(source) if source else Path("."),
                          names, trainer.step_count,
                          {"trained_in_session": True, **({"dataset": dict(dataset)} if dataset else {})})


def _from_state(config: ModelConfig, state: dict, prefix: str) -> torch.nn.Module:
    from ..models.budget import model_size_issues   # torch: loaded when a generator is opened

    issues = model_size_issues(config, generator_only=True)   # refuse before building an absurd network
    if issues:
        raise RunError(f"this generator's model is too large: {issues[0]}")
    from ..models import build_generator

    module = build_generator(config)
    load_prefixed(module, state, prefix)
    return module.eval().requires_grad_(False)


def load_generator(path) -> GeneratorModel:
    """Load from a run folder (its EMA generator when there is one) or an exported `.safetensors` file."""
    path = Path(path)
    if not path.exists():
        raise RunError(f"{path} does not exist")
    if path.is_dir() or path.name == "run.json":
        run = RunFolder.open(path)
        if not run.has_checkpoint():
            raise RunError(f"{run.path} has no trained weights yet")
        tensors, meta = read_safetensors(run.path / WEIGHTS_FILE)
        cfg = run.config
        prefix = "G_ema." if any(k.startswith("G_ema.") for k in tensors) else "G."
        module = _from_state(cfg.model, tensors, prefix)
        names = ((run.info.get("dataset") or {}).get("class_names") or default_class_names(cfg.model)
                 if cfg.model.conditional else [])      # an unconditional model draws no classes
        return GeneratorModel(module, cfg.model, run.path.name, run.path, list(names), int(meta.get("step", 0)),
                              {"run": str(run.path), "dataset": run.info.get("dataset", {})})
    tensors, meta = read_safetensors(path)
    if meta.get("format") != GENERATOR_FORMAT:
        raise RunError(f"{path.name} is not a GAN Studio generator (format {meta.get('format')!r})")
    try:
        cfg = ModelConfig.from_dict(json.loads(meta["model"])).check()
    except (KeyError, json.JSONDecodeError, ConfigError) as exc:
        raise RunError(f"{path.name} has no usable model description ({exc})") from None
    module = _from_state(cfg, tensors, "G.")
    try:
        names = json.loads(meta.get("class_names", "[]"))
    except ValueError:
        names = None
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise RunError(f"{path.name}: its class names (the \"class_names\" entry of its metadata) are damaged — "
                       f"not a JSON list of names; export the generator again")
    try:
        provenance = json.loads(meta.get("provenance", "{}"))
    except ValueError:
        provenance = {}       # where it came from is only information: a damaged note is not worth refusing
    try:
        step = int(meta.get("step", 0))
    except ValueError:
        step = 0
    return GeneratorModel(module, cfg, meta.get("name", path.stem), path, names, step,
                          provenance if isinstance(provenance, dict) else {})


def _export_parts(model: GeneratorModel, name: str | None = None) -> tuple[dict, dict]:
    meta = {
        "format": GENERATOR_FORMAT,
        "name": name or model.name,
        "model": json.dumps(model.config.to_dict()),
        "class_names": json.dumps(model.class_names),
        "step": str(model.step),
        "provenance": json.dumps(model.provenance),
    }
    return {f"G.{k}": v.contiguous() for k, v in model.module.state_dict().items()}, meta


def export_generator(model: GeneratorModel, path, name: str | None = None) -> Path:
    """Write a single-file generator that `load_generator` opens (no optimizer, no discriminator)."""
    path = Path(path)
    tensors, meta = _export_parts(model, name)
    atomic_save_safetensors(path, tensors, meta)
    return path


def generator_to_bytes(model: GeneratorModel) -> bytes:
    """The exported-generator file as bytes (how the training process hands a snapshot to the window)."""
    from safetensors.torch import save

    tensors, meta = _export_parts(model)
    return save(tensors, meta)


def generator_from_bytes(data: bytes, source=None) -> GeneratorModel:
    """The inverse of `generator_to_bytes` (safetensors: no code can run from the bytes)."""
    import tempfile

    # safetensors' in-memory load() drops the metadata; read it through a temporary file instead.
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / "generator.safetensors"
        file.write_bytes(data)
        model = load_generator(file)
    model.source = Path(source) if source else Path(".")
    return model
