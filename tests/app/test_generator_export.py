"""File ▸ Export generator…: ONNX besides safetensors + JSON, and a clear message when ONNX is not installed."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from gan_studio.app import generator_export as ge
from gan_studio.core.explore.generator import load_generator


@pytest.fixture
def parent(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    return w


def test_safetensors_with_json_description(parent, source, tmp_path):
    out = ge.export_generator_as(parent, source.model, path=tmp_path / "g.safetensors")
    assert out == tmp_path / "g.safetensors"
    info = json.loads((tmp_path / "g.json").read_text())
    assert info["latent_dim"] == source.model.latent_dim and info["conditional"] is True
    again = load_generator(out)
    z = again.latents(1, 4)
    assert np.array_equal(again.generate(z, np.arange(4)), source.model.generate(z, np.arange(4)))


def test_onnx_from_the_file_dialog_runs_in_onnxruntime(parent, source, tmp_path, monkeypatch):
    ort = pytest.importorskip("onnxruntime")
    target = tmp_path / "web" / "digits"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ge.onnx_filter()))
    messages = []
    out = ge.export_generator_as(parent, source.model, report=messages.append)
    assert out == target.with_name("digits.onnx") and out.is_file()
    assert "inputs z, label" in messages[0]
    sess = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"])
    z = source.model.latents(3, 6)
    y = np.arange(6, dtype=np.int64) % source.model.num_classes
    got = sess.run(["image"], {"z": z, "label": y})[0]
    assert float(np.abs(got - source.model.generate_float(z, y).numpy()).max()) <= 1e-4


def test_missing_onnx_says_how_to_install(parent, source, tmp_path, monkeypatch):
    monkeypatch.setattr(ge, "onnx_available", lambda: False)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, text: shown.append((title, text)))
    assert ge.export_generator_as(parent, source.model, path=tmp_path / "g.onnx") is None
    assert not (tmp_path / "g.onnx").exists()
    assert len(shown) == 1 and 'pip install "gan-studio[onnx]"' in shown[0][1]


def test_packaged_app_without_onnx_says_how_to_convert_instead_of_pip(parent, source, tmp_path, monkeypatch):
    """The bundle has no Python environment to install into: it offers safetensors + a conversion command."""
    import sys

    monkeypatch.setattr(ge, "onnx_available", lambda: False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, text: shown.append((title, text)))
    assert ge.export_generator_as(parent, source.model, path=tmp_path / "g.onnx") is None
    assert not (tmp_path / "g.onnx").exists()
    assert len(shown) == 1
    title, text = shown[0]
    assert "not part of this app" in title
    assert "safetensors" in text and "gan-studio export GENERATOR.safetensors --format onnx" in text
    assert "into GAN Studio's Python environment" not in text


@pytest.mark.parametrize("onnx, frozen, first, offered_onnx", [(True, False, ".onnx", True),
                                                               (False, False, ".safetensors", True),
                                                               (False, True, ".safetensors", False)])
def test_the_save_dialog_offers_first_what_this_installation_can_write(parent, source, tmp_path, monkeypatch,
                                                                       onnx, frozen, first, offered_onnx):
    """The packaged app pre-selected ONNX and said only after Save that it cannot write it (issue 26)."""
    import sys

    monkeypatch.setattr(ge, "onnx_available", lambda: onnx)
    monkeypatch.setattr(sys, "frozen", frozen, raising=False)
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _p, _title, suggested, filters: asked.append((suggested, filters)) or ("", ""))
    assert ge.export_generator_as(parent, source.model) is None
    suggested, filters = asked[0]
    assert suggested.endswith(first)
    assert filters.split(";;")[0] == (ge.onnx_filter() if first == ".onnx" else ge.safetensors_filter())
    assert (ge.onnx_filter() in filters) == offered_onnx
