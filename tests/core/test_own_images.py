"""Your own images (issue 25): a plain folder trains unconditionally with no flags, colour is never
inverted, and a collapse is caught on any dataset from pixels alone."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from PIL import Image

from gan_studio.core.config import DataConfig
from gan_studio.core.data.folder import FOLDER_PRESET, folder_recipe, load_image_folder
from gan_studio.core.experiment import Experiment
from gan_studio.core.training.diagnostics import (DIVERSITY_COLLAPSE, DiversityProbe, Watchdog,
                                                  sample_diversity)
from gan_studio.core.training.session import TrainingSession


def red_on_white(root, n: int = 24, side: int = 40, labelled: bool = False):
    """Red squares of varied size and place on white: a plain folder (or two class folders)."""
    rng = np.random.default_rng(0)
    for i in range(n):
        img = np.full((side, side, 3), 255, np.uint8)
        r = int(rng.integers(6, 14))
        x, y = (int(v) for v in rng.integers(r, side - r, 2))
        img[y - r:y + r, x - r:x + r] = (220, 20, 20)
        where = root / ("ab"[i % 2] if labelled else "")
        where.mkdir(parents=True, exist_ok=True)
        Image.fromarray(img).save(where / f"{i:03d}.png")
    return root


def gray_on_light(root, n: int = 12, side: int = 28):
    root.mkdir(parents=True)
    for i in range(n):
        img = np.full((side, side), 240, np.uint8)
        img[8:20, 10 + i % 4:14 + i % 4] = 20
        Image.fromarray(img).save(root / f"{i}.png")
    return root


# ------------------------------------------------------------------ the folder rule
def test_a_plain_folder_takes_the_unconditional_recipe_and_a_labelled_one_stays_conditional(tmp_path):
    plain = red_on_white(tmp_path / "plain")
    recipe = folder_recipe(plain)
    assert (recipe.image_size, recipe.channels, recipe.labelled, recipe.preset) == (64, 3, False, FOLDER_PRESET)
    assert "24 colour images" in str(recipe.reason) and "64×64 RGB" in str(recipe.reason)

    exp = Experiment()                               # the default preset is conditional
    assert exp.config.model.conditional
    exp.choose_data(DataConfig(source="folder", path=str(plain)))
    cfg = exp.config
    assert (cfg.preset, exp.preset_key, cfg.model.conditional) == (FOLDER_PRESET, FOLDER_PRESET, False)
    assert (cfg.model.image_size, cfg.model.channels, cfg.train.augment) == (64, 3, "shift-cutout")
    assert exp.issues() == []
    exp.choose_data(DataConfig(source="sample"))     # the folder's recipe leaves with the folder
    assert (exp.config.preset, exp.config.model.conditional, exp.folder_recipe) == ("quick-digits", True, None)

    labelled = red_on_white(tmp_path / "labelled", labelled=True)
    exp = Experiment()
    exp.choose_data(DataConfig(source="folder", path=str(labelled)))
    assert (exp.config.preset, exp.config.model.conditional) == ("quick-digits", True)
    assert exp.folder_recipe.labelled and exp.folder_recipe.preset is None
    assert "2 class sub-folders" in str(exp.folder_recipe.reason)


def test_cli_trains_a_plain_colour_folder_with_no_other_flag(tmp_path, gs_home, capsys):
    from gan_studio.cli import main

    plain = red_on_white(tmp_path / "plain")
    out = tmp_path / "run"
    assert main(["train", "--dataset", "folder", "--data-path", str(plain), "--steps", "2", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "Own images" in err and "64×64 colour" in err
    run = json.loads((out / "run.json").read_text())
    assert run["config"]["preset"] == FOLDER_PRESET and run["config"]["model"]["conditional"] is False

    # --conditional asks for the conditional model: a plain folder has no labels for it
    assert main(["train", "--dataset", "folder", "--data-path", str(plain), "--steps", "1", "--conditional",
                 "--out", str(tmp_path / "cond")]) != 0
    assert "labelled data" in capsys.readouterr().err


def test_cli_with_quality_on_a_plain_folder_prints_its_closeness(tmp_path, gs_home, capsys):
    """--quality on a folder run: the first check (at once) crashed with `float() argument must be … not
    'ClosenessPoint'` and lost the run; it prints the closeness to the folder, no digit classes."""
    from gan_studio.cli import main

    plain = red_on_white(tmp_path / "plain")
    out = tmp_path / "run"
    assert main(["train", "--dataset", "folder", "--data-path", str(plain), "--steps", "2", "--quality",
                 "--out", str(out)]) == 0
    line = next(ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("quality at step"))
    assert "closeness" in line and "/100 (" in line and "folder's own floor" in line and "classes" not in line
    assert json.loads((out / "run.json").read_text())["step"] == 2


def test_a_folder_closeness_check_raises_no_digit_warnings_live_or_followed():
    """The watchdog judges a folder's closeness checks as no digit check (no classes to lose, its collapse
    is the pixel-diversity probe's): the same rule for a run trained here and one followed from its folder."""
    from gan_studio.core.folder_quality import ClosenessPoint

    def warnings(rows, as_rows):
        dog = Watchdog("hinge")
        out = []
        for row in rows:
            out += dog.add_quality_row(row) if as_rows else dog.add_quality(
                ClosenessPoint(**{k: v for k, v in row.items() if k != "folder"}))
        return [w.kind for w in out]

    # a varied generator, then one that draws the same picture again and again
    digits = [{"step": 100 * i, "elapsed": 10.0 * i, "score": 80.0 if i == 1 else 20.0, "fd": 20.0,
               "fd_floor": 8.0, "coverage": 10 if i == 1 else 1, "diversity_collapse": 0.05 if i == 1 else 0.99}
              for i in range(1, 8)]
    folder = [dict(r, coverage=0, folder=1) for r in digits]
    assert "collapse" in warnings(digits, as_rows=True)                     # from digit checks: a warning
    assert warnings(folder, as_rows=True) == [] and warnings(folder, as_rows=False) == []
    dog = Watchdog("hinge")
    assert dog.add_quality_row({"step": "x"}) == []                         # a damaged row: nothing


