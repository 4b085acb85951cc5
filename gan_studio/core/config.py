"""Experiment configuration: dataclasses with JSON round-trip and validation.

`ExperimentConfig` = `DataConfig` + `ModelConfig` + `TrainConfig`.  Each class
has `to_dict`/`from_dict`, and `validate()` returning a list of
`ConfigIssue(field, message)`; an empty list means the config is usable.
`check()` raises `ConfigError` carrying every issue.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, ClassVar

# How a field may change once an experiment has trained (field metadata "change"):
LIVE = "live"          # applies at the next training step, even while training runs
CONTINUE = "continue"  # applies when training continues (targets, intervals, threads, device)
RESTART = "restart"    # defines the networks or the data: changing it starts a new experiment


def _f(default=None, *, change: str = RESTART, preset: bool = False, **kwargs):
    """A config field with its change rule and whether presets decide it."""
    return field(default=default, metadata={"change": change, "preset": preset}, **kwargs)

ARCHITECTURES = ("mlp", "dcgan")
LOSSES = ("ns", "hinge", "lsgan", "wgan-gp")
LOSS_LABELS = {
    "ns": "Non-saturating (classic)",
    "hinge": "Hinge",
    "lsgan": "Least squares",
    "wgan-gp": "Wasserstein + gradient penalty",
}
D_NORMS = ("none", "batch", "spectral")
UPDATES = ("alternating", "simultaneous")
D_ACTIVATIONS = ("leaky-relu", "relu")
DATA_SOURCES = ("sample", "mnist", "fashion-mnist", "kmnist", "folder")
IMAGE_SIZES = (28, 32, 64)


@dataclass(frozen=True)
class ConfigIssue:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ConfigError(ValueError):
    def __init__(self, issues: list[ConfigIssue]):
        self.issues = list(issues)
        super().__init__("; ".join(str(i) for i in self.issues))


def _range(issues, name, value, lo, hi, label, kind=int):
    if not isinstance(value, (int, float)) or isinstance(value, bool) or (kind is int and not isinstance(value, int)):
        issues.append(ConfigIssue(name, f"{label} must be a{'n integer' if kind is int else ' number'}"))
    elif not (lo <= value <= hi):
        issues.append(ConfigIssue(name, f"{label} must be {lo:g}–{hi:g} (got {value:g})"))


class _JsonMixin:
    _section: ClassVar[str] = ""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        if not isinstance(data, dict):
            raise ConfigError([ConfigIssue(cls._section or cls.__name__, "expected a JSON object")])
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError([ConfigIssue(f"{cls._section}.{k}" if cls._section else k, "unknown setting") for k in unknown])
        values = dict(data)
        for f in dataclasses.fields(cls):
            if f.name in values and isinstance(values[f.name], list) and f.name != "classes":
                values[f.name] = tuple(values[f.name])
        return cls(**values)

    def replace(self, **changes):
        return dataclasses.replace(self, **changes)

    def check(self):
        issues = self.validate()
        if issues:
            raise ConfigError(issues)
        return self


@dataclass(frozen=True)
class DataConfig(_JsonMixin):
    _section: ClassVar[str] = "data"
    source: str = _f("sample")
    path: str | None = _f(None)          # folder of images, or a local folder of IDX files
    classes: list[int] | None = _f(None)  # train on these labels only (None: all)
    holdout: int = _f(2000)              # held-out real images kept for metrics
    folder_labels: bool = _f(True)       # sub-folder names become labels for image folders

    def validate(self) -> list[ConfigIssue]:
        issues: list[ConfigIssue] = []
        if self.source not in DATA_SOURCES:
            issues.append(ConfigIssue("data.source", f"dataset must be one of {', '.join(DATA_SOURCES)}"))
        if self.source == "folder" and not self.path:
            issues.append(ConfigIssue("data.path", "choose a folder of images"))
        if self.classes is not None:
            if not self.classes:
                issues.append(ConfigIssue("data.classes", "pick at least one class"))
            elif any((not isinstance(c, int)) or c < 0 or c > 999 for c in self.classes):
                issues.append(ConfigIssue("data.classes", "classes must be integers 0–999"))
        _range(issues, "data.holdout", self.holdout, 0, 100_000, "held-out count")
        return issues


@dataclass(frozen=True)
class ModelConfig(_JsonMixin):
    _section: ClassVar[str] = "model"
    arch: str = _f("dcgan", preset=True)
    image_size: int = _f(28)              # decided by the data, not by presets
    channels: int = _f(1)
    latent_dim: int = _f(64, preset=True)
    conditional: bool = _f(False, preset=True)
    num_classes: int = _f(10)
    g_width: int = _f(64, preset=True)    # MLP: first hidden width (doubles per layer); DCGAN: base channels
    d_width: int = _f(64, preset=True)
    depth: int = _f(3, preset=True)       # MLP hidden layers
    g_batchnorm: bool = _f(True, preset=True)
    d_norm: str = _f("spectral", preset=True)
    d_activation: str = _f("leaky-relu", preset=True)  # MLP discriminator's hidden activation (the seed: relu)

    def validate(self) -> list[ConfigIssue]:
        issues: list[ConfigIssue] = []
        if self.arch not in ARCHITECTURES:
            issues.append(ConfigIssue("model.arch", f"architecture must be one of {', '.join(ARCHITECTURES)}"))
        if self.image_size not in IMAGE_SIZES:
            issues.append(ConfigIssue("model.image_size", "image size must be 28, 32 or 64"))
        if self.channels not in (1, 3):
            issues.append(ConfigIssue("model.channels", "channels must be 1 (grayscale) or 3 (RGB)"))
        _range(issues, "model.latent_dim", self.latent_dim, 1, 1024, "latent size")
        _range(issues, "model.num_classes", self.num_classes, 1, 1000, "number of classes")
        _range(issues, "model.g_width", self.g_width, 4, 2048, "generator width")
        _range(issues, "model.d_width", self.d_width, 4, 2048, "discriminator width")
        _range(issues, "model.depth", self.depth, 1, 6, "depth")
        if self.d_norm not in D_NORMS:
            issues.append(ConfigIssue("model.d_norm", f"discriminator normalisation must be one of {', '.join(D_NORMS)}"))
        if self.d_activation not in D_ACTIVATIONS:
            issues.append(ConfigIssue("model.d_activation",
                                      f"discriminator activation must be one of {', '.join(D_ACTIVATIONS)}"))
        return issues


@dataclass(frozen=True)
class TrainConfig(_JsonMixin):
    _section: ClassVar[str] = "train"
    loss: str = _f("ns", change=LIVE, preset=True)
    lr_g: float = _f(2e-4, change=LIVE, preset=True)
    lr_d: float = _f(2e-4, change=LIVE, preset=True)
    beta1: float = _f(0.5, change=LIVE, preset=True)
    beta2: float = _f(0.999, change=LIVE, preset=True)
    batch_size: int = _f(64, preset=True)
    d_steps: int = _f(1, change=LIVE, preset=True)
    # "alternating": D updates, then G against the updated D (the classic loop); "simultaneous": both
    # gradients from the same weights, then both updates — the two halves can run on two cores at once.
    updates: str = _f("alternating", change=LIVE, preset=True)
    gp_weight: float = _f(10.0, change=LIVE, preset=True)
    ema: float = _f(0.0, preset=True)          # 0 disables the generator EMA; else decay, e.g. 0.999
    seed: int = _f(0, preset=True)
    device: str = _f("auto", change=CONTINUE)
    threads: int = _f(0, change=CONTINUE)      # 0: use every core
    max_steps: int = _f(0, change=CONTINUE)    # 0: no step target
    max_seconds: float = _f(0.0, change=CONTINUE)  # 0: no time target
    sample_every: int = _f(50, change=CONTINUE)    # steps between progress-grid snapshots
    checkpoint_every: int = _f(1000, change=CONTINUE)  # steps between autosaves (0: no step-based autosave)
    autosave_seconds: float = _f(60.0, change=CONTINUE)  # seconds of training between autosaves (0: off)

    def validate(self) -> list[ConfigIssue]:
        issues: list[ConfigIssue] = []
        if self.loss not in LOSSES:
            issues.append(ConfigIssue("train.loss", f"loss must be one of {', '.join(LOSSES)}"))
        _range(issues, "train.lr_g", self.lr_g, 1e-7, 1.0, "generator learning rate", float)
        _range(issues, "train.lr_d", self.lr_d, 1e-7, 1.0, "discriminator learning rate", float)
        _range(issues, "train.beta1", self.beta1, 0.0, 0.999, "beta1", float)
        _range(issues, "train.beta2", self.beta2, 0.0, 0.99999, "beta2", float)
        _range(issues, "train.batch_size", self.batch_size, 1, 4096, "batch size")
        _range(issues, "train.d_steps", self.d_steps, 1, 20, "D:G steps")
        if self.updates not in UPDATES:
            issues.append(ConfigIssue("train.updates", f"updates must be one of {', '.join(UPDATES)}"))
        elif self.updates == "simultaneous" and self.d_steps != 1:
            issues.append(ConfigIssue("train.d_steps", "simultaneous updates take one D step per G step: set D:G steps to 1, or updates to alternating"))
        _range(issues, "train.gp_weight", self.gp_weight, 0.0, 1000.0, "gradient-penalty weight", float)
        if not (self.ema == 0 or (isinstance(self.ema, (int, float)) and 0.5 <= self.ema < 1.0)):
            issues.append(ConfigIssue("train.ema", "EMA decay must be 0 (off) or between 0.5 and 0.9999"))
        _range(issues, "train.seed", self.seed, 0, 2**31 - 1, "seed")
        _range(issues, "train.threads", self.threads, 0, 256, "thread count")
        _range(issues, "train.max_steps", self.max_steps, 0, 10**9, "step target")
        _range(issues, "train.max_seconds", self.max_seconds, 0, 10**7, "time target", float)
        _range(issues, "train.sample_every", self.sample_every, 1, 10**6, "snapshot interval")
        _range(issues, "train.checkpoint_every", self.checkpoint_every, 0, 10**9, "autosave interval")
        _range(issues, "train.autosave_seconds", self.autosave_seconds, 0, 10**7, "autosave interval in seconds", float)
        if not isinstance(self.device, str) or not self.device:
            issues.append(ConfigIssue("train.device", "device must be 'auto', 'cpu', 'cuda', 'cuda:N' or 'mps'"))
        return issues


MAX_PARAMETERS = 50_000_000   # budget: generator + discriminator parameters (≈ 200 MB of weights, ≈ 1 GB training)


def model_size_issues(model: ModelConfig, generator_only: bool = False) -> list[ConfigIssue]:
    """The model-size budget, checked before any network is allocated (counted on the meta device:
    milliseconds, no memory).  Call it where networks are built from a
    configuration someone else wrote (a run folder, an exported generator, the CLI)."""
    from .models import count_parameters

    # Spectral norm adds buffers, not parameters, and its power iteration is slow on the meta device:
    # count the same network without it (milliseconds even for absurd sizes).
    g, d = count_parameters(model)
    total = g if generator_only else g + d
    if total <= MAX_PARAMETERS:
        return []
    field_name = "model.g_width" if generator_only or g >= d else "model.d_width"
    hint = " or model.depth" if model.arch == "mlp" else ""
    what = (f"the generator would have {g:,} parameters" if generator_only else
            f"the generator and discriminator would have {total:,} parameters (G {g:,}, D {d:,})")
    return [ConfigIssue(field_name, f"{what}, more than the {MAX_PARAMETERS:,} this app allows; "
                                    f"lower {field_name}{hint}")]


@dataclass(frozen=True)
class ExperimentConfig:
    data: DataConfig = field(default_factory=DataConfig)
    model: ModelConfig = field(default_factory=ModelConfig)
    train: TrainConfig = field(default_factory=TrainConfig)
    name: str = "experiment"
    preset: str = "custom"

    def validate(self) -> list[ConfigIssue]:
        issues = self.data.validate() + self.model.validate() + self.train.validate()
        if self.model.arch == "mlp" and self.model.conditional:
            issues.append(ConfigIssue("model.conditional", "the MLP GAN is unconditional; use the conditional DCGAN"))
        if self.train.updates == "simultaneous" and self.model.d_norm == "batch":
            issues.append(ConfigIssue("model.d_norm", "simultaneous updates need a discriminator without batch norm (use none or spectral)"))
        if self.train.loss == "wgan-gp" and self.model.d_norm == "batch":
            issues.append(ConfigIssue("model.d_norm", "WGAN-GP needs a critic without batch norm (use none or spectral)"))
        return issues

    def check(self) -> "ExperimentConfig":
        issues = self.validate()
        if issues:
            raise ConfigError(issues)
        return self

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "preset": self.preset,
            "data": self.data.to_dict(),
            "model": self.model.to_dict(),
            "train": self.train.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ExperimentConfig":
        if not isinstance(data, dict):
            raise ConfigError([ConfigIssue("config", "expected a JSON object")])
        unknown = sorted(set(data) - {"name", "preset", "data", "model", "train"})
        if unknown:
            raise ConfigError([ConfigIssue(k, "unknown setting") for k in unknown])
        return cls(
            data=DataConfig.from_dict(data.get("data", {})),
            model=ModelConfig.from_dict(data.get("model", {})),
            train=TrainConfig.from_dict(data.get("train", {})),
            name=str(data.get("name", "experiment")),
            preset=str(data.get("preset", "custom")),
        )

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "ExperimentConfig":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError([ConfigIssue("config", f"not valid JSON: {exc}")]) from exc
        return cls.from_dict(data)

    def replace(self, **changes) -> "ExperimentConfig":
        return dataclasses.replace(self, **changes)


SECTIONS = {"data": DataConfig, "model": ModelConfig, "train": TrainConfig}


def field_keys(*, change: str | None = None, preset: bool | None = None) -> tuple[str, ...]:
    """Dotted keys ("train.lr_g") of the config fields with the given metadata, in declaration order."""
    keys = []
    for section, cls in SECTIONS.items():
        for f in dataclasses.fields(cls):
            if change is not None and f.metadata.get("change", RESTART) != change:
                continue
            if preset is not None and bool(f.metadata.get("preset", False)) != preset:
                continue
            keys.append(f"{section}.{f.name}")
    return tuple(keys)


def change_rule(key: str) -> str:
    """LIVE, CONTINUE or RESTART for a dotted key."""
    section, name = key.split(".", 1)
    for f in dataclasses.fields(SECTIONS[section]):
        if f.name == name:
            return f.metadata.get("change", RESTART)
    raise KeyError(key)


FIELD_LABELS = {
    "data.source": "dataset", "data.path": "data folder", "data.classes": "classes", "data.holdout": "held-out count",
    "data.folder_labels": "folder labels", "model.arch": "architecture", "model.image_size": "image size",
    "model.channels": "channels", "model.latent_dim": "latent size", "model.conditional": "conditional",
    "model.num_classes": "number of classes", "model.g_width": "generator width",
    "model.d_width": "discriminator width", "model.depth": "hidden layers", "model.g_batchnorm": "generator norm",
    "model.d_norm": "discriminator norm", "model.d_activation": "discriminator activation", "train.loss": "loss",
    "train.lr_g": "generator LR", "train.lr_d": "discriminator LR", "train.beta1": "Adam β1", "train.beta2": "Adam β2",
    "train.batch_size": "batch size", "train.d_steps": "D:G steps", "train.updates": "updates", "train.gp_weight": "gradient penalty",
    "train.ema": "EMA decay", "train.seed": "seed", "train.device": "device", "train.threads": "CPU threads",
    "train.max_steps": "step target", "train.max_seconds": "time target", "train.sample_every": "snapshot interval",
    "train.checkpoint_every": "autosave interval (steps)", "train.autosave_seconds": "autosave interval (seconds)",
}


def field_label(key: str) -> str:
    """The name the side panel shows for a dotted key ("train.lr_g" → "generator LR")."""
    return FIELD_LABELS.get(key, key)


def get_value(config: ExperimentConfig, key: str):
    section, name = key.split(".", 1)
    return getattr(getattr(config, section), name)


def with_values(config: ExperimentConfig, values: dict) -> ExperimentConfig:
    """A copy of `config` with dotted keys replaced: {"train.lr_g": 1e-3, "model.g_width": 32}."""
    by_section: dict[str, dict] = {}
    for key, value in values.items():
        section, name = key.split(".", 1)
        if section not in SECTIONS:
            raise KeyError(key)
        by_section.setdefault(section, {})[name] = value
    return config.replace(**{s: getattr(config, s).replace(**v) for s, v in by_section.items()})


def differences(a: ExperimentConfig, b: ExperimentConfig) -> dict[str, tuple]:
    """{dotted key: (value in a, value in b)} for every field that differs."""
    out = {}
    for section, cls in SECTIONS.items():
        for f in dataclasses.fields(cls):
            key = f"{section}.{f.name}"
            va, vb = get_value(a, key), get_value(b, key)
            if va != vb:
                out[key] = (va, vb)
    return out


# Derived once from the field metadata: what a running trainer accepts, what presets decide.
LIVE_TRAIN_KEYS = tuple(k.split(".", 1)[1] for k in field_keys(change=LIVE))
PRESET_KEYS = field_keys(preset=True)
