"""File ▸ Export generator…: the generator as ONNX (for other tools) or safetensors + JSON (for GAN Studio).

ONNX is an optional extra; when its packages are missing the app says how to get
them (``pip install "gan-studio[onnx]"``) instead of failing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..core.atomic import atomic_write_text
from ..core.explore.generator import export_generator
from ..core.explore.onnx_export import INSTALL_HINT, OPSET, export_onnx, onnx_available
from .file_export import export_file, last_folder
from .i18n import tr


def onnx_filter() -> str:
    return tr("ONNX model for onnxruntime, the web, Unity, TouchDesigner (*.onnx)")


def safetensors_filter() -> str:
    return tr("Generator for GAN Studio: safetensors + JSON (*.safetensors)")


def _write_safetensors(model, path: Path) -> Path:
    export_generator(model, path)
    atomic_write_text(path.with_suffix(".json"), json.dumps(
        {"name": model.name, "model": model.config.to_dict(), "class_names": model.class_names, "step": model.step,
         "latent_dim": model.latent_dim, "conditional": model.conditional}, indent=2))
    return path


def missing_onnx_message(parent) -> None:
    if getattr(sys, "frozen", False):   # the packaged app: there is no Python environment to install into
        QMessageBox.information(parent, tr("ONNX export is not part of this app"),
                                tr("The packaged GAN Studio does not include the ONNX packages. Export the "
                                   "generator as safetensors here, then convert it on a machine with Python:\n\n"
                                   "pip install \"gan-studio[onnx]\"\ngan-studio export GENERATOR.safetensors "
                                   "--format onnx --out generator.onnx"))
        return
    QMessageBox.information(parent, tr("ONNX export needs two more packages"),
                            tr("Exporting ONNX needs the optional packages onnx and onnxruntime. Install them "
                               "into GAN Studio's Python environment with:\n\n{cmd}\n\nthen export again. "
                               "Safetensors export works without them.").format(cmd=INSTALL_HINT))


def export_choices() -> tuple[str, str]:
    """The save dialog's filters and the suggested suffix: ONNX first where this installation can write it;
    else safetensors first, and the packaged app (no Python to install ONNX into) offers safetensors only."""
    if onnx_available():
        return f"{onnx_filter()};;{safetensors_filter()}", ".onnx"
    if getattr(sys, "frozen", False):
        return safetensors_filter(), ".safetensors"
    return f"{safetensors_filter()};;{onnx_filter()}", ".safetensors"


def export_generator_as(parent, model, path=None, fmt: str | None = None, report=None) -> Path | None:
    """Ask for a file (ONNX or safetensors, by filter or suffix) and write the generator there."""
    stem = f"{model.name.split(' ')[0]}-generator"
    if path is None:
        filters, suffix = export_choices()
        chosen, selected = QFileDialog.getSaveFileName(parent, tr("Export generator"),
                                                       str(last_folder() / f"{stem}{suffix}"), filters)
        if not chosen:
            return None
        path = chosen
        if fmt is None:
            suffix = Path(chosen).suffix.lower()
            fmt = "onnx" if suffix == ".onnx" or (suffix != ".safetensors" and selected == onnx_filter()) \
                else "safetensors"
    fmt = fmt or ("onnx" if str(path).lower().endswith(".onnx") else "safetensors")
    if fmt == "onnx":
        if not onnx_available():
            missing_onnx_message(parent)
            return None
        inputs = "z" + (", label" if model.conditional else "")
        return export_file(parent, tr("Export generator"), f"{stem}.onnx", onnx_filter(), ".onnx",
                           lambda p: export_onnx(model, p), path=path, report=report,
                           message=lambda out: tr("Saved {name} (ONNX opset {opset}, inputs {inputs})").format(
                               name=out.name, opset=OPSET, inputs=inputs))
    return export_file(parent, tr("Export generator"), f"{stem}.safetensors", safetensors_filter(), ".safetensors",
                       lambda p: _write_safetensors(model, p), path=path, report=report,
                       message=lambda out: tr("Saved {name} and {json}").format(name=out.name,
                                                                                json=out.with_suffix(".json").name))