# ------------------------------------------------------------------ true colours
def test_colour_is_never_inverted_and_gray_inversion_is_a_choice(tmp_path):
    plain = red_on_white(tmp_path / "plain")
    loaded = load_image_folder(DataConfig(source="folder", path=str(plain), holdout=0), 64, 3)
    assert loaded.identity["inverted"] is False
    mean = loaded.train.images.reshape(len(loaded.train), 3, -1).mean(axis=2).mean(axis=0)
    assert mean[0] > 230 and mean[1] < 220 and mean[2] < 220       # white with red, not cyan on black
    # even asked for, colour is not inverted
    asked = load_image_folder(DataConfig(source="folder", path=str(plain), holdout=0, invert="invert"), 64, 3)
    assert asked.identity["inverted"] is False

    gray = gray_on_light(tmp_path / "gray")
    auto = load_image_folder(DataConfig(source="folder", path=str(gray), holdout=0), 28, 1)
    keep = load_image_folder(DataConfig(source="folder", path=str(gray), holdout=0, invert="keep"), 28, 1)
    assert auto.identity["inverted"] is True and keep.identity["inverted"] is False
    assert auto.train.images.mean() < 60 and keep.train.images.mean() > 190
    assert any("Keep as drawn" in str(n) for n in auto.notes)


def test_a_red_on_white_folder_trains_and_its_samples_stay_red_on_white(tmp_path, gs_home):
    plain = red_on_white(tmp_path / "plain", n=32)
    exp = Experiment()
    exp.choose_data(DataConfig(source="folder", path=str(plain), holdout=0))
    exp.edit(**{"model.image_size": 32, "train.threads": 1, "train.ema": 0.0, "train.seed": 3})
    session = TrainingSession(exp.config, tmp_path / "run")
    session.advance(150)
    samples = session.trainer.sample(32, seed=1)          # uint8, N×C×H×W or N×H×W×C
    x = np.asarray(samples, dtype=np.float64)
    x = x if x.shape[1] == 3 else x.transpose(0, 3, 1, 2)
    r, g, b = (x[:, c].mean() for c in range(3))
    real = session.dataset.train.images.astype(np.float64).mean(axis=(0, 2, 3))     # ≈ (245, 196, 196)
    assert r > 200 and r - g > 12 and r - b > 12, (r, g, b)    # mostly white, tinted red; a negative is dark cyan
    assert np.abs(np.array([r, g, b]) - real).max() < 30, ((r, g, b), real)
    grid = np.asarray(Image.open(sorted((tmp_path / "run").rglob("*.png"))[-1]).convert("RGB"), np.float64)
    assert grid[..., 0].mean() > grid[..., 1].mean() + 10        # the run's saved grid too


