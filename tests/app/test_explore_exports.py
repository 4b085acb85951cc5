"""Every Explore page is a source: select, star, send to keyframes, export through the one dialog."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import Qt

from gan_studio.app.explore import ExploreTab
from gan_studio.app.export_dialog import ExportDialog
from gan_studio.app.model_source import ModelSource, Pick
from gan_studio.core.explore.atlas import crop_frames, read_atlas
from gan_studio.core.explore.exports import ExportOptions


@pytest.fixture
def tab(qtbot, source, rendered):
    t = ExploreTab(source)
    qtbot.addWidget(t)
    t.resize(1100, 720)
    rendered(t)
    return t


def _picks(model, seed, indices, labels):
    return [Pick.from_address(model, seed, i, lab) for i, lab in zip(indices, labels)]


def test_plane_cells_select_star_send_and_export_sheet(tab, source, tmp_path, rendered):
    page = tab.plane
    page.set_picks(_picks(source.model, 4, [0, 1, 2], [3, 3, 3]))
    page.rows_spin.setValue(3)
    page.cols_spin.setValue(4)
    page.refresh()
    rendered(page)
    assert page.grid.count() == 12 and len(page.picks()) == 12
    page.grid.click(1)
    page.grid.click(6, Qt.KeyboardModifier.ControlModifier)
    assert page.grid.selected() == [1, 6]
    assert page.star_btn.isEnabled() and page.keys_btn.isEnabled()
    # star: the cells (no seed address) join the favourites with their latents
    page.star_selected()
    favs = source.favourites()
    assert len(favs) == 2 and all(f["seed"] is None and len(f["latent"]) == source.model.latent_dim for f in favs)
    assert page.grid.starred() == {1, 6}
    back = source.favourite_picks()
    assert np.allclose(back[0].latent, page.picks()[1].latent, atol=1e-5)
    reopened = ModelSource()                       # saved with the model and read back
    reopened.open(source.model.source)
    assert [f["latent"] for f in reopened.favourites()] == [f["latent"] for f in favs]
    assert reopened.is_favourite(page.picks()[6].key())
    # send to keyframes: appended to Interpolate, which is shown
    before = len(tab.interpolate.keyframes)
    page.send_to_keyframes(page.selected_picks())
    assert len(tab.interpolate.keyframes) == before + 2 and tab.tabs.currentWidget() is tab.interpolate
    # export the whole plane as a sprite sheet + atlas with the plane's columns
    page.grid.set_selected([])
    png, js = page.export(tmp_path / "plane.png", ExportOptions(format="sheet", size=28, resampling="nearest",
                                                               padding=2))
    atlas = read_atlas(js)
    assert atlas["meta"]["columns"] == 4 and len(atlas["frames"]) == 12
    with Image.open(png) as im:
        sheet = np.asarray(im)
    crops = list(crop_frames(sheet, atlas).values())
    assert all(np.array_equal(c, img[..., 0]) for c, img in zip(crops, page.images()))
    first = next(iter(atlas["frames"].values()))
    assert first["row"] == 0 and first["col"] == 0 and first["label"] == 3
    # a selection exports only the selected cells
    page.grid.set_selected([0, 5])
    out = page.export(tmp_path / "cells", ExportOptions(format="png", size=56))
    assert len(out) == 2 and all(p.suffix == ".png" for p in out)


def test_directions_sweep_exports_gif_and_svg_and_sliders_stay_in_sync(qtbot, tab, source, tmp_path, rendered):
    page = tab.directions
    tab.show_page("directions")
    with qtbot.waitSignal(page.directionsReady, timeout=30000):
        page.ensure_directions()
    page.set_picks(_picks(source.model, 5, [0], [2]))
    # moving a direction slider moves the raw sliders to the resulting latent
    page.dir_sliders[0].setValue(80)
    z = page.current_latent()
    assert not np.allclose(z, page.base.latent)
    assert len(page.raw_sliders) == len(z) == source.model.latent_dim       # every coordinate has its slider
    assert [s.value() for s in page.raw_sliders] == [int(round(float(v) * 100)) for v in z]
    # and a raw slider sets its coordinate of the result, keeping the direction offset — the last one too
    page.raw_sliders[2].setValue(150)
    page.raw_sliders[-1].setValue(-120)
    assert page.current_latent()[2] == pytest.approx(1.5)
    assert page.current_latent()[-1] == pytest.approx(-1.2)
    assert page.dir_sliders[0].value() == 80
    assert page.sweep_combo.findData(f"raw:{len(z) - 1}") >= 0                # and can be swept along
    page.refresh()
    # sweep along PC 1: frames from -1 to +1 through the current digit
    page.sweep_combo.setCurrentIndex(page.sweep_combo.findData("pc:0"))
    page.sweep_frames.setValue(9)
    page.refresh()
    rendered(page)
    sweep = page.sweep_images()
    assert len(sweep) == 9 and page.sweep_grid.count() == 9
    assert np.abs(sweep[4].astype(int) - page.image().astype(int)).max() <= 1   # the middle frame is the digit
    (gif,) = page.export_sweep(tmp_path / "sweep.gif", ExportOptions(format="gif", size=512, fps=15))
    with Image.open(gif) as im:
        assert im.size == (512, 512) and im.n_frames >= 8
    (svg,) = page.export_sweep(tmp_path / "sweep.svg", ExportOptions(format="svg", size=100, background="white"))
    root = ET.parse(svg).getroot()
    assert len(root.findall("{http://www.w3.org/2000/svg}path")) == 9


def test_directions_are_named_and_saved_with_the_model(qtbot, tab, source, tmp_path):
    page = tab.directions
    page.set_picks(_picks(source.model, 5, [0], [2]))
    assert page.save_direction("nothing") is None           # no change yet
    page.raw_sliders[0].setValue(page.raw_sliders[0].value() + 100)
    entry = page.save_direction("thicker")
    assert entry is not None and entry["vector"][0] == pytest.approx(1.0, abs=0.006)   # slider steps of 0.01
    data = json.loads(page.directions_path().read_text())
    assert [d["name"] for d in data["directions"]] == ["thicker"]
    assert page.sweep_combo.currentData() == "named:0"
    # it becomes a slider of its own: +1 applies the saved change to the starting digit again
    assert len(page.named_sliders) == 1
    assert np.allclose(page.current_latent(), page.base.latent + np.asarray(entry["vector"]), atol=1e-5)
    page.reset()
    assert np.allclose(page.current_latent(), page.base.latent)
    page.named_sliders[0].setValue(-50)
    assert np.allclose(page.current_latent(), page.base.latent - 0.5 * np.asarray(entry["vector"]), atol=1e-5)
    assert page.raw_sliders[0].value() == int(round(float(page.current_latent()[0]) * 100))
    # a new page on the same model reads it back
    other = ExploreTab(source)
    qtbot.addWidget(other)
    assert [d["name"] for d in other.directions.named] == ["thicker"]
    assert len(other.directions.named_sliders) == 1
    assert other.directions.sweep_combo.findData("named:0") >= 0


def test_breed_children_star_send_and_export(tab, source, tmp_path, rendered):
    page = tab.breed
    page.set_picks(_picks(source.model, 9, [0, 1], [3, 3]))
    kids = page.breed()
    rendered(page)
    page.child_grid.set_selected([0, 2])
    page.star_selected()
    assert page.child_grid.starred() == {0, 2}
    favs = source.favourites()
    assert {f.get("creature") for f in favs} == {kids[0].creature_id, kids[2].creature_id}
    page.send_to_keyframes(page.selected_picks())
    assert tab.interpolate.keyframes[-1].creature_id == kids[2].creature_id
    page.child_grid.set_selected([])
    png, js = page.export(tmp_path / "kids.png", ExportOptions(format="sheet", size=28, resampling="nearest"))
    atlas = read_atlas(js)
    assert len(atlas["frames"]) == len(kids)
    assert [f["creature"] for f in atlas["frames"].values()] == [k.creature_id for k in kids]
    assert all(f["generation"] == 1 for f in atlas["frames"].values())


def test_export_dialog_preview_follows_the_options(qtbot, source):
    m = source.model
    imgs = m.generate(m.latents(1, 20), np.arange(20) % 10)
    dlg = ExportDialog(None, imgs, [{"seed": 1, "index": i} for i in range(20)], title="t", suggested="x",
                       num_classes=10)
    qtbot.addWidget(dlg)
    dlg.set_format("sheet")
    dlg.scale_spin.setValue(3)                          # scale and size stay in step
    assert dlg.size_spin.value() == 84
    dlg.size_spin.setValue(28)
    assert dlg.scale_spin.value() == 1
    dlg.padding_spin.setValue(2)
    dlg.update_preview()
    w, h = dlg.preview.pixmap_size()
    assert (w, h) == (10 * 30 + 2, 2 * 30 + 2)           # 10 columns: one per digit
    assert "10 columns" in dlg.info.text()
    # nearest vs Lanczos close-ups differ; nearest has only the original grey levels
    dlg.size_spin.setValue(280)
    dlg.update_preview()
    near = dlg.compare_near.pixmap().toImage()
    smooth = dlg.compare_smooth.pixmap().toImage()
    assert near != smooth
    # video formats: no transparency, at least 512 px
    dlg.background_combo.setCurrentIndex(2)
    dlg.set_format("gif")
    assert dlg.size_spin.value() >= 512 and dlg.background_combo.currentData() == "black"
    assert dlg.fps_spin.isVisibleTo(dlg)                  # the frame rate is offered for animations …
    dlg.set_format("png")
    assert not dlg.fps_spin.isVisibleTo(dlg)              # … and not for still images
    dlg.set_format("gif")
    # SVG: threshold changes the preview
    dlg.set_format("svg")
    dlg.size_spin.setValue(60)
    dlg.threshold_slider.setValue(20)
    dlg.update_preview()
    low = dlg.last_svg
    dlg.threshold_slider.setValue(80)
    dlg.update_preview()
    assert dlg.last_svg != low


def test_gallery_conditional_grid_has_a_column_per_digit(qtbot, source, rendered):
    from gan_studio.app.gallery_tab import GalleryTab

    t = GalleryTab(source)
    qtbot.addWidget(t)
    t.resize(1200, 700)
    t.set_count(30)
    t.refresh()
    rendered(t)
    assert source.model.conditional and t.grid.columns == 10
    t.digits.set_value(4)
    t.refresh()
    rendered(t)
    assert t.grid.columns is None


def test_training_grid_of_a_conditional_experiment_has_a_column_per_digit(qtbot, window):
    from gan_studio.core.config import ModelConfig

    w = window
    exp = w.experiment
    exp.set_config(exp.config.replace(model=ModelConfig(arch="dcgan", conditional=True)))
    assert w.train_tab.grid.cols == 10
    images = np.zeros((64, 28, 28, 1), np.uint8)
    w.train_tab.grid.add_snapshot(1, images)
    assert w.train_tab.grid.current_sheet().shape[1] == 10 * 30 + 2
    data = exp.config.data.replace(classes=[1, 4, 7])
    exp.set_config(exp.config.replace(data=data))
    assert w.train_tab.grid.cols == 3
    exp.set_config(exp.config.replace(model=ModelConfig(arch="dcgan", conditional=False)))
    assert w.train_tab.grid.cols == 8


def test_gallery_export_dialog_sheet_has_a_column_per_digit(qtbot, source, tmp_path, rendered):
    from gan_studio.app.gallery_tab import GalleryTab

    t = GalleryTab(source)
    qtbot.addWidget(t)
    t.set_count(20)
    t.set_seed(3)
    t.refresh()
    rendered(t)
    png, js = t.export(tmp_path / "g.png", ExportOptions(format="sheet", size=28, padding=2, resampling="nearest"))
    atlas = read_atlas(js)
    assert atlas["meta"]["columns"] == 10
    frames = list(atlas["frames"].values())
    assert [f["label"] for f in frames] == [i % 10 for i in range(20)]
    assert [f["frame"]["x"] for f in frames[:10]] == [2 + 30 * i for i in range(10)]
    assert all(f["seed"] == 3 for f in frames) and [f["index"] for f in frames] == list(range(20))
    with Image.open(png) as im:
        sheet = np.asarray(im)
    crops = list(crop_frames(sheet, atlas).values())
    assert all(np.array_equal(c, img[..., 0]) for c, img in zip(crops, t.images()))


def test_dialog_run_asks_for_the_destination_and_cancel_writes_nothing(qtbot, source, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog, QFileDialog

    m = source.model
    imgs = m.generate(m.latents(2, 3), np.arange(3))
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (asked.append(a[2]) or str(tmp_path / "walk"), ""))
    dlg = ExportDialog(None, imgs, None, title="t", suggested="walk", default="gif")
    qtbot.addWidget(dlg)
    monkeypatch.setattr(dlg, "exec", lambda: QDialog.DialogCode.Accepted)
    (gif,) = dlg.run()
    assert gif == tmp_path / "walk.gif" and asked[0].endswith("walk.gif")
    with Image.open(gif) as im:
        assert im.size == (512, 512) and im.n_frames == 3
    dlg2 = ExportDialog(None, imgs, None, title="t", suggested="x", default="png")
    qtbot.addWidget(dlg2)
    monkeypatch.setattr(dlg2, "exec", lambda: QDialog.DialogCode.Rejected)
    assert dlg2.run() == [] and len(asked) == 1


def test_interpolate_quick_exports_default_to_at_least_512_px(tab, source, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    page = tab.interpolate
    side = source.model.config.image_size
    assert 512 <= page.scale_spin.value() * side < 512 + side
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "walk.gif"), ""))
    page.export_gif()
    with Image.open(tmp_path / "walk.gif") as gif:
        assert gif.size[0] >= 512


def test_an_unreadable_directions_file_is_kept_aside_before_the_next_save(qtbot, tab, source):
    page = tab.directions
    path = page.directions_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"directions": [{"name": "thick", "vector": [1.0')
    page.on_model(source.model)
    assert page.named == []
    page.set_picks(_picks(source.model, 5, [0], [2]))
    page.raw_sliders[0].setValue(page.raw_sliders[0].value() + 100)
    assert page.save_direction("thicker") is not None
    kept = path.with_name(path.name + ".bak")
    assert kept.read_text() == '{"directions": [{"name": "thick", "vector": [1.0'
    assert page.status.text() == f"Saved direction “thicker”; the directions file that could not be read was kept as {kept}"
    assert [d["name"] for d in json.loads(path.read_text())["directions"]] == ["thicker"]
