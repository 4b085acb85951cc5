"""A folder of RGB images trains at 64×64 colour with the DCGAN presets; every Explore page and export works on it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PIL import Image, ImageDraw

from gan_studio.app.explore import ExploreTab
from gan_studio.app.model_source import ModelSource
from gan_studio.core.explore.atlas import crop_frames, read_atlas
from gan_studio.core.data.folder import suggest_shape
from gan_studio.core.explore.exports import FORMATS, ExportOptions, write_export
from gan_studio.core.experiment import Experiment
from gan_studio.core.config import DataConfig
from gan_studio.core.explore.generator import from_trainer
from gan_studio.core.training.session import TrainingSession

COLOURS = {"red": (220, 40, 40), "blue": (40, 80, 220)}


@pytest.fixture(scope="module")
def shapes(tmp_path_factory):
    """48 coloured shapes on dark backgrounds, 80×80 px, in two class folders."""
    root = tmp_path_factory.mktemp("shapes")
    rng = np.random.default_rng(0)
    for name, colour in COLOURS.items():
        (root / name).mkdir()
        for i in range(24):
            im = Image.new("RGB", (80, 80), (10, 10, 20))
            x, y = (int(v) for v in rng.integers(20, 60, size=2))
            r = int(rng.integers(8, 18))
            draw = ImageDraw.Draw(im)
            (draw.ellipse if name == "red" else draw.rectangle)([x - r, y - r, x + r, y + r], fill=colour)
            im.save(root / name / f"{i:02d}.png")
    return root


@pytest.fixture(scope="module")
def colour_model(shapes, tmp_path_factory):
    assert suggest_shape(shapes) == (64, 3)
    exp = Experiment.from_preset("conditional-dcgan", DataConfig(source="folder", path=str(shapes), holdout=8))
    exp.edit(**{"model.image_size": 64, "model.channels": 3, "model.g_width": 8, "model.d_width": 8,
                "model.num_classes": 2, "train.batch_size": 8, "train.threads": 1})
    cfg = exp.config.check()
    session = TrainingSession(cfg, tmp_path_factory.mktemp("runs") / "shapes")
    assert session.dataset.train.images.shape[1:] == (3, 64, 64)
    for _ in range(2):
        session.trainer.step()
    model = from_trainer(session.trainer, "shapes", class_names=["blue", "red"])
    session.close()
    return model


def test_colour_generator_makes_64px_rgb_and_every_format_writes(colour_model, tmp_path):
    imgs = colour_model.generate(colour_model.latents(1, 4), np.array([0, 1, 0, 1]))
    assert imgs.shape == (4, 64, 64, 3)
    for fmt in FORMATS:
        out = write_export(tmp_path / (f"x.{'png' if fmt == 'sheet' else fmt}" if fmt != "png" else "pngs"), imgs,
                           ExportOptions(format=fmt, size=128, background="transparent" if fmt == "sheet" else "black"),
                           num_classes=2)
        assert all(p.is_file() and p.stat().st_size > 0 for p in out), fmt
    with Image.open(tmp_path / "x.png") as im:
        assert im.mode == "RGBA"
    assert ET.parse(tmp_path / "x.svg").getroot().tag.endswith("svg")


def test_every_explore_page_works_on_the_colour_model(qtbot, colour_model, tmp_path, rendered):
    source = ModelSource(colour_model)
    tab = ExploreTab(source)
    qtbot.addWidget(tab)
    tab.resize(1000, 700)
    # Interpolate
    tab.interpolate.refresh()
    rendered(tab)
    assert tab.interpolate.frames().shape[1:] == (64, 64, 3)
    (gif,) = tab.interpolate.export(tmp_path / "walk.gif", ExportOptions(format="gif", size=256))
    with Image.open(gif) as im:
        assert im.size == (256, 256) and im.convert("RGB").getextrema()[0] != im.convert("RGB").getextrema()[2]
    # Plane
    tab.plane.refresh()
    rendered(tab)
    png, js = tab.plane.export(tmp_path / "plane.png", ExportOptions(format="sheet", size=64, resampling="nearest"))
    atlas = read_atlas(js)
    with Image.open(png) as im:
        sheet = np.asarray(im)
    assert sheet.shape[2] == 3
    crops = list(crop_frames(sheet, atlas).values())
    assert np.array_equal(crops[0], tab.plane.images()[0])
    # Directions
    tab.show_page("directions")
    with qtbot.waitSignal(tab.directions.directionsReady, timeout=30000):
        tab.directions.ensure_directions()
    tab.directions.refresh()
    rendered(tab)
    (mp4,) = tab.directions.export_sweep(tmp_path / "sweep.mp4", ExportOptions(format="mp4", size=512))
    assert mp4.stat().st_size > 0
    # Breed
    tab.breed.breed()
    rendered(tab)
    (svg,) = tab.breed.export(tmp_path / "kids.svg", ExportOptions(format="svg", size=64))
    assert len(ET.parse(svg).getroot().findall("{http://www.w3.org/2000/svg}path")) == len(tab.breed.children)


def test_cli_trains_a_colour_folder_at_64(shapes, tmp_path, capsys):
    from gan_studio.__main__ import main
    from gan_studio.core.explore.generator import load_generator

    out = tmp_path / "run"
    assert main(["train", "--preset", "dcgan", "--dataset", "folder", "--data-path", str(shapes), "--steps", "1",
                 "--batch-size", "8", "--threads", "1", "--out", str(out)]) == 0
    assert "64×64 colour" in capsys.readouterr().err
    gen = load_generator(out)
    assert (gen.config.image_size, gen.config.channels) == (64, 3)
    assert gen.generate(gen.latents(0, 2)).shape == (2, 64, 64, 3)


def test_choosing_a_colour_folder_in_the_window_sets_64px_rgb(qtbot, shapes, window):
    w = window
    w.dataset_panel.set_folder(str(shapes))           # what "Choose folder…" does after the dialog
    m = w.experiment.config.model
    assert (w.experiment.config.data.source, m.image_size, m.channels) == ("folder", 64, 3)
    combo = w.dataset_panel.source_combo
    combo.setCurrentIndex(combo.findData("sample"))
    m = w.experiment.config.model
    assert (m.image_size, m.channels) == (28, 1)


def _shown_texts(root) -> list[str]:
    """Every text a user can read in `root`: labels, buttons, tooltips, placeholders, menu actions, titles."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    from gan_studio.app.digit_view import DigitGrid, DigitImage

    texts = [root.windowTitle(), root.toolTip()]
    for w in [root, *root.findChildren(QWidget)]:
        if w is not root and not w.isVisibleTo(root):
            continue
        texts.append(w.toolTip())
        for attr in ("text", "placeholderText", "windowTitle", "title"):
            value = getattr(w, attr, None)
            if callable(value):
                try:
                    v = value()
                except TypeError:
                    continue
                if isinstance(v, str):
                    texts.append(v)
        if isinstance(w, (DigitGrid, DigitImage)):
            texts.append(w.placeholder)
        if hasattr(w, "count") and hasattr(w, "itemText"):           # combo boxes
            texts += [w.itemText(i) for i in range(w.count())]
    for a in root.findChildren(QAction):
        texts += [a.text(), a.toolTip()]
    return [t for t in texts if t]