# ------------------------------------------------------------------ collapse on any dataset
def test_diversity_is_one_for_real_images_and_zero_for_one_image():
    rng = np.random.default_rng(0)
    real = rng.integers(0, 255, (200, 3, 32, 32), dtype=np.uint8)
    assert sample_diversity(real[:100], real[100:]).ratio == pytest.approx(1.0, abs=0.1)
    one = np.repeat(real[:1], 64, axis=0)
    assert sample_diversity(one, real).ratio < 0.01
    assert sample_diversity(real[:50], real).nearest < 1e-3             # copies of training images
    assert sample_diversity(real[:100], real[100:]).nearest > 0.9        # new images as far as real ones are


def test_collapse_warning_fires_on_a_one_image_colour_generator_and_stays_quiet_on_a_healthy_one(tmp_path, gs_home):
    plain = red_on_white(tmp_path / "plain", n=32)
    exp = Experiment()
    exp.choose_data(DataConfig(source="folder", path=str(plain), holdout=0))
    exp.edit(**{"model.image_size": 32, "train.threads": 1, "train.ema": 0.0})
    session = TrainingSession(exp.config, None)
    assert isinstance(session.diversity, DiversityProbe)
    session.diversity.every = 0.0
    session.watchdog.stuck_seconds = 0.0

    # healthy: "samples" that vary like the folder (its own images) raise nothing
    real = session.dataset.train.images
    healthy = Watchdog(stuck_seconds=0.0)
    for step in range(4):
        rep = sample_diversity(real[np.random.default_rng(step).permutation(len(real))[:16]], real)
        assert rep.ratio > DIVERSITY_COLLAPSE
        assert healthy.add_diversity(step, 60.0 + step, rep) == []

    # collapsed: every input draws the same red picture
    G = session.trainer.G
    with torch.no_grad():
        G.to_image.weight.zero_()
        G.to_image.bias.copy_(torch.tensor([0.9, -0.9, -0.9]))
    warnings = []
    for _ in range(3):
        warnings += session.advance(1).warnings
    kinds = [w.kind for w in warnings]
    assert kinds == ["collapse"], kinds
    assert "vary only 0 %" in warnings[0].text


@pytest.mark.parametrize("size", [28, 32, 64, 128])
def test_nearest_upsampling_generator_draws_the_right_shape_without_transposed_convolutions(size):
    from gan_studio.core.config import ModelConfig
    from gan_studio.core.models import build_generator

    g = build_generator(ModelConfig(arch="dcgan", image_size=size, channels=3, g_width=8, g_upsample="nearest"))
    assert not any(isinstance(m, torch.nn.ConvTranspose2d) for m in g.modules())
    assert any(isinstance(m, torch.nn.Upsample) for m in g.modules())
    assert g(torch.randn(2, 64)).shape == (2, 3, size, size)
    classic = build_generator(ModelConfig(arch="dcgan", image_size=size, channels=3, g_width=8))
    assert any(isinstance(m, torch.nn.ConvTranspose2d) for m in classic.modules())    # the default is unchanged


def test_evaluate_never_scores_a_folder_with_the_digit_classifier(tmp_path, gs_home, capsys, monkeypatch):
    from gan_studio.cli import main
    from gan_studio.core import metrics

    plain = red_on_white(tmp_path / "plain")
    out = tmp_path / "run"
    assert main(["train", "--dataset", "folder", "--data-path", str(plain), "--steps", "2", "--out", str(out)]) == 0
    capsys.readouterr()

    def no_classifier(*_a, **_k):
        raise AssertionError("the digit classifier was loaded for a folder of images")

    monkeypatch.setattr(metrics.QualityMeter, "load_default", classmethod(no_classifier))
    assert main(["evaluate", str(out), "--n", "32"]) == 0
    text = capsys.readouterr().out
    assert "no quality score: it is for handwritten digits only" in text
    assert "vary" in text and "nearest training image" in text and "closeness to the folder" in text
    assert "/100" not in text
