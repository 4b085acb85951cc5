import json

import pytest

from gan_studio.core.config import ConfigError, DataConfig, ExperimentConfig, ModelConfig, TrainConfig
from gan_studio.core.presets import DEFAULT_PRESET, get_preset, load_presets


def test_json_round_trip_preserves_every_field():
    cfg = ExperimentConfig(
        data=DataConfig(source="mnist", classes=[1, 7]),
        model=ModelConfig(arch="dcgan", conditional=True, latent_dim=32, g_width=16),
        train=TrainConfig(lr_g=3e-4, loss="hinge", d_steps=2, ema=0.99, max_steps=500),
        name="x",
    )
    back = ExperimentConfig.from_json(cfg.to_json())
    assert back == cfg
    assert json.loads(cfg.to_json())["train"]["loss"] == "hinge"


@pytest.mark.parametrize("change, field, words", [
    (dict(model=ModelConfig(latent_dim=0)), "model.latent_dim", "latent size must be 1–1024"),
    (dict(model=ModelConfig(latent_dim=2000)), "model.latent_dim", "latent size must be 1–1024"),
    (dict(model=ModelConfig(image_size=30)), "model.image_size", "28, 32, 64 or 128"),
    (dict(train=TrainConfig(lr_g=0.0)), "train.lr_g", "generator learning rate"),
    (dict(train=TrainConfig(batch_size=0)), "train.batch_size", "batch size"),
    (dict(train=TrainConfig(loss="magic")), "train.loss", "loss must be one of"),
    (dict(train=TrainConfig(ema=0.2)), "train.ema", "EMA"),
    (dict(data=DataConfig(source="folder")), "data.path", "choose a folder"),
    (dict(data=DataConfig(classes=[])), "data.classes", "at least one"),
    (dict(model=ModelConfig(arch="mlp", conditional=True)), "model.conditional", "unconditional"),
    (dict(model=ModelConfig(d_norm="batch"), train=TrainConfig(loss="wgan-gp")), "model.d_norm", "WGAN-GP"),
])
def test_validation_names_field_and_reason(change, field, words):
    issues = ExperimentConfig(**change).validate()
    assert any(i.field == field and words in i.message for i in issues), issues
    with pytest.raises(ConfigError) as err:
        ExperimentConfig(**change).check()
    assert words in str(err.value)


def test_default_config_is_valid():
    assert ExperimentConfig().validate() == []


def test_unknown_keys_and_bad_json_are_reported():
    with pytest.raises(ConfigError, match="model.colour"):
        ExperimentConfig.from_dict({"model": {"colour": "red"}})
    with pytest.raises(ConfigError, match="not valid JSON"):
        ExperimentConfig.from_json("{nope")


def test_presets_are_valid_and_default_exists():
    presets = load_presets()
    keys = [p.key for p in presets]
    assert keys[0] == DEFAULT_PRESET
    assert {"seed-mlp", "dcgan", "conditional-dcgan", "wgan-gp"} <= set(keys)
    for p in presets:
        assert p.config().validate() == []
        assert len(p.description) > 80


def test_seed_preset_is_the_seed_documents_network():
    cfg = get_preset("seed-mlp").config()
    assert (cfg.model.arch, cfg.model.latent_dim, cfg.model.g_width, cfg.model.depth) == ("mlp", 100, 128, 3)
    assert cfg.train.lr_g == cfg.train.lr_d == 1e-4
    assert cfg.train.loss == "ns"
