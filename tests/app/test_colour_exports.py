"""Issue 25: explore and export a colour model — true colours, transparent backgrounds, columns per page."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from gan_studio.app.export_dialog import ExportDialog
from gan_studio.app.model_source import ModelSource
from gan_studio.core.explore.atlas import crop_frames, read_atlas
from gan_studio.core.explore.exports import ExportOptions

from .gan_fixtures import RED, WHITE, make_colour_run, red_on_white


@pytest.fixture(autouse=True)
def fresh_dialog_memory(monkeypatch):
    """The dialog remembers the last export's options for the session: each test starts from the defaults."""
    monkeypatch.setattr(ExportDialog, "last", ExportOptions())


@pytest.fixture(scope="module")
def colour_run(tmp_path_factory):
    return make_colour_run(tmp_path_factory.mktemp("colour") / "icons")


@pytest.fixture
def colour(colour_run):
    src = ModelSource()
    src.open(colour_run)
    return src


@pytest.fixture
def gallery(qtbot, colour, rendered):
    from gan_studio.app.gallery_tab import GalleryTab

    t = GalleryTab(colour)
    qtbot.addWidget(t)
    t.resize(1200, 700)
    t.set_count(6)
    t.set_seed(2)
    t.refresh()
    rendered(t)
    return t


def _read(path) -> np.ndarray:
    with Image.open(path) as im:
        return np.asarray(im)


def test_a_red_on_white_generator_exports_red_on_white_png_and_sheet(gallery, tmp_path):
    assert (gallery.images() == red_on_white()).all()
    t = gallery
    sheet_png, js = t.export(tmp_path / "s.png", ExportOptions(format="sheet", size=28, padding=3,
                                                                resampling="nearest"))
    sheet = _read(sheet_png)
    assert sheet.shape[-1] == 3
    # every cell is the picture, and the padding is the picture's white background (not black seams)
    atlas = read_atlas(js)
    crops = list(crop_frames(sheet, atlas).values())
    assert len(crops) == 6 and all((c == red_on_white()).all() for c in crops)
    colours = {tuple(int(v) for v in px) for px in sheet.reshape(-1, 3)}
    assert colours == {RED, WHITE}
    t.grid.set_selected([0])                        # one image: one PNG, twice the size, pixel for pixel
    (one,) = t.export(tmp_path / "one.png", ExportOptions(format="png", size=56, resampling="nearest"))
    png = _read(one)
    assert png.shape == (56, 56, 3) and (png[::2, ::2] == red_on_white()).all()
    assert (png[1::2, 1::2] == red_on_white()).all()


def test_transparent_keeps_red_and_removes_the_white_background(gallery, tmp_path):
    sheet_png, js = gallery.export(tmp_path / "t.png", ExportOptions(format="sheet", size=28, padding=2,
                                                                      resampling="nearest", background="transparent"))
    rgba = _read(sheet_png)
    assert rgba.shape[-1] == 4
    alpha = rgba[..., 3]
    red = (rgba[..., :3] == RED).all(axis=-1) & (alpha == 255)
    cells = list(crop_frames(rgba, read_atlas(js)).values())
    square = (red_on_white() == RED).all(axis=-1)
    for c in cells:                                # red stays opaque red, the white background is see-through
        assert (c[..., 3][square] == 255).all() and (c[..., :3][square] == RED).all()
        assert (c[..., 3][~square] == 0).all()
    assert red.sum() == 6 * square.sum()
    assert (alpha[~red] == 0).all()                # padding too
    # and composited over white it gives the picture back
    over_white = (rgba[..., :3] * (alpha[..., None] / 255.0) + 255 * (1 - alpha[..., None] / 255.0)).round()
    assert {tuple(int(v) for v in px) for px in over_white.reshape(-1, 3)} == {RED, WHITE}


def test_background_choices_are_named_by_what_they_produce(qtbot, gallery, tmp_path):
    imgs = gallery.images()
    dlg = ExportDialog(None, imgs, title="t", suggested="x", inverted=False, digits=False)
    qtbot.addWidget(dlg)
    names = {dlg.background_combo.itemData(i): dlg.background_combo.itemText(i)
             for i in range(dlg.background_combo.count())}
    assert names == {"black": "Original colours (as generated)", "white": "Negative (colours inverted)",
                     "transparent": "Transparent background (other colours kept)"}
    assert "digit" not in dlg.columns_spin.toolTip().lower()
    # a model trained on inverted images (light backgrounds made dark): "white" gives the originals back
    negative = 255 - imgs
    inv = ExportDialog(None, negative, title="t", suggested="x", inverted=True, digits=False)
    qtbot.addWidget(inv)
    i = inv.background_combo.findData("white")
    assert inv.background_combo.itemText(i) == "Original colours (inverted back)"
    out = inv.finish(tmp_path / "back.png", ExportOptions(format="sheet", size=28, padding=0,
                                                         resampling="nearest", background="white"))
    assert (_read(out[0])[:28, :28] == red_on_white()).all()
    # … and a transparent background in the original colours: red stays red (not its negative, cyan)
    inv = ExportDialog(None, negative, title="t", suggested="x", inverted=True, digits=False)
    qtbot.addWidget(inv)
    labels = [inv.background_combo.itemText(i) for i in range(inv.background_combo.count())]
    assert labels[-1] == "Transparent background, original colours (inverted back)"
    (sheet, _) = inv.finish(tmp_path / "t.png", ExportOptions(format="sheet", size=28, padding=2,
                                                              resampling="nearest",
                                                              background="transparent-negative"))
    rgba = _read(sheet)
    red = (rgba[..., :3] == RED).all(-1) & (rgba[..., 3] == 255)
    assert red.sum() == len(imgs) * 12 * 12 and (rgba[..., 3][~red] == 0).all()


