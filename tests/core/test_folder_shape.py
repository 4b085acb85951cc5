"""The rule "a folder of images decides the image size and channels" lives in the core (Experiment.choose_data)."""

from __future__ import annotations

import numpy as np
from PIL import Image

from gan_studio.core.config import DataConfig
from gan_studio.core.data.folder import shape_for_data
from gan_studio.core.experiment import Experiment


def _folder(root, colour: bool, side: int = 40):
    rng = np.random.default_rng(0)
    for cls in ("a", "b"):
        (root / cls).mkdir(parents=True)
        for i in range(3):
            shape = (side, side, 3) if colour else (side, side)
            Image.fromarray(rng.integers(0, 255, shape, dtype=np.uint8)).save(root / cls / f"{i}.png")
    return root


def test_a_colour_folder_decides_64px_rgb_and_leaving_it_goes_back_to_28px_gray(tmp_path):
    colour = _folder(tmp_path / "colour", colour=True)
    sample, folder = DataConfig(source="sample"), DataConfig(source="folder", path=str(colour))
    assert shape_for_data(sample, folder) == (64, 3)
    assert shape_for_data(folder, folder) is None                  # the same folder again decides nothing
    assert shape_for_data(folder, sample) == (28, 1)
    assert shape_for_data(sample, DataConfig(source="mnist")) is None
    assert shape_for_data(sample, DataConfig(source="folder")) is None      # no folder chosen yet

    exp = Experiment()
    exp.choose_data(folder)
    assert (exp.config.data, exp.config.model.image_size, exp.config.model.channels) == (folder, 64, 3)
    exp.choose_data(sample)
    assert (exp.config.model.image_size, exp.config.model.channels) == (28, 1)


def test_a_small_gray_folder_trains_at_28_and_training_keeps_the_shape(tmp_path):
    gray = _folder(tmp_path / "gray", colour=False, side=28)
    exp = Experiment()
    exp.started(exp.config, None, 0)
    exp.set_state("running")                     # while training the data's shape cannot change
    exp.choose_data(DataConfig(source="folder", path=str(gray)))
    assert (exp.config.model.image_size, exp.config.model.channels) == (28, 1)
    assert exp.config.data.source == "folder"
    exp.set_state("idle")
    assert shape_for_data(DataConfig(), DataConfig(source="folder", path=str(gray))) == (28, 1)
