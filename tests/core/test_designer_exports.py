"""Designer exports: smooth upscaling, sprite sheet + JSON atlas, GIF/MP4 sizes, SVG tracing, ONNX."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import av
import numpy as np
import pytest
from PIL import Image

from gan_studio.core.explore import exports as E
from gan_studio.core.explore.atlas import AtlasError, crop_frames, read_atlas
from gan_studio.core.explore.generator import load_generator
from gan_studio.core.images import grid_columns, resize_cells, style
from gan_studio.core.explore.vector import TraceOptions, ink_mask, rasterize_loops, trace
from gan_studio.paths import resource_path

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def pretrained():
    return load_generator(resource_path("models", "pretrained-mnist.safetensors"))


@pytest.fixture(scope="module")
def digits(pretrained):
    """One digit of each class 0–9 from the shipped conditional generator."""
    return pretrained.generate(pretrained.latents(3, 10), np.arange(10))


def _items(n):
    return [{"seed": 7, "index": i, "label": i % 10, "truncation": 0.8 if i % 2 else None} for i in range(n)]


def test_lanczos_is_smooth_and_nearest_is_blocky(digits):
    near = resize_cells(digits[:2], 280, "nearest")
    smooth = resize_cells(digits[:2], 280, "lanczos")
    assert near.shape == smooth.shape == (2, 280, 280, 1)
    assert np.array_equal(near[:, ::10, ::10], digits[:2])            # exact 10x blocks
    levels_near = len(np.unique(near[0]))
    levels_smooth = len(np.unique(smooth[0]))
    assert levels_near == len(np.unique(digits[0]))
    assert levels_smooth > 2 * levels_near                            # in-between values appear
    # Lanczos keeps the picture: downsampled back it is close to the original
    back = np.asarray(Image.fromarray(smooth[0, ..., 0]).resize((28, 28), Image.Resampling.BOX))
    assert np.abs(back.astype(int) - digits[0, ..., 0]).mean() < 6
    assert resize_cells(digits[0], 56, "nearest").shape == (56, 56, 1)  # one (H, W, C) image
    with pytest.raises(ValueError):
        resize_cells(digits, 64, "bicubic")


def test_grid_columns_one_column_per_digit():
    assert grid_columns(64, 10) == 10 and grid_columns(100, 10) == 10
    assert grid_columns(64) == 8 and grid_columns(64, None) == 8
    assert grid_columns(5, 10) == 3            # fewer images than classes: square-ish


def test_styles_background():
    img = np.array([[[0], [200]]], np.uint8)
    assert style(img, "white").ravel().tolist() == [255, 55]
    la = style(img, "transparent")
    assert la.shape == (1, 2, 2) and la[..., 1].ravel().tolist() == [0, 200]
    rgb = np.array([[[0, 0, 0], [200, 100, 0]]], np.uint8)
    rgba = style(rgb, "transparent")
    over_black = np.rint(rgba[..., :3].astype(float) * rgba[..., 3:] / 255).astype(int)
    assert np.abs(over_black - rgb).max() <= 2


def test_transparent_removes_the_images_own_background_colour():
    from gan_studio.core.images import background_colour

    icon = np.full((2, 12, 12, 3), 255, np.uint8)
    icon[:, 3:9, 3:9] = (255, 0, 0)
    icon[:, 5, 5] = (255, 128, 128)               # a half-transparent red over white
    assert background_colour(icon) == (255, 255, 255)
    assert background_colour(np.zeros((1, 8, 8, 1), np.uint8)) == (0,)
    noise = np.random.default_rng(0).integers(0, 256, (1, 8, 8, 1)).astype(np.uint8)
    assert background_colour(noise) == (0,) and background_colour(noise, 255) == (255,)   # no clear background
    rgba = style(icon, "transparent", (255, 255, 255))
    assert (rgba[:, 0, 0] == (255, 255, 255, 0)).all() and (rgba[:, 3, 3] == (255, 0, 0, 255)).all()
    assert tuple(rgba[0, 5, 5]) == (255, 0, 0, 127)
    a = rgba[..., 3:] / 255.0
    over_white = np.rint(rgba[..., :3] * a + 255 * (1 - a))
    assert np.abs(over_white - icon).max() <= 1


def test_sprite_sheet_atlas_reads_back_and_matches_the_sheet(tmp_path, digits):
    imgs = np.concatenate([digits, digits[:3]])                 # 13 cells, 10 columns
    opts = E.ExportOptions(format="sheet", size=56, resampling="nearest", padding=3, background="white")
    png, js = E.write_export(tmp_path / "digits.png", imgs, opts, _items(13), {"model": "pretrained"},
                             num_classes=10)
    assert js == tmp_path / "digits.json"
    atlas = read_atlas(js)
    with Image.open(png) as im:
        sheet = np.asarray(im)
        assert im.size == (atlas["meta"]["size"]["w"], atlas["meta"]["size"]["h"])
    assert atlas["meta"]["image"] == "digits.png" and atlas["meta"]["columns"] == 10
    assert sheet.shape == (2 * (56 + 3) + 3, 10 * (56 + 3) + 3)
    names = list(atlas["frames"])
    assert len(names) == 13 and names == sorted(names)
    crops = crop_frames(sheet, atlas)
    for i, name in enumerate(names):
        fr = atlas["frames"][name]
        assert (fr["seed"], fr["index"], fr["label"], fr["truncation"]) == (7, i, i % 10, 0.8 if i % 2 else None)
        assert fr["frame"]["w"] == fr["frame"]["h"] == 56 and fr["rotated"] is False
        expected = 255 - np.repeat(np.repeat(imgs[i, ..., 0], 2, 0), 2, 1)
        assert np.array_equal(crops[name], expected), name
    assert [atlas["frames"][n]["frame"]["x"] for n in names[:3]] == [3, 62, 121]
    assert atlas["frames"][names[10]]["frame"]["y"] == 62                  # second row starts with digit 0
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"frames": {"a": {"frame": {"x": 0, "y": 0, "w": 999, "h": 1}}},
                               "meta": {"size": {"w": 10, "h": 10}}}))
    with pytest.raises(AtlasError, match="outside"):
        read_atlas(bad)


def test_transparent_sheet_is_gray_alpha(tmp_path, digits):
    opts = E.ExportOptions(format="sheet", size=28, background="transparent", padding=0, columns=5)
    png, js = E.write_export(tmp_path / "t.png", digits, opts)
    with Image.open(png) as im:
        assert im.mode == "LA" and im.size == (140, 56)
    assert read_atlas(js)["meta"]["format"] == "RGBA8888"


def test_gif_and_mp4_at_a_chosen_size_and_rate(tmp_path, digits):
    opts = E.ExportOptions(format="gif", size=512, fps=20)
    (gif,) = E.write_export(tmp_path / "a.gif", digits, opts)
    with Image.open(gif) as im:
        assert im.size == (512, 512) and im.n_frames == 10
        assert im.info["duration"] == 50
    opts = E.ExportOptions(format="mp4", size=512, fps=30, background="white")
    (mp4,) = E.write_export(tmp_path / "a.mp4", digits, opts)
    with av.open(str(mp4)) as c:
        st = c.streams.video[0]
        assert (st.width, st.height) == (512, 512) and float(st.average_rate) == 30
        frame = next(c.decode(video=0)).to_ndarray(format="gray")
    assert frame.mean() > 128            # inverted: mostly white


def test_png_folder_names_carry_the_address(tmp_path, digits):
    out = E.write_export(tmp_path / "pngs", digits[:3], E.ExportOptions(size=84), _items(3))
    assert [p.name for p in out] == ["0000_seed7_idx0_label0.png", "0001_seed7_idx1_label1.png",
                                     "0002_seed7_idx2_label2.png"]
    with Image.open(out[1]) as im:
        assert im.size == (84, 84)


@pytest.mark.parametrize("smoothing", [0, 2])
def test_svg_for_every_digit_class(tmp_path, digits, smoothing):
    """Each class traces to a non-empty path whose fill covers the thresholded digit."""
    for label in range(10):
        opts = E.ExportOptions(format="svg", size=280, smoothing=smoothing, background="white")
        (path,) = E.write_export(tmp_path / f"d{label}.svg", digits[label:label + 1], opts, _items(1))
        root = ET.parse(path).getroot()
        assert root.tag == f"{SVG}svg" and root.get("viewBox") == "0 0 280 280"
        paths = root.findall(f"{SVG}path")
        assert len(paths) == 1 and paths[0].get("d").startswith("M") and len(paths[0].get("d")) > 40
        assert paths[0].get("fill") == "#000000"
        loops, curves = trace(digits[label], TraceOptions(smoothing=smoothing))
        assert loops and curves == (smoothing > 0)
        mask = ink_mask(digits[label], TraceOptions(smoothing=smoothing))
        filled = rasterize_loops(loops, 28, 28, 4)
        iou = (mask & filled).sum() / (mask | filled).sum()
        assert iou >= (0.999 if smoothing == 0 else 0.9), (label, iou)


def test_svg_threshold_changes_the_trace(digits):
    low = rasterize_loops(trace(digits[8], TraceOptions(threshold=0.2, smoothing=0))[0], 28, 28, 4).sum()
    high = rasterize_loops(trace(digits[8], TraceOptions(threshold=0.8, smoothing=0))[0], 28, 28, 4).sum()
    assert low > high > 0
    with pytest.raises(ValueError):
        TraceOptions(threshold=1.5).check()


def test_svg_hole_is_drawn_as_a_hole():
    ring = np.zeros((12, 12, 1), np.uint8)
    ring[2:10, 2:10] = 255
    ring[5:7, 5:7] = 0
    loops, _ = trace(ring, TraceOptions(smoothing=0, upsample=1))
    assert len(loops) == 2
    filled = rasterize_loops(loops, 12, 12)
    assert filled[3, 3] and not filled[5, 5] and not filled[0, 0]


def test_options_are_checked():
    with pytest.raises(ValueError):
        E.ExportOptions(format="bmp").check()
    with pytest.raises(ValueError):
        E.ExportOptions(size=0).check()
    with pytest.raises(ValueError):
        E.write_export("x.png", np.zeros((0, 28, 28, 1), np.uint8), E.ExportOptions())


def test_onnx_round_trip_matches_torch(tmp_path, pretrained):
    ort = pytest.importorskip("onnxruntime")
    import torch

    from gan_studio.core.explore.onnx_export import OPSET, export_onnx

    path = export_onnx(pretrained, tmp_path / "g.onnx")
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    assert [i.name for i in sess.get_inputs()] == ["z", "label"]
    assert [o.name for o in sess.get_outputs()] == ["image"]
    z = pretrained.latents(11, 7)
    y = np.arange(7, dtype=np.int64) % 10
    out = sess.run(None, {"z": z, "label": y})[0]
    ref = pretrained.generate_float(z, y).numpy()
    assert out.shape == ref.shape == (7, 1, 28, 28)
    assert float(np.abs(out - ref).max()) <= 1e-4
    meta = sess.get_modelmeta().custom_metadata_map
    assert meta["latent_dim"] == "64" and meta["conditional"] == "true"
    import onnx
    assert onnx.load(str(path)).opset_import[0].version == OPSET
    assert not list(tmp_path.glob("*.tmp"))
    del torch


def test_onnx_unconditional(tmp_path):
    ort = pytest.importorskip("onnxruntime")
    from gan_studio.core.explore.generator import GeneratorModel
    from gan_studio.core.config import ModelConfig
    from gan_studio.core.models import build_generator
    from gan_studio.core.explore.onnx_export import export_onnx

    cfg = ModelConfig(arch="dcgan", g_width=8, d_width=8, latent_dim=16, conditional=False).check()
    model = GeneratorModel(build_generator(cfg).eval(), cfg, "u", tmp_path)
    path = export_onnx(model, tmp_path / "u.onnx")
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    assert [i.name for i in sess.get_inputs()] == ["z"]
    z = model.latents(1, 3)
    assert float(np.abs(sess.run(None, {"z": z})[0] - model.generate_float(z).numpy()).max()) <= 1e-4


def test_onnx_metadata_says_how_pixels_map_and_names_no_classes_for_an_unconditional_model(tmp_path):
    """Issue 25: an unconditional model's ONNX metadata listed class names 0–9 and did not say how pixels map."""
    ort = pytest.importorskip("onnxruntime")
    from gan_studio.core.explore.onnx_export import export_onnx
    from tests.app.gan_fixtures import make_colour_run, red_on_white

    model = load_generator(make_colour_run(tmp_path / "run"))
    model.class_names = [str(i) for i in range(10)]       # as a model saved before names were checked carries
    sess = ort.InferenceSession(str(export_onnx(model, tmp_path / "c.onnx")), providers=["CPUExecutionProvider"])
    meta = sess.get_modelmeta().custom_metadata_map
    assert json.loads(meta["class_names"]) == [] and meta["num_classes"] == "0" and meta["conditional"] == "false"
    assert meta["channels"] == "3" and meta["inverted"] == "false"
    assert "-1 = 0 (black)" in meta["pixel_mapping"] and "1 = 255 (white)" in meta["pixel_mapping"]
    assert "RGB" in meta["pixel_mapping"] and "inverted" not in meta["pixel_mapping"]
    # the mapping the metadata states turns the ONNX output into the model's red-on-white picture
    out = sess.run(None, {"z": model.latents(0, 2)})[0]
    pixels = np.rint((np.clip(out, -1, 1) + 1) * 127.5).astype(np.uint8).transpose(0, 2, 3, 1)
    assert (pixels == red_on_white()).all()
    model.provenance = {"dataset": {"source": "folder", "inverted": True}}
    meta = ort.InferenceSession(str(export_onnx(model, tmp_path / "i.onnx")),
                                providers=["CPUExecutionProvider"]).get_modelmeta().custom_metadata_map
    assert meta["inverted"] == "true" and "255 - pixel" in meta["pixel_mapping"]