@pytest.mark.parametrize("conditional", [True, False])
def test_views_of_a_non_digit_model_never_say_digit(qtbot, colour_model, conditional, tmp_path_factory, shapes):
    """Gallery, every Explore page and the export dialog of a colour model: no "digit" anywhere (issue 25)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from gan_studio.app.export_dialog import ExportDialog
    from gan_studio.app.gallery_tab import GalleryTab
    from gan_studio.app.png_options import PngOptionsDialog
    from gan_studio.app.learn_tab import LearnTab
    from gan_studio.app.train_tab import TrainTab

    model = colour_model
    if not conditional:
        exp = Experiment.from_preset("own-images", DataConfig(source="folder", path=str(shapes), holdout=8))
        exp.edit(**{"model.image_size": 64, "model.channels": 3, "model.g_width": 8, "model.d_width": 8,
                    "train.batch_size": 8, "train.threads": 1})
        session = TrainingSession(exp.config.check(), None)
        session.trainer.step()
        model = from_trainer(session.trainer, "plain", dataset=session.dataset.identity)
        session.close()
    assert not model.is_digits
    source = ModelSource(model)
    gallery, tab = GalleryTab(source), ExploreTab(source)
    experiment = Experiment()                    # the Train tab follows the experiment's data: digits, then the folder
    train = TrainTab(experiment)
    experiment.choose_data(DataConfig(source="folder", path=str(shapes)))
    train.show_run_quality([])                   # a run opened from disk with no quality checks
    learn = LearnTab(experiment)                 # its live part: the graph of one step and the formulas
    experiment.edit(**{"train.loss": "hinge"})    # the formulas of another loss, built for the folder's data
    row = {"step": 3, "d_real": 0.7, "d_fake": 0.3, "loss_d": 1.0, "loss_g": 1.0}
    learn.formulas.show_rows([row])
    rng = np.random.default_rng(0)
    learn.graph.set_probe({"step": 3, "real": rng.integers(0, 255, (4, 64, 64, 3), dtype=np.uint8),
                           "fake": rng.integers(0, 255, (4, 64, 64, 3), dtype=np.uint8), "score_real": [1.0] * 4,
                           "score_fake": [-1.0] * 4, "d_real": [0.7] * 4, "d_fake": [0.3] * 4, "labels": None})
    for w in (gallery, tab, train, learn):
        qtbot.addWidget(w)
    learn.show()
    qtbot.waitUntil(lambda: "Step 3" in learn.formulas.outputs.text() and learn.graph.phase == "d", timeout=10000)
    source.set_model(model)               # the views reword on a model change as on start
    for page in ("interpolate", "plane", "directions", "breed"):
        tab.show_page(page)
    imgs = model.generate(model.latents(1, 4), np.array([0, 1, 0, 1]) if model.conditional else None)
    dialogs = [ExportDialog(None, imgs, title="Export", digits=model.is_digits),
               PngOptionsDialog(None, "Export PNG", 4, 64, model.is_digits)]
    for d in dialogs:
        qtbot.addWidget(d)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)   # buttons replaced on the model change
    # The button that loads the shipped digit model, and the empty gallery's hint about it, name that model.
    shipped = {gallery.load_default_btn.text(), gallery.load_default_btn.toolTip(), gallery.grid.placeholder}
    curves = [train.plots.loss_plot, train.plots.d_plot, train.plots.quality_plot, train.plots.speed_plot]
    texts = [t for w in (gallery, tab, train, learn.graph, learn.formulas, *dialogs) for t in _shown_texts(w)]
    texts += [c.toolTip() for c in curves] + [learn.graph.caption(), learn.graph.real_title()]
    said = [t for t in texts if "digit" in t.lower() and t not in shipped]
    assert said == [], "\n".join(said)
    assert "folder" in train.plots.quality_plot.toolTip() and "folder" in train.meter.verdict.text()


def test_the_train_tab_of_a_digit_experiment_names_the_digit_classifier(qtbot, shapes):
    """The other side of the wording check above: digit data keeps the classifier's wording, and the texts
    change back and forth with the experiment's data."""
    from gan_studio.app.train_tab import TrainTab

    experiment = Experiment()
    assert experiment.config.data.source in ("sample", "mnist")
    train = TrainTab(experiment)
    qtbot.addWidget(train)
    train.show_run_quality([])
    assert "digit" in train.plots.quality_plot.toolTip() and "digit" in train.meter.verdict.text()
    assert "digit classifier" in train.meter.toolTip() and train.meter.title.text() == "Quality"
    experiment.choose_data(DataConfig(source="folder", path=str(shapes)))
    assert "digit" not in train.meter.verdict.text() + train.meter.toolTip() + train.plots.quality_plot.toolTip()
    assert train.meter.title.text() == "Closeness"
    experiment.choose_data(DataConfig(source="sample"))
    assert "digit" in train.meter.verdict.text() and train.meter.title.text() == "Quality"
