"""What the Dataset panel and the status bar say about data: a data source's short title, and the notes under
the preview (a folder's held-out share, its background told truly)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..core.config import DataConfig, field_spec
from ..core.data import DatasetError
from .i18n import tr

SOURCE_TITLES = field_spec("data.source").choices      # the data sources' titles, from the config's descriptor


def data_title(cfg: DataConfig) -> str:
    """A short name of the data a config asks for (the status bar's read-out until training loads it)."""
    if cfg.source == "folder":
        title = tr("Folder “{name}”").format(name=Path(cfg.path).name) if cfg.path else tr("Folder (none chosen)")
    else:
        title = tr("Offline sample") if cfg.source == "sample" else tr(SOURCE_TITLES.get(cfg.source, cfg.source))
    if cfg.classes is not None:
        title += (tr(" (1 class)") if len(cfg.classes) == 1
                  else tr(" ({n} classes)").format(n=len(cfg.classes)))
    return title


def light_background_fraction(images: np.ndarray, inverted: bool) -> float:
    """The share of (N, C, H, W) uint8 images whose background is light, judged by the median of their
    border pixels (the mean of the whole image calls a light page with bold strokes dark)."""
    if len(images) == 0:
        return 0.0
    x = images.reshape(len(images), -1, *images.shape[-2:]).astype(np.float32).mean(axis=1)   # (N, H, W)
    border = np.concatenate([x[:, 0, :], x[:, -1, :], x[:, :, 0], x[:, :, -1]], axis=1)
    light = np.median(border, axis=1) > 127
    if inverted:
        light = ~light               # the images are shown after inversion
    return float(light.mean())


def dataset_notes(ds) -> list[str]:
    """The notes shown under the preview, with a folder's held-out share said and its background told
    truly ("All images have a light background" when all have)."""
    notes = list(ds.notes)
    if ds.skipped and not any("skipped" in n for n in notes):
        notes.append(tr("{n} file(s) skipped.").format(n=ds.skipped))
    if ds.source != "folder":
        return notes
    identity = ds.identity or {}
    inverted = bool(identity.get("inverted"))
    if inverted:
        images = np.concatenate([ds.train.images, ds.heldout.images]) if len(ds.heldout) else ds.train.images
        share = light_background_fraction(images, inverted=True)
        what = (tr("All images have a light background, so all were inverted to light strokes on dark like MNIST.")
                if share >= 1.0 else
                tr("Most images ({share:.0%}) have a light background, so all were inverted to light strokes "
                   "on dark like MNIST.").format(share=share))
        notes = [what if n.startswith("Most images (") and "light background" in n else n for n in notes]
        if (ds.identity or {}).get("channels", 1) == 1:
            notes.append(tr("Inversion ▸ “Keep as drawn” trains on them as drawn."))
    held, train = len(ds.heldout), len(ds.train)
    if held:
        notes.append(tr("{held:,} of the {total:,} images ({share:.0%}) are held out to measure the generator "
                        "and not trained on; training uses {train:,}.").format(
                            held=held, total=held + train, share=held / (held + train), train=train))
    return notes


def error_text(exc: BaseException) -> str:
    """A dataset error as its message; anything else with its type (an unexpected failure)."""
    if isinstance(exc, DatasetError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"
