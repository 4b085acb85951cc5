"""Shareable setups: write → read gives the same experiment; every kind of bad file is one clear SetupError."""

from __future__ import annotations

import json

import pytest

from gan_studio.core.config import DataConfig, with_values
from gan_studio.core.presets import get_preset
from gan_studio.core.setup import FORMAT, VERSION, Setup, SetupError, is_setup_file, read_setup, write_setup


def seed_setup() -> Setup:
    config = with_values(get_preset("seed-mlp").config(DataConfig(source="mnist", classes=[0, 1, 7])),
                         {"train.lr_g": 3e-4, "train.seed": 42, "train.max_steps": 500})
    return Setup(config, title="Mode collapse", lesson="Watch the grid turn into one blob.", notes="Room 2")


def test_round_trip_keeps_every_field_and_the_texts(tmp_path):
    setup = seed_setup()
    path = write_setup(tmp_path / "collapse.json", setup)
    raw = json.loads(path.read_text("utf-8"))
    assert raw["format"] == FORMAT and raw["version"] == VERSION
    assert raw["preset"] == "seed-mlp" and raw["dataset"]["source"] == "mnist" and raw["dataset"]["classes"] == [0, 1, 7]
    assert set(raw["train"]) == set(setup.config.train.to_dict()) and set(raw["model"]) == set(setup.config.model.to_dict())
    back = read_setup(path)
    assert back.config == setup.config
    assert (back.title, back.lesson, back.notes) == ("Mode collapse", "Watch the grid turn into one blob.", "Room 2")
    assert back.adjusted == []
    assert path.stat().st_size < 4096


def test_missing_fields_take_their_defaults(tmp_path):
    path = tmp_path / "short.json"
    path.write_text(json.dumps({"format": FORMAT, "version": 1, "preset": "custom", "train": {"lr_g": 0.001}}))
    setup = read_setup(path)
    assert setup.config.train.lr_g == 0.001 and setup.config.train.lr_d == 2e-4
    assert setup.config.data == DataConfig()


def _valid() -> dict:
    return json.loads(seed_setup().to_json())


BAD = [
    ("not json", b"{this is not json", "not valid JSON"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00", "not text"),
    ("a list", b"[1, 2]", "holds no JSON object"),
    ("other format", {"format": "something-else", "version": 1}, "not a GAN Studio setup"),
    ("a run.json", {"format": "gan-studio-run/1", "config": {}, "status": "paused"}, "File ▸ Open run"),
    ("newer version", {"version": 2}, "newer GAN Studio"),
    ("version not a number", {"version": "one"}, "version must be a whole number"),
    ("unknown top-level field", {"colour": "red"}, "colour: unknown field"),
    ("unknown train field", {"train": {**_valid()["train"], "warp": 9}}, "train.warp: unknown setting"),
    ("unknown dataset field", {"dataset": {"source": "mnist", "size": 3}}, "dataset.size: unknown setting"),
    ("learning rate out of range", {"train": {**_valid()["train"], "lr_g": 5.0}}, "train.lr_g: generator learning rate must be"),
    ("batch size not a number", {"train": {**_valid()["train"], "batch_size": "big"}}, "batch size must be an integer"),
    ("bad dataset", {"dataset": {"source": "cifar"}}, "dataset.source: dataset must be one of"),
    ("classes a number", {"dataset": {"source": "mnist", "classes": 5}}, "wrong type"),
    ("section not an object", {"model": [1, 2]}, "model: expected a JSON object"),
    ("lesson not text", {"lesson": ["a"]}, "lesson: must be text"),
    ("model too large", {"model": {**_valid()["model"], "g_width": 2048, "depth": 6}}, "parameters"),
    ("NaN learning rate", {"train": {**_valid()["train"], "lr_d": float("nan")}}, "train.lr_d"),
]


@pytest.mark.parametrize("content, message", [(c, m) for _, c, m in BAD], ids=[i for i, _, _ in BAD])
def test_bad_files_say_what_is_wrong(tmp_path, content, message):
    path = tmp_path / "bad.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(json.dumps({**_valid(), **content}))
    with pytest.raises(SetupError) as info:
        read_setup(path)
    assert message in str(info.value)
    assert str(info.value).startswith("bad.json: ")


def test_missing_huge_and_folder_files(tmp_path):
    with pytest.raises(SetupError, match="does not exist"):
        read_setup(tmp_path / "nope.json")
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (300 * 1024))
    with pytest.raises(SetupError, match="far larger than a setup"):
        read_setup(big)
    with pytest.raises(SetupError, match="folder"):
        read_setup(tmp_path)


def test_a_data_path_from_another_machine(tmp_path):
    mnist = with_values(seed_setup().config, {"data.path": "/nowhere/mnist"})
    path = write_setup(tmp_path / "m.json", Setup(mnist))
    setup = read_setup(path)
    assert setup.config.data.path is None and setup.config.data.source == "mnist"
    assert "not on this computer" in setup.adjusted[0]
    folder = with_values(seed_setup().config, {"data.source": "folder", "data.path": "/nowhere/pics"})
    setup = read_setup(write_setup(tmp_path / "f.json", Setup(folder)))
    assert setup.config.data.path == "/nowhere/pics" and "choose a folder" in setup.adjusted[0]
    here = with_values(seed_setup().config, {"data.source": "folder", "data.path": str(tmp_path)})
    assert read_setup(write_setup(tmp_path / "h.json", Setup(here))).adjusted == []


def test_is_setup_file(tmp_path):
    assert is_setup_file(tmp_path / "lesson.json") and is_setup_file(tmp_path / "LESSON.JSON")
    assert not is_setup_file(tmp_path / "run.json") and not is_setup_file(tmp_path / "run")
    assert not is_setup_file(tmp_path)
