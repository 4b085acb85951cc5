"""Curated starting configurations, shipped as JSON in `resources/presets/`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from ..paths import resource_path
from .config import ConfigError, DataConfig, ExperimentConfig, ModelConfig, TrainConfig

DEFAULT_PRESET = "quick-digits"
ORDER = ("quick-digits", "seed-mlp-fixed", "seed-mlp", "dcgan", "conditional-dcgan", "wgan-gp", "own-images")


@dataclass(frozen=True)
class Preset:
    key: str
    title: str
    description: str
    model: dict
    train: dict

    def config(self, data: DataConfig | None = None, **train_overrides) -> ExperimentConfig:
        """An experiment from this preset (defaults fill what the preset leaves out)."""
        train = dict(self.train, **train_overrides)
        return ExperimentConfig(
            data=data or DataConfig(),
            model=ModelConfig.from_dict(self.model),
            train=TrainConfig.from_dict(train),
            name=self.key,
            preset=self.key,
        ).check()


@lru_cache(maxsize=1)
def load_presets() -> tuple[Preset, ...]:
    folder = resource_path("presets")
    presets = {}
    for file in sorted(folder.glob("*.json")):
        try:
            raw = json.loads(file.read_text("utf-8"))
            preset = Preset(raw["key"], raw["title"], raw["description"], raw["config"].get("model", {}),
                            raw["config"].get("train", {}))
            preset.config()
        except (KeyError, json.JSONDecodeError, ConfigError) as exc:
            raise RuntimeError(f"shipped preset {file.name} is invalid: {exc}") from exc
        presets[preset.key] = preset
    rank = {k: i for i, k in enumerate(ORDER)}
    return tuple(sorted(presets.values(), key=lambda p: (rank.get(p.key, len(rank)), p.key)))


def get_preset(key: str) -> Preset:
    for preset in load_presets():
        if preset.key == key:
            return preset
    raise KeyError(f"unknown preset {key!r}; choose one of: {', '.join(p.key for p in load_presets())}")
