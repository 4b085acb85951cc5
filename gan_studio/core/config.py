"""Experiment configuration: dataclasses with JSON round-trip, validation and field descriptors.

`ExperimentConfig` = `DataConfig` + `ModelConfig` + `TrainConfig`.  Each class
has `to_dict`/`from_dict`, and `validate()` returning a list of
`ConfigIssue(field, message)`; an empty list means the config is usable.
`check()` raises `ConfigError` carrying every issue.

Every field carries its description in its dataclass metadata (`_f(...)`): the
label a form shows, the name a sentence uses, the valid range and step, the unit,
the hint (a tooltip sentence; `{lo}`/`{hi}` are filled from the range), the widget
kind, the choices and their labels, which form group shows it, and its lifecycle
(`change`: LIVE / CONTINUE / RESTART; `branch`: a branch from a snapshot may change
it).  `field_spec(key)` reads it as a `FieldSpec`; validation takes its ranges and
choices from the same place, and the app's forms (app/forms.py) are built from it.
A field added here appears in every form, tooltip and translation that shows it.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .messages import Message

# How a field may change once an experiment has trained (field metadata "change"):
LIVE = "live"          # applies at the next training step, even while training runs
CONTINUE = "continue"  # applies when training continues (targets, intervals, threads, device)
RESTART = "restart"    # defines the networks or the data: changing it starts a new experiment

# Widget kinds a form builds for a field (field metadata "widget"):
INT = "int"            # a spin box over lo..hi with `step`
FLOAT = "float"        # a text field taking any number notation (2e-4), checked against lo..hi
CHOICE = "choice"      # a drop-down of `choices` (value → label)
BOOL = "bool"          # a check box whose text is `check`
DEVICE = "device"      # a drop-down of the compute devices found at run time
TEXT = "text"          # set by a view of its own (paths, class lists): no generic widget


def _f(default=None, *, change: str = RESTART, preset: bool = False, branch: bool = False, label: str = "",
       name: str = "", what: str = "", hint: str = "", unit: str = "", widget: str = TEXT, lo=None, hi=None,
       step=None, choices: dict | None = None, check: str = "", example: str = "", group: str = "",
       only_if: tuple | None = None, hide_off: bool = False, zero_off: bool = False, **kwargs):
    """A config field with its descriptor.

    change: LIVE / CONTINUE / RESTART (above); preset: presets decide it; branch: a branch from a snapshot may
    change it.  label: the form's label ("Generator LR"); name: the field in a sentence ("generator LR");
    what: the noun validation messages use (default: name).  hint: the tooltip sentence ({lo}/{hi} filled
    in); unit: a suffix ("s").  widget: INT, FLOAT, CHOICE, BOOL, DEVICE or TEXT; lo/hi: the valid range
    (validated, and a spin box's limits); step: a spin box's step; choices: {value: label} (validated);
    check: a check box's text; example: a text field's placeholder.  group: the form group showing it
    ("model", "optimisation", "advanced", "device", "data"; "" = no generic form).  only_if: (key, values)
    — the field means something only then (the form disables it then, or hides it with hide_off, and a hidden
    field's issues do not block).  zero_off: 0 turns it off,
    any other value must be in lo..hi (checked by the section's own rule).
    """
    meta = dict(change=change, preset=preset, branch=branch, label=label, name=name, what=what or name, hint=hint,
                unit=unit, widget=widget, lo=lo, hi=hi, step=step, choices=dict(choices or {}), check=check,
                example=example, group=group, only_if=only_if, hide_off=hide_off, zero_off=zero_off)
    return field(default=default, metadata=meta, **kwargs)

ARCH_LABELS = {"dcgan": "DCGAN (convolutional)", "mlp": "MLP (fully connected)"}
LOSS_LABELS = {
    "ns": "Non-saturating (classic)",
    "hinge": "Hinge",
    "lsgan": "Least squares",
    "wgan-gp": "Wasserstein + gradient penalty",
}
D_NORM_LABELS = {"none": "None", "batch": "Batch norm", "spectral": "Spectral norm"}
UPDATE_LABELS = {"alternating": "Alternating (D, then G)", "simultaneous": "Simultaneous (D and G at once)"}
AUGMENT_LABELS = {"none": "None", "diffaug": "DiffAugment (colour, shift, cutout)",
                  "shift-cutout": "DiffAugment (shift, cutout; colours kept)"}
INVERT_LABELS = {
    "auto": "Automatic (gray line art on light: invert)",
    "invert": "Invert (light strokes on dark)",
    "keep": "Keep as drawn",
}
UPSAMPLE_LABELS = {"transposed": "Transposed convolution", "nearest": "Nearest-neighbour, then convolution"}
D_ACTIVATION_LABELS = {"leaky-relu": "Leaky ReLU", "relu": "ReLU"}
SOURCE_LABELS = {
    "sample": "Offline sample (ships with the app)",
    "mnist": "MNIST",
    "fashion-mnist": "Fashion-MNIST",
    "kmnist": "KMNIST",
    "folder": "Folder of my images…",
}
ARCHITECTURES = ("mlp", "dcgan")
LOSSES = tuple(LOSS_LABELS)
D_NORMS = tuple(D_NORM_LABELS)
UPDATES = tuple(UPDATE_LABELS)
D_ACTIVATIONS = tuple(D_ACTIVATION_LABELS)
DATA_SOURCES = tuple(SOURCE_LABELS)
IMAGE_SIZES = (28, 32, 64, 128)


@dataclass(frozen=True)
class ConfigIssue:
    field: str
    message: str          # English; a `Message` carries the template and values a view translates it by

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ConfigError(ValueError):
    def __init__(self, issues: list[ConfigIssue]):
        self.issues = list(issues)
        super().__init__("; ".join(str(i) for i in self.issues))


def _range(issues, name, value, lo, hi, label, kind=int):
    if not isinstance(value, (int, float)) or isinstance(value, bool) or (kind is int and not isinstance(value, int)):
        issues.append(ConfigIssue(name, Message("{label} must be an integer", label=label) if kind is int
                                  else Message("{label} must be a number", label=label)))
    elif not (lo <= value <= hi):
        issues.append(ConfigIssue(name, Message("{label} must be {lo}–{hi} (got {value})",
                                                label=label, lo=f"{lo:g}", hi=f"{hi:g}", value=f"{value:g}")))


def _check_fields(obj, section: str) -> list[ConfigIssue]:
    """The issues every field's descriptor states: a value outside its choices or its range."""
    issues: list[ConfigIssue] = []
    for f in dataclasses.fields(obj):
        meta, value, key = f.metadata, getattr(obj, f.name), f"{section}.{f.name}"
        if meta.get("choices") and meta.get("widget") == CHOICE:
            if value not in meta["choices"]:
                issues.append(ConfigIssue(key, Message("{label} must be one of {choices}", label=meta["what"],
                                                       choices=", ".join(meta["choices"]))))
        elif meta.get("lo") is not None and not meta.get("zero_off"):
            _range(issues, key, value, meta["lo"], meta["hi"], meta["what"], float if meta["widget"] == FLOAT else int)
    return issues


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
    source: str = _f("sample", label="Dataset", name="dataset", widget=CHOICE, choices=SOURCE_LABELS, group="data",
                     hint="Where the training images come from")
    # folder of images, or a local folder of IDX files
    path: str | None = _f(None, label="Data folder", name="data folder")
    # train on these labels only (None: all)
    classes: list[int] | None = _f(None, label="Classes", name="classes")
    # held-out real images kept for metrics
    holdout: int = _f(2000, label="Held-out count", name="held-out count", widget=INT, lo=0, hi=100_000,
                      hint="Real images kept aside to measure the generator, not trained on ({lo}–{hi}).")
    # sub-folder names become labels for image folders
    folder_labels: bool = _f(True, label="Folder labels", name="folder labels", widget=BOOL, group="data",
                             check="Sub-folders are classes",
                             hint="Use each sub-folder's name as a class label (needed for conditional models)")
    # folder images: light-on-dark inversion, for grayscale line art only (colour images are never inverted)
    invert: str = _f("auto", label="Inversion", name="inversion", widget=CHOICE, choices=INVERT_LABELS,
                     group="data", only_if=("data.source", ("folder",)),
                     hint="Grayscale folders only: draw dark strokes on light as light on dark, as MNIST is "
                          "drawn. Automatic inverts a gray folder whose images are mostly light; colour images "
                          "are never inverted.")

    def validate(self) -> list[ConfigIssue]:
        issues = _check_fields(self, "data")
        if self.source == "folder" and not self.path:
            issues.append(ConfigIssue("data.path", "choose a folder of images"))
        if self.classes is not None:
            if not self.classes:
                issues.append(ConfigIssue("data.classes", "pick at least one class"))
            elif any((not isinstance(c, int)) or c < 0 or c > 999 for c in self.classes):
                issues.append(ConfigIssue("data.classes", "classes must be integers 0–999"))
        return issues


@dataclass(frozen=True)
class ModelConfig(_JsonMixin):
    _section: ClassVar[str] = "model"
    arch: str = _f("dcgan", preset=True, label="Architecture", name="architecture", widget=CHOICE,
                   choices=ARCH_LABELS, group="model",
                   hint="DCGAN: convolutional, the better choice for images. MLP: the original fully connected GAN.")
    # decided by the data, not by presets
    image_size: int = _f(28, label="Image size", name="image size")
    channels: int = _f(1, label="Channels", name="channels")
    conditional: bool = _f(False, preset=True, label="Conditional", name="conditional", widget=BOOL, group="model",
                           check="Tell the networks the class",
                           hint="A conditional GAN is given the class label, so you can ask for a specific digit.")
    latent_dim: int = _f(64, preset=True, label="Latent size", name="latent size", widget=INT, lo=1, hi=1024, step=8,
                         group="model",
                         hint="Length of the random noise vector the generator starts from ({lo}–{hi}).")
    num_classes: int = _f(10, label="Number of classes", name="number of classes", widget=INT, lo=1, hi=1000)
    # MLP: first hidden width (doubles per layer); DCGAN: base channels
    g_width: int = _f(64, preset=True, label="Generator width", name="generator width", widget=INT, lo=4, hi=2048,
                      step=8, group="model",
                      hint="DCGAN: base number of channels. MLP: first hidden layer width (doubles per layer). "
                           "{lo}–{hi}.")
    d_width: int = _f(64, preset=True, label="Discriminator width", name="discriminator width", widget=INT, lo=4,
                      hi=2048, step=8, group="model",
                      hint="Capacity of the discriminator, like the generator width ({lo}–{hi}).")
    # DCGAN generator: how it doubles the resolution
    g_upsample: str = _f("transposed", preset=True, label="Generator upsampling", name="generator upsampling",
                         widget=CHOICE, choices=UPSAMPLE_LABELS, group="model",
                         only_if=("model.arch", ("dcgan",)),
                         hint="DCGAN only: transposed convolutions (the classic DCGAN), or nearest-neighbour "
                              "enlargement followed by a 3×3 convolution, which avoids checkerboard patterns.")
    # MLP hidden layers
    depth: int = _f(3, preset=True, label="Hidden layers", name="hidden layers", what="depth", widget=INT, lo=1, hi=6,
                    group="model", only_if=("model.arch", ("mlp",)), hide_off=True,
                    hint="MLP only: number of hidden layers ({lo}–{hi}).")
    g_batchnorm: bool = _f(True, preset=True, label="Generator norm", name="generator norm", widget=BOOL,
                           group="model", check="Batch norm in the generator",
                           hint="Batch normalisation between generator layers; usually stabilises DCGAN training.")
    d_norm: str = _f("spectral", preset=True, label="Discriminator norm", name="discriminator norm",
                     what="discriminator normalisation", widget=CHOICE, choices=D_NORM_LABELS, group="model",
                     hint="Spectral norm keeps the discriminator smooth (recommended); WGAN-GP must not use batch "
                          "norm.")
    # MLP discriminator's hidden activation (the seed: relu)
    d_activation: str = _f("leaky-relu", preset=True, label="Discriminator activation",
                           name="discriminator activation", widget=CHOICE, choices=D_ACTIVATION_LABELS)

    def validate(self) -> list[ConfigIssue]:
        issues = _check_fields(self, "model")
        if self.image_size not in IMAGE_SIZES:
            issues.append(ConfigIssue("model.image_size", "image size must be 28, 32, 64 or 128"))
        if self.channels not in (1, 3):
            issues.append(ConfigIssue("model.channels", "channels must be 1 (grayscale) or 3 (RGB)"))
        return issues


@dataclass(frozen=True)
class TrainConfig(_JsonMixin):
    _section: ClassVar[str] = "train"
    loss: str = _f("ns", change=LIVE, preset=True, branch=True, label="Loss", name="loss", widget=CHOICE,
                   choices=LOSS_LABELS, group="optimisation", hint="How real and fake images are scored.")
    lr_g: float = _f(2e-4, change=LIVE, preset=True, branch=True, label="Generator LR", name="generator LR",
                     what="generator learning rate", widget=FLOAT, lo=1e-7, hi=1.0, example="2e-4",
                     group="optimisation",
                     hint="Adam learning rate of the generator, e.g. 2e-4 ({lo}–{hi}).")
    lr_d: float = _f(2e-4, change=LIVE, preset=True, branch=True, label="Discriminator LR",
                     name="discriminator LR", what="discriminator learning rate", widget=FLOAT, lo=1e-7, hi=1.0,
                     example="2e-4", group="optimisation",
                     hint="Adam learning rate of the discriminator, e.g. 2e-4 ({lo}–{hi}).")
    beta1: float = _f(0.5, change=LIVE, preset=True, branch=True, label="Adam β1", name="Adam β1", what="beta1",
                      widget=FLOAT, lo=0.0, hi=0.999, example="0.5", group="advanced",
                      hint="Adam momentum ({lo}–{hi}); GANs usually use 0.5.")
    beta2: float = _f(0.999, change=LIVE, preset=True, label="Adam β2", name="Adam β2", what="beta2", widget=FLOAT,
                      lo=0.0, hi=0.99999, example="0.999", group="advanced",
                      hint="Adam second-moment decay ({lo}–{hi}).")
    batch_size: int = _f(64, preset=True, label="Batch size", name="batch size", widget=INT, lo=1, hi=4096, step=16,
                         group="optimisation", hint="Images per training step ({lo}–{hi}).")
    d_steps: int = _f(1, change=LIVE, preset=True, branch=True, label="D:G steps", name="D:G steps", widget=INT,
                      lo=1, hi=20, group="optimisation",
                      hint="Discriminator updates per generator update ({lo}–{hi}; WGAN-GP uses 5).")
    # "alternating": D updates, then G against the updated D (the classic loop); "simultaneous": both
    # gradients from the same weights, then both updates — the two halves can run on two cores at once.
    updates: str = _f("alternating", change=LIVE, preset=True, label="Updates", name="updates", widget=CHOICE,
                      choices=UPDATE_LABELS, group="optimisation",
                      hint="Alternating: D learns, then G learns against the updated D. Simultaneous: both learn "
                           "from the same moment, so the two halves of a step run on two CPU cores at once "
                           "(needs D:G steps 1 and no batch norm in D).")
    gp_weight: float = _f(10.0, change=LIVE, preset=True, label="Gradient penalty", name="gradient penalty",
                          what="gradient-penalty weight", widget=FLOAT, lo=0.0, hi=1000.0, example="10",
                          group="advanced", only_if=("train.loss", ("wgan-gp",)),
                          hint="WGAN-GP only: weight of the gradient penalty ({lo}–{hi}).")
    augment: str = _f("none", change=LIVE, preset=True, label="Augmentation", name="augmentation",
                      widget=CHOICE, choices=AUGMENT_LABELS, group="advanced",
                      hint="DiffAugment changes every image the discriminator sees, real and generated alike "
                           "(colour, a small shift, a cut-out square), so it cannot memorise a small folder.")
    # 0 disables the generator EMA; else decay, e.g. 0.999
    ema: float = _f(0.0, preset=True, label="EMA decay", name="EMA decay", widget=FLOAT, lo=0.5, hi=0.9999,
                    zero_off=True, example="0 = off", group="advanced",
                    hint="Exponential moving average of the generator's weights for smoother samples: "
                         "0 (off) or {lo}–{hi}, e.g. 0.999.")
    seed: int = _f(0, preset=True, label="Seed", name="seed", widget=INT, lo=0, hi=2**31 - 1, group="advanced",
                   hint="Random seed: the same seed and settings give the same run.")
    device: str = _f("auto", change=CONTINUE, label="Compute on", name="device", widget=DEVICE, group="device",
                     hint="Auto picks the fastest device found (CUDA, then Apple MPS, then the CPU).")
    # 0: use every core
    threads: int = _f(0, change=CONTINUE, label="CPU threads", name="CPU threads", what="thread count", widget=INT,
                      lo=0, hi=256, group="device", hint="Threads PyTorch may use on the CPU (0 = every core).")
    # 0: no step target
    max_steps: int = _f(0, change=CONTINUE, label="Step target", name="step target", widget=INT, lo=0, hi=10**9)
    # 0: no time target
    max_seconds: float = _f(0.0, change=CONTINUE, label="Time target", name="time target", widget=FLOAT, lo=0,
                            hi=10**7, unit="s")
    # steps between progress-grid snapshots
    sample_every: int = _f(50, change=CONTINUE, label="Snapshot interval", name="snapshot interval", widget=INT,
                           lo=1, hi=10**6)
    # disk a run folder may take (MB): snapshots are thinned to fit what the rest of the run leaves (0: no budget)
    disk_mb: float = _f(60.0, change=CONTINUE, label="Disk budget per run", name="disk budget per run",
                        what="disk budget", widget=FLOAT, lo=0, hi=100000, unit="MB", zero_off=True, example="60",
                        group="advanced",
                        hint="Most disk one run folder may take, in MB ({lo}–{hi}; 0 = no budget): the run keeps "
                             "fewer, more widely spaced snapshots (the newest always) and thins its older curve points "
                             "to stay within it.")
    # steps between autosaves (0: no step-based autosave)
    checkpoint_every: int = _f(1000, change=CONTINUE, label="Autosave interval (steps)",
                               name="autosave interval (steps)", what="autosave interval", widget=INT, lo=0,
                               hi=10**9)
    # seconds of training between autosaves (0: off)
    autosave_seconds: float = _f(60.0, change=CONTINUE, label="Autosave interval (seconds)",
                                 name="autosave interval (seconds)", what="autosave interval in seconds",
                                 widget=FLOAT, lo=0, hi=10**7, unit="s")

    def validate(self) -> list[ConfigIssue]:
        issues = _check_fields(self, "train")
        if self.updates == "simultaneous" and self.d_steps != 1:
            issues.append(ConfigIssue("train.d_steps", "simultaneous updates take one D step per G step: set D:G steps to 1, or updates to alternating"))
        if not (self.ema == 0 or (isinstance(self.ema, (int, float)) and 0.5 <= self.ema < 1.0)):
            issues.append(ConfigIssue("train.ema", "EMA decay must be 0 (off) or between 0.5 and 0.9999"))
        if not isinstance(self.device, str) or not self.device:
            issues.append(ConfigIssue("train.device", "device must be 'auto', 'cpu', 'cuda', 'cuda:N' or 'mps'"))
        return issues


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


@dataclass(frozen=True)
class FieldSpec:
    """One config field's descriptor (see `_f`), read from its dataclass metadata."""

    key: str                  # "train.lr_g"
    default: Any
    change: str
    preset: bool
    branch: bool
    label: str
    name: str
    what: str
    hint: str
    unit: str
    widget: str
    lo: Any
    hi: Any
    step: Any
    choices: dict
    check: str
    example: str
    group: str
    only_if: tuple | None
    hide_off: bool
    zero_off: bool

    def tooltip(self) -> str:
        """The hint with its range filled in (English; a view translates the hint, then fills the range)."""
        return self.hint.format(lo=format_number(self.lo), hi=format_number(self.hi)) if self.hint else ""


def format_number(value) -> str:
    """A limit as people write it: 1e-7, 0.999, 2048."""
    if value is None:
        return ""
    text = f"{value:g}"
    mantissa, e, exponent = text.partition("e")
    return f"{mantissa}e{int(exponent)}" if e else text


def field_spec(key: str) -> FieldSpec:
    """The descriptor of a dotted key ("train.lr_g")."""
    section, name = key.split(".", 1)
    for f in dataclasses.fields(SECTIONS[section]):
        if f.name == name:
            default = f.default if f.default is not dataclasses.MISSING else None
            return FieldSpec(key=key, default=default, **{k: f.metadata[k] for k in _META_KEYS})
    raise KeyError(key)


_META_KEYS = tuple(f.name for f in dataclasses.fields(FieldSpec) if f.name not in ("key", "default"))


def field_specs(*, group: str | None = None, branch: bool | None = None) -> list[FieldSpec]:
    """The descriptors of every field in declaration order, or those of one form group / that a branch may change."""
    specs = [field_spec(k) for k in field_keys()]
    return [s for s in specs if (group is None or s.group == group) and (branch is None or s.branch == branch)]


def field_label(key: str) -> str:
    """The name a sentence uses for a dotted key ("train.lr_g" → "generator LR")."""
    try:
        return field_spec(key).name or key
    except KeyError:
        return key


def field_texts() -> list[str]:
    """Every English text the descriptors give a view to show: labels, names, hints, choices, check boxes."""
    texts: list[str] = []
    for s in field_specs():
        texts += [s.label, s.name, s.what, s.hint, s.check, *s.choices.values()]
        if any(c.isalpha() for c in s.example.replace("e", "")):
            texts.append(s.example)
    return [t for t in dict.fromkeys(texts) if t]


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


@dataclass(frozen=True)
class TargetKind:
    """A way a training run stops by itself: `key`, the TrainConfig field that bounds it (None: no target) and
    the seconds one unit of it counts (0: it counts steps)."""

    key: str
    field: str | None
    unit_seconds: float = 0.0

    def limits(self) -> tuple[int, int]:
        """(lowest, highest) whole number of units a target of this kind may be: the field's descriptor."""
        if self.field is None:
            return 0, 0
        hi = field_spec(self.field).hi
        return 1, int(hi // self.unit_seconds) if self.unit_seconds else int(hi)

    def target(self, value: int) -> tuple[int, float]:
        """(steps, seconds) of a target of `value` units; (0, 0.0): none."""
        if self.field is None:
            return 0, 0.0
        return (0, value * self.unit_seconds) if self.unit_seconds else (int(value), 0.0)


# The targets the Training box offers ("Train for"), in its order; the CLI's --steps / --seconds are the same fields.
TRAIN_TARGETS = (TargetKind("none", None), TargetKind("steps", "train.max_steps"),
                 TargetKind("minutes", "train.max_seconds", 60.0))
