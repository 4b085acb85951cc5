"""Gallery tab with real widgets on a tiny trained generator."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gan_studio.app import gallery_tab as gallery_mod
from gan_studio.app.gallery_tab import GalleryTab
from gan_studio.app.png_options import PngOptions, PngOptionsDialog
from gan_studio.app.model_source import ModelSource, ModelSourceError
from gan_studio.core.explore.exports import load_latents
from gan_studio.core.run_folders.runs import RunFolder

from .gan_fixtures import make_tiny_run


@pytest.fixture
def tab(qtbot, source, rendered):
    t = GalleryTab(source)
    qtbot.addWidget(t)
    t.resize(1000, 700)
    t.set_count(16)
    t.set_seed(7)
    t.refresh()
    rendered(t)
    return t


def test_samples_are_addressed_by_seed_and_regenerate_exactly(tab, source, rendered):
    m = source.model
    labels = np.arange(16) % m.num_classes
    expected = m.generate(m.latents(7, 16), labels)
    assert np.array_equal(tab.images(), expected)
    assert tab.grid.tooltip(12) == "seed 7 · #12 · digit 2"
    first = tab.images().copy()
    tab.set_seed(8)
    tab.refresh()
    rendered(tab)
    assert not np.array_equal(tab.images(), first)
    tab.set_seed(7)
    tab.refresh()
    rendered(tab)
    assert np.array_equal(tab.images(), first)


def test_digit_chooser_and_truncation(tab, source, rendered):
    m = source.model
    tab.digits.set_value(3)
    tab.trunc_check.setChecked(True)
    tab.trunc_slider.setValue(70)
    tab.refresh()
    rendered(tab)
    expected = m.generate(m.latents(7, 16, 0.7), np.full(16, 3))
    assert np.array_equal(tab.images(), expected)
    assert all(p.label == 3 and p.truncation == 0.7 for p in tab.picks())


def test_selection_with_shift_and_ctrl(tab):
    tab.grid.click(2)
    tab.grid.click(5, Qt.KeyboardModifier.ShiftModifier)
    assert tab.grid.selected() == [2, 3, 4, 5]
    tab.grid.click(9, Qt.KeyboardModifier.ControlModifier)
    tab.grid.click(3, Qt.KeyboardModifier.ControlModifier)
    assert tab.grid.selected() == [2, 4, 5, 9]
    assert tab.selection_label.text() == "4 selected"


def test_favourites_saved_for_exported_model_and_reloaded(qtbot, tab, source, gs_home, rendered):
    tab.select([1, 4])
    tab.toggle_favourite()
    assert tab.grid.starred() == {1, 4}
    file = gs_home / "favourites" / "tiny-test.json"
    favs = json.loads(file.read_text())["favourites"]
    assert [(f["seed"], f["index"], f["label"]) for f in favs] == [(7, 1, 1), (7, 4, 4)]
    rendered(tab)
    assert tab.fav_grid.count() == 2

    again = GalleryTab(source)
    qtbot.addWidget(again)
    rendered(again)
    assert again.fav_grid.count() == 2
    fresh = ModelSource()
    fresh.open(source.model.source)
    third = GalleryTab(fresh)
    qtbot.addWidget(third)
    third.set_count(16)
    third.set_seed(7)
    third.refresh()
    rendered(third)
    assert third.grid.starred() == {1, 4}
    assert np.array_equal(third.fav_grid.images(), tab.images()[[1, 4]])


def test_favourites_of_a_run_are_written_with_the_run(qtbot, tmp_path, monkeypatch, rendered):
    run = make_tiny_run(tmp_path / "run")
    calls = []
    original = RunFolder.write_favourites
    monkeypatch.setattr(RunFolder, "write_favourites",
                        lambda self, favs: (calls.append(list(favs)), original(self, favs))[1])
    src = ModelSource()
    src.open(run)
    tab = GalleryTab(src)
    qtbot.addWidget(tab)
    tab.set_count(16)
    tab.set_seed(7)
    tab.refresh()
    rendered(tab)
    tab.select([0, 3])
    assert tab.act_star.shortcut().toString() == "F"
    tab.act_star.trigger()
    assert calls and [f["index"] for f in calls[-1]] == [0, 3]
    assert [f["index"] for f in RunFolder.open(run).read_favourites()] == [0, 3]
    again = GalleryTab(src)
    qtbot.addWidget(again)
    rendered(again)
    assert again.fav_grid.count() == 2


def test_export_selected_png_with_scale(tab, tmp_path, monkeypatch):
    monkeypatch.setattr(PngOptionsDialog, "ask", classmethod(lambda cls, *a: PngOptions(scale=3)))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "out"))
    tab.select([0, 5])
    out = tab.export_png()
    assert [p.name for p in out] == ["tiny-test_seed7_idx0_label0.png", "tiny-test_seed7_idx5_label5.png"]
    for p, i in zip(out, (0, 5)):
        img = Image.open(p)
        assert img.size == (84, 84)
        assert np.array_equal(np.asarray(img)[::3, ::3], tab.images()[i][..., 0])
    # one image: a save dialog with the export_name default
    seen = {}

    def save_dialog(parent, title, default, filt):
        seen["default"] = default
        return str(tmp_path / "single.png"), filt
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    monkeypatch.setattr(PngOptionsDialog, "ask", classmethod(lambda cls, *a: PngOptions(scale=16, invert=True)))
    tab.select([2])
    [single] = tab.export_png()
    assert seen["default"].endswith("tiny-test_seed7_idx2_label2.png")
    assert Image.open(single).size == (448, 448)


def test_export_latents_and_sheet(tab, tmp_path, monkeypatch):
    tab.select([3, 7, 11])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "z.npy"), ""))
    path = tab.export_latents()
    z, meta = load_latents(path)
    assert np.array_equal(z, tab.source.model.latents(7, 16)[[3, 7, 11]])
    assert meta["seeds"] == [7, 7, 7] and meta["indices"] == [3, 7, 11] and meta["labels"] == [3, 7, 1]
    assert meta["model"] == "tiny-test"
    monkeypatch.setattr(PngOptionsDialog, "ask", classmethod(lambda cls, *a: PngOptions(scale=1)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "sheet.png"), ""))
    sheet = tab.export_sheet()
    assert Image.open(sheet).size == (2 * 30 + 2, 2 * 30 + 2)  # 3 tiles of 28 px → 2×2 grid, pad 2


def test_export_error_is_a_message_not_a_crash(tab, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(blocker / "z.npy"), ""))
    tab.select([0])
    assert tab.export_latents() is None
    assert messages and "Could not write" in messages[0]


def test_compare_and_send_to_explore(tab, source):
    tab.select([1, 2, 3])
    tab.compare()
    assert len(tab.compare_dialog.views) == 3
    assert np.array_equal(tab.compare_dialog.views[2].image(), tab.images()[3])
    received = []
    source.picksSent.connect(lambda picks, target: received.append((picks, target)))
    tab.send_to_explore("breed")
    picks, target = received[0]
    assert target == "breed" and [p.index for p in picks] == [1, 2, 3]
    assert np.array_equal(picks[0].latent, source.model.latents(7, 2)[1])


def test_new_seed_shortcut_and_missing_default(qtbot, tab, monkeypatch, tmp_path):
    before = tab.seed_spin.value()
    monkeypatch.setattr(gallery_mod.random, "randrange", lambda a, b: 4242)
    assert tab.act_new_seed.shortcut().toString() == "Ctrl+R"
    tab.act_new_seed.trigger()
    assert tab.seed_spin.value() == 4242 != before
    monkeypatch.setenv("GAN_STUDIO_RESOURCES", str(tmp_path / "none"))
    with pytest.raises(ModelSourceError, match="pretrained digit generator is missing"):
        ModelSource().load_default()


def test_works_without_a_model(qtbot):
    t = GalleryTab(ModelSource())
    qtbot.addWidget(t)
    assert t.images().shape[0] == 0
    assert not t.star_btn.isEnabled()


def test_the_shipped_generator_is_named_as_such(qtbot):
    source = ModelSource()
    said = []
    source.status.connect(said.append)
    t = GalleryTab(source)
    qtbot.addWidget(t)
    source.load_default()
    assert source.is_shipped(source.model)
    assert said == ["Showing the digit generator that comes with GAN Studio"]
    assert t.model_title.text() == "Shipped digit generator"
    assert "pretrained-mnist" not in said[0]