def test_export_columns_follow_the_page_and_do_not_stick(qtbot, source, tmp_path):
    m = source.model
    imgs = m.generate(m.latents(1, 64))
    strip = ExportDialog(None, imgs, title="t", suggested="x")      # an interpolation: 64 frames in one row
    qtbot.addWidget(strip)
    strip.auto_columns = 64
    strip.set_format("sheet")
    assert strip.options().columns == 0 and "8 columns" in strip.describe(strip.options())   # square, not 64
    strip.columns_spin.setValue(5)                                  # the user's choice for this export …
    strip.finish(tmp_path / "s.png", None)
    assert ExportDialog.last.columns == 0
    plane = ExportDialog(None, imgs[:12], title="t", suggested="x")   # … is not the next page's
    qtbot.addWidget(plane)
    plane.auto_columns = 4
    plane.set_format("sheet")
    assert plane.columns_spin.value() == 0 and plane.options().columns == 4
    assert "4 columns" in plane.describe(plane.options())


def test_svg_of_a_colour_model_starts_as_colour_layers(qtbot, gallery, source, tmp_path):
    import xml.etree.ElementTree as ET

    dlg = ExportDialog(None, gallery.images(), title="t", suggested="x", digits=False)
    qtbot.addWidget(dlg)
    dlg.set_format("svg")
    assert dlg.colours_spin.value() == 4 and not dlg.threshold_slider.isVisibleTo(dlg)
    (svg,) = dlg.write(tmp_path / "c.svg")
    fills = [g.get("fill") for g in ET.parse(svg).getroot().findall("{http://www.w3.org/2000/svg}g")]
    assert fills == ["#ffffff", "#ff0000"]              # white underneath, the red square on top
    digits = ExportDialog(None, source.model.generate(source.model.latents(0, 3)), title="t", suggested="x")
    qtbot.addWidget(digits)
    digits.set_format("svg")
    assert digits.colours_spin.value() == 1 and digits.threshold_slider.isVisibleTo(digits)   # gray: outlines


def _visible_texts(root) -> list[str]:
    """Every text a user sees in `root`: labels, buttons, combo entries, menu entries, grid placeholders and
    captions (tooltips of grid cells), of the widgets shown."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QMenu, QWidget

    from gan_studio.app.digit_view import DigitGrid

    texts = []
    for w in [root] + root.findChildren(QWidget):
        if not w.isVisibleTo(root) and w is not root and not isinstance(w, QMenu):
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QMenu):
            texts += [a.text() for a in w.actions()]
        if isinstance(w, DigitGrid):
            n = len(w.images())
            texts += [w.tooltip(i) or "" for i in range(n)] if n else [w.placeholder]   # shown when empty
    return [t for t in texts if t]


def test_no_digit_wording_in_views_of_a_colour_model(qtbot, gallery, colour, source, rendered):
    from gan_studio.app.explore import ExploreTab

    assert not colour.model.is_digits
    gallery.grid.set_selected([])
    gallery._update_actions()
    texts = _visible_texts(gallery) + [gallery.fav_grid.placeholder, gallery.count_spin.toolTip(),
                                       gallery.seed_spin.toolTip(), gallery.trunc_check.toolTip()]
    assert "Select images to star them" in texts or "6 images in" in " ".join(texts)
    explore = ExploreTab(colour)
    qtbot.addWidget(explore)
    explore.resize(1100, 720)
    rendered(explore)
    for name in explore.PAGES:
        explore.show_page(name)
        page = explore.page(name)
        texts += _visible_texts(page)
    dlg = ExportDialog(None, gallery.images(), title="Export", suggested="x", digits=False)
    qtbot.addWidget(dlg)
    dlg.set_format("sheet")
    texts += _visible_texts(dlg) + [dlg.columns_spin.toolTip()]
    assert len(texts) > 40
    digit_texts = [t for t in texts if "digit" in t.lower()]
    assert digit_texts == []
    # the same views of a digit model do say "digit" (the check sees these texts)
    from gan_studio.app.gallery_tab import GalleryTab
    digits = GalleryTab(source)
    qtbot.addWidget(digits)
    digits.set_count(4)
    digits.refresh()
    rendered(digits)
    assert any("digit" in t.lower() for t in _visible_texts(digits))
    explore_digits = ExploreTab(source)
    qtbot.addWidget(explore_digits)
    rendered(explore_digits)
    assert any("digit" in t.lower() for t in _visible_texts(explore_digits.page("plane")))


def test_captions_name_the_models_own_classes():
    from types import SimpleNamespace

    from gan_studio.app.model_source import Pick

    pick = Pick(np.zeros(4, np.float32), label=1, seed=3, index=2)
    shapes = SimpleNamespace(is_digits=False, class_names=["circle", "star"])
    assert pick.caption(shapes) == "seed 3 · #2 · star"
    assert pick.caption(SimpleNamespace(is_digits=True, class_names=[])) == "seed 3 · #2 · digit 1"
    assert pick.caption() == "seed 3 · #2 · digit 1"


def test_quick_png_options_name_a_colour_models_choices_by_what_they_produce(qtbot):
    from gan_studio.app.png_options import PngOptionsDialog

    colour = PngOptionsDialog(None, "Export PNG", 3, 28, digits=False)
    qtbot.addWidget(colour)
    assert colour.invert.text() == "Negative (colours inverted)"
    assert colour.transparent.text() == "Transparent background (other colours kept)"
    digits = PngOptionsDialog(None, "Export PNG", 3, 28)
    qtbot.addWidget(digits)
    assert digits.invert.text() == "Inverted (dark ink on white)"
