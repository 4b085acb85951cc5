"""The generator as an ONNX model others can run (onnxruntime, onnxruntime-web, TouchDesigner, Unity, …).

Graph interface (documented in the README, also stored in the model's metadata):

* input ``z``: float32 ``[batch, latent_dim]``, standard normal latents
  (``GeneratorModel.latents(seed, n)`` gives the app's own);
* input ``label`` (conditional models only): int64 ``[batch]``, the class 0…K-1;
* output ``image``: float32 ``[batch, channels, height, width]`` in [-1, 1]
  (pixel = (value + 1) × 127.5; channel 0 is gray for digits, RGB for colour models); the metadata's
  ``pixel_mapping`` says so in words, and ``inverted`` whether the training images were inverted.

``batch`` is a dynamic axis.  Opset `OPSET` (15) is one that onnxruntime and
onnxruntime-web, Unity Sentis (opset 7–15), OpenCV DNN and TensorRT all load.
The exporter is torch's TorchScript-based one (``dynamo=False``): it needs only the
``onnx`` package, not onnxscript.  ONNX support is an optional extra:
``pip install "gan-studio[onnx]"``.
"""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

import torch

from ..atomic import atomic_path

__all__ = ["OPSET", "OnnxUnavailable", "onnx_available", "export_onnx", "INSTALL_HINT"]

OPSET = 15
INSTALL_HINT = 'pip install "gan-studio[onnx]"   (or: pip install onnx onnxruntime)'


class OnnxUnavailable(RuntimeError):
    """The optional ONNX packages are not installed."""


def onnx_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("onnx") is not None


class _Graph(torch.nn.Module):
    def __init__(self, generator: torch.nn.Module, conditional: bool):
        super().__init__()
        self.g = generator
        self.conditional = conditional

    def forward(self, z, label=None):
        return self.g(z, label if self.conditional else None)


def export_onnx(model, path: os.PathLike | str, opset: int = OPSET) -> Path:
    """Write ``model`` (a `GeneratorModel`) as ONNX at ``path`` (atomically) and return the path."""
    if not onnx_available():
        raise OnnxUnavailable(f"ONNX export needs the optional ONNX packages: {INSTALL_HINT}")
    import copy

    import onnx

    path = Path(path)
    module = copy.deepcopy(model.module).cpu().float().eval()
    graph = _Graph(module, model.conditional).eval()
    z = torch.randn(2, model.latent_dim, generator=torch.Generator().manual_seed(0))
    names = ["z"]
    args: tuple = (z,)
    axes = {"z": {0: "batch"}, "image": {0: "batch"}}
    if model.conditional:
        args = (z, torch.arange(2, dtype=torch.long) % model.num_classes)
        names.append("label")
        axes["label"] = {0: "batch"}
    try:
        _write(model, graph, args, names, axes, path, opset, onnx)
    except OSError as exc:       # a full disk, a read-only folder: name the file, not only "No space left"
        from ..atomic import describe_write_failure
        from .exports import ExportError

        raise ExportError(path, describe_write_failure(path, exc)) from None
    return path


def _write(model, graph, args, names, axes, path: Path, opset: int, onnx) -> None:
    with atomic_path(path) as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")          # the exporter's deprecation notices
        torch.onnx.export(graph, args, str(tmp), dynamo=False, opset_version=int(opset), input_names=names,
                          output_names=["image"], dynamic_axes=axes, do_constant_folding=True)
        proto = onnx.load(str(tmp))
        cfg = model.config
        meta = {"gan_studio.format": "gan-studio-generator-onnx/1", "name": model.name,
                "latent_dim": str(model.latent_dim), "conditional": str(bool(model.conditional)).lower(),
                "num_classes": str(model.num_classes if model.conditional else 0),
                # an unconditional model has no classes: no names (a model saved before names were checked
                # may still carry the digits 0–9 it never had)
                "class_names": json.dumps(list(model.class_names) if model.conditional else []),
                "image_size": str(cfg.image_size), "channels": str(cfg.channels),
                "output_range": "[-1, 1]; pixel = (value + 1) * 127.5",
                "pixel_mapping": model.pixel_mapping(),
                "inverted": str(bool(model.inverted)).lower(),
                "inputs": "z: float32 [batch, latent_dim]" + ("; label: int64 [batch]" if model.conditional else ""),
                "model_config": json.dumps(cfg.to_dict()), "step": str(model.step)}
        for k, v in meta.items():
            entry = proto.metadata_props.add()
            entry.key, entry.value = k, v
        proto.doc_string = "GAN Studio generator: " + meta["inputs"] + " -> image float32 [batch, C, H, W] in [-1, 1]"
        onnx.checker.check_model(proto)
        onnx.save(proto, str(tmp))