def test_digit_models_are_told_apart_from_other_models(tmp_path, pretrained):
    from tests.app.gan_fixtures import make_colour_run

    colour = load_generator(make_colour_run(tmp_path / "run"))
    assert pretrained.is_digits and pretrained.class_names == [str(i) for i in range(10)]
    assert not colour.is_digits and colour.class_names == [] and not colour.inverted
    assert pretrained.pixel_mapping().endswith("gray (1 channel)") and not pretrained.inverted


def test_colour_svg_has_one_layer_per_colour_in_those_colours(tmp_path):
    """Issue 25: SVG export was black only; a colour image became fragments."""
    img = np.zeros((2, 20, 20, 3), np.uint8)
    img[:] = (30, 60, 200)                       # blue …
    img[:, 5:15, 4:12] = (220, 20, 20)           # … with a red block
    opts = E.ExportOptions(format="svg", size=100, colours=4, smoothing=0)
    (path,) = E.write_export(tmp_path / "c.svg", img, opts)
    root = ET.parse(path).getroot()
    groups = root.findall(f"{SVG}g")
    assert sorted(g.get("fill") for g in groups) == ["#1e3cc8", "#dc1414"]     # two colours: two layers
    assert [g.get("fill") for g in groups][0] == "#1e3cc8"                     # the larger one underneath
    red = next(g for g in groups if g.get("fill") == "#dc1414")
    paths = red.findall(f"{SVG}path")
    assert len(paths) == 2                       # one path per image in the red layer
    # the red path covers the red block: 10×8 pixels at 5 units a pixel
    from gan_studio.core.explore.vector import palette, trace, TraceOptions
    centres, labels = palette(img, 4)
    assert sorted(map(tuple, centres.tolist())) == [(30, 60, 200), (220, 20, 20)]
    loops, _ = trace((labels[0] == [tuple(c) for c in centres.tolist()].index((220, 20, 20))).astype(np.uint8) * 255,
                     TraceOptions(threshold=0.5, smoothing=0))
    assert rasterize_loops(loops, 20, 20).sum() == 80
    # transparent: the background layer (blue) is left out; outline mode keeps one ink colour
    (t,) = E.write_export(tmp_path / "t.svg", img, E.ExportOptions(format="svg", colours=4, background="transparent"))
    assert [g.get("fill") for g in ET.parse(t).getroot().findall(f"{SVG}g")] == ["#dc1414"]
    (o,) = E.write_export(tmp_path / "o.svg", img, E.ExportOptions(format="svg", colours=1))
    assert not ET.parse(o).getroot().findall(f"{SVG}g")
    with pytest.raises(ValueError):
        E.ExportOptions(format="svg", colours=9).check()


def test_quick_grid_png_of_red_on_white_keeps_its_colours(tmp_path):
    from tests.app.gan_fixtures import RED, WHITE, red_on_white

    imgs = np.stack([red_on_white()] * 4)
    with Image.open(E.save_grid_png(tmp_path / "g.png", imgs, cols=2, pad=2)) as im:
        sheet = np.asarray(im)
    assert {tuple(int(v) for v in px) for px in sheet.reshape(-1, 3)} == {RED, WHITE}     # white padding
    with Image.open(E.save_grid_png(tmp_path / "t.png", imgs, cols=2, pad=2, transparent=True)) as im:
        rgba = np.asarray(im)
    red = (rgba[..., :3] == RED).all(-1)
    assert (rgba[..., 3][red] == 255).all() and (rgba[..., 3][~red] == 0).all() and red.sum() == 4 * 12 * 12
